import { z } from 'zod';

/** A name as a page shows it in each language. */
export const localNameSchema = z.object({ zh: z.string(), en: z.string() });
export type LocalName = z.infer<typeof localNameSchema>;

/**
 * The issuer every outward page, letter and report names (the city profile, server/config.ts):
 * null where the deployment set none, and the page then says "the organising office" without a name.
 */
export const cityProfileSchema = z.object({
  name: localNameSchema.nullable(),
  organiser: localNameSchema.nullable(),
  helpPhone: z.string().nullable(),
});
export type CityProfile = z.infer<typeof cityProfileSchema>;
