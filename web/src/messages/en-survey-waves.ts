/**
 * English UI strings of issue 23 (survey waves). Spread into `en` so pages read
 * `messages.surveyWaves.…`.
 */
export const enSurveyWaves = {
  surveyWaves: {
    title: 'Waves',
  },
};
