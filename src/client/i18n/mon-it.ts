/**
 * The Italian messages of the Monitoraggio intermedio pages (the plan's snapshots, the mid-year
 * monitoring report and the heads' reports): a catalog apart from it.ts, imported only by the lazy
 * monitoring chunks (mon-en.ts must have every key).
 */
export const monIt = {
  'mon.title': 'Monitoraggio intermedio',
  'mon.intro':
    'Una rilevazione congela il piano a una data: stato, percentuale, peso e scadenza di ogni fase. Le sue cifre non cambiano più; i responsabili d’area vi scrivono il report di monitoraggio di ogni obiettivo.',
  'mon.list.title': 'Rilevazioni',
  'mon.list.none': 'Nessuna rilevazione di monitoraggio per questo piano.',
  'mon.list.asOf': 'Dati al {date}',
  'mon.list.takenAt': 'Scattata il {when}',
  'mon.list.by': 'da {name}',
  'mon.list.pending': 'In attesa di sincronizzazione: le cifre arrivano quando il server la registra.',
  'mon.list.roundClosed': 'Monitoraggio chiuso',
  'mon.list.roundOpen': 'Monitoraggio aperto',
  'mon.take.title': 'Nuova rilevazione',
  'mon.take.field.asOf': 'Data di riferimento',
  'mon.take.field.asOfHint':
    'Nel formato AAAA-MM-GG; le fasi in ritardo sono quelle scadute entro questa data.',
  'mon.take.field.label': 'Titolo',
  'mon.take.field.labelHint': 'Per esempio «Monitoraggio al 30 giugno», fino a {max} caratteri.',
  'mon.take.submit': 'Fai la rilevazione',
  'mon.take.queued': 'Rilevazione salvata sul dispositivo: sarà registrata alla prossima sincronizzazione.',
  'mon.error.asOf': 'Scrivi una data valida nel formato AAAA-MM-GG.',
  'mon.error.labelRequired': 'Scrivi il titolo della rilevazione.',
  'mon.error.tooLong': 'Al massimo {max} caratteri.',

  'mon.report.title': 'Report di monitoraggio: {label}',
  'mon.report.notFound': 'Questa rilevazione non è sul dispositivo.',
  'mon.report.pending':
    'La rilevazione è in attesa di sincronizzazione: le cifre si vedono quando il server l’ha registrata.',
  'mon.report.meta.asOf': 'Dati al {date}',
  'mon.report.meta.takenAt': 'Scattata il {when} da {name}',
  'mon.report.meta.frozen':
    'Cifre calcolate dal piano congelato alla rilevazione: le modifiche successive non le cambiano.',
  'mon.report.closedNotice':
    'Il monitoraggio è stato chiuso il {when} da {name}: i report sono in sola lettura.',
  'mon.report.ente': 'Ente',
  'mon.report.summaryTitle': 'Sintesi',
  'mon.report.summary': 'Avanzamento e atteso al {date}',
  'mon.report.col.where': 'Area',
  'mon.report.col.progress': 'Avanzamento',
  'mon.report.col.expected': 'Atteso',
  'mon.report.col.late': 'Fasi in ritardo',
  'mon.report.late.title': 'Fasi in ritardo',
  'mon.report.late.none': 'Nessuna fase in ritardo alla data della rilevazione.',
  'mon.report.late.item': '{area}, obiettivo {objective}, fase {phase}: scadenza {date}',
  'mon.report.objective': 'Obiettivo {number} · {title}',
  'mon.report.objective.figures': 'Avanzamento {progress}, atteso {expected}',
  'mon.report.objective.notCounted': 'Non conta: stralciato o sostituito alla data della rilevazione.',
  'mon.report.objective.none': 'Nessun report di monitoraggio.',
  'mon.report.field.done': 'Attività svolte',
  'mon.report.field.issues': 'Criticità',
  'mon.report.field.reachable': 'Raggiungibile entro il 31/12',
  'mon.report.reachable.yes': 'Sì',
  'mon.report.reachable.no': 'No',
  'mon.report.reachable.unsaid': 'Non indicato',
  'mon.report.field.action': 'Azione correttiva o variazione proposta',
  'mon.report.field.textHint': 'Facoltativo, fino a {max} caratteri.',
  'mon.report.by': 'Scritto da {name}, {when}',
  'mon.report.pendingSync': 'in attesa di sincronizzazione',
  'mon.report.write': 'Scrivi il report',
  'mon.report.edit': 'Modifica il report',
  'mon.report.formTitle': 'Report dell’obiettivo {number}',
  'mon.report.saved': 'Report salvato sul dispositivo: sarà inviato alla prossima sincronizzazione.',
  'mon.close.title': 'Chiusura del monitoraggio',
  'mon.close.intro': 'Chiuso il monitoraggio, i report non si modificano più.',
  'mon.close.button': 'Chiudi il monitoraggio',
  'mon.close.confirmTitle': 'Chiudere il monitoraggio «{label}»?',
  'mon.close.confirmBody':
    'I responsabili non potranno più scrivere né modificare i report di questa rilevazione.',
  'mon.close.confirm': 'Chiudi',
  'mon.close.queued': 'Chiusura salvata sul dispositivo: sarà inviata alla prossima sincronizzazione.',
  'mon.link.back': 'Monitoraggio del piano',
} as const;

export type MonMessageKey = keyof typeof monIt;
