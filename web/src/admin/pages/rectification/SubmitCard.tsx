// "提交审核": what is still missing, in words, before the head can submit; the server checks again.
import { CheckCircleTwoTone, CloseCircleTwoTone, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '#shared/schemas/rectification.ts';

type Problem = 'saveFirst' | 'needPlan' | 'needLedger';

/** The first thing that stops a submission, or null. */
export function submitProblem(c: Pick<CaseDetail, 'plan' | 'commitment' | 'ledger'>, planDirty: boolean): Problem | null {
  if (planDirty) return 'saveFirst';
  if (!c.plan || !c.commitment) return 'needPlan';
  if (c.ledger.length === 0) return 'needLedger';
  return null;
}

function Check({ ok, children }: { ok: boolean; children: string }) {
  return (
    <Flex gap={8} align="center">
      {ok ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />}
      <Typography.Text>{children}</Typography.Text>
    </Flex>
  );
}

interface Props {
  c: CaseDetail;
  planDirty: boolean;
  /** Submits; resolves to an error sentence when the server refused. */
  onSubmit(): Promise<string | null>;
}

export function SubmitCard({ c, planDirty, onSubmit }: Props) {
  const { t } = useTranslation('rectification');
  const { modal } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Any change to the case or the plan makes an earlier message out of date.
  useEffect(() => {
    setProblem(null);
  }, [c, planDirty]);

  const submit = () => {
    const blocking = submitProblem(c, planDirty);
    if (blocking) {
      setProblem(t(`submit.${blocking}`));
      return;
    }
    setProblem(null);
    modal.confirm({
      title: t('submit.confirmTitle'),
      content: t('submit.confirmText'),
      okText: t('submit.confirmOk'),
      onOk: async () => {
        setBusy(true);
        try {
          setProblem(await onSubmit());
        } finally {
          setBusy(false);
        }
      },
    });
  };

  return (
    <Card title={t('submit.button')} data-testid="submit-card">
      <Flex vertical gap={8} style={{ marginBottom: 16 }}>
        <Check ok={Boolean(c.plan) && !planDirty}>{`${t('plan.title')} · ${t('plan.measures')}`}</Check>
        <Check ok={Boolean(c.commitment) && !planDirty}>{t('plan.commitment')}</Check>
        <Check ok={c.ledger.length > 0}>{`${t('ledger.title')} · ${t('ledgerCount', { n: c.ledger.length })}`}</Check>
      </Flex>
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="submit-problem" /> : null}
      <Flex gap={12} align="center" wrap>
        <Button type="primary" size="large" icon={<SendOutlined />} loading={busy} onClick={submit} data-testid="submit-case">
          {t('submit.button')}
        </Button>
        <Typography.Text type="secondary">{t('submit.ready')}</Typography.Text>
      </Flex>
    </Card>
  );
}
