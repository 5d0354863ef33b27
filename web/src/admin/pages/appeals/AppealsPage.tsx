// 申诉复核: every appeal; pending ones first. Admins decide (upheld corrects the results through the
// audited correction); leaders and the supervisor read.
import { Alert, App, Button, Form, Input, Modal, Radio, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appealQueue } from '#shared/charts/integrity.ts';
import { appealDecisionSchema } from '#shared/schemas/appeals.ts';
import { useUser } from '../../auth.tsx';
import { AppealStatusTag } from '../../components/integrity/AppealStatusTag.tsx';
import { useAppealErrorText } from '../../components/integrity/useAppealErrorText.ts';
import { useListStates } from '../../components/ListStates.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { decideAppeal, listAppeals, type Appeal } from '../../endpoints.ts';
import { parseForm } from '../../forms.ts';
import { departmentName } from '../../labels.ts';
import { useLoad } from '../../useLoad.ts';
import { useSave } from '../../useSave.ts';
import { AppealView } from '../mydept/AppealCard.tsx';
import { useDates, useQuarter } from '../rectification/labels.tsx';

export function AppealsPage() {
  const { t, i18n } = useTranslation('integrity');
  const user = useUser();
  const quarter = useQuarter();
  const dates = useDates();
  const listStates = useListStates();
  const { data, error, loading, reload } = useLoad((signal) => listAppeals({}, signal), []);
  const rows = useMemo(() => appealQueue(data ?? []), [data]);
  const [deciding, setDeciding] = useState<Appeal | null>(null);

  return (
    <>
      <PageHeader title={t('queue.title')} subtitle={t('queue.subtitle')} />
      {error && !data ? (
        <LoadError error={error} onRetry={reload} />
      ) : (
        <Table<Appeal>
          rowKey="id"
          dataSource={rows}
          pagination={false}
          data-testid="appeals-table"
          {...listStates(loading && !data, t('queue.empty'))}
          expandable={{ expandedRowRender: (a) => <AppealView appeal={a} /> }}
          columns={[
            { title: t('queue.round'), key: 'round', render: (_, a) => quarter(a.roundId) },
            {
              title: t('queue.department'),
              key: 'department',
              render: (_, a) => departmentName({ nameZh: a.departmentName, nameEn: a.departmentNameEn }, i18n.language),
            },
            { title: t('queue.status'), key: 'status', render: (_, a) => <AppealStatusTag status={a.status} /> },
            { title: t('queue.filed'), key: 'filed', render: (_, a) => dates.dateTime(a.filedAt) },
            { title: t('queue.reasons'), key: 'reasons', ellipsis: true, render: (_, a) => a.reasons },
            ...(user.role === 'admin'
              ? [
                  {
                    title: '',
                    key: 'decide',
                    width: 100,
                    render: (_: unknown, a: Appeal) =>
                      a.status === 'pending' ? (
                        <Button size="small" type="primary" onClick={() => setDeciding(a)} data-testid={`decide-${a.id}`}>
                          {t('queue.decide')}
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      )}
      {deciding ? (
        <DecisionModal
          appeal={deciding}
          onClose={() => setDeciding(null)}
          onDecided={() => {
            setDeciding(null);
            reload();
          }}
        />
      ) : null}
    </>
  );
}

type Values = { decision: 'upheld' | 'rejected'; reasons: string };

function DecisionModal({ appeal, onClose, onDecided }: { appeal: Appeal; onClose(): void; onDecided(): void }) {
  const { t, i18n } = useTranslation('integrity');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const decision = Form.useWatch('decision', form);
  const { saving, problem, save } = useSave(useAppealErrorText());
  const submit = async () => {
    const body = await parseForm(form, appealDecisionSchema, () => t('queue.decisionReasonsRequired'));
    if (!body) return;
    await save(async () => {
      const decided = await decideAppeal(appeal.id, body);
      message.success(t(`appeal.status.${decided.status}`));
      onDecided();
    });
  };
  return (
    <Modal
      open
      title={`${t('queue.decide')} · ${departmentName({ nameZh: appeal.departmentName, nameEn: appeal.departmentNameEn }, i18n.language)}`}
      onCancel={onClose}
      onOk={submit}
      okText={t('queue.submit')}
      confirmLoading={saving}
      destroyOnHidden
    >
      <AppealView appeal={appeal} />
      {problem ? <Alert type="error" showIcon title={problem} style={{ margin: '12px 0' }} data-testid="decision-problem" /> : null}
      <Form form={form} layout="vertical" initialValues={{ decision: 'rejected' }} data-testid="decision-form">
        <Form.Item name="decision" label={t('queue.decision')}>
          <Radio.Group
            options={[
              { value: 'upheld', label: t('queue.uphold') },
              { value: 'rejected', label: t('queue.reject') },
            ]}
          />
        </Form.Item>
        {decision === 'upheld' ? <Typography.Paragraph type="warning">{t('queue.upholdHelp')}</Typography.Paragraph> : null}
        <Form.Item
          name="reasons"
          label={t('queue.decisionReasons')}
          rules={[{ required: true, whitespace: true, message: t('queue.decisionReasonsRequired') }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default AppealsPage;
