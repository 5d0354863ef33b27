// 观察: bottom-three departments the escalation policy's statistical guard watches instead of measuring,
// with the reason; the supervisor (纪委) confirms each watch or overrides it (measures apply), with a reason.
import { App, Card, Button, Form, Input, Radio, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { watchReviewBodySchema, type Watch } from '#shared/schemas/escalation-guard.ts';
import { useUser } from '../../auth.tsx';
import { reviewWatch } from '../../endpoints.ts';
import { parseForm } from '../../forms.ts';
import { departmentName } from '../../labels.ts';
import { useSave } from '../../useSave.ts';
import { useQuarter } from '../dashboard/format.tsx';
import { FormModal } from '../../components/FormModal.tsx';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

export function WatchesCard({ watches, onReviewed }: { watches: readonly Watch[]; onReviewed(): void }) {
  const { t, i18n } = useTranslation('integrity');
  const quarter = useQuarter();
  const isSupervisor = useUser().role === 'supervisor';
  const [reviewing, setReviewing] = useState<Watch | null>(null);
  if (!watches.length) return null;
  const columns: TableColumnsType<Watch> = [
    { title: t('watch.columns.round'), dataIndex: 'roundId', width: 130, render: (id: string) => quarter(id) },
    {
      title: t('watch.columns.department'),
      dataIndex: 'name',
      render: (n: string, w) => <Typography.Text strong>{departmentName({ nameZh: n, nameEn: w.nameEn }, i18n.language)}</Typography.Text>,
    },
    {
      title: t('watch.columns.reasons'),
      key: 'reasons',
      render: (_, w) =>
        w.reasons.map((r) => (
          <Tag key={r} color="gold">
            {t(`watch.reasons.${r}`, { p: pct(w.pBottom), lo95: w.lo95?.toFixed(1) ?? '—' })}
          </Tag>
        )),
    },
    {
      title: t('watch.columns.review'),
      key: 'review',
      width: 320,
      render: (_, w) =>
        w.review ? (
          <span data-testid="watch-review">
            <Tag color={w.review.decision === 'override' ? 'red' : 'blue'}>{t(`watch.decisions.${w.review.decision}`)}</Tag>
            {w.review.reason}
            <Typography.Text type="secondary"> · {w.review.reviewedBy}</Typography.Text>
          </span>
        ) : isSupervisor ? (
          <Button size="small" type="primary" onClick={() => setReviewing(w)}>
            {t('watch.review')}
          </Button>
        ) : (
          <Tag>{t('watch.awaiting')}</Tag>
        ),
    },
  ];
  return (
    <Card title={t('watch.title')} style={{ marginBottom: 16 }} data-testid="watches">
      <Typography.Paragraph type="secondary">{t('watch.help')}</Typography.Paragraph>
      <Table<Watch>
        rowKey={(w) => `${w.roundId}:${w.departmentId}`}
        size="small"
        columns={columns}
        dataSource={[...watches]}
        pagination={false}
        scroll={{ x: 900 }}
      />
      {reviewing ? (
        <ReviewModal
          watch={reviewing}
          onClose={() => setReviewing(null)}
          onDone={() => {
            setReviewing(null);
            onReviewed();
          }}
        />
      ) : null}
    </Card>
  );
}

type Values = { decision: 'confirm' | 'override'; reason: string };

function ReviewModal({ watch, onClose, onDone }: { watch: Watch; onClose(): void; onDone(): void }) {
  const { t, i18n } = useTranslation('integrity');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, problem, save } = useSave();
  const submit = async () => {
    const values = await parseForm(form, watchReviewBodySchema.omit({ roundId: true, departmentId: true }), () =>
      t('watch.reasonRequired'),
    );
    if (!values) return;
    await save(async () => {
      const done = await reviewWatch({ roundId: watch.roundId, departmentId: watch.departmentId, ...values });
      message.success(t(`watch.decisions.${done.review!.decision}`));
      onDone();
    });
  };
  return (
    <FormModal
      title={`${t('watch.review')} · ${departmentName({ nameZh: watch.name, nameEn: watch.nameEn }, i18n.language)}`}
      onCancel={onClose}
      onOk={submit}
      okText={t('watch.submit')}
      saving={saving}
      problem={problem}
    >
      <Form form={form} layout="vertical" initialValues={{ decision: 'confirm' }} data-testid="watch-review-form">
        <Form.Item name="decision" label={t('watch.decision')}>
          <Radio.Group
            options={[
              { value: 'confirm', label: t('watch.decisions.confirm') },
              { value: 'override', label: t('watch.decisions.override') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('watch.reason')}
          rules={[{ required: true, whitespace: true, min: 5, message: t('watch.reasonRequired') }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
