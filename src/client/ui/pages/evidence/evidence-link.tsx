import { evidenceEn } from '../../../i18n/evidence-en.ts';
import { evidenceIt } from '../../../i18n/evidence-it.ts';
import { useT } from '../../../i18n/use-t.ts';
import { Link } from '../../components/link.tsx';
import { paths } from '../../router/routes.ts';

/**
 * The objective page's way to its evidence pack: a chunk of its own with the evidence catalog alone
 * (not the reports' one the page itself needs), so the objective page carries neither.
 */
export function EvidenceLink({ objectiveId }: { objectiveId: string }) {
  const { lang } = useT();
  const catalog = lang === 'en' ? evidenceEn : evidenceIt;
  return (
    <div className="evidence-link">
      <Link className="btn btn-outline" href={paths.objectiveEvidence(objectiveId)}>
        {catalog['evidence.link']}
      </Link>
      <p className="muted small">{catalog['evidence.linkHelp']}</p>
    </div>
  );
}
