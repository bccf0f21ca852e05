/** The language chosen on this device (a preference, kept in localStorage); Italian by default. */
import { isLanguage, type Language } from './translate.ts';

const STORAGE_KEY = 'traguardi.lang';

export function readStoredLanguage(): Language {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage may be unavailable (private mode): Italian it is.
  }
  return 'it';
}

export function storeLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered across restarts, still applied now.
  }
}
