// Beside P(倒数三位): would the bottom N change without the answers the integrity check doubts?
import { Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { robustnessLines, verdictStands } from '#shared/charts/integrity.ts';
import type { RoundResults } from '../../endpoints.ts';

export function RobustnessNote({ results, print = false }: { results: RoundResults; print?: boolean }) {
  const { t, i18n } = useTranslation('integrity');
  const bottomN = results.rules.bottomN;
  const lines = useMemo(() => {
    const names = new Map(results.departments.map((d) => [d.departmentId, i18n.language === 'en' && d.nameEn ? d.nameEn : d.name]));
    return robustnessLines(results.robustness, (id) => names.get(id) ?? String(id));
  }, [results, i18n.language]);
  if (!results.robustness) return null;
  const stands = verdictStands(lines);
  const headline = stands ? t('robustness.stands', { bottomN }) : t('robustness.changes', { bottomN });
  const texts = lines.map(
    (l) =>
      `${t(`robustness.variants.${l.variant}`)}：${
        l.outcome === 'none'
          ? t('robustness.none')
          : l.outcome === 'same'
            ? t('robustness.same', { n: l.answersRemoved })
            : t('robustness.changed', {
                n: l.answersRemoved,
                leaving: l.leaving.join('、') || t('robustness.nobody'),
                entering: l.entering.join('、') || t('robustness.nobody'),
              })
      }`,
  );
  if (print) {
    return (
      <p data-testid="robustness-note">
        <strong>{headline}</strong>
        {'。'}
        {texts.join('；')}
      </p>
    );
  }
  return (
    <div data-testid="robustness-note" style={{ marginTop: 8 }}>
      <Tag color={stands ? 'green' : 'orange'}>{headline}</Tag>
      {texts.map((text) => (
        <Typography.Text key={text} type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {text}
        </Typography.Text>
      ))}
    </div>
  );
}

/** Beside a department's P(倒数三位) in the ranking: whether it would leave or enter the bottom N without the doubtful answers. */
export function RobustnessMark({ results, departmentId }: { results: RoundResults; departmentId: number }) {
  const { t } = useTranslation('integrity');
  const moved = results.robustness?.variants.filter((v) => v.changes) ?? [];
  if (moved.some((v) => v.leaving.includes(departmentId)))
    return (
      <Tag color="orange" data-testid="robustness-mark">
        {t('robustness.markLeaves')}
      </Tag>
    );
  if (moved.some((v) => v.entering.includes(departmentId)))
    return (
      <Tag color="orange" data-testid="robustness-mark">
        {t('robustness.markEnters')}
      </Tag>
    );
  return null;
}
