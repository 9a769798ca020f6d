import { useState } from 'react';
import { membersApi, type Person } from '../../api/members.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { Alert } from '../../ui/Alert.tsx';
import { Badge, statusTone } from '../../ui/Badge.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { NoValue } from '../../ui/NoValue.tsx';
import { usePageTitle } from '../../ui/Page.tsx';
import { useLibrary } from './LibraryLayout.tsx';
import { NotAllowed } from './LibraryNotices.tsx';
import { PersonEditor } from './PersonEditor.tsx';
import { TableWrap } from '../../ui/TableWrap.tsx';

export function PeoplePage() {
  const { t, fmt, tp } = useI18n();
  const { profile, insider } = useLibrary();
  const people = useResource(insider ? `people:${profile.id}` : null, (signal) =>
    membersApi.people(profile.id, signal),
  );
  const [editing, setEditing] = useState<Person | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  usePageTitle(`${t('library.section.people')} – ${profile.name}`);
  if (!insider) return <NotAllowed title={t('library.section.people')} text={t('people.notAllowed')} />;

  const manage = profile.can.managePeople;
  const close = (person: Person) => {
    setEditing(null);
    document.getElementById(`change-${person.id}`)?.focus();
  };

  return (
    <section aria-labelledby="people-title" className="section">
      <h2 id="people-title">{t('library.section.people')}</h2>
      {saved ? <Alert variant="success" live="status" title={saved} /> : null}
      {people.error ? <LoadError error={people.error} onRetry={people.reload} /> : null}
      {!people.data && !people.error ? <Loading /> : null}
      {people.data ? (
        <>
          <p>{tp('people.count', people.data.items.length)}</p>
          <TableWrap label={t('people.caption', { name: profile.name })}>
            <table className="table">
              <caption>{t('people.caption', { name: profile.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('field.name')}</th>
                  <th scope="col">{t('field.jobTitle')}</th>
                  <th scope="col">{t('field.role')}</th>
                  <th scope="col">{t('field.capabilities')}</th>
                  <th scope="col">{t('field.accountStatus')}</th>
                  <th scope="col">{t('people.lastSignIn')}</th>
                  {manage ? (
                    <th scope="col">
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {people.data.items.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      {p.displayName}
                      <span className="cell-note">{p.email}</span>
                    </th>
                    <td>{p.jobTitle || <NoValue />}</td>
                    <td>{t(`role.${p.role}`)}</td>
                    <td>
                      {p.role === 'library_staff'
                        ? p.capabilities.length
                          ? fmt.list(p.capabilities.map((c) => t(`capability.${c}`)))
                          : t('people.noCapabilities')
                        : t('people.allCapabilities')}
                    </td>
                    <td>
                      <Badge tone={statusTone(p.status)}>{t(`personStatus.${p.status}`)}</Badge>
                    </td>
                    <td>{p.lastLoginAt ? fmt.dateTime(p.lastLoginAt) : t('people.never')}</td>
                    {manage ? (
                      <td className="actions-cell">
                        <button
                          id={`change-${p.id}`}
                          type="button"
                          className="button button--secondary button--small"
                          aria-expanded={editing?.id === p.id}
                          onClick={() => {
                            setSaved(null);
                            setEditing(p);
                          }}
                        >
                          {t('people.change')}
                          <span className="visually-hidden"> {p.displayName}</span>
                        </button>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      ) : null}
      {editing ? (
        <PersonEditor
          key={`${editing.id}:${editing.version}`}
          libraryId={profile.id}
          kind={profile.kind}
          person={editing}
          onCancel={() => close(editing)}
          onSaved={(updated) => {
            people.setData({
              items: (people.data?.items ?? []).map((x) => (x.id === updated.id ? updated : x)),
            });
            setSaved(t('people.saved', { name: updated.displayName }));
            close(updated);
          }}
          onStale={() => {
            setEditing(null);
            people.reload();
          }}
        />
      ) : null}
    </section>
  );
}
