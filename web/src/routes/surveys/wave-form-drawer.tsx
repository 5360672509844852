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
import { countrySelectOptions, formatDate } from '../../app/format.ts';
import { LANGUAGE_NAMES, type Language } from '../../app/language.ts';
import { FailureAlert } from '../../components/alerts.tsx';
import { NumberField } from '../../components/number-field.tsx';
import { messages } from '../../messages/en.ts';
import { allClustersQuery } from '../../queries/clusters.ts';
import { allMarketsQuery } from '../../queries/markets.ts';
import {
  questionnaireOptionsQuery,
  SURVEY_INSTRUMENT_CODES,
  surveyActivitiesQuery,
  waveKeys,
} from './wave-queries.ts';

const t = messages.surveyWaves.form;

/**
 * The "New wave" drawer: questionnaire, name, the activity it belongs to (a validation or market
 * survey), its market and the cluster that runs it, audience with its live count, options.
 */
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
  const activities = useQuery({ ...surveyActivitiesQuery(workspace), enabled: opened });
  const markets = useQuery({ ...allMarketsQuery(workspace), enabled: opened });
  const [questionnaireId, setQuestionnaireId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<'members' | 'network'>('members');
  const [clusterIds, setClusterIds] = useState<string[]>([]);
  const [countries, setCountries] = useState<string[]>([]);
  const [anonymous, setAnonymous] = useState(false);
  const [defaultLanguage, setDefaultLanguage] = useState<Language>('en');
  const [closesAt, setClosesAt] = useState('');
  const [reminder, setReminder] = useState<number | ''>('');
  const [activityId, setActivityId] = useState<string | null>(null);
  const [marketId, setMarketId] = useState<string | null>(null);
  const [clusterId, setClusterId] = useState<string | null>(null);
  const activity = activities.data?.find((a) => a.id === activityId);
  const activityOptions = SURVEY_INSTRUMENT_CODES.map((code) => {
    const items = (activities.data ?? []).filter((a) => a.instrumentCode === code);
    return {
      group: items[0] ? `${code} ${items[0].instrumentName}` : code,
      items: items.map((a) => ({ value: a.id, label: `${a.title} · ${formatDate(a.startsOn)}` })),
    };
  }).filter((group) => group.items.length > 0);
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
            activityId,
            marketId,
            // An activity's cluster runs the wave.
            clusterId: activity ? null : clusterId,
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
    <Drawer
      closeButtonProps={{ 'aria-label': messages.common.close }}
      opened={opened}
      onClose={onClose}
      title={t.title}
      position="right"
      size="lg"
    >
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
          <Select
            label={t.activity}
            description={activityOptions.length === 0 && activities.data ? t.activityNone : t.activityHint}
            data={activityOptions}
            value={activityId}
            onChange={(v) => {
              setActivityId(v);
              const picked = activities.data?.find((a) => a.id === v);
              if (picked?.marketId && !marketId) setMarketId(picked.marketId);
            }}
            searchable
            clearable
            disabled={activityOptions.length === 0}
            data-testid="wave-activity"
          />
          <Select
            label={t.market}
            description={t.marketHint}
            data={(markets.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
            value={marketId}
            onChange={(v) => {
              setMarketId(v);
              const picked = markets.data?.items.find((m) => m.id === v);
              if (picked && kind === 'network' && countries.length === 0) setCountries([picked.country]);
            }}
            searchable
            clearable
            data-testid="wave-market"
          />
          {activity ? (
            <Text fz="sm" c="dimmed" data-testid="wave-cluster-of-activity">
              {t.clusterOfActivity(activity.clusterShortName ?? t.coordinators)}
            </Text>
          ) : (
            <Select
              label={t.cluster}
              description={t.clusterHint}
              data={(clusters.data?.items ?? []).map((c) => ({ value: c.id, label: c.shortName }))}
              value={clusterId}
              onChange={setClusterId}
              searchable
              clearable
              data-testid="wave-cluster"
            />
          )}
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
