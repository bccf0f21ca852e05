/**
 * A lazily loaded page's catalog laid over another translator's: its own keys read from its catalog
 * in the current language, every other key passed down (so `t('app.loading')` still works on those
 * pages). The catalogs stay in the chunks that import them, never in the first one.
 */
import { fill, type Language, type Params } from './translate.ts';

export type Catalogs<K extends string> = Readonly<Record<Language, Readonly<Record<K, string>>>>;

interface Base<B extends string> {
  lang: Language;
  number: (n: number) => string;
  t: (key: B, params?: Params) => string;
}

/** `t` over `catalogs` (keys decided by the Italian one, the reference) with `base` below it. */
export function layeredT<K extends string, B extends string>(
  catalogs: Catalogs<K>,
  base: Base<B>,
): (key: K | B, params?: Params) => string {
  const catalog = catalogs[base.lang];
  const own = (key: K | B): key is K => Object.hasOwn(catalogs.it, key);
  return (key, params) => (own(key) ? fill(catalog[key], params, base.number) : base.t(key, params));
}

const numericDates: Record<string, Intl.DateTimeFormat> = {};

/** A calendar day as the plan prints it ("30/06/2022"), never shifted by the time zone. */
export function dayDateOf(locale: string): (isoDate: string) => string {
  const format = (numericDates[locale] ??= new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }));
  return (isoDate) => {
    const ms = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(ms) ? isoDate : format.format(ms);
  };
}
