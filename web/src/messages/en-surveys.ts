/**
 * English UI strings of issue 23 (surveys). Spread into `en` so pages read
 * `messages.surveys.…`.
 */
export const enSurveys = {
  surveys: {
    nav: 'Surveys',
    title: 'Surveys',
    tabs: { questionnaires: 'Questionnaires', waves: 'Waves' },
  },
};
