import { useState, type FormEvent } from 'react';
import type { ApiError } from '../../api/client.ts';
import { sharingApi, type LookupResult } from '../../api/sharing.ts';
import { useI18n } from '../../i18n/context.tsx';
import { SelectField, TextField } from '../../ui/Field.tsx';
import { LiveRegion } from '../../ui/LiveRegion.tsx';
import { LoadError } from '../../ui/Loading.tsx';

type Kind = 'isbn' | 'issn' | 'oclc';

/**
 * Find catalog records by ISBN, ISSN or OCLC number. Picking one starts the request from it; the identifier
 * also goes into the citation, so a title the catalog lacks can still be requested by the blank form.
 */
export function LookupSection({
  onPick,
  onIdentifier,
}: {
  onPick: (clusterId: string) => void;
  onIdentifier: (kind: Kind, value: string) => void;
}) {
  const { t, tp } = useI18n();
  const [kind, setKind] = useState<Kind>('isbn');
  const [identifier, setIdentifier] = useState('');
  const [lookup, setLookup] = useState<LookupResult | null>(null);
  const [lookupError, setLookupError] = useState<ApiError | null>(null);
  // One lookup at a time: the button waits, and the live region says so (and announces each answer anew).
  const [busy, setBusy] = useState(false);
  const runLookup = async (event: FormEvent) => {
    event.preventDefault();
    if (!identifier.trim() || busy) return;
    setLookupError(null);
    setLookup(null);
    setBusy(true);
    try {
      setLookup(await sharingApi.lookup({ [kind]: identifier.trim() }));
    } catch (error) {
      setLookupError(error as ApiError);
    } finally {
      setBusy(false);
    }
    // Whatever is found, the identifier belongs to the citation too (a blank form can go out with it).
    onIdentifier(kind, identifier.trim());
  };

  return (
    <section aria-labelledby="ill-lookup" className="card">
      <h2 id="ill-lookup">{t('ill.new.lookupTitle')}</h2>
      <form className="filters" onSubmit={(e) => void runLookup(e)}>
        <SelectField
          id="lookup-kind"
          label={t('ill.new.lookupKind')}
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          options={(['isbn', 'issn', 'oclc'] as const).map((k) => ({
            value: k,
            label: t(`ill.field.${k}`),
          }))}
        />
        <TextField
          id="lookup-value"
          label={t('ill.new.lookupValue')}
          value={identifier}
          onChange={setIdentifier}
          width="medium"
          spellCheck={false}
        />
        <button type="submit" className="button" disabled={busy} aria-busy={busy}>
          {t('ill.new.lookupGo')}
        </button>
      </form>
      {lookupError ? <LoadError error={lookupError} /> : null}
      <LiveRegion>
        {busy
          ? t('ill.new.lookupBusy')
          : lookup
            ? lookup.items.length
              ? tp('ill.new.lookupFound', lookup.items.length)
              : t('ill.new.lookupNone')
            : ''}
      </LiveRegion>
      {lookup?.items.length ? (
        <ul className="link-list">
          {lookup.items.map((item) => (
            <li key={item.clusterId}>
              <strong>{item.title}</strong>
              {item.author ? ` — ${item.author}` : ''}
              {item.year ? ` (${item.year})` : ''} · {tp('ill.new.heldBy', item.libraryCount)}{' '}
              <button
                type="button"
                className="button button--secondary"
                onClick={() => {
                  setLookup(null);
                  onPick(item.clusterId);
                }}
              >
                {t('ill.new.useRecord')}
                <span className="visually-hidden">: {item.title}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
