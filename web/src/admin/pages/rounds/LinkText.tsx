import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The full link in the page (cut visually at the start, so the token shows; not cut in the text), with a copy button. */
export function LinkText({ link, width }: { link: string; width: number }) {
  const { t } = useTranslation('rounds');
  return (
    <Typography.Text copyable={{ text: link, tooltips: [t('copyLink'), t('copied')] }}>
      <Tooltip title={link}>
        <span
          data-testid="invitation-link"
          style={{
            display: 'inline-block',
            maxWidth: width,
            overflow: 'hidden',
            textOverflow: 'ellipsis',
            whiteSpace: 'nowrap',
            verticalAlign: 'bottom',
            direction: 'rtl',
            textAlign: 'left',
          }}
        >
          <span dir="ltr">{link}</span>
        </span>
      </Tooltip>
    </Typography.Text>
  );
}
