// Beside the robustness note: would the bottom N change with the answers weighted to the registry?
import { Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { weightedLine } from '#shared/charts/weighted.ts';
import type { RoundResults } from '../../endpoints.ts';

export function WeightedNote({ results, print = false }: { results: RoundResults; print?: boolean }) {
  const { t, i18n } = useTranslation('integrity');
  const bottomN = results.rules.bottomN;
  const line = useMemo(() => {
    const names = new Map(results.departments.map((d) => [d.departmentId, i18n.language === 'en' && d.nameEn ? d.nameEn : d.name]));
    return weightedLine(results.robustness, results.departments, (id) => names.get(id) ?? String(id));
  }, [results, i18n.language]);
  const w = results.robustness?.weighted;
  if (!line || !w) return null;
  const unweighted = line.official === 'weighted';
  const headline =
    line.outcome === 'same'
      ? t(unweighted ? 'weighted.unweightedStands' : 'weighted.stands', { bottomN })
      : t(unweighted ? 'weighted.unweightedChanges' : 'weighted.changes', {
          bottomN,
          leaving: line.leaving.join('、') || t('robustness.nobody'),
          entering: line.entering.join('、') || t('robustness.nobody'),
        });
  const texts = [
    // The default (unweighted) needs saying on paper; on screen only the exception is spelt out, so the
    // bottom three still fit the leader's first screen.
    ...(unweighted || print ? [t(unweighted ? 'weighted.officialWeighted' : 'weighted.officialUnweighted')] : []),
    t('weighted.detail', {
      dimension: t(`weighted.dimensions.${w.dimension}`),
      effectiveN: line.effectiveN.toFixed(1),
      respondents: line.respondents,
    }),
    ...(line.gap
      ? [t('weighted.gap', { bottomN, unweighted: line.gap.unweighted.toFixed(1), weighted: line.gap.weighted.toFixed(1) })]
      : []),
  ];
  if (print) {
    return (
      <p data-testid="weighted-note">
        <strong>{headline}</strong>
        {'。'}
        {texts.join('；')}
      </p>
    );
  }
  return (
    <div data-testid="weighted-note" style={{ marginTop: 8 }}>
      <Tag color={line.outcome === 'same' ? 'green' : 'orange'}>{headline}</Tag>
      {texts.map((text) => (
        <Typography.Text key={text} type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {text}
        </Typography.Text>
      ))}
    </div>
  );
}
