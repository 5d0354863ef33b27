// Requests to departments (诉求直通): the closed sets and bounds, shared by zod, the database's CHECKs and the pages.

/** What a request is about. Feeds the body's zod enum and the requests_category_ck CHECK. */
export const REQUEST_CATEGORIES = ['permit', 'inspection', 'fees', 'policy', 'service', 'other'] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];

export const REQUEST_TEXT_MAX = 2000;
export const REQUEST_CONTACT_MAX = 200;
export const REPLY_TEXT_MAX = 2000;
/** Replies kept per request: a thread, not a chat. */
export const REPLIES_MAX = 50;

/** The first-reply target in working days (Mon–Fri in the city's time zone); REQUEST_REPLY_WORKING_DAYS overrides it. */
export const DEFAULT_REPLY_WORKING_DAYS = 1;

/** Requests one receipt may raise in its round (409 request_limit_reached after); also the counter's CHECK. */
export const RECEIPT_REQUESTS_MAX = 5;
