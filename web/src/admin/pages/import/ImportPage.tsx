// Registry import: upload → check (preview) → fix the mapping → import. Nothing is saved before "Import".
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { importResultSchema, type ImportMapping, type ImportResult } from '#shared/enterprise-import.ts';
import { ApiError } from '../../../api.ts';
import { applyImport, previewImport } from '../../endpoints.ts';
import { blockedBy } from '../../import-flow/flow.ts';
import { ImportFlowView } from '../../import-flow/ImportFlowView.tsx';
import { useImportFlow } from '../../import-flow/useImportFlow.ts';
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
          <Statistic
            title={t(`counts.${i.key}`)}
            value={i.value}
            styles={i.key === 'errors' && i.value > 0 ? { content: { color: '#cf1322' } } : undefined}
          />
        </Col>
      ))}
    </Row>
  );
}

export function ImportPage() {
  const { t } = useTranslation('importer');
  const { state, choose, recheck, apply, restart } = useImportFlow<ImportResult, ImportMapping>({
    preview: previewImport,
    apply: applyImport,
    refusedRows: (error) => {
      const details = error instanceof ApiError && error.status === 422 ? importResultSchema.safeParse(error.details) : null;
      return details?.success ? details.data : null;
    },
  });
  const { result, applied } = state;

  return (
    <ImportFlowView
      flow={state}
      testId="import"
      blocked={blockedBy(result, result ? result.creates + result.updates : 0)}
      onChoose={choose}
      onApply={() => void apply(result?.mapping)}
      texts={{
        title: t('title'),
        subtitle: t('subtitle'),
        upload: t('upload.button'),
        hint: t('upload.hint'),
        applyFailed: t('applyFailed'),
        blocked: { errors: t('applyBlocked'), nothing: t('applyNothing') },
      }}
      success={{
        text: applied
          ? t('success.description', { total: applied.creates + applied.updates, creates: applied.creates, updates: applied.updates })
          : '',
        to: '/enterprises',
        toLabel: t('success.toList'),
        onAgain: restart,
      }}
    >
      {result ? (
        <>
          <Card title={t('mapping.title')}>
            <MappingEditor
              headers={result.headers}
              mapping={result.mapping}
              disabled={state.applying}
              onChange={(mapping) => recheck(mapping, { ...result, mapping })}
            />
          </Card>
          <Card>
            <Counts result={result} />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }} data-testid="import-encoding">
              {t('encoding.label')}：{t(`encoding.${result.encoding ?? 'xlsx'}`)}
              {result.encoding ? (
                <>
                  {' · '}
                  {t('encoding.hint')}
                </>
              ) : null}
            </Typography.Paragraph>
          </Card>
          {result.errors.length > 0 ? (
            <Card title={<Typography.Text type="danger">{t('errors.title', { count: result.errors.length })}</Typography.Text>}>
              <Typography.Paragraph type="secondary">{t('errors.description')}</Typography.Paragraph>
              <ImportErrorsTable errors={result.errors} />
            </Card>
          ) : null}
          <Card title={t('preview.title', { count: result.preview.length })}>
            {result.preview.length ? (
              <ImportPreviewTable rows={result.preview} />
            ) : (
              <Typography.Text type="secondary">{t('preview.empty')}</Typography.Text>
            )}
          </Card>
        </>
      ) : null}
    </ImportFlowView>
  );
}
