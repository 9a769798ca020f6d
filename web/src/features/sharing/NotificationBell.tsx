import { Link, useLocation } from 'react-router';
import { sharingApi } from '../../api/sharing.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { useSession } from '../accounts/session.tsx';
import './sharing.css';

/** Header link to my notifications with the unread count (checked again on each page change). */
export function NotificationBell() {
  const { t, tp, fmt } = useI18n();
  const { user } = useSession();
  const { pathname } = useLocation();
  const list = useResource(
    user ? `bell:${user.id}:${pathname}` : null,
    // One item is enough: the bell shows the unread count only.
    (signal) => sharingApi.notifications({ page: 1, pageSize: 1 }, signal),
    {
      keepPrevious: true,
    },
  );
  if (!user) return null;
  const unread = list.data?.unread ?? 0;
  return (
    <Link to="/sharing/notifications" className="button button--header ill-bell">
      <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
        />
      </svg>
      <span className="visually-hidden">
        {t('ill.notifications.title')}: {tp('ill.notifications.unread', unread)}
      </span>
      <span aria-hidden="true">{fmt.number(unread)}</span>
    </Link>
  );
}
