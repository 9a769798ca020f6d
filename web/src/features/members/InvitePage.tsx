import { useState } from 'react';
import { Link } from 'react-router';
import { accountsApi, type Invitation } from '../../api/accounts.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { errorMessage } from '../../i18n/errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { usePageTitle } from '../../ui/Page.tsx';
import { useMailboxEnabled } from '../admin/useMailboxEnabled.ts';
import { InviteForm } from './InviteForm.tsx';
import { useLibrary } from './LibraryLayout.tsx';
import { NotAllowed } from './LibraryNotices.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';

export function InvitePage() {
  const { t, fmt, locale } = useI18n();
  const { profile } = useLibrary();
  const mailbox = useMailboxEnabled();
  const manage = profile.can.managePeople;
  const list = useResource(manage ? `invitations:${profile.id}` : null, (signal) =>
    accountsApi.invitations(profile.id, signal),
  );
  const [message, setMessage] = useState<{ ok: boolean; text: string; mailbox?: boolean } | null>(null);
  usePageTitle(`${t('library.section.invite')} – ${profile.name}`);
  if (!manage) return <NotAllowed title={t('library.section.invite')} text={t('invite.notAllowed')} />;

  const revoke = async (invitation: Invitation) => {
    try {
      await accountsApi.revokeInvitation(profile.id, invitation.id);
      setMessage({ ok: true, text: t('invite.revoked', { email: invitation.email }) });
      list.reload();
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error, locale) });
    }
    document.getElementById('pending-title')?.focus();
  };

  return (
    <>
      <InviteForm
        libraryId={profile.id}
        kind={profile.kind}
        onInvited={(invitation) => {
          setMessage({ ok: true, text: t('invite.sent', { email: invitation.email }), mailbox: true });
          list.reload();
        }}
      />
      <section aria-labelledby="pending-title" className="section">
        <h2 id="pending-title" tabIndex={-1}>
          {t('invite.pendingTitle')}
        </h2>
        {message ? (
          <Alert
            variant={message.ok ? 'success' : 'error'}
            live={message.ok ? 'status' : 'alert'}
            title={message.text}
          >
            {message.mailbox && mailbox ? (
              <p>
                <Link to="/dev/mailbox">{t('invite.openMailbox')}</Link>
              </p>
            ) : null}
          </Alert>
        ) : null}
        {list.error ? <LoadError error={list.error} onRetry={list.reload} /> : null}
        {!list.data && !list.error ? <Loading /> : null}
        {list.data && !list.data.items.length ? <p>{t('invite.nonePending')}</p> : null}
        {list.data?.items.length ? (
          <TableWrap label={t('invite.pendingCaption')}>
            <table className="table">
              <caption>{t('invite.pendingCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('field.email')}</th>
                  <th scope="col">{t('field.role')}</th>
                  <th scope="col">{t('invite.sentOn')}</th>
                  <th scope="col">{t('invite.expires')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((inv) => (
                  <tr key={inv.id}>
                    <th scope="row">{inv.email}</th>
                    <td>
                      {t(`role.${inv.role}`)}
                      {inv.capabilities.length ? (
                        <span className="cell-note">
                          {fmt.list(inv.capabilities.map((c) => t(`capability.${c}`)))}
                        </span>
                      ) : null}
                    </td>
                    <td>{fmt.dateTime(inv.createdAt)}</td>
                    <td>{fmt.dateTime(inv.expiresAt)}</td>
                    <td className="actions-cell">
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => void revoke(inv)}
                      >
                        {t('invite.revoke')}
                        <span className="visually-hidden"> {inv.email}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : null}
      </section>
    </>
  );
}
