// A department's quarter as every page shows it: place, measures with their status and date, the
// rectification case, the appeal, and what happens next by when (views/departmentState.ts words it).
import { Flex, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { EscalationLevel } from '#shared/results/escalation.ts';
import { levelLabel } from '../pages/dashboard/format.tsx';
import { useDates, useQuarter } from '../pages/rectification/labels.tsx';
import { stateSentences, type StateFacts, type StateWords } from '../views/departmentState.ts';

const MEASURE_COLORS: Record<string, string> = {
  pending: 'gold',
  scheduled: 'blue',
  on_hold: 'purple',
  done: 'green',
  withdrawn: 'default',
};

export function useStateWords(): StateWords {
  const { t, i18n } = useTranslation('state');
  const quarter = useQuarter();
  const dates = useDates();
  return useMemo(
    () => ({
      t: (key, params) => String(t(key as never, params as never)),
      quarter,
      measure: (m: EscalationLevel) => levelLabel(m, i18n.language),
      day: (d: string) => dates.date(d),
    }),
    [t, i18n.language, quarter, dates],
  );
}

/**
 * `code` names the department for tests comparing pages; `caseLink` links the rectification sentence
 * to its case (not on the public page); `place` false leaves the place out where the page shows it already.
 */
export function QuarterState({ state, code, caseLink = false }: { state: StateFacts; code: string; caseLink?: boolean }) {
  const { t } = useTranslation('state');
  const s = stateSentences(state, useStateWords());
  const c = state.rectification;
  return (
    <Flex vertical gap={4} data-testid="quarter-state" data-round={state.roundId} data-department={code}>
      <Typography.Text strong data-part="place">
        {s.place}
      </Typography.Text>
      {s.measures.length ? (
        <Flex wrap gap={4}>
          {s.measures.map((m, i) => (
            <Tag key={m} color={MEASURE_COLORS[state.measures[i]!.status]} data-part="measure" style={{ whiteSpace: 'normal' }}>
              {m}
            </Tag>
          ))}
        </Flex>
      ) : null}
      {s.rectification ? (
        <Typography.Text data-part="rectification" type={c?.overdue ? 'danger' : undefined}>
          {caseLink && c ? <Link to={`/rectification/${c.id}`}>{s.rectification}</Link> : s.rectification}
        </Typography.Text>
      ) : null}
      {s.appeal ? <Typography.Text data-part="appeal">{s.appeal}</Typography.Text> : null}
      {s.next.length ? (
        <div data-part="next">
          <Typography.Text type="secondary">{t('next.title')}：</Typography.Text>
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {s.next.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ol>
        </div>
      ) : state.flagged || state.measures.length ? (
        <Typography.Text type="secondary" data-part="next">
          {t('next.none')}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}
