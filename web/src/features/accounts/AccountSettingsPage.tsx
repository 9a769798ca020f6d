import { useI18n } from '../../i18n/context.tsx';
import { Page } from '../../ui/Page.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';
import { SettingsForm } from './SettingsForm.tsx';
import { useSession } from './session.tsx';

export function AccountSettingsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  if (!user) return null;
  return (
    <Page title={t('settings.title')} lead={t('settings.lead', { email: user.email })}>
      <dl className="summary-list">
        <div>
          <dt>{t('field.organization')}</dt>
          <dd>{user.organization.name}</dd>
        </div>
        <div>
          <dt>{t('field.role')}</dt>
          <dd>{t(`role.${user.role}`)}</dd>
        </div>
        {user.capabilities.length ? (
          <div>
            <dt>{t('field.capabilities')}</dt>
            <dd>{user.capabilities.map((c) => t(`capability.${c}`)).join(', ')}</dd>
          </div>
        ) : null}
      </dl>
      <SettingsForm user={user} />
      <ChangePasswordForm />
    </Page>
  );
}
