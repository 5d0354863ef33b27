import type { Messages } from '../types.ts';
import type zh from '../zh/outbox.ts';

const outbox: Messages<typeof zh> = {
  open: 'SMS and e-mail',
  title: 'SMS and e-mail: {{quarter}}',
  subtitle:
    "Invitations and reminders to the drawn enterprises by the round's contact plan: only to those that have not submitted (as reported in batches), did not opt out and were not replaced; at most one a day each.",
  back: 'Back to {{quarter}}',
  noGateway:
    "No SMS gateway is configured: the messages are prepared in the outbox. Download the Excel file and import it into the city's SMS platform. Nothing is shown as sent.",
  gateways: 'SMS gateway: {{sms}}; e-mail: {{email}}; quiet hours: {{quiet}}',
  configured: 'configured',
  notConfigured: 'not configured',
  quietOff: 'none',
  planInvitation: 'an invitation when the round opens',
  planNoInvitation: 'no invitation',
  planFinal: 'a last reminder the day before the deadline',
  planNoFinal: 'no last reminder',
  form: {
    title: 'Contact plan',
    invitation: 'Invitation when the round opens',
    invitationHelp: 'One invitation to each drawn enterprise when the round opens (SMS, and e-mail where it gave an address).',
    finalReminder: 'Last reminder the day before the deadline',
    finalReminderHelp: 'Reminds the enterprises that have not submitted on the day before the deadline.',
    reminderDays: 'Reminder days (days after opening)',
    reminderDaysHelp: 'Reminds the enterprises that have not submitted on these days. The plan is frozen with the round.',
    day: 'day {{day}}',
    lateDays: 'Day {{days}} is on or after the deadline: nothing is sent then.',
    remindOn: 'reminders on day {{days}}',
    noReminders: 'no daily reminders',
    colon: ': ',
    separator: '; ',
  },
  download: "Download today's SMS (Excel)",
  remind: 'Send a reminder now',
  remindConfirm: 'Send a reminder to every enterprise that has not submitted and was not contacted today?',
  reminded: 'Queued: {{count}} reminders',
  status: { queued: 'Queued', sent: 'Sent', delivered: 'Delivered', failed: 'Failed', refused: 'Refused' },
  kind: { invitation: 'Invitation', reminder: 'Reminder', final_reminder: 'Last reminder' },
  channel: { sms: 'SMS', email: 'E-mail' },
  failures: "Failures (the gateway's reason)",
  inDoubt:
    'In doubt: handed to the gateway but no answer came (the server or the connection stopped). Waiting for its receipt; without one it is sent again later with the same reference, which the gateway deduplicates.',
  noFailures: 'No message has failed.',
  invalidPhones: 'The registered phone is not a mobile number: no SMS can reach them ({{count}})',
  noPhone: 'none registered',
  messages: 'All messages',
  empty: 'The outbox is empty: once the round opens, invitations and reminders are prepared by the plan.',
  columns: { enterprise: 'Enterprise', to: 'To', kind: 'Kind', day: 'Day', status: 'Status', reason: 'Reason', attempts: 'Attempts' },
  errors: { quiet_hours: 'These are quiet hours: no SMS now.', round_not_open: 'The round is not open: no reminder can be sent.' },
};
export default outbox;
