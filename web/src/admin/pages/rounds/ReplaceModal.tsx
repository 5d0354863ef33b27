// Replace an enterprise that cannot take part by the next backup of its stratum (audited with the reason).
import { Alert, App, Button, Descriptions, Flex, Form, Input, Modal, Result, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import { Link } from 'react-router-dom';
import { reasonBodySchema, type Invitation } from '#shared/schemas/rounds.ts';
import { replaceInvitation, type ReplaceResult } from '../../endpoints.ts';
import { parseForm, zodRule } from '../../forms.ts';
import { useSave } from '../../useSave.ts';
import { useRoundErrorText } from './labels.tsx';
import { QrCode } from './QrCode.tsx';

const QUICK_REASONS = ['closed', 'unreachable', 'declined'] as const;

interface Props {
  roundId: string;
  invitation: Invitation;
  initialReason?: string;
  onClose(): void;
  onReplaced(): void;
}

export function ReplaceModal({ roundId, invitation, initialReason = '', onClose, onReplaced }: Props) {
  const { t } = useTranslation('rounds');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const { saving, problem, save } = useSave(useRoundErrorText());
  const [result, setResult] = useState<ReplaceResult | null>(null);

  const submit = async () => {
    const body = await parseForm(form, reasonBodySchema, () => t('replace.reasonRequired')); // trims the reason
    if (!body) return;
    await save(async () => {
      const r = await replaceInvitation(roundId, invitation.uscc, body.reason);
      setResult(r);
      message.success(t('replace.done', { out: invitation.name, in: r.invitation.name }));
      onReplaced();
    });
  };

  if (result) {
    const inv = result.invitation;
    return (
      <Modal
        open
        title={t('replace.title', { name: invitation.name })}
        onCancel={onClose}
        footer={
          <Button type="primary" onClick={onClose}>
            {tc('actions.close')}
          </Button>
        }
        width={640}
      >
        <Result
          status="success"
          title={t('replace.resultTitle')}
          subTitle={t('replace.resultText', { out: invitation.name, in: inv.name })}
          style={{ padding: '8px 0' }}
        />
        <div data-testid="replacement">
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              {
                key: 'name',
                label: t('replace.newEnterprise'),
                children: (
                  <>
                    {inv.name}{' '}
                    <Typography.Text type="secondary">
                      <code>{inv.uscc}</code>
                    </Typography.Text>
                  </>
                ),
              },
              { key: 'stratum', label: t('columns.stratum'), children: inv.stratum || t('stratify.all') },
              {
                key: 'contact',
                label: t('columns.contact'),
                children: [inv.contactName, inv.contactPhone].filter(Boolean).join(' ') || '—',
              },
              { key: 'reason', label: t('replace.reason'), children: result.reason },
              {
                key: 'link',
                label: t('columns.link'),
                children: inv.link ? (
                  <Flex gap={12} align="center">
                    <QrCode text={inv.link} size={72} alt={t('invitations.qrAlt', { name: inv.name })} preview />
                    <Typography.Text copyable={{ tooltips: [t('copy'), t('copied')] }} style={{ wordBreak: 'break-all' }}>
                      {inv.link}
                    </Typography.Text>
                  </Flex>
                ) : (
                  '—'
                ),
              },
              {
                key: 'letter',
                label: t('replace.letter'),
                children: inv.link ? (
                  <Link
                    to={`/rounds/${roundId}/letters?uscc=${encodeURIComponent(inv.uscc)}`}
                    target="_blank"
                    data-testid="replacement-letter"
                  >
                    {t('replace.printLetter')}
                  </Link>
                ) : (
                  '—'
                ),
              },
            ]}
          />
        </div>
      </Modal>
    );
  }

  return (
    <FormModal
      title={t('replace.title', { name: invitation.name })}
      okText={t('replace.submit')}
      okButtonProps={{ danger: true }}
      saving={saving}
      onOk={submit}
      onCancel={onClose}
      width={560}
      problem={problem}
    >
      <Alert type="info" showIcon title={t('replace.explain')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" initialValues={{ reason: initialReason }}>
        <Form.Item
          name="reason"
          label={t('replace.reason')}
          required
          rules={[zodRule(reasonBodySchema.shape.reason, t('replace.reasonRequired'))]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={t('replace.reasonPlaceholder')} />
        </Form.Item>
        <Flex gap={4} wrap>
          <Typography.Text type="secondary">{t('replace.quick')}</Typography.Text>
          {QUICK_REASONS.map((r) => (
            <Tag.CheckableTag key={r} checked={false} onChange={() => form.setFieldsValue({ reason: t(`replace.reasons.${r}`) })}>
              {t(`replace.reasons.${r}`)}
            </Tag.CheckableTag>
          ))}
        </Flex>
      </Form>
    </FormModal>
  );
}
