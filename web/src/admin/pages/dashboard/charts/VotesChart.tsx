// "Least satisfied" votes per round: all votes as bars, the most-voted department's count as a red line.
import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, ComposedChart, LabelList, Legend, Line, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import type { VotesPoint } from '#shared/charts/votes.ts';
import { COLORS, useQuarter } from '../format.tsx';
import { ChartFrame, tooltipBox } from './ChartFrame.tsx';

function VotesTip({ active, payload }: TooltipContentProps) {
  const { t, i18n } = useTranslation('dashboard');
  const quarter = useQuarter();
  const p = payload?.[0]?.payload as VotesPoint | undefined;
  if (!active || !p) return null;
  const worstName = i18n.language === 'en' && p.worstNameEn ? p.worstNameEn : p.worstName;
  return (
    <div style={tooltipBox}>
      <div style={{ fontWeight: 600 }}>{quarter(p.roundId)}</div>
      <div>{t('charts.votesTotalLine', { count: p.total })}</div>
      {worstName ? <div style={{ color: COLORS.flagged }}>{t('charts.votesWorstLine', { count: p.worst, name: worstName })}</div> : null}
    </div>
  );
}

export function VotesChart({ points, height = 300 }: { points: readonly VotesPoint[]; height?: number }) {
  const { t } = useTranslation('dashboard');
  return (
    <ChartFrame testId="votes-chart" label={t('charts.votes')} height={height}>
      <ComposedChart data={points as VotesPoint[]} margin={{ top: 16, right: 20, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="roundId" tick={{ fontSize: 11 }} interval={0} />
        <YAxis allowDecimals={false} />
        <Bar dataKey="total" name={t('charts.votesTotal')} fill="#adc6ff" isAnimationActive={false} />
        <Line
          dataKey="worst"
          name={t('charts.votesWorst')}
          stroke={COLORS.flagged}
          strokeWidth={2}
          isAnimationActive={false}
          dot={{ r: 4, fill: COLORS.flagged }}
        >
          <LabelList dataKey="worst" position="top" fill={COLORS.flagged} fontSize={12} />
        </Line>
        <Tooltip content={(props) => <VotesTip {...props} />} />
        <Legend itemSorter={null} />
      </ComposedChart>
    </ChartFrame>
  );
}
