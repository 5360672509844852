import {
  Alert,
  Badge,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useMemo, useState } from 'react';
import { LANGUAGE_NAMES, type Language } from '../../../../src/domain/i18n/types.ts';
import { textsOf, validateDefinition } from '../../../../src/domain/surveys/questionnaire.ts';
import type {
  Answers,
  QuestionnaireDefinition,
  QuestionnaireKind,
} from '../../../../src/domain/surveys/types.ts';
import { api, isApiError, unwrap } from '../../api/client.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { formatDateTime } from '../../app/format.ts';
import { AnchorLink, ButtonLink } from '../../app/links.tsx';
import { alertStyles, ConflictAlert, FailureAlert } from '../../components/alerts.tsx';
import { usePhone } from '../../components/use-phone.ts';
import { messages } from '../../messages/en.ts';
import { AnswerForm } from './answer-form.tsx';
import { errorText, QuestionnaireBuilder } from './questionnaire-builder.tsx';
import { builderPath, type Definition, setTextAt } from './questionnaire-draft.ts';
import {
  type QuestionnaireDetailDto,
  questionnaireKeys,
  questionnaireQuery,
} from './questionnaire-queries.ts';
import { KindBadge, StatusBadge } from './questionnaires-tab.tsx';

const t = messages.surveys;
const p = t.page;
const route = getRouteApi('/w/$workspace/surveys/questionnaires/$questionnaireId');

/** `/w/$workspace/surveys/questionnaires/$questionnaireId`: a questionnaire's builder, translations and preview. */
export function QuestionnairePage() {
  const { workspace, questionnaireId } = route.useParams();
  const questionnaire = useQuery(questionnaireQuery(workspace, questionnaireId));
  useDocumentTitle(messages.app.documentTitle(questionnaire.data?.name ?? p.loading));

  const crumbs = (
    <Breadcrumbs aria-label={p.breadcrumb} separator="›">
      <AnchorLink to="/w/$workspace/surveys" params={{ workspace }} fz="sm">
        {p.back}
      </AnchorLink>
      <Text fz="sm" c="dimmed" aria-current="page" style={{ overflowWrap: 'anywhere' }}>
        {questionnaire.data?.name ?? '…'}
      </Text>
    </Breadcrumbs>
  );

  if (questionnaire.isPending) {
    return (
      <Stack gap="lg" maw={1100} mx="auto" aria-busy="true">
        <VisuallyHidden role="status">{p.loading}</VisuallyHidden>
        <Skeleton h={14} w={160} />
        <Skeleton h={34} w="50%" />
        <Skeleton h={260} />
      </Stack>
    );
  }
  if (questionnaire.isError) {
    if (isApiError(questionnaire.error) && questionnaire.error.status === 404) {
      return (
        <Stack gap="lg" maw={1100} mx="auto" data-testid="questionnaire-not-found">
          <Title order={1}>{p.notFoundTitle}</Title>
          <Text>{p.notFoundBody}</Text>
          <ButtonLink to="/w/$workspace/surveys" params={{ workspace }} variant="light" w="fit-content">
            {p.back}
          </ButtonLink>
        </Stack>
      );
    }
    return (
      <Stack gap="lg" maw={1100} mx="auto">
        {crumbs}
        <ErrorState
          title={p.loadError}
          error={questionnaire.error}
          onRetry={() => void questionnaire.refetch()}
          retrying={questionnaire.isFetching}
        />
      </Stack>
    );
  }
  return (
    <QuestionnaireEditor
      // A saved or reloaded questionnaire starts a fresh draft.
      key={`${questionnaire.data.id}-${questionnaire.data.version}`}
      workspace={workspace}
      questionnaire={questionnaire.data}
      crumbs={crumbs}
      reload={() => questionnaire.refetch()}
      reloading={questionnaire.isFetching}
    />
  );
}

function QuestionnaireEditor({
  workspace,
  questionnaire,
  crumbs,
  reload,
  reloading,
}: {
  workspace: string;
  questionnaire: QuestionnaireDetailDto;
  crumbs: ReactNode;
  reload: () => Promise<unknown>;
  reloading: boolean;
}) {
  const kind = questionnaire.kind as QuestionnaireKind;
  const readOnly = !questionnaire.canManage;
  const [draft, setDraft] = useState<Definition>(
    () => structuredClone(questionnaire.definition) as Definition,
  );
  const [name, setName] = useState(questionnaire.name);
  const [description, setDescription] = useState(questionnaire.description);
  const [serverErrors, setServerErrors] = useState<{ path: string; message: string }[] | null>(null);
  const [tab, setTab] = useState<string | null>('builder');
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const localErrors = useMemo(() => validateDefinition(draft, kind), [draft, kind]);
  const errors = serverErrors ?? localErrors;
  const dirty =
    name !== questionnaire.name ||
    description !== questionnaire.description ||
    JSON.stringify(draft) !== JSON.stringify(questionnaire.definition);
  const change = (next: Definition) => {
    setDraft(next);
    setServerErrors(null);
  };

  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/v1/workspaces/{workspace}/surveys/questionnaires/{id}', {
          params: { path: { workspace, id: questionnaire.id } },
          body: {
            version: questionnaire.version,
            name: name.trim(),
            description,
            definition: draft as QuestionnaireDetailDto['definition'],
          },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData(questionnaireKeys.detail(workspace, questionnaire.id), saved);
      void queryClient.invalidateQueries({ queryKey: questionnaireKeys.all(workspace) });
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 400) {
        const mapped = (error.errors ?? []).flatMap((e) => {
          const path = builderPath(e.field);
          return path === null ? [] : [{ path, message: e.message }];
        });
        if (mapped.length > 0) setServerErrors(mapped);
      }
    },
  });
  const duplicate = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/surveys/questionnaires/{id}/duplicate', {
          params: { path: { workspace, id: questionnaire.id } },
          body: {},
        }),
      ),
    onSuccess: (copy) => {
      void queryClient.invalidateQueries({ queryKey: questionnaireKeys.all(workspace) });
      void navigate({
        to: '/w/$workspace/surveys/questionnaires/$questionnaireId',
        params: { workspace, questionnaireId: copy.id },
      });
    },
  });
  const conflict = isApiError(save.error) && save.error.status === 409;
  const globalErrors = errors.filter((e) => !e.path.startsWith('sections['));

  return (
    <Stack gap="lg" maw={1100} mx="auto">
      {crumbs}
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6} miw={0}>
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {questionnaire.name}
          </Title>
          <Group gap={6}>
            <KindBadge kind={questionnaire.kind} />
            <StatusBadge status={questionnaire.status} />
            {dirty && (
              <Badge
                variant="light"
                color="orange"
                c="var(--mantine-color-text)"
                tt="none"
                data-testid="questionnaire-dirty"
              >
                {p.unsaved}
              </Badge>
            )}
          </Group>
        </Stack>
        {readOnly ? (
          <Text fz="sm" c="dimmed" maw={320}>
            {p.readOnly}
          </Text>
        ) : (
          <Group gap="sm">
            <Button variant="default" onClick={() => duplicate.mutate()} loading={duplicate.isPending}>
              {p.duplicate}
            </Button>
            {dirty && (
              <Button
                variant="subtle"
                onClick={() => {
                  setDraft(structuredClone(questionnaire.definition) as Definition);
                  setName(questionnaire.name);
                  setDescription(questionnaire.description);
                  setServerErrors(null);
                }}
              >
                {p.discard}
              </Button>
            )}
            <Button
              onClick={() => save.mutate()}
              loading={save.isPending}
              disabled={!dirty || !name.trim()}
              data-testid="questionnaire-save"
            >
              {p.save}
            </Button>
          </Group>
        )}
      </Group>

      {questionnaire.status === 'archived' && <Text fz="sm">{p.archivedNote}</Text>}
      {questionnaire.currentVersion > 0 && (
        <Text fz="sm" c="dimmed">
          {p.sentNote(String(questionnaire.currentVersion))}
        </Text>
      )}
      {conflict ? (
        <ConflictAlert
          testId="questionnaire-conflict"
          title={p.conflictTitle}
          body={p.conflictBody}
          reloadLabel={p.reload}
          onReload={() => {
            save.reset();
            void reload();
          }}
          reloading={reloading}
          reloadError={null}
        />
      ) : save.isError && !serverErrors ? (
        <FailureAlert testId="questionnaire-save-error" title={p.saveFailed} error={save.error} />
      ) : null}
      {duplicate.isError && (
        <FailureAlert testId="questionnaire-duplicate-error" title={p.saveFailed} error={duplicate.error} />
      )}
      {errors.length > 0 && !readOnly && (
        <Alert
          color="red"
          variant="light"
          title={p.problems(String(errors.length))}
          styles={alertStyles('red')}
          data-testid="questionnaire-problems"
        >
          {globalErrors.map((error) => (
            <Text key={error.path} fz="sm">
              {errorText({ ...error, path: '' })}
            </Text>
          ))}
        </Alert>
      )}

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="builder">{p.tabs.builder}</Tabs.Tab>
          <Tabs.Tab value="translations">{p.tabs.translations}</Tabs.Tab>
          <Tabs.Tab value="preview" data-testid="questionnaire-preview-tab">
            {p.tabs.preview}
          </Tabs.Tab>
          <Tabs.Tab value="versions">{p.tabs.versions}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="builder" pt="md">
          <Stack gap="lg">
            <Paper withBorder radius="md" p="md" component="section" aria-label={p.details}>
              <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
                <Stack gap="sm">
                  <TextInput
                    label={t.form.name}
                    value={name}
                    onChange={(e) => setName(e.currentTarget.value)}
                    required
                  />
                  <Textarea
                    label={t.form.description}
                    value={description}
                    onChange={(e) => setDescription(e.currentTarget.value)}
                    autosize
                    minRows={2}
                  />
                </Stack>
              </fieldset>
            </Paper>
            <QuestionnaireBuilder
              definition={draft}
              kind={kind}
              errors={errors}
              readOnly={readOnly}
              onChange={change}
            />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="translations" pt="md">
          <TranslationsView definition={draft} readOnly={readOnly} onChange={change} />
        </Tabs.Panel>
        <Tabs.Panel value="preview" pt="md">
          <PreviewView definition={draft} />
        </Tabs.Panel>
        <Tabs.Panel value="versions" pt="md">
          <VersionsView workspace={workspace} questionnaire={questionnaire} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** Each text in every declared language, missing ones flagged, editable in place. */
function TranslationsView({
  definition,
  readOnly,
  onChange,
}: {
  definition: QuestionnaireDefinition;
  readOnly: boolean;
  onChange: (next: Definition) => void;
}) {
  const phone = usePhone();
  const others = definition.languages.filter((language) => language !== 'en');
  const texts = textsOf(definition);
  const missing = texts.reduce(
    (n, { text }) => n + definition.languages.filter((l) => !(text[l] ?? '').trim()).length,
    0,
  );
  if (others.length === 0) {
    return (
      <Text c="dimmed" data-testid="translations-only-english">
        {t.translations.onlyEnglish}
      </Text>
    );
  }
  return (
    <Stack gap="md" data-testid="translations-view">
      <Text c="dimmed">{t.translations.intro}</Text>
      <Text fz="sm" fw={600} role="status" data-testid="translations-missing">
        {missing === 0 ? t.translations.complete : t.translations.missingCount(String(missing))}
      </Text>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        {phone ? (
          <Stack gap="sm">
            {texts.map(({ path, text }) => (
              <Paper key={path} withBorder radius="md" p="sm">
                <Stack gap={6}>
                  <Text fz="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {text.en || t.builder.untitled}
                  </Text>
                  {others.map((language) => (
                    <TranslationInput
                      key={language}
                      definition={definition}
                      path={path}
                      language={language}
                      value={text[language] ?? ''}
                      onChange={onChange}
                    />
                  ))}
                </Stack>
              </Paper>
            ))}
          </Stack>
        ) : (
          <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
            <Table.ScrollContainer minWidth={640} type="native">
              <Table verticalSpacing="xs" horizontalSpacing="sm" striped="even">
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th scope="col">{LANGUAGE_NAMES.en}</Table.Th>
                    {others.map((language) => (
                      <Table.Th key={language} scope="col">
                        {LANGUAGE_NAMES[language]}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {texts.map(({ path, text }) => (
                    <Table.Tr key={path}>
                      <Table.Td fz="sm" style={{ overflowWrap: 'anywhere' }}>
                        {text.en || (
                          <Text span fz="sm" c="red.9">
                            {t.translations.missing}
                          </Text>
                        )}
                      </Table.Td>
                      {others.map((language) => (
                        <Table.Td key={language}>
                          <TranslationInput
                            definition={definition}
                            path={path}
                            language={language}
                            value={text[language] ?? ''}
                            onChange={onChange}
                          />
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </fieldset>
    </Stack>
  );
}

function TranslationInput({
  definition,
  path,
  language,
  value,
  onChange,
}: {
  definition: QuestionnaireDefinition;
  path: string;
  language: Language;
  value: string;
  onChange: (next: Definition) => void;
}) {
  const english = path.split('.').reduce<unknown>((node, step) => {
    const match = step.match(/^(\w+)(?:\[(\d+)\])?$/);
    if (!match || node === null || typeof node !== 'object') return undefined;
    const child = (node as Record<string, unknown>)[match[1] as string];
    return match[2] !== undefined ? (child as unknown[] | undefined)?.[Number(match[2])] : child;
  }, definition) as { en?: string } | undefined;
  return (
    <TextInput
      aria-label={`${english?.en || t.translations.text} · ${LANGUAGE_NAMES[language]}`}
      value={value}
      onChange={(e) => onChange(setTextAt(definition as Definition, path, language, e.currentTarget.value))}
      error={value.trim() ? undefined : t.translations.missing}
      size="xs"
    />
  );
}

/** The questionnaire as respondents see it, in a chosen language, with the draft's edits. */
function PreviewView({ definition }: { definition: QuestionnaireDefinition }) {
  const [language, setLanguage] = useState<Language>('en');
  const [answers, setAnswers] = useState<Answers>({});
  const shown = definition.languages.includes(language) ? language : 'en';
  return (
    <Stack gap="md" data-testid="questionnaire-preview">
      <Group gap="md" align="flex-end" wrap="wrap">
        <Select
          label={t.preview.language}
          data={definition.languages.map((value) => ({ value, label: LANGUAGE_NAMES[value] }))}
          value={shown}
          onChange={(value) => value && setLanguage(value as Language)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          data-testid="preview-language"
        />
        <Text c="dimmed" fz="sm" maw={520}>
          {t.preview.intro}
        </Text>
      </Group>
      <Paper withBorder radius="md" p="md">
        <AnswerForm
          definition={definition}
          language={shown}
          answers={answers}
          onChange={setAnswers}
          readOnly
        />
      </Paper>
    </Stack>
  );
}

function VersionsView({
  workspace,
  questionnaire,
}: {
  workspace: string;
  questionnaire: QuestionnaireDetailDto;
}) {
  if (questionnaire.versions.length === 0) {
    return (
      <Text c="dimmed" data-testid="versions-empty">
        {t.versions.none}
      </Text>
    );
  }
  return (
    <Stack gap="sm" data-testid="versions">
      {questionnaire.versions.map((version) => (
        <Paper key={version.number} withBorder radius="md" p="md">
          <Stack gap={4}>
            <Text fw={600}>{t.versions.version(String(version.number))}</Text>
            <Text fz="sm" c="dimmed">
              {t.versions.sentOn(formatDateTime(version.createdAt))}
            </Text>
            <Group gap="xs">
              <Text fz="sm">{t.versions.waves}:</Text>
              {version.waves.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  {t.versions.noWave}
                </Text>
              ) : (
                version.waves.map((wave) => (
                  <AnchorLink
                    key={wave.id}
                    to="/w/$workspace/surveys/waves/$waveId"
                    params={{ workspace, waveId: wave.id }}
                    fz="sm"
                  >
                    {wave.name}
                  </AnchorLink>
                ))
              )}
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
