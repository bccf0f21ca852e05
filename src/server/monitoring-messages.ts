/**
 * Messages of the monitoring mutations' rejections (snapshot.take, monitoring.setReport,
 * snapshot.closeRound), in Italian and English; merged into the API's catalogue (messages.ts), as the
 * plan's are (plan-messages.ts). The keys the shared rules return (domain/monitoring-rules.ts) are here.
 */
export const MONITORING_MESSAGES = {
  snapshot_forbidden: {
    it: 'Solo l’amministratore e il Nucleo di Valutazione fanno una rilevazione di monitoraggio del piano.',
    en: 'Only the administrator and the Nucleo di Valutazione take a monitoring snapshot of the plan.',
  },
  snapshot_not_found: {
    it: 'Rilevazione di monitoraggio non trovata.',
    en: 'Monitoring snapshot not found.',
  },
  snapshot_plan_draft: {
    it: 'Il piano è in bozza: il monitoraggio si fa dopo l’approvazione.',
    en: 'The plan is a draft: it is monitored once approved.',
  },
  report_forbidden: {
    it: 'Il report di monitoraggio lo scrive il responsabile dell’area dell’obiettivo (o l’amministratore).',
    en: 'The monitoring report is written by the head of the objective’s area (or the administrator).',
  },
  objective_not_of_snapshot: {
    it: 'L’obiettivo non appartiene al piano di questa rilevazione di monitoraggio.',
    en: 'The objective does not belong to the plan of this monitoring snapshot.',
  },
  monitoring_round_closed: {
    it: 'Il monitoraggio «{label}» è chiuso: i suoi report sono in sola lettura.',
    en: 'The monitoring round “{label}” is closed: its reports are read-only.',
  },
  round_close_forbidden: {
    it: 'Solo l’amministratore chiude un monitoraggio.',
    en: 'Only the administrator closes a monitoring round.',
  },
} as const;
