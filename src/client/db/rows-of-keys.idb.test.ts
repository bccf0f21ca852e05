import { describe, expect, it } from 'vitest';
import { makePhase, newBrowser, openTab } from '../../../test/helpers/device.ts';
import { rowsOfKeys } from './rows-of-keys.ts';

describe('rowsOfKeys', () => {
  it('reads the same rows in the same order as anyOf, each key once', async () => {
    const db = openTab(newBrowser());
    const areas = ['a-3', 'a-1', 'a-2'];
    await db.phases.bulkPut(
      Array.from({ length: 30 }, (_, i) =>
        makePhase({ id: `ph-${String(i).padStart(2, '0')}`, areaId: areas[i % 3] ?? 'a-1', number: i }),
      ),
    );
    const wanted = ['a-3', 'a-1', 'a-3', 'none'];
    const expected = await db.phases.where('areaId').anyOf(wanted).toArray();
    const rows = await rowsOfKeys(db.phases, 'areaId', wanted);
    expect(rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(rows).toHaveLength(20);
    expect(await rowsOfKeys(db.phases, 'areaId', [])).toEqual([]);
  });
});
