import { Button, Divider, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { messages } from '../messages/en.ts';
import { FailureAlert } from './alerts.tsx';

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
