// Every error code the API sends ({ error: { code, message, details? } }): the server may throw only
// these (server/errors.ts), the body schema names them, and the web words each one (a missing sentence
// is a compile error in web/src/locales/*/common.ts).
export const ERROR_CODES = [
  // Any route: the request, the session, the rights, the database.
  'bad_request', 'validation_failed', 'control_characters', 'unauthorized', 'forbidden', 'not_found', 'method_not_allowed',
  'unsupported_media_type', 'payload_too_large', 'uri_too_long', 'headers_too_large', 'rate_limited', 'foreign_origin',
  'conflict', 'invalid', 'gone', 'internal', 'database_unavailable',
  'duplicate', 'still_referenced', 'unknown_reference', 'constraint_violated',
  // Accounts and passwords.
  'wrong_password', 'weak_password', 'password_unchanged', 'password_change_required', 'recently_reset', 'own_account',
  'department_required',
  // Imports (registry, cadres).
  'file_required', 'unsupported_file', 'unreadable_file', 'empty_file', 'too_many_rows', 'too_many_columns', 'cell_too_long',
  'file_too_complex', 'import_has_errors',
  // Rounds, draw and invitations.
  'round_exists', 'illegal_transition', 'empty_pool', 'deadline_passed', 'not_drawn', 'already_replaced', 'already_submitted',
  'no_backup_left', 'results_computed', 'not_computed', 'round_not_closed', 'unknown_department', 'round_not_open', 'quiet_hours',
  // The survey and receipts.
  'survey_not_open', 'survey_closed', 'invalid_response', 'link_revoked', 'receipt_in_use', 'receipt_not_counted', 'receipt_check_moved',
  // Results, escalations, appeals.
  'superseded', 'on_hold', 'already_decided', 'appeal_exists', 'window_closed', 'not_published', 'not_flagged',
  // Rectification and call-backs.
  'case_locked', 'case_not_submitted', 'plan_missing', 'ledger_empty', 'callback_missing', 'already_reviewed',
  'reasons_unanswered', 'reason_not_top',
  // Requests to departments.
  'request_limit_reached', 'already_released', 'not_replied', 'too_many_replies',
  // Cadre points.
  'already_reversed', 'is_reversal', 'not_approved', 'date_in_future', 'no_rulebook_on_date', 'unknown_cadre', 'unknown_rule',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const known: ReadonlySet<string> = new Set(ERROR_CODES);
export const isErrorCode = (code: string): code is ErrorCode => known.has(code);
