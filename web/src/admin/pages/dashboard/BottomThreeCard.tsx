// The dashboard's first screen: the bottom three, each with its place from the bottom, score and
// interval, the gap to the department above, how sure (P(bottom 3)), votes, the head's streak and the measures.
import { Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { QuarterState } from '../../components/QuarterState.tsx';
import type { DepartmentStates, RoundResults } from '../../endpoints.ts';
import { bottomThree, type RecordView } from '../../views/bottomThree.ts';
import { COLORS, fmtMean, fmtPct, isEnglish, levelLabel, useDeptName } from './format.tsx';
import { reasonItems, reasonLine } from '../../views/reasons.ts';
import { RobustnessNote } from '../../components/integrity/RobustnessNote.tsx';
import { WeightedNote } from '../../components/integrity/WeightedNote.tsx';

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {label}
      </Typography.Text>
      <div style={{ fontSize: 18, fontWeight: 600 }}>{value}</div>
    </div>
  );
}

/** `states`: the round's department states (published rounds only): what happens next to each, by when. */
export function BottomThreeCard({
  results,
  records,
  states,
}: {
  results: RoundResults;
  records: readonly RecordView[];
  states?: DepartmentStates;
}) {
  const { t, i18n } = useTranslation('dashboard');
  const name = useDeptName();
  const { rows, line } = useMemo(() => bottomThree(results.departments, records), [results, records]);
  const stateOf = (departmentId: number) => states?.states.find((s) => s.departmentId === departmentId && s.roundId === results.round.id);
  const { t: tc } = useTranslation();
  const topReasons = (departmentId: number) => {
    const reasons = results.departments.find((d) => d.departmentId === departmentId)?.reasons;
    return reasons ? reasonLine(reasonItems(reasons, results.rules.reasons, isEnglish(i18n.language))) : '';
  };
  return (
    <Card
      size="small"
      title={<span style={{ color: COLORS.flagged }}>{t('first.title', { count: results.rules.bottomN })}</span>}
      extra={
        line ? (
          <Typography.Text type="secondary" data-testid="bottom-line">
            {t('first.line', { rank: line.rank, name: name(line), mean: fmtMean(line.mean) })}
          </Typography.Text>
        ) : null
      }
      styles={{ header: { background: COLORS.flaggedBg } }}
      data-testid="bottom-three"
    >
      {rows.length === 0 ? <Typography.Text>{t('first.none')}</Typography.Text> : null}
      <Row gutter={[16, 16]}>
        {rows.map((r) => (
          <Col key={r.departmentId} xs={24} md={8} data-testid="bottom-department" data-code={r.code}>
            <Flex vertical gap={6} style={{ borderInlineStart: `4px solid ${COLORS.flagged}`, paddingInlineStart: 12, height: '100%' }}>
              <div>
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {name(r)}
                </Typography.Text>
                <div style={{ color: COLORS.flagged, fontWeight: 600 }} data-testid="bottom-place">
                  {t('first.place', { rank: r.rank, fromBottom: r.fromBottom })}
                </div>
              </div>
              <Flex gap={16} wrap align="flex-end">
                <div data-testid="bottom-score">
                  <span style={{ fontSize: 30, fontWeight: 700, lineHeight: 1 }}>{fmtMean(r.mean)}</span>
                  <Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>
                    {r.ci95 ? t('first.interval', { lo: fmtMean(r.ci95[0]), hi: fmtMean(r.ci95[1]) }) : ''}
                  </Typography.Text>
                  <div style={{ fontSize: 13 }} data-testid="bottom-gap">
                    {r.gap !== null ? t('first.gap', { gap: fmtMean(r.gap) }) : t('first.first')}
                  </div>
                </div>
              </Flex>
              {topReasons(r.departmentId) ? (
                <Typography.Text data-testid="bottom-reasons">{tc('reasons.top', { list: topReasons(r.departmentId) })}</Typography.Text>
              ) : null}
              <Flex gap={16} wrap>
                <Figure label={t('first.pBottom')} value={fmtPct(r.pBottom, 0)} testId="bottom-pbottom" />
                <Figure label={t('first.votes')} value={t('first.votesValue', { n: r.votes })} testId="bottom-votes" />
              </Flex>
              <div data-testid="bottom-measures">
                {r.headStreak !== null ? (
                  <>
                    <Typography.Text strong>{t('first.headStreak', { n: r.headStreak })}</Typography.Text>
                    {r.departmentStreak !== null && r.departmentStreak !== r.headStreak ? (
                      <Typography.Text type="secondary"> · {t('first.departmentStreak', { n: r.departmentStreak })}</Typography.Text>
                    ) : null}
                    {r.headName ? (
                      <Typography.Text type="secondary">
                        {' '}
                        · {t('first.head')} {r.headName}
                      </Typography.Text>
                    ) : null}
                    {stateOf(r.departmentId) ? null : (
                      <div>
                        {r.measures.map((m) => (
                          <Tag key={m} color="red" style={{ marginTop: 4 }}>
                            {levelLabel(m, i18n.language)}
                          </Tag>
                        ))}
                      </div>
                    )}
                  </>
                ) : (
                  <Typography.Text type="secondary">{t('first.noRecord')}</Typography.Text>
                )}
              </div>
              {stateOf(r.departmentId) ? <QuarterState state={stateOf(r.departmentId)!} code={r.code} caseLink /> : null}
            </Flex>
          </Col>
        ))}
      </Row>
      <RobustnessNote results={results} />
      <WeightedNote results={results} />
    </Card>
  );
}
