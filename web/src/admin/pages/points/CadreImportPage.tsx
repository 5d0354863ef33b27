// 干部名册导入 (org): upload → check (preview: counts, the columns found, every bad row) → import,
// all or nothing. Nothing is saved before "Import"; the server refuses the whole file if any row is wrong.
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Flex, Result, Row, Spin, Statistic, Table, Typography, Upload } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { CADRE_IMPORT_FIELDS, cadreImportResultSchema, type CadreImportResult } from '../../../../../shared/cadre-import.ts';
import { MAX_IMPORT_BYTES } from '../../../../../shared/import-limits.ts';
import { ApiError } from '../../../api.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { applyCadreImport, previewCadreImport } from '../../endpoints.ts';
import { useErrorText } from '../../errors.ts';
import { cadreErrorText, type CadreRowError } from './cadreImportErrors.ts';

const COUNTS = ['total', 'creates', 'moves', 'unchanged', 'errors'] as const;

function Counts({ result }: { result: CadreImportResult }) {
  const { t } = useTranslation('points');
  const value = (k: (typeof COUNTS)[number]) => (k === 'errors' ? result.errors.length : result[k]);
  return (
    <Row gutter={16}>
      {COUNTS.map((k) => (
        <Col key={k} xs={12} md={4} data-testid={`cadre-import-count-${k}`}>
          <Statistic title={t(`import.counts.${k}`)} value={value(k)} styles={k === 'errors' && value(k) > 0 ? { content: { color: '#cf1322' } } : undefined} />
        </Col>
      ))}
    </Row>
  );
}

function ErrorsTable({ errors }: { errors: CadreRowError[] }) {
  const { t } = useTranslation('points');
  return (
    <Table<CadreRowError>
      rowKey={(e, i) => `${e.row}-${e.field ?? ''}-${i ?? 0}`}
      size="small"
      dataSource={errors}
      pagination={errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      data-testid="cadre-import-errors"
      columns={[
        { title: t('import.row'), dataIndex: 'row', width: 100, render: (row: number) => t('import.rowN', { row }) },
        { title: t('import.field'), dataIndex: 'field', width: 140, render: (f: CadreRowError['field']) => (f ? t(`import.fields.${f}`) : '—') },
        { title: t('import.code'), dataIndex: 'code', width: 120, render: (c: string | null) => (c ? <code>{c}</code> : '—') },
        { title: t('import.message'), key: 'message', render: (_, e) => <Typography.Text type="danger">{cadreErrorText(e, t)}</Typography.Text> },
      ]}
    />
  );
}

export default function CadreImportPage() {
  const { t } = useTranslation('points');
  const errorText = useErrorText();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<CadreImportResult | null>(null);
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState<unknown>(undefined);
  const [applying, setApplying] = useState(false);
  const [applyFailed, setApplyFailed] = useState(false);
  const [applied, setApplied] = useState<CadreImportResult | null>(null);
  const latest = useRef(0);

  const choose = async (f: File) => {
    const id = ++latest.current;
    setFile(f);
    setResult(null);
    setApplied(null);
    setApplyFailed(false);
    setProblem(undefined);
    // The server's limit: a larger file is refused here before it is sent.
    if (f.size > MAX_IMPORT_BYTES) {
      setProblem(new ApiError(413, 'payload_too_large', 'file too large'));
      return;
    }
    setChecking(true);
    try {
      const r = await previewCadreImport(f);
      if (id === latest.current) setResult(r);
    } catch (error) {
      if (id === latest.current) setProblem(error);
    } finally {
      if (id === latest.current) setChecking(false);
    }
  };

  const apply = async () => {
    if (!file) return;
    latest.current++;
    setApplying(true);
    setProblem(undefined);
    try {
      setApplied(await applyCadreImport(file));
    } catch (error) {
      // All or nothing: a refused file comes back with its problems, as the preview showed them.
      const details = error instanceof ApiError && error.code === 'import_has_errors' ? cadreImportResultSchema.safeParse(error.details) : null;
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
        title={t('import.done')}
        subTitle={t('import.doneText', { rows: applied.total, creates: applied.creates, moves: applied.moves, unchanged: applied.unchanged })}
        extra={[
          <Link key="list" to="/points"><Button type="primary">{t('import.toStandings')}</Button></Link>,
          <Button key="again" onClick={restart}>{t('import.again')}</Button>,
        ]}
        data-testid="cadre-import-success"
      />
    );
  }

  const toSave = result ? result.creates + result.moves : 0;
  const blocked = !result ? null : result.errors.length > 0 ? t('import.blocked') : toSave === 0 ? t('import.nothing') : null;

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('import.title')} subtitle={t('import.subtitle')} />
      <Card>
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          beforeUpload={(f) => { void choose(f); return Upload.LIST_IGNORE; }}
          disabled={applying}
          data-testid="cadre-import-upload"
        >
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">{file ? t('import.change') : t('import.upload')}</p>
          <p className="ant-upload-hint">{t('import.hint')}</p>
        </Upload.Dragger>
        {file ? <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }} data-testid="cadre-import-file">{t('import.file', { name: file.name })}</Typography.Paragraph> : null}
      </Card>
      {problem !== undefined ? <Alert type="error" showIcon title={errorText(problem)} data-testid="cadre-import-problem" /> : null}
      {checking ? <Spin description={t('import.checking')} style={{ display: 'block', padding: 32 }} /> : null}
      {result ? (
        <Spin spinning={applying} description={t('import.checking')}>
          <Flex vertical gap={16}>
            <Card>
              <Counts result={result} />
            </Card>
            <Card title={t('import.columns')} size="small">
              <Descriptions size="small" column={{ xs: 1, md: 4 }} data-testid="cadre-import-columns">
                {CADRE_IMPORT_FIELDS.map((f) => (
                  <Descriptions.Item key={f} label={t(`import.fields.${f}`)}>
                    {result.mapping[f] ?? <Typography.Text type="secondary">{t('import.notFound')}</Typography.Text>}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            </Card>
            {applyFailed ? <Alert type="error" showIcon title={t('import.applyFailed')} data-testid="cadre-import-apply-failed" /> : null}
            {result.errors.length > 0 ? (
              <Card title={<Typography.Text type="danger">{t('import.errorsTitle', { count: result.errors.length })}</Typography.Text>}>
                <Typography.Paragraph type="secondary">{t('import.errorsHelp')}</Typography.Paragraph>
                <ErrorsTable errors={result.errors} />
              </Card>
            ) : null}
            <Flex gap={12} align="center" justify="flex-end">
              {blocked ? <Typography.Text type="secondary" data-testid="cadre-import-blocked">{blocked}</Typography.Text> : null}
              <Button type="primary" size="large" disabled={blocked !== null} loading={applying} onClick={apply} data-testid="cadre-import-apply">
                {t('import.apply')}
              </Button>
            </Flex>
          </Flex>
        </Spin>
      ) : null}
    </Flex>
  );
}
