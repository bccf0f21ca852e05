import { createContext, useContext, useMemo } from 'react';
import { evalEn } from '../../../i18n/eval-en.ts';
import { evalIt, type EvalMessageKey } from '../../../i18n/eval-it.ts';
import type { MessageKey } from '../../../i18n/it.ts';
import type { MonMessageKey } from '../../../i18n/mon-it.ts';
import { layeredT, type Catalogs } from '../../../i18n/layered-t.ts';
import { fill, type Params } from '../../../i18n/translate.ts';
import { useT } from '../../../i18n/use-t.ts';

export type EvalKey = EvalMessageKey | MonMessageKey | MessageKey;

export function isEvalKey(key: string): key is EvalMessageKey {
  return Object.hasOwn(evalIt, key);
}

function isMonKey(key: string): key is MonMessageKey {
  return key.startsWith('mon.');
}

/**
 * The monitoring pages' own catalog (mon-it.ts / mon-en.ts), given by those pages to the forms of
 * this folder (cycle-form.tsx, eval-fields.tsx) they reuse. A context, not an import, so the
 * evaluation chunks never carry it; without a provider a `mon.*` key shows as itself.
 */
export const ExtraCatalogContext = createContext<Catalogs<MonMessageKey> | null>(null);

const CATALOGS = { it: evalIt, en: evalEn };

/**
 * useT() with the evaluation catalog on top (eval-it.ts / eval-en.ts), and the monitoring one where a
 * monitoring page provides it. Both catalogs live in the lazily loaded chunks that import them, never
 * in the first one.
 */
export function useEvalT() {
  const tr = useT();
  const extra = useContext(ExtraCatalogContext);
  return useMemo(() => {
    const below = layeredT(CATALOGS, tr);
    const t = (key: EvalKey, params?: Params): string => {
      if (!isMonKey(key)) return below(key, params);
      return extra ? fill(extra[tr.lang][key], params, tr.number) : key;
    };
    return { ...tr, t };
  }, [tr, extra]);
}

export type EvalT = ReturnType<typeof useEvalT>;
