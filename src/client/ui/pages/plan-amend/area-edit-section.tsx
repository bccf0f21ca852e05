import { useState } from 'react';
import type { AreaRecord } from '../../../db/schema.ts';
import { useSession } from '../../hooks/use-session.ts';
import { canAmend } from './amend-rules.ts';
import { AreaForm, RemoveAreaForm } from './area-forms.tsx';
import { AddObjectiveForm } from './objective-forms.tsx';
import { useAmendT } from './use-amend-t.ts';
import { usePlanOfArea } from './use-plan-of-area.ts';
import { useSavedNotice } from './use-saved-notice.ts';
import './plan-amend.css';

type Open = 'editArea' | 'removeArea' | 'addArea' | 'addObjective' | null;

/**
 * The area page's editing controls (a chunk of its own): rename the area and set its head, add an
 * objective, add an area to the plan, remove an empty area. Not on a closed plan, not for other roles.
 */
export function AreaEditSection({ area }: { area: AreaRecord }) {
  const { t } = useAmendT();
  const { user } = useSession();
  const plan = usePlanOfArea(area.id);
  const [open, setOpen] = useState<Open>(null);
  const { saved, ref, markSaved } = useSavedNotice();
  if (!plan || !canAmend(user, plan.status, plan.headsMayAmend, area.id)) return null;
  const siblings = plan.objectives.filter((o) => o.areaId === area.id);
  const counting = siblings.filter((o) => o.state === 'active' || o.state === 'modified').length;
  const common = {
    status: plan.status,
    onDone: () => {
      setOpen(null);
      markSaved();
    },
    onCancel: () => setOpen(null),
  };
  const nextPosition = Math.max(0, ...plan.areas.map((a) => a.position)) + 1;
  return (
    <section className="section amend-controls" aria-labelledby="amend-area-title">
      <h2 id="amend-area-title">{t('amend.controlsTitle')}</h2>
      {saved && (
        <p ref={ref} tabIndex={-1} className="alert" role="status">
          {t('amend.saved')}
        </p>
      )}
      {open === null && (
        <div className="amend-buttons">
          <button type="button" className="btn btn-outline" onClick={() => setOpen('addObjective')}>
            {t('amend.addObjective')}
          </button>
          <button type="button" className="btn btn-outline" onClick={() => setOpen('editArea')}>
            {t('amend.editArea')}
          </button>
          {/* Adding an area is for the admin: a head works on the areas given to them. */}
          {user.role === 'admin' && (
            <>
              <button type="button" className="btn btn-outline" onClick={() => setOpen('addArea')}>
                {t('amend.addArea')}
              </button>
              <button
                type="button"
                className="btn btn-outline btn-danger"
                onClick={() => setOpen('removeArea')}
              >
                {t('amend.removeArea')}
              </button>
            </>
          )}
        </div>
      )}
      {open === 'addObjective' && <AddObjectiveForm areaId={area.id} siblings={siblings} {...common} />}
      {open === 'editArea' && (
        <AreaForm area={area} planId={plan.plan.id} position={area.position} {...common} />
      )}
      {open === 'addArea' && (
        <AreaForm area={null} planId={plan.plan.id} position={nextPosition} {...common} />
      )}
      {open === 'removeArea' && <RemoveAreaForm area={area} objectiveCount={counting} {...common} />}
    </section>
  );
}
