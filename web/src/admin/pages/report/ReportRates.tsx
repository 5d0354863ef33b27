// The report's response rates (AAPOR): each rate with its one-line explanation, and the dispositions behind them.
import { useTranslation } from 'react-i18next';
import type { ResponseRates } from '../../../../../shared/schemas/follow-ups.ts';
import { dispositionRows, rateCells } from '../../views/responseRates.ts';

export function ReportRates({ rates }: { rates: ResponseRates }) {
  const { t } = useTranslation('followUps');
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
        {dispositionRows(rates).map((r) => `${t(`disposition.${r.disposition}`)} ${r.count}`).join('，')}
        （{t('rates.cases', { count: rates.cases })}）{rates.final ? '' : ` ${t('rates.interim')}`}
      </p>
    </section>
  );
}
