// The admin's lifecycle actions on a round, each behind a confirmation that says what will happen.
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Form, Input, Modal, Space, Tooltip } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ROUND_ACTIONS, type RoundAction } from '#shared/round-lifecycle.ts';
import { reasonBodySchema, reopenBodySchema, type Round } from '#shared/schemas/rounds.ts';
import {
  closeRound,
  computeRoundResults,
  freezeRound,
  getRoundResults,
  openRound,
  publishRoundResults,
  reopenRound,
  roundProgress,
  voidRound,
} from '../../endpoints.ts';
import { parseForm, zodRule } from '../../forms.ts';
import { useSave } from '../../useSave.ts';
import { useQuarter, useRoundErrorText, useTimeFormat } from './labels.tsx';

const allowed = (round: Round, action: RoundAction) => (ROUND_ACTIONS[action].from as readonly string[]).includes(round.status);

type Dialog = 'reopen' | 'void' | null;

export function RoundActions({ round, onChanged, onEdit }: { round: Round; onChanged(): void; onEdit(): void }) {
  const { t, i18n } = useTranslation('rounds');
  const { t: tc } = useTranslation('common');
  const { modal, message } = App.useApp();
  const errorText = useRoundErrorText();
  const quarter = useQuarter();
  const time = useTimeFormat();
  const [dialog, setDialog] = useState<Dialog>(null);
  const name = quarter(round.id);
  const navigate = useNavigate();
  const resultsPath = `/dashboard?round=${encodeURIComponent(round.id)}`;

  /** A confirmation; the action runs from its OK button, which spins until done. */
  const confirm = (opts: {
    title: string;
    content: ReactNode;
    okText: string;
    danger?: boolean;
    run: () => Promise<unknown>;
    done: ReactNode;
  }) => {
    modal.confirm({
      title: opts.title,
      icon: <ExclamationCircleOutlined />,
      content: opts.content,
      okText: opts.okText,
      cancelText: tc('actions.cancel'),
      okButtonProps: { danger: opts.danger },
      width: 520,
      onOk: async () => {
        try {
          await opts.run();
          // A message with a link stays long enough to be clicked.
          message.success({ content: opts.done, duration: typeof opts.done === 'string' ? 3 : 10 });
          onChanged();
        } catch (error) {
          // Closes the dialog and says why; the page reloads, as the round may have moved on meanwhile.
          message.error(errorText(error));
          onChanged();
        }
      },
    });
  };

  /** A primary button whose confirmation's OK says the same as the button. */
  const confirmButton = (key: string, label: string, opts: Omit<Parameters<typeof confirm>[0], 'okText'>) => (
    <Button key={key} type="primary" onClick={() => confirm({ ...opts, okText: label })}>
      {label}
    </Button>
  );

  const buttons = [];
  if (allowed(round, 'update'))
    buttons.push(
      <Button key="edit" onClick={onEdit}>
        {t('actions.edit')}
      </Button>,
    );
  if (allowed(round, 'freeze')) {
    buttons.push(
      confirmButton('freeze', t('actions.freeze'), {
        title: t('actions.freezeTitle', { name }),
        content: t('actions.freezeContent'),
        run: () => freezeRound(round.id),
        done: t('actions.frozen'),
      }),
    );
  }
  if (allowed(round, 'open')) {
    buttons.push(
      confirmButton('open', t('actions.open'), {
        title: t('actions.openTitle', { name }),
        content: t('actions.openContent', { time: time.dateTime(round.closesAt) }),
        run: () => openRound(round.id),
        done: t('actions.opened'),
      }),
    );
  }
  if (allowed(round, 'close')) {
    buttons.push(
      <Button
        key="close"
        data-testid="round-close"
        onClick={async () => {
          // Closing early is decided on the response rate: the confirm says it (the reported count, as the admin's lists show it).
          const progress = await roundProgress(round.id).catch(() => null);
          confirm({
            title: t('actions.closeTitle', { name }),
            danger: true,
            okText: t('actions.close'),
            content: (
              <>
                {progress ? (
                  <p data-testid="close-rate">
                    <strong>
                      {t('actions.closeRate', {
                        submitted: progress.submitted,
                        invited: progress.invited,
                        rate: Math.round(progress.responseRate * 100),
                      })}
                    </strong>
                  </p>
                ) : null}
                <p>{t('actions.closeContent')}</p>
              </>
            ),
            run: () => closeRound(round.id),
            done: t('actions.closed'),
          });
        }}
      >
        {t('actions.close')}
      </Button>,
    );
  }
  if (allowed(round, 'reopen')) {
    // Computing the results makes the close final (shared/round-lifecycle.ts): the button says why it is off.
    buttons.push(
      round.finalizedAt ? (
        <Tooltip key="reopen" title={t('actions.reopenFinal')}>
          <Button disabled data-testid="reopen-final">
            {t('actions.reopen')}
          </Button>
        </Tooltip>
      ) : (
        <Button key="reopen" onClick={() => setDialog('reopen')}>
          {t('actions.reopen')}
        </Button>
      ),
    );
  }
  if (round.status === 'closed') {
    buttons.push(
      <Button
        key="compute"
        onClick={() =>
          confirm({
            title: t('actions.computeTitle', { name }),
            content: t(round.finalizedAt ? 'actions.recomputeContent' : 'actions.computeContent'),
            okText: t('actions.compute'),
            run: () => computeRoundResults(round.id),
            // The message renders outside the router (antd's App holder), so the link navigates through the page's own hook.
            done: (
              <>
                {t('actions.computed')}{' '}
                <a
                  href={resultsPath}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(resultsPath);
                  }}
                  data-testid="computed-link"
                >
                  {t('actions.viewResults')}
                </a>
              </>
            ),
          })
        }
      >
        {t('actions.compute')}
      </Button>,
      <Button
        key="publish"
        type="primary"
        data-testid="round-publish"
        onClick={async () => {
          // Publishing names the bottom departments: the confirm lists them, as computed.
          const results = round.finalizedAt ? await getRoundResults(round.id).catch(() => null) : null;
          const bottom = (results?.departments ?? []).filter((d) => d.flagged).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
          confirm({
            title: t('actions.publishTitle', { name }),
            okText: t('actions.publish'),
            content: (
              <>
                {bottom.length ? (
                  <p data-testid="publish-bottom">
                    <strong>
                      {t('actions.publishBottom', {
                        n: bottom.length,
                        names: bottom.map((d) => (i18n.language === 'en' && d.nameEn ? d.nameEn : d.name)).join('、'),
                      })}
                    </strong>
                  </p>
                ) : null}
                {results ? <p>{t('actions.publishResponses', { n: results.round.responses })}</p> : null}
                <p>{t('actions.publishContent', { n: round.bottomN })}</p>
              </>
            ),
            run: () => publishRoundResults(round.id),
            done: t('actions.published'),
          });
        }}
      >
        {t('actions.publish')}
      </Button>,
    );
  }
  if (allowed(round, 'void'))
    buttons.push(
      <Button key="void" danger onClick={() => setDialog('void')}>
        {t('actions.void')}
      </Button>,
    );

  return (
    <>
      <Space wrap data-testid="round-actions">
        {buttons}
      </Space>
      {dialog ? (
        <ReasonModal
          kind={dialog}
          round={round}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            onChanged();
          }}
        />
      ) : null}
    </>
  );
}

interface ReasonValues {
  reason: string;
  closesAt?: Dayjs;
}

/** Reopen (reason and a new deadline) or void (reason): both are audited with the reason given. */
function ReasonModal({ kind, round, onClose, onDone }: { kind: 'reopen' | 'void'; round: Round; onClose(): void; onDone(): void }) {
  const { t } = useTranslation('rounds');
  const { t: tc } = useTranslation('common');
  const { message } = App.useApp();
  const quarter = useQuarter();
  const [form] = Form.useForm<ReasonValues>();
  const { saving, problem, save } = useSave(useRoundErrorText());

  const fieldMessage = (field: string) => (field === 'closesAt' ? t('actions.deadlineFuture') : t('actions.reasonRequired'));

  /** The request the form asks for, or null while it is not valid (the schemas also trim the reason). */
  const request = async () => {
    if (kind === 'void') {
      const body = await parseForm(form, reasonBodySchema, fieldMessage);
      return body && (() => voidRound(round.id, body.reason));
    }
    const body = await parseForm(form, reopenBodySchema, fieldMessage, (v) => ({ reason: v.reason, closesAt: v.closesAt?.format() }));
    return body && (() => reopenRound(round.id, body));
  };

  const submit = async () => {
    const send = await request();
    if (!send) return;
    await save(async () => {
      await send();
      message.success(kind === 'reopen' ? t('actions.reopened') : t('actions.voided'));
      onDone();
    });
  };

  return (
    <Modal
      open
      title={t(kind === 'reopen' ? 'actions.reopenTitle' : 'actions.voidTitle', { name: quarter(round.id) })}
      okText={t(kind === 'reopen' ? 'actions.reopen' : 'actions.void')}
      okButtonProps={{ danger: kind === 'void' }}
      cancelText={tc('actions.cancel')}
      confirmLoading={saving}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert
        type={kind === 'void' ? 'warning' : 'info'}
        showIcon
        title={t(kind === 'reopen' ? 'actions.reopenContent' : 'actions.voidContent')}
        style={{ marginBottom: 16 }}
      />
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} /> : null}
      <Form<ReasonValues>
        form={form}
        layout="vertical"
        initialValues={{ reason: '', closesAt: dayjs().add(7, 'day').hour(18).minute(0).second(0).millisecond(0) }}
      >
        <Form.Item
          name="reason"
          label={t('actions.reason')}
          required
          rules={[zodRule(reasonBodySchema.shape.reason, t('actions.reasonRequired'))]}
        >
          <Input.TextArea
            rows={3}
            maxLength={1000}
            showCount
            placeholder={t(kind === 'reopen' ? 'actions.reopenPlaceholder' : 'actions.voidPlaceholder')}
          />
        </Form.Item>
        {/* "In the future" needs a clock, so it is no schema rule: checked here as picked, and by the server on its own. */}
        {kind === 'reopen' ? (
          <Form.Item
            name="closesAt"
            label={t('actions.newDeadline')}
            required
            rules={[
              {
                validator: async (_, v: Dayjs | undefined) => {
                  if (!v || !v.isAfter(dayjs())) throw new Error(t('actions.deadlineFuture'));
                },
              },
            ]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              disabledDate={(d) => d.isBefore(dayjs(), 'day')}
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
