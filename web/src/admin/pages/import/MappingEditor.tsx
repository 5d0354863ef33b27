// One select per registry field: which column of the file holds it. Required fields are marked.
import { Col, Flex, Form, Row, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportField, type ImportMapping } from '#shared/enterprise-import.ts';

interface Props {
  headers: string[];
  mapping: ImportMapping;
  disabled?: boolean;
  onChange(mapping: ImportMapping): void;
}

export function MappingEditor({ headers, mapping, disabled, onChange }: Props) {
  const { t } = useTranslation('importer');
  const columns = headers.filter((h) => h.trim() !== '');
  const options = [{ value: '', label: t('mapping.notMapped') }, ...columns.map((h) => ({ value: h, label: h }))];

  const change = (field: ImportField, header: string) => {
    const next: ImportMapping = { ...mapping };
    if (header) next[field] = header;
    else delete next[field];
    onChange(next);
  };

  return (
    <>
      <Typography.Paragraph type="secondary">{t('mapping.hint')}</Typography.Paragraph>
      <Flex gap={4} wrap align="center" style={{ marginBottom: 16 }} data-testid="import-headers">
        <Typography.Text>{t('mapping.headers')}</Typography.Text>
        {columns.map((h) => (
          <Tag key={h}>{h}</Tag>
        ))}
      </Flex>
      <Form layout="vertical" component="div" disabled={disabled}>
        <Row gutter={16}>
          {IMPORT_FIELDS.map((field) => (
            <Col key={field} xs={24} sm={12} lg={6}>
              <Form.Item label={t(`fields.${field}`)} required={REQUIRED_IMPORT_FIELDS.includes(field)}>
                <Select
                  value={mapping[field] ?? ''}
                  options={options}
                  onChange={(v: string) => change(field, v)}
                  status={REQUIRED_IMPORT_FIELDS.includes(field) && !mapping[field] ? 'error' : undefined}
                  aria-label={t(`fields.${field}`)}
                  data-testid={`mapping-${field}`}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </>
  );
}
