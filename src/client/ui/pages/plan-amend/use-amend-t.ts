import { useMemo } from 'react';
import { amendEn } from '../../../i18n/amend-en.ts';
import { amendIt, type AmendMessageKey } from '../../../i18n/amend-it.ts';
import type { MessageKey } from '../../../i18n/it.ts';
import { dayDateOf, layeredT } from '../../../i18n/layered-t.ts';
import { useT } from '../../../i18n/use-t.ts';

export type AmendKey = AmendMessageKey | MessageKey;

const CATALOGS = { it: amendIt, en: amendEn };

/**
 * useT() with the plan-amendment catalog on top (amend-it.ts / amend-en.ts), plus `dayDate`, a
 * calendar day written as the plan prints it ("28/09/2022"). Both catalogs live in the lazily loaded
 * chunks that import this, never in the first one.
 */
export function useAmendT() {
  const tr = useT();
  return useMemo(() => ({ ...tr, t: layeredT(CATALOGS, tr), dayDate: dayDateOf(tr.locale) }), [tr]);
}

export type AmendT = ReturnType<typeof useAmendT>;
