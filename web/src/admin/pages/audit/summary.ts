// An audit entry's summary (any JSON the writer stored) as short readable lines, never raw JSON.
export interface SummaryWords {
  field(key: string): string;
  value(key: string, v: unknown): unknown;
  yesNo(b: boolean): string;
}
type Line = { label: string; text: string };

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

function valueText(key: string, raw: unknown, w: SummaryWords): string {
  const v = w.value(key, raw);
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return w.yesNo(v);
  if (Array.isArray(v)) return v.map((x) => valueText(key, x, w)).join('、');
  if (isObject(v))
    return Object.entries(v)
      .map(([k, x]) => `${w.field(k)} ${valueText(k, x, w)}`)
      .join('，');
  return String(v);
}

/** {before, after} becomes "field: old → new"; {after} lists the new values; anything else lists its keys. */
export function summaryLines(summary: unknown, w: SummaryWords): Line[] {
  if (summary === null || summary === undefined) return [];
  if (!isObject(summary)) return [{ label: '', text: valueText('', summary, w) }];
  if (isObject(summary.after)) {
    const before = isObject(summary.before) ? summary.before : undefined;
    return Object.entries(summary.after).map(([k, after]) => ({
      label: w.field(k),
      text: before && k in before ? `${valueText(k, before[k], w)} → ${valueText(k, after, w)}` : valueText(k, after, w),
    }));
  }
  return Object.entries(summary).map(([k, v]) => ({ label: w.field(k), text: valueText(k, v, w) }));
}
