// Strings of the admin app, one namespace per area. The Chinese of what the first screens use (the shell,
// the dashboard, errors) is built in; every other area's Chinese loads with the first page that asks for
// it, all in one chunk (useTranslation suspends until then). English (admin-en.ts) loads whole when chosen.
import type onDemand from './admin-zh-more.ts';
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

/** Every namespace with its Chinese strings: the shape t('…') keys are checked against (i18next.d.ts). */
export type AdminStrings = typeof builtIn & typeof onDemand;
export type AdminNamespace = keyof AdminStrings;

export const adminResources = { 'zh-CN': builtIn };

const loadMoreChinese = () => import('./admin-zh-more.ts').then((m) => m.default);
const loadAdminEnglish = () => import('./admin-en.ts').then((m) => m.default);

/** One namespace's strings in one language, fetched on demand (undefined for a language or namespace unknown here). */
export async function loadAdminNamespace(lng: string, ns: string): Promise<object | undefined> {
  if (lng === 'en') return (await loadAdminEnglish())[ns as AdminNamespace];
  if (lng === 'zh-CN' && !(ns in builtIn)) return (await loadMoreChinese())[ns as keyof typeof onDemand];
  return builtIn[ns as keyof typeof builtIn];
}

export { loadAdminEnglish };
