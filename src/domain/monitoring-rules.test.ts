import { describe, expect, it } from 'vitest';
import {
  closeRoundGate,
  mayCloseRound,
  mayReportInArea,
  mayTakeSnapshot,
  mayWriteReports,
  reportGate,
  sameReport,
  snapshotGate,
  type MonitoringRole,
} from './monitoring-rules.ts';

const ROLES: MonitoringRole[] = ['admin', 'head', 'officer', 'evaluator', 'viewer'];

describe('monitoring rules', () => {
  it('lets the admin and the evaluator take snapshots, the admin alone close a round', () => {
    expect(ROLES.filter(mayTakeSnapshot)).toEqual(['admin', 'evaluator']);
    expect(ROLES.filter(mayCloseRound)).toEqual(['admin']);
  });

  it('lets the head of the area, or an admin, write a report; nobody else', () => {
    expect(ROLES.filter(mayWriteReports)).toEqual(['admin', 'head']);
    expect(mayReportInArea({ role: 'head', areaIds: ['a1'] }, 'a1')).toBe(true);
    expect(mayReportInArea({ role: 'head', areaIds: ['a1'] }, 'a2')).toBe(false);
    expect(mayReportInArea({ role: 'admin', areaIds: [] }, 'a2')).toBe(true);
    // An officer of the area is not its head.
    expect(mayReportInArea({ role: 'officer', areaIds: ['a1'] }, 'a1')).toBe(false);
  });

  it('monitors approved plans only: a draft is illegal, a closed plan locked', () => {
    expect(snapshotGate('approved')).toEqual({ ok: true });
    expect(snapshotGate('draft')).toMatchObject({ code: 'illegal_transition', key: 'snapshot_plan_draft' });
    expect(snapshotGate('closed')).toMatchObject({ code: 'locked', key: 'plan_locked' });
    expect(closeRoundGate('approved')).toEqual({ ok: true });
    expect(closeRoundGate('closed')).toMatchObject({ code: 'locked' });
  });

  it('refuses a report on a closed plan as locked before a closed round as illegal', () => {
    expect(reportGate('approved', false)).toEqual({ ok: true });
    expect(reportGate('approved', true)).toMatchObject({
      code: 'illegal_transition',
      key: 'monitoring_round_closed',
    });
    expect(reportGate('closed', true)).toMatchObject({ code: 'locked' });
  });

  it('tells the same report from a changed one, field by field', () => {
    const r = { done: 'Fatto', issues: '', reachable: true, action: '' };
    expect(sameReport(r, { ...r })).toBe(true);
    for (const change of [{ done: 'x' }, { issues: 'x' }, { reachable: null }, { action: 'x' }])
      expect(sameReport(r, { ...r, ...change })).toBe(false);
  });
});
