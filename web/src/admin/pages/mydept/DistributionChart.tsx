// The department's own ratings by level this round (only the department itself sees these counts).
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DistributionBar } from './series.ts';

const COLORS: Record<DistributionBar['level'], string> = {
  satisfied: '#389e0d',
  fairly_satisfied: '#7cb305',
  basically_satisfied: '#d4b106',
  dissatisfied: '#cf1322',
  not_applicable: '#bfbfbf',
};

export function DistributionChart({ bars }: { bars: DistributionBar[] }) {
  const { t } = useTranslation('mydept');
  const total = bars.reduce((sum, b) => sum + b.count, 0);
  if (total === 0) return <Typography.Text type="secondary">{t('distribution.none')}</Typography.Text>;
  const data = bars.map((b) => ({ ...b, text: b.percent === null ? String(b.count) : `${b.count} (${b.percent}%)` }));
  return (
    <figure style={{ margin: 0 }} data-testid="distribution-chart">
      {/* Horizontal bars: the level names stay readable in both languages. */}
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 72, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" tick={{ fontSize: 12 }} width={120} interval={0} />
          <Tooltip formatter={(value) => [String(value), t('distribution.count')]} />
          <Bar dataKey="count" name={t('distribution.count')} isAnimationActive={false}>
            {data.map((b) => (
              <Cell key={b.level} fill={COLORS[b.level]} />
            ))}
            <LabelList dataKey="text" position="right" style={{ fontSize: 12 }} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
      <figcaption>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('distribution.caption', { total })}
        </Typography.Text>
      </figcaption>
      {/* The same figures as text, for screen readers and for copying. */}
      <ul style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }} data-testid="distribution-list">
        {bars.map((b) => (
          <li key={b.level}>{`${b.label}: ${b.count}`}</li>
        ))}
      </ul>
    </figure>
  );
}
