// The published draw record and how anyone can re-run it.
import { DownloadOutlined, FileProtectOutlined } from '@ant-design/icons';
import { App, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { drawIsPublic } from '#shared/round-lifecycle.ts';
import type { Round } from '#shared/schemas/rounds.ts';
import { DrawVerify } from '../../draw/DrawVerify.tsx';
import { drawRecordUrl } from '../../endpoints.ts';
import { downloadFile } from './download.ts';
import { useRoundErrorText } from './labels.tsx';

const CHECKS = ['poolHash', 'tickets', 'quotas', 'sample', 'backups'] as const;

export function DrawRecordCard({ round, canDownload }: { round: Round; canDownload: boolean }) {
  const { t } = useTranslation('rounds');
  const { message } = App.useApp();
  const errorText = useRoundErrorText();
  const [busy, setBusy] = useState(false);
  const file = `draw-record-${round.id}.json`;
  const command = `npm run verify-draw -- ${file}`;
  const isPublic = drawIsPublic(round);

  const download = async () => {
    setBusy(true);
    try {
      await downloadFile(drawRecordUrl(round.id), file);
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={
        <>
          <FileProtectOutlined /> {t('record.title')}
        </>
      }
      data-testid="draw-record"
    >
      <Typography.Paragraph>{t('record.intro')}</Typography.Paragraph>
      {/* Before the close is final only the admin reads the record: the others see the buttons wait, and why. */}
      <Button
        type="primary"
        icon={<DownloadOutlined />}
        onClick={download}
        loading={busy}
        disabled={!canDownload}
        style={{ marginBottom: 16 }}
      >
        {t('record.download')}
      </Button>
      <div style={{ marginBottom: 16 }}>
        <DrawVerify roundId={round.id} recordUrl={drawRecordUrl(round.id)} disabledReason={canDownload ? undefined : t('record.notYet')} />
      </div>
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>
        {t('record.howTitle')}
      </Typography.Paragraph>
      <ol style={{ paddingInlineStart: 20, marginTop: 0 }}>
        <li>{t('record.step1', { file })}</li>
        <li>
          {t('record.step2')}
          <Typography.Paragraph copyable={{ text: command, tooltips: [t('copy'), t('copied')] }} style={{ margin: '4px 0' }}>
            <code data-testid="verify-command">{command}</code>
          </Typography.Paragraph>
        </li>
        <li>
          <Trans t={t} i18nKey="record.step3" components={{ c: <code /> }} />
        </li>
      </ol>
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>
        {t('record.checksTitle')}
      </Typography.Paragraph>
      <ul style={{ paddingInlineStart: 20, marginTop: 0 }}>
        {CHECKS.map((c) => (
          <li key={c}>{t(`record.checks.${c}`)}</li>
        ))}
      </ul>
      <Typography.Text type="secondary">
        {isPublic ? t('record.publicNow', { url: `${window.location.origin}${drawRecordUrl(round.id)}` }) : t('record.publicLater')}
      </Typography.Text>
    </Card>
  );
}
