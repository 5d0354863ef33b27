// The one-time password, shown once: after this modal closes nobody can read it again (the server keeps a hash).
import { CopyOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountWithPassword } from '../../endpoints.ts';

export function OneTimePasswordModal({ issued, reset, onClose }: { issued: AccountWithPassword; reset: boolean; onClose(): void }) {
  const { t } = useTranslation('accounts');
  const { message } = App.useApp();
  const [copied, setCopied] = useState(false);
  const { user, oneTimePassword } = issued;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(oneTimePassword);
      setCopied(true);
      message.success(t('oneTime.copied'));
    } catch {
      message.warning(t('oneTime.copyFailed'));
    }
  };

  return (
    <Modal
      open
      title={t('oneTime.title')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="one-time-done">
          {t('oneTime.done')}
        </Button>
      }
    >
      <Typography.Paragraph>
        {t(reset ? 'oneTime.resetFor' : 'oneTime.createdFor', { name: user.displayName, username: user.username })}
      </Typography.Paragraph>
      <Flex align="center" gap={12} style={{ margin: '16px 0' }}>
        <Typography.Text code style={{ fontSize: 22, letterSpacing: 1 }} data-testid="one-time-password">
          {oneTimePassword}
        </Typography.Text>
        <Button
          icon={<CopyOutlined />}
          onClick={() => {
            void copy();
          }}
          data-testid="one-time-copy"
        >
          {copied ? t('oneTime.copied') : t('oneTime.copy')}
        </Button>
      </Flex>
      <Alert type="warning" showIcon title={t('oneTime.description')} />
    </Modal>
  );
}
