// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { clearSnapshot, loadSnapshot, saveSnapshot, type DashboardSnapshot } from './dashboard-snapshot.ts';

const counts = { done: 1, inProgress: 2, late: 3, notStarted: 4, blocked: 0, cancelled: 0 };
const snapshot: DashboardSnapshot = {
  enteName: 'Città di Asola',
  planTitle: 'PIAO 2022',
  plan: { progress: 40, expected: 55, counts },
  areas: [{ id: 'a1', name: 'Servizi alla persona', head: null, progress: 40, expected: 55, counts }],
};

describe('dashboard snapshot', () => {
  beforeEach(() => clearSnapshot());

  it('is reused only for the same data fingerprint, weight set and day', () => {
    saveSnapshot('c1|10|4|5|0|0', 'nucleo', '2022-09-15', snapshot);
    expect(loadSnapshot('c1|10|4|5|0|0', 'nucleo', '2022-09-15')).toEqual(snapshot);
    expect(loadSnapshot('c1|11|4|5|0|0', 'nucleo', '2022-09-15')).toBeNull();
    expect(loadSnapshot('c1|10|4|5|0|0', 'giunta', '2022-09-15')).toBeNull();
    expect(loadSnapshot('c1|10|4|5|0|0', 'nucleo', '2022-09-16')).toBeNull();
  });

  it('is forgotten on sign-out and ignores what it cannot read', () => {
    saveSnapshot('v', 'equal', '2022-01-01', snapshot);
    clearSnapshot();
    expect(loadSnapshot('v', 'equal', '2022-01-01')).toBeNull();
    localStorage.setItem('traguardi.dashboard', '{not json');
    expect(loadSnapshot('v', 'equal', '2022-01-01')).toBeNull();
  });
});
