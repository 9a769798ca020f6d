import { useState } from 'react';
import { membersApi } from '../../api/members.ts';
import { useI18n } from '../../i18n/context.tsx';
import { errorMessage } from '../../i18n/errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { usePageTitle } from '../../ui/Page.tsx';
import { AddClosureForm } from './AddClosureForm.tsx';
import { useLibrary } from './LibraryLayout.tsx';
import { NotAllowed } from './LibraryNotices.tsx';
import { ClosureDates } from './LibraryParts.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';

export function ClosuresPage() {
  const { t, locale } = useI18n();
  const { profile, reload } = useLibrary();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  usePageTitle(`${t('library.section.closures')} – ${profile.name}`);
  if (!profile.can.edit) return <NotAllowed title={t('library.section.closures')} />;

  const remove = async (id: string) => {
    try {
      await membersApi.removeClosure(profile.id, id);
      setMessage({ ok: true, text: t('closures.removed') });
      reload();
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error, locale) });
    } finally {
      setConfirming(null);
      document.getElementById('closures-title')?.focus();
    }
  };

  return (
    <>
      <section aria-labelledby="closures-title" className="section">
        <h2 id="closures-title" tabIndex={-1}>
          {t('library.section.closures')}
        </h2>
        <p>{t('closures.lead')}</p>
        {message ? (
          <Alert
            variant={message.ok ? 'success' : 'error'}
            live={message.ok ? 'status' : 'alert'}
            title={message.text}
          />
        ) : null}
        {profile.closures.length ? (
          <TableWrap label={t('closures.caption')}>
            <table className="table">
              <caption>{t('closures.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('closures.dates')}</th>
                  <th scope="col">{t('field.reason')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {profile.closures.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <ClosureDates startsOn={c.startsOn} endsOn={c.endsOn} />
                    </th>
                    <td>{c.reason}</td>
                    <td className="actions-cell">
                      {confirming === c.id ? (
                        <span
                          className="confirm"
                          role="group"
                          aria-label={t('closures.confirmLabel', { reason: c.reason })}
                        >
                          <button
                            type="button"
                            className="button button--danger button--small"
                            autoFocus
                            onClick={() => void remove(c.id)}
                          >
                            {t('closures.confirmRemove')}
                          </button>
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            onClick={() => setConfirming(null)}
                          >
                            {t('closures.keep')}
                          </button>
                        </span>
                      ) : (
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          onClick={() => setConfirming(c.id)}
                        >
                          {t('closures.remove')}
                          <span className="visually-hidden"> {c.reason}</span>
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : (
          <p>{t('library.noClosures')}</p>
        )}
      </section>
      <AddClosureForm
        libraryId={profile.id}
        onAdded={() => {
          setMessage({ ok: true, text: t('closures.added') });
          reload();
        }}
      />
    </>
  );
}
