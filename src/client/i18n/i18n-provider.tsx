/**
 * Holds the chosen language (Italian by default), remembers it in localStorage (a device preference,
 * not plan data) and keeps `<html lang>` in step so screen readers pronounce the text right.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, type I18nValue } from './i18n-context.ts';
import { createTranslator, isLanguage, type Language } from './translate.ts';

const STORAGE_KEY = 'traguardi.lang';

function initialLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage may be unavailable (private mode): Italian it is.
  }
  return 'it';
}

export function I18nProvider({ children, language }: { children: ReactNode; language?: Language }) {
  const [lang, setLang] = useState<Language>(() => language ?? initialLanguage());
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18nValue>(
    () => ({
      ...createTranslator(lang),
      setLanguage: (next) => {
        try {
          localStorage.setItem(STORAGE_KEY, next);
        } catch {
          // Not remembered across restarts, still applied now.
        }
        setLang(next);
      },
    }),
    [lang],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}
