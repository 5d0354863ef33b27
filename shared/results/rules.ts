// The rules a round's results are computed under: the minimum number of ratings to be ranked, how
// many of the last ranked are flagged, and how many simulation runs. Set per round, stored and
// printed with the results, so they are validated here with their defaults.
import { z } from 'zod';

export type ResultRules = {
  /** Departments with fewer applicable ratings (不了解 excluded) are 'insufficient': shown, not ranked. */
  minRatings: number;
  /** How many of the last ranked departments are flagged (倒数三位). */
  bottomN: number;
  /** Monte Carlo runs for pBottom and rankInterval. */
  simulations: number;
};

export const DEFAULT_RESULT_RULES: ResultRules = { minRatings: 10, bottomN: 3, simulations: 10_000 };

export const resultRulesSchema = z.object({
  minRatings: z.number().int().min(1).max(100_000).default(DEFAULT_RESULT_RULES.minRatings),
  bottomN: z.number().int().min(0).max(1_000).default(DEFAULT_RESULT_RULES.bottomN),
  simulations: z.number().int().min(1).max(1_000_000).default(DEFAULT_RESULT_RULES.simulations),
});
