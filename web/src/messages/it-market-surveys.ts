/** Italian strings of issue 23 (market surveys) (first draft; to be reviewed by a native speaker). */
import type { enMarketSurveys } from './en-market-surveys.ts';
import type { Messages } from './types.ts';

export const itMarketSurveys: Pick<Messages, keyof typeof enMarketSurveys> = {
  marketSurveys: {
    title: 'Indagini di mercato',
  },
};
