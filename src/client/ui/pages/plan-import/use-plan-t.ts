import { useMemo } from 'react';
import { layeredT } from '../../../i18n/layered-t.ts';
import { planEn } from '../../../i18n/plan-en.ts';
import { planIt, type PlanMessageKey } from '../../../i18n/plan-it.ts';
import { ACT_BODIES } from '../../../../shared/plan-mutations.ts';
import { useAdminT, type AdminKey } from '../admin-common/use-admin-t.ts';

export type PlanKey = PlanMessageKey | AdminKey;

const CATALOGS = { it: planIt, en: planEn };

/**
 * useAdminT() with the plan pages' catalog (plan-it.ts / plan-en.ts) on top, as the admin pages do:
 * both plan catalogs live in these pages' lazily loaded chunks, never in the first one.
 */
export function usePlanT() {
  const tr = useAdminT();
  return useMemo(() => ({ ...tr, t: layeredT(CATALOGS, tr) }), [tr]);
}

/** "Giunta comunale" for the act body `giunta`; a body the app does not know is shown as written. */
export function actBodyLabel(t: (key: PlanKey) => string, body: string): string {
  const known = ACT_BODIES.find((b) => b === body);
  return known ? t(`planPage.body.${known}`) : body;
}
