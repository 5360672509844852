/** Small pieces the registry pages share: alerts in forms, empty states, skeletons, icons. */
import {
  Alert,
  Box,
  Button,
  Divider,
  Group,
  Modal,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { describeError } from '../../api/describe-error.ts';
import { messages } from '../../messages/en.ts';
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from './search-params.ts';

const alertStyles = (color: string) => ({
  root: { borderLeft: `4px solid var(--mantine-color-${color}-9)` },
  title: { color: 'var(--mantine-color-text)' },
});

/** Someone saved the record since it was read (409): reload, then edit again. */
export function ConflictAlert({
  body,
  onReload,
  reloading,
  reloadError,
  testId,
}: {
  body: string;
  onReload: () => void;
  reloading: boolean;
  reloadError: unknown;
  testId: string;
}) {
  return (
    <Alert
      color="orange"
      variant="light"
      title={messages.registry.conflictTitle}
      role="alert"
      data-testid={testId}
      styles={alertStyles('orange')}
    >
      <Stack gap="sm" align="flex-start">
        <Text fz="sm">{body}</Text>
        <Button size="xs" color="orange.9" onClick={onReload} loading={reloading}>
          {messages.registry.reload}
        </Button>
        {reloadError ? <Text fz="sm">{describeError(reloadError)}</Text> : null}
      </Stack>
    </Alert>
  );
}

/** A failed save or delete that no form field explains. */
export function FailureAlert({ title, error, testId }: { title: string; error: unknown; testId: string }) {
  return (
    <Alert
      color="red"
      variant="light"
      title={title}
      role="alert"
      data-testid={testId}
      styles={alertStyles('red')}
    >
      <Text fz="sm">{describeError(error)}</Text>
    </Alert>
  );
}

/**
 * A destructive action asked for once more: the title, what happens, the failure if the last try
 * failed, then Cancel and the red confirm button. Closing resets the failure.
 */
export function ConfirmModal({
  opened,
  title,
  children,
  confirmLabel,
  failedTitle,
  errorTestId,
  action,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  failedTitle: string;
  errorTestId: string;
  action: { isPending: boolean; isError: boolean; error: unknown; reset(): void };
  onConfirm: () => void;
  onClose: () => void;
}) {
  const close = () => {
    action.reset();
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={title}
      centered
      closeButtonProps={{ 'aria-label': messages.common.close }}
      styles={{ title: { fontWeight: 650 } }}
    >
      <Stack gap="md">
        {children}
        {action.isError && <FailureAlert testId={errorTestId} title={failedTitle} error={action.error} />}
        <Divider />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            {messages.common.cancel}
          </Button>
          <Button color="red.9" onClick={onConfirm} loading={action.isPending}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Rows per page of a registry list; the default is kept out of the URL (`undefined`). */
export function PageSizeSelect({
  limit,
  onChange,
}: {
  limit: number | undefined;
  onChange(limit: number | undefined): void;
}) {
  return (
    <Select
      label={messages.registry.pageSize}
      data={PAGE_SIZES.map((n) => String(n))}
      value={String(limit ?? DEFAULT_PAGE_SIZE)}
      onChange={(value) => {
        const n = Number(value);
        onChange(n === DEFAULT_PAGE_SIZE ? undefined : n);
      }}
      allowDeselect={false}
      w={120}
      size="xs"
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export function EmptyState({
  title,
  body,
  action,
  testId,
}: {
  title: string;
  body: string;
  action?: ReactNode;
  testId: string;
}) {
  return (
    <Paper withBorder radius="md" p="xl" data-testid={testId}>
      <Stack align="center" gap="xs" py="lg">
        <Title order={2} fz="lg">
          {title}
        </Title>
        <Text c="dimmed" ta="center">
          {body}
        </Text>
        {action}
      </Stack>
    </Paper>
  );
}

export function TableSkeleton({ label, columns }: { label: string; columns: number }) {
  return (
    <Box aria-busy="true">
      <VisuallyHidden role="status">{label}</VisuallyHidden>
      <Paper withBorder radius="md" p="md" aria-hidden="true">
        <Stack gap="md">
          <Skeleton h={16} w="40%" />
          {[0, 1, 2, 3, 4, 5].map((row) => (
            <Group key={row} gap="lg" wrap="nowrap">
              {Array.from({ length: columns }, (_, column) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
                <Skeleton key={column} h={14} w={column === 0 ? '28%' : `${60 / columns}%`} />
              ))}
            </Group>
          ))}
        </Stack>
      </Paper>
    </Box>
  );
}

export function PlusIcon() {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      strokeLinecap="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M12 5v14M5 12h14" />
    </svg>
  );
}

/** Hints under the input, so inputs side by side stay aligned. */
export const BELOW: ('label' | 'input' | 'description' | 'error')[] = [
  'label',
  'input',
  'description',
  'error',
];
