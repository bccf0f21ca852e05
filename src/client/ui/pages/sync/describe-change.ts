import { mutationArgsSchemas } from '../../../../shared/mutations.ts';
import { planMutationArgsSchemas, type PlanMutationName } from '../../../../shared/plan-mutations.ts';
import type { QueuedName } from '../../../db/schema.ts';
import type { Translator } from '../../../i18n/translate.ts';
import type { QueuedChanges } from '../../hooks/use-queued-changes.ts';

type Refs = Pick<QueuedChanges, 'phases' | 'objectives'> & Partial<Pick<QueuedChanges, 'areas' | 'plans'>>;
type Described = { text: string; phaseId: string | null; objectiveId: string | null };

function isPlanMutationName(name: string): name is PlanMutationName {
  return Object.hasOwn(planMutationArgsSchemas, name);
}

/** A queued or rejected mutation in words: "Stato di Obiettivo 3, fase 2: In corso". */
export function describeChange(
  tr: Translator,
  m: { name: QueuedName; args: unknown },
  refs: Refs,
): Described {
  const { t } = tr;
  if (isPlanMutationName(m.name)) return describePlanChange(tr, m.name, m.args, refs) ?? plain(m.name);
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
  return plain(m.name);
}

function plain(name: string): Described {
  return { text: name, phaseId: null, objectiveId: null };
}

/** A plan change in words ("Modifica di Obiettivo 3"); null when its args do not parse. */
function describePlanChange(
  tr: Translator,
  name: PlanMutationName,
  args: unknown,
  refs: Refs,
): Described | null {
  const { t } = tr;
  const objectiveLabel = (id: string) => {
    const o = refs.objectives.get(id);
    return o ? t('objective.label', { number: o.number }) : t('syncPage.unknownObjective');
  };
  const phaseLabel = (id: string) => {
    const p = refs.phases.get(id);
    if (!p) return t('syncPage.unknownPhase');
    const label = t('phase.label', { number: p.number });
    const o = refs.objectives.get(p.objectiveId);
    return o ? `${t('objective.label', { number: o.number })}, ${label.toLowerCase()}` : label;
  };
  const areaLabel = (id: string) => refs.areas?.get(id)?.name ?? t('syncPage.unknownArea');
  const on = (text: string, ids: { phaseId?: string; objectiveId?: string } = {}): Described => ({
    text,
    phaseId: ids.phaseId ?? null,
    objectiveId: ids.objectiveId ?? null,
  });
  switch (name) {
    case 'plan.approve': {
      const a = planMutationArgsSchemas[name].safeParse(args);
      if (!a.success) return null;
      const plan = refs.plans?.get(a.data.planId)?.title ?? t('syncPage.unknownPlan');
      return on(t('syncPage.mutation.approvePlan', { plan }));
    }
    case 'ente.setSettings': {
      const a = planMutationArgsSchemas[name].safeParse(args);
      if (!a.success) return null;
      return on(
        t(a.data.headsMayAmend ? 'syncPage.mutation.headsMayAmend' : 'syncPage.mutation.onlyAdminsAmend'),
      );
    }
    case 'area.add': {
      const a = planMutationArgsSchemas[name].safeParse(args);
      return a.success ? on(t('syncPage.mutation.addArea', { name: a.data.name })) : null;
    }
    case 'area.update':
    case 'area.remove': {
      const a = planMutationArgsSchemas[name].safeParse(args);
      if (!a.success) return null;
      const key = name === 'area.update' ? 'syncPage.mutation.updateArea' : 'syncPage.mutation.removeArea';
      return on(t(key, { area: areaLabel(a.data.areaId) }));
    }
    case 'objective.add': {
      const a = planMutationArgsSchemas[name].safeParse(args);
      if (!a.success) return null;
      const text = t('syncPage.mutation.addObjective', { number: a.data.number, title: a.data.title });
      return on(text, { objectiveId: a.data.objectiveId });
    }
    case 'objective.update':
    case 'objective.remove': {
      const a = planMutationArgsSchemas[name].safeParse(args);
      if (!a.success) return null;
      const key =
        name === 'objective.update'
          ? 'syncPage.mutation.updateObjective'
          : 'syncPage.mutation.removeObjective';
      return on(t(key, { objective: objectiveLabel(a.data.objectiveId) }), {
        objectiveId: a.data.objectiveId,
      });
    }
    case 'objective.replace': {
      const a = planMutationArgsSchemas[name].safeParse(args);
      if (!a.success) return null;
      const text = t('syncPage.mutation.replaceObjective', {
        objective: objectiveLabel(a.data.objectiveId),
        number: a.data.replacement.number,
      });
      return on(text, { objectiveId: a.data.objectiveId });
    }
    case 'phase.add': {
      const a = planMutationArgsSchemas[name].safeParse(args);
      if (!a.success) return null;
      const text = t('syncPage.mutation.addPhase', {
        number: a.data.number,
        objective: objectiveLabel(a.data.objectiveId),
      });
      return on(text, { objectiveId: a.data.objectiveId });
    }
    case 'phase.update':
    case 'phase.remove': {
      const a = planMutationArgsSchemas[name].safeParse(args);
      if (!a.success) return null;
      const key = name === 'phase.update' ? 'syncPage.mutation.updatePhase' : 'syncPage.mutation.removePhase';
      // A phase taken out of a draft is gone from the device: no link to it.
      const linked = refs.phases.has(a.data.phaseId) ? { phaseId: a.data.phaseId } : {};
      return on(t(key, { phase: phaseLabel(a.data.phaseId) }), linked);
    }
    case 'amendment.setAct': {
      const a = planMutationArgsSchemas[name].safeParse(args);
      if (!a.success) return null;
      return on(t('syncPage.mutation.setAct', { number: a.data.act.number, date: tr.date(a.data.act.date) }));
    }
    default:
      return describeCycleChange(tr, name, args, refs);
  }
}

/** The Nucleo’s evaluation, the head’s own assessment, the close of the year and monitoring in words. */
function describeCycleChange(
  tr: Translator,
  name: PlanMutationName,
  args: unknown,
  refs: Refs,
): Described | null {
  const { t } = tr;
  const objectiveLabel = (id: string) => {
    const o = refs.objectives.get(id);
    return o ? t('objective.label', { number: o.number }) : t('syncPage.unknownObjective');
  };
  const planTitle = (id: string) => refs.plans?.get(id)?.title ?? t('syncPage.unknownPlan');
  // NV is "not evaluated", never 0.
  const percentText = (p: number | null, none: 'syncPage.notEvaluated' | 'syncPage.noPercent') =>
    p === null ? t(none) : tr.percent(p);
  switch (name) {
    case 'evaluation.setObjective':
    case 'selfAssessment.set': {
      const a = planMutationArgsSchemas[name].safeParse(args);
      if (!a.success) return null;
      const key =
        name === 'evaluation.setObjective'
          ? 'syncPage.mutation.evaluateObjective'
          : 'syncPage.mutation.selfAssessment';
      const none = name === 'evaluation.setObjective' ? 'syncPage.notEvaluated' : 'syncPage.noPercent';
      const text = t(key, {
        objective: objectiveLabel(a.data.objectiveId),
        percent: percentText(a.data.percent, none),
      });
      return { text, phaseId: null, objectiveId: a.data.objectiveId };
    }
    case 'evaluation.setPhaseVerdict': {
      const a = planMutationArgsSchemas[name].safeParse(args);
      if (!a.success) return null;
      const p = refs.phases.get(a.data.phaseId);
      const o = p ? refs.objectives.get(p.objectiveId) : undefined;
      const label = p ? t('phase.label', { number: p.number }) : t('syncPage.unknownPhase');
      const phase = o ? `${t('objective.label', { number: o.number })}, ${label.toLowerCase()}` : label;
      const verdict = t(a.data.verdict ? `syncPage.verdict.${a.data.verdict}` : 'syncPage.verdict.none');
      return {
        text: t('syncPage.mutation.phaseVerdict', { phase, verdict }),
        phaseId: p ? a.data.phaseId : null,
        objectiveId: null,
      };
    }
    case 'plan.close': {
      const a = planMutationArgsSchemas[name].safeParse(args);
      if (!a.success) return null;
      return plain(t('syncPage.mutation.closePlan', { plan: planTitle(a.data.planId) }));
    }
    case 'plan.reopen': {
      const a = planMutationArgsSchemas[name].safeParse(args);
      if (!a.success) return null;
      return plain(
        t('syncPage.mutation.reopenPlan', { plan: planTitle(a.data.planId), reason: a.data.reason }),
      );
    }
    case 'plan.setScoring': {
      const a = planMutationArgsSchemas[name].safeParse(args);
      if (!a.success) return null;
      const { scoring } = a.data;
      const method =
        scoring.kind === 'threshold'
          ? t('syncPage.scoring.threshold', { threshold: scoring.threshold })
          : t('syncPage.scoring.linear');
      return plain(t('syncPage.mutation.setScoring', { plan: planTitle(a.data.planId), method }));
    }
    case 'snapshot.take': {
      const a = planMutationArgsSchemas[name].safeParse(args);
      if (!a.success) return null;
      return plain(t('syncPage.mutation.takeSnapshot', { label: a.data.label, date: tr.date(a.data.asOf) }));
    }
    case 'monitoring.setReport': {
      const a = planMutationArgsSchemas[name].safeParse(args);
      if (!a.success) return null;
      const text = t('syncPage.mutation.monitoringReport', { objective: objectiveLabel(a.data.objectiveId) });
      return { text, phaseId: null, objectiveId: a.data.objectiveId };
    }
    case 'snapshot.closeRound':
      return plain(t('syncPage.mutation.closeRound'));
  }
  return null;
}
