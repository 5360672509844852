import type { QuestionnaireDefinition } from './types.ts';

/**
 * The Hub's default readiness questionnaire (issue 23): the seed's validation-survey purposes
 * (motivation, drivers, readiness, commitment, capability gaps) over the six CHROME dimensions,
 * scored by `scoreReadiness` (docs/readiness.md). To be written on the market-surveys branch:
 * this first version holds no question yet and must not be offered to users.
 */
export interface DefaultQuestionnaire {
  name: string;
  description: string;
  definition: QuestionnaireDefinition;
}

export function defaultReadinessQuestionnaire(): DefaultQuestionnaire {
  return {
    name: 'Internationalisation readiness',
    description: '',
    definition: { languages: ['en'], sections: [] },
  };
}
