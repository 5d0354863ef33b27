import type { Messages } from '../types.ts';
import type zh from '../zh/shell.ts';

const shell: Messages<typeof zh> = {
  nav: {
    myDepartment: 'My department',
    rectification: 'Rectification',
    departments: 'Departments',
    enterprises: 'Enterprises',
    import: 'Import registry',
    audit: 'Audit log',
    rounds: 'Survey rounds',
    invitations: 'Survey links',
    dashboard: 'Dashboard',
    escalations: 'Escalations',
    report: 'Quarterly report',
    appeals: 'Appeals',
    requests: 'Requests',
    points: 'Cadre points',
    pointsLedger: 'Points ledger',
    pointsReview: 'Review queue',
    pointsShortlist: 'Promotion shortlist',
    pointsImport: 'Import cadres',
    accounts: 'Accounts',
    cadre: 'Cadre record',
  },
  header: { logout: 'Sign out', menu: 'Navigation' },
  login: {
    title: 'Sign in to Pingyi',
    subtitle: 'Enterprises rate departments · staff sign-in',
    username: 'Username',
    password: 'Password',
    usernameRequired: 'Please enter your username',
    passwordRequired: 'Please enter your password',
    submit: 'Sign in',
    wrongPassword: 'Wrong username or password. Please try again.',
    rateLimited: 'Too many sign-in attempts. Please try again in a minute.',
    networkError: 'The server could not be reached. Check your network connection and try again.',
    failed: 'Sign-in failed. Please try again later.',
    sessionExpired: 'Your session has ended. Please sign in again.',
    enterpriseHint: 'Enterprises answering the survey use the personal link from their text message or notice; no sign-in is needed.',
  },
  noAccess: {
    title: 'No access',
    description: 'Your account ({{role}}) cannot use this page. To request access, contact the security administrator.',
    back: 'Back to home',
  },
  notFound: {
    title: 'Page not found',
    description: 'This page does not exist; the link may be wrong.',
    back: 'Back to home',
  },
  crashed: {
    title: 'Something went wrong on this page',
    description: 'Please reload the page. If it keeps happening, contact technical support.',
    reload: 'Reload page',
  },
};
export default shell;
