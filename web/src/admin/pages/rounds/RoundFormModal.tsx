// Create a round (quarter, sample, strata, departments, rules, dates) or change the settings of a draft.
// The defaults are the city's usual ones; everything is locked once the pool is frozen.
import { App, Col, DatePicker, Divider, Form, InputNumber, Row, Select, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import { POLICIES } from '#shared/results/escalation.ts';
import {
  createRoundSchema,
  STRATIFY_BY,
  updateRoundSchema,
  type CreateRound,
  type Round,
  type StratifyBy,
} from '#shared/schemas/rounds.ts';
import { StaleDataWarning } from '../../components/LoadError.tsx';
import { createRound, listDepartments, updateRound } from '../../endpoints.ts';
import { parseForm } from '../../forms.ts';
import { departmentName } from '../../labels.ts';
import { useLoad } from '../../useLoad.ts';
import { useSave } from '../../useSave.ts';
import { ContactPlanFields } from './ContactPlanFields.tsx';
import { useQuarter, useRoundErrorText } from './labels.tsx';
import { verdictRulesBody } from './verdict-rules.ts';
import { VerdictRulesFields } from './VerdictRulesFields.tsx';

const NO_STRATA = 'none';
type StratifyChoice = StratifyBy | typeof NO_STRATA;

interface Values {
  quarter: Dayjs | null;
  sampleSize: number;
  stratifyBy: StratifyChoice;
  excludedDepartmentIds: number[];
  votesLimit: number;
  minRatings: number;
  bottomN: number;
  escalationPolicy: string;
  rotationExclusion: boolean;
  opensAt: Dayjs | null;
  closesAt: Dayjs | null;
  contactPlan?: CreateRound['contactPlan'];
}

export const roundIdOf = (d: Dayjs) => `${d.year()}Q${Math.floor(d.month() / 3) + 1}`;
const quarterStart = (id: string) => dayjs(`${id.slice(0, 4)}-${String((Number(id.slice(5)) - 1) * 3 + 1).padStart(2, '0')}-01`);

/** The quarter after the latest round (or the current quarter when there is none), skipping taken ones. */
function nextFreeQuarter(taken: ReadonlySet<string>): Dayjs {
  const now = dayjs().startOf('month');
  const latest = [...taken].sort().at(-1);
  const afterLatest = latest ? quarterStart(latest).add(3, 'month') : now;
  let d = afterLatest.isAfter(now) ? afterLatest : now;
  while (taken.has(roundIdOf(d))) d = d.add(3, 'month');
  return d;
}

/** Default dates: opens on the 1st of the quarter's last month at 09:00 (tomorrow if that is past), closes 14 days later at 18:00. */
function defaultDates(quarter: Dayjs): { opensAt: Dayjs; closesAt: Dayjs } {
  const lastMonth = quarter
    .month(Math.floor(quarter.month() / 3) * 3 + 2)
    .date(1)
    .hour(9)
    .minute(0)
    .second(0)
    .millisecond(0);
  const tomorrow = dayjs().add(1, 'day').hour(9).minute(0).second(0).millisecond(0);
  const opensAt = lastMonth.isBefore(tomorrow) ? tomorrow : lastMonth;
  return { opensAt, closesAt: opensAt.add(14, 'day').hour(18) };
}

interface Props {
  /** Edit this draft; absent: create a new round. */
  round?: Round;
  /** Ids of the rounds that exist (one round per quarter). */
  takenIds: readonly string[];
  onClose(): void;
  onSaved(round: Round): void;
}

export function RoundFormModal({ round, takenIds, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation('rounds');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const quarter = useQuarter();
  const [form] = Form.useForm<Values>();
  const { saving, problem, save } = useSave(useRoundErrorText());
  const departments = useLoad((signal) => listDepartments(signal), []);
  const editing = round !== undefined;
  const taken = useMemo(() => new Set(takenIds), [takenIds]);

  const initialValues = useMemo<Values>(() => {
    if (round) {
      const inRound = new Set(round.departments.map((d) => d.departmentId));
      return {
        quarter: quarterStart(round.id),
        sampleSize: round.sampleSize,
        stratifyBy: round.stratifyBy ?? NO_STRATA,
        excludedDepartmentIds: (departments.data ?? []).filter((d) => d.active && !inRound.has(d.id)).map((d) => d.id),
        votesLimit: round.votesLimit,
        minRatings: round.minRatings,
        bottomN: round.bottomN,
        escalationPolicy: round.escalationPolicy,
        rotationExclusion: round.rotationExclusion,
        opensAt: dayjs(round.opensAt),
        closesAt: dayjs(round.closesAt),
      };
    }
    const q = nextFreeQuarter(taken);
    return {
      quarter: q,
      sampleSize: 200,
      stratifyBy: NO_STRATA,
      excludedDepartmentIds: [],
      votesLimit: 3,
      minRatings: 10,
      bottomN: 3,
      escalationPolicy: '2021-v2',
      rotationExclusion: true,
      ...defaultDates(q),
    };
  }, [round, taken, departments.data]);

  const chosenQuarter = Form.useWatch('quarter', form);
  const excluded = Form.useWatch('excludedDepartmentIds', form) ?? [];
  // In edit mode the options also keep departments of the snapshot that have since been deactivated.
  const inRound = new Set(round?.departments.map((d) => d.departmentId) ?? []);
  const candidates = (departments.data ?? []).filter((d) => d.active || inRound.has(d.id));
  const taking = candidates.length - excluded.length;
  const included = (excludedIds: readonly number[]) => candidates.filter((d) => !excludedIds.includes(d.id)).map((d) => d.id);

  const onQuarterChange = (q: Dayjs | null) => {
    // New quarter, new default dates, unless someone already chose dates by hand.
    if (q && !form.isFieldTouched('opensAt') && !form.isFieldTouched('closesAt')) form.setFieldsValue(defaultDates(q));
  };

  /** The request body: who takes part is the complement of the excluded list. */
  const toBody = (v: Values) => {
    const excludedSet = new Set(v.excludedDepartmentIds);
    return {
      ...(editing ? {} : { id: v.quarter ? roundIdOf(v.quarter) : undefined }),
      sampleSize: v.sampleSize,
      stratifyBy: v.stratifyBy === NO_STRATA ? null : v.stratifyBy,
      contactPlan: v.contactPlan,
      // All active departments is the server's default: only send a list when some are left out (or when editing).
      ...(excludedSet.size || editing ? { departmentIds: included(v.excludedDepartmentIds) } : {}),
      votesLimit: v.votesLimit,
      minRatings: v.minRatings,
      bottomN: v.bottomN,
      escalationPolicy: v.escalationPolicy,
      rotationExclusion: v.rotationExclusion,
      opensAt: v.opensAt?.format(),
      closesAt: v.closesAt?.format(),
      ...verdictRulesBody(v),
    };
  };

  // Empty fields are caught by their own rules first, so what reaches here is the schema's: the
  // deadline after the opening, a number out of range.
  const fieldMessage = (field: string) => {
    const messages: Partial<Record<string, string>> = {
      sampleSize: t('form.sampleSizeRequired'),
      closesAt: t('form.closesAfterOpens'),
      opensAt: t('form.opensAtRequired'),
      votesLimit: t('form.numberRequired'),
      minRatings: t('form.numberRequired'),
      bottomN: t('form.numberRequired'),
    };
    return messages[field] ?? tc('errors.validation_failed');
  };

  const submit = async () => {
    const body = await parseForm(form, editing ? updateRoundSchema : createRoundSchema, fieldMessage, toBody);
    if (!body) return;
    await save(
      async () => {
        const saved = editing ? await updateRound(round.id, body) : await createRound(body as CreateRound);
        message.success(t(editing ? 'form.saved' : 'form.created', { name: quarter(saved.id) }));
        onSaved(saved);
      },
      { round_exists: () => form.setFields([{ name: 'quarter', errors: [t('form.quarterTaken')] }]) },
    );
  };

  const required = (text: string) => [{ required: true, message: text }];
  const stratifyOptions = [
    { value: NO_STRATA, label: t('stratify.none') },
    ...STRATIFY_BY.map((s) => ({ value: s, label: t(`stratify.${s}`) })),
  ];

  return (
    <FormModal
      title={editing ? t('form.editTitle', { name: quarter(round.id) }) : t('form.createTitle')}
      okText={editing ? tc('actions.save') : t('form.submit')}
      saving={saving}
      onOk={submit}
      onCancel={onClose}
      width={720}
      // Editing sends the full list of departments, which needs them loaded; a new round can take the default (all).
      okButtonProps={{ disabled: !departments.data && (departments.loading || editing) }}
      problem={problem}
    >
      {departments.data ? null : (
        <StaleDataWarning title={t('form.departmentsFailed')} error={departments.error} onRetry={departments.reload} />
      )}
      <Form<Values> form={form} layout="vertical" initialValues={initialValues} key={editing && departments.data ? 'ready' : 'initial'}>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="quarter"
              label={t('form.quarter')}
              extra={chosenQuarter ? t('form.roundId', { id: roundIdOf(chosenQuarter) }) : undefined}
              rules={[
                ...required(t('form.quarterRequired')),
                {
                  validator: async (_, v: Dayjs | null) => {
                    if (!editing && v && taken.has(roundIdOf(v))) throw new Error(t('form.quarterTaken'));
                  },
                },
              ]}
            >
              <DatePicker
                picker="quarter"
                disabled={editing}
                allowClear={false}
                style={{ width: '100%' }}
                onChange={onQuarterChange}
                disabledDate={(d) => !editing && taken.has(roundIdOf(d))}
                data-testid="quarter-picker"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="sampleSize"
              label={t('form.sampleSize')}
              extra={t('form.sampleSizeHelp')}
              rules={required(t('form.sampleSizeRequired'))}
            >
              <InputNumber min={1} max={100_000} precision={0} style={{ width: '100%' }} suffix={t('form.enterprisesUnit')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="stratifyBy" label={t('form.stratifyBy')} extra={t('form.stratifyHelp')}>
              <Select options={stratifyOptions} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="rotationExclusion"
              label={t('form.rotationExclusion')}
              extra={t('form.rotationExclusionHelp')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="opensAt" label={t('form.opensAt')} rules={required(t('form.opensAtRequired'))}>
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="opens-at" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            {/* Depends on the opening so that a new one clears the schema's "deadline after the opening". */}
            <Form.Item
              name="closesAt"
              label={t('form.closesAt')}
              extra={t('form.closesAtHelp')}
              dependencies={['opensAt']}
              rules={required(t('form.closesAtRequired'))}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="closes-at" />
            </Form.Item>
          </Col>
        </Row>
        <ContactPlanFields plan={round?.contactPlan} />
        {/* The schema decides (at least one department) on the list that is sent: the complement of this one. */}
        <Form.Item
          name="excludedDepartmentIds"
          label={t('form.departments')}
          extra={
            departments.data
              ? t('form.departmentsCount', { count: taking, total: candidates.length })
              : departments.loading
                ? tc('states.loading')
                : undefined
          }
          rules={[
            {
              validator: async (_, v: number[] | undefined) => {
                if (departments.data && !createRoundSchema.shape.departmentIds.safeParse(included(v ?? [])).success)
                  throw new Error(t('form.departmentsRequired'));
              },
            },
          ]}
        >
          <Select
            mode="multiple"
            allowClear
            loading={departments.loading}
            placeholder={t('form.departmentsPlaceholder')}
            optionFilterProp="label"
            options={candidates.map((d) => ({ value: d.id, label: `${departmentName(d, i18n.language)}（${d.code}）` }))}
          />
        </Form.Item>
        <Divider titlePlacement="start" plain>
          {t('form.rules')}
        </Divider>
        <Row gutter={16}>
          <Col xs={24} sm={6}>
            <Form.Item
              name="votesLimit"
              label={t('form.votesLimit')}
              tooltip={t('form.votesLimitHelp')}
              rules={required(t('form.numberRequired'))}
            >
              <InputNumber min={0} max={10} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={6}>
            <Form.Item
              name="minRatings"
              label={t('form.minRatings')}
              tooltip={t('form.minRatingsHelp')}
              rules={required(t('form.numberRequired'))}
            >
              <InputNumber min={1} max={10_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={6}>
            <Form.Item name="bottomN" label={t('form.bottomN')} tooltip={t('form.bottomNHelp')} rules={required(t('form.numberRequired'))}>
              <InputNumber min={1} max={20} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={6}>
            <Form.Item name="escalationPolicy" label={t('form.escalationPolicy')} tooltip={t('form.escalationPolicyHelp')}>
              <Select options={Object.keys(POLICIES).map((v) => ({ value: v, label: v }))} />
            </Form.Item>
          </Col>
        </Row>
        <VerdictRulesFields round={round} />
        <Typography.Text type="secondary">{t('form.lockNote')}</Typography.Text>
      </Form>
    </FormModal>
  );
}
