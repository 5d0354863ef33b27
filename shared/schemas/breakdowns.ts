import { z } from 'zod';
import { BREAKDOWN_DIMENSIONS } from '../breakdowns.ts';

/** A closed round's results by township, industry and size: only groups (and cells) of 5 or more. */
export const breakdownsSchema = z.object({
  roundId: z.string(),
  minGroup: z.number().int(),
  dimensions: z.array(
    z.object({
      dimension: z.enum(BREAKDOWN_DIMENSIONS),
      /** Respondents in the groups not shown (too small, or hidden so that the small ones cannot be worked out). */
      hiddenRespondents: z.number().int(),
      groups: z.array(
        z.object({
          value: z.string(),
          respondents: z.number().int(),
          departments: z.array(
            z.object({
              departmentId: z.number().int(),
              code: z.string(),
              name: z.string(),
              n: z.number().int().nullable(),
              mean: z.number().nullable(),
              satisfactionRate: z.number().nullable(),
            }),
          ),
        }),
      ),
    }),
  ),
});
export type Breakdowns = z.infer<typeof breakdownsSchema>;
