import type { MessageKey } from '../../i18n/en.ts';

/** The audit actions the server writes today, with their label; unknown ones are shown as written. */
export const AUDIT_ACTIONS: Array<{
  group: MessageKey;
  prefix: string;
  actions: Array<[string, MessageKey]>;
}> = [
  {
    group: 'audit.group.auth',
    prefix: 'auth.',
    actions: [
      ['auth.login', 'audit.action.auth.login'],
      ['auth.login_failed', 'audit.action.auth.login_failed'],
      ['auth.login_throttled', 'audit.action.auth.login_throttled'],
      ['auth.logout', 'audit.action.auth.logout'],
      ['auth.password_changed', 'audit.action.auth.password_changed'],
      ['auth.password_reset_requested', 'audit.action.auth.password_reset_requested'],
      ['auth.password_reset_unknown', 'audit.action.auth.password_reset_unknown'],
      ['auth.password_reset_completed', 'audit.action.auth.password_reset_completed'],
    ],
  },
  {
    group: 'audit.group.library',
    prefix: 'library.',
    actions: [
      ['library.updated', 'audit.action.library.updated'],
      ['library.hours_updated', 'audit.action.library.hours_updated'],
      ['library.closure_added', 'audit.action.library.closure_added'],
      ['library.closure_removed', 'audit.action.library.closure_removed'],
      ['library.status_changed', 'audit.action.library.status_changed'],
    ],
  },
  {
    group: 'audit.group.people',
    prefix: 'people.',
    actions: [
      ['people.invited', 'audit.action.people.invited'],
      ['people.invitation_revoked', 'audit.action.people.invitation_revoked'],
      ['people.invitation_accepted', 'audit.action.people.invitation_accepted'],
      ['people.role_changed', 'audit.action.people.role_changed'],
    ],
  },
];

const labels = new Map(AUDIT_ACTIONS.flatMap((g) => g.actions));
export const auditActionLabel = (action: string): MessageKey | undefined => labels.get(action);
