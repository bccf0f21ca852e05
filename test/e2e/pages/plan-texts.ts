/** The plan pages' own catalogs (src/client/i18n/plan-*.ts), as texts.ts does for the main one. */
import { planEn } from '../../../src/client/i18n/plan-en.ts';
import { planIt, type PlanMessageKey } from '../../../src/client/i18n/plan-it.ts';
import type { Lang } from './texts.ts';

export type { PlanMessageKey };

const CATALOGS: Record<Lang, Record<PlanMessageKey, string>> = { it: planIt, en: planEn };

/** A plan-page message with its placeholders filled (numbers as plain digits). */
export function planText(
  lang: Lang,
  key: PlanMessageKey,
  params: Record<string, string | number> = {},
): string {
  return CATALOGS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
