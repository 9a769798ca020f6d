import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { learningApi } from '../../api/learning.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/context.tsx';
import { errorMessage } from '../../i18n/errors.ts';
import { Alert } from '../../ui/Alert.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { Page } from '../../ui/Page.tsx';
import { titleOf } from './labels.ts';

/** The page the cancellation link in a confirmation email opens: no sign-in, one confirming button. */
export function CancelPage() {
  const { token = '' } = useParams();
  const { t, locale } = useI18n();
  const info = useResource(`cancel:${token}`, (signal) => learningApi.cancelInfo(token, signal));
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const title = t('learning.cancel.title');
  if (info.error)
    return (
      <Page title={title} narrow>
        <LoadError error={info.error} />
      </Page>
    );
  if (!info.data)
    return (
      <Page title={title} narrow>
        <Loading />
      </Page>
    );
  const eventTitle = titleOf(locale, { titleEn: info.data.eventTitleEn, titleEs: info.data.eventTitleEs });
  return (
    <Page title={title} narrow>
      <p>{t('learning.cancel.event', { title: eventTitle })}</p>
      {failure ? (
        <Alert variant="error" live="alert">
          {errorMessage(failure, locale)}
        </Alert>
      ) : null}
      {done || info.data.status === 'cancelled' ? (
        <Alert variant="success" live="status">
          {t('learning.cancel.done')}
        </Alert>
      ) : (
        <button
          type="button"
          className="button button--danger"
          onClick={async () => {
            try {
              await learningApi.cancelByToken(token);
              setDone(true);
            } catch (error) {
              setFailure(error);
            }
          }}
        >
          {t('learning.cancel.confirm')}
        </button>
      )}
      <p>
        <Link to="/learning">{t('learning.mine.browse')}</Link>
      </p>
    </Page>
  );
}
