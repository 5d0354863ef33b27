import type { Messages } from '../types.ts';
import type zh from '../zh/requests.ts';

const requests: Messages<typeof zh> = {
  title: 'Enterprise requests',
  subtitleHead: 'Requests enterprises sent to your department: reply first within 1 working day. Senders are anonymous unless they left contact details.',
  subtitleAll: 'Requests sent to every department. Those past the first-reply target without a reply are marked overdue.',
  overdueAlert: '{{count}} requests are past the first-reply target without a reply',
  noneOverdue: 'No request is overdue',
  filters: { state: 'Status', all: 'All', department: 'Department', allDepartments: 'All departments' },
  states: { waiting: 'Awaiting reply', replied: 'Replied', answered: 'Rated by the enterprise', overdue: 'Overdue' },
  columns: { raisedAt: 'Sent', department: 'Department', category: 'Kind', text: 'Request', state: 'Status', dueAt: 'Reply due', contact: 'Contact' },
  categories: { permit: 'Permits and licences', inspection: 'Inspections and enforcement', fees: 'Fees and fines', policy: 'Policy benefits', service: 'Service attitude and speed', other: 'Other' },
  overdue: 'Overdue',
  lateReply: 'Replied late',
  anonymous: 'Anonymous',
  hiddenContact: '(shown to the department head and admins only)',
  empty: 'No requests',
  thread: {
    text: 'Request',
    replies: 'Replies',
    noReplies: 'No reply yet',
    by: '{{name}} · {{time}}',
    feedback: 'Enterprise: {{resolved}}, {{satisfied}}',
    resolvedYes: 'solved', resolvedNo: 'not solved', satisfiedYes: 'satisfied', satisfiedNo: 'not satisfied',
    noFeedback: 'Not rated yet',
  },
  reply: { label: 'Reply to the enterprise', placeholder: 'Shown to the enterprise exactly as written (plain text)', submit: 'Send reply', sent: 'Reply sent', required: 'Write a reply' },
  stats: {
    title: 'Enterprise requests by department and quarter',
    quarter: 'Quarter', department: 'Department', requests: 'Requests', replied: 'Replied', median: 'First reply (median)', resolved: 'Solved', satisfied: 'Satisfied',
    hours: '{{n}} h', none: '—', feedbacks: '({{n}} rated)', empty: 'No requests yet', overdueNow: 'Overdue now: {{count}}',
  },
  mydept: { title: 'Enterprise requests', waiting: '{{count}} awaiting reply', overdue: '{{count}} of them overdue', open: 'Handle requests', none: 'No request awaits a reply' },
};
export default requests;
