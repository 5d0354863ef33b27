// Registry import rules, shared by the server (which decides) and the web (which previews the mapping).
import { z } from 'zod';
import { enterpriseInputSchema, enterpriseSchema, type EnterpriseInput, type SizeClass } from './schemas/enterprises.ts';

export const IMPORT_FIELDS = [
  'uscc',
  'name',
  'industry',
  'sizeClass',
  'township',
  'contactName',
  'contactPhone',
  'contactEmail',
  'active',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export const REQUIRED_IMPORT_FIELDS: ImportField[] = ['uscc', 'name', 'industry', 'sizeClass', 'township'];

/** Column mapping: field → header as it appears in the file. */
export const importMappingSchema = z.partialRecord(z.enum(IMPORT_FIELDS), z.string().max(200));
export type ImportMapping = z.infer<typeof importMappingSchema>;

// Header names seen in city registries (Chinese and English), lower-cased without spaces.
const HEADER_ALIASES: Record<ImportField, string[]> = {
  uscc: ['uscc', '统一社会信用代码', '信用代码', '社会信用代码', 'creditcode', 'unifiedsocialcreditcode'],
  name: ['name', '企业名称', '名称', '市场主体名称', '单位名称', 'enterprise', 'enterprisename'],
  industry: ['industry', '行业', '所属行业', '行业门类'],
  sizeClass: ['sizeclass', 'size', '规模', '企业规模', '规模类型'],
  township: ['township', '乡镇', '镇街', '所属镇街', '乡镇街道', '区域', 'district'],
  contactName: ['contactname', 'contact', '联系人', '联系人姓名'],
  contactPhone: ['contactphone', 'phone', '联系电话', '电话', '手机', '手机号'],
  contactEmail: ['contactemail', 'email', 'mail', '邮箱', '电子邮箱', '联系邮箱', '电子邮件'],
  active: ['active', '状态', '经营状态', '是否在营'],
};

const norm = (h: string) => h.replace(/[\s_\-（）()]/g, '').toLowerCase();

export function guessMapping(headers: string[]): ImportMapping {
  const mapping: ImportMapping = {};
  for (const field of IMPORT_FIELDS) {
    const header = headers.find((h) => HEADER_ALIASES[field].includes(norm(h)));
    if (header !== undefined) mapping[field] = header;
  }
  return mapping;
}

const SIZE_WORDS: Record<string, SizeClass> = {
  大型: 'large',
  中型: 'medium',
  小型: 'small',
  微型: 'micro',
  大: 'large',
  中: 'medium',
  小: 'small',
  微: 'micro',
};
const INACTIVE_WORDS = ['false', '0', 'no', '否', '注销', '吊销', '停业', '歇业', 'inactive'];

export interface ImportRowError {
  row: number;
  field: ImportField | null;
  uscc: string | null;
  message: string;
}
export interface ImportCheck {
  records: EnterpriseInput[];
  errors: ImportRowError[];
}

/**
 * Validates every row (row numbers as the user sees them in Excel: header is row 1).
 * Errors name the row, the code and the problem; the caller applies nothing if there is any.
 */
export function checkImportRows(rows: Iterable<Record<string, string>>, mapping: ImportMapping): ImportCheck {
  const errors: ImportRowError[] = [];
  const missing = REQUIRED_IMPORT_FIELDS.filter((f) => !mapping[f]);
  if (missing.length) {
    return { records: [], errors: [{ row: 1, field: null, uscc: null, message: `No column is mapped to: ${missing.join(', ')}` }] };
  }
  const records: EnterpriseInput[] = [];
  const seen = new Map<string, number>();
  // Any iterable: the import worker hands rows over one at a time, so 200,000 of them never exist as objects at once.
  let i = -1;
  for (const raw of rows) {
    i++;
    const row = i + 2;
    const cell = (f: ImportField) => (mapping[f] ? (raw[mapping[f]!] ?? '').trim() : '');
    const size = cell('sizeClass');
    const active = cell('active');
    const candidate = {
      uscc: cell('uscc'),
      name: cell('name'),
      industry: cell('industry'),
      sizeClass: SIZE_WORDS[size] ?? size.toLowerCase(),
      township: cell('township'),
      contactName: cell('contactName') || null,
      contactPhone: cell('contactPhone') || null,
      contactEmail: cell('contactEmail') || null,
      active: active === '' ? true : !INACTIVE_WORDS.includes(active.toLowerCase()),
    };
    const parsed = enterpriseInputSchema.safeParse(candidate);
    const uscc = candidate.uscc.toUpperCase() || null;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = (issue.path[0] as ImportField | undefined) ?? null;
        errors.push({ row, field, uscc, message: `Row ${row}${uscc ? ` (${uscc})` : ''}: ${field ?? 'row'}: ${issue.message}` });
      }
      continue;
    }
    const first = seen.get(parsed.data.uscc);
    if (first !== undefined) {
      errors.push({
        row,
        field: 'uscc',
        uscc: parsed.data.uscc,
        message: `Row ${row} (${parsed.data.uscc}): duplicate code, already on row ${first}`,
      });
      continue;
    }
    seen.set(parsed.data.uscc, row);
    records.push(parsed.data);
  }
  return { records, errors };
}

export const TEXT_ENCODINGS = ['utf-8', 'utf-8-bom', 'gb18030'] as const;

export const importResultSchema = z.object({
  headers: z.array(z.string()),
  mapping: importMappingSchema,
  total: z.number().int(),
  /** How a CSV was decoded (UTF-8 with or without BOM, else GB18030); null for .xlsx. */
  encoding: z.enum(TEXT_ENCODINGS).nullable(),
  creates: z.number().int(),
  updates: z.number().int(),
  errors: z.array(
    z.object({ row: z.number().int(), field: z.enum(IMPORT_FIELDS).nullable(), uscc: z.string().nullable(), message: z.string() }),
  ),
  /** All row errors; `errors` carries the first thousand. */
  errorCount: z.number().int(),
  preview: z.array(enterpriseSchema.omit({ id: true })),
  applied: z.boolean(),
});
export type ImportResult = z.infer<typeof importResultSchema>;
