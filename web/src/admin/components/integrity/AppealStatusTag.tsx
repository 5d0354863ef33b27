import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppealStatus } from '#shared/appeals.ts';

const COLORS: Record<AppealStatus, string> = { pending: 'processing', upheld: 'green', rejected: 'default' };

/** An appeal's status; pending says the measures wait. */
export function AppealStatusTag({ status }: { status: AppealStatus }) {
  const { t } = useTranslation('integrity');
  return (
    <Tag color={COLORS[status]} data-testid="appeal-status">
      {t(`appeal.status.${status}`)}
    </Tag>
  );
}
