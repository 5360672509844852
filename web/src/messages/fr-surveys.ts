/** French strings of issue 23 (surveys) (first draft; to be reviewed by a native speaker). */
import type { enSurveys } from './en-surveys.ts';
import type { Messages } from './types.ts';

export const frSurveys: Pick<Messages, keyof typeof enSurveys> = {
  surveys: {
    nav: 'Enquêtes',
    title: 'Enquêtes',
    tabs: { questionnaires: 'Questionnaires', waves: 'Vagues' },
  },
};
