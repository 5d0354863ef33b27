import type zh from '../zh/survey.ts';
import type { Messages } from '../types.ts';

const survey: Messages<typeof zh> = {
  title: 'Business environment survey',
  loading: 'Opening your survey, please wait…',
  invalidLink: 'This link is incomplete. Please open the full link from your text message or notice.',
  language: '中文',
};
export default survey;
