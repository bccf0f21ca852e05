import { describe, expect, it } from 'vitest';
import { parseRoute, paths } from './routes.ts';

describe('routes', () => {
  it('parses every page and round-trips ids through the paths', () => {
    expect(parseRoute('/', '')).toEqual({ name: 'home' });
    expect(parseRoute('/cruscotto/', '')).toEqual({ name: 'dashboard' });
    expect(parseRoute(paths.area('a/1 è'), '')).toEqual({ name: 'area', id: 'a/1 è' });
    expect(parseRoute(paths.objective('obj-1'), '')).toEqual({ name: 'objective', id: 'obj-1' });
    expect(parseRoute(paths.phase('ph 2'), '')).toEqual({ name: 'phase', id: 'ph 2' });
    expect(parseRoute('/cerca', '?q=mensa%20scolastica')).toEqual({
      name: 'search',
      query: 'mensa scolastica',
    });
    expect(parseRoute('/sincronizzazione', '')).toEqual({ name: 'sync' });
    expect(parseRoute('/impostazioni', '')).toEqual({ name: 'settings' });
    expect(parseRoute(paths.planAmendments('p/2022'), '')).toEqual({ name: 'planAmendments', id: 'p/2022' });
    expect(parseRoute(paths.planChanges('p1'), '')).toEqual({ name: 'planChanges', id: 'p1' });
    expect(parseRoute(paths.planReport('p/2022'), '')).toEqual({ name: 'planReport', id: 'p/2022' });
    expect(parseRoute(paths.objectiveEvidence('o/1'), '')).toEqual({ name: 'objectiveEvidence', id: 'o/1' });
    expect(parseRoute(paths.planMonitoring('p/2022'), '')).toEqual({ name: 'planMonitoring', id: 'p/2022' });
    expect(parseRoute(paths.planSnapshot('p/2022', 's 1'), '')).toEqual({
      name: 'planSnapshot',
      id: 'p/2022',
      snapshotId: 's 1',
    });
  });

  it('an unknown or malformed address is "not found", never an exception', () => {
    expect(parseRoute('/fasi/%E0%A4%A', '')).toEqual({ name: 'notFound' });
    expect(parseRoute('/obiettivi/1/altro', '')).toEqual({ name: 'notFound' });
    expect(parseRoute('/nulla', '')).toEqual({ name: 'notFound' });
  });
});
