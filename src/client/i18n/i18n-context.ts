import { createContext } from 'react';
import { createTranslator, type Language, type Translator } from './translate.ts';

export interface I18nValue extends Translator {
  setLanguage: (lang: Language) => void;
}

export const I18nContext = createContext<I18nValue>({ ...createTranslator('it'), setLanguage: () => {} });
