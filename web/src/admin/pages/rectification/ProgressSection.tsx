// Progress updates (整改进展) with attachments (a label and an optional http(s) link).
import { DeleteOutlined, LinkOutlined, PaperClipOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Divider, Empty, Flex, Form, Input, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { attachmentSchema, progressBodySchema, type CaseDetail } from '#shared/schemas/rectification.ts';
import type { ProgressBody } from '../../endpoints.ts';
import { zodRule, parseForm } from '../../forms.ts';
import { useSave } from '../../useSave.ts';
import { useDates } from './labels.tsx';

type Attachment = CaseDetail['progress'][number]['attachments'][number];
type Values = { text?: string; attachments?: { label?: string; url?: string }[] };

/** Only http(s) links are ever rendered as links (the server accepts no other; this is a second guard). */
function safeHref(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function AttachmentItem({ a }: { a: Attachment }) {
  const href = safeHref(a.url);
  return href ? (
    <Typography.Link href={href} target="_blank" rel="noopener noreferrer">
      <LinkOutlined /> {a.label}
    </Typography.Link>
  ) : (
    <Typography.Text>
      <PaperClipOutlined /> {a.label}
    </Typography.Text>
  );
}

function ProgressForm({ onAdd }: { onAdd(body: ProgressBody): Promise<boolean> }) {
  const { t } = useTranslation('rectification');
  const { t: tc } = useTranslation('common');
  const [form] = Form.useForm<Values>();
  const { saving, save } = useSave();

  const submit = async () => {
    const body = await parseForm(
      form,
      progressBodySchema,
      (path) =>
        path.endsWith('.url')
          ? t('validation.attachmentUrl')
          : path.endsWith('.label')
            ? t('validation.attachmentLabel')
            : path === 'text'
              ? t('validation.text')
              : tc('errors.validation_failed'),
      // An empty link field means "no link".
      (values) => ({
        text: values.text,
        attachments: (values.attachments ?? []).map((a) => ({ label: a.label, ...(a.url?.trim() ? { url: a.url.trim() } : {}) })),
      }),
    );
    if (!body) return;
    await save(async () => {
      if (await onAdd(body)) form.resetFields();
    });
  };

  return (
    <Form<Values> form={form} layout="vertical" data-testid="progress-form">
      <Form.Item
        name="text"
        label={t('progress.text')}
        extra={t('progress.textPublic')}
        required
        rules={[zodRule(progressBodySchema.shape.text, t('validation.text'))]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} placeholder={t('progress.textPlaceholder')} />
      </Form.Item>
      <Form.List name="attachments">
        {(fields, { add, remove }) => (
          <Form.Item label={t('progress.attachments')}>
            <Flex vertical gap={8}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="flex-start" wrap>
                  <Form.Item
                    name={[field.name, 'label']}
                    rules={[zodRule(attachmentSchema.shape.label, t('validation.attachmentLabel'))]}
                    style={{ margin: 0, flex: '1 1 200px' }}
                  >
                    <Input
                      maxLength={200}
                      placeholder={t('progress.attachmentLabelPlaceholder')}
                      aria-label={t('progress.attachmentLabel')}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'url']}
                    rules={[zodRule(attachmentSchema.shape.url, t('validation.attachmentUrl'))]}
                    style={{ margin: 0, flex: '2 1 280px' }}
                  >
                    <Input maxLength={2000} placeholder={t('progress.attachmentUrlPlaceholder')} aria-label={t('progress.attachmentUrl')} />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('progress.removeAttachment')}
                    title={t('progress.removeAttachment')}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              <div>
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ label: '', url: '' })} disabled={fields.length >= 20}>
                  {t('progress.addAttachment')}
                </Button>
              </div>
            </Flex>
          </Form.Item>
        )}
      </Form.List>
      <Button
        type="primary"
        loading={saving}
        onClick={() => {
          void submit();
        }}
        data-testid="add-progress"
      >
        {t('progress.add')}
      </Button>
    </Form>
  );
}

export function ProgressSection({ c, editable, onAdd }: { c: CaseDetail; editable: boolean; onAdd(body: ProgressBody): Promise<boolean> }) {
  const { t } = useTranslation('rectification');
  const dates = useDates();
  return (
    <Card title={t('progress.title')} data-testid="progress-section">
      {c.progress.length === 0 ? (
        <Empty description={t('progress.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Timeline
          items={c.progress.map((p) => ({
            key: p.id,
            content: (
              <Flex vertical gap={4}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('progress.by', { who: p.createdBy, at: dates.dateTime(p.createdAt) })}
                </Typography.Text>
                <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{p.text}</Typography.Text>
                {p.attachments.length ? (
                  <Flex gap={12} wrap>
                    {p.attachments.map((a, i) => (
                      <AttachmentItem key={i} a={a} />
                    ))}
                  </Flex>
                ) : null}
              </Flex>
            ),
          }))}
        />
      )}
      {editable ? (
        <>
          <Divider />
          <ProgressForm onAdd={onAdd} />
        </>
      ) : null}
    </Card>
  );
}
