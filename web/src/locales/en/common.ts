import type { Messages } from '../types.ts';
import type zh from '../zh/common.ts';

const common: Messages<typeof zh> = {
  appName: 'Pingyi',
  appSubtitle: 'Enterprises rate departments',
  switchLanguage: '中文',
  switchLanguageLabel: 'Switch to Chinese',
  reasons: {
    title: 'Why firms were dissatisfied',
    help: 'A firm rating a department “Dissatisfied” may give up to 3 reasons; a reason chosen by fewer than 3 firms shows as “<3”.',
    fewer: '<3',
    none: 'No reason was chosen by 3 or more firms.',
    top: 'Main reasons: {{list}}',
  },
  actions: {
    save: 'Save', cancel: 'Cancel', create: 'Add', edit: 'Edit', search: 'Search', reset: 'Reset',
    retry: 'Try again', close: 'Close', details: 'Details', refresh: 'Refresh',
  },
  states: {
    loading: 'Loading…',
    empty: 'No data',
    loadFailed: 'Could not load the data',
  },
  roles: { admin: 'Business environment office', leader: 'City leader', supervisor: 'Discipline inspection', dept_head: 'Department head', org: 'Organisation department', security: 'Security administrator' },
  total: '{{total}} in total',
  optional: 'optional',
  errors: {
    network_error: 'The server could not be reached. Check your network connection and try again.',
    unauthorized: 'Your session has ended. Please sign in again.',
    forbidden: 'You do not have permission to do this.',
    not_found: 'The record was not found; it may have been removed or changed.',
    conflict: 'This record already exists. Please check and try again.',
    rate_limited: 'Too many attempts. Please wait a minute and try again.',
    validation_failed: 'Some information is missing or in the wrong format. Please check and try again.',
    invalid: 'The information did not pass the checks. Please review it and try again.',
    internal: 'Something went wrong on the server. Please try again later; if it keeps happening, contact technical support.',
    database_unavailable: 'The database is temporarily unavailable. Please try again shortly.',
    payload_too_large: 'The file is too large. Please upload a file up to 32 MB.',
    unsupported_file: 'This file type is not supported. Please upload an .xlsx or .csv file.',
    unreadable_file: 'The Excel file could not be read. Make sure it is not damaged, save it as .xlsx and try again.',
    empty_file: 'The file is empty: the first row must hold the column headers.',
    too_many_rows: 'The file has too many rows: at most 200,000 can be imported at once. Please split it.',
    file_required: 'Please choose a file to upload.',
    import_has_errors: 'The file has errors, so nothing was imported.',
    too_many_columns: 'The file has too many columns: at most 40 (A–AN) can be imported. Please remove the others.',
    cell_too_long: 'A cell in the file holds more than 1,000 characters. Please shorten it.',
    control_characters: 'The request contains control characters (such as NUL). Please remove them.',
    file_too_complex: 'The file is too complex to read within the time and memory an import may use. Please split or simplify it.',
    recently_reset: 'This account’s password was set by someone else (a new account or a reset): it may approve or decide only 24 hours after its holder set a new password.',
    not_computed: 'Compute the results first: computing makes the close final (the round can no longer be reopened), and comments, breakdowns and data quality become readable.',
    round_not_closed: 'Readable once the round has closed and its results are computed.',
    unknown: 'That did not work. Please try again later.',
  },
  /** A deciding action refused until a day after the holder replaced a password someone else set. */
  recentlyResetUntil: 'This account’s password was set by someone else (a new account or a reset): it may approve or decide from {{time}}.',
  /** An import refused at a place in the file (row and column as Excel numbers them). */
  cellErrors: {
    too_many_rows: 'Row {{row}}: the file has more than 200,000 data rows. Please split it.',
    too_many_columns: 'Row {{row}}, column {{column}}: at most 40 columns (A–AN) can be imported. Please remove the others.',
    cell_too_long: 'Row {{row}}, column {{column}}: the cell holds more than 1,000 characters.',
    control_characters: 'Row {{row}}, column {{column}}: the cell contains a control character (such as NUL). Please remove it.',
  },
};
export default common;
