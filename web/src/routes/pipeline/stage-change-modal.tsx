import { Button, Divider, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import type { RelationshipDto, RelationshipStage } from '../../api/types.ts';
import { RELATIONSHIP_STAGES, stageNeedsReason } from '../../api/vocabulary.ts';
import { formatDate } from '../../app/format.ts';
import { FailureAlert } from '../../components/alerts.tsx';
import { BELOW } from '../../components/form-layout.ts';
import { useFormState } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { activitiesAroundQuery, changeStage, usePipelineMutation } from './queries.ts';

const t = messages.pipeline;

/** Today as YYYY-MM-DD in the browser's time zone. */
export function todayLocal(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface StageChangeTarget {
  relationship: RelationshipDto;
  stage: RelationshipStage;
}

/**
 * The small dialog a moved card opens: the day (today by default), the activity it is attributed
 * to (activities around that day, optional) and, for dormant and closed, a reason. Nothing moves
 * until it is confirmed; Cancel leaves the card where it was.
 */
export function StageChangeModal({
  workspace,
  target,
  onClose,
}: {
  workspace: string;
  target: StageChangeTarget | null;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={target ? t.change.title(target.relationship.counterpart.name) : ''}
      centered
      closeButtonProps={{ 'aria-label': messages.common.close }}
      styles={{ title: { fontWeight: 650 } }}
    >
      {target && (
        <StageChangeForm
          key={`${target.relationship.id}-${target.stage}`}
          workspace={workspace}
          target={target}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}

const FIELDS = ['stage', 'changedOn', 'activityId', 'reason'] as const;

function StageChangeForm({
  workspace,
  target,
  onClose,
}: {
  workspace: string;
  target: StageChangeTarget;
  onClose: () => void;
}) {
  const { relationship } = target;
  const form = useFormState(
    () => ({
      stage: target.stage as string,
      changedOn: todayLocal(),
      activityId: null as string | null,
      reason: '',
    }),
    FIELDS,
    'stage-change',
  );
  const { values } = form;
  const activities = useQuery(activitiesAroundQuery(workspace, values.changedOn));
  const save = usePipelineMutation(
    workspace,
    () =>
      changeStage(workspace, {
        id: relationship.id,
        version: relationship.version,
        stage: values.stage as RelationshipStage,
        changedOn: values.changedOn,
        activityId: values.activityId,
        reason: stageNeedsReason(values.stage as RelationshipStage) ? values.reason.trim() : null,
      }),
    () => onClose(),
  );
  const needsReason = stageNeedsReason(values.stage as RelationshipStage);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<(typeof FIELDS)[number], string>> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.changedOn)) found.changedOn = t.change.dateRequired;
    if (needsReason && !values.reason.trim()) found.reason = t.change.reasonRequired;
    else if (needsReason && values.reason.trim().length > 500) found.reason = messages.planning.tooLong(500);
    if (!form.check(found)) return;
    save.mutate(undefined, { onError: form.showServer });
  };

  const options = (activities.data?.items ?? []).map((a) => ({
    value: a.id,
    label: `${a.title} · ${formatDate(a.startsOn)}`,
  }));

  return (
    <form onSubmit={submit} noValidate data-testid="stage-change-form">
      <Stack gap="md">
        {save.isError && !form.placed(save.error) && (
          <FailureAlert testId="stage-change-error" title={t.change.failed} error={save.error} />
        )}
        <Select
          {...form.field('stage')}
          label={t.change.stage}
          data={RELATIONSHIP_STAGES.map((stage) => ({ value: stage, label: t.stages[stage] ?? stage }))}
          value={values.stage}
          onChange={(value) => value && form.set('stage', value)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          description={values.stage === relationship.stage ? t.change.confirmation : undefined}
          inputWrapperOrder={BELOW}
        />
        <TextInput
          {...form.field('changedOn')}
          type="date"
          label={t.change.changedOn}
          required
          value={values.changedOn}
          onChange={(event) => form.set('changedOn', event.currentTarget.value)}
          data-autofocus
        />
        <Select
          {...form.field('activityId')}
          label={t.change.activity}
          description={t.change.activityHint}
          inputWrapperOrder={BELOW}
          placeholder={t.change.noActivity}
          data={options}
          value={values.activityId}
          onChange={(value) => form.set('activityId', value)}
          searchable
          clearable
          nothingFoundMessage="—"
          comboboxProps={{ withinPortal: true }}
        />
        {needsReason && (
          <Textarea
            {...form.field('reason')}
            label={t.change.reason}
            description={t.change.reasonHint}
            inputWrapperOrder={BELOW}
            required
            autosize
            minRows={2}
            value={values.reason}
            onChange={(event) => form.set('reason', event.currentTarget.value)}
          />
        )}
        <Text fz="sm" c="dimmed">
          {relationship.ours.name} · {relationship.counterpart.name}
        </Text>
        <Divider />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {messages.common.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t.change.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
