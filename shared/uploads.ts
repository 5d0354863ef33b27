// The one limit on an uploaded import file (registry, cadre register): the server refuses larger
// bodies and the page refuses them before sending.
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;
