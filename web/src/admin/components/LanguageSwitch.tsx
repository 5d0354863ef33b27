import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../../i18n.ts';

/** Switches between Chinese and English; the label is the other language, in that language. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation('common');
  const next = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => setLanguage(next)}
      aria-label={t('switchLanguageLabel')}
      lang={next}
      data-testid="lang-switch"
    >
      {compact ? null : t('switchLanguage')}
    </Button>
  );
}
