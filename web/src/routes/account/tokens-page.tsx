import {
  Alert,
  Box,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { describeError, fieldErrorsOf } from '../../api/describe-error.ts';
import type { ApiTokenDto, CreateApiTokenBody, CreatedApiTokenDto } from '../../api/types.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { formatDate, formatDateTime } from '../../app/format.ts';
import { alertStyles } from '../../components/alerts.tsx';
import { NumberField } from '../../components/number-field.tsx';
import { messages } from '../../messages/en.ts';
import { accountKeys, apiTokensQuery } from './queries.ts';

const t = messages.tokens;

/** `/account/tokens`: create, list and revoke personal API tokens. */
export function TokensPage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  const tokens = useQuery(apiTokensQuery());
  const [created, setCreated] = useState<CreatedApiTokenDto | null>(null);
  const [revoking, setRevoking] = useState<ApiTokenDto | null>(null);

  return (
    <Stack gap="lg" maw={960} mx="auto">
      <Stack gap={6}>
        <Title order={1}>{t.title}</Title>
        <Text c="dimmed" maw={720}>
          {t.intro}
        </Text>
      </Stack>

      {created ? (
        <CreatedSecret created={created} onDone={() => setCreated(null)} />
      ) : (
        <CreateTokenForm onCreated={setCreated} />
      )}

      <Stack gap="sm">
        <Title order={2}>{t.listTitle}</Title>
        {tokens.isPending ? (
          <Box aria-busy="true">
            <VisuallyHidden role="status">{t.loading}</VisuallyHidden>
            <Stack gap="sm" aria-hidden="true">
              <Skeleton h={40} />
              <Skeleton h={40} />
            </Stack>
          </Box>
        ) : tokens.isError ? (
          <ErrorState
            title={t.loadError}
            error={tokens.error}
            onRetry={() => void tokens.refetch()}
            retrying={tokens.isFetching}
          />
        ) : tokens.data.items.length === 0 ? (
          <Paper withBorder radius="md" p="lg" data-testid="tokens-empty">
            <Text fw={600}>{t.emptyTitle}</Text>
            <Text c="dimmed" fz="sm">
              {t.emptyBody}
            </Text>
          </Paper>
        ) : (
          <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
            <Table.ScrollContainer minWidth={640} type="native">
              <Table verticalSpacing="sm" horizontalSpacing="md">
                <VisuallyHidden component="caption">{t.tableCaption}</VisuallyHidden>
                <Table.Thead bg="gray.0">
                  <Table.Tr>
                    <Table.Th scope="col">{t.name}</Table.Th>
                    <Table.Th scope="col">{t.created}</Table.Th>
                    <Table.Th scope="col">{t.expires}</Table.Th>
                    <Table.Th scope="col">{t.lastUsed}</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>{t.revoke}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {tokens.data.items.map((token) => (
                    <Table.Tr key={token.id} data-testid="token-row">
                      <Table.Td fw={600}>{token.name}</Table.Td>
                      <Table.Td>{formatDate(token.createdAt)}</Table.Td>
                      <Table.Td>{token.expiresAt ? formatDate(token.expiresAt) : t.noExpiry}</Table.Td>
                      <Table.Td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t.never}</Table.Td>
                      <Table.Td ta="right">
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          c="red.9"
                          onClick={() => setRevoking(token)}
                          aria-label={t.revokeLabel(token.name)}
                        >
                          {t.revoke}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </Stack>

      <RevokeModal token={revoking} onClose={() => setRevoking(null)} />
    </Stack>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (created: CreatedApiTokenDto) => void }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [days, setDays] = useState<number | string>(90);
  const [errors, setErrors] = useState<{ name?: string; expiresInDays?: string }>({});
  const create = useMutation({
    mutationFn: (body: CreateApiTokenBody) => unwrap(api.POST('/api/v1/me/tokens', { body })),
    onSuccess: async (result) => {
      setName('');
      setDays(90);
      onCreated(result);
      await queryClient.invalidateQueries({ queryKey: accountKeys.tokens });
    },
    onError: (error) => setErrors(fieldErrorsOf(error)),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!name.trim()) found.name = t.nameRequired;
    else if (name.trim().length > 100) found.name = messages.clusters.tooLong(100);
    const n = Number(days);
    if (days === '' || !Number.isInteger(n) || n < 1 || n > 3650) found.expiresInDays = t.expiryRange;
    setErrors(found);
    if (found.name || found.expiresInDays) return;
    create.mutate({ name: name.trim(), expiresInDays: n });
  };

  const placed = fieldErrorsOf(create.error);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="create-token-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={2} id="create-token-title">
            {t.createTitle}
          </Title>
          {create.isError && !placed.name && !placed.expiresInDays && (
            <Alert
              color="red"
              variant="light"
              title={t.createFailed}
              role="alert"
              styles={alertStyles('red')}
            >
              <Text fz="sm">{describeError(create.error)}</Text>
            </Alert>
          )}
          <Group align="flex-start" gap="md">
            <TextInput
              label={t.name}
              placeholder={t.namePlaceholder}
              required
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              error={errors.name}
              w={{ base: '100%', xs: 320 }}
              autoComplete="off"
            />
            <NumberField
              label={t.expiry}
              description={t.expiryHint}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              required
              value={days}
              onChange={setDays}
              error={errors.expiresInDays}
              w={{ base: '100%', xs: 200 }}
            />
            <Button type="submit" mt={25} loading={create.isPending}>
              {t.create}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The new token's secret, once, with a copy button and the warning that it will not be shown again. */
function CreatedSecret({ created, onDone }: { created: CreatedApiTokenDto; onDone: () => void }) {
  return (
    <Alert
      color="yellow"
      variant="light"
      title={t.secretTitle(created.token.name)}
      data-testid="token-secret"
      styles={alertStyles('yellow')}
    >
      <Stack gap="sm">
        <Text fz="sm" fw={600}>
          {t.secretWarning}
        </Text>
        <Group gap="sm" wrap="nowrap" align="center">
          <Code
            block
            aria-label={t.secretLabel}
            style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap', userSelect: 'all' }}
            data-testid="token-secret-value"
          >
            {created.secret}
          </Code>
          <CopyButton value={created.secret}>
            {({ copied, copy }) => (
              <Button
                variant={copied ? 'filled' : 'default'}
                color={copied ? 'teal.9' : undefined}
                onClick={copy}
              >
                {copied ? t.copied : t.copy}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Group>
          <Button size="xs" variant="light" color="dark" onClick={onDone}>
            {t.done}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}

function RevokeModal({ token, onClose }: { token: ApiTokenDto | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/me/tokens/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: accountKeys.tokens });
      close();
    },
  });
  const close = () => {
    revoke.reset();
    onClose();
  };
  return (
    <Modal
      opened={token !== null}
      onClose={close}
      title={token ? t.revokeTitle(token.name) : ''}
      centered
      closeButtonProps={{ 'aria-label': messages.common.close }}
      styles={{ title: { fontWeight: 650 } }}
    >
      <Stack gap="md">
        <Text fz="sm">{t.revokeBody}</Text>
        {revoke.isError && (
          <Alert color="red" variant="light" title={t.revokeFailed} role="alert" styles={alertStyles('red')}>
            <Text fz="sm">{describeError(revoke.error)}</Text>
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            {messages.common.cancel}
          </Button>
          <Button color="red.9" loading={revoke.isPending} onClick={() => token && revoke.mutate(token.id)}>
            {t.revokeConfirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
