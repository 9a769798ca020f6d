import { useState } from 'react';
import { learningApi, type LearningEvent } from '../../api/learning.ts';
import { membersApi } from '../../api/members.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { errorMessage } from '../../i18n/errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { useSession } from '../accounts/session.tsx';

/** Library admins register a colleague of their own library (the server checks the same rule). */
export function ColleagueRegistration({ e, onDone }: { e: LearningEvent; onDone: () => void }) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const admin = user?.role === 'library_admin' && e.registrationOpen && e.status === 'published';
  const people = useResource(admin ? `people:${user.organization.id}` : null, (signal) =>
    membersApi.people(user!.organization.id, signal),
  );
  const [chosen, setChosen] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  if (!admin || !people.data) return null;
  const colleagues = people.data.items.filter((p) => p.status === 'active' && p.id !== user.id);
  if (!colleagues.length) return null;
  return (
    <section aria-labelledby="colleague-title" className="card">
      <h2 id="colleague-title">{t('learning.colleague.title')}</h2>
      <SelectField
        id="colleague"
        label={t('learning.colleague.person')}
        value={chosen}
        onChange={setChosen}
        options={[
          { value: '', label: t('learning.colleague.choose') },
          ...colleagues.map((p) => ({ value: p.id, label: p.displayName })),
        ]}
      />
      {failure ? (
        <Alert variant="error" live="alert">
          {errorMessage(failure, locale)}
        </Alert>
      ) : null}
      {result ? (
        <Alert variant="success" live="status">
          {result}
        </Alert>
      ) : null}
      <button
        type="button"
        className="button button--secondary"
        disabled={!chosen}
        onClick={async () => {
          setFailure(null);
          try {
            const reg = await learningApi.register(e.id, { userId: chosen, accommodation: '' });
            setResult(t(`learning.status.${reg.status}`));
            onDone();
          } catch (error) {
            setFailure(error);
          }
        }}
      >
        {t('learning.colleague.register')}
      </button>
    </section>
  );
}
