// "Did the score improve?": the flagged round against the next published round, in a table cell and as a panel.
import { ArrowDownOutlined, ArrowRightOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseSummary } from '#shared/schemas/rectification.ts';
import { score, useQuarter } from './labels.tsx';
import { outcomeOf, type Outcome } from './outcome.ts';

type Result = CaseSummary['before'];

function useResultText(): (r: Result) => string {
  const { t } = useTranslation('rectification');
  return (r) => {
    if (!r) return t('outcome.noData');
    if (r.rank === null) return t('outcome.meanOnly', { mean: score(r.mean) });
    return t('outcome.rankMean', { rank: r.rank, mean: score(r.mean) });
  };
}

function OutcomeTags({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation('rectification');
  if (outcome.kind === 'pending') return <Tag>{t('outcome.pending')}</Tag>;
  const { change, meanDelta, stillFlagged } = outcome;
  return (
    <Flex gap={4} wrap>
      {change.kind === 'up' ? (
        <Tag color="success" icon={<ArrowUpOutlined />}>
          {t('outcome.improved', { n: change.places })}
        </Tag>
      ) : null}
      {change.kind === 'down' ? (
        <Tag color="error" icon={<ArrowDownOutlined />}>
          {t('outcome.worse', { n: change.places })}
        </Tag>
      ) : null}
      {change.kind === 'same' ? <Tag>{t('outcome.same')}</Tag> : null}
      {meanDelta !== null ? (
        <Tag color={meanDelta > 0 ? 'success' : meanDelta < 0 ? 'error' : 'default'}>
          {t('outcome.meanChange', { sign: meanDelta > 0 ? '+' : '', delta: meanDelta.toFixed(1) })}
        </Tag>
      ) : null}
      <Tag color={stillFlagged ? 'error' : 'success'}>{stillFlagged ? t('outcome.stillFlagged') : t('outcome.leftBottom')}</Tag>
    </Flex>
  );
}

/** Compact, for the list: "No. 51 · 58.2 → No. 30 · 71.5" and what it means. */
export function OutcomeCell({ c }: { c: CaseSummary }) {
  const resultText = useResultText();
  const outcome = outcomeOf(c);
  return (
    <Flex vertical gap={4} align="flex-start" data-testid="case-outcome">
      <Typography.Text style={{ whiteSpace: 'nowrap' }}>
        {resultText(c.before)}
        {c.after ? (
          <>
            {' '}
            <ArrowRightOutlined /> {resultText(c.after)}
          </>
        ) : null}
      </Typography.Text>
      <OutcomeTags outcome={outcome} />
    </Flex>
  );
}

function Side({ title, roundId, r }: { title: string; roundId: string | null; r: Result }) {
  const { t } = useTranslation('rectification');
  const quarter = useQuarter();
  return (
    <Card size="small" title={roundId ? `${title} · ${quarter(roundId)}` : title} style={{ height: '100%' }}>
      {r ? (
        <Flex gap={32} wrap align="center">
          <Statistic
            title={t('outcome.rank')}
            value={r.rank === null ? t('outcome.notRanked') : t('outcome.rankValue', { rank: r.rank })}
          />
          <Statistic title={t('outcome.mean')} value={score(r.mean)} />
          {r.flagged ? <Tag color="error">{t('outcome.flagged')}</Tag> : <Tag color="success">{t('outcome.notFlagged')}</Tag>}
        </Flex>
      ) : (
        <Typography.Text type="secondary">{roundId ? t('outcome.noData') : t('outcome.pending')}</Typography.Text>
      )}
    </Card>
  );
}

/** The detail page's panel: both rounds side by side, and the verdict. */
export function OutcomePanel({ c }: { c: CaseSummary }) {
  const { t } = useTranslation('rectification');
  const outcome = outcomeOf(c);
  return (
    <Card title={t('outcome.title')} data-testid="outcome-panel">
      <Typography.Paragraph type="secondary">{t('outcome.caption')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Side title={t('outcome.before')} roundId={c.before?.roundId ?? c.roundId} r={c.before} />
        </Col>
        <Col xs={24} md={12}>
          <Side title={t('outcome.after')} roundId={c.after?.roundId ?? null} r={c.after} />
        </Col>
      </Row>
      {outcome.kind === 'compared' ? (
        <div style={{ marginTop: 12 }}>
          <OutcomeTags outcome={outcome} />
        </div>
      ) : null}
    </Card>
  );
}
