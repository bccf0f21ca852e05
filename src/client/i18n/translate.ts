/**
 * Message lookup and formatting for one language: `t(key, params)` fills `{name}` placeholders,
 * `tn(base, count)` picks the `.one` / `.other` form with Intl.PluralRules, and dates and numbers
 * are written as the locale writes them (it-IT / en-GB). Pure: no React, no storage.
 */
import { it, type MessageKey } from './it.ts';

export const LANGUAGES = ['it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LOCALE_OF: Record<Language, string> = { it: 'it-IT', en: 'en-GB' };

export type Params = Record<string, string | number>;
/** The base of every plural pair: 'sync.pending' for 'sync.pending.one' / 'sync.pending.other'. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer B}.one` ? B : never) : never;

type Catalog = Record<MessageKey, string>;

// Italian ships in the first chunk; English is a separate chunk fetched when chosen (precached
// by the service worker, so switching works offline too).
const catalogs: Partial<Record<Language, Catalog>> = { it };

/** Loads a language's catalog (idempotent); call before createTranslator(lang) renders it. */
export async function loadCatalog(lang: Language): Promise<void> {
  if (catalogs[lang]) return;
  if (lang === 'en') catalogs.en = (await import('./en.ts')).en;
}

export function isLanguage(value: unknown): value is Language {
  return value === 'it' || value === 'en';
}

export function fill(
  template: string,
  params: Params | undefined,
  formatNumber: (n: number) => string,
): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

export interface Translator {
  lang: Language;
  locale: string;
  t: (key: MessageKey, params?: Params) => string;
  tn: (base: PluralKey, count: number, params?: Params) => string;
  /** 'YYYY-MM-DD' → e.g. "31 dic 2022"; calendar days are never shifted by the time zone. */
  date: (isoDate: string) => string;
  /** ISO 8601 instant → date and time in the device's zone. */
  dateTime: (iso: string) => string;
  /** A time relative to `now`, e.g. "3 minuti fa". */
  relative: (iso: string, now: number) => string;
  number: (n: number, maximumFractionDigits?: number) => string;
  /** 0–100 → "45%" as the locale writes it. */
  percent: (value: number) => string;
  bytes: (n: number) => string;
}

export function createTranslator(lang: Language): Translator {
  const locale = LOCALE_OF[lang];
  // Until its catalog has loaded a language falls back to Italian, so no key is ever shown raw.
  const catalog = catalogs[lang] ?? it;
  const numberFormat = new Intl.NumberFormat(locale);
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const dateFormat = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const plural = new Intl.PluralRules(locale);
  const formatNumber = (n: number) => numberFormat.format(n);
  const t = (key: MessageKey, params?: Params) => fill(catalog[key], params, formatNumber);
  return {
    lang,
    locale,
    t,
    tn: (base, count, params) => {
      const form = plural.select(count) === 'one' ? 'one' : 'other';
      // Every PluralKey has both forms in both catalogs (it.ts declares them in pairs).
      const key = `${base}.${form}` as MessageKey;
      return t(key, { count, ...params });
    },
    date: (isoDate) => {
      const ms = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(ms) ? isoDate : dateFormat.format(ms);
    },
    dateTime: (iso) => {
      const ms = Date.parse(iso);
      return Number.isNaN(ms) ? iso : dateTimeFormat.format(ms);
    },
    relative: (iso, now) => {
      const ms = Date.parse(iso);
      if (Number.isNaN(ms)) return iso;
      const seconds = Math.round((ms - now) / 1000);
      const abs = Math.abs(seconds);
      if (abs < 45) return relativeFormat.format(0, 'second');
      if (abs < 3600) return relativeFormat.format(Math.round(seconds / 60), 'minute');
      if (abs < 86_400) return relativeFormat.format(Math.round(seconds / 3600), 'hour');
      return dateTimeFormat.format(ms);
    },
    number: (n, maximumFractionDigits = 0) =>
      new Intl.NumberFormat(locale, { maximumFractionDigits }).format(n),
    percent: (value) => percentFormat.format(value / 100),
    bytes: (n) => {
      const units = ['B', 'kB', 'MB', 'GB'] as const;
      let value = n;
      let unit = 0;
      while (value >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit += 1;
      }
      return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit] ?? 'B'}`;
    },
  };
}
