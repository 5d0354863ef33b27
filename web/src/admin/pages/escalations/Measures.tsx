// Every measure of an escalation record, each with where it stands, and the two streaks side by side:
// the responsible head's (which decides) and the department's.
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EscalationLevel } from '#shared/results/escalation.ts';
import type { MeasureState } from '#shared/schemas/results.ts';
import { levelLabel } from '../dashboard/format.tsx';

const MEASURE_COLORS: Record<EscalationLevel, string> = { pledge: 'orange', admonishment: 'volcano', reassignment: 'red' };

export function MeasureTags({ measures, states }: { measures: readonly EscalationLevel[]; states?: readonly MeasureState[] }) {
  const { t, i18n } = useTranslation('dashboard');
  if (!measures.length) return <span>—</span>;
  return (
    <Space size={[4, 4]} wrap data-testid="measures">
      {measures.map((m) => {
        const state = states?.find((s) => s.measure === m);
        return (
          <Tag key={m} color={MEASURE_COLORS[m]} data-measure={m} data-status={state?.status}>
            {levelLabel(m, i18n.language)}
            {state ? ` · ${t(`escalations.status.${state.status}`)}` : ''}
          </Tag>
        );
      })}
    </Space>
  );
}

export function Streaks({ headStreak, departmentStreak }: { headStreak: number; departmentStreak: number }) {
  const { t } = useTranslation('dashboard');
  if (!departmentStreak) return <span>—</span>;
  return (
    <Typography.Text data-testid="streaks" data-head={headStreak} data-department={departmentStreak}>
      {t('escalations.streaks', { head: headStreak, department: departmentStreak })}
    </Typography.Text>
  );
}
