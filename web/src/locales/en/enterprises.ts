import type { Messages } from '../types.ts';
import type zh from '../zh/enterprises.ts';

const enterprises: Messages<typeof zh> = {
  title: 'Enterprise registry',
  subtitle: 'Each quarter the enterprises to survey are drawn by lot from the active entries of this registry.',
  searchPlaceholder: 'Search name or credit code',
  filters: { township: 'All townships', industry: 'All industries', size: 'All sizes', status: 'All statuses' },
  columns: {
    uscc: 'Credit code (USCC)', name: 'Name', industry: 'Industry', size: 'Size', township: 'Township',
    contact: 'Contact', phone: 'Phone', status: 'Status', actions: 'Actions',
  },
  status: { active: 'Active', inactive: 'Inactive' },
  create: 'Add enterprise',
  import: 'Import from file',
  edit: 'Edit',
  createTitle: 'Add an enterprise',
  editTitle: 'Edit: {{name}}',
  form: {
    uscc: 'Unified social credit code',
    usccHelp: '18 characters; cannot be changed later.',
    name: 'Name',
    industry: 'Industry',
    sizeClass: 'Size',
    township: 'Township',
    contactName: 'Contact person',
    contactPhone: 'Contact phone',
    contactEmail: 'Contact e-mail',
    active: 'Active (included in the draw)',
  },
  validation: {
    usccLength: 'The credit code must have 18 characters.',
    usccCharset: 'The credit code contains a character that is not allowed (I, O, Z, S and V are never used).',
    usccCheck: 'The check character of the credit code is wrong. Please check the code.',
    name: 'Please enter the name (at most 200 characters).',
    industry: 'Please choose or enter the industry.',
    sizeClass: 'Please choose the size.',
    township: 'Please choose or enter the township.',
    contactName: 'The contact name can have at most 50 characters.',
    contactPhone: 'The phone may contain only digits, spaces and + - ( ), 5–30 characters.',
    contactEmail: 'The e-mail must look like name@example.cn.',
  },
  usccTaken: 'An enterprise with this credit code is already in the registry.',
  created: 'Added: {{name}}',
  saved: 'Saved: {{name}}',
  empty: 'The registry is empty. Add enterprises or import them from a file.',
  noMatch: 'No enterprise matches.',
};
export default enterprises;
