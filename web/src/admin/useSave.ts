import { useState } from 'react';
import { ApiError } from '../api.ts';
import { useErrorText } from './errors.ts';

/** What to do for API error codes the form shows itself (e.g. a taken code on its field). */
export type OnCode = Partial<Record<string, () => void>>;

/**
 * The one way the admin forms save (after `parseForm`): `saving` spins the button while `run` runs; a
 * failure becomes `problem`, a sentence above the form, unless `onCode` handles its code.
 */
export function useSave(errorText?: (error: unknown) => string) {
  const commonText = useErrorText();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const save = async (run: () => Promise<unknown>, onCode: OnCode = {}): Promise<void> => {
    setSaving(true);
    setProblem(null);
    try {
      await run();
    } catch (error) {
      const handle = error instanceof ApiError && Object.hasOwn(onCode, error.code) ? onCode[error.code] : undefined;
      if (handle) handle();
      else setProblem((errorText ?? commonText)(error));
    } finally {
      setSaving(false);
    }
  };

  return { saving, problem, save };
}
