// Funnel plot: mean score against the number of ratings, with the 95% and 99.8% limits around the city mean.
// Renders a series made by shared/charts/funnel.ts; no maths here. A ScatterChart (not a ComposedChart):
// only it gives a tooltip per point; the limit curves are Lines with their own data.
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Legend,
  Line,
  ReferenceLine,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from 'recharts';
import type { FunnelDot, FunnelSeries } from '#shared/charts/funnel.ts';
import { COLORS, fmtMean, useDeptName } from '../format.tsx';
import { ChartFrame, tooltipBox } from './ChartFrame.tsx';

function isDot(x: unknown): x is FunnelDot {
  return typeof x === 'object' && x !== null && 'departmentId' in x && 'mean' in x;
}

function FunnelTip({ active, payload }: TooltipContentProps) {
  const { t } = useTranslation('dashboard');
  const name = useDeptName();
  const dot = payload?.map((p) => p.payload as unknown).find(isDot);
  if (!active || !dot) return null;
  return (
    <div style={tooltipBox}>
      <div style={{ fontWeight: 600, color: dot.flagged ? COLORS.flagged : undefined }}>{name(dot)}</div>
      <div>{t('charts.meanLine', { value: fmtMean(dot.mean) })}</div>
      <div>{t('charts.nLine', { value: dot.n })}</div>
      {dot.zone ? <div>{t(`charts.zone.${dot.zone}`)}</div> : null}
      {dot.flagged ? <div style={{ color: COLORS.flagged }}>{t('charts.series.flagged')}</div> : null}
      {!dot.ranked ? <div style={{ color: COLORS.muted }}>{t('charts.series.insufficient')}</div> : null}
    </div>
  );
}

export function FunnelChart({ series, width, height = 380 }: { series: FunnelSeries; width?: number; height?: number }) {
  const { t } = useTranslation('dashboard');
  return (
    <ChartFrame testId="funnel-chart" label={t('charts.funnel')} width={width} height={height}>
      <ScatterChart margin={{ top: 10, right: 20, bottom: 24, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis
          type="number"
          dataKey="n"
          domain={series.x.domain}
          ticks={series.x.ticks}
          allowDecimals={false}
          label={{ value: t('charts.n'), position: 'insideBottom', offset: -12 }}
        />
        <YAxis
          type="number"
          dataKey="mean"
          domain={series.y.domain}
          ticks={series.y.ticks}
          allowDataOverflow
          label={{ value: t('charts.mean'), angle: -90, position: 'insideLeft', offset: 16 }}
        />
        {series.mean !== null ? (
          <ReferenceLine
            y={series.mean}
            stroke={COLORS.mean}
            strokeDasharray="4 4"
            label={{ value: t('charts.cityMean', { mean: fmtMean(series.mean) }), position: 'insideTopRight', fontSize: 11 }}
          />
        ) : null}
        {/* Each limit is two curves, above and below the mean; the legend names each once. */}
        {(['95', '998'] as const).flatMap((level) =>
          (['hi', 'lo'] as const).map((side) => (
            <Line
              key={`${side}${level}`}
              data={series.limits}
              dataKey={`${side}${level}`}
              name={t(`charts.limit${level}`)}
              stroke={COLORS[`limit${level}`]}
              dot={false}
              activeDot={false}
              strokeDasharray={level === '95' ? '6 3' : undefined}
              isAnimationActive={false}
              legendType={side === 'hi' ? 'plainline' : 'none'}
            />
          )),
        )}
        <Scatter data={series.normal} name={t('charts.series.normal')} fill={COLORS.primary} isAnimationActive={false} />
        <Scatter
          data={series.insufficient}
          name={t('charts.series.insufficient')}
          fill="#fff"
          stroke={COLORS.muted}
          isAnimationActive={false}
        />
        <Scatter data={series.flagged} name={t('charts.series.flagged')} fill={COLORS.flagged} shape="diamond" isAnimationActive={false} />
        <Tooltip content={(props) => <FunnelTip {...props} />} />
        <Legend verticalAlign="top" height={28} itemSorter={null} />
      </ScatterChart>
    </ChartFrame>
  );
}
