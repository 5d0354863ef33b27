// 申诉: a flagged department's head appeals the round's verdict (reasons and evidence) and follows the
// review. The server decides whether it may (flagged, within the window, once per round) and says why not.
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appealState } from '#shared/charts/integrity.ts';
import { fileAppealSchema } from '#shared/schemas/appeals.ts';
import { AppealStatusTag } from '../../components/integrity/AppealStatusTag.tsx';
import { useAppealErrorText } from '../../components/integrity/useAppealErrorText.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { fileAppeal, getAppealWindow, listAppeals, type Appeal } from '../../endpoints.ts';
import { parseForm } from '../../forms.ts';
import { useLoad } from '../../useLoad.ts';
import { useSave } from '../../useSave.ts';
import { useDates } from '../rectification/labels.tsx';

type Values = { reasons: string; evidence?: string };

/** `onFiled`: the page's other views of the round (escalation records, the banner) reload, since filing puts its measures on hold. */
export function AppealCard({ roundId, flagged, onFiled }: { roundId: string; flagged: boolean; onFiled?: () => void }) {
  const { t } = useTranslation('integrity');
  const appeals = useLoad((signal) => listAppeals({ roundId }, signal), [roundId]);
  const filing = useLoad((signal) => getAppealWindow(roundId, signal), [roundId]);
  const dates = useDates();
  const { modal } = App.useApp();
  const [open, setOpen] = useState(false);
  const formRef = useRef<HTMLDivElement>(null);
  // The form opens where the head can see it, not below the fold.
  useEffect(() => {
    if (open) formRef.current?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  }, [open]);
  const [form] = Form.useForm<Values>();
  const { saving, problem, save } = useSave(useAppealErrorText());
  const appeal = appeals.data?.find((a) => a.roundId === roundId);
  const state = appealState(flagged, appeal);
  if (state === 'not_flagged') return null;

  const submit = async () => {
    const body = await parseForm(
      form,
      fileAppealSchema,
      () => t('appeal.reasonsRequired'),
      (v) => ({
        roundId,
        reasons: v.reasons,
        evidence: (v.evidence ?? '')
          .split('\n')
          .map((x) => x.trim())
          .filter(Boolean),
      }),
    );
    if (!body) return;
    // Filing puts the round's measures on hold and can be done once: the head confirms, knowing that.
    const confirmed = await modal.confirm({
      title: t('appeal.confirmTitle'),
      content: t('appeal.confirmBody'),
      okText: t('appeal.submit'),
      cancelText: t('appeal.cancel'),
    });
    if (!confirmed) return;
    await save(async () => {
      await fileAppeal(body);
      setOpen(false);
      appeals.reload();
      onFiled?.();
    });
  };

  return (
    <Card title={t('appeal.title')} data-testid="appeal-card" extra={appeal ? <AppealStatusTag status={appeal.status} /> : null}>
      {appeals.error && !appeals.data ? <LoadError error={appeals.error} onRetry={appeals.reload} /> : null}
      {appeal ? <AppealView appeal={appeal} /> : null}
      {state === 'can_file' && appeals.data ? (
        <Flex vertical gap={12}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {filing.data ? t('appeal.help', { days: filing.data.windowDays }) : t('appeal.helpNoDays')}
          </Typography.Paragraph>
          {filing.data?.deadline ? (
            <Typography.Text strong data-testid="appeal-deadline">
              {t('appeal.deadlineBefore', { time: dates.dateTime(filing.data.deadline) })}
            </Typography.Text>
          ) : null}
          {problem ? <Alert type="error" showIcon title={problem} data-testid="appeal-problem" /> : null}
          {open ? (
            <div ref={formRef}>
              <Form form={form} layout="vertical" onFinish={submit} data-testid="appeal-form">
                <Form.Item
                  name="reasons"
                  label={t('appeal.reasons')}
                  rules={[{ required: true, whitespace: true, message: t('appeal.reasonsRequired') }]}
                >
                  <Input.TextArea rows={4} maxLength={20_000} />
                </Form.Item>
                <Form.Item name="evidence" label={t('appeal.evidence')} extra={t('appeal.evidenceHelp')}>
                  <Input.TextArea rows={3} />
                </Form.Item>
                <Flex gap={8}>
                  <Button type="primary" htmlType="submit" loading={saving}>
                    {t('appeal.submit')}
                  </Button>
                  <Button onClick={() => setOpen(false)}>{t('appeal.cancel')}</Button>
                </Flex>
              </Form>
            </div>
          ) : (
            <div>
              <Button onClick={() => setOpen(true)} data-testid="appeal-open">
                {t('appeal.file')}
              </Button>
            </div>
          )}
        </Flex>
      ) : null}
    </Card>
  );
}

/** One appeal with its outcome: shared by the head's card and the admin's queue. */
export function AppealView({ appeal }: { appeal: Appeal }) {
  const { t } = useTranslation('integrity');
  const dates = useDates();
  const items = [
    {
      key: 'filed',
      label: t('queue.filed'),
      children: t('appeal.filedAt', { time: dates.dateTime(appeal.filedAt), deadline: dates.dateTime(appeal.deadline) }),
    },
    {
      key: 'reasons',
      label: t('queue.reasons'),
      children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{appeal.reasons}</Typography.Text>,
    },
    {
      key: 'evidence',
      label: t('queue.evidence'),
      children: appeal.evidence.length ? (
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {appeal.evidence.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : (
        '—'
      ),
    },
    ...(appeal.decidedAt
      ? [
          {
            key: 'decision',
            label: t('queue.decision'),
            children: t('appeal.decidedAt', {
              time: dates.dateTime(appeal.decidedAt),
              by: appeal.decidedBy ?? '—',
              reasons: appeal.decisionReasons ?? '',
            }),
          },
        ]
      : []),
    ...(appeal.correction
      ? [
          {
            key: 'correction',
            label: '',
            children: t('appeal.correction', {
              version: appeal.correction.version,
              n: appeal.correction.answersExcluded,
              before: appeal.correction.flaggedBefore.join('、') || '—',
              after: appeal.correction.flaggedAfter.join('、') || '—',
            }),
          },
        ]
      : []),
  ];
  return <Descriptions size="small" column={1} items={items} data-testid="appeal-view" />;
}
