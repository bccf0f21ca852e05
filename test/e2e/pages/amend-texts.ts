/** The plan-amendment catalogs (src/client/i18n/amend-*.ts), as texts.ts does for the main one. */
import { amendEn } from '../../../src/client/i18n/amend-en.ts';
import { amendIt, type AmendMessageKey } from '../../../src/client/i18n/amend-it.ts';
import type { Lang } from './texts.ts';

export type { AmendMessageKey };

const CATALOGS: Record<Lang, Record<AmendMessageKey, string>> = { it: amendIt, en: amendEn };

/** A plan-amendment message with its placeholders filled (numbers as plain digits). */
export function amendText(
  lang: Lang,
  key: AmendMessageKey,
  params: Record<string, string | number> = {},
): string {
  return CATALOGS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
