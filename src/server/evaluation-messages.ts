/**
 * Messages of the rejections of the Nucleo's evaluation and of the close of the year (protocol Part 2
 * "Evaluation by the Nucleo"), in Italian and English; merged into the API's catalogue (messages.ts).
 * The keys are the ones the device names its local refusals by (client/apply/plan-apply-context.ts).
 */
export const EVALUATION_MESSAGES = {
  evaluate_forbidden: {
    it: 'Solo il Nucleo di valutazione registra la valutazione degli obiettivi e delle fasi.',
    en: 'Only the evaluation body (Nucleo) records the evaluation of objectives and phases.',
  },
  close_forbidden: {
    it: 'Solo il Nucleo di valutazione o l’amministratore chiude il piano.',
    en: 'Only the evaluation body (Nucleo) or the administrator closes the plan.',
  },
  reopen_forbidden: {
    it: 'Solo l’amministratore riapre un piano chiuso.',
    en: 'Only the administrator reopens a closed plan.',
  },
  scoring_forbidden: {
    it: 'Solo l’amministratore sceglie il metodo di punteggio del piano.',
    en: 'Only the administrator chooses the plan’s scoring method.',
  },
  self_assessment_forbidden: {
    it: 'Solo il responsabile dell’area (o l’amministratore) registra l’autovalutazione.',
    en: 'Only the head of the area (or the administrator) records the self-assessment.',
  },
  plan_not_closed: {
    it: 'Il piano non è chiuso: è {status}.',
    en: 'The plan is not closed: it is {status}.',
  },
  // Bad input, said plainly rather than as the schema's words (evaluation-args.ts).
  percent_out_of_range: {
    it: 'La percentuale deve essere un numero intero da 0 a 100 (oppure «non valutato»).',
    en: 'The percentage must be a whole number from 0 to 100 (or “not evaluated”).',
  },
  verdict_reason_required: {
    it: 'Una fase contestata richiede la motivazione.',
    en: 'A contested phase needs its reason.',
  },
  reopen_reason_required: {
    it: 'La riapertura del piano richiede una motivazione.',
    en: 'Reopening the plan needs a reason.',
  },
  text_too_long: {
    it: 'Il testo supera i {max} caratteri.',
    en: 'The text is longer than {max} characters.',
  },
} as const;
