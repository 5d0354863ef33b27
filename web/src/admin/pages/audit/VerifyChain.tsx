// "Verify the chain": re-computes every hash on the server and says whether the log is intact.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { verifyAudit, type AuditVerify } from '../../endpoints.ts';
import { useErrorText } from '../../errors.ts';

function reasonKey(reason: string | undefined): 'prev' | 'content' | 'tip' | 'other' {
  if (!reason) return 'other';
  if (/prev_hash/.test(reason)) return 'prev';
  if (/content/.test(reason)) return 'content';
  if (/chain tip/.test(reason)) return 'tip';
  return 'other';
}

export function VerifyChain() {
  const { t } = useTranslation('audit');
  const errorText = useErrorText();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<AuditVerify | null>(null);
  const [error, setError] = useState<unknown>(undefined);

  const run = async () => {
    setRunning(true);
    setError(undefined);
    try {
      setResult(await verifyAudit());
    } catch (e) {
      setResult(null);
      setError(e);
    } finally {
      setRunning(false);
    }
  };

  const reason = result && !result.ok ? t(`verify.reasons.${reasonKey(result.reason)}`) : '';
  return (
    <Flex vertical gap={12} data-testid="audit-verify">
      <div>
        <Button icon={<SafetyCertificateOutlined />} loading={running} onClick={run}>{t('verify.button')}</Button>
      </div>
      {error !== undefined ? <Alert type="error" showIcon title={errorText(error)} /> : null}
      {result?.ok ? <Alert type="success" showIcon title={t('verify.ok')} description={t('verify.okDescription', { entries: result.entries })} /> : null}
      {result && !result.ok ? (
        <Alert
          type="error"
          showIcon
          title={t('verify.broken')}
          description={result.brokenAt != null ? t('verify.brokenDescription', { id: result.brokenAt, reason }) : t('verify.brokenUnknown', { reason })}
        />
      ) : null}
    </Flex>
  );
}
