import { useContext } from 'react';
import { I18nContext, type I18nValue } from './i18n-context.ts';

/** The current language's `t`, `tn` and Intl formatters. */
export function useT(): I18nValue {
  return useContext(I18nContext);
}
