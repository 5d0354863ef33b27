// Strings of the admin app, one namespace per area. The Chinese of what the first screens use (the shell,
// the dashboard, errors) is built in; every other area's Chinese loads with the first page that asks for
// it (useTranslation suspends until then). English (admin-en.ts) loads whole when chosen.
import zhComments from './zh/comments.ts';
import zhCommon from './zh/common.ts';
import zhDashboard from './zh/dashboard.ts';
import zhIntegrity from './zh/integrity.ts';
import zhPassword from './zh/password.ts';
import zhRectification from './zh/rectification.ts';
import zhRounds from './zh/rounds.ts';
import zhShell from './zh/shell.ts';
import zhState from './zh/state.ts';

const builtIn = {
  common: zhCommon,
  shell: zhShell,
  rounds: zhRounds,
  rectification: zhRectification,
  dashboard: zhDashboard,
  comments: zhComments,
  integrity: zhIntegrity,
  password: zhPassword,
  state: zhState,
};

const onDemand = {
  departments: () => import('./zh/departments.ts'),
  enterprises: () => import('./zh/enterprises.ts'),
  importer: () => import('./zh/importer.ts'),
  audit: () => import('./zh/audit.ts'),
  mydept: () => import('./zh/mydept.ts'),
  verify: () => import('./zh/verify.ts'),
  public: () => import('./zh/public.ts'),
  points: () => import('./zh/points.ts'),
  accounts: () => import('./zh/accounts.ts'),
  requests: () => import('./zh/requests.ts'),
  followUps: () => import('./zh/followUps.ts'),
  outbox: () => import('./zh/outbox.ts'),
};

/** Every namespace with its Chinese strings: the shape t('…') keys are checked against (i18next.d.ts). */
export type AdminStrings = typeof builtIn & { [N in keyof typeof onDemand]: Awaited<ReturnType<(typeof onDemand)[N]>>['default'] };
export type AdminNamespace = keyof AdminStrings;

export const adminResources = { 'zh-CN': builtIn };

const loadAdminEnglish = () => import('./admin-en.ts').then((m) => m.default);

/** One namespace's strings in one language, fetched on demand (undefined for a language or namespace unknown here). */
export async function loadAdminNamespace(lng: string, ns: string): Promise<object | undefined> {
  if (lng === 'en') return (await loadAdminEnglish())[ns as AdminNamespace];
  if (lng === 'zh-CN' && ns in onDemand) return (await onDemand[ns as keyof typeof onDemand]()).default;
  return builtIn[ns as keyof typeof builtIn];
}

export { loadAdminEnglish };
