// 短信与邮件: the round's outbox for the admin sending it. Counts by status, failures with the gateway's
// reason, the firms no SMS can reach, today's SMS as an .xlsx for the city's platform, a reminder now.
import { ArrowLeftOutlined, DownloadOutlined, NotificationOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Spin, Statistic, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { cityDay, DEFAULT_CITY_TZ } from '#shared/city-day.ts';
import { LoadError, StaleDataWarning } from '../../components/LoadError.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { getOutbox, getRound, outboxXlsxUrl, sendReminders } from '../../endpoints.ts';
import { useErrorText } from '../../errors.ts';
import { useLoad } from '../../useLoad.ts';
import { downloadFile } from './download.ts';
import { useQuarter } from './labels.tsx';
import { ContactPlanSummary } from './ContactPlanFields.tsx';
import { failures, isInDoubt, statusCounts, type OutboxMessage } from './outbox-view.ts';

const STATUS_COLOR = { queued: 'default', sent: 'processing', delivered: 'success', failed: 'error', refused: 'warning' } as const;

export function OutboxPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('outbox');
  const { t: tc } = useTranslation('common');
  const { modal, message } = App.useApp();
  const quarter = useQuarter();
  const errorText = useErrorText();
  const round = useLoad((signal) => getRound(id, signal), [id]);
  const box = useLoad((signal) => getOutbox(id, signal), [id]);
  const [busy, setBusy] = useState(false);
  const failText = (error: unknown) =>
    errorText(error, { quiet_hours: t('errors.quiet_hours'), round_not_open: t('errors.round_not_open') });

  // Either load failing is the page failing (the round gives its status): say so, with a retry of both.
  const loadError = (!box.data && box.error) || (!round.data && round.error);
  if (loadError)
    return (
      <LoadError
        error={loadError}
        onRetry={() => {
          if (!box.data) box.reload();
          if (!round.data) round.reload();
        }}
      />
    );
  const o = box.data;
  if (!o || !round.data)
    return (
      <Flex vertical align="center" gap={8} style={{ padding: 64 }} data-testid="outbox-loading">
        <Spin size="large" />
        <Typography.Text type="secondary">{tc('states.loading')}</Typography.Text>
      </Flex>
    );

  const download = async () => {
    setBusy(true);
    try {
      await downloadFile(outboxXlsxUrl(id), `sms-${id}-${cityDay(new Date(), DEFAULT_CITY_TZ)}.xlsx`);
    } catch (error) {
      message.error(failText(error));
    } finally {
      setBusy(false);
    }
  };
  const remind = () =>
    modal.confirm({
      title: t('remindConfirm'),
      okText: t('remind'),
      onOk: async () => {
        try {
          const { queued } = await sendReminders(id);
          message.success(t('reminded', { count: queued }));
        } catch (error) {
          message.error(failText(error));
        }
        box.reload();
      },
    });

  const columns: TableColumnsType<OutboxMessage> = [
    {
      title: t('columns.enterprise'),
      key: 'name',
      render: (_, m) => (
        <Flex vertical>
          <span>{m.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            <code>{m.uscc}</code>
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('columns.to'),
      key: 'to',
      render: (_, m) => (
        <span>
          {t(`channel.${m.channel}`)} {m.to}
        </span>
      ),
    },
    { title: t('columns.kind'), key: 'kind', render: (_, m) => t(`kind.${m.kind}`) },
    { title: t('columns.day'), dataIndex: 'day' },
    { title: t('columns.status'), key: 'status', render: (_, m) => <Tag color={STATUS_COLOR[m.status]}>{t(`status.${m.status}`)}</Tag> },
    { title: t('columns.reason'), key: 'reason', render: (_, m) => (isInDoubt(m) ? t('inDoubt') : (m.reason ?? '—')) },
  ];
  const failed = failures(o);

  return (
    <>
      <Link to={`/rounds/${id}`}>
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
          {t('back', { quarter: quarter(id) })}
        </Button>
      </Link>
      <PageHeader
        title={t('title', { quarter: quarter(id) })}
        subtitle={t('subtitle')}
        extra={
          <Flex gap={8} wrap>
            <Button icon={<DownloadOutlined />} loading={busy} onClick={download}>
              {t('download')}
            </Button>
            <Button type="primary" icon={<NotificationOutlined />} disabled={round.data.status !== 'open'} onClick={remind}>
              {t('remind')}
            </Button>
          </Flex>
        }
      />
      <StaleDataWarning error={box.error} onRetry={box.reload} />
      {!o.gateways.sms ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('noGateway')} /> : null}
      <Flex vertical gap={16}>
        <Card>
          <Typography.Paragraph type="secondary">
            {t('gateways', {
              sms: t(o.gateways.sms ? 'configured' : 'notConfigured'),
              email: t(o.gateways.email ? 'configured' : 'notConfigured'),
              quiet: o.quietHours === 'off' ? t('quietOff') : o.quietHours,
            })}
            <br />
            {t('form.title')}
            {t('form.colon')}
            <ContactPlanSummary plan={o.plan} />
          </Typography.Paragraph>
          <Flex gap={32} wrap data-testid="outbox-counts">
            {statusCounts(o).map(({ status, count }) => (
              <Statistic key={status} title={t(`status.${status}`)} value={count} />
            ))}
          </Flex>
        </Card>
        {o.invalidPhones.length ? (
          <Card title={t('invalidPhones', { count: o.invalidPhones.length })}>
            <Table
              rowKey="uscc"
              size="small"
              pagination={false}
              dataSource={o.invalidPhones}
              columns={[
                { title: t('columns.enterprise'), dataIndex: 'name' },
                { title: 'USCC', dataIndex: 'uscc' },
                { title: t('columns.to'), key: 'phone', render: (_, p) => p.phone || t('noPhone') },
              ]}
            />
          </Card>
        ) : null}
        <Card title={t('failures')}>
          {failed.length ? (
            <Table<OutboxMessage>
              rowKey="id"
              size="small"
              data-testid="outbox-failures"
              columns={columns}
              dataSource={failed}
              pagination={{ defaultPageSize: 20 }}
            />
          ) : (
            <Typography.Text type="secondary">{t('noFailures')}</Typography.Text>
          )}
        </Card>
        <Card title={t('messages')}>
          <Table<OutboxMessage>
            rowKey="id"
            size="small"
            data-testid="outbox-messages"
            columns={columns}
            dataSource={o.messages}
            locale={{ emptyText: t('empty') }}
            pagination={{ defaultPageSize: 50 }}
          />
        </Card>
      </Flex>
    </>
  );
}
