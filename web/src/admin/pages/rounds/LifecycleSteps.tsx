// The lifecycle as steps, each with the time it happened (or is planned).
import { Steps, type StepsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Round, RoundStatus } from '#shared/schemas/rounds.ts';
import { useTimeFormat } from './labels.tsx';

const ORDER: readonly Exclude<RoundStatus, 'voided'>[] = ['draft', 'pool_frozen', 'drawn', 'open', 'closed', 'published'];

/** How far a round got: the index of its current step (for a voided one, the step after the last it reached). */
function reached(round: Round): number {
  if (round.status !== 'voided') return ORDER.indexOf(round.status);
  const done = [round.frozenAt, round.drawnAt, round.openedAt, round.closedAt].filter(Boolean).length;
  return done + 1;
}

export function LifecycleSteps({ round }: { round: Round }) {
  const { t } = useTranslation('rounds');
  const time = useTimeFormat();
  const current = reached(round);
  const voided = round.status === 'voided';
  const when: Record<(typeof ORDER)[number], string> = {
    draft: t('steps.draftDesc'),
    pool_frozen: round.frozenAt ? time.dateTime(round.frozenAt) : t('steps.frozenPending'),
    drawn: round.drawnAt ? time.dateTime(round.drawnAt) : t('steps.drawnPending'),
    open: round.openedAt ? time.dateTime(round.openedAt) : t('steps.planned', { time: time.dateTime(round.opensAt) }),
    closed: round.closedAt ? time.dateTime(round.closedAt) : t('steps.deadline', { time: time.dateTime(round.closesAt) }),
    published: round.publishedAt ? time.dateTime(round.publishedAt) : t('steps.publishedPending'),
  };
  const items: StepsProps['items'] = ORDER.map((s, i) =>
    voided && i === current
      ? { title: t('status.voided'), description: time.dateTime(round.voidedAt) }
      : { title: t(`steps.${s}`), description: when[s] },
  );
  return (
    <Steps
      data-testid="lifecycle"
      size="small"
      titlePlacement="vertical"
      current={Math.min(current, ORDER.length - 1)}
      status={voided ? 'error' : round.status === 'published' ? 'finish' : 'process'}
      items={items}
      responsive
    />
  );
}
