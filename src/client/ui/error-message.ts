import type { LocalChangeCode } from '../db/local-change.ts';
import type { MessageKey } from '../i18n/it.ts';

const KEYS: Record<LocalChangeCode, MessageKey> = {
  invalid: 'error.invalid',
  empty: 'error.empty',
  too_long: 'error.too_long',
  too_many_photos: 'error.too_many_photos',
  photo_type: 'error.photo_type',
  photo_too_large: 'error.photo_too_large',
  not_found: 'error.not_found',
  illegal_transition: 'error.illegal_transition',
  no_session: 'error.no_session',
  quota: 'error.quota',
  forbidden: 'error.forbidden',
  locked: 'error.locked',
};

/** The message key for a refused local change (a full disk included: nothing saved is lost). */
export function localChangeMessage(code: LocalChangeCode): MessageKey {
  return KEYS[code];
}
