// "Verify the chain": re-computes every hash on the server and says whether the log is intact. The chain
// must still contain the head printed on the last published round and the head this browser verified last
// time; a log emptied, shortened or rewritten since then is reported, in words, as such.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { quarterLabel } from '#shared/round-lifecycle.ts';
import { verifyAudit, type AuditVerify } from '../../endpoints.ts';
import { useErrorText } from '../../errors.ts';
import { loadVerifiedHead, saveVerifiedHead, type VerifiedHead } from './verifiedHead.ts';

const short = (hash: string) => `${hash.slice(0, 12)}…`;
const REASONS: Record<string, 'prev' | 'content' | 'tip'> = { prev_hash: 'prev', content: 'content', tip: 'tip' };

/** `dateTime` words an instant in the city's time, as the rest of the page does. */
export function VerifyChain({ dateTime }: { dateTime(iso: string): string }) {
  const { t, i18n } = useTranslation('audit');
  const errorText = useErrorText();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<{ check: AuditVerify; saved: VerifiedHead | null } | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const quarter = (id: string) => quarterLabel(id, i18n.language.startsWith('en') ? 'en' : 'zh');

  const run = async () => {
    setRunning(true);
    setError(undefined);
    try {
      const saved = loadVerifiedHead();
      const check = await verifyAudit(saved ?? undefined);
      // Remember only a head that verified; after a failure the old one keeps warning.
      if (check.ok) saveVerifiedHead(check.head, new Date());
      setResult({ check, saved });
    } catch (e) {
      setResult(null);
      setError(e);
    } finally {
      setRunning(false);
    }
  };

  const check = result?.check;
  const saved = result?.saved ?? null;
  const published = check?.published;
  const publishedLine = published
    ? t('verify.published', { round: quarter(published.roundId), id: published.id, hash: short(published.hash) })
    : t('verify.noPublished');
  const savedLine = saved
    ? t('verify.saved', { id: saved.id, hash: short(saved.hash), at: dateTime(saved.verifiedAt) })
    : t('verify.noSaved');

  let failure: { title: string; text: string } | null = null;
  if (check && !check.ok) {
    const vars = {
      id: check.brokenAt ?? '—',
      entries: check.entries,
      savedId: saved?.id ?? '—',
      savedHash: saved ? short(saved.hash) : '',
      savedAt: saved ? dateTime(saved.verifiedAt) : '',
      round: published ? quarter(published.roundId) : '',
      publishedId: published?.id ?? '—',
      publishedHash: published ? short(published.hash) : '',
    };
    switch (check.code) {
      case 'checkpoint_missing':
        failure = { title: t('verify.shorter'), text: t('verify.shorterDescription', vars) };
        break;
      case 'checkpoint_diverges':
        failure = { title: t('verify.diverges'), text: t('verify.divergesDescription', vars) };
        break;
      case 'published_missing':
        failure = { title: t('verify.broken'), text: t('verify.publishedMissing', vars) };
        break;
      case 'published_diverges':
        failure = { title: t('verify.broken'), text: t('verify.publishedDiverges', vars) };
        break;
      default: {
        const reason = t(`verify.reasons.${REASONS[check.code ?? ''] ?? 'other'}`);
        failure = {
          title: t('verify.broken'),
          text:
            check.brokenAt != null ? t('verify.brokenDescription', { id: check.brokenAt, reason }) : t('verify.brokenUnknown', { reason }),
        };
      }
    }
  }

  return (
    <Flex vertical gap={12} data-testid="audit-verify">
      <div>
        <Button icon={<SafetyCertificateOutlined />} loading={running} onClick={run}>
          {t('verify.button')}
        </Button>
      </div>
      {error !== undefined ? <Alert type="error" showIcon title={errorText(error)} /> : null}
      {check?.ok ? (
        <Alert
          type="success"
          showIcon
          title={t('verify.ok')}
          description={
            <>
              <div>{t('verify.okDescription', { entries: check.entries })}</div>
              <Typography.Text type="secondary">
                {publishedLine} {savedLine}
              </Typography.Text>
            </>
          }
        />
      ) : null}
      {failure ? <Alert type="error" showIcon title={failure.title} data-testid="audit-verify-failure" description={failure.text} /> : null}
    </Flex>
  );
}
