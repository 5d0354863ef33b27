// A cadre's total over time, with its parts; the series come from shared/charts/points.ts.
import { theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { pointsAxis, pointsChartRows, type PointsHistoryPoint } from '#shared/charts/points.ts';

export function PointsChart({ history }: { history: PointsHistoryPoint[] }) {
  const { t } = useTranslation('points');
  const { token } = theme.useToken();
  const rows = pointsChartRows(history);
  return (
    <figure style={{ margin: 0 }} data-testid="points-chart">
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={rows} margin={{ top: 12, right: 16, bottom: 4, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={24} />
          <YAxis domain={pointsAxis(rows)} allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
          <ReferenceLine y={0} stroke={token.colorBorder} />
          <Tooltip />
          <Legend />
          <Line
            type="stepAfter"
            dataKey="total"
            name={t('cadre.total')}
            stroke={token.colorPrimary}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            type="stepAfter"
            dataKey="base"
            name={t('cadre.base')}
            stroke="#8c8c8c"
            strokeDasharray="4 3"
            dot={false}
            isAnimationActive={false}
          />
          <Line type="stepAfter" dataKey="awards" name={t('cadre.awards')} stroke="#389e0d" dot={false} isAnimationActive={false} />
          <Line type="stepAfter" dataKey="deductions" name={t('cadre.deductions')} stroke="#cf1322" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
      <figcaption>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('cadre.chartCaption')}
        </Typography.Text>
      </figcaption>
    </figure>
  );
}
