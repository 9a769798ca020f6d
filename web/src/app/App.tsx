import type { ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { LocaleProvider } from '../i18n/context.tsx';
import { SessionProvider } from '../features/accounts/session.tsx';
import { RequireAuth } from '../features/accounts/RequireAuth.tsx';
import { SignInPage } from '../features/accounts/SignInPage.tsx';
import { ForgotPasswordPage } from '../features/accounts/ForgotPasswordPage.tsx';
import { ResetPasswordPage } from '../features/accounts/ResetPasswordPage.tsx';
import { AcceptInvitationPage } from '../features/accounts/AcceptInvitationPage.tsx';
import { AccountSettingsPage } from '../features/accounts/AccountSettingsPage.tsx';
import { DashboardPage } from '../features/dashboard/DashboardPage.tsx';
import { DirectoryPage } from '../features/members/DirectoryPage.tsx';
import { StaffDirectoryPage } from '../features/members/StaffDirectoryPage.tsx';
import { LibraryLayout } from '../features/members/LibraryLayout.tsx';
import { LibraryProfilePage } from '../features/members/LibraryProfilePage.tsx';
import { LibraryEditPage } from '../features/members/LibraryEditPage.tsx';
import { HoursPage } from '../features/members/HoursPage.tsx';
import { ClosuresPage } from '../features/members/ClosuresPage.tsx';
import { StatusPage } from '../features/members/StatusPage.tsx';
import { PeoplePage } from '../features/members/PeoplePage.tsx';
import { InvitePage } from '../features/members/InvitePage.tsx';
import { AuditLogPage } from '../features/admin/AuditLogPage.tsx';
import { MailboxPage } from '../features/admin/MailboxPage.tsx';
import { CatalogPage } from '../features/catalog/CatalogPage.tsx';
import { AdvancedSearchPage } from '../features/catalog/AdvancedSearchPage.tsx';
import { RecordPage } from '../features/catalog/RecordPage.tsx';
import { LoadsPage } from '../features/catalog/LoadsPage.tsx';
import { LoadReportPage } from '../features/catalog/LoadReportPage.tsx';
import { LendingPage, SharingPage } from '../features/sharing/SharingPage.tsx';
import { NewRequestPage } from '../features/sharing/NewRequestPage.tsx';
import { RequestPage as SharingRequestPage } from '../features/sharing/RequestPage.tsx';
import { SlipsPage } from '../features/sharing/SlipsPage.tsx';
import { PolicyPage } from '../features/sharing/PolicyPage.tsx';
import { AnalyticsPage } from '../features/sharing/AnalyticsPage.tsx';
import { NotificationsPage } from '../features/sharing/NotificationsPage.tsx';
import { PartnersPage } from '../features/sharing/partners/PartnersPage.tsx';
import { PartnerFormPage } from '../features/sharing/partners/PartnerFormPage.tsx';
import { PatronPageSettingsPage } from '../features/sharing/patron/PatronPageSettingsPage.tsx';
import { PatronRequestPage } from '../features/sharing/patron/PatronRequestPage.tsx';
import { LearningPage } from '../features/learning/LearningPage.tsx';
import { EventPage } from '../features/learning/EventPage.tsx';
import { MyLearningPage } from '../features/learning/MyLearningPage.tsx';
import { TranscriptPage } from '../features/learning/TranscriptPage.tsx';
import { OrganisePage } from '../features/learning/OrganisePage.tsx';
import { EventFormPage } from '../features/learning/EventFormPage.tsx';
import { EventAdminPage } from '../features/learning/EventAdminPage.tsx';
import { CertificatePage } from '../features/learning/CertificatePage.tsx';
import { CancelPage } from '../features/learning/CancelPage.tsx';
import { CommunityPage } from '../features/community/CommunityPage.tsx';
import { DataPage } from '../features/data/DataPage.tsx';
import { ServicesPage } from '../features/services/ServicesPage.tsx';
import { Layout } from './Layout.tsx';
import { HomePage } from './HomePage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

const auth = (page: ReactNode) => <RequireAuth>{page}</RequireAuth>;

export function App() {
  return (
    <LocaleProvider>
      <SessionProvider>
        <BrowserRouter>
          <Routes>
            <Route element={<Layout />}>
              <Route index element={<HomePage />} />
              <Route path="sign-in" element={<SignInPage />} />
              <Route path="forgot-password" element={<ForgotPasswordPage />} />
              <Route path="reset-password" element={<ResetPasswordPage />} />
              <Route path="accept-invitation" element={<AcceptInvitationPage />} />
              <Route path="dashboard" element={auth(<DashboardPage />)} />
              <Route path="account" element={auth(<AccountSettingsPage />)} />
              <Route path="members" element={<DirectoryPage />} />
              <Route path="members/staff" element={auth(<StaffDirectoryPage />)} />
              <Route path="members/:libraryId" element={<LibraryLayout />}>
                <Route index element={<LibraryProfilePage />} />
                <Route path="edit" element={auth(<LibraryEditPage />)} />
                <Route path="hours" element={auth(<HoursPage />)} />
                <Route path="closures" element={auth(<ClosuresPage />)} />
                <Route path="status" element={auth(<StatusPage />)} />
                <Route path="people" element={auth(<PeoplePage />)} />
                <Route path="invite" element={auth(<InvitePage />)} />
              </Route>
              <Route path="admin/audit" element={auth(<AuditLogPage />)} />
              <Route path="dev/mailbox" element={<MailboxPage />} />
              <Route path="catalog" element={<CatalogPage />} />
              <Route path="catalog/advanced" element={<AdvancedSearchPage />} />
              <Route path="catalog/records/:clusterId" element={<RecordPage />} />
              <Route path="catalog/loads" element={auth(<LoadsPage />)} />
              <Route path="catalog/loads/:loadId" element={auth(<LoadReportPage />)} />
              <Route path="sharing" element={auth(<SharingPage />)} />
              <Route path="sharing/lending" element={auth(<LendingPage />)} />
              <Route path="sharing/requests/new" element={auth(<NewRequestPage />)} />
              <Route path="sharing/requests/:requestId" element={auth(<SharingRequestPage />)} />
              <Route path="sharing/slips" element={auth(<SlipsPage />)} />
              <Route path="sharing/policy" element={auth(<PolicyPage />)} />
              <Route path="sharing/analytics" element={auth(<AnalyticsPage />)} />
              <Route path="sharing/notifications" element={auth(<NotificationsPage />)} />
              <Route path="sharing/partners" element={auth(<PartnersPage />)} />
              <Route path="sharing/partners/new" element={auth(<PartnerFormPage />)} />
              <Route path="sharing/partners/:partnerId" element={auth(<PartnerFormPage />)} />
              <Route path="sharing/patron-page" element={auth(<PatronPageSettingsPage />)} />
              <Route path="request/:symbol" element={<PatronRequestPage />} />
              <Route path="learning" element={<LearningPage />} />
              <Route path="learning/events/:eventId" element={<EventPage />} />
              <Route path="learning/mine" element={auth(<MyLearningPage />)} />
              <Route path="learning/transcript" element={auth(<TranscriptPage />)} />
              <Route path="learning/organise" element={auth(<OrganisePage />)} />
              <Route path="learning/organise/new" element={auth(<EventFormPage />)} />
              <Route path="learning/organise/:eventId" element={auth(<EventAdminPage />)} />
              <Route path="learning/organise/:eventId/edit" element={auth(<EventFormPage />)} />
              <Route path="learning/certificates/:code" element={<CertificatePage />} />
              <Route path="learning/cancel/:token" element={<CancelPage />} />
              <Route path="community" element={<CommunityPage />} />
              <Route path="data" element={<DataPage />} />
              <Route path="services" element={<ServicesPage />} />
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </SessionProvider>
    </LocaleProvider>
  );
}
