/** The second demo ente's small plan ("Comune di Prova": one area, two objectives), as a ParsedPlan. */
import type { ParsedPlan } from '../../domain/plan-text/parsed-plan.ts';

const phase = (number: number, description: string, deadline: string) => ({
  number,
  indicator: description,
  subjects: 'Ufficio segreteria',
  description,
  weight: 50,
  weightUnit: 'percent' as const,
  deadline,
  line: 0,
});

export const PROVA_PLAN: ParsedPlan = {
  ente: 'Comune di Prova',
  acts: [],
  areas: [
    {
      name: 'Area amministrativa',
      heading: 'AREA AMMINISTRATIVA',
      motivation: null,
      line: 0,
      objectives: [
        {
          number: '1',
          title: 'Digitalizzazione del protocollo',
          indicator: 'Protocollo interamente digitale entro fine anno',
          subjects: 'Ufficio protocollo',
          state: 'active',
          motivation: null,
          deadline: '2022-12-31',
          weights: { head: 50, giunta: 50, nucleo: null },
          line: 0,
          phases: [
            phase(1, 'Analisi dei flussi documentali', '2022-06-30'),
            phase(2, 'Avvio del protocollo digitale', '2022-12-31'),
          ],
        },
        {
          number: '2',
          title: 'Aggiornamento del sito istituzionale',
          indicator: 'Sezione Amministrazione Trasparente aggiornata',
          subjects: 'Ufficio segreteria',
          state: 'active',
          motivation: null,
          deadline: '2022-12-31',
          weights: { head: 50, giunta: 50, nucleo: null },
          line: 0,
          phases: [
            phase(1, 'Ricognizione dei contenuti', '2022-09-30'),
            phase(2, 'Pubblicazione dei contenuti aggiornati', '2022-12-31'),
          ],
        },
      ],
    },
  ],
};
