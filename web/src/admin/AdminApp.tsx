// The admin app: antd in the user's language, the session, and the role-guarded pages.
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes, useLocation } from 'react-router-dom';
import { initI18n } from '../i18n.ts';
import { adminResources, loadAdminEnglish, loadAdminNamespace } from '../locales/admin.ts';
import { AuthProvider } from './auth.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { FullPageSpin, RequireAuth, RequirePage } from './Guards.tsx';
import type { PageKey } from './access.ts';
import { HomeRoute } from './pages/dashboard/HomeRoute.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { useReducedMotion } from './reducedMotion.ts';
import { Shell } from './Shell.tsx';
import './admin.css';

/** The stored language's strings are in: main.tsx renders the app after this (English loads on demand). */
export const i18nReady = initI18n({
  resources: adminResources,
  defaultNS: 'common',
  lazy: { en: loadAdminEnglish },
  loadNamespace: loadAdminNamespace,
});

// Every page loads on demand: a leader opening the dashboard downloads neither the registries' forms,
// the date pickers and QR codes of other pages, nor recharts before the first screen is drawn.
const LoginPage = lazy(() => import('./pages/LoginPage.tsx').then((m) => ({ default: m.LoginPage })));
const AuditPage = lazy(() => import('./pages/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const DepartmentsPage = lazy(() => import('./pages/departments/DepartmentsPage.tsx').then((m) => ({ default: m.DepartmentsPage })));
const EnterprisesPage = lazy(() => import('./pages/enterprises/EnterprisesPage.tsx').then((m) => ({ default: m.EnterprisesPage })));
const ImportPage = lazy(() => import('./pages/import/ImportPage.tsx').then((m) => ({ default: m.ImportPage })));
const RoundCommentsPage = lazy(() => import('./pages/rounds/CommentsPage.tsx').then((m) => ({ default: m.RoundCommentsPage })));
const InvitationsPage = lazy(() => import('./pages/rounds/InvitationsPage.tsx').then((m) => ({ default: m.InvitationsPage })));
const OutboxPage = lazy(() => import('./pages/rounds/OutboxPage.tsx').then((m) => ({ default: m.OutboxPage })));
const LettersPage = lazy(() => import('./pages/rounds/LettersPage.tsx').then((m) => ({ default: m.LettersPage })));
const RoundDetailPage = lazy(() => import('./pages/rounds/RoundDetailPage.tsx').then((m) => ({ default: m.RoundDetailPage })));
const RoundsPage = lazy(() => import('./pages/rounds/RoundsPage.tsx').then((m) => ({ default: m.RoundsPage })));
const CasePage = lazy(() => import('./pages/rectification/CasePage.tsx').then((m) => ({ default: m.CasePage })));
const CasesPage = lazy(() => import('./pages/rectification/CasesPage.tsx').then((m) => ({ default: m.CasesPage })));
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage.tsx'));
const EscalationsPage = lazy(() => import('./pages/escalations/EscalationsPage.tsx'));
const ReportPage = lazy(() => import('./pages/report/ReportPage.tsx'));
const MyDepartmentPage = lazy(() => import('./pages/mydept/MyDepartmentPage.tsx'));
const PublicRoundsPage = lazy(() => import('./pages/public/PublicRoundsPage.tsx'));
const PublicRoundPage = lazy(() => import('./pages/public/PublicRoundPage.tsx'));
const AppealsPage = lazy(() => import('./pages/appeals/AppealsPage.tsx'));
const StandingsPage = lazy(() => import('./pages/points/StandingsPage.tsx'));
const LedgerPage = lazy(() => import('./pages/points/LedgerPage.tsx'));
const ReviewPage = lazy(() => import('./pages/points/ReviewPage.tsx'));
const ShortlistPage = lazy(() => import('./pages/points/ShortlistPage.tsx'));
const ShortlistPrintPage = lazy(() => import('./pages/points/ShortlistPrintPage.tsx'));
const PasswordPage = lazy(() => import('./pages/PasswordPage.tsx'));
const AccountsPage = lazy(() => import('./pages/accounts/AccountsPage.tsx'));
const RequestsPage = lazy(() => import('./pages/requests/RequestsPage.tsx'));
const CadreImportPage = lazy(() => import('./pages/points/CadreImportPage.tsx'));
const CadrePage = lazy(() => import('./pages/points/CadrePage.tsx'));
const lazyPage = (node: ReactNode) => <Suspense fallback={<FullPageSpin />}>{node}</Suspense>;
/** A page behind its role check (web/src/admin/access.ts). */
const gated = (page: PageKey, node: ReactNode) => <RequirePage page={page}>{node}</RequirePage>;

function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <LoginPage />
          </Suspense>
        }
      />
      {/* 公开通报: anyone, signed in or not. */}
      <Route
        path="/public"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <PublicRoundsPage />
          </Suspense>
        }
      />
      <Route
        path="/public/rounds/:id"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <PublicRoundPage />
          </Suspense>
        }
      />
      {/* Printable letters: signed in, but without the menu and header. */}
      <Route
        path="/rounds/:id/letters"
        element={
          <RequireAuth>
            <RequirePage page="invitations">{lazyPage(<LettersPage />)}</RequirePage>
          </RequireAuth>
        }
      />
      {/* 修改密码: without the menu, since a one-time password opens nothing else. */}
      <Route path="/password" element={<RequireAuth>{lazyPage(<PasswordPage />)}</RequireAuth>} />
      <Route
        path="/points/shortlist/print"
        element={
          <RequireAuth>
            <RequirePage page="pointsShortlist">{lazyPage(<ShortlistPrintPage />)}</RequirePage>
          </RequireAuth>
        }
      />
      <Route
        element={
          <RequireAuth>
            <Shell />
          </RequireAuth>
        }
      >
        <Route index element={<HomeRoute />} />
        <Route path="my-department" element={<RequirePage page="myDepartment">{lazyPage(<MyDepartmentPage />)}</RequirePage>} />
        <Route path="rectification" element={gated('rectification', <CasesPage />)} />
        <Route path="rectification/:id" element={gated('rectification', <CasePage />)} />
        <Route path="dashboard" element={<RequirePage page="dashboard">{lazyPage(<DashboardPage />)}</RequirePage>} />
        <Route path="escalations" element={<RequirePage page="escalations">{lazyPage(<EscalationsPage />)}</RequirePage>} />
        <Route path="requests" element={<RequirePage page="requests">{lazyPage(<RequestsPage />)}</RequirePage>} />
        <Route path="appeals" element={<RequirePage page="appeals">{lazyPage(<AppealsPage />)}</RequirePage>} />
        <Route path="report/:roundId" element={<RequirePage page="report">{lazyPage(<ReportPage />)}</RequirePage>} />
        <Route path="departments" element={gated('departments', <DepartmentsPage />)} />
        <Route path="enterprises" element={gated('enterprises', <EnterprisesPage />)} />
        <Route path="enterprises/import" element={gated('import', <ImportPage />)} />
        <Route path="accounts" element={<RequirePage page="accounts">{lazyPage(<AccountsPage />)}</RequirePage>} />
        <Route path="audit" element={gated('audit', <AuditPage />)} />
        <Route path="rounds" element={gated('rounds', <RoundsPage />)} />
        <Route path="rounds/:id" element={gated('rounds', <RoundDetailPage />)} />
        <Route path="rounds/:id/invitations" element={gated('invitations', <InvitationsPage />)} />
        <Route path="rounds/:id/outbox" element={gated('outbox', <OutboxPage />)} />
        {/* Like the round itself: admins, leaders and supervisors (heads read theirs on 本部门). */}
        <Route path="rounds/:id/comments" element={gated('rounds', <RoundCommentsPage />)} />
        <Route path="points" element={<RequirePage page="points">{lazyPage(<StandingsPage />)}</RequirePage>} />
        <Route path="points/ledger" element={<RequirePage page="pointsLedger">{lazyPage(<LedgerPage />)}</RequirePage>} />
        <Route path="points/review" element={<RequirePage page="pointsReview">{lazyPage(<ReviewPage />)}</RequirePage>} />
        <Route path="points/shortlist" element={<RequirePage page="pointsShortlist">{lazyPage(<ShortlistPage />)}</RequirePage>} />
        <Route path="points/import" element={<RequirePage page="pointsImport">{lazyPage(<CadreImportPage />)}</RequirePage>} />
        <Route path="points/cadres/:id" element={<RequirePage page="cadre">{lazyPage(<CadrePage />)}</RequirePage>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

/** The shell has its own boundary (its menu stays); this one covers the pages outside it (sign-in, letters). */
function PageBoundary({ children }: { children: ReactNode }) {
  return <ErrorBoundary resetKey={useLocation().pathname}>{children}</ErrorBoundary>;
}

export default function AdminApp() {
  const { i18n } = useTranslation();
  const reducedMotion = useReducedMotion();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1d4ed8', motion: !reducedMotion } }}>
      <AntApp>
        <BrowserRouter>
          <AuthProvider>
            <PageBoundary>
              <AppRoutes />
            </PageBoundary>
          </AuthProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
