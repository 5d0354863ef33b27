// Departments by mean score, best at the top, with the 95% interval as a whisker; the bottom N in red.
// (The whisker is drawn with the bar: recharts' ErrorBar misplaces x-direction bars in a vertical layout.)
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type BarShapeProps, type TooltipContentProps } from 'recharts';
import type { RankingBar } from '#shared/charts/ranking.ts';
import { COLORS, fmtMean, useDeptName } from '../format.tsx';
import { ChartFrame, tooltipBox } from './ChartFrame.tsx';

function BarTip({ active, payload }: TooltipContentProps) {
  const { t } = useTranslation('dashboard');
  const name = useDeptName();
  const bar = payload?.[0]?.payload as RankingBar | undefined;
  if (!active || !bar) return null;
  return (
    <div style={tooltipBox}>
      <div style={{ fontWeight: 600, color: bar.flagged ? COLORS.flagged : undefined }}>
        {bar.rank}. {name(bar)}
      </div>
      <div>
        {t('charts.meanLine', {
          value: `${fmtMean(bar.mean)}${bar.error ? ` (${fmtMean(bar.mean - bar.error[0])}–${fmtMean(bar.mean + bar.error[1])})` : ''}`,
        })}
      </div>
    </div>
  );
}

/** The bar, and its interval as a whisker: the axis starts at 0, so a unit is the bar's width over its mean. */
function BarWithInterval({ x, y, width, height, payload }: BarShapeProps) {
  const bar = payload as RankingBar;
  const fill = bar.flagged ? COLORS.flagged : COLORS.primary;
  const unit = bar.mean > 0 ? width / bar.mean : 0;
  const mid = y + height / 2;
  const cap = Math.min(4, height / 2);
  const lo = bar.error ? x + (bar.mean - bar.error[0]) * unit : 0;
  const hi = bar.error ? x + (bar.mean + bar.error[1]) * unit : 0;
  return (
    <g>
      <rect x={x} y={y} width={width} height={height} fill={fill} data-flagged={bar.flagged || undefined} />
      {bar.error && unit > 0 ? (
        <g stroke="#262626" strokeWidth={1} className="interval">
          <line x1={lo} x2={hi} y1={mid} y2={mid} />
          <line x1={lo} x2={lo} y1={mid - cap} y2={mid + cap} />
          <line x1={hi} x2={hi} y1={mid - cap} y2={mid + cap} />
        </g>
      ) : null}
    </g>
  );
}

export function RankingBarChart({ bars, width, rowHeight = 18 }: { bars: readonly RankingBar[]; width?: number; rowHeight?: number }) {
  const { t } = useTranslation('dashboard');
  const name = useDeptName();
  const data = bars.map((b) => ({ ...b, label: `${b.rank}. ${name(b)}` }));
  return (
    <ChartFrame testId="ranking-chart" label={t('charts.ranking')} width={width} height={Math.max(160, data.length * rowHeight + 50)}>
      <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 4 }} barCategoryGap={2}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} orientation="top" />
        <YAxis type="category" dataKey="label" width={240} interval={0} tick={{ fontSize: rowHeight < 17 ? 10 : 11 }} />
        <Bar dataKey="mean" isAnimationActive={false} shape={(props: BarShapeProps) => <BarWithInterval {...props} />} />
        <Tooltip content={(props) => <BarTip {...props} />} cursor={{ fill: 'rgba(0,0,0,0.04)' }} />
      </BarChart>
    </ChartFrame>
  );
}
