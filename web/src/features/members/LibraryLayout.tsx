import { Link, Outlet, useLocation, useOutletContext, useParams } from 'react-router';
import { errorCode } from '../../api/client.ts';
import { isConsortiumStaff } from '../../api/enums.ts';
import { membersApi, type LibraryProfile } from '../../api/members.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Badge, statusTone } from '../../ui/Badge.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { Page, PageHeading } from '../../ui/Page.tsx';
import { SubNav, type SubNavItem } from '../../ui/SubNav.tsx';
import { useSession } from '../accounts/session.tsx';

export type LibraryContext = {
  profile: LibraryProfile;
  setProfile: (profile: LibraryProfile) => void;
  reload: () => void;
  /** The signed-in person works here or for the consortium (may see the roster). */
  insider: boolean;
};

export const useLibrary = () => useOutletContext<LibraryContext>();

const FLASHES = ['library.saved', 'hours.saved', 'statusChange.saved'] as const;
const isFlash = (key: string): key is (typeof FLASHES)[number] =>
  (FLASHES as readonly string[]).includes(key);

/** A library's pages: its name as the h1, the sections the visitor may use, then the section. */
export function LibraryLayout() {
  const { libraryId = '' } = useParams();
  const { t } = useI18n();
  const { user, status } = useSession();
  // Who is asking changes what the profile contains, so the viewer is part of the key.
  const key = status === 'loading' ? null : `library:${libraryId}:${user?.id ?? 'public'}`;
  const resource = useResource(key, (signal) => membersApi.profile(libraryId, signal));
  const profile = resource.data;
  const location = useLocation();
  const flash = (location.state as { flash?: string } | null)?.flash;

  if (!profile) {
    const missing =
      errorCode(resource.error) === 'NOT_FOUND' || errorCode(resource.error) === 'VALIDATION_FAILED';
    return (
      <Page title={missing ? t('library.notFound') : t('library.loadingTitle')}>
        {missing ? (
          <p>
            {t('library.notFoundText')} <Link to="/members">{t('library.backToDirectory')}</Link>
          </p>
        ) : resource.error ? (
          <LoadError error={resource.error} onRetry={resource.reload} />
        ) : (
          <Loading />
        )}
      </Page>
    );
  }

  const insider = Boolean(user && (user.organization.id === profile.id || isConsortiumStaff(user.role)));
  const base = `/members/${profile.id}`;
  const sections: SubNavItem[] = [{ to: base, label: t('library.section.profile') }];
  if (insider) sections.push({ to: `${base}/people`, label: t('library.section.people') });
  if (profile.can.managePeople) sections.push({ to: `${base}/invite`, label: t('library.section.invite') });
  if (profile.can.edit) {
    sections.push({ to: `${base}/edit`, label: t('library.section.edit') });
    sections.push({ to: `${base}/hours`, label: t('library.section.hours') });
    sections.push({ to: `${base}/closures`, label: t('library.section.closures') });
  }
  if (profile.can.changeStatus) sections.push({ to: `${base}/status`, label: t('library.section.status') });

  const context: LibraryContext = { profile, setProfile: resource.setData, reload: resource.reload, insider };
  return (
    <div className="page">
      <nav aria-label={t('breadcrumb.label')} className="breadcrumb">
        <ol>
          <li>
            <Link to="/members">{t('nav.members')}</Link>
          </li>
          <li>
            <span aria-current="page">{profile.name}</span>
          </li>
        </ol>
      </nav>
      <div className="library-head">
        <PageHeading>{profile.name}</PageHeading>
        <p className="library-head__meta">
          <span className="symbol">{profile.symbol}</span>
          <span>
            {profile.libraryType ? t(`libraryType.${profile.libraryType}`) : t(`kind.${profile.kind}`)}
          </span>
          <span>
            {profile.city}, {profile.state}
          </span>
          {profile.kind !== 'consortium' ? (
            <Badge tone={statusTone(profile.status)}>
              <span className="visually-hidden">{t('field.membershipStatus')}: </span>
              {t(`status.${profile.status}`)}
            </Badge>
          ) : null}
        </p>
      </div>
      {sections.length > 1 ? <SubNav label={t('library.sectionsLabel')} items={sections} /> : null}
      {flash && isFlash(flash) ? <Alert variant="success" live="status" title={t(flash)} /> : null}
      <Outlet context={context} />
    </div>
  );
}
