// Whose name the texts carry. The city profile (city, organiser, help phone) belongs in server/config.ts;
// this is the one place the outbox reads it, with plain fallbacks where a deployment has not set it.
import type { Sender } from '#shared/outbound/template.ts';

export interface SenderProfile {
  city?: string | null;
  office?: string | null;
  helpPhone?: string | null;
}

/** 12345 is the government service hotline in every city: the right number when no other is configured. */
export const senderOf = (profile: SenderProfile = {}): Sender => ({
  city: profile.city || '本市',
  office: profile.office || '营商环境办',
  helpPhone: profile.helpPhone || '12345',
});
