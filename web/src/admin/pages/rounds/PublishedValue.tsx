// A value the draw publishes (the pool hash, the seed): large, monospaced, wrapping anywhere, with a
// copy button, so people can read it out at the ceremony or paste it into the verifier.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

export function PublishedValue({ value, fontSize, testId }: { value: string; fontSize: number; testId: string }) {
  const { t } = useTranslation('rounds');
  return (
    <Typography.Paragraph
      copyable={{ text: value, tooltips: [t('copy'), t('copied')] }}
      style={{ fontFamily: MONO, fontSize, wordBreak: 'break-all', margin: '4px 0 16px' }}
      data-testid={testId}
    >
      {value}
    </Typography.Paragraph>
  );
}
