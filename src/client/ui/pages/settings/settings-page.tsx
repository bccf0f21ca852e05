import { useState, useSyncExternalStore } from 'react';
import { version } from '../../../../../package.json';
import { LANGUAGES, isLanguage } from '../../../i18n/translate.ts';
import { useT } from '../../../i18n/use-t.ts';
import { Icon } from '../../components/icons.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import {
  isServiceWorkerControlling,
  subscribeServiceWorkerControl,
  serviceWorkerSupported,
} from '../../../pwa/offline-ready.ts';
import { useSession } from '../../hooks/use-session.ts';
import { useStorageInfo } from '../../hooks/use-storage-info.ts';
import { useSwUpdate } from '../../hooks/use-sw-update.ts';
import { PasswordForm } from './password-form.tsx';
import { ReminderSettingsSection } from './reminder-settings-section.tsx';
import '../detail.css';

const LANGUAGE_NAMES = { it: 'Italiano', en: 'English' } as const;

/**
 * Language, reminders, offline use (a service worker controls the page or has everything cached),
 * persistent storage and space used, app version, account and sign-out.
 */
export function SettingsPage() {
  const { t, tn, lang, setLanguage, bytes } = useT();
  const { user, signOut } = useSession();
  const { info, request } = useStorageInfo();
  const [blocked, setBlocked] = useState<number | null>(null);
  const controlled = useSyncExternalStore(subscribeServiceWorkerControl, isServiceWorkerControlling);
  const { offlineReady } = useSwUpdate();
  const offline = controlled || offlineReady;
  return (
    <>
      <PageTitle title={t('settings.title')}>{t('settings.title')}</PageTitle>

      <section className="card section" aria-labelledby="language-title">
        <h2 id="language-title">{t('settings.language')}</h2>
        <div className="field">
          <label htmlFor="language">{t('settings.languageLabel')}</label>
          <select
            id="language"
            className="select"
            value={lang}
            onChange={(event) => {
              if (isLanguage(event.target.value)) setLanguage(event.target.value);
            }}
          >
            {LANGUAGES.map((code) => (
              <option key={code} value={code} lang={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </select>
        </div>
      </section>

      <ReminderSettingsSection />

      <section className="card section" aria-labelledby="storage-title">
        <h2 id="storage-title">{t('settings.storage')}</h2>
        <p className="storage-state">
          {offline ? (
            <>
              <Icon name="check" /> {t('settings.offlineReady')}
            </>
          ) : serviceWorkerSupported() ? (
            <>
              <Icon name="alert" /> {t('settings.offlineNotReady')}
            </>
          ) : (
            t('settings.offlineUnsupported')
          )}
        </p>
        <p role="status" aria-live="polite" className="storage-state">
          {info === null ? (
            t('app.loading')
          ) : info.persisted === null ? (
            t('settings.persistUnsupported')
          ) : info.persisted ? (
            <>
              <Icon name="check" /> {t('settings.persisted')}
            </>
          ) : (
            <>
              <Icon name="alert" /> {t('settings.notPersisted')}
            </>
          )}
        </p>
        {info?.persisted === false && (
          <button type="button" className="btn btn-outline" onClick={() => void request()}>
            {t('settings.requestPersist')}
          </button>
        )}
        <p className="muted">
          {info && info.usage !== null && info.quota !== null
            ? t('settings.usage', { used: bytes(info.usage), quota: bytes(info.quota) })
            : t('settings.usageUnknown')}
        </p>
      </section>

      <section className="card section" aria-labelledby="account-title">
        <h2 id="account-title">{t('settings.account')}</h2>
        <p>
          {t('settings.signedInAs', {
            name: user.displayName,
            username: user.username,
            role: t(`role.${user.role}`),
          })}
        </p>
        <p className="muted small">{t('settings.signOutConfirm')}</p>
        <button
          type="button"
          className="btn btn-danger"
          onClick={() =>
            void signOut().then((r) => {
              setBlocked(r.ok ? null : r.pending);
            })
          }
        >
          {t('settings.signOut')}
        </button>
        <div role="alert">
          {blocked !== null && (
            <p className="alert alert-warning">{tn('settings.signOutBlocked', blocked)}</p>
          )}
        </div>
      </section>

      <PasswordForm />

      <section className="card section" aria-labelledby="version-title">
        <h2 id="version-title">{t('settings.version')}</h2>
        <p>{version}</p>
      </section>
    </>
  );
}
