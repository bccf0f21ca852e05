/**
 * The app's own message catalogs, so page objects find elements by the words the user reads in
 * either language, and a reworded message changes one place (src/client/i18n), not every test.
 */
import { en } from '../../../src/client/i18n/en.ts';
import { it, type MessageKey } from '../../../src/client/i18n/it.ts';

export type Lang = 'it' | 'en';
export type { MessageKey };

const CATALOGS: Record<Lang, Record<MessageKey, string>> = { it, en };

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A message with its placeholders filled (numbers written as plain digits). */
export function text(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return CATALOGS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/**
 * A message as a RegExp source: literal text, each `{placeholder}` replaced by the given source
 * (default: any text, lazily). Use `new RegExp(source(...))` or combine several.
 */
export function source(lang: Lang, key: MessageKey, params: Record<string, string> = {}): string {
  const template = CATALOGS[lang][key];
  let out = '';
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    out += escapeRegExp(template.slice(last, match.index));
    out += params[match[1] ?? ''] ?? '.*?';
    last = (match.index ?? 0) + match[0].length;
  }
  return out + escapeRegExp(template.slice(last));
}

/** A message as an anchored or unanchored RegExp. */
export function pattern(
  lang: Lang,
  key: MessageKey,
  params: Record<string, string> = {},
  anchored = false,
): RegExp {
  const body = source(lang, key, params);
  return new RegExp(anchored ? `^${body}$` : body);
}
