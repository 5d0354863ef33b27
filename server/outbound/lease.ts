// How long a claimed outbox message is held by its sender before another process may take it up (a sender
// that died holding it). Apart from outbound.ts so that the config can name them without the gateways.

/** The default lease: far longer than a gateway's answer takes (the gateways time out at 15 s). */
export const LEASE_MS = 60_000;
/** The shortest lease allowed: a gateway's answer (15 s at most) must always come inside it. */
export const MIN_LEASE_MS = 20_000;
