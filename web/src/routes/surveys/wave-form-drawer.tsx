import {
  Button,
  Drawer,
  Group,
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useMemo, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { countrySelectOptions } from '../../app/format.ts';
import { LANGUAGE_NAMES, type Language } from '../../app/language.ts';
import { FailureAlert } from '../../components/alerts.tsx';
import { NumberField } from '../../components/number-field.tsx';
import { messages } from '../../messages/en.ts';
import { allClustersQuery } from '../../queries/clusters.ts';
import { questionnaireOptionsQuery, waveKeys } from './wave-queries.ts';

const t = messages.surveyWaves.form;

/** The "New wave" drawer: questionnaire, name, audience with its live count, options. */
export function WaveFormDrawer({
  workspace,
  opened,
  onClose,
}: {
  workspace: string;
  opened: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const questionnaires = useQuery({ ...questionnaireOptionsQuery(workspace), enabled: opened });
  const clusters = useQuery({ ...allClustersQuery(workspace), enabled: opened });
  const [questionnaireId, setQuestionnaireId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'members' | 'network'>('members');
  const [clusterIds, setClusterIds] = useState<string[]>([]);
  const [countries, setCountries] = useState<string[]>([]);
  const [anonymous, setAnonymous] = useState(false);
  const [defaultLanguage, setDefaultLanguage] = useState<Language>('en');
  const [closesAt, setClosesAt] = useState('');
  const [reminder, setReminder] = useState<number | ''>('');
  const chosen = questionnaires.data?.items.find((q) => q.id === questionnaireId);
  const audience = useMemo(
    () =>
      kind === 'members'
        ? {
            kind,
            ...(clusterIds.length > 0 ? { clusterIds } : {}),
            ...(countries.length > 0 ? { countries } : {}),
          }
        : { kind, ...(countries.length > 0 ? { countries } : {}) },
    [kind, clusterIds, countries],
  );
  const [debounced] = useDebouncedValue(audience, 400);
  const preview = useQuery({
    queryKey: [...waveKeys.all(workspace), 'audience-preview', debounced],
    queryFn: ({ signal }) =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/surveys/waves/audience-preview', {
          params: { path: { workspace } },
          body: debounced,
          signal,
        }),
      ),
    enabled: opened,
    staleTime: 5_000,
  });
  const create = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/surveys/waves', {
          params: { path: { workspace } },
          body: {
            questionnaireId: questionnaireId ?? '',
            name,
            audience,
            anonymous,
            defaultLanguage,
            closesAt: closesAt ? new Date(`${closesAt}Z`).toISOString() : null,
            reminderAfterDays: reminder === '' ? null : reminder,
          },
        }),
      ),
    onSuccess: async (wave) => {
      await queryClient.invalidateQueries({ queryKey: waveKeys.all(workspace) });
      onClose();
      void navigate({ to: '/w/$workspace/surveys/waves/$waveId', params: { workspace, waveId: wave.id } });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const languages = chosen?.languages ?? ['en'];
  return (
    <Drawer opened={opened} onClose={onClose} title={t.title} position="right" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {questionnaires.data && questionnaires.data.items.length === 0 && (
            <Text c="dimmed">{t.noQuestionnaire}</Text>
          )}
          <Select
            label={t.questionnaire}
            required
            data={(questionnaires.data?.items ?? []).map((q) => ({ value: q.id, label: q.name }))}
            value={questionnaireId}
            onChange={(v) => {
              setQuestionnaireId(v);
              const q = questionnaires.data?.items.find((item) => item.id === v);
              if (q && !name) setName(q.name);
              if (q && !q.languages.includes(defaultLanguage)) setDefaultLanguage('en');
            }}
            data-testid="wave-questionnaire"
          />
          <TextInput
            label={t.name}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-testid="wave-name"
          />
          <Stack gap={4}>
            <Text fw={500} fz="sm" id="wave-audience-label">
              {t.audience}
            </Text>
            <SegmentedControl
              aria-labelledby="wave-audience-label"
              data={[
                { value: 'members', label: t.kind.members },
                { value: 'network', label: t.kind.network },
              ]}
              value={kind}
              onChange={(v) => setKind(v as 'members' | 'network')}
              fullWidth
              orientation="vertical"
            />
          </Stack>
          {kind === 'members' && (
            <MultiSelect
              label={t.clusters}
              description={t.clustersHint}
              data={(clusters.data?.items ?? []).map((c) => ({ value: c.id, label: c.shortName }))}
              value={clusterIds}
              onChange={setClusterIds}
              searchable
              clearable
            />
          )}
          <MultiSelect
            label={t.countries}
            description={kind === 'members' ? t.countriesHintMembers : t.countriesHintNetwork}
            data={countrySelectOptions()}
            value={countries}
            onChange={setCountries}
            searchable
            clearable
            maxValues={60}
          />
          <Text role="status" fz="sm" c="dimmed" data-testid="wave-audience-preview">
            {preview.data
              ? t.preview(String(preview.data.invited), String(preview.data.excluded))
              : t.previewLoading}
          </Text>
          <Switch
            label={t.anonymous}
            description={t.anonymousHint}
            checked={anonymous}
            onChange={(e) => setAnonymous(e.currentTarget.checked)}
          />
          <Select
            label={t.defaultLanguage}
            data={languages.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] }))}
            value={defaultLanguage}
            onChange={(v) => v && setDefaultLanguage(v as Language)}
            allowDeselect={false}
          />
          <TextInput
            type="datetime-local"
            label={t.closesAt}
            value={closesAt}
            onChange={(e) => setClosesAt(e.currentTarget.value)}
          />
          <NumberField
            label={t.reminder}
            description={t.reminderHint}
            value={reminder}
            onChange={(v) => setReminder(typeof v === 'number' ? v : '')}
          />
          {create.isError && <FailureAlert title={t.failed} error={create.error} testId="wave-form-error" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t.cancel}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!questionnaireId || !name.trim()}>
              {t.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Drawer>
  );
}
