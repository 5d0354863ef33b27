// The admin app: antd in the user's language, the session, and the role-guarded pages.
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { initI18n } from '../i18n.ts';
import { adminResources } from '../locales/admin.ts';
import { AuthProvider } from './auth.tsx';
import { RequireAuth, RequirePage } from './Guards.tsx';
import { AuditPage } from './pages/audit/AuditPage.tsx';
import { DepartmentsPage } from './pages/departments/DepartmentsPage.tsx';
import { EnterprisesPage } from './pages/enterprises/EnterprisesPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { ImportPage } from './pages/import/ImportPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { Shell } from './Shell.tsx';

initI18n(adminResources, 'common');

function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<RequireAuth><Shell /></RequireAuth>}>
        <Route index element={<HomePage />} />
        <Route path="departments" element={<RequirePage page="departments"><DepartmentsPage /></RequirePage>} />
        <Route path="enterprises" element={<RequirePage page="enterprises"><EnterprisesPage /></RequirePage>} />
        <Route path="enterprises/import" element={<RequirePage page="import"><ImportPage /></RequirePage>} />
        <Route path="audit" element={<RequirePage page="audit"><AuditPage /></RequirePage>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

export default function AdminApp() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider locale={i18n.language === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1d4ed8' } }}>
      <AntApp>
        <BrowserRouter>
          <AuthProvider>
            <AppRoutes />
          </AuthProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
