import type { Messages } from '../types.ts';
import type zh from '../zh/importer.ts';

const importer: Messages<typeof zh> = {
  title: 'Import enterprises',
  subtitle:
    'Upload an Excel (.xlsx) or CSV file. Enterprises whose credit code is already in the registry are updated; the others are added. Nothing is saved until you confirm.',
  upload: {
    button: 'Choose file',
    hint: 'The first row holds the column headers; .xlsx or .csv, up to 32 MB.',
  },
  fields: {
    uscc: 'Credit code',
    name: 'Name',
    industry: 'Industry',
    sizeClass: 'Size',
    township: 'Township',
    contactName: 'Contact',
    contactPhone: 'Phone',
    contactEmail: 'E-mail',
    active: 'Status',
  },
  fieldSeparator: ', ',
  mapping: {
    title: 'Column mapping',
    hint: 'Columns were matched by their headers; please check. Fields marked * are required. The file is checked again after each change.',
    notMapped: 'Do not import',
    headers: 'Columns in the file:',
  },
  encoding: {
    label: 'File encoding',
    'utf-8': 'UTF-8',
    'utf-8-bom': 'UTF-8 (with BOM)',
    gb18030: 'GB18030 (GBK-compatible, as Excel saves CSV on a Chinese Windows)',
    xlsx: 'Excel workbook (Unicode)',
    hint: 'If Chinese text in the preview looks garbled, save the file as “CSV UTF-8” and upload it again.',
  },
  counts: { total: 'Data rows', creates: 'New', updates: 'Updates', errors: 'Errors' },
  errors: {
    title: '{{count}} problem(s) found: correct the file and upload it again',
    description: 'Nothing can be imported while there are problems. Row numbers match Excel (row 1 is the header).',
    row: 'Row',
    field: 'Field',
    uscc: 'Credit code',
    message: 'Problem',
    rowN: 'Row {{row}}',
  },
  messages: {
    usccLength: 'The credit code must have 18 characters',
    usccCharset: 'The credit code contains a character that is not allowed',
    usccCheck: 'The check character of the credit code is wrong',
    usccInvalid: 'The credit code is not valid',
    duplicate: 'Same credit code as row {{row}}',
    missingColumns: 'No column is chosen for these required fields: {{fields}}',
    columnNotInFile: 'The column “{{header}}” is not in the file',
    required: 'Must not be empty',
    tooLong: 'Too long',
    sizeClass: 'Size must be large, medium, small or micro (大型, 中型, 小型, 微型)',
    contactPhone: 'The phone may contain only digits, spaces and + - ( )',
    contactEmail: 'The e-mail must look like name@example.cn',
    invalid: 'Not in the expected format',
  },
  preview: {
    title: 'Preview (first {{count}} rows)',
    empty: 'The file has no rows to import.',
  },
  applyBlocked: 'Correct all problems before importing',
  applyNothing: 'Nothing to import',
  applyFailed: 'Nothing was imported: the file has problems.',
  success: {
    description: '{{total}} rows imported: {{creates}} added, {{updates}} updated.',
    toList: 'Open the enterprise registry',
  },
  flow: {
    change: 'Choose another file',
    checking: 'Checking the file…',
    file: 'File: {{name}}',
    apply: 'Import',
    done: 'Import complete',
    again: 'Import another file',
  },
};
export default importer;
