import type { Me } from '../../api/accounts.ts';

/** Mirrors the server: consortium staff, library admins, and library staff holding "learning". */
export const canOrganise = (user: Me | null) =>
  !!user &&
  (user.role === 'consortium_admin' ||
    user.role === 'consortium_staff' ||
    user.role === 'library_admin' ||
    (user.role === 'library_staff' && user.capabilities.includes('learning')));
