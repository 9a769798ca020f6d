import { useState, type FormEvent } from 'react';
import { learningApi, type LearningEvent } from '../../api/learning.ts';
import { useI18n } from '../../i18n/context.tsx';
import { errorMessage } from '../../i18n/errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { CheckboxField, SelectField, TextField } from '../../ui/Field.tsx';

type Kind = LearningEvent['materials'][number]['kind'];
const KINDS: Kind[] = ['recording', 'slides', 'handout', 'link'];

/** Attach a recording, slides or a handout (usually after the event). */
export function MaterialsForm({ e, onSaved }: { e: LearningEvent; onSaved: () => void }) {
  const { t, locale } = useI18n();
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [kind, setKind] = useState<Kind>('recording');
  const [captioned, setCaptioned] = useState(true);
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setFailure(null);
    setSaved(false);
    try {
      const materials = [...e.materials, { title, url, kind, captioned }];
      await learningApi.update(e.organizer.id, e.id, { materials, version: e.version });
      setTitle('');
      setUrl('');
      setSaved(true);
      onSaved();
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <section aria-labelledby="materials-form-title">
      <h2 id="materials-form-title">{t('learning.materials.title')}</h2>
      {e.materials.length ? (
        <ul>
          {e.materials.map((m) => (
            <li key={m.url}>
              <a href={m.url}>{m.title}</a> ({t(`learning.material.${m.kind}`)})
            </li>
          ))}
        </ul>
      ) : null}
      <form onSubmit={submit} noValidate>
        <TextField id="material-title" label={t('learning.field.title')} value={title} onChange={setTitle} />
        <TextField
          id="material-url"
          type="url"
          label={t('learning.materials.url')}
          value={url}
          onChange={setUrl}
        />
        <SelectField
          id="material-kind"
          label={t('learning.materials.kind')}
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          options={KINDS.map((k) => ({ value: k, label: t(`learning.material.${k}`) }))}
        />
        <CheckboxField
          id="material-captioned"
          label={t('learning.materials.captioned')}
          checked={captioned}
          onChange={setCaptioned}
        />
        {failure ? (
          <Alert variant="error" live="alert">
            {errorMessage(failure, locale)}
          </Alert>
        ) : null}
        {saved ? (
          <Alert variant="success" live="status">
            {t('learning.admin.saved')}
          </Alert>
        ) : null}
        <button type="submit" className="button">
          {t('learning.materials.add')}
        </button>
      </form>
    </section>
  );
}
