// Score and rank across published rounds; rounds in the bottom (flagged) are marked red.
import { theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis, type DotItemDotProps, type TooltipContentProps,
} from 'recharts';
import { meanAxis, rankAxisMax, type TrendChartRow } from './series.ts';

const FLAG_RED = '#cf1322';

function FlaggedDot(color: string) {
  // Recharts calls this for every point; a flagged round gets a larger red dot.
  return function Dot(props: DotItemDotProps) {
    const row = props.payload as TrendChartRow | undefined;
    const { cx, cy } = props;
    if (cx === undefined || cy === undefined || cx === null || cy === null || props.value === null || props.value === undefined) return null;
    return row?.flagged
      ? <circle key={props.index} cx={cx} cy={cy} r={6} fill={FLAG_RED} stroke="#fff" strokeWidth={2} />
      : <circle key={props.index} cx={cx} cy={cy} r={4} fill="#fff" stroke={color} strokeWidth={2} />;
  };
}

function TrendTooltip({ active, payload }: TooltipContentProps) {
  const { t } = useTranslation('mydept');
  const { token } = theme.useToken();
  const row = payload?.[0]?.payload as TrendChartRow | undefined;
  if (!active || !row) return null;
  return (
    <div style={{ background: token.colorBgElevated, boxShadow: token.boxShadowSecondary, borderRadius: 6, padding: '8px 12px' }}>
      <Typography.Text strong>{row.label}</Typography.Text>
      <div>{t('trend.mean')}: {row.mean === null ? '—' : row.mean.toFixed(1)}</div>
      <div>{t('trend.rank')}: {row.rank === null ? t('trend.notRanked') : t('trend.tooltipRank', { rank: row.rank, total: row.rankedCount ?? '—' })}</div>
      {row.flagged ? <Typography.Text type="danger">{t('trend.flagged')}</Typography.Text> : null}
    </div>
  );
}

export function TrendChart({ rows }: { rows: TrendChartRow[] }) {
  const { t } = useTranslation('mydept');
  const { token } = theme.useToken();
  const meanColor = token.colorPrimary;
  const rankColor = '#d48806';
  return (
    <figure style={{ margin: 0 }} data-testid="trend-chart">
      <ResponsiveContainer width="100%" height={300}>
        <ComposedChart data={rows} margin={{ top: 12, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
          <YAxis yAxisId="mean" domain={meanAxis(rows)} tick={{ fontSize: 12 }} width={40} label={{ value: t('trend.mean'), angle: -90, position: 'insideLeft', fontSize: 12 }} />
          <YAxis
            yAxisId="rank"
            orientation="right"
            reversed
            allowDecimals={false}
            domain={[1, rankAxisMax(rows)]}
            tick={{ fontSize: 12 }}
            width={40}
            label={{ value: t('trend.rank'), angle: 90, position: 'insideRight', fontSize: 12 }}
          />
          <Tooltip content={TrendTooltip} />
          <Legend />
          <Line yAxisId="mean" type="monotone" dataKey="mean" name={t('trend.mean')} stroke={meanColor} strokeWidth={2} dot={FlaggedDot(meanColor)} connectNulls isAnimationActive={false} />
          <Line yAxisId="rank" type="monotone" dataKey="rank" name={t('trend.rank')} stroke={rankColor} strokeWidth={2} strokeDasharray="5 4" dot={FlaggedDot(rankColor)} connectNulls isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
      <figcaption><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('trend.caption')}</Typography.Text></figcaption>
    </figure>
  );
}
