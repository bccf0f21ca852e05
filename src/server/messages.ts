/**
 * Human messages of the API, in Italian (the default) and English, chosen by Accept-Language.
 * Codes travel unchanged; only the message text is translated. Parameters fill `{name}` slots.
 */
import { EVALUATION_MESSAGES } from './evaluation-messages.ts';
import { MONITORING_MESSAGES } from './monitoring-messages.ts';
import { PLAN_MESSAGES } from './plan-messages.ts';

export type Lang = 'it' | 'en';
type Text = { it: string; en: string };

const MESSAGES = {
  ...PLAN_MESSAGES,
  ...MONITORING_MESSAGES,
  ...EVALUATION_MESSAGES,
  bad_request: { it: 'Richiesta non valida.', en: 'Bad request.' },
  bad_json: { it: 'Il corpo della richiesta non è JSON valido.', en: 'The request body is not valid JSON.' },
  bad_envelope: {
    it: 'La richiesta non ha la forma attesa: {detail}',
    en: 'The request does not have the expected shape: {detail}',
  },
  bad_content_type: { it: 'Tipo di contenuto non accettato.', en: 'Content type not accepted.' },
  schema_too_new: {
    it: 'Versione del protocollo {version} non supportata da questo server.',
    en: 'Protocol version {version} is not supported by this server.',
  },
  invalid_credentials: { it: 'Nome utente o password errati.', en: 'Wrong username or password.' },
  unauthorized: { it: 'Accesso richiesto: effettua di nuovo l’accesso.', en: 'Please sign in again.' },
  forbidden: { it: 'Operazione non consentita.', en: 'Not allowed.' },
  client_owned: {
    it: 'Questo dispositivo è registrato per un altro utente.',
    en: 'This device id belongs to another user.',
  },
  not_found: { it: 'Risorsa non trovata.', en: 'Not found.' },
  payload_too_large: { it: 'Il contenuto inviato è troppo grande.', en: 'The payload is too large.' },
  conflict: { it: 'Conflitto con una risorsa esistente.', en: 'Conflict with an existing resource.' },
  attachment_conflict: {
    it: 'Un allegato con questo identificativo esiste già con un contenuto diverso.',
    en: 'An attachment with this id already exists with different content.',
  },
  attachment_quota_user: {
    it: 'Spazio per le tue foto esaurito ({mb} MB): la foto resta sul dispositivo.',
    en: 'Your photo storage is full ({mb} MB): the photo stays on the device.',
  },
  attachment_quota_ente: {
    it: 'Spazio per le foto dell’ente esaurito ({mb} MB): la foto resta sul dispositivo.',
    en: 'The ente’s photo storage is full ({mb} MB): the photo stays on the device.',
  },
  attachment_removed: {
    it: 'La foto non è più sul server: non era collegata a nessuna nota ed è stata rimossa.',
    en: 'The photo is no longer on the server: no note named it, so it was removed.',
  },
  client_too_old: {
    it: 'Questa versione dell’app è troppo vecchia: aggiornala.',
    en: 'This version of the app is too old: please update it.',
  },
  rate_limited: {
    it: 'Troppi tentativi: riprova fra qualche minuto.',
    en: 'Too many attempts: try again in a few minutes.',
  },
  unavailable: {
    it: 'Servizio momentaneamente non disponibile: riprova.',
    en: 'Service temporarily unavailable: please retry.',
  },
  // Users and sessions (admin).
  password_too_short: {
    it: 'La password deve avere almeno 10 caratteri.',
    en: 'The password must be at least 10 characters long.',
  },
  wrong_password: { it: 'La password attuale non è corretta.', en: 'The current password is wrong.' },
  username_taken: {
    it: 'Il nome utente «{username}» è già in uso.',
    en: 'The username "{username}" is taken.',
  },
  unknown_role: {
    it: 'Ruolo sconosciuto: {role}. Ruoli ammessi: {roles}.',
    en: 'Unknown role: {role}. Allowed roles: {roles}.',
  },
  unknown_area: {
    it: 'Area sconosciuta in questo ente: {id}.',
    en: 'No such area in this ente: {id}.',
  },
  last_admin: {
    it: 'È l’ultimo amministratore attivo dell’ente: non può essere disattivato né cambiare ruolo.',
    en: 'This is the ente’s last active administrator: they cannot be deactivated or change role.',
  },
  bad_user_fields: { it: 'Dati dell’utente non validi: {detail}', en: 'Invalid user data: {detail}' },
  // Reasons of rejected mutations.
  unknown_mutation: { it: 'Operazione sconosciuta: {name}.', en: 'Unknown mutation: {name}.' },
  invalid_args: { it: 'Dati non validi: {detail}', en: 'Invalid data: {detail}' },
  role_forbidden: {
    it: 'Il tuo ruolo non consente questa operazione.',
    en: 'Your role does not allow this operation.',
  },
  area_forbidden: {
    it: 'Questa fase o questo obiettivo non è della tua area.',
    en: 'This phase or objective is not in your area.',
  },
  phase_not_found: { it: 'Fase non trovata.', en: 'Phase not found.' },
  objective_not_found: { it: 'Obiettivo non trovato.', en: 'Objective not found.' },
  phase_not_of_objective: {
    it: 'La fase non appartiene all’obiettivo indicato.',
    en: 'The phase does not belong to the given objective.',
  },
  attachment_invalid: {
    it: 'Allegato mancante o non accessibile: {id}.',
    en: 'Attachment missing or not accessible: {id}.',
  },
  objective_closed: {
    it: 'L’obiettivo è {state}: non accetta più avanzamenti.',
    en: 'The objective is {state}: it accepts no more progress.',
  },
  phase_closed: {
    it: 'La fase è {status}: cambia prima lo stato.',
    en: 'The phase is {status}: change its status first.',
  },
} satisfies Record<string, Text>;

export type MessageKey = keyof typeof MESSAGES;
export type MessageParams = Record<string, string | number>;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(MESSAGES, key);
}

/** English only when the user prefers it over Italian; Italian otherwise. */
export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'it';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...attrs] = part.trim().toLowerCase().split(';');
      const q = attrs.map((a) => /^\s*q=([\d.]+)/.exec(a)?.[1]).find((v) => v !== undefined);
      return { lang: tag.split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => (r.lang === 'it' || r.lang === 'en') && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.lang === 'en' ? 'en' : 'it';
}

/** Words for the values that fill `{status}` and `{state}`, so no code name shows in a sentence. */
const VALUE_WORDS: Record<string, Record<string, Text>> = {
  status: {
    not_started: { it: 'non avviata', en: 'not started' },
    in_progress: { it: 'in corso', en: 'in progress' },
    done: { it: 'completata', en: 'done' },
    blocked: { it: 'bloccata', en: 'blocked' },
    cancelled: { it: 'annullata', en: 'cancelled' },
    // A plan's status (plan_not_draft, plan_not_closed).
    draft: { it: 'in bozza', en: 'a draft' },
    approved: { it: 'approvato', en: 'approved' },
    closed: { it: 'chiuso', en: 'closed' },
  },
  state: {
    active: { it: 'attivo', en: 'active' },
    modified: { it: 'modificato', en: 'modified' },
    replaced: { it: 'sostituito', en: 'replaced' },
    removed: { it: 'stralciato', en: 'removed' },
  },
};

function word(name: string, value: string | number, lang: Lang): string {
  return VALUE_WORDS[name]?.[String(value)]?.[lang] ?? String(value);
}

export function message(key: MessageKey, lang: Lang, params: MessageParams = {}): string {
  return MESSAGES[key][lang].replace(/\{(\w+)\}/g, (slot, name: string) => {
    const value = params[name];
    return value === undefined ? slot : word(name, value, lang);
  });
}
