// Who issues a page and whom an enterprise calls, from the city profile (GET /api/v1/profile, or the survey's
// own payload). Shared by the survey bundle and the office's app: no dependencies, so it costs a phone nothing.
import type { CityProfile } from '#shared/schemas/profile.ts';

/** Which sentence names the contact: the office and its phone, one of them, or the generic "organising office". */
export type ContactForm = 'officePhone' | 'office' | 'phone' | 'none';

export interface IssuerWords {
  /** The city's name, '' when not configured. */
  city: string;
  office: string;
  phone: string;
  contact: ContactForm;
}

export function issuerWords(issuer: CityProfile | null | undefined, lang: 'zh' | 'en'): IssuerWords {
  const city = issuer?.name?.[lang] ?? '';
  const office = issuer?.organiser?.[lang] ?? '';
  const phone = issuer?.helpPhone ?? '';
  return { city, office, phone, contact: office && phone ? 'officePhone' : office ? 'office' : phone ? 'phone' : 'none' };
}

/** A tel: link that phones dial (digits and a leading + only). */
export const telHref = (phone: string) => `tel:${phone.replace(/[^0-9+]/g, '')}`;
