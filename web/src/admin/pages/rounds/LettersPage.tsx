// Printable invitation letters: one A4 page per sampled enterprise with its personal link and QR code.
// Rendered without the app's menu and header (its own route), and the toolbar is hidden in print.
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Empty, Flex, Result, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { Invitation, Round } from '#shared/schemas/rounds.ts';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { LoadError } from '../../components/LoadError.tsx';
import { getRound, listInvitations } from '../../endpoints.ts';
import { useIssuer } from '../../issuer.ts';
import { useLoad } from '../../useLoad.ts';
import { useQuarter } from './labels.tsx';
import './letters.css';
import { QrCode } from './QrCode.tsx';

type Issuer = NonNullable<ReturnType<typeof useIssuer>>;

function Letter({ round, invitation, issued, issuer }: { round: Round; invitation: Invitation; issued: string; issuer: Issuer }) {
  const { t, i18n } = useTranslation('rounds');
  const quarter = useQuarter();
  const deadline = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(round.closesAt));
  const link = invitation.link!;
  return (
    <section className="letter" data-testid="letter" lang={i18n.language}>
      <h1>{t('letters.heading', { city: issuer.city, quarter: quarter(round.id) })}</h1>
      <p className="greeting">{t('letters.greeting', { name: invitation.name })}</p>
      <p>{t('letters.purpose', { quarter: quarter(round.id), count: round.departments.length })}</p>
      <p>{t('letters.how', { deadline })}</p>
      <div className="link-box">
        <QrCode text={link} size={151} alt={t('invitations.qrAlt', { name: invitation.name })} />
        <div>
          <div>{t('letters.scan')}</div>
          <div className="link" data-testid="letter-link">
            {link}
          </div>
        </div>
      </div>
      <p>{t('letters.privacy')}</p>
      <p>{t('letters.personal')}</p>
      <p data-testid="letter-help">{t('letters.help', { contact: issuer.contactText })}</p>
      <div className="signature">
        {issuer.office && <div data-testid="letter-organiser">{issuer.office}</div>}
        <div>{issued}</div>
      </div>
      <div className="footer">{t('letters.footer', { round: round.id, uscc: invitation.uscc })}</div>
    </section>
  );
}

export function LettersPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation('rounds');
  const quarter = useQuarter();
  const round = useLoad((signal) => getRound(id, signal), [id]);
  const list = useLoad((signal) => listInvitations(id, signal), [id]);
  const issuer = useIssuer();
  const [pendingOnly, setPendingOnly] = useState(false);
  // ?uscc=…: one enterprise's letter (a replacement's, printed when it is invited).
  const [params] = useSearchParams();
  const only = params.get('uscc');
  const issued = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(new Date());
  const letters = useMemo(
    () => (list.data ?? []).filter((i) => i.link !== null && (only ? i.uscc === only : !pendingOnly || i.status !== 'submitted')),
    [list.data, pendingOnly, only],
  );

  const error = round.error ?? list.error;
  if (error && !(round.data && list.data))
    return (
      <div style={{ padding: 24 }}>
        <LoadError
          error={error}
          onRetry={() => {
            round.reload();
            list.reload();
          }}
        />
      </div>
    );
  if (!round.data || !list.data || !issuer)
    return (
      <Flex justify="center" style={{ padding: 64 }}>
        <Spin size="large" />
      </Flex>
    );
  const r = round.data;
  const stale = r.status === 'closed' || r.status === 'published' || r.status === 'voided';

  return (
    <div className="pingyi-letters">
      <div className="letters-toolbar no-print">
        <Flex justify="space-between" align="center" gap={12} wrap>
          <Flex align="center" gap={12} wrap>
            <Link to={`/rounds/${r.id}/invitations`}>
              <Button icon={<ArrowLeftOutlined />}>{t('letters.back')}</Button>
            </Link>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {t('letters.title', { name: quarter(r.id) })}
            </Typography.Text>
            <Typography.Text type="secondary" data-testid="letter-count">
              {t('letters.count', { count: letters.length })}
            </Typography.Text>
          </Flex>
          <Flex align="center" gap={12} wrap>
            <Checkbox checked={pendingOnly} onChange={(e) => setPendingOnly(e.target.checked)}>
              {t('letters.pendingOnly')}
            </Checkbox>
            <LanguageSwitch />
            <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!letters.length}>
              {t('letters.print')}
            </Button>
          </Flex>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('letters.printHint')}
        </Typography.Text>
        {stale ? <Alert type="warning" showIcon title={t('letters.stale')} style={{ marginTop: 8 }} /> : null}
      </div>
      {letters.length ? (
        letters.map((i) => <Letter key={i.uscc} round={r} invitation={i} issued={issued} issuer={issuer} />)
      ) : (
        <Result
          icon={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          title={list.data.length ? t('letters.nonePending') : t('letters.none')}
          className="no-print"
        />
      )}
    </div>
  );
}
