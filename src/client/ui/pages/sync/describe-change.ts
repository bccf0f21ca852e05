import { mutationArgsSchemas, type MutationName } from '../../../../shared/mutations.ts';
import type { Translator } from '../../../i18n/translate.ts';
import type { QueuedChanges } from '../../hooks/use-queued-changes.ts';

/** A queued or rejected mutation in words: "Stato di Obiettivo 3, fase 2: In corso". */
export function describeChange(
  tr: Translator,
  m: { name: MutationName; args: unknown },
  refs: Pick<QueuedChanges, 'phases' | 'objectives'>,
): { text: string; phaseId: string | null; objectiveId: string | null } {
  const { t } = tr;
  const phaseLabel = (phaseId: string) => {
    const phase = refs.phases.get(phaseId);
    if (!phase) return t('syncPage.unknownPhase');
    const objective = refs.objectives.get(phase.objectiveId);
    const label = t('phase.label', { number: phase.number });
    return objective
      ? `${t('objective.label', { number: objective.number })}, ${label.toLowerCase()}`
      : label;
  };
  switch (m.name) {
    case 'phase.setStatus': {
      const a = mutationArgsSchemas['phase.setStatus'].safeParse(m.args);
      if (!a.success) break;
      return {
        text: t('syncPage.mutation.setStatus', {
          phase: phaseLabel(a.data.phaseId),
          to: t(`status.${a.data.to}`),
        }),
        phaseId: a.data.phaseId,
        objectiveId: null,
      };
    }
    case 'phase.setProgress': {
      const a = mutationArgsSchemas['phase.setProgress'].safeParse(m.args);
      if (!a.success) break;
      return {
        text: t('syncPage.mutation.setProgress', {
          phase: phaseLabel(a.data.phaseId),
          percent: tr.percent(a.data.percent),
        }),
        phaseId: a.data.phaseId,
        objectiveId: null,
      };
    }
    case 'note.add': {
      const a = mutationArgsSchemas['note.add'].safeParse(m.args);
      if (!a.success) break;
      const objective = refs.objectives.get(a.data.objectiveId);
      const target = a.data.phaseId
        ? phaseLabel(a.data.phaseId)
        : objective
          ? t('objective.label', { number: objective.number })
          : a.data.objectiveId;
      const text = a.data.text.length > 80 ? `${a.data.text.slice(0, 79)}…` : a.data.text;
      return {
        text: t('syncPage.mutation.addNote', { target, text }),
        phaseId: a.data.phaseId ?? null,
        objectiveId: a.data.objectiveId,
      };
    }
  }
  return { text: m.name, phaseId: null, objectiveId: null };
}
