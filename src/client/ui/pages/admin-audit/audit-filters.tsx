import { useId, useState, type FormEvent } from 'react';
import { useAdminT } from '../admin-common/use-admin-t.ts';
import { NO_FILTERS, type AuditFilters } from './audit-query.ts';

/** The entities entries name; the id narrows to one (an objective, a phase, a user…). */
const ENTITIES = ['user', 'session', 'plan', 'area', 'objective', 'phase', 'note'] as const;

/** Filters by user, entity and id, and dates; applied on "Filtra", cleared on "Azzera". */
export function AuditFiltersForm({
  users,
  onApply,
}: {
  users: { id: string; name: string }[];
  onApply: (filters: AuditFilters) => void;
}) {
  const { t } = useAdminT();
  const id = useId();
  const [draft, setDraft] = useState<AuditFilters>(NO_FILTERS);
  const [error, setError] = useState<string | null>(null);
  const set = (field: keyof AuditFilters, value: string) => setDraft({ ...draft, [field]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.from && draft.to && draft.to < draft.from) {
      setError(t('admin.audit.datesReversed'));
      document.getElementById(`${id}-to`)?.focus();
      return;
    }
    setError(null);
    onApply(draft);
  };
  return (
    <form className="card admin-filters" onSubmit={submit} noValidate aria-label={t('admin.audit.filters')}>
      <div className="admin-filter-grid">
        <div className="field">
          <label htmlFor={`${id}-user`}>{t('admin.audit.user')}</label>
          <select
            id={`${id}-user`}
            className="select"
            value={draft.userId}
            onChange={(e) => set('userId', e.target.value)}
          >
            <option value="">{t('admin.audit.anyone')}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-entity`}>{t('admin.audit.entity')}</label>
          <select
            id={`${id}-entity`}
            className="select"
            value={draft.entity}
            onChange={(e) => set('entity', e.target.value)}
          >
            <option value="">{t('admin.audit.anyEntity')}</option>
            {ENTITIES.map((e) => (
              <option key={e} value={e}>
                {t(`admin.audit.entity.${e}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-entityId`}>{t('admin.audit.entityId')}</label>
          <input
            id={`${id}-entityId`}
            className="input"
            autoComplete="off"
            spellCheck={false}
            value={draft.entityId}
            aria-describedby={`${id}-entityId-hint`}
            onChange={(e) => set('entityId', e.target.value)}
          />
          <p id={`${id}-entityId-hint`} className="hint">
            {t('admin.audit.entityIdHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('admin.audit.from')}</label>
          <input
            id={`${id}-from`}
            className="input"
            type="date"
            value={draft.from}
            onChange={(e) => set('from', e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('admin.audit.to')}</label>
          <input
            id={`${id}-to`}
            className="input"
            type="date"
            value={draft.to}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-to-error` : undefined}
            onChange={(e) => set('to', e.target.value)}
          />
          {error && (
            <p id={`${id}-to-error`} className="field-error">
              {error}
            </p>
          )}
        </div>
      </div>
      <div className="button-row">
        <button type="submit" className="btn">
          {t('admin.audit.apply')}
        </button>
        <button
          type="button"
          className="btn btn-outline"
          onClick={() => {
            setDraft(NO_FILTERS);
            setError(null);
            onApply(NO_FILTERS);
          }}
        >
          {t('admin.audit.clear')}
        </button>
      </div>
    </form>
  );
}
