import { useMemo } from 'react';
import { adminEn } from '../../../i18n/admin-en.ts';
import { adminIt, type AdminMessageKey } from '../../../i18n/admin-it.ts';
import type { MessageKey } from '../../../i18n/it.ts';
import { layeredT } from '../../../i18n/layered-t.ts';
import { useT } from '../../../i18n/use-t.ts';

export type AdminKey = AdminMessageKey | MessageKey;

const CATALOGS = { it: adminIt, en: adminEn };

/**
 * useT() with the admin catalog (admin-it.ts / admin-en.ts) on top: `t` takes keys of either.
 * Both admin catalogs live in the lazily loaded chunks that import this, never in the first one.
 */
export function useAdminT() {
  const tr = useT();
  return useMemo(() => ({ ...tr, t: layeredT(CATALOGS, tr) }), [tr]);
}
