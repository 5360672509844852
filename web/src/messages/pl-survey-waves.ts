/** Polish strings of issue 23 (survey waves) (first draft; to be reviewed by a native speaker). */
import type { enSurveyWaves } from './en-survey-waves.ts';
import type { Messages } from './types.ts';

export const plSurveyWaves: Pick<Messages, keyof typeof enSurveyWaves> = {
  surveyWaves: {
    title: 'Edycje',
  },
};
