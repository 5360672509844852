import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { api, isApiError, unwrap } from '../../api/client.ts';
import type {
  BudgetItemDto,
  InstrumentDiffDto,
  KpiKind,
  Phase,
  WorkspaceInstrumentDto,
} from '../../api/types.ts';
import {
  budgetFormula,
  COST_CATEGORIES,
  COST_CATEGORY_LABELS,
  DERIVED_KPI_RULES,
  EFFORT_UNIT_LABELS,
  EFFORT_UNITS,
  FUNDING_SOURCE_LABELS,
  FUNDING_SOURCES,
  KPI_KIND_LABELS,
  KPI_KINDS,
  PHASE_LABELS,
  PHASES,
  parseBudgetItems,
} from '../../api/vocabulary.ts';
import { useAbilities } from '../../app/abilities.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { FailureAlert } from '../../components/alerts.tsx';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { NumberField } from '../../components/number-field.tsx';
import { messages } from '../../messages/en.ts';
import {
  instrumentDifferencesQuery,
  instrumentKeys,
  workspaceInstrumentQuery,
} from '../../queries/instruments.ts';
import { workspaceKeys } from '../../queries/keys.ts';

const t = messages.customInstruments;
const route = getRouteApi('/w/$workspace/instruments/$key');

type ItemKind = BudgetItemDto['kind'];
const ITEM_KINDS = Object.keys(t.itemKinds) as ItemKind[];

/** A budget item as the editor holds it: every field any kind has, the kind deciding which count. */
type Draft = Record<string, unknown> & { kind: ItemKind; __key: string };

let drafted = 0;
/** A React key for an item or KPI being edited (the parser ignores it; the request never has it). */
const draftKey = () => `draft-${++drafted}`;

interface KpiDraft {
  __key: string;
  key: string;
  label: string;
  kind: KpiKind;
  unit: string;
  rule: string | null;
}

interface FormState {
  name: string;
  phase: Phase;
  description: string;
  benefits: string;
  businessModel: string;
  fundingSources: string[];
  budgetText: string;
  items: Draft[];
  kpis: KpiDraft[];
}

function toForm(instrument: WorkspaceInstrumentDto): FormState {
  return {
    name: instrument.name,
    phase: instrument.phase,
    description: instrument.description,
    benefits: instrument.benefits.join('\n'),
    businessModel: instrument.businessModel,
    fundingSources: instrument.fundingSources,
    budgetText: instrument.budget.text,
    items: instrument.budget.items.map((item) => ({ ...item, __key: draftKey() }) as Draft),
    kpis: instrument.kpis.map((k) => ({ ...k, unit: k.unit ?? '', __key: draftKey() })),
  };
}

/** A fresh item of a kind, with the fields the engine needs for it. */
function newItem(kind: ItemKind): Draft {
  return { ...itemFields(kind), __key: draftKey() } as Draft;
}

function itemFields(kind: ItemKind): Record<string, unknown> {
  switch (kind) {
    case 'effort_days_per_unit':
    case 'min_days_per_unit':
      return { kind, days: 1, unit: 'event', source: '' };
    case 'recurring_days_per_month':
      return { kind, days: 1, source: '' };
    case 'travellers_per_mission':
      return { kind, min: 1, max: 2, who: '', source: '' };
    case 'fee_per_entity':
      return { kind, amountEur: 0, includes: [], orderOfMagnitude: false, source: '' };
    case 'additional_effort':
      return { kind, who: '', when: '', source: '' };
    case 'cost_categories':
      return { kind, categories: [], source: '' };
    case 'depends_on':
      return { kind, factors: [], source: '' };
    case 'note':
      return { kind, text: '' };
  }
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** `/w/$workspace/instruments/$key`: adapt one of the workspace's own instruments. */
export function CustomInstrumentPage() {
  const { workspace, key } = route.useParams();
  const instrument = useQuery(workspaceInstrumentQuery(workspace, key));
  useDocumentTitle(
    messages.app.documentTitle(
      instrument.data ? t.editorTitle(instrument.data.name) : messages.instrument.loading,
    ),
  );
  return (
    <Stack gap="lg" maw={1100} mx="auto">
      <AnchorLink to="/catalogue" fz="sm">
        {t.back}
      </AnchorLink>
      {instrument.data ? (
        instrument.data.origin === 'custom' ? (
          <Editor workspace={workspace} instrument={instrument.data} />
        ) : (
          <Text>{messages.instrument.origin['d4.2']}</Text>
        )
      ) : instrument.isPending ? (
        <Skeleton h={400} />
      ) : (
        <ErrorState
          title={t.loadError}
          error={instrument.error}
          onRetry={() => void instrument.refetch()}
          retrying={instrument.isFetching}
        />
      )}
    </Stack>
  );
}

function Editor({ workspace, instrument }: { workspace: string; instrument: WorkspaceInstrumentDto }) {
  const mayEdit = useAbilities(workspace).canSomewhere('instrument.manage');
  const [tab, setTab] = useState<string | null>('edit');
  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Title order={1}>{t.editorTitle(instrument.name)}</Title>
        <Group gap="xs">
          <Badge color="grape" variant="light" data-testid="custom-badge">
            {t.badge}
          </Badge>
          <Text fz="sm" c="dimmed">
            {instrument.basedOn ? t.basedOn(instrument.basedOn) : t.madeFromNothing}
          </Text>
        </Group>
        {!mayEdit && (
          <Text fz="sm" c="dimmed">
            {t.readOnly}
          </Text>
        )}
      </Stack>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="edit">{t.tabs.edit}</Tabs.Tab>
          <Tabs.Tab value="differences">{t.tabs.differences}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="edit" pt="md">
          <EditForm workspace={workspace} instrument={instrument} disabled={!mayEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="differences" pt="md">
          <Differences workspace={workspace} instrumentKey={instrument.key} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function EditForm({
  workspace,
  instrument,
  disabled,
}: {
  workspace: string;
  instrument: WorkspaceInstrumentDto;
  disabled: boolean;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [form, setForm] = useState<FormState>(() => toForm(instrument));
  const [confirmDelete, setConfirmDelete] = useState(false);
  const set = <K extends keyof FormState>(field: K, value: FormState[K]) =>
    setForm((f) => ({ ...f, [field]: value }));
  const parsed = useMemo(() => parseBudgetItems(form.items, 'items'), [form.items]);
  const errorOf = (index: number, field: string) =>
    parsed.errors.find(
      (e) => e.field === `items.${index}.${field}` || (field === 'kind' && e.field === `items.${index}`),
    )?.message;
  const formula =
    parsed.errors.length === 0 ? budgetFormula({ text: form.budgetText, items: parsed.items }) : null;

  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: instrumentKeys.workspace(workspace) }),
      queryClient.invalidateQueries({ queryKey: workspaceKeys.planning(workspace) }),
      queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
    ]);
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PATCH('/api/v1/workspaces/{workspace}/instruments/{key}', {
          params: { path: { workspace, key: instrument.id } },
          body: {
            version: instrument.version,
            name: form.name,
            phase: form.phase,
            description: form.description,
            benefits: lines(form.benefits),
            businessModel: form.businessModel,
            fundingSources: form.fundingSources as WorkspaceInstrumentDto['fundingSources'],
            budgetText: form.budgetText,
            budgetItems: parsed.items as BudgetItemDto[],
            kpis: form.kpis.map((k) => ({
              key: k.key,
              label: k.label,
              kind: k.kind,
              unit: k.unit.trim() === '' ? null : k.unit.trim(),
              rule: k.rule,
            })),
          },
        }),
      ),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/api/v1/workspaces/{workspace}/instruments/{key}', {
          params: { path: { workspace, key: instrument.id }, query: { version: instrument.version } },
        }),
      ),
    onSuccess: async () => {
      await refresh();
      void navigate({ to: '/catalogue' });
    },
  });

  const setItem = (index: number, change: Record<string, unknown>) =>
    set(
      'items',
      form.items.map((item, i) => (i === index ? ({ ...item, ...change } as Draft) : item)),
    );
  const setKpi = (index: number, change: Partial<KpiDraft>) =>
    set(
      'kpis',
      form.kpis.map((kpi, i) => (i === index ? { ...kpi, ...change } : kpi)),
    );

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (parsed.errors.length === 0) save.mutate();
      }}
    >
      <fieldset disabled={disabled} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t.name}
              value={form.name}
              required
              onChange={(e) => set('name', e.currentTarget.value)}
            />
            <Select
              label={t.phase}
              data={PHASES.map((p) => ({ value: p, label: PHASE_LABELS[p] }))}
              value={form.phase}
              allowDeselect={false}
              onChange={(value) => value && set('phase', value as Phase)}
            />
          </SimpleGrid>
          <Textarea
            label={t.description}
            autosize
            minRows={3}
            value={form.description}
            onChange={(e) => set('description', e.currentTarget.value)}
          />
          <Textarea
            label={t.benefits}
            description={t.benefitsHint}
            autosize
            minRows={2}
            value={form.benefits}
            onChange={(e) => set('benefits', e.currentTarget.value)}
          />
          <Textarea
            label={t.businessModel}
            autosize
            minRows={2}
            value={form.businessModel}
            onChange={(e) => set('businessModel', e.currentTarget.value)}
          />
          <MultiSelect
            label={t.fundingSources}
            data={FUNDING_SOURCES.map((f) => ({ value: f, label: FUNDING_SOURCE_LABELS[f] }))}
            value={form.fundingSources}
            onChange={(value) => set('fundingSources', value)}
          />
          <Textarea
            label={t.budgetText}
            autosize
            minRows={2}
            value={form.budgetText}
            onChange={(e) => set('budgetText', e.currentTarget.value)}
          />

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="budget-items-title">
            <Stack gap="sm">
              <Title order={2} fz="h4" id="budget-items-title">
                {t.budgetItems}
              </Title>
              <Text fz="sm" c="dimmed">
                {t.budgetItemsHint}
              </Text>
              {form.items.map((item, index) => (
                <Paper key={item.__key} withBorder p="sm" radius="sm" data-testid="budget-item-editor">
                  <Stack gap="xs">
                    <Group justify="space-between" align="flex-end" wrap="nowrap">
                      <Select
                        label={t.itemKind}
                        data={ITEM_KINDS.map((k) => ({ value: k, label: t.itemKinds[k] }))}
                        value={item.kind}
                        allowDeselect={false}
                        error={errorOf(index, 'kind')}
                        onChange={(value) =>
                          value &&
                          set(
                            'items',
                            form.items.map((it, i) => (i === index ? newItem(value as ItemKind) : it)),
                          )
                        }
                        style={{ flex: 1 }}
                      />
                      <ActionIcon
                        variant="subtle"
                        color="red.9"
                        size="lg"
                        aria-label={t.removeItem(index + 1)}
                        onClick={() =>
                          set(
                            'items',
                            form.items.filter((_, i) => i !== index),
                          )
                        }
                      >
                        ×
                      </ActionIcon>
                    </Group>
                    <ItemFields
                      item={item}
                      onChange={(change) => setItem(index, change)}
                      errorOf={(f) => errorOf(index, f)}
                    />
                  </Stack>
                </Paper>
              ))}
              <Group>
                <Button
                  variant="light"
                  onClick={() => set('items', [...form.items, newItem('effort_days_per_unit')])}
                >
                  {t.addItem}
                </Button>
              </Group>
              <Stack gap={4} aria-live="polite">
                <Text fz="xs" fw={700} tt="uppercase" c="dimmed">
                  {t.formulaPreview}
                </Text>
                {formula !== null ? (
                  <Code block data-testid="formula-preview">
                    {formula}
                  </Code>
                ) : (
                  <Text fz="sm" c="red.8">
                    {t.formulaInvalid}
                  </Text>
                )}
              </Stack>
            </Stack>
          </Paper>

          <Paper withBorder p="md" radius="md" component="section" aria-labelledby="kpis-title">
            <Stack gap="sm">
              <Title order={2} fz="h4" id="kpis-title">
                {t.kpis}
              </Title>
              <Text fz="sm" c="dimmed">
                {t.kpisHint}
              </Text>
              {form.kpis.map((kpi, index) => {
                const rules = Object.entries(DERIVED_KPI_RULES).filter(([, rule]) => rule.kind === kpi.kind);
                return (
                  <Paper key={kpi.__key} withBorder p="sm" radius="sm" data-testid="kpi-editor">
                    <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs">
                      <TextInput
                        label={t.kpiLabel}
                        value={kpi.label}
                        onChange={(e) => setKpi(index, { label: e.currentTarget.value })}
                      />
                      <TextInput
                        label={t.kpiKey}
                        description={t.kpiKeyHint}
                        value={kpi.key}
                        onChange={(e) => setKpi(index, { key: e.currentTarget.value })}
                      />
                      <Select
                        label={t.kpiKind}
                        data={KPI_KINDS.map((k) => ({ value: k, label: KPI_KIND_LABELS[k] }))}
                        value={kpi.kind}
                        allowDeselect={false}
                        onChange={(value) => value && setKpi(index, { kind: value as KpiKind, rule: null })}
                      />
                      <TextInput
                        label={t.kpiUnit}
                        value={kpi.unit}
                        onChange={(e) => setKpi(index, { unit: e.currentTarget.value })}
                      />
                      <Select
                        label={t.kpiRule}
                        data={[
                          { value: '', label: t.enteredByHand },
                          ...rules.map(([key, rule]) => ({ value: key, label: rule.label })),
                        ]}
                        value={kpi.rule ?? ''}
                        allowDeselect={false}
                        onChange={(value) => setKpi(index, { rule: value ? value : null })}
                      />
                      <Group align="flex-end">
                        <Button
                          variant="outline"
                          color="red.9"
                          onClick={() =>
                            set(
                              'kpis',
                              form.kpis.filter((_, i) => i !== index),
                            )
                          }
                          aria-label={t.removeKpi(kpi.label)}
                        >
                          {t.removeKpi(kpi.label)}
                        </Button>
                      </Group>
                    </SimpleGrid>
                  </Paper>
                );
              })}
              <Group>
                <Button
                  variant="light"
                  onClick={() =>
                    set('kpis', [
                      ...form.kpis,
                      { __key: draftKey(), key: '', label: '', kind: 'count', unit: '', rule: null },
                    ])
                  }
                >
                  {t.addKpi}
                </Button>
              </Group>
            </Stack>
          </Paper>

          {save.isError && (
            <FailureAlert
              testId="instrument-save-error"
              title={isApiError(save.error) && save.error.status === 409 ? t.stale : t.saveFailed}
              error={save.error}
            />
          )}
          {save.isSuccess && (
            <Text role="status" c="teal.9" fw={600}>
              {t.saved}
            </Text>
          )}
          {!disabled && (
            <Group justify="space-between">
              <Button type="submit" loading={save.isPending} disabled={parsed.errors.length > 0}>
                {t.save}
              </Button>
              <Button variant="outline" color="red.9" onClick={() => setConfirmDelete(true)}>
                {t.delete}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
      <ConfirmModal
        opened={confirmDelete}
        title={t.delete}
        confirmLabel={t.delete}
        failedTitle={t.deleteFailed}
        errorTestId="instrument-delete-error"
        action={remove}
        onConfirm={() => remove.mutate()}
        onClose={() => setConfirmDelete(false)}
      >
        <Text>{t.deleteConfirm(instrument.name)}</Text>
      </ConfirmModal>
    </form>
  );
}

/** The fields of one budget item, by its kind. */
function ItemFields({
  item,
  onChange,
  errorOf,
}: {
  item: Draft;
  onChange: (change: Record<string, unknown>) => void;
  errorOf: (field: string) => string | undefined;
}) {
  // Typed as is (no clamping or rounding): the parser says what the engine cannot read.
  const number = (field: string, label: string) => (
    <NumberField
      label={label}
      value={typeof item[field] === 'number' && Number.isFinite(item[field]) ? (item[field] as number) : ''}
      onChange={(value) => onChange({ [field]: typeof value === 'number' ? value : Number.NaN })}
      error={errorOf(field)}
    />
  );
  const text = (field: string, label: string) => (
    <TextInput
      label={label}
      value={typeof item[field] === 'string' ? (item[field] as string) : ''}
      onChange={(e) => onChange({ [field]: e.currentTarget.value })}
      error={errorOf(field)}
    />
  );
  const unit = (optional: boolean) => (
    <Select
      label={t.unit}
      data={[
        ...(optional ? [{ value: '', label: t.noUnit }] : []),
        ...EFFORT_UNITS.map((u) => ({ value: u, label: EFFORT_UNIT_LABELS[u].one })),
      ]}
      value={typeof item.unit === 'string' ? item.unit : ''}
      allowDeselect={false}
      error={errorOf('unit')}
      onChange={(value) => {
        if (value) onChange({ unit: value });
        else {
          const { unit: _drop, ...rest } = item;
          onChange({ ...rest, unit: undefined });
        }
      }}
    />
  );
  const categories = (field: string, label: string) => (
    <MultiSelect
      label={label}
      data={COST_CATEGORIES.map((c) => ({ value: c, label: COST_CATEGORY_LABELS[c] }))}
      value={Array.isArray(item[field]) ? (item[field] as string[]) : []}
      error={errorOf(field)}
      onChange={(value) => onChange({ [field]: value })}
    />
  );
  const source = text('source', t.source);
  switch (item.kind) {
    case 'effort_days_per_unit':
    case 'min_days_per_unit':
      return (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          {number('days', t.days)}
          {unit(false)}
          {source}
        </SimpleGrid>
      );
    case 'recurring_days_per_month':
      return (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          {number('days', t.days)}
          {unit(true)}
          {source}
        </SimpleGrid>
      );
    case 'travellers_per_mission':
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          {number('min', t.minTravellers)}
          {number('max', t.maxTravellers)}
          {text('who', t.who)}
          {source}
        </SimpleGrid>
      );
    case 'fee_per_entity':
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          {number('amountEur', t.amountEur)}
          {categories('includes', t.includes)}
          <Checkbox
            label={t.orderOfMagnitude}
            checked={item.orderOfMagnitude === true}
            onChange={(e) => onChange({ orderOfMagnitude: e.currentTarget.checked })}
          />
          {source}
        </SimpleGrid>
      );
    case 'additional_effort':
      return (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          {text('who', t.who)}
          {text('when', t.when)}
          {source}
        </SimpleGrid>
      );
    case 'cost_categories':
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          {categories('categories', t.categories)}
          {source}
        </SimpleGrid>
      );
    case 'depends_on':
      return (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <Textarea
            label={t.factors}
            description={t.factorsHint}
            autosize
            value={Array.isArray(item.factors) ? (item.factors as string[]).join('\n') : ''}
            error={errorOf('factors')}
            onChange={(e) => onChange({ factors: e.currentTarget.value.split('\n') })}
          />
          {source}
        </SimpleGrid>
      );
    case 'note':
      return text('text', t.noteText);
  }
}

const show = (value: unknown): string => {
  if (value === null || value === undefined) return t.none;
  if (Array.isArray(value)) return value.join('; ') || t.none;
  if (typeof value === 'object') {
    const item = value as BudgetItemDto & { label?: string };
    if ('kind' in item && ITEM_KINDS.includes(item.kind as ItemKind))
      return budgetFormula({ text: '', items: [item] });
    if ('label' in item) return `${item.label}`;
    return JSON.stringify(value);
  }
  return String(value);
};

function Differences({ workspace, instrumentKey }: { workspace: string; instrumentKey: string }) {
  const diff = useQuery(instrumentDifferencesQuery(workspace, instrumentKey));
  if (diff.isPending) return <Skeleton h={200} />;
  if (diff.isError)
    return (
      <ErrorState
        title={t.loadError}
        error={diff.error}
        onRetry={() => void diff.refetch()}
        retrying={diff.isFetching}
      />
    );
  const data: InstrumentDiffDto = diff.data;
  if (!data.reference) return <Text>{t.noReference}</Text>;
  const subject = (d: InstrumentDiffDto['differences'][number]) =>
    d.area === 'field' && d.field
      ? t.fields[d.field]
      : d.area === 'budgetItem'
        ? t.budgetItemAt((d.index ?? 0) + 1)
        : t.kpiNamed(show(d.custom ?? d.reference));
  return (
    <Stack gap="sm" data-testid="instrument-differences">
      <Text>{t.differencesIntro(data.reference.name)}</Text>
      {data.differences.length === 0 ? (
        <Text>{t.noDifferences}</Text>
      ) : (
        <>
          <Text fw={600}>{t.differenceCount(data.differences.length)}</Text>
          <Table.ScrollContainer minWidth={480}>
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t.tabs.differences}</Table.Th>
                  <Table.Th scope="col">{t.reference}</Table.Th>
                  <Table.Th scope="col">{t.custom}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.differences.map((d) => (
                  <Table.Tr key={`${d.area}-${d.field ?? d.index ?? d.key}`}>
                    <Table.Th scope="row">
                      {subject(d)} · {t.changes[d.change]}
                    </Table.Th>
                    <Table.Td>{show(d.reference)}</Table.Td>
                    <Table.Td>{show(d.custom)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
