// In the printed report, under the bottom three: each flagged department's reasons for 不满意 (fewer than 3
// firms: "<3") and, where a rectification case exists, what its plan does about each top reason.
import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '#shared/schemas/rectification.ts';
import { LoadError } from '../../components/LoadError.tsx';
import { ReasonsList } from '../../components/ReasonsList.tsx';
import { getCase, type RoundResults } from '../../endpoints.ts';
import { useLoad } from '../../useLoad.ts';
import { planAnswers } from '../../views/reasons.ts';
import { isEnglish, useDeptName } from '../dashboard/format.tsx';

export function ReportReasons({ results, cases }: { results: RoundResults; cases: CaseSummary[] }) {
  const { t, i18n } = useTranslation('dashboard');
  const en = isEnglish(i18n.language);
  const name = useDeptName();
  const flagged = results.departments.filter((d) => d.flagged).sort((a, b) => (b.rank ?? 0) - (a.rank ?? 0));
  const own = cases.filter((c) => c.roundId === results.round.id && flagged.some((d) => d.departmentId === c.departmentId));
  const ids = own.map((c) => c.id).join(',');
  const details = useLoad((signal) => Promise.all(own.map((c) => getCase(c.id, signal))), [ids]);
  if (!results.rules.reasons.length || !flagged.length) return null;
  if (details.error && !details.data) return <LoadError error={details.error} onRetry={details.reload} />;
  if (!details.data) return <Skeleton active paragraph={{ rows: 4 }} />;
  return (
    <div data-testid="report-reasons">
      <h3 style={{ fontSize: 14 }}>{t('report.reasons.title')}</h3>
      <p style={{ color: '#595959', fontSize: 12 }}>{t('report.reasons.intro')}</p>
      {flagged.map((d) => {
        const detail = details.data!.find((c) => c.departmentId === d.departmentId);
        const answers = detail ? planAnswers(detail.topReasons, detail.plan?.measures, en) : [];
        return (
          <div key={d.departmentId} className="keep" data-testid="report-reasons-department" style={{ margin: '8px 0' }}>
            <strong>{name(d)}</strong>
            <ReasonsList reasons={d.reasons ?? []} offered={results.rules.reasons} />
            {!detail ? null : !answers.length ? (
              <p>{t('report.reasons.noTop')}</p>
            ) : (
              <table data-testid="report-plan-answers" style={{ marginTop: 4 }}>
                <thead>
                  <tr>
                    <th>{t('report.reasons.reason')}</th>
                    <th>{t('report.reasons.count')}</th>
                    <th>{t('report.reasons.answer')}</th>
                  </tr>
                </thead>
                <tbody>
                  {answers.map((a) => (
                    <tr key={a.code}>
                      <td className="name">{a.label}</td>
                      <td>{a.count}</td>
                      <td className="name">
                        {!detail.plan
                          ? t('report.reasons.noPlan')
                          : a.measures.length
                            ? a.measures.map((m) => t('report.reasons.measure', m)).join(t('report.reasons.separator'))
                            : t('report.reasons.unanswered')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        );
      })}
    </div>
  );
}
