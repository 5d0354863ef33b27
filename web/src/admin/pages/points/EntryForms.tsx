// The two ways the organisation department writes to the ledger: a new entry, and a reversing entry.
import { App, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { entryInputSchema, reverseInputSchema, type PointsEntry } from '#shared/schemas/points.ts';
import { getRules, listCadres, reverseEntry, submitEntry } from '../../endpoints.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useErrorText } from '../../errors.ts';
import { parseForm, zodRule } from '../../forms.ts';
import { useLoad } from '../../useLoad.ts';
import { useSave } from '../../useSave.ts';
import { cityToday, signed } from './shared.tsx';

type EntryValues = z.input<typeof entryInputSchema>;
const shape = entryInputSchema.shape;

export function EntryForm({ onClose, onSaved, cadre }: { onClose(): void; onSaved(): void; cadre?: { id: number; name: string } }) {
  const { t, i18n } = useTranslation('points');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const [form] = Form.useForm<EntryValues>();
  const errorText = useErrorText();
  // The server says which check refused the entry; the form says it in words (not 提交的内容未通过校验).
  const { saving, problem, save } = useSave((error) =>
    errorText(error, {
      date_in_future: t('form.errors.date_in_future'),
      no_rulebook_on_date: t('form.errors.no_rulebook_on_date'),
      unknown_cadre: t('form.errors.unknown_cadre'),
      unknown_rule: t('form.errors.unknown_rule'),
    }),
  );
  const [query, setQuery] = useState('');
  const rules = useLoad((signal) => getRules(signal), []);
  const found = useLoad(
    (signal) => (query.trim() ? listCadres({ q: query.trim(), pageSize: 20 }, signal) : Promise.resolve(null)),
    [query],
  );

  const submit = async () => {
    const input = await parseForm(form, entryInputSchema, () => tc('errors.validation_failed'));
    if (!input) return;
    await save(async () => {
      await submitEntry(input);
      message.success(t('form.submitted'));
      onSaved();
    });
  };
  const name = (r: { nameZh: string; nameEn: string }) => (i18n.language === 'en' ? r.nameEn : r.nameZh);

  return (
    <FormModal title={t('form.title')} okText={t('form.submit')} saving={saving} problem={problem} onOk={submit} onCancel={onClose}>
      <Form<EntryValues> form={form} layout="vertical" initialValues={{ date: cityToday(), ...(cadre ? { cadreId: cadre.id } : {}) }}>
        <Form.Item name="cadreId" label={t('form.cadre')} required rules={[zodRule(shape.cadreId, t('form.required'))]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setQuery}
            placeholder={t('form.cadrePlaceholder')}
            data-testid="entry-cadre"
            loading={found.loading}
            options={[
              ...(cadre ? [{ value: cadre.id, label: cadre.name }] : []),
              ...(found.data?.items ?? [])
                .filter((c) => c.id !== cadre?.id)
                .map((c) => ({ value: c.id, label: `${c.name}（${c.code} · ${c.unitName} · ${c.post}）` })),
            ]}
          />
        </Form.Item>
        <Form.Item name="ruleCode" label={t('form.rule')} required rules={[zodRule(shape.ruleCode, t('form.required'))]}>
          <Select
            data-testid="entry-rule"
            loading={rules.loading}
            options={(rules.data?.rules ?? []).map((r) => ({ value: r.code, label: `${name(r)}（${signed(r.points)}）` }))}
          />
        </Form.Item>
        <Form.Item name="date" label={t('form.date')} required rules={[zodRule(shape.date, t('form.required'))]}>
          <Input type="date" max={cityToday()} />
        </Form.Item>
        <Form.Item name="reason" label={t('form.reason')} required rules={[zodRule(shape.reason, t('form.required'))]}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="entry-reason" />
        </Form.Item>
        <Form.Item name="evidence" label={t('form.evidence')} required rules={[zodRule(shape.evidence, t('form.required'))]}>
          <Input maxLength={2000} data-testid="entry-evidence" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

type ReverseValues = z.input<typeof reverseInputSchema>;

export function ReverseForm({ entry, onClose, onSaved }: { entry: PointsEntry; onClose(): void; onSaved(): void }) {
  const { t } = useTranslation('points');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const [form] = Form.useForm<ReverseValues>();
  const { saving, problem, save } = useSave();
  const submit = async () => {
    const input = await parseForm(form, reverseInputSchema, () => tc('errors.validation_failed'));
    if (!input) return;
    await save(async () => {
      await reverseEntry(entry.id, input);
      message.success(t('reverseForm.done'));
      onSaved();
    });
  };
  return (
    <FormModal
      title={t('reverseForm.title', { id: entry.id })}
      okText={t('reverseForm.submit')}
      saving={saving}
      problem={problem}
      onOk={submit}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('reverseForm.help')}</Typography.Paragraph>
      <Typography.Paragraph>
        {entry.cadreName} · {entry.date} · {entry.ruleNameZh} · {signed(entry.points)} → {signed(-entry.points)}
      </Typography.Paragraph>
      <Form<ReverseValues> form={form} layout="vertical" initialValues={{ date: cityToday() }}>
        <Form.Item
          name="reason"
          label={t('reverseForm.reason')}
          required
          rules={[zodRule(reverseInputSchema.shape.reason, t('form.required'))]}
        >
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Form.Item name="date" label={t('reverseForm.date')}>
          <Input type="date" min={entry.date} max={cityToday()} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
