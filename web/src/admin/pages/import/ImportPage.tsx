// Registry import: upload → check (preview) → fix the mapping → import. Nothing is saved before "Import".
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Result, Row, Spin, Statistic, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { importResultSchema, type ImportMapping, type ImportResult } from '../../../../../shared/enterprise-import.ts';
import { MAX_IMPORT_BYTES } from '../../../../../shared/import-limits.ts';
import { ApiError } from '../../../api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { applyImport, previewImport } from '../../endpoints.ts';
import { useErrorText } from '../../errors.ts';
import { ImportErrorsTable, ImportPreviewTable } from './ImportTables.tsx';
import { MappingEditor } from './MappingEditor.tsx';


function Counts({ result }: { result: ImportResult }) {
  const { t } = useTranslation('importer');
  const items = [
    { key: 'total', value: result.total },
    { key: 'creates', value: result.creates },
    { key: 'updates', value: result.updates },
    { key: 'errors', value: result.errors.length },
  ] as const;
  return (
    <Row gutter={16}>
      {items.map((i) => (
        <Col key={i.key} xs={12} md={6} data-testid={`import-count-${i.key}`}>
          <Statistic title={t(`counts.${i.key}`)} value={i.value} styles={i.key === 'errors' && i.value > 0 ? { content: { color: '#cf1322' } } : undefined} />
        </Col>
      ))}
    </Row>
  );
}

export function ImportPage() {
  const { t } = useTranslation('importer');
  const errorText = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState<unknown>(undefined);
  const [applying, setApplying] = useState(false);
  const [applyFailed, setApplyFailed] = useState(false);
  const [applied, setApplied] = useState<ImportResult | null>(null);
  const latest = useRef(0);

  const check = async (f: File, mapping?: ImportMapping) => {
    const id = ++latest.current;
    setChecking(true);
    setProblem(undefined);
    setApplyFailed(false);
    try {
      const r = await previewImport(f, mapping);
      if (id === latest.current) setResult(r);
    } catch (error) {
      if (id !== latest.current) return;
      setProblem(error);
      if (!mapping) setResult(null);
    } finally {
      if (id === latest.current) setChecking(false);
    }
  };

  const choose = (f: File) => {
    setFile(f);
    setApplied(null);
    setResult(null);
    // The server's limit: a larger file is refused here before it is sent.
    if (f.size > MAX_IMPORT_BYTES) {
      setProblem(new ApiError(413, 'payload_too_large', 'file too large'));
      return;
    }
    void check(f);
  };

  const changeMapping = (mapping: ImportMapping) => {
    if (!file || !result) return;
    setResult({ ...result, mapping });
    void check(file, mapping);
  };

  const apply = async () => {
    if (!file || !result) return;
    latest.current++; // any preview still on its way is out of date
    setApplying(true);
    setProblem(undefined);
    try {
      setApplied(await applyImport(file, result.mapping));
    } catch (error) {
      const details = error instanceof ApiError && error.status === 422 ? importResultSchema.safeParse(error.details) : null;
      if (details?.success) {
        setResult(details.data);
        setApplyFailed(true);
      } else {
        setProblem(error);
      }
    } finally {
      setApplying(false);
    }
  };

  const restart = () => { setFile(null); setResult(null); setApplied(null); setProblem(undefined); setApplyFailed(false); };

  if (applied) {
    return (
      <Result
        status="success"
        title={t('success.title')}
        subTitle={t('success.description', { total: applied.creates + applied.updates, creates: applied.creates, updates: applied.updates })}
        extra={[
          <Link key="list" to="/enterprises"><Button type="primary">{t('success.toList')}</Button></Link>,
          <Button key="again" onClick={restart}>{t('success.again')}</Button>,
        ]}
        data-testid="import-success"
      />
    );
  }

  const rowsToSave = result ? result.creates + result.updates : 0;
  const blocked = !result ? null : result.errors.length > 0 ? t('applyBlocked') : rowsToSave === 0 ? t('applyNothing') : null;

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card>
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          beforeUpload={(f) => { choose(f); return Upload.LIST_IGNORE; }}
          disabled={applying}
          data-testid="import-upload"
        >
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">{file ? t('upload.change') : t('upload.button')}</p>
          <p className="ant-upload-hint">{t('upload.hint')}</p>
        </Upload.Dragger>
        {file ? <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }} data-testid="import-file">{t('upload.file', { name: file.name })}</Typography.Paragraph> : null}
      </Card>
      {problem !== undefined ? <Alert type="error" showIcon title={errorText(problem)} data-testid="import-problem" /> : null}
      {checking && !result ? <Spin description={t('upload.checking')} style={{ display: 'block', padding: 32 }} /> : null}
      {result ? (
        <Spin spinning={checking || applying} description={t('upload.checking')}>
          <Flex vertical gap={16}>
            <Card title={t('mapping.title')}>
              <MappingEditor headers={result.headers} mapping={result.mapping} disabled={applying} onChange={changeMapping} />
            </Card>
            <Card>
              <Counts result={result} />
              <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }} data-testid="import-encoding">
                {t('encoding.label')}：{t(`encoding.${result.encoding ?? 'xlsx'}`)}
                {result.encoding ? <>{' · '}{t('encoding.hint')}</> : null}
              </Typography.Paragraph>
            </Card>
            {applyFailed ? <Alert type="error" showIcon title={t('applyFailed')} /> : null}
            {result.errors.length > 0 ? (
              <Card title={<Typography.Text type="danger">{t('errors.title', { count: result.errors.length })}</Typography.Text>}>
                <Typography.Paragraph type="secondary">{t('errors.description')}</Typography.Paragraph>
                <ImportErrorsTable errors={result.errors} />
              </Card>
            ) : null}
            <Card title={t('preview.title', { count: result.preview.length })}>
              {result.preview.length ? <ImportPreviewTable rows={result.preview} /> : <Typography.Text type="secondary">{t('preview.empty')}</Typography.Text>}
            </Card>
            <Flex gap={12} align="center" justify="flex-end">
              {blocked ? <Typography.Text type="secondary" data-testid="import-blocked">{blocked}</Typography.Text> : null}
              <Button type="primary" size="large" disabled={blocked !== null || checking} loading={applying} onClick={apply} data-testid="import-apply">
                {t('apply')}
              </Button>
            </Flex>
          </Flex>
        </Spin>
      ) : null}
    </Flex>
  );
}
