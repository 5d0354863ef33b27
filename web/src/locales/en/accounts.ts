import type { Messages } from '../types.ts';
import type zh from '../zh/accounts.ts';

const accounts: Messages<typeof zh> = {
  title: 'Accounts',
  subtitle:
    'Accounts for department heads, city leaders, discipline inspectors and staff. New and reset accounts get a one-time password that must be changed at first sign-in; they may approve or decide 24 hours after their holder set a new password.',
  create: 'New account',
  columns: {
    username: 'Username',
    displayName: 'Name',
    role: 'Role',
    department: 'Department',
    status: 'Status',
    lastLogin: 'Last sign-in',
    actions: 'Actions',
  },
  status: { active: 'Active', inactive: 'Deactivated', mustChange: 'Must change password', decidesFrom: 'Approves from {{time}}' },
  never: 'Never',
  empty: 'No accounts yet.',
  noMatch: 'No account matches.',
  searchPlaceholder: 'Search username or name',
  actions: {
    edit: 'Edit',
    deactivate: 'Deactivate',
    reactivate: 'Reactivate',
    resetPassword: 'Reset password',
    deactivateConfirm: 'Deactivate “{{name}}”? Their open sessions end at once and they can no longer sign in.',
    reactivateConfirm: 'Reactivate “{{name}}”? They can sign in again with their existing password.',
    resetConfirm:
      'Reset the password of “{{name}}”? Their open sessions end at once; they sign in with a new one-time password and must change it.',
  },
  form: {
    createTitle: 'New account',
    editTitle: 'Edit account: {{name}}',
    username: 'Username',
    usernameHelp: 'Used to sign in: 3–50 letters, digits or . _ -, e.g. head.scjgj; cannot be changed later.',
    displayName: 'Name',
    role: 'Role',
    department: 'Department',
    departmentHelp: 'A department head must have a department; other roles belong to none.',
    sessionsNote: 'Changing the role or department ends the open sessions of this account at once.',
  },
  validation: {
    username: 'The username must be 3–50 letters, digits or . _ -',
    usernameTaken: 'This username is taken; choose another.',
    displayName: 'Enter a name (up to 100 characters)',
    role: 'Choose a role',
    departmentRequired: 'A department head needs a department',
    departmentNotAllowed: 'Only a department head belongs to a department',
  },
  ownAccount:
    'You cannot change your own role, deactivate or reset your own account; ask another security administrator. To change your own password use “Change password” at the top right.',
  created: 'Account {{name}} created',
  saved: '{{name}} saved',
  deactivated: '{{name}} deactivated',
  reactivated: '{{name}} reactivated',
  oneTime: {
    title: 'One-time password',
    createdFor: 'Account created for {{name}} ({{username}}).',
    resetFor: 'Password reset for {{name}} ({{username}}).',
    description:
      'Hand this one-time password to the person in person or through a safe channel. It is shown only now and cannot be seen again once closed; they must set a new password at first sign-in.',
    copy: 'Copy password',
    copied: 'Copied',
    copyFailed: 'Could not copy automatically; select the password and copy it by hand.',
    done: 'I have noted it, close',
  },
};
export default accounts;
