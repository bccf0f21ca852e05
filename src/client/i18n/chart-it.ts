/**
 * The Italian messages of the area page's progress chart and the dashboard's comparison with a
 * monitoring snapshot: a catalog apart from it.ts, shipped with those lazily loaded chunks and not in
 * the first one (chart-en.ts must have every key).
 */
export const chartIt = {
  'chart.title': 'Andamento nell’anno',
  'chart.intro': 'Ricostruito dalla cronologia delle fasi, a fine mese; l’ultimo punto è oggi.',
  'chart.introClosed': 'Ricostruito dalla cronologia delle fasi, a fine mese, fino al {date}.',
  // No article before a number ("dal 0%", "dall’8%"): the sentence reads right for any figure.
  'chart.summary': 'Avanzamento: {first} a fine {month}, {last} oggi; atteso {expected}.',
  'chart.summaryOn': 'Avanzamento: {first} a fine {month}, {last} al {date}; atteso {expected}.',
  'chart.summaryOne': 'Avanzamento: {last} oggi; atteso {expected}.',
  'chart.notCounted': 'Nessun obiettivo dell’area è valutato: non c’è un andamento da mostrare.',
  'chart.actual': 'Avanzamento reale',
  'chart.expected': 'Atteso dalle scadenze',
  'chart.legend': 'Legenda',
  'chart.showTable': 'Mostra i dati in tabella',
  'chart.caption': 'Avanzamento dell’area a fine mese',
  'chart.date': 'Data',
  'chart.progress': 'Avanzamento',
  'chart.expectedColumn': 'Atteso',
  'chart.none': 'n.d.',
  'compare.label': 'Confronta con il monitoraggio del …',
  'compare.noneChosen': 'Nessun confronto',
  'compare.option': '{date} · {label}',
  'compare.title': 'Confronto con il monitoraggio del {date}',
  'compare.intro': 'Avanzamento allora, al {then}, e ora, al {now}, con gli stessi pesi.',
  'compare.plan': 'Ente',
  'compare.area': 'Area',
  'compare.then': 'Allora',
  'compare.now': 'ora',
  'compare.change': 'Variazione',
  'compare.up': 'su di {value} punti',
  'compare.down': 'giù di {value} punti',
  'compare.same': 'invariato',
  'compare.loading': 'Calcolo del confronto…',
} as const;

export type ChartMessageKey = keyof typeof chartIt;
