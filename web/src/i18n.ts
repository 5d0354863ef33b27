// i18next set-up of the admin app. (The enterprise survey has its own small translator, survey/i18n.ts,
// sharing the storage key.)
import i18n, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
const STORAGE_KEY = 'pingyi.lang'; // Boot.tsx reads it too (without i18next)

function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE; // storage can be blocked (private mode, some in-app browsers)
  }
}

function remember(lng: string) {
  document.documentElement.lang = lng;
  try {
    window.localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // not persisted: the choice still holds for this page
  }
}

type Bundle = Resource[string];
/** Languages whose strings load on demand (the admin app's English), each loaded at most once. */
const loaders: Partial<Record<Language, () => Promise<Bundle>>> = {};
const loading = new Map<Language, Promise<void>>();

function ensureLoaded(lng: string): Promise<void> {
  if (!isLanguage(lng)) return Promise.resolve();
  const load = loaders[lng];
  if (!load) return Promise.resolve();
  let done = loading.get(lng);
  if (!done) {
    done = load().then((bundle) => {
      for (const [ns, strings] of Object.entries(bundle)) i18n.addResourceBundle(lng, ns, strings, true, true);
    });
    // A failed load (the network dropped) is tried again at the next switch; until then the fallback language shows.
    done.catch(() => loading.delete(lng));
    loading.set(lng, done);
  }
  return done;
}

/**
 * Initialises i18next once with the strings of one area (survey or admin): `resources` are built in,
 * `loadNamespace` fetches any other namespace when a component first asks for it, and `lazy` languages load
 * whole when chosen. Resolves when the stored language's strings are in (render after it, or the first
 * screen would flash in the fallback language); never rejects.
 */
export function initI18n(options: {
  resources: Partial<Record<Language, Bundle>>;
  defaultNS: string;
  lazy?: Partial<Record<Language, () => Promise<Bundle>>>;
  loadNamespace?: (lng: string, ns: string) => Promise<object | undefined>;
}): Promise<void> {
  const { resources, defaultNS, lazy = {}, loadNamespace } = options;
  Object.assign(loaders, lazy);
  if (!i18n.isInitialized) {
    // i18next's backend interface, a few lines: what it reads are the app's own chunks.
    if (loadNamespace)
      i18n.use({
        type: 'backend',
        init() {},
        read(lng: string, ns: string, done: (error: unknown, strings: object | false) => void) {
          loadNamespace(lng, ns).then(
            (strings) => done(null, strings ?? {}),
            (error: unknown) => done(error, false),
          );
        },
      });
    void i18n.use(initReactI18next).init({
      resources,
      partialBundledLanguages: Boolean(loadNamespace),
      ns: Object.keys(resources[DEFAULT_LANGUAGE] ?? {}),
      lng: storedLanguage(),
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: [...LANGUAGES],
      defaultNS,
      interpolation: { escapeValue: false }, // React escapes
      initAsync: false,
      returnNull: false,
      showSupportNotice: false,
    });
    remember(i18n.language);
    i18n.on('languageChanged', remember);
  }
  return ensureLoaded(i18n.language).catch(() => undefined);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

export function setLanguage(lng: Language): void {
  void ensureLoaded(lng).then(
    () => i18n.changeLanguage(lng),
    () => undefined,
  );
}
