import {
  Alert,
  Anchor,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { InteractionDto, InteractionKind } from '../../api/types.ts';
import { INTERACTION_KINDS, NETWORK_ORGANISATION_TYPES } from '../../api/vocabulary.ts';
import { useAbilities } from '../../app/abilities.ts';
import { countrySelectOptions } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { useMembership } from '../../app/session.ts';
import { FailureAlert } from '../../components/alerts.tsx';
import { BELOW } from '../../components/form-layout.ts';
import { serverFieldErrors } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { NetworkOrganisationPicker } from '../network/organisation-picker.tsx';
import { NetworkPersonPicker } from '../network/person-picker.tsx';
import { todayIso } from '../planning/search-params.ts';
import { KindIcon } from './interaction-timeline.tsx';
import { interactionWriteKeys } from './queries.ts';

const t = messages.interactions.quick;

/** `day` moved by `days` (YYYY-MM-DD, UTC). */
function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
const route = getRouteApi('/w/$workspace/network/interactions/new');

const FIELDS = [
  'kind',
  'networkOrganisationId',
  'orgName',
  'orgType',
  'orgCountry',
  'networkPersonId',
  'personName',
  'personEmail',
  'occurredOn',
  'activityId',
  'notes',
  'nextStep',
  'nextStepDueOn',
] as const;
type Field = (typeof FIELDS)[number];
type Errors = Partial<Record<Field, string>>;

interface QuickForm {
  kind: InteractionKind;
  organisationId: string | null;
  newOrganisation: boolean;
  orgName: string;
  orgType: string | null;
  orgCountry: string | null;
  personId: string | null;
  newPerson: boolean;
  personName: string;
  personEmail: string;
  occurredOn: string;
  activityId: string | null;
  notes: string;
  nextStep: string;
  nextStepDueOn: string;
}

/** The day to record: today, inside the activity's days when one is chosen. */
function dayFor(activity: { startsOn: string; endsOn: string } | undefined, today: string): string {
  if (!activity) return today;
  if (today < activity.startsOn) return activity.startsOn;
  if (today > activity.endsOn) return activity.endsOn;
  return today;
}

/**
 * `/w/$workspace/network/interactions/new?activity=…`: one short form that works at a fair's
 * stand on a phone: the kind as big buttons, the organisation (or a new one inline), the person
 * (or a new one), notes and a next step; the activity from the address or the activities around
 * today. Saves, then offers to log another.
 */
export function QuickEntryPage() {
  const { workspace } = route.useParams();
  const search = route.useSearch();
  const membership = useMembership(workspace);
  const abilities = useAbilities(workspace);
  useDocumentTitle(messages.app.documentTitle(t.title));
  const today = todayIso();
  const around = useQuery({
    queryKey: ['workspace', workspace, 'planning', 'activities-around', today] as const,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/activities', {
          params: {
            path: { workspace },
            query: { from: addDays(today, -30), to: addDays(today, 30), limit: 100 },
          },
          signal,
        }),
      ),
    staleTime: 60_000,
  });
  const prefilled = useQuery({
    queryKey: ['workspace', workspace, 'planning', 'activity', search.activity ?? '', 'quick'] as const,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/activities/{id}', {
          params: { path: { workspace, id: search.activity ?? '' } },
          signal,
        }),
      ),
    enabled: Boolean(search.activity),
    staleTime: 60_000,
  });
  const initial = (): QuickForm => ({
    kind: 'meeting',
    organisationId: null,
    newOrganisation: false,
    orgName: '',
    orgType: 'company',
    orgCountry: null,
    personId: null,
    newPerson: false,
    personName: '',
    personEmail: '',
    occurredOn: today,
    activityId: search.activity ?? null,
    notes: '',
    nextStep: '',
    nextStepDueOn: '',
  });
  const [form, setForm] = useState<QuickForm>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState<InteractionDto | null>(null);
  const queryClient = useQueryClient();
  const set = <K extends keyof QuickForm>(key: K, value: QuickForm[K], field?: Field) => {
    setForm((previous) => ({ ...previous, [key]: value }));
    if (field && errors[field]) setErrors((previous) => ({ ...previous, [field]: undefined }));
  };
  // The activity's days, once it is known: the day falls inside them.
  const activity = prefilled.data;
  const [dayTouched, setDayTouched] = useState(false);
  const occurredOn = dayTouched ? form.occurredOn : dayFor(activity, today);

  const ownerClusterId = membership?.role === 'cluster_manager' ? membership.clusterId : null;
  const save = useMutation({
    mutationFn: async () => {
      let organisationId = form.organisationId;
      if (form.newOrganisation) {
        const created = await unwrap(
          api.POST('/api/v1/workspaces/{workspace}/network/organisations', {
            params: { path: { workspace } },
            body: {
              name: form.orgName.trim(),
              type: form.orgType as (typeof NETWORK_ORGANISATION_TYPES)[number],
              country: form.orgCountry ?? '',
              ownerClusterId,
            },
          }),
        ).catch((error: unknown) => {
          throw prefixed(error, { name: 'orgName', type: 'orgType', country: 'orgCountry' });
        });
        organisationId = created.id;
        // A retry after a later failure must not add it twice.
        setForm((previous) => ({ ...previous, newOrganisation: false, organisationId: created.id }));
      }
      let personId = form.personId;
      if (form.newPerson && form.personName.trim() !== '') {
        const created = await unwrap(
          api.POST('/api/v1/workspaces/{workspace}/network/people', {
            params: { path: { workspace } },
            body: {
              organisationId,
              name: form.personName.trim(),
              email: form.personEmail.trim() === '' ? null : form.personEmail.trim(),
            },
          }),
        ).catch((error: unknown) => {
          throw prefixed(error, { name: 'personName', email: 'personEmail' });
        });
        personId = created.id;
        setForm((previous) => ({ ...previous, newPerson: false, personId: created.id }));
      }
      return unwrap(
        api.POST('/api/v1/workspaces/{workspace}/network/interactions', {
          params: { path: { workspace } },
          body: {
            kind: form.kind,
            occurredOn,
            networkOrganisationId: organisationId ?? '',
            networkPersonId: personId,
            activityId: form.activityId,
            notes: form.notes,
            nextStep: form.nextStep.trim() === '' ? null : form.nextStep.trim(),
            nextStepDueOn:
              form.nextStep.trim() === '' || form.nextStepDueOn === '' ? null : form.nextStepDueOn,
          },
        }),
      );
    },
    onSuccess: async (interaction) => {
      setSaved(interaction);
      await Promise.all(
        interactionWriteKeys(workspace).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
    onError: (error) => setErrors(serverFieldErrors(error, FIELDS)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (form.newOrganisation) {
      if (form.orgName.trim() === '') found.orgName = t.required;
      if (!form.orgType) found.orgType = t.required;
      if (!form.orgCountry) found.orgCountry = t.required;
    } else if (!form.organisationId) {
      found.networkOrganisationId = t.chooseOrganisation;
    }
    if (form.newPerson && form.personName.trim() === '' && form.personEmail.trim() !== '') {
      found.personName = t.required;
    }
    setErrors(found);
    const first = FIELDS.find((field) => found[field]);
    if (first) {
      document.getElementById(`quick-${first}`)?.focus();
      return;
    }
    save.mutate();
  };

  const logAnother = () => {
    setSaved(null);
    save.reset();
    setErrors({});
    setForm((previous) => ({ ...initial(), kind: previous.kind, activityId: previous.activityId }));
  };

  const activityOptions = (() => {
    const items = around.data?.items ?? [];
    const options = items.map((a) => ({ value: a.id, label: `${a.title} (${a.startsOn})` }));
    if (activity && !options.some((o) => o.value === activity.id)) {
      options.unshift({ value: activity.id, label: `${activity.title} (${activity.startsOn})` });
    }
    return options;
  })();

  const backToActivity = form.activityId ? (
    <AnchorLink
      to="/w/$workspace/activities/$activityId"
      params={{ workspace, activityId: form.activityId }}
      fz="sm"
      data-testid="quick-back-to-activity"
    >
      {t.openActivity}
    </AnchorLink>
  ) : null;

  if (abilities.loaded && !abilities.canSomewhere('network.create')) {
    return (
      <Stack gap="md" maw={640} mx="auto">
        <Title order={1} fz="h2">
          {t.title}
        </Title>
        <Alert color="gray">{t.forbidden}</Alert>
      </Stack>
    );
  }

  if (saved) {
    return (
      <Stack gap="md" maw={640} mx="auto" data-testid="quick-saved">
        <Title order={1} fz="h2">
          {t.title}
        </Title>
        <Alert color="teal" title={t.saved} styles={{ title: { color: 'var(--mantine-color-text)' } }}>
          <Text fz="sm">
            {messages.interactions.kind[saved.kind]} · {saved.networkOrganisationName}
            {saved.activityTitle ? ` · ${saved.activityTitle}` : ''}
          </Text>
        </Alert>
        <Group gap="md">
          <Button size="md" onClick={logAnother} data-autofocus>
            {t.logAnother}
          </Button>
          {backToActivity}
          <AnchorLink to="/w/$workspace/network/interactions" params={{ workspace }} fz="sm">
            {t.openList}
          </AnchorLink>
        </Group>
      </Stack>
    );
  }

  const unplaced = save.isError && Object.keys(serverFieldErrors(save.error, FIELDS)).length === 0;
  return (
    <form onSubmit={submit} noValidate data-testid="quick-entry-form">
      <Stack gap="md" maw={640} mx="auto">
        <Stack gap={4}>
          <Title order={1} fz="h2">
            {t.title}
          </Title>
          <Text fz="sm" c="dimmed">
            {t.intro}
          </Text>
        </Stack>
        {save.isError && unplaced && (
          <FailureAlert testId="quick-save-error" title={t.saveFailed} error={save.error} />
        )}

        <Stack gap={6} component="fieldset" style={{ border: 0, padding: 0, margin: 0 }} id="quick-kind">
          <Text component="legend" fz="sm" fw={500} mb={6}>
            {t.kind}
          </Text>
          <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="xs">
            {INTERACTION_KINDS.map((kind) => {
              const chosen = form.kind === kind;
              return (
                <UnstyledButton
                  key={kind}
                  type="button"
                  aria-pressed={chosen}
                  onClick={() => set('kind', kind)}
                  data-testid={`quick-kind-${kind}`}
                  style={{
                    minHeight: 56,
                    borderRadius: 'var(--mantine-radius-md)',
                    border: `2px solid ${chosen ? 'var(--mantine-color-blue-8)' : 'var(--mantine-color-gray-4)'}`,
                    background: chosen ? 'var(--mantine-color-blue-8)' : 'var(--mantine-color-body)',
                    color: chosen ? 'var(--mantine-color-white)' : 'var(--mantine-color-text)',
                    padding: '8px 10px',
                  }}
                >
                  <Group gap={8} wrap="nowrap">
                    <KindIcon kind={kind} />
                    <Text fz="sm" fw={600} c="inherit" lh={1.2}>
                      {messages.interactions.kind[kind]}
                    </Text>
                  </Group>
                </UnstyledButton>
              );
            })}
          </SimpleGrid>
        </Stack>

        <Paper withBorder radius="md" p="sm">
          {form.newOrganisation ? (
            <Stack gap="sm" data-testid="quick-new-organisation">
              <Group justify="space-between" gap="xs">
                <Text fw={600} fz="sm">
                  {t.newOrganisationTitle}
                </Text>
                <Anchor
                  component="button"
                  type="button"
                  fz="sm"
                  onClick={() => set('newOrganisation', false)}
                >
                  {t.useExisting}
                </Anchor>
              </Group>
              <TextInput
                id="quick-orgName"
                inputWrapperOrder={BELOW}
                label={t.organisationName}
                required
                value={form.orgName}
                error={errors.orgName}
                onChange={(e) => set('orgName', e.currentTarget.value, 'orgName')}
              />
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <Select
                  id="quick-orgType"
                  inputWrapperOrder={BELOW}
                  label={t.organisationType}
                  required
                  data={NETWORK_ORGANISATION_TYPES.map((type) => ({
                    value: type,
                    label: messages.network.organisationType[type],
                  }))}
                  value={form.orgType}
                  error={errors.orgType}
                  allowDeselect={false}
                  onChange={(value) => set('orgType', value, 'orgType')}
                  comboboxProps={{ withinPortal: true }}
                />
                <Select
                  id="quick-orgCountry"
                  inputWrapperOrder={BELOW}
                  label={t.organisationCountry}
                  required
                  searchable
                  data={countrySelectOptions()}
                  value={form.orgCountry}
                  error={errors.orgCountry}
                  onChange={(value) => set('orgCountry', value, 'orgCountry')}
                  comboboxProps={{ withinPortal: true }}
                />
              </SimpleGrid>
            </Stack>
          ) : (
            <Stack gap={6}>
              <NetworkOrganisationPicker
                id="quick-networkOrganisationId"
                workspace={workspace}
                label={t.organisation}
                required
                value={form.organisationId}
                error={errors.networkOrganisationId}
                onChange={(id) => {
                  setForm((previous) => ({ ...previous, organisationId: id, personId: null }));
                  setErrors((previous) => ({ ...previous, networkOrganisationId: undefined }));
                }}
              />
              <Anchor
                component="button"
                type="button"
                fz="sm"
                ta="left"
                onClick={() => set('newOrganisation', true)}
                data-testid="quick-add-organisation"
              >
                + {t.newOrganisation}
              </Anchor>
            </Stack>
          )}
        </Paper>

        <Paper withBorder radius="md" p="sm">
          {form.newPerson ? (
            <Stack gap="sm">
              <Group justify="space-between" gap="xs">
                <Text fw={600} fz="sm">
                  {t.newPersonTitle}
                </Text>
                <Anchor component="button" type="button" fz="sm" onClick={() => set('newPerson', false)}>
                  {t.noPerson}
                </Anchor>
              </Group>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <TextInput
                  id="quick-personName"
                  inputWrapperOrder={BELOW}
                  label={t.personName}
                  value={form.personName}
                  error={errors.personName}
                  onChange={(e) => set('personName', e.currentTarget.value, 'personName')}
                />
                <TextInput
                  id="quick-personEmail"
                  inputWrapperOrder={BELOW}
                  type="email"
                  label={t.personEmail}
                  value={form.personEmail}
                  error={errors.personEmail}
                  onChange={(e) => set('personEmail', e.currentTarget.value, 'personEmail')}
                />
              </SimpleGrid>
            </Stack>
          ) : (
            <Stack gap={6}>
              <NetworkPersonPicker
                id="quick-networkPersonId"
                workspace={workspace}
                label={t.person}
                {...(form.organisationId ? { organisationId: form.organisationId } : {})}
                disabled={!form.organisationId && !form.newOrganisation}
                value={form.personId}
                error={errors.networkPersonId}
                onChange={(id) => set('personId', id, 'networkPersonId')}
              />
              <Anchor
                component="button"
                type="button"
                fz="sm"
                ta="left"
                onClick={() => set('newPerson', true)}
                data-testid="quick-add-person"
              >
                + {t.newPerson}
              </Anchor>
            </Stack>
          )}
        </Paper>

        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Select
            id="quick-activityId"
            inputWrapperOrder={BELOW}
            label={t.activity}
            description={t.activityHint}
            placeholder={t.noActivity}
            data={activityOptions}
            value={form.activityId}
            error={errors.activityId}
            clearable
            searchable
            onChange={(value) => set('activityId', value, 'activityId')}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            id="quick-occurredOn"
            inputWrapperOrder={BELOW}
            type="date"
            label={t.occurredOn}
            required
            value={occurredOn}
            error={errors.occurredOn}
            onChange={(e) => {
              setDayTouched(true);
              set('occurredOn', e.currentTarget.value, 'occurredOn');
            }}
          />
        </SimpleGrid>
        <Textarea
          id="quick-notes"
          inputWrapperOrder={BELOW}
          label={t.notes}
          autosize
          minRows={3}
          value={form.notes}
          error={errors.notes}
          onChange={(e) => set('notes', e.currentTarget.value, 'notes')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            id="quick-nextStep"
            inputWrapperOrder={BELOW}
            label={t.nextStep}
            value={form.nextStep}
            error={errors.nextStep}
            onChange={(e) => set('nextStep', e.currentTarget.value, 'nextStep')}
          />
          <TextInput
            id="quick-nextStepDueOn"
            inputWrapperOrder={BELOW}
            type="date"
            label={t.nextStepDueOn}
            disabled={form.nextStep.trim() === ''}
            value={form.nextStepDueOn}
            error={errors.nextStepDueOn}
            onChange={(e) => set('nextStepDueOn', e.currentTarget.value, 'nextStepDueOn')}
          />
        </SimpleGrid>
        <Group justify="space-between" gap="md">
          {backToActivity ?? <span />}
          <Button type="submit" size="md" loading={save.isPending} data-testid="quick-save">
            {t.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * A failure of creating the organisation or person: its field errors renamed to the form's
 * fields (`body.name` → `body.orgName`), so they show on the inline fields.
 */
function prefixed(error: unknown, names: Record<string, Field>): unknown {
  if (!error || typeof error !== 'object' || !('problem' in error)) return error;
  const problem = (error as { problem: { errors?: { field: string; message: string }[] } }).problem;
  if (!problem.errors) return error;
  problem.errors = problem.errors.map((e) => {
    const [, name] = e.field.split('.');
    const renamed = name ? names[name] : undefined;
    return renamed ? { ...e, field: `body.${renamed}` } : e;
  });
  return error;
}
