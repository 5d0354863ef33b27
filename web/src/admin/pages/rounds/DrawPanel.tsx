// The draw: a ceremony seed typed in (shown back large for the witnesses) or the server's random seed.
// A round is drawn exactly once; everything after the seed is deterministic (draw-spec.md).
import { ExperimentOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseSeed } from '#shared/draw/draw.ts';
import type { Round } from '#shared/schemas/rounds.ts';
import { drawRound } from '../../endpoints.ts';
import { useQuarter, useRoundErrorText } from './labels.tsx';
import { MONO } from './PublishedValue.tsx';

const MIN_SEED = 6;
const MAX_SEED = 256;

type Source = 'ceremony' | 'server';

export function DrawPanel({ round, onDrawn }: { round: Round; onDrawn(): void }) {
  const { t } = useTranslation('rounds');
  const { message } = App.useApp();
  const quarter = useQuarter();
  const errorText = useRoundErrorText();
  const [source, setSource] = useState<Source>('ceremony');
  const [typed, setTyped] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [witnessed, setWitnessed] = useState(false);
  const [drawing, setDrawing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);

  const seed = normaliseSeed(typed);
  const length = [...seed].length;
  const seedOk = length >= MIN_SEED && length <= MAX_SEED;
  const changedByNormalising = typed.trim() !== seed;

  const start = () => {
    setTouched(true);
    if (source === 'ceremony' && !seedOk) return;
    setWitnessed(false);
    setProblem(null);
    setConfirming(true);
  };

  const draw = async () => {
    setDrawing(true);
    setProblem(null);
    try {
      const result = await drawRound(round.id, source === 'ceremony' ? seed : undefined);
      message.success(t('draw.done', { sample: result.sample, backups: result.backups }));
      setConfirming(false);
      onDrawn();
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setDrawing(false);
    }
  };

  const seedHelp =
    touched && source === 'ceremony' && !seedOk
      ? t('draw.seedLength', { min: MIN_SEED, max: MAX_SEED, count: length })
      : t('draw.seedCount', { count: length });

  return (
    <Card
      title={
        <>
          <ExperimentOutlined /> {t('draw.title')}
        </>
      }
      data-testid="draw-panel"
    >
      <Typography.Paragraph type="secondary">{t('draw.intro')}</Typography.Paragraph>
      <Radio.Group value={source} onChange={(e) => setSource(e.target.value as Source)} style={{ marginBottom: 16 }}>
        <Flex vertical gap={8}>
          <Radio value="ceremony">{t('draw.ceremony')}</Radio>
          <Radio value="server">{t('draw.server')}</Radio>
        </Flex>
      </Radio.Group>
      {source === 'ceremony' ? (
        <Form layout="vertical" onFinish={start}>
          <Form.Item
            label={t('draw.seedLabel')}
            validateStatus={touched && !seedOk ? 'error' : undefined}
            help={seedHelp}
            extra={t('draw.nfkcNote')}
          >
            <Input
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              placeholder={t('draw.seedPlaceholder')}
              maxLength={1000}
              autoComplete="off"
              style={{ fontFamily: MONO, fontSize: 18 }}
              aria-label={t('draw.seedLabel')}
              data-testid="seed-input"
            />
          </Form.Item>
          {changedByNormalising && seed ? (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('draw.normalisedAs')}
              description={<code style={{ fontSize: 16 }}>{seed}</code>}
            />
          ) : null}
          <Button type="primary" htmlType="submit">
            {t('draw.checkSeed')}
          </Button>
        </Form>
      ) : (
        <>
          <Typography.Paragraph>{t('draw.serverNote')}</Typography.Paragraph>
          <Button type="primary" onClick={start}>
            {t('draw.serverButton')}
          </Button>
        </>
      )}

      <Modal
        open={confirming}
        title={t('draw.confirmTitle', { name: quarter(round.id) })}
        onCancel={() => setConfirming(false)}
        width={720}
        destroyOnHidden
        footer={[
          <Button key="back" onClick={() => setConfirming(false)} disabled={drawing}>
            {t('draw.back')}
          </Button>,
          <Button key="draw" type="primary" danger onClick={draw} loading={drawing} disabled={!witnessed}>
            {t('draw.confirm')}
          </Button>,
        ]}
      >
        <Flex vertical gap={12}>
          {source === 'ceremony' ? (
            <>
              <Typography.Text>{t('draw.confirmSeed')}</Typography.Text>
              <div
                data-testid="seed-confirm"
                style={{
                  fontFamily: MONO,
                  fontSize: 40,
                  lineHeight: 1.3,
                  letterSpacing: 2,
                  wordBreak: 'break-all',
                  padding: '16px 20px',
                  background: '#f5f7fa',
                  border: '1px solid #d9d9d9',
                  borderRadius: 8,
                  textAlign: 'center',
                }}
              >
                {seed}
              </div>
              <Typography.Text type="secondary">{t('draw.confirmLength', { count: length })}</Typography.Text>
            </>
          ) : (
            <Typography.Text>{t('draw.confirmServer')}</Typography.Text>
          )}
          <Typography.Text type="secondary">
            {t('draw.confirmHash')} <code style={{ wordBreak: 'break-all' }}>{round.poolHash}</code>
          </Typography.Text>
          <Alert type="warning" showIcon title={t('draw.once')} />
          {problem ? <Alert type="error" showIcon title={problem} /> : null}
          <Checkbox checked={witnessed} onChange={(e) => setWitnessed(e.target.checked)} data-testid="witnessed">
            {source === 'ceremony' ? t('draw.witnessed') : t('draw.understood')}
          </Checkbox>
        </Flex>
      </Modal>
    </Card>
  );
}
