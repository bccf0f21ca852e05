/**
 * What the plan-text importer produces: the plan as the document states it, before ids, versions and
 * progress exist. Line numbers are 1-based positions in the source text so a preview can point back
 * at the row an objective or phase came from.
 */
import type { ApprovingAct, IsoDate, ObjectiveState, ObjectiveWeights, WeightUnit } from '../plan.ts';

export interface ParsedPhase {
  number: number;
  indicator: string;
  subjects: string;
  description: string;
  weight: number | null;
  weightUnit: WeightUnit | null;
  deadline: IsoDate | null;
  line: number;
}

export interface ParsedObjective {
  number: string;
  title: string;
  indicator: string;
  subjects: string;
  state: ObjectiveState;
  motivation: string | null;
  /** The latest phase deadline; null when no phase has one. */
  deadline: IsoDate | null;
  weights: ObjectiveWeights;
  phases: ParsedPhase[];
  line: number;
}

export interface ParsedArea {
  name: string;
  /** The heading line as written, kept because the name is derived from it by heuristics. */
  heading: string;
  motivation: string | null;
  objectives: ParsedObjective[];
  line: number;
}

export interface ParsedPlan {
  ente: string | null;
  /** The acts the premessa names (adoption and amendments), in the order it names them. */
  acts: ApprovingAct[];
  areas: ParsedArea[];
}

type NoParams = Record<string, never>;

/** Each error code with the parameters its message needs, so a UI can translate from code + params. */
export interface PlanParseErrorParamsByCode {
  empty_input: NoParams;
  no_table: NoParams;
  table_without_area: NoParams;
  table_without_header: NoParams;
  area_without_objectives: { area: string };
  objective_without_title: { number: string };
  objective_without_number: { title: string };
  phase_before_objective: NoParams;
  invalid_date: { value: string };
  invalid_deadline: { value: string };
  invalid_weight: { value: string };
  invalid_phase_number: { value: string };
  too_many_cells: { cells: number; columns: number };
}

export type PlanParseErrorCode = keyof PlanParseErrorParamsByCode;

export interface PlanParseErrorOf<C extends PlanParseErrorCode> {
  code: C;
  line: number | null;
  params: PlanParseErrorParamsByCode[C];
  /** Italian, prefixed with "riga N: " when the line is known. */
  message: string;
  /** English, prefixed with "line N: " when the line is known. */
  messageEn: string;
}

export type PlanParseError = { [C in PlanParseErrorCode]: PlanParseErrorOf<C> }[PlanParseErrorCode];

export type ParsePlanResult = { ok: true; plan: ParsedPlan } | { ok: false; error: PlanParseError };

/** Internal step result: expected failures travel as values, never as exceptions. */
export type Step<T> = { ok: true; value: T } | { ok: false; error: PlanParseError };
