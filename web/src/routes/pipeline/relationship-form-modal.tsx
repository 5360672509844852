import {
  Button,
  Divider,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { isApiError } from '../../api/client.ts';
import type { RelationshipStage } from '../../api/types.ts';
import { RELATIONSHIP_STAGES, stageNeedsReason } from '../../api/vocabulary.ts';
import { useAbilities } from '../../app/abilities.ts';
import { countryName, formatDate } from '../../app/format.ts';
import { FailureAlert } from '../../components/alerts.tsx';
import { useFormState } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { allClustersQuery } from '../../queries/clusters.ts';
import { allMarketsQuery } from '../../queries/markets.ts';
import { organisationDirectoryQuery } from '../../queries/organisations.ts';
import { NetworkOrganisationPicker } from '../network/organisation-picker.tsx';
import { activitiesAroundQuery, createRelationship, usePipelineMutation } from './queries.ts';
import { todayLocal } from './stage-change-modal.tsx';

const t = messages.pipeline;

/** What an organisation page fixes in the form: its own side. */
export interface RelationshipFormFixed {
  ourOrganisationId?: string;
  networkOrganisationId?: string;
}

/** "Add a relationship": one of ours and a counterpart, its first stage, day and activity. */
export function RelationshipFormModal({
  workspace,
  opened,
  onClose,
  fixed,
}: {
  workspace: string;
  opened: boolean;
  onClose: () => void;
  fixed: RelationshipFormFixed;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t.form.title}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': messages.common.close }}
      styles={{ title: { fontWeight: 650 } }}
    >
      {opened && <RelationshipForm workspace={workspace} fixed={fixed} onClose={onClose} />}
    </Modal>
  );
}

const FIELDS = [
  'ourClusterId',
  'ourOrganisationId',
  'networkOrganisationId',
  'counterpartOrganisationId',
  'stage',
  'reason',
  'startedOn',
  'marketId',
  'activityId',
  'notes',
] as const;

function RelationshipForm({
  workspace,
  fixed,
  onClose,
}: {
  workspace: string;
  fixed: RelationshipFormFixed;
  onClose: () => void;
}) {
  const navigate = useNavigate();
  const abilities = useAbilities(workspace);
  const clusters = useQuery(allClustersQuery(workspace));
  const members = useQuery(organisationDirectoryQuery(workspace));
  const markets = useQuery(allMarketsQuery(workspace));
  const form = useFormState(
    () => ({
      oursKind: fixed.ourOrganisationId ? 'member' : 'cluster',
      ourClusterId: null as string | null,
      ourOrganisationId: (fixed.ourOrganisationId ?? null) as string | null,
      counterpartKind: 'network',
      networkOrganisationId: (fixed.networkOrganisationId ?? null) as string | null,
      counterpartOrganisationId: null as string | null,
      stage: 'mapped' as string,
      reason: '',
      startedOn: todayLocal(),
      marketId: null as string | null,
      activityId: null as string | null,
      notes: '',
    }),
    FIELDS,
    'relationship',
  );
  const { values } = form;
  const activities = useQuery(activitiesAroundQuery(workspace, values.startedOn));
  const needsReason = stageNeedsReason(values.stage as RelationshipStage);
  const save = usePipelineMutation(
    workspace,
    () =>
      createRelationship(workspace, {
        ...(values.oursKind === 'cluster'
          ? { ourClusterId: values.ourClusterId }
          : { ourOrganisationId: values.ourOrganisationId }),
        ...(values.counterpartKind === 'network'
          ? { networkOrganisationId: values.networkOrganisationId }
          : { counterpartOrganisationId: values.counterpartOrganisationId }),
        stage: values.stage as RelationshipStage,
        reason: needsReason ? values.reason.trim() : null,
        startedOn: values.startedOn,
        marketId: values.marketId,
        activityId: values.activityId,
        notes: values.notes,
      }),
    (created) => {
      onClose();
      void navigate({
        to: '/w/$workspace/network/relationships/$relationshipId',
        params: { workspace, relationshipId: created.id },
      });
    },
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<(typeof FIELDS)[number], string>> = {};
    if (values.oursKind === 'cluster' && !values.ourClusterId) found.ourClusterId = t.form.required;
    if (values.oursKind === 'member' && !values.ourOrganisationId) found.ourOrganisationId = t.form.required;
    if (values.counterpartKind === 'network' && !values.networkOrganisationId) {
      found.networkOrganisationId = t.form.required;
    }
    if (values.counterpartKind === 'member' && !values.counterpartOrganisationId) {
      found.counterpartOrganisationId = t.form.required;
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.startedOn)) found.startedOn = t.change.dateRequired;
    if (needsReason && !values.reason.trim()) found.reason = t.change.reasonRequired;
    else if (needsReason && values.reason.trim().length > 500) found.reason = messages.planning.tooLong(500);
    if (values.notes.length > 4000) found.notes = messages.planning.tooLong(4000);
    if (!form.check(found)) return;
    save.mutate(undefined, { onError: form.showServer });
  };

  const clusterOptions = (clusters.data?.items ?? [])
    .filter((c) => abilities.can('network.create', { clusterId: c.id }))
    .map((c) => ({ value: c.id, label: `${c.shortName} · ${c.name}` }));
  const memberOptions = (members.data ?? []).map((o) => ({
    value: o.id,
    label: `${o.name} · ${countryName(o.country)}`,
  }));
  const ourMemberOptions = (members.data ?? [])
    .filter((o) => abilities.can('network.create', { clusterId: o.clusterId }))
    .map((o) => ({ value: o.id, label: `${o.name} · ${countryName(o.country)}` }));
  const duplicate = isApiError(save.error) && save.error.status === 409;

  return (
    <form onSubmit={submit} noValidate data-testid="relationship-form">
      <Stack gap="md">
        {save.isError && !form.placed(save.error) && (
          <FailureAlert
            testId="relationship-form-error"
            title={duplicate ? t.form.duplicate : t.form.failed}
            error={save.error}
          />
        )}
        {!fixed.ourOrganisationId && (
          <Stack gap={6}>
            <Text fz="sm" fw={500} id="relationship-ours-kind">
              {t.form.oursKind}
            </Text>
            <SegmentedControl
              aria-labelledby="relationship-ours-kind"
              data={[
                { value: 'cluster', label: t.form.oursCluster },
                { value: 'member', label: t.form.oursMember },
              ]}
              value={values.oursKind}
              onChange={(value) => form.setValues((previous) => ({ ...previous, oursKind: value }))}
            />
            {values.oursKind === 'cluster' ? (
              <Select
                {...form.field('ourClusterId')}
                label={t.form.ourCluster}
                required
                data={clusterOptions}
                value={values.ourClusterId}
                onChange={(value) => form.set('ourClusterId', value)}
                searchable
                nothingFoundMessage="—"
                comboboxProps={{ withinPortal: true }}
              />
            ) : (
              <Select
                {...form.field('ourOrganisationId')}
                label={t.form.ourMember}
                required
                data={ourMemberOptions}
                value={values.ourOrganisationId}
                onChange={(value) => form.set('ourOrganisationId', value)}
                searchable
                limit={50}
                nothingFoundMessage="—"
                comboboxProps={{ withinPortal: true }}
              />
            )}
          </Stack>
        )}
        {!fixed.networkOrganisationId && (
          <Stack gap={6}>
            <Text fz="sm" fw={500} id="relationship-counterpart-kind">
              {t.form.counterpartKind}
            </Text>
            <SegmentedControl
              aria-labelledby="relationship-counterpart-kind"
              data={[
                { value: 'network', label: t.form.counterpartNetwork },
                { value: 'member', label: t.form.counterpartMember },
              ]}
              value={values.counterpartKind}
              onChange={(value) => form.setValues((previous) => ({ ...previous, counterpartKind: value }))}
            />
            {values.counterpartKind === 'network' ? (
              <NetworkOrganisationPicker
                {...form.field('networkOrganisationId')}
                workspace={workspace}
                required
                value={values.networkOrganisationId}
                onChange={(id) => form.set('networkOrganisationId', id)}
              />
            ) : (
              <Select
                {...form.field('counterpartOrganisationId')}
                label={t.form.counterpartMemberLabel}
                required
                data={memberOptions.filter((o) => o.value !== values.ourOrganisationId)}
                value={values.counterpartOrganisationId}
                onChange={(value) => form.set('counterpartOrganisationId', value)}
                searchable
                limit={50}
                nothingFoundMessage="—"
                comboboxProps={{ withinPortal: true }}
              />
            )}
          </Stack>
        )}
        <Group grow align="flex-start" gap="md" wrap="wrap">
          <Select
            {...form.field('stage')}
            label={t.form.stage}
            data={RELATIONSHIP_STAGES.map((stage) => ({ value: stage, label: t.stages[stage] ?? stage }))}
            value={values.stage}
            onChange={(value) => value && form.set('stage', value)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            miw={200}
          />
          <TextInput
            {...form.field('startedOn')}
            type="date"
            label={t.form.startedOn}
            required
            value={values.startedOn}
            onChange={(event) => form.set('startedOn', event.currentTarget.value)}
            miw={200}
          />
        </Group>
        {needsReason && (
          <Textarea
            {...form.field('reason')}
            label={t.change.reason}
            required
            value={values.reason}
            onChange={(event) => form.set('reason', event.currentTarget.value)}
          />
        )}
        <Select
          {...form.field('activityId')}
          label={t.form.activity}
          placeholder={t.change.noActivity}
          data={(activities.data?.items ?? []).map((a) => ({
            value: a.id,
            label: `${a.title} · ${formatDate(a.startsOn)}`,
          }))}
          value={values.activityId}
          onChange={(value) => form.set('activityId', value)}
          searchable
          clearable
          nothingFoundMessage="—"
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          {...form.field('marketId')}
          label={t.form.market}
          placeholder={t.page.noMarket}
          data={(markets.data?.items ?? []).map((m) => ({
            value: m.id,
            label: `${m.name} · ${countryName(m.country)}`,
          }))}
          value={values.marketId}
          onChange={(value) => form.set('marketId', value)}
          searchable
          clearable
          nothingFoundMessage="—"
          comboboxProps={{ withinPortal: true }}
        />
        <Textarea
          {...form.field('notes')}
          label={t.form.notes}
          autosize
          minRows={2}
          value={values.notes}
          onChange={(event) => form.set('notes', event.currentTarget.value)}
        />
        <Divider />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {messages.common.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t.form.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
