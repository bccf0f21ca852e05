import type { AreaRecord, ObjectiveRecord, PhaseRecord } from '../../../db/schema.ts';
import type { Params } from '../../../i18n/translate.ts';
import type { AmendKey } from './use-amend-t.ts';

export interface Lookups {
  areas: Map<string, AreaRecord>;
  objectives: Map<string, ObjectiveRecord>;
  phases: Map<string, PhaseRecord>;
}

/**
 * What an amendment or a change is about, in words: "Obiettivo 3 — title", "Fase 2 (Obiettivo 3)",
 * "Area «Servizi»". Values recorded in the amendment itself stand in for rows no longer on the device.
 */
export function entityLabel(
  entity: 'area' | 'objective' | 'phase',
  entityId: string,
  recorded: Record<string, unknown> | null,
  lookups: Lookups,
  t: (key: AmendKey, params?: Params) => string,
): { text: string; objectiveId: string | null } {
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);
  if (entity === 'area') {
    const name = lookups.areas.get(entityId)?.name ?? str(recorded?.name);
    return { text: name ? t('amend.entity.area', { name }) : t('amend.entity.unknown'), objectiveId: null };
  }
  if (entity === 'objective') {
    const o = lookups.objectives.get(entityId);
    const number = o?.number ?? str(recorded?.number);
    if (!number) return { text: t('amend.entity.unknown'), objectiveId: null };
    const title = o?.title ?? str(recorded?.title);
    const label = t('amend.entity.objective', { number });
    return { text: title ? `${label} — ${title}` : label, objectiveId: o ? o.id : null };
  }
  const p = lookups.phases.get(entityId);
  const number = p?.number ?? str(recorded?.number);
  if (number === null || number === undefined) return { text: t('amend.entity.unknown'), objectiveId: null };
  const objective = p ? lookups.objectives.get(p.objectiveId) : undefined;
  const phaseLabel = t('amend.entity.phase', { number: String(number) });
  return {
    text: objective
      ? `${phaseLabel} (${t('amend.entity.objective', { number: objective.number })})`
      : phaseLabel,
    objectiveId: objective?.id ?? null,
  };
}
