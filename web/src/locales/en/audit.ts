import type { Messages } from '../types.ts';
import type zh from '../zh/audit.ts';

const audit: Messages<typeof zh> = {
  title: 'Audit log',
  subtitle: 'Every change is recorded in order and chained by hashes: any deletion or alteration shows up when the chain is verified.',
  allEntities: 'All records',
  entityTypes: { department: 'Department', enterprise: 'Enterprise', user: 'Account', system: 'System' },
  columns: { id: 'No.', at: 'Time', actor: 'By', action: 'Action', entity: 'Record', summary: 'Details', hash: 'Hash' },
  actions: {
    demo_seed: 'Demo data loaded',
    department_create: 'Department added',
    department_update: 'Department changed',
    department_head_appoint: 'Head appointed',
    enterprise_create: 'Enterprise added',
    enterprise_update: 'Enterprise changed',
    enterprise_import: 'Enterprises imported',
    user_create: 'Account created',
  },
  fields: {
    code: 'Code', nameZh: 'Chinese name', nameEn: 'English name', category: 'Category', active: 'Status', head: 'Head',
    headName: 'Name', title: 'Title', since: 'In office since',
    uscc: 'Credit code', name: 'Name', industry: 'Industry', sizeClass: 'Size', township: 'Township',
    contactName: 'Contact', contactPhone: 'Phone',
    users: 'Accounts', departments: 'Departments', enterprises: 'Enterprises', file: 'File', rows: 'Rows', creates: 'Added', updates: 'Updated',
    username: 'Username', role: 'Role',
  },
  yes: 'yes',
  no: 'no',
  labelSeparator: ': ',
  itemSeparator: '; ',
  system: 'System',
  verify: {
    button: 'Verify the chain',
    ok: 'The log is intact',
    okDescription: 'All {{entries}} entries verified; nothing was deleted or altered.',
    broken: 'The log chain is broken',
    brokenDescription: 'Verification fails from entry {{id}}: {{reason}}. Report this to discipline inspection at once.',
    brokenUnknown: 'Verification failed: {{reason}}. Report this to discipline inspection at once.',
    reasons: {
      prev: 'the previous entry is missing or altered',
      content: 'the content of this entry was altered',
      tip: 'the newest entries were deleted',
      other: 'the entry does not match its hash',
    },
  },
  empty: 'No audit entries yet.',
};
export default audit;
