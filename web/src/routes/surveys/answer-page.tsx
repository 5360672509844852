import { Alert, Button, Container, Group, Loader, Progress, Select, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { completeness } from '../../../../src/domain/surveys/answers.ts';
import type { Answers, QuestionnaireDefinition } from '../../../../src/domain/surveys/types.ts';
import { api, isApiError, unwrap } from '../../api/client.ts';
import { LANGUAGE_NAMES, type Language } from '../../app/language.ts';
import { alertStyles } from '../../components/alerts.tsx';
import { messages } from '../../messages/en.ts';
import { AnswerForm } from './answer-form.tsx';
import type { PublicSurveyDto } from './wave-queries.ts';

const t = messages.surveyWaves.answer;

/** How long after the last change the answers are saved. */
const AUTOSAVE_MS = 1200;

/** The token after `#` in the address (mail links carry it there: it never reaches a server log). */
function hashToken(): string | null {
  const token = window.location.hash.replace(/^#/, '');
  return /^[A-Za-z0-9_-]{16,100}$/.test(token) ? token : null;
}

/** `/survey#token`: a respondent's survey, opened by its personal link (issue 23). */
export function AnswerPage() {
  const [token] = useState(hashToken);
  const survey = useQuery({
    queryKey: ['public-survey', token],
    queryFn: () =>
      unwrap(api.GET('/api/v1/public/surveys/{token}', { params: { path: { token: token ?? '' } } })),
    enabled: token !== null,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  useDocumentTitle(messages.app.documentTitle(survey.data?.waveName ?? t.loading));
  return (
    <Container size="sm" py={{ base: 'md', sm: 'xl' }} px={{ base: 'sm', sm: 'md' }}>
      {!token ? (
        <Notice color="orange" text={t.noToken} />
      ) : survey.isPending ? (
        <Loader aria-label={t.loading} m="xl" />
      ) : survey.isError ? (
        <Notice color="red" text={t.notFound} />
      ) : survey.data.state === 'completed' ? (
        <Done title={survey.data.waveName} text={t.completed} />
      ) : survey.data.state === 'closed' || !survey.data.definition ? (
        <Done title={survey.data.waveName} text={t.closed} />
      ) : (
        <Respond token={token} survey={survey.data} />
      )}
    </Container>
  );
}

function Notice({ color, text }: { color: string; text: string }) {
  return (
    <Alert color={color} variant="light" role="alert" styles={alertStyles(color)}>
      {text}
    </Alert>
  );
}

function Done({ title, text }: { title: string; text: string }) {
  return (
    <Stack gap="md">
      <Title order={1}>{title}</Title>
      <Alert
        color="teal"
        variant="light"
        role="status"
        styles={alertStyles('teal')}
        data-testid="survey-done"
      >
        {text}
      </Alert>
    </Stack>
  );
}

type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

function Respond({ token, survey }: { token: string; survey: PublicSurveyDto }) {
  const definition = survey.definition as QuestionnaireDefinition;
  const [answers, setAnswers] = useState<Answers>(survey.answers as Answers);
  const [language, setLanguage] = useState<Language>(survey.language);
  const [section, setSection] = useState(0);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [outcome, setOutcome] = useState<'submitted' | 'completed' | 'closed' | null>(null);
  const dirty = useRef(false);
  const topRef = useRef<HTMLDivElement>(null);
  const last = definition.sections.length - 1;
  const share = useMemo(() => completeness(definition, answers), [definition, answers]);

  const save = useMutation({
    mutationFn: (body: { answers: Answers; language: Language }) =>
      unwrap(api.PUT('/api/v1/public/surveys/{token}/draft', { params: { path: { token } }, body })),
    onMutate: () => setSaveState('saving'),
    onSuccess: () => setSaveState('saved'),
    onError: (error) => {
      setSaveState('failed');
      if (isApiError(error) && error.status === 409) setOutcome('closed');
      if (isApiError(error) && error.status === 400) setErrors(answerErrors(error.problem?.errors));
    },
  });
  const submit = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/public/surveys/{token}/submit', {
          params: { path: { token } },
          body: { answers, language },
        }),
      ),
    onSuccess: () => setOutcome('submitted'),
    onError: (error) => {
      if (isApiError(error) && error.status === 409) {
        setOutcome(/answered/i.test(error.problem?.detail ?? '') ? 'completed' : 'closed');
        return;
      }
      if (isApiError(error) && error.status === 400) {
        const found = answerErrors(error.problem?.errors);
        setErrors(found);
        const first = definition.sections.findIndex((s) => s.questions.some((q) => found[q.key]));
        if (first >= 0) setSection(first);
      }
    },
  });

  // Autosave: the answers and language, a moment after the last change.
  const saveLater = save.mutate;
  useEffect(() => {
    if (!dirty.current) return;
    const timer = setTimeout(() => saveLater({ answers, language }), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [answers, language, saveLater]);

  if (outcome === 'submitted') return <Done title={survey.waveName} text={t.thanks} />;
  if (outcome === 'completed') return <Done title={survey.waveName} text={t.completed} />;
  if (outcome === 'closed') return <Done title={survey.waveName} text={t.closed} />;

  const go = (next: number) => {
    setSection(Math.max(0, Math.min(last, next)));
    topRef.current?.scrollIntoView?.({ block: 'start' });
  };
  const change = (next: Answers) => {
    dirty.current = true;
    setAnswers(next);
    if (Object.keys(errors).length > 0) {
      setErrors(Object.fromEntries(Object.entries(errors).filter(([k]) => next[k] === answers[k])));
    }
  };
  const pct = `${Math.round(share * 100)}%`;
  return (
    <Stack gap="lg" ref={topRef}>
      <Stack gap={4}>
        <Title order={1}>{survey.waveName}</Title>
        {survey.anonymous && <Text c="dimmed">{t.anonymous}</Text>}
        {survey.closesAt && (
          <Text c="dimmed" fz="sm">
            {t.closes(survey.closesAt.slice(0, 16).replace('T', ' '))}
          </Text>
        )}
      </Stack>
      {survey.languages.length > 1 && (
        <Select
          label={t.language}
          data={survey.languages.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
          value={language}
          onChange={(v) => {
            if (!v) return;
            dirty.current = true;
            setLanguage(v as Language);
          }}
          allowDeselect={false}
          maw={240}
          data-testid="survey-language"
        />
      )}
      <Stack gap={4}>
        <Group justify="space-between" gap="xs">
          <Text fz="sm" fw={500}>
            {t.section(String(section + 1), String(last + 1))}
          </Text>
          <Text fz="sm" c="dimmed" data-testid="survey-answered">
            {t.answered(pct)}
          </Text>
        </Group>
        <Progress value={share * 100} aria-label={t.answered(pct)} />
      </Stack>
      <AnswerForm
        definition={definition}
        language={language}
        answers={answers}
        onChange={change}
        errors={errors}
        markets={survey.markets}
        sectionIndex={section}
      />
      {submit.isError && Object.keys(errors).length > 0 && <Notice color="red" text={t.submitFailed} />}
      <Group justify="space-between" gap="sm">
        <Button variant="default" disabled={section === 0} onClick={() => go(section - 1)}>
          {t.previous}
        </Button>
        <Text
          fz="sm"
          c={saveState === 'failed' ? 'red' : 'dimmed'}
          role="status"
          data-testid="survey-save-state"
        >
          {saveState === 'saving'
            ? t.saving
            : saveState === 'saved'
              ? t.saved
              : saveState === 'failed'
                ? t.saveFailed
                : ''}
        </Text>
        {section < last ? (
          <Button onClick={() => go(section + 1)}>{t.next}</Button>
        ) : (
          <Button onClick={() => submit.mutate()} loading={submit.isPending} data-testid="survey-submit">
            {t.submit}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** `body.answers.<key>` problems as question key → message. */
function answerErrors(
  errors: readonly { field: string; message: string }[] | undefined,
): Record<string, string> {
  const found: Record<string, string> = {};
  for (const e of errors ?? []) {
    const match = /^body\.answers\.(.+)$/.exec(e.field);
    if (match?.[1]) found[match[1]] = e.message;
  }
  return found;
}
