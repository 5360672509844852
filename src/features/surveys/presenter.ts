import type { Language } from '../../domain/i18n/types.ts';
import { questionsOf } from '../../domain/surveys/questionnaire.ts';
import type { QuestionnaireDefinition, QuestionnaireKind } from '../../domain/surveys/types.ts';
import type { QuestionnaireListRow, WaveRef } from './repository.ts';
import type { QuestionnaireDto } from './schema.ts';

/** A stored definition (JSON, validated before it was stored). */
export function definitionOf(json: string): QuestionnaireDefinition {
  return JSON.parse(json) as QuestionnaireDefinition;
}

export function presentQuestionnaire(row: QuestionnaireListRow): QuestionnaireDto {
  const definition = definitionOf(row.definition);
  return {
    id: row.id,
    kind: row.kind as QuestionnaireKind,
    name: row.name,
    description: row.description,
    status: row.status,
    isDefault: Number(row.is_default) === 1,
    currentVersion: Number(row.current_version),
    waveCount: Number(row.wave_count),
    questionCount: questionsOf(definition).length,
    languages: definition.languages as Language[],
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentWaveRef(wave: WaveRef) {
  return { id: wave.id, name: wave.name, status: wave.status };
}
