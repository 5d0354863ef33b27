// 记录跟进: one call or visit to a firm that has not answered, with its earlier ones; a firm found gone
// (注销/停业) is offered its replacement from the draw's backups.
import { Alert, App, Button, Form, Input, Modal, Radio, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FOLLOW_UP_CHANNELS, FOLLOW_UP_NOTE_MAX, FOLLOW_UP_OUTCOMES } from '#shared/follow-ups/vocabulary.ts';
import { followUpBodySchema, type FollowUpLog } from '#shared/schemas/follow-ups.ts';
import type { Invitation, Round } from '#shared/schemas/rounds.ts';
import { followUpLog, recordFollowUp } from '../../endpoints.ts';
import { zodRule } from '../../forms.ts';
import { useLoad } from '../../useLoad.ts';
import { useSave } from '../../useSave.ts';
import { followUpBody, type FollowUpForm } from '../../views/responseRates.ts';
import { useRoundErrorText, useTimeFormat } from './labels.tsx';
import { ReplaceModal } from './ReplaceModal.tsx';

interface Props {
  round: Round;
  invitation: Invitation;
  onClose(): void;
  onRecorded(): void;
  onReplaced(): void;
}

function History({ log }: { log: FollowUpLog }) {
  const { t } = useTranslation('followUps');
  const time = useTimeFormat();
  if (!log.entries.length) return <Typography.Text type="secondary">{t('dialog.empty')}</Typography.Text>;
  return (
    <Timeline
      data-testid="follow-up-history"
      items={[...log.entries].reverse().map((e) => ({
        key: e.id,
        content: (
          <>
            <Typography.Text strong>{t(`outcome.${e.outcome}`)}</Typography.Text> · {t(`channel.${e.channel}`)}
            {e.phone ? <> · {t('dialog.phoneLabel', { phone: e.phone })}</> : null}
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('dialog.by', { who: e.createdBy, time: time.dateTime(e.at) })}
            </Typography.Text>
            {e.note ? <div>{e.note}</div> : null}
          </>
        ),
      }))}
    />
  );
}

export function FollowUpModal({ round, invitation, onClose, onRecorded, onReplaced }: Props) {
  const { t } = useTranslation('followUps');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const [form] = Form.useForm<FollowUpForm>();
  const { saving, problem, save } = useSave(useRoundErrorText());
  const loaded = useLoad((signal) => followUpLog(round.id, invitation.uscc, signal), [round.id, invitation.uscc]);
  const [log, setLog] = useState<FollowUpLog | null>(null);
  const [replacing, setReplacing] = useState(false);
  const current = log ?? loaded.data;

  const submit = async () => {
    const body = followUpBody(await form.validateFields());
    if (!body) return;
    await save(async () => {
      const next = await recordFollowUp(round.id, invitation.uscc, body);
      setLog(next);
      form.resetFields(['outcome', 'note', 'phone']);
      message.success(t('dialog.saved', { outcome: t(`outcome.${body.outcome}`) }));
      onRecorded();
    });
  };

  if (replacing) {
    return (
      <ReplaceModal
        roundId={round.id}
        invitation={invitation}
        initialReason={t('offer.reason')}
        onClose={onClose}
        onReplaced={onReplaced}
      />
    );
  }

  return (
    <Modal
      open
      title={t('dialog.title', { name: invitation.name })}
      okText={t('dialog.submit')}
      cancelText={tc('actions.close')}
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      {current?.replacement === 'offered' ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('offer.title')}
          description={t('offer.text')}
          data-testid="replacement-offer"
          action={
            <Button danger size="small" onClick={() => setReplacing(true)}>
              {t('offer.replace')}
            </Button>
          }
        />
      ) : current?.disposition === 'ineligible' && current.replacement === 'not_now' ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('offer.notNow')} />
      ) : null}
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" initialValues={{ channel: 'phone' }}>
        <Form.Item name="channel" label={t('dialog.channel')} required>
          <Radio.Group optionType="button" options={FOLLOW_UP_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
        </Form.Item>
        <Form.Item name="outcome" label={t('dialog.outcome')} rules={[{ required: true, message: t('dialog.outcome') }]}>
          <Radio.Group options={FOLLOW_UP_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('dialog.note')}>
          <Input.TextArea rows={2} maxLength={FOLLOW_UP_NOTE_MAX} showCount placeholder={t('dialog.notePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('dialog.phone')}
          extra={t('dialog.phoneHelp')}
          rules={[zodRule(followUpBodySchema.shape.phone, t('dialog.phoneInvalid'))]}
        >
          <Input maxLength={40} inputMode="tel" placeholder={invitation.contactPhone ?? ''} />
        </Form.Item>
      </Form>
      <Typography.Title level={5}>{t('dialog.history')}</Typography.Title>
      {current ? <History log={current} /> : null}
    </Modal>
  );
}
