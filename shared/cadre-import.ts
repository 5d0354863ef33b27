// Cadre registry import (干部名册导入): every row checked, errors by row, applied all-or-nothing.
import { z } from 'zod';
import { cadreInputSchema, type CadreInput } from './schemas/cadres.ts';
import { RANK_LABELS, RANKS, type Rank } from './points/vocabulary.ts';

export const CADRE_IMPORT_FIELDS = ['code', 'name', 'unit', 'post', 'rank', 'leadership', 'since'] as const;
export type CadreImportField = (typeof CADRE_IMPORT_FIELDS)[number];

const HEADER_ALIASES: Record<CadreImportField, string[]> = {
  code: ['code', '干部编号', '编号', '人员编号', 'staffnumber'],
  name: ['name', '姓名'],
  unit: ['unit', '单位', '单位代码', '所在单位', '工作单位'],
  post: ['post', '职务', '现任职务'],
  rank: ['rank', '职级', '现职级'],
  leadership: ['leadership', '是否领导职务', '领导职务', '领导'],
  since: ['since', '任职时间', '任现职时间', '任职日期', '起始日期'],
};
const norm = (h: string) => h.replace(/[\s_\-（）()]/g, '').toLowerCase();

export function guessCadreMapping(headers: string[]): Partial<Record<CadreImportField, string>> {
  const mapping: Partial<Record<CadreImportField, string>> = {};
  for (const f of CADRE_IMPORT_FIELDS) {
    const h = headers.find((x) => HEADER_ALIASES[f].includes(norm(x)));
    if (h !== undefined) mapping[f] = h;
  }
  return mapping;
}

const RANK_BY_WORD = new Map<string, Rank>([...RANKS.map((r) => [r, r] as const), ...RANKS.map((r) => [RANK_LABELS[r].zh, r] as const)]);
const YES = ['是', 'y', 'yes', 'true', '1', '领导'];
const NO = ['否', 'n', 'no', 'false', '0', '', '非领导'];

export interface CadreImportError {
  row: number;
  field: CadreImportField | null;
  code: string | null;
  message: string;
}

/** `unitIdOf` resolves a unit's code or Chinese name to its id (undefined: unknown unit). */
export function checkCadreRows(
  rows: Record<string, string>[],
  mapping: Partial<Record<CadreImportField, string>>,
  unitIdOf: (ref: string) => number | undefined,
) {
  const errors: CadreImportError[] = [];
  const missing = CADRE_IMPORT_FIELDS.filter((f) => f !== 'leadership' && !mapping[f]);
  if (missing.length)
    return {
      records: [] as CadreInput[],
      rowOf: new Map<string, number>(),
      errors: [{ row: 1, field: null, code: null, message: `No column for: ${missing.join(', ')}` }] as CadreImportError[],
    };
  const records: CadreInput[] = [];
  const seen = new Map<string, number>();
  rows.forEach((raw, i) => {
    const row = i + 2;
    const cell = (f: CadreImportField) => (mapping[f] ? (raw[mapping[f]!] ?? '').trim() : '');
    const code = cell('code') || null;
    const fail = (field: CadreImportField | null, message: string) =>
      errors.push({ row, field, code, message: `Row ${row}${code ? ` (${code})` : ''}: ${field ?? 'row'}: ${message}` });
    const unitRef = cell('unit');
    const unitId = unitIdOf(unitRef);
    if (unitRef && unitId === undefined) fail('unit', `unknown unit "${unitRef}"`);
    const rankWord = cell('rank');
    const rank = RANK_BY_WORD.get(rankWord);
    if (rankWord && !rank) fail('rank', `unknown rank "${rankWord}" (e.g. 四级调研员, 一级主任科员)`);
    const lead = cell('leadership').toLowerCase();
    if (!YES.includes(lead) && !NO.includes(lead)) fail('leadership', `expected 是 or 否, got "${cell('leadership')}"`);
    if ((unitRef && unitId === undefined) || (rankWord && !rank)) return;
    const parsed = cadreInputSchema.safeParse({
      code: cell('code'),
      name: cell('name'),
      unitId: unitId ?? 0,
      post: cell('post'),
      rank: rank ?? '',
      leadership: YES.includes(lead),
      since: cell('since'),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        const field = (key === 'unitId' ? 'unit' : CADRE_IMPORT_FIELDS.find((f) => f === key)) ?? null;
        fail(field, field === 'unit' ? 'required' : issue.message);
      }
      return;
    }
    const first = seen.get(parsed.data.code);
    if (first !== undefined) return void fail('code', `duplicate staff number, already on row ${first}`);
    seen.set(parsed.data.code, row);
    records.push(parsed.data);
  });
  /** rowOf: the row each staff number came from, for errors found later (against the database). */
  return { records, rowOf: seen, errors };
}

export const cadreImportResultSchema = z.object({
  headers: z.array(z.string()),
  mapping: z.partialRecord(z.enum(CADRE_IMPORT_FIELDS), z.string()),
  total: z.number().int(),
  creates: z.number().int(),
  /** Existing cadres whose post, unit or rank changed: a new tenure from the row's date. */
  moves: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(
    z.object({ row: z.number().int(), field: z.enum(CADRE_IMPORT_FIELDS).nullable(), code: z.string().nullable(), message: z.string() }),
  ),
  applied: z.boolean(),
});
export type CadreImportResult = z.infer<typeof cadreImportResultSchema>;
