import type { Messages } from '../types.ts';
import type zh from '../zh/password.ts';

const password: Messages<typeof zh> = {
  title: 'Change password',
  forcedTitle: 'Set a new password first',
  forcedDescription: 'You signed in with a one-time password (a new or reset account). Set your own password to continue.',
  subtitle: 'Once changed, you are signed out on every other device and browser.',
  current: 'Current password',
  currentForced: 'One-time password',
  currentRequired: 'Enter your current password',
  next: 'New password',
  nextRequired: 'Enter a new password',
  confirm: 'New password again',
  confirmMismatch: 'The two new passwords differ',
  rulesTitle: 'The new password must be:',
  rules: {
    too_short: 'at least {{min}} characters',
    too_long: 'at most {{max}} characters',
    contains_username: 'without your username',
    common: 'not a common or too simple one (such as 1234567890 or password123)',
  },
  wrongPassword: 'The current password is wrong.',
  unchanged: 'The new password must differ from the current one.',
  weak: 'The new password is not acceptable: {{problems}}.',
  submit: 'Save new password',
  saved: 'Password changed',
  back: 'Back',
  logout: 'Sign out',
  separator: '; ',
  menu: 'Change password',
};
export default password;
