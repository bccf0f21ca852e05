/**
 * Push/pull helpers over real HTTP for tests against a test server (server.ts):
 *
 *   const device = new TestDevice(await loginAs(server, 'resp.persona'));
 *   const plan = await device.pullAll();                         // follows hasMore; keeps the cursor
 *   await device.push([setStatus(phaseId, 'not_started', 'done')]); // seq allocated by the device
 *
 * A TestDevice is one clientId of one user, with its own seq and cursor (like a browser profile).
 */
import { randomUUID } from 'node:crypto';
import type { PullPage, PullResponse, PullRow } from '../../src/shared/pull.ts';
import type { PushResponse } from '../../src/shared/push.ts';
import type { PhaseStatus } from '../../src/domain/plan.ts';
import type { ApiResponse, Session } from './server.ts';

export interface DraftMutation {
  name: string;
  args: unknown;
  id?: string;
}

export const setStatus = (phaseId: string, from: PhaseStatus, to: PhaseStatus): DraftMutation => ({
  name: 'phase.setStatus',
  args: { phaseId, from, to },
});
export const setProgress = (phaseId: string, percent: number, from?: number): DraftMutation => ({
  name: 'phase.setProgress',
  args: from === undefined ? { phaseId, percent } : { phaseId, percent, from },
});
export const addNote = (
  objectiveId: string,
  text: string,
  extra: { phaseId?: string; attachmentIds?: string[]; noteId?: string } = {},
): DraftMutation => ({
  name: 'note.add',
  args: { noteId: extra.noteId ?? randomUUID(), objectiveId, text, ...extra },
});

export interface SentMutation {
  id: string;
  seq: number;
  name: string;
  args: unknown;
  clientTime: string;
}

export class TestDevice {
  readonly clientId: string;
  seq = 0;
  cursor = 0;
  /** Every row pulled, by type and id, latest version kept (the device's "database"). */
  readonly rows = new Map<string, PullRow>();

  constructor(
    readonly session: Session,
    clientId?: string,
    /** The protocol version this device speaks (1: a device of the previous release). */
    readonly protocol = 1,
  ) {
    this.clientId = clientId ?? randomUUID();
  }

  /** Gives drafts the next seqs (without sending them). */
  stamp(drafts: DraftMutation[]): SentMutation[] {
    return drafts.map((d) => ({
      id: d.id ?? randomUUID(),
      seq: ++this.seq,
      name: d.name,
      args: d.args,
      clientTime: new Date().toISOString(),
    }));
  }

  /** Sends already stamped mutations (a retry sends the same ones again). */
  send(mutations: SentMutation[], schemaVersion = this.protocol): Promise<ApiResponse<PushResponse>> {
    return this.session.post<PushResponse>('/api/sync/push', {
      clientId: this.clientId,
      schemaVersion,
      mutations,
    });
  }

  async push(drafts: DraftMutation[]): Promise<PushResponse> {
    const res = await this.send(this.stamp(drafts));
    if (res.status !== 200) throw new Error(`push: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  pullPage(cursor = this.cursor): Promise<ApiResponse<PullResponse>> {
    const version = this.protocol > 1 ? `&schemaVersion=${this.protocol}` : '';
    return this.session.get<PullResponse>(
      `/api/sync/pull?clientId=${this.clientId}&cursor=${cursor}${version}`,
    );
  }

  /** Pulls until hasMore is false, storing rows; returns the pages. Throws on resync or an error. */
  async pullAll(): Promise<PullPage[]> {
    const pages: PullPage[] = [];
    for (;;) {
      const res = await this.pullPage();
      if (res.status !== 200) throw new Error(`pull: ${res.status} ${JSON.stringify(res.body)}`);
      if ('resync' in res.body) throw new Error('pull: resync');
      const page = res.body;
      if (page.cursor < this.cursor)
        throw new Error(`pull: cursor went back from ${this.cursor} to ${page.cursor}`);
      for (const row of page.rows) this.rows.set(`${row.type}:${row.id}`, row);
      this.cursor = page.cursor;
      pages.push(page);
      if (!page.hasMore) return pages;
    }
  }

  /** The stored rows of one type, with their data typed by the caller. */
  all<T = Record<string, unknown>>(type: string): (PullRow & { data: T })[] {
    return [...this.rows.values()].filter((r) => r.type === type) as (PullRow & { data: T })[];
  }

  row<T = Record<string, unknown>>(type: string, id: string): (PullRow & { data: T }) | undefined {
    return this.rows.get(`${type}:${id}`) as (PullRow & { data: T }) | undefined;
  }
}

/** Small valid images (just the signatures the server checks, plus some bytes). */
export function fakeImage(type: 'image/jpeg' | 'image/png' | 'image/webp', size = 64, fill = 1): Uint8Array {
  const bytes = new Uint8Array(size).fill(fill);
  if (type === 'image/jpeg') bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  else if (type === 'image/png') bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  else {
    bytes.set([0x52, 0x49, 0x46, 0x46]);
    bytes.set([0x57, 0x45, 0x42, 0x50], 8);
  }
  return bytes;
}

export interface PhaseData {
  objectiveId: string;
  areaId: string;
  status: PhaseStatus;
  percent: number;
  updatedBy: string | null;
}
export interface AreaData {
  name: string;
}
export interface ObjectiveData {
  areaId: string;
  state: string;
  number: string;
}

/** The demo plan as a device sees it: areas by name fragment, phases not started per area, etc. */
export function demoPlan(device: TestDevice) {
  const areas = device.all<AreaData>('area');
  const areaId = (fragment: string): string => {
    const a = areas.find((r) => r.data.name.toLowerCase().includes(fragment));
    if (!a) throw new Error(`no area ${fragment}`);
    return a.id;
  };
  const objectives = device.all<ObjectiveData>('objective');
  const openObjective = (id: string) => {
    const state = objectives.find((o) => o.id === id)?.data.state;
    return state === 'active' || state === 'modified';
  };
  return {
    areaId,
    /** Phases not started of open objectives in an area, in a stable order. */
    freshPhases(fragment: string): (PullRow & { data: PhaseData })[] {
      const id = areaId(fragment);
      return device
        .all<PhaseData>('phase')
        .filter(
          (p) => p.data.areaId === id && p.data.status === 'not_started' && openObjective(p.data.objectiveId),
        )
        .sort((a, b) => a.version - b.version);
    },
    objectiveIn(fragment: string): string {
      const id = areaId(fragment);
      const o = objectives.find((r) => r.data.areaId === id && openObjective(r.id));
      if (!o) throw new Error(`no objective in ${fragment}`);
      return o.id;
    },
    removedObjectivePhase(): (PullRow & { data: PhaseData }) | undefined {
      const removed = new Set(objectives.filter((o) => o.data.state === 'removed').map((o) => o.id));
      return device.all<PhaseData>('phase').find((p) => removed.has(p.data.objectiveId));
    },
  };
}
