/**
 * The plan model: ente → plan → area → objective → phase, with progress and notes.
 * Pure data types shared by the importer, the calculations, the server and the client.
 * Ids are strings (uuids on the wire); dates are ISO `YYYY-MM-DD` strings, times ISO 8601.
 */

export type IsoDate = string;
export type IsoDateTime = string;

export interface Ente {
  id: string;
  name: string;
}

export interface ApprovingAct {
  body: string; // e.g. "Giunta Comunale"
  number: string;
  date: IsoDate | null;
}

export interface Plan {
  id: string;
  enteId: string;
  title: string;
  years: number[];
  acts: ApprovingAct[];
}

export interface Area {
  id: string;
  planId: string;
  name: string;
  head: string | null;
  position: number;
  motivation: string | null;
}

export const OBJECTIVE_STATES = ['active', 'modified', 'replaced', 'removed'] as const;
export type ObjectiveState = (typeof OBJECTIVE_STATES)[number];

/** The three weight sets of an objective, in points; null where the document leaves it blank. */
export interface ObjectiveWeights {
  head: number | null; // proposed by the area head (Responsabile)
  giunta: number | null; // proposed by the Giunta
  nucleo: number | null; // set by the Nucleo di Valutazione
}

export const WEIGHT_SETS = ['nucleo', 'giunta', 'head', 'equal'] as const;
export type WeightSet = (typeof WEIGHT_SETS)[number];

export interface Objective {
  id: string;
  areaId: string;
  number: string;
  title: string;
  indicator: string; // the evaluation parameter (Parametro di valutazione)
  subjects: string; // offices involved at objective level, when the document gives them there
  weights: ObjectiveWeights;
  state: ObjectiveState;
  motivation: string | null;
}

export const WEIGHT_UNITS = ['percent', 'points'] as const;
export type WeightUnit = (typeof WEIGHT_UNITS)[number];

export const PHASE_STATUSES = ['not_started', 'in_progress', 'done', 'blocked', 'cancelled'] as const;
export type PhaseStatus = (typeof PHASE_STATUSES)[number];

export interface Phase {
  id: string;
  objectiveId: string;
  areaId: string;
  number: number;
  indicator: string;
  subjects: string; // offices involved (Soggetti coinvolti)
  description: string;
  weight: number | null;
  weightUnit: WeightUnit | null;
  deadline: IsoDate | null;
  status: PhaseStatus;
  percent: number; // 0–100; 100 when done
  updatedBy: string | null;
  updatedAt: IsoDateTime | null;
}

export interface Note {
  id: string;
  objectiveId: string;
  phaseId: string | null;
  authorId: string;
  text: string;
  createdAt: IsoDateTime;
  attachmentIds: string[];
}
