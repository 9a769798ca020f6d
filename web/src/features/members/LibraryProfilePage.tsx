import { Link } from 'react-router';
import { useI18n } from '../../i18n/context.tsx';
import { NoValue } from '../../ui/NoValue.tsx';
import { usePageTitle } from '../../ui/Page.tsx';
import { useLibrary } from './LibraryLayout.tsx';
import { Address, ClosureDates, HoursTable } from './LibraryParts.tsx';

export function LibraryProfilePage() {
  const { t, fmt, locale } = useI18n();
  const { profile } = useLibrary();
  usePageTitle(profile.name);
  const preferred = locale === 'es' ? profile.descriptionEs : profile.descriptionEn;
  const fallback = locale === 'es' ? profile.descriptionEn : profile.descriptionEs;
  const description = preferred || fallback;
  const descriptionLang = preferred ? undefined : locale === 'es' ? 'en' : 'es';
  const value = (v: number | null) => (v === null ? <NoValue /> : fmt.number(v));

  return (
    <div className="profile">
      {profile.can.edit ? (
        <p className="actions-row">
          <Link className="button" to={`/members/${profile.id}/edit`}>
            {t('library.editProfile')}
          </Link>
        </p>
      ) : null}

      <div className="profile__grid">
        <section aria-labelledby="profile-about" className="section">
          <h2 id="profile-about">{t('library.about')}</h2>
          {description ? <p lang={descriptionLang}>{description}</p> : <p>{t('library.noDescription')}</p>}
          <dl className="summary-list">
            <div>
              <dt>{t('field.region')}</dt>
              <dd>{profile.region}</dd>
            </div>
            {profile.libraryType === 'academic' || profile.studentFte !== null ? (
              <div>
                <dt>{t('field.studentFte')}</dt>
                <dd>{value(profile.studentFte)}</dd>
              </div>
            ) : (
              <div>
                <dt>{t('field.populationServed')}</dt>
                <dd>{value(profile.populationServed)}</dd>
              </div>
            )}
            <div>
              <dt>{t('field.collectionSize')}</dt>
              <dd>{value(profile.collectionSize)}</dd>
            </div>
            <div>
              <dt>{t('library.memberSince')}</dt>
              <dd>{profile.joinedOn ? fmt.date(profile.joinedOn) : <NoValue />}</dd>
            </div>
          </dl>
        </section>

        <section aria-labelledby="profile-contact" className="section">
          <h2 id="profile-contact">{t('library.contact')}</h2>
          <dl className="summary-list">
            <div>
              <dt>{t('field.streetAddress')}</dt>
              <dd>
                <Address address={profile.streetAddress} />
              </dd>
            </div>
            <div>
              <dt>{t('field.website')}</dt>
              <dd>{profile.website ? <a href={profile.website}>{profile.website}</a> : <NoValue />}</dd>
            </div>
            <div>
              <dt>{t('field.phone')}</dt>
              <dd>
                {profile.phone ? (
                  <a href={`tel:${profile.phone.replace(/[^\d+]/g, '')}`}>{profile.phone}</a>
                ) : (
                  <NoValue />
                )}
              </dd>
            </div>
            <div>
              <dt>{t('field.email')}</dt>
              <dd>{profile.email ? <a href={`mailto:${profile.email}`}>{profile.email}</a> : <NoValue />}</dd>
            </div>
          </dl>
        </section>
      </div>

      <section aria-labelledby="profile-hours" className="section">
        <h2 id="profile-hours">{t('library.hours')}</h2>
        <HoursTable profile={profile} />
      </section>

      <section aria-labelledby="profile-closures" className="section">
        <h2 id="profile-closures">{t('library.closures')}</h2>
        {profile.closures.length ? (
          <ul className="plain-list closure-list">
            {profile.closures.map((c) => (
              <li key={c.id}>
                <strong>
                  <ClosureDates startsOn={c.startsOn} endsOn={c.endsOn} />
                </strong>{' '}
                – {c.reason}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('library.noClosures')}</p>
        )}
      </section>

      {profile.shipping ? (
        <section aria-labelledby="profile-shipping" className="section section--members">
          <h2 id="profile-shipping">{t('library.shipping')}</h2>
          <p className="muted">{t('library.shippingNote')}</p>
          <dl className="summary-list">
            <div>
              <dt>{t('field.shippingAddress')}</dt>
              <dd>
                <Address address={profile.shipping.address} />
              </dd>
            </div>
            <div>
              <dt>{t('field.courierStop')}</dt>
              <dd>{profile.shipping.courierStop ?? <NoValue />}</dd>
            </div>
          </dl>
        </section>
      ) : null}

      {profile.private ? (
        <section aria-labelledby="profile-private" className="section section--private">
          <h2 id="profile-private">{t('library.private')}</h2>
          <p className="muted">{t('library.privateNote')}</p>
          <dl className="summary-list">
            <div>
              <dt>{t('field.billingEmail')}</dt>
              <dd>{profile.private.billingEmail ?? <NoValue />}</dd>
            </div>
            <div>
              <dt>{t('library.activeStaff')}</dt>
              <dd>{fmt.number(profile.private.staffCount)}</dd>
            </div>
            <div>
              <dt>{t('field.internalNotes')}</dt>
              <dd className="pre-wrap">{profile.private.internalNotes || <NoValue />}</dd>
            </div>
          </dl>
        </section>
      ) : null}
    </div>
  );
}
