// The round's contact plan: set in the round form (invitation, reminder days, last reminder), frozen with the
// round and shown on its detail page. Mounted by RoundFormModal with one line; RoundSettings shows the summary.
import { Checkbox, Col, Divider, Form, Row, Switch, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ContactPlan } from '#shared/outbound/vocabulary.ts';
import { contactPlanDefault } from '#shared/schemas/outbox.ts';
import { lastReminderDay, lateDays, reminderDayOptions } from './contact-plan.ts';

/** The plan's on/off parts, each a switch with its own label and help (`form.<key>`, `form.<key>Help`). */
const SWITCHES = ['invitation', 'finalReminder'] as const;

/** The form fields under `contactPlan`; a draft's own plan when editing, the defaults for a new round. */
export function ContactPlanFields({ plan }: { plan?: ContactPlan }) {
  const { t } = useTranslation('outbox');
  const form = Form.useFormInstance();
  const initial = plan ?? contactPlanDefault();
  const opensAt = Form.useWatch<Dayjs | null>('opensAt', form);
  const closesAt = Form.useWatch<Dayjs | null>('closesAt', form);
  const chosen = Form.useWatch<number[] | undefined>(['contactPlan', 'reminderDays'], form) ?? initial.reminderDays;
  const dates = { opensAt: opensAt?.toDate(), closesAt: closesAt?.toDate() };
  const late = lateDays(dates, chosen);
  const offered = reminderDayOptions(lastReminderDay(dates), chosen);
  return (
    <div data-testid="contact-plan">
      <Divider titlePlacement="start" plain>
        {t('form.title')}
      </Divider>
      <Row gutter={16}>
        {SWITCHES.map((key) => (
          <Col key={key} xs={24} sm={12}>
            <Form.Item
              name={['contactPlan', key]}
              label={t(`form.${key}`)}
              extra={t(`form.${key}Help`)}
              valuePropName="checked"
              initialValue={initial[key]}
            >
              <Switch />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Form.Item
        name={['contactPlan', 'reminderDays']}
        label={t('form.reminderDays')}
        extra={
          late.length ? (
            <Typography.Text type="warning">{t('form.lateDays', { days: late.join('、') })}</Typography.Text>
          ) : (
            t('form.reminderDaysHelp')
          )
        }
        initialValue={initial.reminderDays}
      >
        <Checkbox.Group options={offered.map((d) => ({ value: d, label: t('form.day', { day: d }) }))} />
      </Form.Item>
    </div>
  );
}

/** The plan in one line: what is sent and on which days (the round's detail page, the outbox page). */
export function ContactPlanSummary({ plan }: { plan: ContactPlan }) {
  const { t } = useTranslation('outbox');
  return (
    <span data-testid="contact-plan-summary">
      {[
        t(plan.invitation ? 'planInvitation' : 'planNoInvitation'),
        plan.reminderDays.length ? t('form.remindOn', { days: plan.reminderDays.join('、') }) : t('form.noReminders'),
        t(plan.finalReminder ? 'planFinal' : 'planNoFinal'),
      ].join(t('form.separator'))}
    </span>
  );
}

export function ContactPlanLabel() {
  const { t } = useTranslation('outbox');
  return <>{t('form.title')}</>;
}
