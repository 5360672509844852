import { Checkbox, Group, Radio, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMemo } from 'react';
import { isCountryCode, visibleQuestions } from '../../../../src/domain/surveys/answers.ts';
import {
  type Answer,
  type Answers,
  type Question,
  type QuestionnaireDefinition,
  SCALE_MAX,
  SCALE_MIN,
  type Translated,
} from '../../../../src/domain/surveys/types.ts';
import { countrySelectOptions } from '../../app/format.ts';
import type { Language } from '../../app/language.ts';
import { NumberField } from '../../components/number-field.tsx';
import { messages } from '../../messages/en.ts';

const t = messages.surveyWaves.fields;

/**
 * A questionnaire as a form, in one language: its sections and questions, each shown only when its
 * condition holds (issue 23, waves branch). Used by the respondent's page and by the builder's
 * preview (read-only there when `readOnly`).
 */
export interface AnswerFormProps {
  definition: QuestionnaireDefinition;
  language: Language;
  answers: Answers;
  onChange?: (answers: Answers) => void;
  /** Question key → what is wrong with its answer. */
  errors?: Record<string, string>;
  /** The target markets a `market` question offers. */
  markets?: { id: string; name: string }[];
  readOnly?: boolean;
  /** Only this section (0-based), as the respondent's page shows them one at a time; all when absent. */
  sectionIndex?: number;
}

/** A text in the language, else in English. */
export function textIn(text: Translated | undefined, language: Language): string {
  if (!text) return '';
  return text[language] ?? text.en;
}

const SCALE = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => String(SCALE_MIN + i));

export function AnswerForm({
  definition,
  language,
  answers,
  onChange,
  errors = {},
  markets = [],
  readOnly = false,
  sectionIndex,
}: AnswerFormProps) {
  const shown = useMemo(
    () => new Set(visibleQuestions(definition, answers).map((q) => q.key)),
    [definition, answers],
  );
  const set = (key: string, value: Answer) => {
    if (readOnly || !onChange) return;
    const next = { ...answers };
    if (value === null || value === '' || (Array.isArray(value) && value.length === 0)) delete next[key];
    else next[key] = value;
    onChange(next);
  };
  const sections =
    sectionIndex === undefined
      ? definition.sections
      : definition.sections.slice(sectionIndex, sectionIndex + 1);
  return (
    <Stack gap="xl">
      {sections.map((section) => (
        <Stack key={section.key} gap="lg" component="section" aria-labelledby={`section-${section.key}`}>
          <Stack gap={4}>
            <Title order={2} fz="h3" id={`section-${section.key}`}>
              {textIn(section.title, language)}
            </Title>
            {section.description && <Text c="dimmed">{textIn(section.description, language)}</Text>}
          </Stack>
          {section.questions
            .filter((q) => shown.has(q.key))
            .map((question) => (
              <QuestionField
                key={question.key}
                question={question}
                language={language}
                value={answers[question.key]}
                error={errors[question.key]}
                markets={markets}
                readOnly={readOnly}
                onChange={(value) => set(question.key, value)}
              />
            ))}
        </Stack>
      ))}
    </Stack>
  );
}

function QuestionField({
  question,
  language,
  value,
  error,
  markets,
  readOnly,
  onChange,
}: {
  question: Question;
  language: Language;
  value: Answer | undefined;
  error: string | undefined;
  markets: { id: string; name: string }[];
  readOnly: boolean;
  onChange: (value: Answer) => void;
}) {
  const label = textIn(question.label, language);
  const description = question.help ? textIn(question.help, language) : undefined;
  const common = {
    label,
    description,
    error,
    required: question.required,
    'data-testid': `question-${question.key}`,
  };
  const scaleHint = question.scaleLabels
    ? `${SCALE_MIN} = ${textIn(question.scaleLabels.low, language)} · ${SCALE_MAX} = ${textIn(question.scaleLabels.high, language)}`
    : `${SCALE_MIN} = ${t.scaleLow} · ${SCALE_MAX} = ${t.scaleHigh}`;
  switch (question.type) {
    case 'single_choice':
      return (
        <Radio.Group
          {...common}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v)}
          readOnly={readOnly}
        >
          <Stack gap="xs" mt="xs">
            {(question.options ?? []).map((o) => (
              <Radio key={o.key} value={o.key} label={textIn(o.label, language)} disabled={readOnly} />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'multiple_choice':
      return (
        <Checkbox.Group
          {...common}
          value={Array.isArray(value) ? value : []}
          onChange={(v) => onChange(v)}
          readOnly={readOnly}
        >
          <Stack gap="xs" mt="xs">
            {(question.options ?? []).map((o) => (
              <Checkbox key={o.key} value={o.key} label={textIn(o.label, language)} disabled={readOnly} />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'scale':
      return (
        <Radio.Group
          {...common}
          description={description ? `${description} (${scaleHint})` : scaleHint}
          value={typeof value === 'number' ? String(value) : null}
          onChange={(v) => onChange(Number(v))}
          readOnly={readOnly}
        >
          <Group gap="md" mt="xs">
            {SCALE.map((n) => (
              <Radio key={n} value={n} label={n} disabled={readOnly} />
            ))}
          </Group>
        </Radio.Group>
      );
    case 'matrix': {
      const rows = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
      return (
        <Stack gap="sm" data-testid={`question-${question.key}`}>
          <Stack gap={2}>
            <Text fw={500} component="div">
              {label}
              {question.required && (
                <Text component="span" c="red" aria-hidden="true">
                  {' *'}
                </Text>
              )}
            </Text>
            <Text c="dimmed" fz="sm">
              {description ? `${description} (${scaleHint})` : scaleHint}
            </Text>
          </Stack>
          {(question.rows ?? []).map((row) => (
            <Radio.Group
              key={row.key}
              label={textIn(row.label, language)}
              value={typeof rows[row.key] === 'number' ? String(rows[row.key]) : null}
              onChange={(v) => onChange({ ...rows, [row.key]: Number(v) })}
              readOnly={readOnly}
            >
              <Group gap="md" mt={4}>
                {SCALE.map((n) => (
                  <Radio key={n} value={n} label={n} disabled={readOnly} />
                ))}
              </Group>
            </Radio.Group>
          ))}
          {error && (
            <Text c="red" fz="sm" role="alert">
              {error}
            </Text>
          )}
        </Stack>
      );
    }
    case 'number':
      return (
        <NumberField
          {...common}
          placeholder={t.number}
          value={typeof value === 'number' ? value : ''}
          onChange={(v) => onChange(typeof v === 'number' ? v : v === '' ? null : Number(v))}
          readOnly={readOnly}
          maw={240}
        />
      );
    case 'text':
      return (
        <Textarea
          {...common}
          placeholder={t.textPlaceholder}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          autosize
          minRows={2}
          readOnly={readOnly}
        />
      );
    case 'country':
      return (
        <Select
          {...common}
          placeholder={t.choose}
          data={countrySelectOptions().filter((o) => isCountryCode(o.value))}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v)}
          searchable
          clearable
          readOnly={readOnly}
          maw={420}
        />
      );
    case 'market':
      return (
        <Select
          {...common}
          placeholder={t.choose}
          data={markets.map((m) => ({ value: m.id, label: m.name }))}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v)}
          clearable
          readOnly={readOnly}
          maw={420}
        />
      );
    default:
      return null;
  }
}
