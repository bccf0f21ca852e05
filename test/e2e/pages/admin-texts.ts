/** The admin pages' own catalogs (src/client/i18n/admin-*.ts), as texts.ts does for the main one. */
import { adminEn } from '../../../src/client/i18n/admin-en.ts';
import { adminIt, type AdminMessageKey } from '../../../src/client/i18n/admin-it.ts';
import type { Lang } from './texts.ts';

export type { AdminMessageKey };

const CATALOGS: Record<Lang, Record<AdminMessageKey, string>> = { it: adminIt, en: adminEn };

/** An admin message with its placeholders filled (numbers as plain digits). */
export function adminText(
  lang: Lang,
  key: AdminMessageKey,
  params: Record<string, string | number> = {},
): string {
  return CATALOGS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
