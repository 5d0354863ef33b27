// How large an uploaded table may be: the server refuses more (multipart limit), and the import pages
// refuse it before sending, so the two cannot disagree.
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;
