import { useT } from '../../i18n/use-t.ts';
import { Icon } from './icons.tsx';

/** Another tab upgraded the database: this one must reload (nothing is lost, the data is in IndexedDB). */
export function DbBlocked() {
  const { t } = useT();
  return (
    <div className="alert alert-warning" role="alert">
      <Icon name="alert" />
      <div>
        <p>{t('app.dbBlocked')}</p>
        <button type="button" className="btn" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </button>
      </div>
    </div>
  );
}
