import { Link } from 'react-router';
import type { Me } from '../../api/accounts.ts';
import { isAdmin, isConsortiumStaff } from '../../api/enums.ts';
import { useI18n } from '../../i18n/context.tsx';
import { canLoad } from '../catalog/access.ts';
import { canUseSharing } from '../sharing/values.ts';

export function Shortcuts({ user }: { user: Me }) {
  const { t } = useI18n();
  const org = `/members/${user.organization.id}`;
  const canAdmin = user.role === 'library_admin' || isConsortiumStaff(user.role);
  return (
    <section aria-labelledby="dash-shortcuts" className="panel">
      <h2 id="dash-shortcuts">{t('dashboard.shortcuts')}</h2>
      <ul className="link-list">
        <li>
          <Link to="/members">{t('dashboard.shortcut.directory')}</Link>
        </li>
        <li>
          <Link to="/catalog">{t('catalog.shortcut.search')}</Link>
        </li>
        {canUseSharing(user) ? (
          <li>
            <Link to="/sharing">{t('ill.shortcut')}</Link>
          </li>
        ) : null}
        {canLoad(user) ? (
          <li>
            <Link to="/catalog/loads">{t('catalog.shortcut.loads')}</Link>
          </li>
        ) : null}
        {user.organization.kind !== 'partner' ? (
          <li>
            <Link to="/members/staff">{t('dashboard.shortcut.staff')}</Link>
          </li>
        ) : null}
        {canAdmin ? (
          <>
            <li>
              <Link to={`${org}/edit`}>{t('dashboard.shortcut.editLibrary')}</Link>
            </li>
            <li>
              <Link to={`${org}/hours`}>{t('dashboard.shortcut.hours')}</Link>
            </li>
            <li>
              <Link to={`${org}/invite`}>{t('dashboard.shortcut.invite')}</Link>
            </li>
          </>
        ) : null}
        {isAdmin(user.role) ? (
          <li>
            <Link to="/admin/audit">{t('dashboard.shortcut.audit')}</Link>
          </li>
        ) : null}
        <li>
          <Link to="/account">{t('dashboard.shortcut.settings')}</Link>
        </li>
      </ul>
    </section>
  );
}
