/**
 * Messages of the plan mutations' rejections (protocol Part 2), in Italian and English; merged into
 * the API's catalogue (messages.ts). Kept apart so the plan's words read together.
 */
export const PLAN_MESSAGES = {
  plan_not_found: { it: 'Piano non trovato.', en: 'Plan not found.' },
  area_not_found: { it: 'Area non trovata.', en: 'Area not found.' },
  amendment_not_found: { it: 'Modifica del piano non trovata.', en: 'Plan amendment not found.' },
  plan_locked: {
    it: 'Il piano è chiuso: non accetta più modifiche.',
    en: 'The plan is closed: it accepts no more changes.',
  },
  plan_draft: {
    it: 'Il piano è in bozza: avanzamenti, note e valutazioni si registrano, e il piano si chiude, solo dopo l’approvazione.',
    en: 'The plan is a draft: progress, notes and evaluations are recorded, and the plan is closed, only once it is approved.',
  },
  plan_not_draft: {
    it: 'Il piano non è in bozza: è {status}.',
    en: 'The plan is not a draft: it is {status}.',
  },
  amendment_required: {
    it: 'Il piano è approvato: ogni modifica richiede una motivazione.',
    en: 'The plan is approved: every change needs a motivation.',
  },
  amend_forbidden: {
    it: 'Solo l’amministratore modifica il piano (o il responsabile della propria area, se l’ente lo consente).',
    en: 'Only the administrator amends the plan (or the head of their own area, where the ente allows it).',
  },
  objective_number_taken: {
    it: 'Il numero {number} è già di un altro obiettivo dell’area.',
    en: 'Number {number} already belongs to another objective of the area.',
  },
  phase_number_taken: {
    it: 'Il numero {number} è già di un’altra fase dell’obiettivo.',
    en: 'Number {number} already belongs to another phase of the objective.',
  },
  area_name_taken: {
    it: 'Un’area del piano si chiama già «{name}».',
    en: 'An area of the plan is already called “{name}”.',
  },
  area_has_objectives: {
    it: 'L’area ha ancora {count} obiettivi: toglili o spostali prima.',
    en: 'The area still has {count} objectives: take them out first.',
  },
  deadline_outside_year: {
    it: 'La scadenza {deadline} è fuori dall’anno del piano ({year}).',
    en: 'The deadline {deadline} falls outside the plan’s year ({year}).',
  },
  objective_taken_out: {
    it: 'L’obiettivo è {state}: non si modifica più.',
    en: 'The objective is {state}: it can no longer be changed.',
  },
  plan_year_taken: {
    it: 'L’ente ha già un piano approvato per il {year}: modificalo con un emendamento invece di importarne un altro.',
    en: 'The ente already has an approved plan for {year}: amend it instead of importing another one.',
  },
  phase_removed: {
    it: 'La fase è stata stralciata: non accetta più avanzamenti né modifiche.',
    en: 'The phase was removed from the plan: it accepts no more progress or changes.',
  },
} as const;
