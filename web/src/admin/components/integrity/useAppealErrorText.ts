import { useTranslation } from 'react-i18next';
import type { ErrorCode } from '#shared/errors.ts';
import { ApiError } from '../../../api.ts';
import { useErrorText } from '../../errors.ts';

const CODES = ['not_flagged', 'window_closed', 'appeal_exists', 'not_published', 'already_decided'] as const satisfies readonly ErrorCode[];

/** The appeal refusals in the user's words (the deadline from the error's details); anything else as usual. */
export function useAppealErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation('integrity');
  const common = useErrorText();
  return (error) => {
    if (error instanceof ApiError && (CODES as readonly string[]).includes(error.code)) {
      const deadline = (error.details as { deadline?: string } | undefined)?.deadline;
      return t(`appeal.errors.${error.code as (typeof CODES)[number]}`, {
        deadline: deadline ? new Date(deadline).toLocaleString(i18n.language) : '—',
      });
    }
    return common(error);
  };
}
