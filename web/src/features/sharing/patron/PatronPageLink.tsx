import { Link } from 'react-router';
import { useI18n } from '../../../i18n/context.tsx';

/** From the lending policy page to the same library's patron request page settings. */
export function PatronPageLink({ libraryId }: { libraryId: string }) {
  const { t } = useI18n();
  return (
    <p>
      <Link to={`/sharing/patron-page?libraryId=${encodeURIComponent(libraryId)}`}>
        {t('illPatron.settings.link')}
      </Link>
    </p>
  );
}
