// Call-backs (回访) in the case view: what the latest call found for an entry, and the admin's form.
import { Button, Flex, Form, Input, Modal, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { callbackBodySchema, type CaseDetail } from '#shared/schemas/rectification.ts';
import type { CallbackBody } from '../../endpoints.ts';
import { useSave } from '../../useSave.ts';
import { useDates } from './labels.tsx';

type Entry = CaseDetail['ledger'][number];

export function CallbackCell({ entry, onAdd }: { entry: Entry; onAdd?: () => void }) {
  const { t } = useTranslation('rectification');
  const dates = useDates();
  const last = entry.callbacks.at(-1);
  const result = !last
    ? null
    : !last.reached
      ? t('callback.notReached')
      : t('callback.reachedResult', {
          solved: last.solved ? t('callback.solvedYes') : t('callback.solvedNo'),
          satisfied: last.satisfied ? t('callback.satisfiedYes') : t('callback.satisfiedNo'),
        });
  return (
    <Flex vertical gap={2} data-testid={`callback-${entry.id}`}>
      {last ? (
        <>
          <Typography.Text type={last.reached ? undefined : 'warning'}>{result}</Typography.Text>
          <Typography.Text
            type="secondary"
            style={{ fontSize: 12 }}
          >{`${dates.dateTime(last.at)} · ${last.createdBy}${entry.callbacks.length > 1 ? ` · ${t('callback.times', { n: entry.callbacks.length })}` : ''}`}</Typography.Text>
          {last.note ? <Typography.Text style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>{last.note}</Typography.Text> : null}
        </>
      ) : entry.callbackWaiver ? (
        <Typography.Text type="secondary">{t('callback.waived', { reason: entry.callbackWaiver })}</Typography.Text>
      ) : (
        <Typography.Text type="secondary">{t('callback.none')}</Typography.Text>
      )}
      {onAdd ? (
        <div>
          <Button size="small" onClick={onAdd} data-testid={`callback-add-${entry.id}`}>
            {t('callback.add')}
          </Button>
        </div>
      ) : null}
    </Flex>
  );
}

type Values = { reached?: boolean; solved?: boolean; satisfied?: boolean; note?: string };

export function CallbackModal({ entry, onClose, onSave }: { entry: Entry; onClose(): void; onSave(body: CallbackBody): Promise<boolean> }) {
  const { t } = useTranslation('rectification');
  const { t: tc } = useTranslation('common');
  const [form] = Form.useForm<Values>();
  const reached = Form.useWatch('reached', form);
  const { saving, save } = useSave();
  const [problem, setProblem] = useState<string | null>(null);
  const yesNo = [
    { value: true, label: t('callback.yes') },
    { value: false, label: t('callback.no') },
  ];

  const submit = async () => {
    const v = form.getFieldsValue();
    const parsed = callbackBodySchema.safeParse({
      reached: v.reached,
      ...(v.reached ? { solved: v.solved, satisfied: v.satisfied } : {}),
      ...(v.note?.trim() ? { note: v.note.trim() } : {}),
    });
    if (!parsed.success) return setProblem(t('callback.answerBoth'));
    setProblem(null);
    await save(async () => {
      if (await onSave(parsed.data)) onClose();
    });
  };

  return (
    <Modal
      open
      title={t('callback.title', { enterprise: entry.enterprise })}
      okText={tc('actions.save')}
      cancelText={tc('actions.cancel')}
      confirmLoading={saving}
      onOk={() => {
        void submit();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" data-testid="callback-form">
        <Form.Item name="reached" label={t('callback.reached')} required>
          <Radio.Group options={yesNo} data-testid="callback-reached" />
        </Form.Item>
        {reached ? (
          <>
            <Form.Item name="solved" label={t('callback.solved')} required>
              <Radio.Group options={yesNo} data-testid="callback-solved" />
            </Form.Item>
            <Form.Item name="satisfied" label={t('callback.satisfied')} required>
              <Radio.Group options={yesNo} data-testid="callback-satisfied" />
            </Form.Item>
          </>
        ) : null}
        <Form.Item name="note" label={t('callback.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
        {problem ? (
          <Typography.Text type="danger" role="alert">
            {problem}
          </Typography.Text>
        ) : null}
      </Form>
    </Modal>
  );
}
