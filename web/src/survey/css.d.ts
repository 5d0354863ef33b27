// Vite bundles imported CSS files; the survey's plain stylesheet is one (see SurveyApp.tsx).
declare module '*.css' {}
