// 验证抽签: downloads the round's draw record and re-runs it here, with the same shared draw code as
// `npm run verify-draw`, then says 一致 or exactly what differs. A file from elsewhere can be checked too.
import { SafetyCertificateOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkDrawRecord, type RecordCheck } from '#shared/draw/check.ts';
import { request } from '../../api.ts';
import { useErrorText } from '../errors.ts';
import { differenceText, type VerifyT } from './differenceText.ts';

const SHOWN = 50; // a tampered pool can differ everywhere; the first lines say enough

type State = { kind: 'idle' } | { kind: 'running' } | { kind: 'failed'; message: string } | { kind: 'done'; check: RecordCheck };

/** Let the browser paint "running" before the synchronous recomputation takes the thread. */
const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 30));

/** `disabledReason`: why the record cannot be read yet (the round still runs); the buttons wait, saying so. */
export function DrawVerify({ roundId, recordUrl, disabledReason }: { roundId: string; recordUrl: string; disabledReason?: string }) {
  const { t } = useTranslation('verify');
  const errorText = useErrorText();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);

  const run = async (load: () => Promise<unknown>) => {
    setState({ kind: 'running' });
    let json: unknown;
    try {
      json = await load();
    } catch (error) {
      // The server's refusal in the page's words (never its English message).
      setState({
        kind: 'failed',
        message: error instanceof SyntaxError ? t('notJson', { message: error.message }) : t('failed', { message: errorText(error) }),
      });
      return;
    }
    await nextFrame();
    setState({ kind: 'done', check: checkDrawRecord(json, roundId) });
  };

  const fromServer = () => run(() => request<unknown>(recordUrl, { skipAuthRedirect: true }));
  const fromFile = (file: File) => run(async () => JSON.parse(await file.text()) as unknown);

  return (
    <Flex vertical gap={12} data-testid="draw-verify">
      <Typography.Paragraph style={{ margin: 0 }}>{t('intro')}</Typography.Paragraph>
      <Flex gap={8} wrap>
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          onClick={fromServer}
          loading={state.kind === 'running'}
          disabled={disabledReason !== undefined}
        >
          {t('button')}
        </Button>
        <Button
          icon={<UploadOutlined />}
          onClick={() => fileInput.current?.click()}
          disabled={state.kind === 'running' || disabledReason !== undefined}
        >
          {t('checkFile')}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          hidden
          data-testid="verify-file"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void fromFile(file);
          }}
        />
      </Flex>
      {disabledReason ? (
        <Typography.Text type="warning" data-testid="draw-not-yet">
          {disabledReason}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('fileIntro')}</Typography.Text>
      )}
      <VerifyOutcome state={state} t={t as unknown as VerifyT} />
    </Flex>
  );
}

function VerifyOutcome({ state, t }: { state: State; t: VerifyT }) {
  if (state.kind === 'idle') return null;
  if (state.kind === 'running') return <Alert type="info" showIcon title={t('running')} />;
  if (state.kind === 'failed') return <Alert type="error" showIcon title={state.message} />;
  const { check } = state;
  if (check.status === 'reproduces') {
    return (
      <Alert
        type="success"
        showIcon
        data-testid="verify-result"
        data-outcome="ok"
        title={t('ok')}
        description={t('okLine', { ...check })}
      />
    );
  }
  if (check.status === 'malformed') {
    return (
      <Alert
        type="error"
        showIcon
        data-testid="verify-result"
        data-outcome="malformed"
        title={t('malformed')}
        description={
          <>
            <div>{t('malformedLine')}</div>
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {check.problems.slice(0, SHOWN).map((p, i) => (
                <li key={i}>
                  <code>{p.where}</code>: {p.message}
                </li>
              ))}
            </ul>
          </>
        }
      />
    );
  }
  const lines = check.differences.map((d) => differenceText(t, d));
  return (
    <Alert
      type="error"
      showIcon
      data-testid="verify-result"
      data-outcome="differs"
      title={t('differs')}
      description={
        <>
          <div>{t('differsLine', { count: lines.length })}</div>
          <ul style={{ margin: 0, paddingInlineStart: 20, overflowWrap: 'anywhere' }}>
            {lines.slice(0, SHOWN).map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          {lines.length > SHOWN ? <div>{t('more', { count: lines.length - SHOWN })}</div> : null}
        </>
      }
    />
  );
}
