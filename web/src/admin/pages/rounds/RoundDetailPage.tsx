// One round: lifecycle, settings, the frozen pool, the draw, its record and the response progress.
import { ArrowLeftOutlined, LinkOutlined, MailOutlined, MessageOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Row, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { actualClose, answersFinal, mayReadDraw } from '#shared/round-lifecycle.ts';
import { ApiError } from '../../../api.ts';
import { canUse } from '../../access.ts';
import { useUser } from '../../auth.tsx';
import { IntegrityCard } from '../../components/integrity/IntegrityCard.tsx';
import { LoadError, StaleDataWarning } from '../../components/LoadError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { getRound } from '../../endpoints.ts';
import { NotFoundPage } from '../NotFoundPage.tsx';
import { useLoad } from '../../useLoad.ts';
import { BreakdownsCard } from './BreakdownsCard.tsx';
import { DrawPanel } from './DrawPanel.tsx';
import { DrawRecordCard } from './DrawRecordCard.tsx';
import { DrawResultCard } from './DrawResultCard.tsx';
import { RoundStatusTag, useQuarter, useTimeFormat } from './labels.tsx';
import { LifecycleSteps } from './LifecycleSteps.tsx';
import { PoolCard } from './PoolCard.tsx';
import { ProgressCard } from './ProgressCard.tsx';
import { ResponseRatesCard } from './ResponseRatesCard.tsx';
import { RoundActions } from './RoundActions.tsx';
import { RoundFormModal } from './RoundFormModal.tsx';
import { RoundSettings } from './RoundSettings.tsx';
import { DRAWN_STATUSES } from './RoundsPage.tsx';

export function RoundDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('rounds');
  const { t: tComments } = useTranslation('comments');
  const { t: tOutbox } = useTranslation('outbox');
  const user = useUser();
  const quarter = useQuarter();
  const time = useTimeFormat();
  const { data: round, error, reload } = useLoad((signal) => getRound(id, signal), [id]);
  const [editing, setEditing] = useState(false);
  const isAdmin = user.role === 'admin';

  if (error instanceof ApiError && (error.code === 'not_found' || error.code === 'validation_failed') && !round) return <NotFoundPage />;
  if (error && !round) return <LoadError error={error} onRetry={reload} />;
  if (!round)
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin size="large" />
      </Flex>
    );

  const drawn = DRAWN_STATUSES.includes(round.status) || (round.status === 'voided' && round.drawnAt !== null);
  // The admin reads the record at once; everyone else once the close is final (the same rule as the server).
  const canDownload = mayReadDraw(user.role, round);
  const showInvitations = canUse(user.role, 'invitations') && drawn;
  // Closed but not computed: the cards and the comments page say "compute first" instead of a figure.
  const showComments = round.status === 'closed' || round.status === 'published' || answersFinal(round);

  // A round closed before its deadline says when it really closed (a reopened one is open again).
  const close = actualClose(round.closesAt, round.status === 'open' ? null : round.closedAt);
  const closedEarly = close.early;

  return (
    <>
      <Link to="/rounds">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
          {t('detail.back')}
        </Button>
      </Link>
      <PageHeader
        title={
          <Space wrap>
            {quarter(round.id)}
            <RoundStatusTag status={round.status} />
          </Space>
        }
        subtitle={
          closedEarly
            ? t('detail.subtitleClosedEarly', {
                id: round.id,
                opens: time.dateTime(round.opensAt),
                closed: time.dateTime(close.at),
                closes: time.dateTime(round.closesAt),
              })
            : t('detail.subtitle', { id: round.id, opens: time.dateTime(round.opensAt), closes: time.dateTime(round.closesAt) })
        }
        extra={
          showInvitations || showComments ? (
            <Space wrap>
              {showComments ? (
                <Link to={`/rounds/${round.id}/comments`}>
                  <Button icon={<MessageOutlined />}>{tComments('open')}</Button>
                </Link>
              ) : null}
              {showInvitations ? (
                <Link to={`/rounds/${round.id}/invitations`}>
                  <Button icon={<LinkOutlined />}>{t('detail.invitations')}</Button>
                </Link>
              ) : null}
              {showInvitations ? (
                <Link to={`/rounds/${round.id}/letters`} target="_blank">
                  <Button icon={<PrinterOutlined />}>{t('detail.letters')}</Button>
                </Link>
              ) : null}
              {showInvitations ? (
                <Link to={`/rounds/${round.id}/outbox`}>
                  <Button icon={<MailOutlined />}>{tOutbox('open')}</Button>
                </Link>
              ) : null}
            </Space>
          ) : null
        }
      />
      <StaleDataWarning error={error} onRetry={reload} />
      {round.status === 'voided' ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('detail.voided', { time: time.dateTime(round.voidedAt) })}
          description={t('detail.voidReason', { reason: round.voidReason ?? '—' })}
        />
      ) : null}
      {!isAdmin ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('detail.readOnly')} /> : null}
      <Flex vertical gap={16}>
        <Card>
          <LifecycleSteps round={round} />
          {isAdmin && round.status !== 'published' && round.status !== 'voided' ? (
            <Flex vertical gap={8} style={{ marginTop: 20 }}>
              <Typography.Text type="secondary">{t(`detail.next.${round.status}`)}</Typography.Text>
              <RoundActions round={round} onChanged={reload} onEdit={() => setEditing(true)} />
            </Flex>
          ) : null}
        </Card>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Flex vertical gap={16}>
              <PoolCard round={round} />
              {isAdmin && round.status === 'pool_frozen' ? <DrawPanel round={round} onDrawn={reload} /> : null}
              {round.drawnAt ? <DrawResultCard round={round} /> : null}
              {round.drawnAt ? <DrawRecordCard round={round} canDownload={canDownload} /> : null}
              {!round.poolHash ? (
                <Card title={t('pool.title')}>
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                    {t('pool.notFrozen')}
                  </Typography.Paragraph>
                </Card>
              ) : null}
            </Flex>
          </Col>
          <Col xs={24} xl={10}>
            <Flex vertical gap={16}>
              {drawn ? <ProgressCard round={round} /> : null}
              {drawn ? <ResponseRatesCard round={round} /> : null}
              {/* 数据质量: admins and the supervisor, once the answers are final. */}
              {(user.role === 'admin' || user.role === 'supervisor') && showComments ? <IntegrityCard roundId={round.id} /> : null}
              <RoundSettings round={round} onEdit={isAdmin && round.status === 'draft' ? () => setEditing(true) : undefined} />
            </Flex>
          </Col>
        </Row>
        {/* 分组统计: made at close, readable once the close is final (the card says "compute first" until then). */}
        {showComments ? <BreakdownsCard roundId={round.id} /> : null}
      </Flex>
      {editing ? (
        <RoundFormModal
          round={round}
          takenIds={[]}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            reload();
          }}
        />
      ) : null}
    </>
  );
}
