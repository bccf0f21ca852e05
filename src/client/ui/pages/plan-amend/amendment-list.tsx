import { useState } from 'react';
import { Link } from '../../components/link.tsx';
import { useSession } from '../../hooks/use-session.ts';
import { paths } from '../../router/routes.ts';
import { describeAct, describeFields } from './describe-change.ts';
import { entityLabel } from './entity-label.ts';
import { SetActForm } from './set-act-form.tsx';
import type { AmendmentsData } from './use-amendments.ts';
import { useAmendT } from './use-amend-t.ts';
import './plan-amend.css';

/**
 * The register: each amendment with what it changed (before → after per field, in words), its
 * motivation, its act or "atto da adottare" (with, for the admin, the control to set it), who and
 * when; those still on this device alone are marked as waiting to sync.
 */
export function AmendmentList({
  data,
  headingLevel = 3,
  linkObjectives = true,
}: {
  data: AmendmentsData;
  headingLevel?: 2 | 3;
  linkObjectives?: boolean;
}) {
  const tr = useAmendT();
  const { t, dateTime } = tr;
  const { user } = useSession();
  const [settingAct, setSettingAct] = useState<string | null>(null);
  if (data.amendments.length === 0) return <p className="muted">{t('amend.register.empty')}</p>;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ol className="plain-list amend-list">
      {data.amendments.map(({ amendment: a, pending }) => {
        const subject = entityLabel(a.entity, a.entityId, a.after ?? a.before, data, t);
        const lines = describeFields(a.before, a.after, tr);
        const act = describeAct(a.act, tr);
        return (
          <li key={a.id} className="card amend-entry" data-amendment-id={a.id}>
            <header>
              <span className="badge">{t(`amend.kind.${a.kind}`)}</span>
              {pending && <span className="badge badge-pending">{t('amend.register.pending')}</span>}
              <Heading>
                {linkObjectives && subject.objectiveId ? (
                  <Link href={paths.objective(subject.objectiveId)}>{subject.text}</Link>
                ) : (
                  subject.text
                )}
              </Heading>
            </header>
            {lines.length > 0 && (
              <ul className="amend-lines">
                {lines.map((line) => (
                  <li key={line.label}>
                    {line.label}: {line.before} → {line.after}
                  </li>
                ))}
              </ul>
            )}
            <dl className="amend-meta">
              <div>
                <dt>{t('amend.register.motivation')}:</dt> <dd>{a.motivation}</dd>
              </div>
              <div>
                <dt>{t('amend.register.act')}:</dt> <dd>{act ?? <em>{t('amend.actPending')}</em>}</dd>
              </div>
            </dl>
            <p className="small muted">
              {t('amend.register.by', {
                name: data.users.get(a.userId) ?? a.userId,
                when: dateTime(a.createdAt),
              })}
            </p>
            {!act &&
              user.role === 'admin' &&
              data.plan.status !== 'closed' &&
              !pending &&
              (settingAct === a.id ? (
                <SetActForm
                  amendmentId={a.id}
                  onDone={() => setSettingAct(null)}
                  onCancel={() => setSettingAct(null)}
                />
              ) : (
                <button
                  type="button"
                  className="btn btn-outline btn-small"
                  onClick={() => setSettingAct(a.id)}
                >
                  {t('amend.setAct')}
                </button>
              ))}
          </li>
        );
      })}
    </ol>
  );
}
