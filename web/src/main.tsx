// Entry of index.html. The server answers the enterprise's paths (/s/<token>, /r) with survey.html
// (survey-main.tsx); this lazy survey is for `vite` in development, which serves index.html for every
// path. The admin app is a separate chunk all the same.
// (Two lazy() calls, not one import in a ternary: each import must keep its own preload list.)
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { prefetch } from './admin/prefetch.ts';
import { BootBoundary, Booting } from './Boot.tsx';

const SurveyApp = lazy(() => import('./survey/SurveyApp.tsx'));
const AdminApp = lazy(() =>
  import('./admin/AdminApp.tsx').then(async (m) => {
    await m.i18nReady;
    return m;
  }),
);
const survey = /^\/s\//.test(window.location.pathname);
const App = survey ? SurveyApp : AdminApp;
// The session check and the dashboard's reads start now, while the admin app's code is still arriving.
if (!survey) prefetch(window.location.pathname, window.location.search);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BootBoundary>
      <Suspense fallback={<Booting />}>
        <App />
      </Suspense>
    </BootBoundary>
  </StrictMode>,
);
