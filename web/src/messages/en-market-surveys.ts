/**
 * English UI strings of issue 23 (market surveys). Spread into `en` so pages read
 * `messages.marketSurveys.…`.
 */
export const enMarketSurveys = {
  marketSurveys: {
    title: 'Market surveys',
  },
};
