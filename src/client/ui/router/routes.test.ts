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
  });

  it('an unknown or malformed address is "not found", never an exception', () => {
    expect(parseRoute('/fasi/%E0%A4%A', '')).toEqual({ name: 'notFound' });
    expect(parseRoute('/obiettivi/1/altro', '')).toEqual({ name: 'notFound' });
    expect(parseRoute('/nulla', '')).toEqual({ name: 'notFound' });
  });
});
