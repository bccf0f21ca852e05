import { describe, expect, it } from 'vitest';
import { MONITORING_TEXT_MAX, SNAPSHOT_LABEL_MAX } from '../../../../shared/cycle-mutations.ts';
import { isCalendarDay, readReport, readSnapshot, reportDraft } from './mon-rules.ts';

describe('the monitoring forms’ checks', () => {
  it('a snapshot’s date is a day that exists, its title required and at most the server’s limit', () => {
    expect(isCalendarDay('2022-06-30')).toBe(true);
    expect(isCalendarDay('2024-02-29')).toBe(true);
    expect(isCalendarDay('2022-02-29')).toBe(false);
    expect(isCalendarDay('30/06/2022')).toBe(false);
    expect(readSnapshot({ asOf: ' 2022-06-30 ', label: '  Giugno ' })).toEqual({
      ok: true,
      value: { asOf: '2022-06-30', label: 'Giugno' },
    });
    expect(readSnapshot({ asOf: '2022-13-01', label: '   ' })).toEqual({
      ok: false,
      errors: { asOf: { key: 'mon.error.asOf' }, label: { key: 'mon.error.labelRequired' } },
    });
    expect(readSnapshot({ asOf: '2022-06-30', label: 'x'.repeat(SNAPSHOT_LABEL_MAX + 1) })).toEqual({
      ok: false,
      errors: { label: { key: 'mon.error.tooLong', params: { max: SNAPSHOT_LABEL_MAX } } },
    });
  });

  it('a report: texts trimmed and optional, reachability yes/no/not said, each text within the limit', () => {
    expect(readReport({ done: ' Gara ', issues: '', reachable: 'no', action: 'Variazione' })).toEqual({
      ok: true,
      value: { done: 'Gara', issues: '', reachable: false, action: 'Variazione' },
    });
    expect(readReport({ done: '', issues: '', reachable: '', action: '' })).toMatchObject({
      ok: true,
      value: { reachable: null },
    });
    expect(
      readReport({ done: '', issues: 'x'.repeat(MONITORING_TEXT_MAX + 1), reachable: 'yes', action: '' }),
    ).toEqual({
      ok: false,
      errors: { issues: { key: 'mon.error.tooLong', params: { max: MONITORING_TEXT_MAX } } },
    });
    const saved = { done: 'a', issues: 'b', reachable: true, action: 'c' };
    expect(readReport(reportDraft(saved))).toEqual({ ok: true, value: saved });
    expect(reportDraft(undefined)).toEqual({ done: '', issues: '', reachable: '', action: '' });
  });
});
