// The city's own words, which an attacker who knows the survey guesses first: its name, the survey's,
// the departments' names and short codes. Browser-safe; the strength estimate counts them as user inputs.
import { DEMO_DEPARTMENTS } from './demo/departments.ts';
import type { PasswordContext } from './password-policy.ts';

const CITY_WORDS = ['xiantao', 'xiantaoshi', '仙桃', '仙桃市', 'pingyi', '评议', 'yingshang', '营商环境', 'hubei', '湖北'];

/** Department names as written ("市公安局") and without the city's prefix ("公安局"), and their codes. */
export function departmentWords(departments: readonly { code: string; nameZh: string }[]): string[] {
  return departments.flatMap((d) => [d.code, d.nameZh, d.nameZh.replace(/^市/, '')]);
}

const DEPARTMENT_WORDS = departmentWords(DEMO_DEPARTMENTS);

/** Every word the estimator treats as known for this person: theirs, the city's, and the years around now. */
export function passwordWords(ctx: PasswordContext): string[] {
  const years = Array.from({ length: 11 }, (_, i) => String(ctx.year - 5 + i));
  const own = [ctx.username, ctx.displayName ?? '', ...ctx.username.split(/[._-]+/)].filter((w) => w.length >= 2);
  return [
    ...new Set(
      [...own, ...CITY_WORDS, ...years, ...DEPARTMENT_WORDS, ...(ctx.words ?? [])].map((w) => w.trim().toLowerCase()).filter(Boolean),
    ),
  ];
}
