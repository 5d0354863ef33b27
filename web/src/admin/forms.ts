// antd form rules from the shared zod schemas: the schema decides, the message is ours (zh/en).
import type { FormInstance, FormRule } from 'antd';
import type { z } from 'zod';

/** A field rule that passes when the shared schema accepts the value. Empty inputs count as absent. */
export function zodRule(schema: z.ZodType, message: string | ((value: unknown) => string)): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const v = value === '' ? undefined : value;
      if (!schema.safeParse(v).success) throw new Error(typeof message === 'string' ? message : message(v));
    },
  };
}

/** Empty strings become null, so optional text fields parse as "not given". */
export function blankToNull<T extends Record<string, unknown>>(values: T): T {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'string' && v.trim() === '' ? null : v])) as T;
}

/** Puts schema issues (after the field rules passed, rare) back on the fields they concern. */
export function showIssues(form: FormInstance, error: z.ZodError, message: (field: string) => string): void {
  form.setFields(
    error.issues.map((issue) => ({
      name: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      errors: [message(issue.path.join('.'))],
    })),
  );
}

/**
 * The one way the admin forms validate: the field rules first, then the shared schema on
 * `prepare(values)`; the schema's issues go back onto the fields. Null when anything is wrong.
 */
export async function parseForm<V, S extends z.ZodType>(
  form: FormInstance<V>,
  schema: S,
  message: (field: string) => string,
  prepare: (values: V) => unknown = (v) => v,
): Promise<z.output<S> | null> {
  let values: V;
  try {
    values = await form.validateFields();
  } catch {
    return null; // the fields show what is wrong
  }
  const parsed = schema.safeParse(prepare(values));
  if (!parsed.success) {
    showIssues(form as FormInstance, parsed.error, message);
    return null;
  }
  return parsed.data;
}
