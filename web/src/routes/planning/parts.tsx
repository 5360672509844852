/** Small pieces the planning pages share: sections, facts, not-found states, form drawers. */
import { Button, Drawer, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useRef } from 'react';
import { isApiError } from '../../api/client.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { messages } from '../../messages/en.ts';

const p = messages.planning;

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
