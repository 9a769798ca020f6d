import { useState, type FormEvent } from 'react';
import { catalogApi, type ClusterMember } from '../../api/catalog.ts';
import { useI18n } from '../../i18n/context.tsx';
import { errorMessage } from '../../i18n/errors.ts';
import { TextField } from '../../ui/Field.tsx';
import type { ClusterMessage } from './ClusterSection.tsx';

type Props = { clusterId: string; member: ClusterMember; onDone: (message: ClusterMessage) => void };

/** Split one record out of the cluster, after a confirmation with an optional note for the audit log. */
export function SplitAction({ clusterId, member, onDone }: Props) {
  const { t, locale } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const id = `split-${member.recordId}`;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await catalogApi.split(clusterId, member.recordId, note.trim());
      onDone({
        ok: true,
        text: t('catalog.split.done', { library: member.library.name }),
        link: { to: `/catalog/records/${result.cluster.id}`, label: t('catalog.split.openNew') },
      });
    } catch (error) {
      onDone({ ok: false, text: errorMessage(error, locale) });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  if (!confirming) {
    return (
      <p>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setConfirming(true)}
        >
          {t('catalog.split.start', { library: member.library.name })}
        </button>
      </p>
    );
  }
  return (
    <form className="confirm-box" onSubmit={(e) => void onSubmit(e)} aria-labelledby={`${id}-title`}>
      <p id={`${id}-title`} className="confirm-box__title">
        {t('catalog.split.confirm', { library: member.library.name })}
      </p>
      <TextField
        id={`${id}-note`}
        label={t('catalog.action.note')}
        optional
        value={note}
        onChange={setNote}
        maxLength={500}
      />
      <div className="confirm">
        <button type="submit" className="button button--danger button--small" disabled={busy} autoFocus>
          {busy ? t('common.saving') : t('catalog.split.submit')}
        </button>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setConfirming(false)}
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
