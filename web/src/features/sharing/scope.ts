import { useSearchParams } from 'react-router';
import { isConsortiumStaff } from '../../api/enums.ts';
import { useSession } from '../accounts/session.tsx';
import { canUseSharing } from './values.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whose queues, policy and analytics a sharing page shows. Library staff always see their own library.
 * Consortium staff belong to no library: they pick one, kept in the address (`?libraryId=`) so the view
 * survives a reload and can be shared; the server accepts any library from them and refuses (403) a
 * library's staff asking for another library.
 */
export function useSharingScope() {
  const { user } = useSession();
  const [params] = useSearchParams();
  const own = canUseSharing(user) ? user!.organization.id : null;
  const consortium = !own && !!user && isConsortiumStaff(user.role);
  const picked = consortium ? (params.get('libraryId') ?? '') : '';
  const libraryId = own ?? (UUID.test(picked) ? picked : null);
  /** A link within the sharing pages that keeps the consortium's chosen library. */
  const keep = (path: string) =>
    consortium && libraryId
      ? `${path}${path.includes('?') ? '&' : '?'}libraryId=${encodeURIComponent(libraryId)}`
      : path;
  return { libraryId, consortium, keep };
}
