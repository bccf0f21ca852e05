import { Link } from '../../components/link.tsx';
import { paths } from '../../router/routes.ts';
import { useAmendT } from './use-amend-t.ts';

/** Links to a plan's amendment register and its "what changed" view, for every role that sees it. */
export function PlanAmendLinks({ planId }: { planId: string }) {
  const { t } = useAmendT();
  return (
    <nav aria-label={t('amend.register.title')} className="amend-buttons">
      <Link href={paths.planAmendments(planId)} className="btn btn-outline">
        {t('amend.register.link')}
      </Link>
      <Link href={paths.planChanges(planId)} className="btn btn-outline">
        {t('amend.changes.link')}
      </Link>
    </nav>
  );
}
