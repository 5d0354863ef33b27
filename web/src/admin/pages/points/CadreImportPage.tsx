// 干部名册导入 (org): upload → check (preview: counts, the columns found, every bad row) → import,
// all or nothing. Nothing is saved before "Import"; the server refuses the whole file if any row is wrong.
import { Card, Col, Descriptions, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CADRE_IMPORT_FIELDS, cadreImportResultSchema, type CadreImportResult } from '#shared/cadre-import.ts';
import { ApiError } from '../../../api.ts';
import { applyCadreImport, previewCadreImport } from '../../endpoints.ts';
import { blockedBy } from '../../import-flow/flow.ts';
import { ImportFlowView } from '../../import-flow/ImportFlowView.tsx';
import { RowErrorsTable } from '../../import-flow/RowErrorsTable.tsx';
import { useImportFlow } from '../../import-flow/useImportFlow.ts';
import { cadreErrorText, type CadreRowError } from './cadreImportErrors.ts';

const COUNTS = ['total', 'creates', 'moves', 'unchanged', 'errors'] as const;

function Counts({ result }: { result: CadreImportResult }) {
  const { t } = useTranslation('points');
  const value = (k: (typeof COUNTS)[number]) => (k === 'errors' ? result.errors.length : result[k]);
  return (
    <Row gutter={16}>
      {COUNTS.map((k) => (
        <Col key={k} xs={12} md={4} data-testid={`cadre-import-count-${k}`}>
          <Statistic
            title={t(`import.counts.${k}`)}
            value={value(k)}
            styles={k === 'errors' && value(k) > 0 ? { content: { color: '#cf1322' } } : undefined}
          />
        </Col>
      ))}
    </Row>
  );
}

function ErrorsTable({ errors }: { errors: CadreRowError[] }) {
  const { t } = useTranslation('points');
  return (
    <RowErrorsTable<CadreRowError>
      errors={errors}
      testId="cadre-import-errors"
      titles={{ row: t('import.row'), field: t('import.field'), key: t('import.code'), message: t('import.message') }}
      rowLabel={(row) => t('import.rowN', { row })}
      fieldLabel={(f) => t(`import.fields.${f}`)}
      keyOf={(e) => e.code}
      keyWidth={120}
      message={(e) => cadreErrorText(e, t)}
    />
  );
}

export default function CadreImportPage() {
  const { t } = useTranslation('points');
  const { state, choose, apply, restart } = useImportFlow<CadreImportResult>({
    preview: (file) => previewCadreImport(file),
    apply: (file) => applyCadreImport(file),
    // All or nothing: a refused file comes back with its problems, as the preview showed them.
    refusedRows: (error) => {
      const details =
        error instanceof ApiError && error.code === 'import_has_errors' ? cadreImportResultSchema.safeParse(error.details) : null;
      return details?.success ? details.data : null;
    },
  });
  const { result, applied } = state;

  return (
    <ImportFlowView
      flow={state}
      testId="cadre-import"
      blocked={blockedBy(result, result ? result.creates + result.moves : 0)}
      onChoose={choose}
      onApply={() => void apply()}
      texts={{
        title: t('import.title'),
        subtitle: t('import.subtitle'),
        upload: t('import.upload'),
        hint: t('import.hint'),
        applyFailed: t('import.applyFailed'),
        blocked: { errors: t('import.blocked'), nothing: t('import.nothing') },
      }}
      success={{
        text: applied
          ? t('import.doneText', { rows: applied.total, creates: applied.creates, moves: applied.moves, unchanged: applied.unchanged })
          : '',
        to: '/points',
        toLabel: t('import.toStandings'),
        onAgain: restart,
      }}
    >
      {result ? (
        <>
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
          {result.errors.length > 0 ? (
            <Card title={<Typography.Text type="danger">{t('import.errorsTitle', { count: result.errors.length })}</Typography.Text>}>
              <Typography.Paragraph type="secondary">{t('import.errorsHelp')}</Typography.Paragraph>
              <ErrorsTable errors={result.errors} />
            </Card>
          ) : null}
        </>
      ) : null}
    </ImportFlowView>
  );
}
