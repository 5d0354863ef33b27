// Entry of the enterprise's page (survey.html): the survey app is imported statically, so the page's
// HTML names every file it needs and a phone on a slow line fetches them in one round trip.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BootBoundary } from './Boot.tsx';
import SurveyApp from './survey/SurveyApp.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BootBoundary>
      <SurveyApp />
    </BootBoundary>
  </StrictMode>,
);
