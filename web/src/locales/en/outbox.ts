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
  plan: 'Contact plan: {{invitation}}; reminders on day {{days}}; {{final}}',
  planInvitation: 'an invitation when the round opens',
  planNoInvitation: 'no invitation',
  planFinal: 'a last reminder the day before the deadline',
  planNoFinal: 'no last reminder',
  download: "Download today's SMS (Excel)",
  remind: 'Send a reminder now',
  remindConfirm: 'Send a reminder to every enterprise that has not submitted and was not contacted today?',
  reminded: 'Queued: {{count}} reminders',
  status: { queued: 'Queued', sent: 'Sent', delivered: 'Delivered', failed: 'Failed', refused: 'Refused' },
  kind: { invitation: 'Invitation', reminder: 'Reminder', final_reminder: 'Last reminder' },
  channel: { sms: 'SMS', email: 'E-mail' },
  failures: "Failures (the gateway's reason)",
  noFailures: 'No message has failed.',
  invalidPhones: 'The registered phone is not a mobile number: no SMS can reach them ({{count}})',
  noPhone: 'none registered',
  messages: 'All messages',
  empty: 'The outbox is empty: once the round opens, invitations and reminders are prepared by the plan.',
  columns: { enterprise: 'Enterprise', to: 'To', kind: 'Kind', day: 'Day', status: 'Status', reason: 'Reason', attempts: 'Attempts' },
  errors: { quiet_hours: 'These are quiet hours: no SMS now.', round_not_open: 'The round is not open: no reminder can be sent.' },
};
export default outbox;
