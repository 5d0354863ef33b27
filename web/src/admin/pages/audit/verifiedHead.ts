// The chain head this browser last verified (the supervisor's own copy, outside the server's reach):
// the next verification requires it, so a log shortened or rewritten since then cannot pass.
import { z } from 'zod';

const KEY = 'pingyi.audit.verifiedHead';
const savedSchema = z.object({ id: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/), verifiedAt: z.string() });
export type VerifiedHead = z.infer<typeof savedSchema>;

export function loadVerifiedHead(): VerifiedHead | null {
  try {
    const parsed = savedSchema.safeParse(JSON.parse(window.localStorage.getItem(KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // storage blocked or garbled: verify without it
  }
}

/** Only after a verification that passed (an empty log has nothing to remember). */
export function saveVerifiedHead(head: { id: number; hash: string }, now: Date): void {
  if (head.id < 1) return;
  try {
    window.localStorage.setItem(
      KEY,
      JSON.stringify({ id: head.id, hash: head.hash, verifiedAt: now.toISOString() } satisfies VerifiedHead),
    );
  } catch {
    // Storage blocked: the published head is still checked.
  }
}
