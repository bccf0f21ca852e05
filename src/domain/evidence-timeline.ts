/**
 * The evidence pack's timeline of one objective: its dated notes (with their photos), every status
 * and percent change of its phases with who and when, the conflicts, the amendments with motivation
 * and act, the monitoring snapshots' figures for it, and the Nucleo's phase verdicts and achievement,
 * merged into one list oldest first, as the Nucleo reads them at a site visit.
 * Pure: the page renders it; names come from the users the device holds (a row's own name first).
 */
import type { IsoDate } from './plan.ts';
import { planFigures, thawPlan, type FrozenPlan } from './snapshot-figures.ts';

export interface EvidenceInput {
  objectiveId: string;
  phases: readonly { id: string; number: number; objectiveId: string }[];
  notes: readonly {
    id: string;
    objectiveId: string;
    phaseId: string | null;
    authorId: string;
    authorName?: string | undefined;
    text: string;
    createdAt: string;
    attachmentIds: readonly string[];
  }[];
  history: readonly {
    id: string;
    phaseId: string;
    field: 'status' | 'percent';
    before: unknown;
    after: unknown;
    userId: string;
    userName?: string | undefined;
    at: string;
    conflict: boolean;
  }[];
  conflicts: readonly {
    id: string;
    phaseId: string;
    field: 'status' | 'percent';
    overwritten: unknown;
    winner: unknown;
    userIds: readonly string[];
    createdAt: string;
  }[];
  amendments: readonly {
    id: string;
    entity: 'area' | 'objective' | 'phase';
    entityId: string;
    objectiveId?: string | null | undefined;
    kind: 'add' | 'update' | 'remove' | 'replace';
    motivation: string;
    act: { body: string; number: string; date: string | null } | null;
    userId: string;
    createdAt: string;
  }[];
  /** The Nucleo's verdict per phase (one row per phase: the last one given); null verdict: cleared. */
  verdicts: readonly {
    id: string;
    phaseId: string;
    verdict: 'validated' | 'contested' | null;
    reason: string | null;
    userId: string;
    updatedAt: string;
  }[];
  /** The Nucleo's achievement of an objective (one row per objective); percent null is NV. */
  evaluations: readonly {
    id: string;
    objectiveId: string;
    percent: number | null;
    comment: string;
    userId: string;
    updatedAt: string;
  }[];
  /** The plan's snapshots; one taken offline and not yet synced has no frozen rows and is left out. */
  snapshots: readonly (FrozenPlan & {
    id: string;
    asOf: IsoDate;
    label: string;
    takenAt: string;
    takenBy: string;
  })[];
  /** When a phase without a deadline is due (the last day of the plan's last year). */
  planEnd: IsoDate;
  /** Display names by user id. */
  names: ReadonlyMap<string, string>;
}

export type EvidenceEntry =
  | {
      kind: 'note';
      id: string;
      at: string;
      who: string;
      phase: number | null;
      text: string;
      photos: string[];
    }
  | {
      kind: 'change';
      id: string;
      at: string;
      who: string;
      phase: number;
      field: 'status' | 'percent';
      before: unknown;
      after: unknown;
      conflict: boolean;
    }
  | {
      kind: 'conflict';
      id: string;
      at: string;
      who: string[];
      phase: number;
      field: 'status' | 'percent';
      overwritten: unknown;
      winner: unknown;
    }
  | {
      kind: 'amendment';
      id: string;
      at: string;
      who: string;
      entity: 'area' | 'objective' | 'phase';
      change: 'add' | 'update' | 'remove' | 'replace';
      motivation: string;
      act: { body: string; number: string; date: string | null } | null;
    }
  | {
      kind: 'snapshot';
      id: string;
      at: string;
      who: string;
      asOf: IsoDate;
      label: string;
      /** False when the snapshot froze the objective removed or replaced: no progress then. */
      counted: boolean;
      progress: number | null;
      expected: number | null;
      /** The objective's phases late as of the snapshot's date. */
      late: number;
    }
  | {
      kind: 'verdict';
      id: string;
      at: string;
      who: string;
      phase: number;
      verdict: 'validated' | 'contested';
      reason: string | null;
    }
  | {
      kind: 'evaluation';
      id: string;
      at: string;
      who: string;
      /** Null: not evaluated (NV), never 0. */
      percent: number | null;
      comment: string;
    };

export function evidenceTimeline(input: EvidenceInput): EvidenceEntry[] {
  const own = input.phases.filter((p) => p.objectiveId === input.objectiveId);
  const numberOf = new Map(own.map((p) => [p.id, p.number]));
  const name = (id: string, given?: string) => given ?? input.names.get(id) ?? id;
  const entries: EvidenceEntry[] = [];
  for (const n of input.notes) {
    if (n.objectiveId !== input.objectiveId) continue;
    const phase = n.phaseId === null ? null : (numberOf.get(n.phaseId) ?? null);
    const photos = [...n.attachmentIds];
    entries.push({
      kind: 'note',
      id: n.id,
      at: n.createdAt,
      who: name(n.authorId, n.authorName),
      phase,
      text: n.text,
      photos,
    });
  }
  for (const h of input.history) {
    const phase = numberOf.get(h.phaseId);
    if (phase === undefined) continue;
    entries.push({
      kind: 'change',
      id: h.id,
      at: h.at,
      who: name(h.userId, h.userName),
      phase,
      field: h.field,
      before: h.before,
      after: h.after,
      conflict: h.conflict,
    });
  }
  for (const c of input.conflicts) {
    const phase = numberOf.get(c.phaseId);
    if (phase === undefined) continue;
    entries.push({
      kind: 'conflict',
      id: c.id,
      at: c.createdAt,
      who: c.userIds.map((id) => name(id)),
      phase,
      field: c.field,
      overwritten: c.overwritten,
      winner: c.winner,
    });
  }
  for (const a of input.amendments) {
    const objectiveId = a.objectiveId ?? (a.entity === 'objective' ? a.entityId : null);
    const ofPhase = a.entity === 'phase' && numberOf.has(a.entityId);
    if (objectiveId !== input.objectiveId && !ofPhase) continue;
    entries.push({
      kind: 'amendment',
      id: a.id,
      at: a.createdAt,
      who: name(a.userId),
      entity: a.entity,
      change: a.kind,
      motivation: a.motivation,
      act: a.act,
    });
  }
  for (const s of input.snapshots) {
    const frozen = s.objectives.find((o) => o.objectiveId === input.objectiveId);
    if (!frozen) continue;
    // The dashboard's own figures of the frozen rows (snapshot-figures.ts), this objective alone.
    const { objectives, phases } = thawPlan({
      objectives: [frozen],
      phases: s.phases.filter((p) => p.objectiveId === input.objectiveId),
    });
    const figures = planFigures({ areaIds: [], objectives, phases }, 'nucleo', s.asOf, input.planEnd)
      .objectives[0];
    if (!figures) continue;
    entries.push({
      kind: 'snapshot',
      id: s.id,
      at: s.takenAt,
      who: name(s.takenBy),
      asOf: s.asOf,
      label: s.label,
      counted: figures.counted,
      progress: figures.progress,
      expected: figures.expected,
      late: figures.counts.late,
    });
  }
  for (const v of input.verdicts) {
    const phase = numberOf.get(v.phaseId);
    if (phase === undefined || v.verdict === null) continue;
    entries.push({
      kind: 'verdict',
      id: v.id,
      at: v.updatedAt,
      who: name(v.userId),
      phase,
      verdict: v.verdict,
      reason: v.reason,
    });
  }
  for (const e of input.evaluations) {
    if (e.objectiveId !== input.objectiveId) continue;
    entries.push({
      kind: 'evaluation',
      id: e.id,
      at: e.updatedAt,
      who: name(e.userId),
      percent: e.percent,
      comment: e.comment,
    });
  }
  // Oldest first; at the same instant by kind then id, so the order never depends on the rows' order.
  return entries.sort(
    (x, y) => x.at.localeCompare(y.at) || x.kind.localeCompare(y.kind) || x.id.localeCompare(y.id),
  );
}

export interface EvidenceMonth {
  /** 'YYYY-MM' in the reader's time zone. */
  month: string;
  entries: EvidenceEntry[];
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The timeline in calendar months, oldest first, as the page prints it. The month is the one of the
 * reader's time zone (`timeZone`, the runtime's when absent), the same day the entry's time shows.
 */
export function evidenceByMonth(entries: readonly EvidenceEntry[], timeZone?: string): EvidenceMonth[] {
  const key = timeZone ?? '';
  let format = monthFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      year: 'numeric',
      month: '2-digit',
      ...(timeZone === undefined ? {} : { timeZone }),
    });
    monthFormats.set(key, format);
  }
  const months: EvidenceMonth[] = [];
  for (const entry of entries) {
    const ms = Date.parse(entry.at);
    const parts = Number.isNaN(ms) ? null : format.formatToParts(ms);
    const year = parts?.find((p) => p.type === 'year')?.value;
    const month = parts?.find((p) => p.type === 'month')?.value;
    const id = year && month ? `${year}-${month}` : entry.at.slice(0, 7);
    const last = months.at(-1);
    if (last?.month === id) last.entries.push(entry);
    else months.push({ month: id, entries: [entry] });
  }
  return months;
}
