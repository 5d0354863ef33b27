// Entry: the enterprise survey (/s/<token>) and the admin app are separate chunks, so an
// enterprise opening its link on a phone never downloads antd, charts or admin code.
// (Two lazy() calls, not one import in a ternary: each import must keep its own preload list.)
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BootBoundary, Booting } from './Boot.tsx';

const SurveyApp = lazy(() => import('./survey/SurveyApp.tsx'));
const AdminApp = lazy(() => import('./admin/AdminApp.tsx'));
const App = /^\/s\//.test(window.location.pathname) ? SurveyApp : AdminApp;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BootBoundary>
      <Suspense fallback={<Booting />}>
        <App />
      </Suspense>
    </BootBoundary>
  </StrictMode>,
);
