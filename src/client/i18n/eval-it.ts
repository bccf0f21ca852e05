/**
 * The Italian messages of the Nucleo's evaluation, the head's own assessment, the scores and the
 * close of the year: a catalog apart from it.ts so none of it ships in the first chunk; only the
 * lazily loaded evaluation chunks import it (eval-en.ts must have every key).
 */
export const evalIt = {
  'eval.title': 'Valutazione del Nucleo',
  'eval.intro':
    'Il Nucleo di Valutazione indica quanto l’obiettivo è stato raggiunto e, per ogni fase, se la convalida o la contesta.',
  'eval.hiddenWhileOpen':
    'Finché il piano è aperto le valutazioni del Nucleo le vedono l’amministratore, il Nucleo e il responsabile dell’area; tutti le vedono dopo la chiusura.',
  'eval.achievement': 'Raggiungimento',
  'eval.notEvaluated': 'NV',
  'eval.notEvaluatedLong': 'non valutato',
  'eval.notYet': 'Il Nucleo non ha ancora valutato questo obiettivo.',
  'eval.comment': 'Commento',
  'eval.by': '{name}, {when}',
  'eval.pendingSync': 'In attesa di sincronizzazione',
  'eval.edit': 'Valuta l’obiettivo',
  'eval.editAgain': 'Modifica la valutazione',
  'eval.formTitle': 'Valutazione dell’obiettivo',
  'eval.field.percent': 'Raggiungimento (%)',
  'eval.field.percentHint': 'Un numero intero da 0 a 100.',
  'eval.field.notEvaluated': 'Non valutato (NV): non conta nei punteggi, non vale 0',
  'eval.field.comment': 'Commento',
  'eval.field.commentHint': 'Facoltativo, fino a {max} caratteri.',
  'eval.save': 'Salva',
  'eval.cancel': 'Annulla',
  'eval.saved': 'Salvato sul dispositivo: sarà inviato alla prossima sincronizzazione.',
  'eval.errorSummary': 'Correggi i campi indicati.',
  'eval.required': '(obbligatorio)',
  'eval.optional': '(facoltativo)',
  'eval.error.percentRequired': 'Scrivi la percentuale di raggiungimento, oppure scegli «Non valutato».',
  'eval.error.percent': 'La percentuale è un numero intero da 0 a 100.',
  'eval.error.tooLong': 'Al massimo {max} caratteri.',
  'eval.error.reasonRequired': 'Scrivi il motivo: una fase contestata lo richiede.',
  'eval.error.thresholdRequired': 'Scrivi la soglia: un numero intero da 1 a 100.',

  'eval.phases': 'Fasi',
  'eval.phaseLabel': 'Fase {number}',
  'eval.verdict': 'Esito',
  'eval.verdict.none': 'Nessun esito',
  'eval.verdict.validated': 'Convalidata',
  'eval.verdict.contested': 'Contestata',
  'eval.verdictReason': 'Motivo',
  'eval.phaseVerdictTitle': 'Verifica del Nucleo',
  'eval.verdictEdit': 'Esito della fase {number}',
  'eval.verdictFormTitle': 'Esito della fase {number}',
  'eval.field.verdict': 'Esito',
  'eval.field.reason': 'Motivo',
  'eval.field.reasonHint': 'Obbligatorio se la fase è contestata, fino a {max} caratteri.',
  'eval.phaseRemoved': 'stralciata',

  'self.title': 'Autovalutazione del responsabile',
  'self.computed': 'Avanzamento calcolato dalle fasi',
  'self.percent': 'Percentuale indicata dal responsabile',
  'self.none': 'Il responsabile non ha ancora indicato una propria valutazione.',
  'self.note': 'Nota',
  'self.edit': 'Scrivi la tua autovalutazione',
  'self.editAgain': 'Modifica l’autovalutazione',
  'self.formTitle': 'Autovalutazione',
  'self.field.percent': 'Percentuale (%)',
  'self.field.percentHint': 'Facoltativa: un numero intero da 0 a 100.',
  'self.field.note': 'Nota',
  'self.field.noteHint': 'Facoltativa, fino a {max} caratteri.',
  'self.notCounted': 'L’obiettivo non conta più nel piano: niente autovalutazione.',

  'locked.title': 'Piano chiuso',
  'locked.body':
    'Il piano è chiuso: struttura, avanzamenti, note e valutazioni non si modificano più. Solo un amministratore può riaprirlo, indicando il motivo.',
  'locked.draft': 'Il piano è in bozza: le valutazioni si registrano dopo l’approvazione.',

  'scores.title': 'Punteggi del Nucleo',
  'scores.intro':
    'Dal raggiungimento indicato dal Nucleo, con i pesi «{weights}» e il metodo del piano: {method}. Gli obiettivi non valutati (NV) non contano.',
  'scores.ownAreas':
    'Vedi le valutazioni delle tue aree: il punteggio dell’ente compare a tutti dopo la chiusura del piano.',
  'scores.ente': 'Ente',
  'scores.area': 'Area',
  'scores.objective': 'Obiettivo',
  'scores.score': 'Punteggio',
  'scores.evaluated': 'Obiettivi valutati',
  'scores.evaluatedCount': '{evaluated} su {total}',
  'scores.none': 'Nessun obiettivo è ancora stato valutato: nessun punteggio.',
  'scores.tableCaption': 'Punteggio per area',
  'scores.objectiveScore': 'Punteggio {score}',

  'scoring.linear': 'lineare, fino a 100',
  'scoring.threshold': 'zero sotto il {threshold}%, lineare sopra',
  'scoring.title': 'Metodo di punteggio',
  'scoring.intro':
    'Come il raggiungimento diventa punteggio secondo il sistema di misurazione e valutazione (SMVP) dell’ente.',
  'scoring.current': 'Metodo attuale: {method}.',
  'scoring.option.linear': 'Lineare: il punteggio è il raggiungimento, fino a 100',
  'scoring.option.threshold': 'Con soglia: sotto la soglia il punteggio è 0',
  'scoring.field.threshold': 'Soglia (%)',
  'scoring.field.thresholdHint': 'Un numero intero da 1 a 100.',
  'scoring.save': 'Salva il metodo',
  'scoring.saved': 'Metodo salvato sul dispositivo: sarà inviato alla prossima sincronizzazione.',

  'close.title': 'Chiusura dell’anno',
  'close.intro':
    'Chiudendo il piano nessuno potrà più modificarne struttura, avanzamenti, note e valutazioni; le modifiche fatte senza rete che arriveranno dopo saranno respinte e mostrate da rivedere.',
  'close.button': 'Chiudi il piano',
  'close.confirmTitle': 'Chiudere il piano «{plan}»?',
  'close.confirmBody':
    'Il piano diventa di sola lettura per tutti. Un amministratore potrà riaprirlo indicando il motivo.',
  'close.confirm': 'Sì, chiudi il piano',
  'close.cancel': 'Annulla',
  'close.queued': 'Chiusura salvata sul dispositivo: sarà inviata alla prossima sincronizzazione.',
  'close.closedNotice': 'Il piano è chiuso.',
  'reopen.title': 'Riapertura',
  'reopen.button': 'Riapri il piano',
  'reopen.formTitle': 'Riapri il piano',
  'reopen.field.reason': 'Motivo della riapertura',
  'reopen.field.reasonHint': 'Obbligatorio, fino a {max} caratteri: resta nella storia del piano.',
  'reopen.error.reasonRequired': 'Scrivi il motivo della riapertura.',
  'reopen.confirm': 'Riapri',
  'reopen.queued': 'Riapertura salvata sul dispositivo: sarà inviata alla prossima sincronizzazione.',

  'evalChange.evaluate_forbidden': 'Solo il Nucleo di Valutazione valuta gli obiettivi e le fasi.',
  'evalChange.close_forbidden': 'Solo il Nucleo o un amministratore chiudono il piano.',
  'evalChange.reopen_forbidden': 'Solo un amministratore riapre il piano.',
  'evalChange.scoring_forbidden': 'Solo un amministratore sceglie il metodo di punteggio.',
  'evalChange.self_assessment_forbidden':
    'Solo il responsabile dell’area (o un amministratore) scrive l’autovalutazione.',
  'evalChange.plan_draft': 'Il piano è in bozza: si valuta e si chiude solo un piano approvato.',
  'evalChange.plan_not_closed': 'Il piano non è chiuso: non c’è nulla da riaprire.',
  'evalChange.plan_locked': 'Il piano è chiuso: non accetta più modifiche.',
  'evalChange.objective_taken_out': 'L’obiettivo è stato stralciato o sostituito: non si valuta più.',
  'evalChange.phase_removed': 'La fase è stata stralciata: non si valuta più.',
  'evalChange.area_forbidden': 'L’obiettivo non è di una tua area.',
  // The monitoring pages' refusals: the same forms and queue (queue-cycle-change.ts) word them.
  'evalChange.snapshot_forbidden':
    'Solo l’amministratore e il Nucleo di Valutazione fanno una rilevazione di monitoraggio.',
  'evalChange.snapshot_not_found': 'Rilevazione di monitoraggio non trovata.',
  'evalChange.snapshot_plan_draft': 'Il piano è in bozza: il monitoraggio si fa dopo l’approvazione.',
  'evalChange.report_forbidden':
    'Il report di monitoraggio lo scrive il responsabile dell’area dell’obiettivo (o l’amministratore).',
  'evalChange.objective_not_of_snapshot': 'L’obiettivo non è del piano di questa rilevazione.',
  'evalChange.monitoring_round_closed':
    'Il monitoraggio «{label}» è chiuso: i suoi report sono in sola lettura.',
  'evalChange.round_close_forbidden': 'Solo l’amministratore chiude un monitoraggio.',
  'evalChange.other': 'La modifica non si può salvare: {reason}',
} as const;

export type EvalMessageKey = keyof typeof evalIt;
