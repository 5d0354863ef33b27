// The city profile on the office's outward pages (letters, public page, report): loaded once per page load,
// since it changes only with the server's configuration.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CityProfile } from '#shared/schemas/profile.ts';
import { issuerWords, type IssuerWords } from '../issuer.ts';
import { getProfile } from './endpoints.ts';

let profile: Promise<CityProfile> | null = null;
const loadProfile = () =>
  (profile ??= getProfile().catch((err: unknown) => {
    profile = null; // a failed read is tried again by the next page
    throw err;
  }));

/** The issuer in the page's language: undefined while loading, and the generic words if the read fails. */
export function useIssuer(): (IssuerWords & { contactText: string }) | undefined {
  const { t, i18n } = useTranslation('common');
  const [state, setState] = useState<CityProfile | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    loadProfile().then(
      (p) => live && setState(p),
      () => live && setState(null),
    );
    return () => {
      live = false;
    };
  }, []);
  if (state === undefined) return undefined;
  const w = issuerWords(state, i18n.language === 'en' ? 'en' : 'zh');
  return { ...w, contactText: t(`contact.${w.contact}`, { office: w.office, phone: w.phone }) };
}
