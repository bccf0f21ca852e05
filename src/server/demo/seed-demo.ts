/**
 * Demo data, loaded on an EMPTY database only (no ente yet), inside the locked migration transaction
 * (db/migrate.ts), so several processes starting at once seed once:
 * - "Città di Asola": the sample plan (asola-piao-2022-performance.txt, parsed with parsePlanText);
 * - "Comune di Prova": a small plan (prova-plan.ts) and its admin;
 * - the contract's demo users, all with one password.
 * Progress: every phase not started except a deterministic handful per Asola area (demoProgress), so
 * dashboards show something; each of those carries a history row by the area's head.
 * - and, unless turned off (DEMO_CURRENT_YEAR=0), the current year's plan: the sample rolled over,
 *   approved, with progress and notes by today (current-year-plan.ts).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { PhaseStatus } from '../../domain/plan.ts';
import { parsePlanText } from '../../domain/plan-text/parse-plan-text.ts';
import type { Role } from '../../shared/auth.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Tx } from '../db/database.ts';
import { ente, phase, phaseHistory, plan } from '../db/schema.ts';
import { createEnte, createUser } from '../enti.ts';
import { importParsedPlan, type ImportedArea } from '../plan-import.ts';
import { allocateVersions } from '../sync/versions.ts';
import { seedCurrentYearPlan } from './current-year-plan.ts';
import { PROVA_PLAN } from './prova-plan.ts';

export const DEMO_ENTE = 'Città di Asola';
export const DEMO_ENTE_2 = 'Comune di Prova';

interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  /** Substring of the area name (case-insensitive); absent = no area. */
  area?: string;
  ente: 1 | 2;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', displayName: 'Amministratore', role: 'admin', ente: 1 },
  {
    username: 'resp.persona',
    displayName: 'Responsabile Servizi alla persona',
    role: 'head',
    area: 'persona',
    ente: 1,
  },
  {
    username: 'resp.suap',
    displayName: 'Responsabile SUAP, URP e risorse umane',
    role: 'head',
    area: 'suap',
    ente: 1,
  },
  {
    username: 'resp.finanziari',
    displayName: 'Responsabile Servizi amministrativi e finanziari',
    role: 'head',
    area: 'finanziari',
    ente: 1,
  },
  {
    username: 'istruttore.persona',
    displayName: 'Istruttore Servizi alla persona',
    role: 'officer',
    area: 'persona',
    ente: 1,
  },
  { username: 'nucleo', displayName: 'Nucleo di Valutazione', role: 'evaluator', ente: 1 },
  { username: 'lettore', displayName: 'Lettore', role: 'viewer', ente: 1 },
  { username: 'admin.prova', displayName: 'Amministratore Comune di Prova', role: 'admin', ente: 2 },
];

const SAMPLE_PLAN = new URL('./asola-piao-2022-performance.txt', import.meta.url);
/** A fixed clock for the demo's progress, inside the plan's year. */
const DEMO_PROGRESS_AT = new Date('2022-07-01T09:00:00Z');

/**
 * The demo progress of an area: its phases of objectives still in the plan, by deadline (none last),
 * then objective and phase order; the first two done, the next two in progress (60 %, 30 %), and in
 * the third area the fifth blocked at 20 %.
 */
export function demoProgress(
  areaIndex: number,
  position: number,
): { status: PhaseStatus; percent: number } | null {
  if (position < 2) return { status: 'done', percent: 100 };
  if (position === 2) return { status: 'in_progress', percent: 60 };
  if (position === 3) return { status: 'in_progress', percent: 30 };
  if (position === 4 && areaIndex === 2) return { status: 'blocked', percent: 20 };
  return null;
}

async function applyDemoProgress(
  tx: Tx,
  enteId: string,
  areas: ImportedArea[],
  headOf: (areaId: string) => string,
) {
  for (const [areaIndex, a] of areas.entries()) {
    const phases = a.objectives
      .filter((o) => o.state === 'active' || o.state === 'modified')
      .flatMap((o) => o.phases)
      .map((p, order) => ({ ...p, order }))
      .sort((x, y) => (x.deadline ?? '9999').localeCompare(y.deadline ?? '9999') || x.order - y.order);
    for (const [position, p] of phases.entries()) {
      const progress = demoProgress(areaIndex, position);
      if (!progress) continue;
      const version = await allocateVersions(tx, enteId);
      const userId = headOf(a.id);
      await tx
        .update(phase)
        .set({ ...progress, updatedBy: userId, updatedAt: DEMO_PROGRESS_AT, version })
        .where(eq(phase.id, p.id));
      const base = {
        enteId,
        phaseId: p.id,
        areaId: a.id,
        userId,
        at: DEMO_PROGRESS_AT,
        conflict: false,
        version,
      };
      await tx.insert(phaseHistory).values([
        { ...base, id: randomUUID(), field: 'status', before: 'not_started', after: progress.status },
        { ...base, id: randomUUID(), field: 'percent', before: 0, after: progress.percent },
      ]);
    }
  }
}

/** Seeds the demo when the database has no ente yet; returns whether it did. */
export async function seedDemo(
  tx: Tx,
  options: {
    password: string;
    now: Date;
    /** Add the current year's plan (the sample rolled over, with progress): on unless false. */
    currentYearPlan?: boolean;
  },
): Promise<boolean> {
  const [any] = await tx.select({ id: ente.id }).from(ente).limit(1);
  if (any) return false;
  const parsed = parsePlanText(readFileSync(SAMPLE_PLAN, 'utf8'));
  if (!parsed.ok) throw new Error(`the sample plan does not parse: ${parsed.error.messageEn}`);
  const { now } = options;
  const asola = await createEnte(tx, DEMO_ENTE, now);
  const prova = await createEnte(tx, DEMO_ENTE_2, now);
  const asolaPlan = await importParsedPlan(tx, {
    enteId: asola,
    plan: parsed.plan,
    title: 'PIAO 2022-2024 — Performance',
    years: [2022],
  });
  const provaPlan = await importParsedPlan(tx, {
    enteId: prova,
    plan: PROVA_PLAN,
    title: 'Piano della performance 2022',
    years: [2022],
  });

  // One hash for every demo user: they share a published password anyway, and scrypt is costly on
  // every (test) start. Real users each get their own salt (enti.ts createUser).
  const passwordHash = await hashPassword(options.password);
  const areaIdsFor = (u: DemoUser): string[] => {
    if (!u.area) return [];
    const areas = (u.ente === 1 ? asolaPlan : provaPlan).areas;
    return areas.filter((a) => a.name.toLowerCase().includes(u.area ?? '')).map((a) => a.id);
  };
  const heads = new Map<string, string>();
  let adminId = '';
  for (const u of DEMO_USERS) {
    const areaIds = areaIdsFor(u);
    const id = await createUser(
      tx,
      {
        enteId: u.ente === 1 ? asola : prova,
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        areaIds,
        passwordHash,
      },
      now,
    );
    if (u.role === 'head') for (const areaId of areaIds) heads.set(areaId, id);
    if (u.username === 'admin') adminId = id;
  }
  await applyDemoProgress(tx, asola, asolaPlan.areas, (areaId) => heads.get(areaId) ?? adminId);
  // The sample as adopted: approved by the first act its premessa names (protocol Part 2, demo mode).
  const adopted = parsed.plan.acts[0]?.date ?? '2022-01-19';
  await tx
    .update(plan)
    .set({ events: [{ kind: 'approved', at: `${adopted}T12:00:00.000Z`, userId: adminId }] })
    .where(eq(plan.id, asolaPlan.planId));
  if (options.currentYearPlan !== false && now.getUTCFullYear() > 2022) {
    // The 2022 heads head the same areas this year (carryAreaRights gives them the new areas).
    const headByName = new Map(asolaPlan.areas.map((a) => [a.name, heads.get(a.id) ?? adminId]));
    await seedCurrentYearPlan(tx, {
      enteId: asola,
      sourcePlanId: asolaPlan.planId,
      adminId,
      now,
      headOf: (areaName) => headByName.get(areaName) ?? adminId,
    });
  }
  return true;
}
