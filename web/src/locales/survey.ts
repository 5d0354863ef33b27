// Strings of the enterprise survey only (kept apart from the admin strings for a small bundle).
import enSurvey from './en/survey.ts';
import zhSurvey from './zh/survey.ts';

export const surveyResources = {
  'zh-CN': { survey: zhSurvey },
  en: { survey: enSurvey },
};
