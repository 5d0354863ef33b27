// A chart's box: responsive on screen; a fixed width when given (print, where layout must not wait for a resize).
import type { ReactElement } from 'react';
import { ResponsiveContainer } from 'recharts';

export function ChartFrame({
  height,
  width,
  testId,
  label,
  children,
}: {
  height: number;
  width?: number;
  testId: string;
  label: string;
  children: ReactElement;
}) {
  return (
    <div data-testid={testId} role="figure" aria-label={label} style={{ width: width ?? '100%', height }}>
      <ResponsiveContainer width={width ?? '100%'} height={height} initialDimension={{ width: width ?? 600, height }}>
        {children}
      </ResponsiveContainer>
    </div>
  );
}

/** The small white box recharts' custom tooltips are drawn in. */
export const tooltipBox = {
  background: '#fff',
  border: '1px solid #d9d9d9',
  borderRadius: 6,
  padding: '8px 10px',
  boxShadow: '0 2px 8px rgba(0,0,0,0.12)',
  fontSize: 12,
  lineHeight: 1.6,
} as const;
