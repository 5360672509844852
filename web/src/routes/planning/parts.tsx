/** Small pieces the planning pages share: badges, sections, facts, loading and not-found states. */
import {
  Badge,
  Breadcrumbs,
  Button,
  Drawer,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { type ReactNode, useRef } from 'react';
import { isApiError } from '../../api/client.ts';
import type { ActivityStatus, MarketPriority, MarketStatus, Phase, PlanStatus } from '../../api/types.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { formatDate } from '../../app/format.ts';
import { messages } from '../../messages/en.ts';
import { PHASE_COLORS } from '../catalogue/phase-style.ts';

const p = messages.planning;

// Light badges with their text at shade 9, as the registry's; red, orange, teal and green at shade
// 9 stay just under 4.5:1 on their tint over the page's grey, so those take the text colour.
const STATUS_COLOR = {
  exploring: 'blue',
  active: 'teal',
  paused: 'orange',
  closed: 'gray',
  draft: 'gray',
  approved: 'blue',
  planned: 'blue',
  confirmed: 'teal',
  done: 'green',
  cancelled: 'red',
} as const;

const DARK_TEXT = new Set(['red', 'orange', 'teal', 'green']);

function LightBadge({ color, children, title }: { color: string; children: ReactNode; title?: string }) {
  return (
    <Badge
      variant="light"
      color={color}
      c={DARK_TEXT.has(color) ? 'var(--mantine-color-text)' : `${color}.9`}
      tt="none"
      title={title}
    >
      {children}
    </Badge>
  );
}

export function MarketStatusBadge({ status }: { status: MarketStatus }) {
  return <LightBadge color={STATUS_COLOR[status]}>{p.marketStatus[status]}</LightBadge>;
}

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  return <LightBadge color={STATUS_COLOR[status]}>{p.planStatus[status]}</LightBadge>;
}

export function ActivityStatusBadge({ status }: { status: ActivityStatus }) {
  return <LightBadge color={STATUS_COLOR[status]}>{p.activityStatus[status]}</LightBadge>;
}

const PRIORITY_COLOR = { high: 'red', medium: 'orange', low: 'gray' } as const;

/** "High priority"; `short`: "High" (in a column already named Priority). */
export function PriorityBadge({ priority, short = false }: { priority: MarketPriority; short?: boolean }) {
  const label = p.priority[priority];
  return <LightBadge color={PRIORITY_COLOR[priority]}>{short ? label : p.priorityBadge(label)}</LightBadge>;
}

export function PhaseBadge({ phase }: { phase: Phase }) {
  return <LightBadge color={PHASE_COLORS[phase]}>{messages.phaseShort[phase]}</LightBadge>;
}

/** `1 Feb 2027 – 3 Feb 2027`, or one date when the period is one day. */
export function periodText(startsOn: string, endsOn: string): string {
  return startsOn === endsOn ? formatDate(startsOn) : p.period(formatDate(startsOn), formatDate(endsOn));
}

/** A titled panel of a page, named by its heading for screen readers. */
export function Section({
  title,
  children,
  action,
  testId,
  order = 2,
}: {
  title: string;
  children: ReactNode;
  action?: ReactNode;
  testId?: string;
  order?: 2 | 3;
}) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-label={title} data-testid={testId}>
      <Stack gap="md">
        <Group justify="space-between" gap="md">
          <Title order={order} fz={order === 2 ? 'lg' : 'md'}>
            {title}
          </Title>
          {action}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

export function Facts({ children }: { children: ReactNode }) {
  return (
    <Stack component="dl" gap="xs" m={0}>
      {children}
    </Stack>
  );
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="md" align="baseline" wrap="nowrap">
      <Text component="dt" fz="sm" c="dimmed" w={170} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <Text component="dd" fz="sm" m={0} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Group>
  );
}

export function LongText({ text }: { text: string }) {
  return text.trim() ? (
    <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {text}
    </Text>
  ) : (
    <Text fz="sm" c="dimmed">
      {p.noText}
    </Text>
  );
}

export function Crumbs({ children }: { children: ReactNode }) {
  return (
    <Breadcrumbs
      component="nav"
      aria-label={p.breadcrumb}
      separator="›"
      styles={{ separator: { color: 'var(--mantine-color-dimmed)' } }}
    >
      {children}
    </Breadcrumbs>
  );
}

export function CurrentCrumb({ children }: { children: ReactNode }) {
  return (
    <Text fz="sm" c="dimmed" aria-current="page">
      {children}
    </Text>
  );
}

export function PageSkeleton({ label }: { label: string }) {
  return (
    <Stack gap="lg" maw={1200} mx="auto" aria-busy="true">
      <VisuallyHidden role="status">{label}</VisuallyHidden>
      <Skeleton h={14} w={160} />
      <Skeleton h={34} w="50%" />
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Skeleton h={200} />
        <Skeleton h={200} />
      </SimpleGrid>
    </Stack>
  );
}

/** A detail page's failed load: "not found" for a 404, else the error with a retry. */
export function LoadFailure({
  query,
  crumbs,
  notFoundTitle,
  notFoundBody,
  loadError,
  back,
  testId,
}: {
  query: { error: unknown; refetch: () => unknown; isFetching: boolean };
  crumbs: ReactNode;
  notFoundTitle: string;
  notFoundBody: string;
  loadError: string;
  back: ReactNode;
  testId: string;
}) {
  if (isApiError(query.error) && query.error.status === 404) {
    return (
      <Stack gap="lg" maw={1200} mx="auto" data-testid={testId}>
        {crumbs}
        <Title order={1}>{notFoundTitle}</Title>
        <Text>{notFoundBody}</Text>
        {back}
      </Stack>
    );
  }
  return (
    <Stack gap="lg" maw={1200} mx="auto">
      {crumbs}
      <Title order={1}>{loadError}</Title>
      <ErrorState
        title={messages.common.errorTitle}
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    </Stack>
  );
}

/** Money in a table cell: right-aligned tabular figures; `null` (costs hidden) as a dash. */
export const moneyCell = { ta: 'right', style: { fontVariantNumeric: 'tabular-nums' } } as const;

/** The right-hand drawer of the planning forms; its content mounts only while open (fresh state). */
export function FormDrawer({
  opened,
  title,
  onClose,
  children,
  size = 'md',
}: {
  opened: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  size?: 'md' | 'lg';
}) {
  // While it slides out the drawer keeps its last title (a dialog needs its name to the end).
  const lastTitle = useRef(title);
  if (title) lastTitle.current = title;
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      title={title || lastTitle.current}
      position="right"
      size={size}
      padding="lg"
      closeButtonProps={{ 'aria-label': messages.common.close }}
      styles={{ title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } }}
    >
      {opened && children}
    </Drawer>
  );
}

/** The form's buttons: Cancel and the submit button. */
export function FormButtons({
  onCancel,
  submitLabel,
  pending,
  disabled,
}: {
  onCancel: () => void;
  submitLabel: string;
  pending: boolean;
  disabled?: boolean;
}) {
  return (
    <Group justify="flex-end" gap="sm" mt="sm">
      <Button variant="default" onClick={onCancel}>
        {messages.common.cancel}
      </Button>
      <Button type="submit" loading={pending} disabled={disabled}>
        {submitLabel}
      </Button>
    </Group>
  );
}
