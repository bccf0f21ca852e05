import type { AuditEntry } from '../../../../shared/admin-audit.ts';
import type { AdminKey } from '../admin-common/use-admin-t.ts';
import { useAdminT } from '../admin-common/use-admin-t.ts';

const ACTION_KEYS: Record<string, AdminKey> = {
  'auth.login': 'admin.audit.action.login',
  'auth.login_failed': 'admin.audit.action.loginFailed',
  'auth.logout': 'admin.audit.action.logout',
  'user.create': 'admin.audit.action.userCreate',
  'user.update': 'admin.audit.action.userUpdate',
  'session.revoke': 'admin.audit.action.sessionRevoke',
  'phase.setStatus': 'admin.audit.action.phaseSetStatus',
  'phase.setProgress': 'admin.audit.action.phaseSetProgress',
  'note.add': 'admin.audit.action.noteAdd',
  'plan.import': 'admin.audit.action.planImport',
  'plan.approve': 'admin.audit.action.planApprove',
  'ente.setSettings': 'admin.audit.action.enteSetSettings',
  'area.add': 'admin.audit.action.areaAdd',
  'area.update': 'admin.audit.action.areaUpdate',
  'area.remove': 'admin.audit.action.areaRemove',
  'objective.add': 'admin.audit.action.objectiveAdd',
  'objective.update': 'admin.audit.action.objectiveUpdate',
  'objective.remove': 'admin.audit.action.objectiveRemove',
  'objective.replace': 'admin.audit.action.objectiveReplace',
  'phase.add': 'admin.audit.action.phaseAdd',
  'phase.update': 'admin.audit.action.phaseUpdate',
  'phase.remove': 'admin.audit.action.phaseRemove',
  'amendment.setAct': 'admin.audit.action.amendmentSetAct',
};

const ENTITIES = [
  'user',
  'session',
  'plan',
  'area',
  'objective',
  'phase',
  'note',
  'amendment',
  'ente',
] as const;

function isEntity(entity: string): entity is (typeof ENTITIES)[number] {
  return (ENTITIES as readonly string[]).includes(entity);
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 1);
}

/** The entries, newest first: when, who, what, on which entity, and the values before and after. */
export function AuditTable({ entries, names }: { entries: AuditEntry[]; names: Map<string, string> }) {
  const { t, locale } = useAdminT();
  const short = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('admin.audit.tableLabel')}>
      <table className="admin-table audit-table">
        <thead>
          <tr>
            <th scope="col">{t('admin.audit.when')}</th>
            <th scope="col">{t('admin.audit.who')}</th>
            <th scope="col">{t('admin.audit.action')}</th>
            <th scope="col">{t('admin.audit.object')}</th>
            <th scope="col">{t('admin.audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const key = ACTION_KEYS[e.action];
            return (
              <tr key={e.id}>
                <td>{short.format(Date.parse(e.at))}</td>
                <td>{e.userId === null ? '—' : (names.get(e.userId) ?? e.userId)}</td>
                <td>{key ? t(key) : e.action}</td>
                <td>
                  {e.entity === null
                    ? '—'
                    : isEntity(e.entity)
                      ? t(`admin.audit.entity.${e.entity}`)
                      : e.entity}
                  {e.entityId !== null && (
                    <span className="muted small admin-sub">
                      {e.entity === 'user' ? (names.get(e.entityId) ?? e.entityId) : e.entityId}
                    </span>
                  )}
                </td>
                <td>
                  {e.before === null && e.after === null ? (
                    '—'
                  ) : (
                    <details>
                      <summary>{t('admin.audit.show')}</summary>
                      {e.before !== null && (
                        <>
                          <p className="small">{t('admin.audit.before')}</p>
                          <pre>{json(e.before)}</pre>
                        </>
                      )}
                      {e.after !== null && (
                        <>
                          <p className="small">{t('admin.audit.after')}</p>
                          <pre>{json(e.after)}</pre>
                        </>
                      )}
                    </details>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
