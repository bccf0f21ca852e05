/**
 * Holds the chosen language (Italian by default), remembers it on the device and keeps `<html lang>`
 * in step so screen readers pronounce the text right. A language whose catalog is not loaded yet is
 * switched to once its chunk has arrived.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, type I18nValue } from './i18n-context.ts';
import { readStoredLanguage, storeLanguage } from './stored-language.ts';
import { createTranslator, loadCatalog, type Language } from './translate.ts';

export function I18nProvider({ children, language }: { children: ReactNode; language?: Language }) {
  const [lang, setLang] = useState<Language>(() => language ?? readStoredLanguage());
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18nValue>(
    () => ({
      ...createTranslator(lang),
      setLanguage: (next) => {
        storeLanguage(next);
        void loadCatalog(next).then(() => setLang(next));
      },
    }),
    [lang],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}
