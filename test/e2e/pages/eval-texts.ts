/** The evaluation catalogs (src/client/i18n/eval-*.ts), as texts.ts does for the main one. */
import { evalEn } from '../../../src/client/i18n/eval-en.ts';
import { evalIt, type EvalMessageKey } from '../../../src/client/i18n/eval-it.ts';
import type { Lang } from './texts.ts';

export type { EvalMessageKey };

const CATALOGS: Record<Lang, Record<EvalMessageKey, string>> = { it: evalIt, en: evalEn };

/** An evaluation message with its placeholders filled (numbers as plain digits). */
export function evalText(
  lang: Lang,
  key: EvalMessageKey,
  params: Record<string, string | number> = {},
): string {
  return CATALOGS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
