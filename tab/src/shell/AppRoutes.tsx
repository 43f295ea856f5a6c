/** Every view by URL, each a lazy chunk. The landing page depends on the user's roles. */
import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { MyWorkView } from '../features/my-work/view';
import { AppShell } from './AppShell';
import { navFor } from './nav';
import { useSession } from './session';

const IntakePage = lazy(() => import('../features/intake/IntakePage'));
const CasePage = lazy(() => import('../features/cases/CasePage'));
const SapPage = lazy(() => import('../features/sap/SapPage'));
const DecisionsPage = lazy(() => import('../features/decisions/DecisionsPage'));
const QueuesPage = lazy(() => import('../features/queue/QueuesPage'));
const ProvidersPage = lazy(() => import('../features/providers/ProvidersPage'));
const CriteriaPage = lazy(() => import('../features/criteria/CriteriaPage'));
const NoticesPage = lazy(() => import('../features/notices/NoticesPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const ReportsPage = lazy(() => import('../features/reports/ReportsView'));
const ConfigurePage = lazy(() => import('../features/configure/ConfigurePage'));
const NotFoundPage = lazy(() => import('../features/not-found/NotFoundPage'));

function Landing() {
  const session = useSession();
  const first = navFor(session.hasRole)[0];
  return <Navigate to={first?.path ?? '/notices'} replace />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/configure" element={<ConfigurePage />} />
      <Route
        path="*"
        element={
          <AppShell>
            <Routes>
              <Route index element={<Landing />} />
              <Route path="my-work" element={<MyWorkView />} />
              <Route path="intake" element={<IntakePage />} />
              <Route path="cases/:caseId" element={<CasePage />} />
              <Route path="cases/:caseId/:tab" element={<CasePage />} />
              <Route path="sap" element={<SapPage />} />
              <Route path="sap/:meetingId" element={<SapPage />} />
              <Route path="decisions" element={<DecisionsPage />} />
              <Route path="decisions/:decisionId" element={<DecisionsPage />} />
              <Route path="queues" element={<QueuesPage />} />
              <Route path="providers" element={<ProvidersPage />} />
              <Route path="criteria" element={<CriteriaPage />} />
              <Route path="notices" element={<NoticesPage />} />
              <Route path="reports" element={<ReportsPage />} />
              <Route path="audit" element={<AuditPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Routes>
          </AppShell>
        }
      />
    </Routes>
  );
}
