// Placeholder for the enterprise survey (/s/<token>). It must stay free of antd, recharts and
// admin code: enterprises open it on phones, often inside WeChat.
import { useTranslation } from 'react-i18next';
import { currentLanguage, initI18n, setLanguage } from '../i18n.ts';
import { surveyResources } from '../locales/survey.ts';

initI18n(surveyResources, 'survey');

const TOKEN = /^\/s\/([^/?#]+)/;

export default function SurveyApp() {
  const { t } = useTranslation('survey');
  const token = TOKEN.exec(window.location.pathname)?.[1];
  const toggle = () => setLanguage(currentLanguage() === 'en' ? 'zh-CN' : 'en');
  return (
    <main style={{ maxWidth: 560, margin: '0 auto', padding: '16px', fontFamily: 'system-ui, sans-serif' }}>
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <h1 style={{ fontSize: 20, margin: 0 }}>{t('title')}</h1>
        <button type="button" onClick={toggle} data-testid="lang-switch">{t('language')}</button>
      </header>
      <p role="status" aria-live="polite">{token ? t('loading') : t('invalidLink')}</p>
    </main>
  );
}
