// A department's reasons for 不满意: one tag per reason with its count, "<3" below three firms.
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReasonCount, ReasonEntry } from '#shared/reasons.ts';
import { isEnglish } from '../pages/dashboard/format.tsx';
import { reasonItems } from '../views/reasons.ts';

export function ReasonsList({ reasons, offered }: { reasons: readonly ReasonCount[]; offered: readonly ReasonEntry[] }) {
  const { t, i18n } = useTranslation();
  const items = reasonItems(reasons, offered, isEnglish(i18n.language), t('reasons.fewer'));
  if (!items.some((r) => r.count !== null))
    return (
      <Typography.Text type="secondary" data-testid="reasons-none">
        {t('reasons.none')}
      </Typography.Text>
    );
  return (
    <Flex gap={6} wrap data-testid="reasons">
      {items.map((r) => (
        <Tag
          key={r.code}
          color={r.count === null ? undefined : 'volcano'}
          data-testid="reason"
          data-code={r.code}
          style={{ marginInlineEnd: 0 }}
        >
          {r.label} <strong>{r.text}</strong>
        </Tag>
      ))}
    </Flex>
  );
}
