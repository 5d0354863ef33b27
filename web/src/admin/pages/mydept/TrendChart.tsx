// The score across published rounds on one axis: straight segments between the real values (a curve
// would dip below any value between quarters), each point labelled with its score; the rank is in the
// x-axis label, and rounds in the bottom (flagged) are marked red.
import { theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  LabelList,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type DotItemDotProps,
  type TooltipContentProps,
} from 'recharts';
import { meanAxis, type TrendChartRow } from './series.ts';

const FLAG_RED = '#cf1322';

function FlaggedDot(color: string) {
  // Recharts calls this for every point; a flagged round gets a larger red dot.
  return function Dot(props: DotItemDotProps) {
    const row = props.payload as TrendChartRow | undefined;
    const { cx, cy } = props;
    if (cx === undefined || cy === undefined || cx === null || cy === null || props.value === null || props.value === undefined)
      return null;
    return row?.flagged ? (
      <circle key={props.index} cx={cx} cy={cy} r={6} fill={FLAG_RED} stroke="#fff" strokeWidth={2} />
    ) : (
      <circle key={props.index} cx={cx} cy={cy} r={4} fill="#fff" stroke={color} strokeWidth={2} />
    );
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
      <div>
        {t('trend.mean')}: {row.mean === null ? '—' : row.mean.toFixed(1)}
      </div>
      <div>
        {t('trend.rank')}:{' '}
        {row.rank === null ? t('trend.notRanked') : t('trend.tooltipRank', { rank: row.rank, total: row.rankedCount ?? '—' })}
      </div>
      {row.flagged ? <Typography.Text type="danger">{t('trend.flagged')}</Typography.Text> : null}
    </div>
  );
}

export function TrendChart({ rows }: { rows: TrendChartRow[] }) {
  const { t } = useTranslation('mydept');
  const { token } = theme.useToken();
  const meanColor = token.colorPrimary;
  // "2026年第三季度 · 第 53 名": the rank rides with the quarter, so one axis is enough.
  const data = rows.map((r) => ({ ...r, axisLabel: r.rank === null ? r.label : `${r.label} · ${t('trend.rankShort', { rank: r.rank })}` }));
  return (
    <figure style={{ margin: 0 }} data-testid="trend-chart">
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={data} margin={{ top: 28, right: 24, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="axisLabel" tick={{ fontSize: 14 }} interval="preserveStartEnd" />
          <YAxis domain={meanAxis(rows)} tick={{ fontSize: 14 }} width={40} />
          <Tooltip content={TrendTooltip} />
          <Line
            type="linear"
            dataKey="mean"
            name={t('trend.mean')}
            stroke={meanColor}
            strokeWidth={3}
            dot={FlaggedDot(meanColor)}
            connectNulls
            isAnimationActive={false}
          >
            <LabelList
              dataKey="mean"
              position="top"
              offset={10}
              style={{ fontSize: 15, fontWeight: 600, fill: '#262626' }}
              formatter={(v: unknown) => (typeof v === 'number' ? v.toFixed(1) : '')}
            />
          </Line>
        </LineChart>
      </ResponsiveContainer>
      <figcaption>
        <Typography.Text type="secondary" style={{ fontSize: 14 }}>
          {t('trend.caption')}
        </Typography.Text>
      </figcaption>
    </figure>
  );
}
