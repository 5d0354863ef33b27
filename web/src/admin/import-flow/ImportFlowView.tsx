// The page of an import flow (see flow.ts): the upload card, then the check's result in cards that
// the page supplies (counts, columns, bad rows, preview), then "Import" or why it is unavailable.
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Result, Spin, Typography, Upload } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../components/PageHeader.tsx';
import { useErrorText } from '../errors.ts';
import type { ImportFlow } from './flow.ts';

export interface ImportTexts {
  title: string;
  subtitle: string;
  upload: string;
  hint: string;
  applyFailed: string;
  blocked: { errors: string; nothing: string };
}

interface Props<R> {
  flow: ImportFlow<R>;
  texts: ImportTexts;
  /** Prefix of the test ids (`import`, `cadre-import`): `-upload`, `-file`, `-problem`, `-apply`, … */
  testId: string;
  blocked: 'errors' | 'nothing' | null;
  onChoose(file: File): void;
  onApply(): void;
  /** The cards that show a checked file (counts, columns, bad rows, preview). */
  children: ReactNode;
  success: { text: string; to: string; toLabel: string; onAgain(): void };
}

export function ImportFlowView<R>({ flow, texts, testId, blocked, onChoose, onApply, children, success }: Props<R>) {
  const errorText = useErrorText();
  // The words every import shares; the page gives only its own (title, hints, why it is blocked).
  const { t } = useTranslation('importer');
  if (flow.applied) {
    return (
      <Result
        status="success"
        title={t('flow.done')}
        subTitle={success.text}
        extra={[
          <Link key="list" to={success.to}>
            <Button type="primary">{success.toLabel}</Button>
          </Link>,
          <Button key="again" onClick={success.onAgain}>
            {t('flow.again')}
          </Button>,
        ]}
        data-testid={`${testId}-success`}
      />
    );
  }
  return (
    <Flex vertical gap={16}>
      <PageHeader title={texts.title} subtitle={texts.subtitle} />
      <Card>
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          beforeUpload={(f) => {
            onChoose(f);
            return Upload.LIST_IGNORE;
          }}
          disabled={flow.applying}
          data-testid={`${testId}-upload`}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{flow.file ? t('flow.change') : texts.upload}</p>
          <p className="ant-upload-hint">{texts.hint}</p>
        </Upload.Dragger>
        {flow.file ? (
          <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }} data-testid={`${testId}-file`}>
            {t('flow.file', { name: flow.file.name })}
          </Typography.Paragraph>
        ) : null}
      </Card>
      {flow.problem !== undefined ? (
        <Alert type="error" showIcon title={errorText(flow.problem)} data-testid={`${testId}-problem`} />
      ) : null}
      {flow.checking && !flow.result ? <Spin description={t('flow.checking')} style={{ display: 'block', padding: 32 }} /> : null}
      {flow.result ? (
        <Spin spinning={flow.checking || flow.applying} description={t('flow.checking')}>
          <Flex vertical gap={16}>
            {flow.applyFailed ? <Alert type="error" showIcon title={texts.applyFailed} data-testid={`${testId}-apply-failed`} /> : null}
            {children}
            <Flex gap={12} align="center" justify="flex-end">
              {blocked ? (
                <Typography.Text type="secondary" data-testid={`${testId}-blocked`}>
                  {texts.blocked[blocked]}
                </Typography.Text>
              ) : null}
              <Button
                type="primary"
                size="large"
                disabled={blocked !== null || flow.checking}
                loading={flow.applying}
                onClick={onApply}
                data-testid={`${testId}-apply`}
              >
                {t('flow.apply')}
              </Button>
            </Flex>
          </Flex>
        </Spin>
      ) : null}
    </Flex>
  );
}
