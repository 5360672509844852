import { Avatar, Button, Group, Menu, Modal, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useRouter } from '@tanstack/react-router';
import { api, isApiError, unwrap } from '../api/client.ts';
import { describeError } from '../api/describe-error.ts';
import type { MeDto } from '../api/types.ts';
import { messages } from '../messages/en.ts';
import { LanguageItems, useSaveLanguage } from './language-menu.tsx';
import { sessionKeys } from './session.ts';

const t = messages.session;

function initialsOf(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
}

/** The signed-in user's name in the header, with their account actions. */
export function UserMenu({ me }: { me: MeDto }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [confirming, confirm] = useDisclosure(false);
  const saveLanguage = useSaveLanguage();

  /** Forget everything the signed-in user could see, then go to sign-in. */
  const leave = async () => {
    queryClient.setQueryData(sessionKeys.me, null);
    queryClient.removeQueries({ queryKey: sessionKeys.csrf });
    queryClient.removeQueries({ queryKey: ['workspace'] });
    queryClient.removeQueries({ queryKey: ['account'] });
    await router.navigate({ to: '/sign-in' });
  };
  // An already ended session (401) is as good as a successful sign-out.
  const endedAnyway = (error: unknown) => isApiError(error) && error.status === 401;

  const out = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/sign-out')),
    onSuccess: leave,
    onError: (error) => (endedAnyway(error) ? leave() : undefined),
  });
  const everywhere = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/sign-out-everywhere')),
    onSuccess: async () => {
      confirm.close();
      await leave();
    },
    onError: (error) => (endedAnyway(error) ? leave() : undefined),
  });

  return (
    <>
      <Menu position="bottom-end" width={240} shadow="md" withinPortal>
        <Menu.Target>
          <UnstyledButton
            aria-label={t.accountMenu(me.user.name)}
            data-testid="user-menu"
            px={6}
            py={4}
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
          >
            <Group gap={8} wrap="nowrap">
              <Avatar size={32} radius="xl" color="indigo" variant="filled">
                {initialsOf(me.user.name)}
              </Avatar>
              <Text component="span" fz="sm" fw={600} visibleFrom="xs">
                {me.user.name}
              </Text>
              <ChevronIcon />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            <Text fz="xs" c="dimmed" truncate>
              {me.user.email}
            </Text>
          </Menu.Label>
          <Menu.Item component={Link} to="/account/tokens">
            {t.apiTokens}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Label>{messages.language.label}</Menu.Label>
          <LanguageItems onChoose={(language) => saveLanguage.mutate(language)} />
          {saveLanguage.isError && (
            <Text fz="xs" c="red.9" role="alert" px="sm">
              {messages.language.saveFailed}
            </Text>
          )}
          <Menu.Divider />
          <Menu.Item onClick={() => out.mutate()} data-testid="sign-out">
            {t.signOut}
          </Menu.Item>
          <Menu.Item color="red.9" onClick={confirm.open}>
            {t.signOutEverywhere}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>

      <Modal
        opened={confirming}
        onClose={confirm.close}
        title={t.signOutEverywhereTitle}
        centered
        closeButtonProps={{ 'aria-label': messages.common.close }}
        styles={{ title: { fontWeight: 650 } }}
      >
        <Stack gap="md">
          <Text fz="sm">{t.signOutEverywhereBody}</Text>
          {everywhere.isError && !endedAnyway(everywhere.error) && (
            <Text fz="sm" c="red.9" role="alert">
              {describeError(everywhere.error)}
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={confirm.close}>
              {t.cancel}
            </Button>
            <Button color="red.9" onClick={() => everywhere.mutate()} loading={everywhere.isPending}>
              {t.signOutEverywhereConfirm}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

function ChevronIcon() {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M6 9l6 6 6-6" />
    </svg>
  );
}
