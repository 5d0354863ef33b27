// The rectification plan (整改方案) and the head's commitment (整改承诺): an editor while the case is
// open or returned, a read-only view otherwise.
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { measureSchema, planBodySchema, type CaseDetail, type PlanBody } from '#shared/schemas/rectification.ts';
import { zodRule, parseForm } from '../../forms.ts';
import { isEnglish } from '../dashboard/format.tsx';
import { useDates } from './labels.tsx';
import { startingMeasures, unansweredReasons } from './planReasons.ts';

type Measure = PlanBody['measures'][number];
type PlanValues = { problems?: string; measures?: Partial<Measure>[]; commitment?: string };

const blankMeasure = (): Partial<Measure> => ({ measure: '', owner: '', due: '' });

/** The flagged round's top reasons for 不满意, each with how many firms chose it. */
function TopReasons({ c }: { c: CaseDetail }) {
  const { t, i18n } = useTranslation('rectification');
  if (!c.topReasons.length) return null;
  const en = isEnglish(i18n.language);
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="top-reasons"
      title={t('plan.topReasons')}
      description={
        <Flex vertical gap={6}>
          <Flex gap={6} wrap>
            {c.topReasons.map((r) => (
              <Tag key={r.code} color="volcano" data-testid="top-reason" data-code={r.code}>
                {en ? r.labelEn : r.labelZh} · {t('plan.firms', { count: r.count })}
              </Tag>
            ))}
          </Flex>
          <Typography.Text type="secondary">{t('plan.topReasonsHelp')}</Typography.Text>
        </Flex>
      }
    />
  );
}

function useReasonLabel(c: CaseDetail) {
  const { t, i18n } = useTranslation('rectification');
  const en = isEnglish(i18n.language);
  return (code: string | undefined) => {
    const r = c.topReasons.find((x) => x.code === code);
    return r ? (en ? r.labelEn : r.labelZh) : t('plan.general');
  };
}

function PlanView({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('rectification');
  const dates = useDates();
  const reasonLabel = useReasonLabel(c);
  if (!c.plan && !c.commitment)
    return (
      <>
        <TopReasons c={c} />
        <Empty description={t('plan.empty')} />
      </>
    );
  const aimed = c.plan?.measures.some((m) => m.reason) ?? false;
  return (
    <Flex vertical gap={16} data-testid="plan-view">
      <TopReasons c={c} />
      <div>
        <Typography.Title level={5}>{t('plan.problems')}</Typography.Title>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.plan?.problems ?? t('plan.empty')}</Typography.Paragraph>
      </div>
      <div>
        <Typography.Title level={5}>{t('plan.measures')}</Typography.Title>
        <Table<Measure>
          rowKey={(_, i) => String(i)}
          size="small"
          pagination={false}
          dataSource={c.plan?.measures ?? []}
          scroll={{ x: 480 }} /* on a phone the table scrolls in its box, not the page */
          columns={[
            { title: '#', key: 'i', width: 48, render: (_, __, i) => i + 1 },
            ...(aimed
              ? [
                  {
                    title: t('plan.reason'),
                    key: 'reason',
                    width: 150,
                    render: (_: unknown, m: Measure) => <span data-testid="measure-reason">{reasonLabel(m.reason)}</span>,
                  },
                ]
              : []),
            { title: t('plan.measure'), dataIndex: 'measure', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
            { title: t('plan.owner'), dataIndex: 'owner', width: 180 },
            { title: t('plan.due'), dataIndex: 'due', width: 140, render: (v: string) => dates.date(v) },
          ]}
        />
      </div>
      <div>
        <Typography.Title level={5}>{t('plan.commitment')}</Typography.Title>
        {c.commitment ? (
          <Card size="small" style={{ borderColor: '#ffccc7', background: '#fff7f6' }} data-testid="commitment">
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{c.commitment}</Typography.Paragraph>
          </Card>
        ) : (
          <Typography.Text type="secondary">{t('plan.noCommitment')}</Typography.Text>
        )}
      </div>
    </Flex>
  );
}

interface EditorProps {
  c: CaseDetail;
  saving: boolean;
  onSave(body: PlanBody): Promise<boolean>;
  onDirtyChange(dirty: boolean): void;
}

function PlanEditor({ c, saving, onSave, onDirtyChange }: EditorProps) {
  const { t } = useTranslation('rectification');
  const { t: tc } = useTranslation('common');
  const [form] = Form.useForm<PlanValues>();
  const [dirty, setDirty] = useState(false);
  const markDirty = (value: boolean) => {
    setDirty(value);
    onDirtyChange(value);
  };
  const reasonLabel = useReasonLabel(c);
  const reasonOptions = [
    { value: '', label: t('plan.general') },
    ...c.topReasons.map((r) => ({ value: r.code, label: reasonLabel(r.code) })),
  ];

  const fieldMessage = (path: string): string => {
    if (path.startsWith('measures.')) {
      const leaf = path.split('.')[2];
      return leaf === 'owner' ? t('validation.owner') : leaf === 'due' ? t('validation.due') : t('validation.measure');
    }
    if (path === 'measures') return t('validation.measures');
    if (path === 'commitment') return t('validation.commitment');
    if (path === 'problems') return t('validation.problems');
    return tc('errors.validation_failed');
  };

  const save = async () => {
    // A general measure's reason is '' in the select; the plan leaves it out.
    const measures = (form.getFieldValue('measures') as Partial<Measure>[] | undefined) ?? [];
    form.setFieldValue(
      'measures',
      measures.map((m) => {
        const { reason, ...rest } = m ?? {};
        return reason ? { ...rest, reason } : rest;
      }),
    );
    const plan = await parseForm(form, planBodySchema, fieldMessage);
    if (plan && (await onSave(plan))) markDirty(false);
  };

  return (
    <Form<PlanValues>
      form={form}
      layout="vertical"
      initialValues={{
        problems: c.plan?.problems ?? '',
        measures: startingMeasures(c.topReasons, c.plan?.measures),
        commitment: c.commitment ?? '',
      }}
      onValuesChange={() => {
        if (!dirty) markDirty(true);
      }}
      data-testid="plan-editor"
    >
      <TopReasons c={c} />
      <Form.Item
        name="problems"
        label={t('plan.problems')}
        required
        rules={[zodRule(planBodySchema.shape.problems, t('validation.problems'))]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={5000} placeholder={t('plan.problemsPlaceholder')} />
      </Form.Item>
      <Form.List
        name="measures"
        rules={[
          {
            validator: async (_, value: unknown) => {
              const n = Array.isArray(value) ? value.length : 0;
              if (n < 1 || n > 50) throw new Error(t('validation.measures'));
              const missing = unansweredReasons(c.topReasons, value as Partial<Measure>[]);
              if (missing.length) throw new Error(t('validation.reasons', { reasons: missing.map(reasonLabel).join('、') }));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <Form.Item label={t('plan.measures')} required>
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={fields}
              scroll={{ x: 560 }} /* on a phone the form's table scrolls in its box, not the page */
              data-testid="measures-table"
              columns={[
                { title: '#', key: 'i', width: 40, render: (_, __, i) => i + 1 },
                ...(c.topReasons.length
                  ? [
                      {
                        title: t('plan.reason'),
                        key: 'reason',
                        width: 170,
                        render: (_: unknown, field: { name: number }) => (
                          <Form.Item
                            name={[field.name, 'reason']}
                            style={{ margin: 0 }}
                            getValueProps={(v: string | undefined) => ({ value: v ?? '' })}
                          >
                            <Select
                              options={reasonOptions}
                              aria-label={`${t('plan.reason')} ${field.name + 1}`}
                              data-testid="measure-reason-select"
                            />
                          </Form.Item>
                        ),
                      },
                    ]
                  : []),
                {
                  title: t('plan.measure'),
                  key: 'measure',
                  render: (_, field) => (
                    <Form.Item
                      name={[field.name, 'measure']}
                      rules={[zodRule(measureSchema.shape.measure, t('validation.measure'))]}
                      style={{ margin: 0 }}
                    >
                      <Input.TextArea
                        autoSize={{ minRows: 1, maxRows: 6 }}
                        maxLength={1000}
                        aria-label={`${t('plan.measure')} ${field.name + 1}`}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: t('plan.owner'),
                  key: 'owner',
                  width: 200,
                  render: (_, field) => (
                    <Form.Item
                      name={[field.name, 'owner']}
                      rules={[zodRule(measureSchema.shape.owner, t('validation.owner'))]}
                      style={{ margin: 0 }}
                    >
                      <Input maxLength={100} aria-label={`${t('plan.owner')} ${field.name + 1}`} />
                    </Form.Item>
                  ),
                },
                {
                  title: t('plan.due'),
                  key: 'due',
                  width: 170,
                  render: (_, field) => (
                    <Form.Item
                      name={[field.name, 'due']}
                      rules={[zodRule(measureSchema.shape.due, t('validation.due'))]}
                      style={{ margin: 0 }}
                    >
                      <Input type="date" aria-label={`${t('plan.due')} ${field.name + 1}`} />
                    </Form.Item>
                  ),
                },
                {
                  title: '',
                  key: 'remove',
                  width: 56,
                  render: (_, field) => (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('plan.removeMeasure')}
                      title={t('plan.removeMeasure')}
                      disabled={fields.length <= 1}
                      onClick={() => {
                        remove(field.name);
                        markDirty(true);
                      }}
                    />
                  ),
                },
              ]}
            />
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => {
                add(blankMeasure());
                markDirty(true);
              }}
              disabled={fields.length >= 50}
              style={{ marginTop: 8 }}
              data-testid="add-measure"
            >
              {t('plan.addMeasure')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Form.Item>
        )}
      </Form.List>
      <Form.Item
        name="commitment"
        label={t('plan.commitment')}
        required
        rules={[zodRule(planBodySchema.shape.commitment, t('validation.commitment'))]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} placeholder={t('plan.commitmentPlaceholder')} />
      </Form.Item>
      <Flex gap={12} align="center" wrap>
        <Button
          type="primary"
          loading={saving}
          onClick={() => {
            void save();
          }}
          data-testid="save-plan"
        >
          {t('plan.save')}
        </Button>
        {dirty ? (
          <Typography.Text type="warning" data-testid="plan-unsaved">
            {t('plan.unsaved')}
          </Typography.Text>
        ) : null}
      </Flex>
    </Form>
  );
}

export function PlanSection({ c, editable, ...editor }: { c: CaseDetail; editable: boolean } & Omit<EditorProps, 'c'>) {
  const { t } = useTranslation('rectification');
  return (
    <Card title={t('plan.title')} data-testid="plan-section">
      {editable ? <PlanEditor c={c} {...editor} /> : <PlanView c={c} />}
    </Card>
  );
}
