import { Button, Checkbox, Divider, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { PlanDetailDto } from '../../api/types.ts';
import { useAbilities } from '../../app/abilities.ts';
import { countryName } from '../../app/format.ts';
import { FailureAlert } from '../../components/alerts.tsx';
import { BELOW } from '../../components/form-layout.ts';
import { serverFieldErrors } from '../../components/use-form-state.ts';
import { messages } from '../../messages/en.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { allMarketsQuery } from '../../queries/markets.ts';
import { dateError } from './form-rules.ts';
import { planningKeys } from './queries.ts';

const t = messages.copyPlan;
const p = messages.planning;

/** Copies the plan to a market (the same or another) and opens the copy. */
export function CopyPlanModal({
  workspace,
  plan,
  opened,
  onClose,
}: {
  workspace: string;
  plan: PlanDetailDto;
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t.title(plan.name)}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': messages.common.close }}
      styles={{ title: { fontWeight: 650 } }}
    >
      {opened && <CopyForm workspace={workspace} plan={plan} onClose={onClose} />}
    </Modal>
  );
}

const FIELDS = ['marketId', 'name', 'startsOn'] as const;
type Field = (typeof FIELDS)[number];

function CopyForm({
  workspace,
  plan,
  onClose,
}: {
  workspace: string;
  plan: PlanDetailDto;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const markets = useQuery(allMarketsQuery(workspace));
  const abilities = useAbilities(workspace);
  const [marketId, setMarketId] = useState<string | null>(null);
  const [name, setName] = useState(t.copyName(plan.name));
  const [startsOn, setStartsOn] = useState('');
  const [includeActivities, setIncludeActivities] = useState(true);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const copy = useMutation({
    mutationFn: (target: string) =>
      unwrap(
        api.POST('/api/v1/workspaces/{workspace}/plans/{id}/copy', {
          params: { path: { workspace, id: plan.id } },
          body: { marketId: target, name: name.trim(), ...(startsOn ? { startsOn } : {}), includeActivities },
        }),
      ),
    onSuccess: async (created) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: planningKeys.all(workspace) }),
        queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
      ]);
      onClose();
      await navigate({ to: '/w/$workspace/plans/$planId', params: { workspace, planId: created.id } });
    },
    onError: (error) => setErrors(serverFieldErrors(error, FIELDS)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!marketId) found.marketId = p.fieldRequired;
    if (!name.trim()) found.name = p.fieldRequired;
    else if (name.trim().length > 200) found.name = p.tooLong(200);
    if (startsOn) {
      const date = dateError(startsOn);
      if (date) found.startsOn = date;
    }
    setErrors(found);
    const first = FIELDS.find((f) => found[f]);
    if (first) {
      document.getElementById(`copy-${first}`)?.focus();
      return;
    }
    if (marketId) copy.mutate(marketId);
  };

  const options = (markets.data?.items ?? [])
    .filter((m) => abilities.can('plan.create', { clusterId: m.ownerClusterId }))
    .map((m) => ({ value: m.id, label: `${m.name} · ${countryName(m.country)}` }));
  const placed = Object.keys(serverFieldErrors(copy.error, FIELDS)).length > 0;

  return (
    <form onSubmit={submit} noValidate data-testid="copy-plan-form">
      <Stack gap="md">
        <Text fz="sm">{t.intro}</Text>
        {copy.isError && !placed && (
          <FailureAlert testId="copy-plan-error" title={t.failed} error={copy.error} />
        )}
        <Select
          id="copy-marketId"
          label={t.market}
          required
          data={options}
          value={marketId}
          onChange={(value) => {
            setMarketId(value);
            setErrors((e) => ({ ...e, marketId: undefined }));
          }}
          error={errors.marketId}
          searchable
          nothingFoundMessage="—"
          comboboxProps={{ withinPortal: true }}
          data-autofocus
        />
        <TextInput
          id="copy-name"
          label={t.name}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
          autoComplete="off"
        />
        <TextInput
          id="copy-startsOn"
          type="date"
          label={t.startsOn}
          description={t.startsOnHint}
          inputWrapperOrder={BELOW}
          value={startsOn}
          onChange={(event) => setStartsOn(event.currentTarget.value)}
          error={errors.startsOn}
        />
        <Checkbox
          label={t.includeActivities}
          checked={includeActivities}
          onChange={(event) => setIncludeActivities(event.currentTarget.checked)}
        />
        <Divider />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {messages.common.cancel}
          </Button>
          <Button type="submit" loading={copy.isPending}>
            {t.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
