import {
  ActionIcon,
  Button,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../../src/domain/i18n/types.ts';
import {
  ANY_OF_TYPES,
  AT_LEAST_TYPES,
  type DefinitionError,
  hasOptions,
  SCORABLE_TYPES,
} from '../../../../src/domain/surveys/questionnaire.ts';
import {
  QUESTION_TYPES,
  type Question,
  type QuestionnaireKind,
  type QuestionType,
  READINESS_DIMENSIONS,
  type ReadinessDimension,
  type Translated,
} from '../../../../src/domain/surveys/types.ts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { NumberField } from '../../components/number-field.tsx';
import { messages } from '../../messages/en.ts';
import { KeyedListEditor } from './keyed-list-editor.tsx';
import {
  addQuestion,
  addSection,
  blankText,
  changeType,
  type Definition,
  errorsAt,
  moveQuestion,
  removeQuestion,
  removeSection,
  setLanguages,
  updateQuestion,
} from './questionnaire-draft.ts';

const t = messages.surveys;
const b = t.builder;
const portal = { comboboxProps: { withinPortal: true } };

/** What a path's first step is called on screen (codes stay in the API). */
function fieldLabel(path: string): string {
  const step = path.match(/^[A-Za-z]+/)?.[0] ?? '';
  const labels: Record<string, string> = {
    key: b.key,
    label: b.label,
    help: b.help,
    options: b.options,
    rows: b.rows,
    min: b.min,
    max: b.max,
    scaleLabels: `${b.scaleLow} / ${b.scaleHigh}`,
    showIf: b.condition,
    dimension: b.dimension,
    title: b.sectionTitle,
    description: b.sectionDescription,
    questions: t.list.columns.questions,
  };
  return labels[step] ?? '';
}

/** One error under its question: what it is about, and what is wrong. */
export function errorText(error: { path: string; message: string }): string {
  const label = fieldLabel(error.path);
  return label ? `${label}: ${error.message}` : error.message;
}

function setEn(text: Translated | undefined, languages: readonly Language[], value: string): Translated {
  return { ...(text ?? blankText(languages)), en: value };
}

/** The builder: languages, sections and their questions, each edited in place. */
export function QuestionnaireBuilder({
  definition,
  kind,
  errors,
  readOnly,
  onChange,
}: {
  definition: Definition;
  kind: QuestionnaireKind;
  errors: DefinitionError[];
  readOnly: boolean;
  onChange: (next: Definition) => void;
}) {
  const [newType, setNewType] = useState<Record<number, QuestionType>>({});
  const [removing, setRemoving] = useState<number | null>(null);
  const all = definition.sections.flatMap((section, s) =>
    section.questions.map((question, q) => ({ question, s, q })),
  );
  let order = 0;

  return (
    <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
      <Stack gap="lg">
        <MultiSelect
          {...portal}
          label={b.languages}
          description={b.languagesHelp}
          data={LANGUAGES.map((value) => ({ value, label: LANGUAGE_NAMES[value], disabled: value === 'en' }))}
          value={definition.languages}
          onChange={(value) => onChange(setLanguages(definition, value as Language[]))}
          data-testid="questionnaire-languages"
        />
        {definition.sections.map((section, s) => {
          const sectionPath = `sections[${s}]`;
          const titleError = errors.find((e) => e.path === `${sectionPath}.title.en`);
          const sectionErrors = errors.filter(
            (e) => e.path.startsWith(`${sectionPath}.`) && !e.path.startsWith(`${sectionPath}.questions[`),
          );
          return (
            <Paper
              // biome-ignore lint/suspicious/noArrayIndexKey: a place in the draft is its identity (its key is edited in place, which must not remount the input)
              key={s}
              withBorder
              radius="md"
              p="md"
              component="section"
              aria-label={b.section(String(s + 1))}
              data-testid="builder-section"
            >
              <Stack gap="md">
                <Group justify="space-between" align="flex-end" wrap="wrap">
                  <TextInput
                    label={`${b.section(String(s + 1))} · ${b.sectionTitle}`}
                    value={section.title.en}
                    onChange={(e) => {
                      const next = structuredClone(definition);
                      const target = next.sections[s];
                      if (target) target.title = setEn(target.title, next.languages, e.currentTarget.value);
                      onChange(next);
                    }}
                    error={titleError?.message}
                    style={{ flex: 1, minWidth: 200 }}
                    data-testid="section-title"
                  />
                  {!readOnly && definition.sections.length > 1 && (
                    <Button variant="default" size="compact-sm" onClick={() => setRemoving(s)}>
                      {b.removeSection}
                    </Button>
                  )}
                </Group>
                {sectionErrors
                  .filter((e) => e !== titleError)
                  .map((error) => (
                    <Text key={error.path} fz="sm" c="red.9" role="alert">
                      {errorText({ ...error, path: error.path.slice(sectionPath.length + 1) })}
                    </Text>
                  ))}
                {section.questions.length === 0 && (
                  <Text fz="sm" c="dimmed">
                    {b.noQuestions}
                  </Text>
                )}
                {section.questions.map((question, q) => {
                  const index = order++;
                  return (
                    <QuestionCard
                      // biome-ignore lint/suspicious/noArrayIndexKey: a place in the draft is its identity (its key is edited in place, which must not remount the input)
                      key={`${s}-${q}`}
                      number={index + 1}
                      question={question}
                      earlier={all.slice(0, index).map((entry) => entry.question)}
                      others={all
                        .filter((entry) => entry.question !== question)
                        .map((entry) => entry.question)}
                      languages={definition.languages}
                      kind={kind}
                      errors={errorsAt(errors, `sections[${s}].questions[${q}]`)}
                      first={index === 0}
                      last={index === all.length - 1}
                      readOnly={readOnly}
                      onChange={(change) =>
                        onChange(updateQuestion(definition, s, q, (current) => change(current)))
                      }
                      onMove={(by) => onChange(moveQuestion(definition, s, q, by))}
                      onRemove={() => onChange(removeQuestion(definition, s, q))}
                    />
                  );
                })}
                {!readOnly && (
                  <Group gap="sm" align="flex-end" wrap="wrap">
                    <Select
                      {...portal}
                      label={b.questionType}
                      data={QUESTION_TYPES.map((value) => ({
                        value,
                        label: t.questionTypes[value] ?? value,
                      }))}
                      value={newType[s] ?? 'single_choice'}
                      onChange={(value) => value && setNewType({ ...newType, [s]: value as QuestionType })}
                      allowDeselect={false}
                      data-testid="new-question-type"
                    />
                    <Button
                      variant="light"
                      onClick={() => onChange(addQuestion(definition, s, newType[s] ?? 'single_choice'))}
                      data-testid="add-question"
                    >
                      {b.addQuestion}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Paper>
          );
        })}
        {!readOnly && (
          <Button variant="default" onClick={() => onChange(addSection(definition))} w="fit-content">
            {b.addSection}
          </Button>
        )}
      </Stack>
      {removing !== null && (
        <RemoveConfirm
          title={b.removeSectionTitle}
          body={b.removeSectionBody(definition.sections[removing]?.title.en || b.untitled)}
          onConfirm={() => {
            onChange(removeSection(definition, removing));
            setRemoving(null);
          }}
          onClose={() => setRemoving(null)}
        />
      )}
    </fieldset>
  );
}

function QuestionCard({
  number,
  question,
  earlier,
  others,
  languages,
  kind,
  errors,
  first,
  last,
  readOnly,
  onChange,
  onMove,
  onRemove,
}: {
  number: number;
  question: Question;
  earlier: Question[];
  others: Question[];
  languages: readonly Language[];
  kind: QuestionnaireKind;
  errors: { path: string; message: string }[];
  first: boolean;
  last: boolean;
  readOnly: boolean;
  onChange: (change: (question: Question) => Question) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const at = (path: string) => errors.find((e) => e.path === path)?.message;
  const set = (patch: Partial<Question>) => onChange((current) => ({ ...current, ...patch }));
  const unset = (field: keyof Question) =>
    onChange((current) => {
      const next = { ...current };
      delete next[field];
      return next;
    });
  const title = `${b.question(String(number))} · ${t.questionTypes[question.type] ?? question.type}`;
  const target = question.showIf ? others.find((q) => q.key === question.showIf?.question) : undefined;
  const conditionChoices = [
    ...earlier.map((q) => ({ value: q.key, label: `${q.label.en || b.untitled} (${q.key})` })),
    // A condition that is no longer on an earlier question still shows, with its error.
    ...(question.showIf && !earlier.some((q) => q.key === question.showIf?.question)
      ? [{ value: question.showIf.question, label: question.showIf.question }]
      : []),
  ];
  const scorable = SCORABLE_TYPES.includes(question.type);

  return (
    <Paper withBorder radius="md" p="md" data-testid="builder-question">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={3} fz="md">
            {title}
          </Title>
          {!readOnly && (
            <Group gap={4}>
              <ActionIcon
                variant="default"
                aria-label={`${b.moveUp}: ${b.question(String(number))}`}
                disabled={first}
                onClick={() => onMove(-1)}
              >
                ↑
              </ActionIcon>
              <ActionIcon
                variant="default"
                aria-label={`${b.moveDown}: ${b.question(String(number))}`}
                disabled={last}
                onClick={() => onMove(1)}
              >
                ↓
              </ActionIcon>
              <Button variant="default" size="compact-sm" onClick={() => setConfirming(true)}>
                {b.remove}
              </Button>
            </Group>
          )}
        </Group>
        <TextInput
          label={b.label}
          value={question.label.en}
          onChange={(e) => set({ label: setEn(question.label, languages, e.currentTarget.value) })}
          error={at('label.en')}
          data-testid="question-label"
        />
        <Group gap="sm" align="flex-start" wrap="wrap">
          <TextInput
            label={b.key}
            description={b.keyHelp}
            value={question.key}
            onChange={(e) => set({ key: e.currentTarget.value })}
            error={at('key')}
            style={{ flex: 1, minWidth: 180 }}
            data-testid="question-key"
          />
          <Select
            {...portal}
            label={b.type}
            data={QUESTION_TYPES.map((value) => ({ value, label: t.questionTypes[value] ?? value }))}
            value={question.type}
            onChange={(value) =>
              value &&
              onChange((current) =>
                changeType({ languages: [...languages], sections: [] }, current, value as QuestionType),
              )
            }
            allowDeselect={false}
            style={{ flex: 1, minWidth: 180 }}
          />
        </Group>
        <TextInput
          label={b.help}
          value={question.help?.en ?? ''}
          onChange={(e) =>
            e.currentTarget.value
              ? set({ help: setEn(question.help, languages, e.currentTarget.value) })
              : unset('help')
          }
        />
        <Switch
          label={b.required}
          checked={question.required}
          onChange={(e) => set({ required: e.currentTarget.checked })}
        />

        {hasOptions(question.type) && (
          <KeyedListEditor
            items={question.options ?? []}
            path="options"
            keyPrefix="option"
            labels={{
              legend: b.options,
              item: b.option,
              itemKey: b.optionKey,
              add: b.addOption,
              remove: b.removeOption,
            }}
            languages={languages}
            readOnly={readOnly}
            errorAt={at}
            onChange={(options) => set({ options })}
            extraFields={
              kind === 'readiness'
                ? (option, o, replace) => (
                    <NumberField
                      aria-label={`${b.points} ${o + 1}`}
                      placeholder={b.points}
                      value={option.points ?? ''}
                      onChange={(value) => {
                        const { points: _p, ...rest } = option;
                        replace(typeof value === 'number' ? { ...rest, points: value } : rest);
                      }}
                      error={at(`options[${o}].points`)}
                      w={110}
                    />
                  )
                : undefined
            }
          />
        )}

        {question.type === 'matrix' && (
          <KeyedListEditor
            items={question.rows ?? []}
            path="rows"
            keyPrefix="row"
            labels={{ legend: b.rows, item: b.row, itemKey: b.rowKey, add: b.addRow, remove: b.removeRow }}
            languages={languages}
            readOnly={readOnly}
            errorAt={at}
            onChange={(rows) => set({ rows })}
          />
        )}

        {(question.type === 'scale' || question.type === 'matrix') && (
          <Group gap="sm" wrap="wrap">
            {(['low', 'high'] as const).map((end) => (
              <TextInput
                key={end}
                label={end === 'low' ? b.scaleLow : b.scaleHigh}
                value={question.scaleLabels?.[end].en ?? ''}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  const current = question.scaleLabels ?? {
                    low: blankText(languages),
                    high: blankText(languages),
                  };
                  const next = { ...current, [end]: setEn(current[end], languages, value) };
                  if (!next.low.en && !next.high.en) unset('scaleLabels');
                  else set({ scaleLabels: next });
                }}
                error={at(`scaleLabels.${end}.en`)}
                style={{ flex: 1, minWidth: 160 }}
              />
            ))}
          </Group>
        )}

        {question.type === 'number' && (
          <Group gap="sm" wrap="wrap">
            <NumberField
              label={b.min}
              value={question.min ?? ''}
              onChange={(value) => (typeof value === 'number' ? set({ min: value }) : unset('min'))}
              error={at('min')}
              w={160}
            />
            <NumberField
              label={b.max}
              value={question.max ?? ''}
              onChange={(value) => (typeof value === 'number' ? set({ max: value }) : unset('max'))}
              error={at('max')}
              w={160}
            />
          </Group>
        )}

        <Group gap="sm" align="flex-start" wrap="wrap">
          <Select
            {...portal}
            label={b.condition}
            placeholder={b.conditionNone}
            data={conditionChoices}
            value={question.showIf?.question ?? null}
            onChange={(value) => {
              if (!value) return unset('showIf');
              const chosen = earlier.find((q) => q.key === value);
              const showIf =
                chosen && AT_LEAST_TYPES.includes(chosen.type)
                  ? { question: value, atLeast: 1 }
                  : { question: value, anyOf: [] as string[] };
              set({ showIf });
            }}
            error={at('showIf.question') ?? at('showIf')}
            clearable
            style={{ flex: 1, minWidth: 200 }}
            data-testid="question-condition"
          />
          {question.showIf && target && ANY_OF_TYPES.includes(target.type) && (
            <MultiSelect
              {...portal}
              label={b.conditionAnyOf}
              data={(target.options ?? []).map((option) => ({
                value: option.key,
                label: option.label.en || option.key,
              }))}
              value={question.showIf.anyOf ?? []}
              onChange={(value) => set({ showIf: { question: target.key, anyOf: value } })}
              error={at('showIf.anyOf') ?? errors.find((e) => e.path.startsWith('showIf.anyOf['))?.message}
              style={{ flex: 1, minWidth: 200 }}
              // The chosen answers' pills wrap long labels instead of cutting them (global.css).
              className="wrapping-pills"
              data-testid="question-condition-any-of"
            />
          )}
          {question.showIf && target && AT_LEAST_TYPES.includes(target.type) && (
            <NumberField
              label={b.conditionAtLeast}
              value={question.showIf.atLeast ?? ''}
              onChange={(value) =>
                set({ showIf: { question: target.key, atLeast: typeof value === 'number' ? value : 1 } })
              }
              error={at('showIf.atLeast')}
              w={160}
            />
          )}
        </Group>

        {kind === 'readiness' && scorable && (
          <Select
            {...portal}
            label={b.dimension}
            placeholder={b.dimensionNone}
            data={READINESS_DIMENSIONS.map((value) => ({ value, label: t.dimensions[value] ?? value }))}
            value={question.dimension ?? null}
            onChange={(value) =>
              value ? set({ dimension: value as ReadinessDimension }) : unset('dimension')
            }
            error={at('dimension')}
            clearable
          />
        )}

        {errors
          .filter((error) => !SHOWN_AT_FIELD.some((pattern) => pattern.test(error.path)))
          .map((error) => (
            <Text key={error.path} fz="sm" c="red.9" role="alert" data-testid="question-error">
              {errorText(error)}
            </Text>
          ))}
      </Stack>
      {confirming && (
        <RemoveConfirm
          title={b.removeTitle}
          body={b.removeBody(question.label.en || b.untitled)}
          onConfirm={() => {
            setConfirming(false);
            onRemove();
          }}
          onClose={() => setConfirming(false)}
        />
      )}
    </Paper>
  );
}

/** Errors shown at their own input (the others are listed under the question). */
const SHOWN_AT_FIELD = [
  /^label\.en$/,
  /^key$/,
  /^options$/,
  /^options\[\d+\]\.(label\.en|key|points)$/,
  /^rows$/,
  /^rows\[\d+\]\.(label\.en|key)$/,
  /^scaleLabels\.(low|high)\.en$/,
  /^(min|max)$/,
  /^showIf(\.question|\.atLeast|\.anyOf)?$/,
  /^dimension$/,
];

/** Removing from the draft is undone by not saving; still asked once, as destructive actions are. */
function RemoveConfirm({
  title,
  body,
  onConfirm,
  onClose,
}: {
  title: string;
  body: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <ConfirmModal
      opened
      title={title}
      confirmLabel={b.removeConfirm}
      failedTitle={b.remove}
      errorTestId="builder-remove-error"
      action={{ isPending: false, isError: false, error: null, reset: () => undefined }}
      onConfirm={onConfirm}
      onClose={onClose}
    >
      <Text fz="sm">{body}</Text>
    </ConfirmModal>
  );
}
