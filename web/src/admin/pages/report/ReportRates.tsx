// The report's response rates (AAPOR): each rate with its one-line explanation, the dispositions behind
// them, and the strata its reader may see (the progress rule).
import { useTranslation } from 'react-i18next';
import type { ResponseRates } from '#shared/schemas/follow-ups.ts';
import { dispositionRows, RATE_KEYS, rateCells, ratePercent } from '../../views/responseRates.ts';
import { useStratumLabel } from '../rounds/labels.tsx';

export function ReportRates({ rates }: { rates: ResponseRates }) {
  const { t } = useTranslation('followUps');
  const stratumLabel = useStratumLabel();
  return (
    <section className="keep" data-testid="report-rates">
      <h2>{t('rates.title')}</h2>
      <table>
        <tbody>
          {rateCells(rates).map((c) => (
            <tr key={c.key}>
              <th>{t(`rates.${c.key}`)}</th>
              <td data-testid={`report-rate-${c.key}`}>{c.text ?? t('rates.notAvailable')}</td>
              <td className="name">{t(`rates.explain.${c.key}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {t('rates.dispositions')}：
        {dispositionRows(rates)
          .map((r) => `${t(`disposition.${r.disposition}`)} ${r.count}`)
          .join('，')}
        （{t('rates.cases', { count: rates.cases })}）{rates.final ? '' : ` ${t('rates.interim')}`}
      </p>
      {rates.strata.length ? (
        <table data-testid="report-rates-strata">
          <thead>
            <tr>
              <th>{t('rates.stratum')}</th>
              <th>{t('disposition.complete')}</th>
              {RATE_KEYS.map((k) => (
                <th key={k}>{t(`rates.${k}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rates.strata.map((s) => (
              <tr key={s.key}>
                <td className="name">{stratumLabel(s.key, rates.stratifyBy)}</td>
                <td>{s.dispositions.complete}</td>
                {RATE_KEYS.map((k) => (
                  <td key={k}>{ratePercent(s[k]) ?? t('rates.notAvailable')}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {rates.groups === 'suppressed' && rates.strata.length ? <p>{t('rates.strataSuppressed')}</p> : null}
    </section>
  );
}
