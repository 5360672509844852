import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { MeDto, SignInBody } from '../../api/types.ts';
import { BrandMark } from '../../app/brand-mark.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { homePathOf, meQuery, sessionKeys } from '../../app/session.ts';
import { messages } from '../../messages/en.ts';
import { authErrorText } from './auth-error.ts';

const t = messages.signIn;
const route = getRouteApi('/sign-in');
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `/sign-in`: e-mail and password; afterwards back to the page the user came from. */
export function SignInPage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  const { redirect } = route.useSearch();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});

  const mutation = useMutation({
    mutationFn: (body: SignInBody) => unwrap(api.POST('/api/v1/auth/sign-in', { body })),
    onSuccess: async (result) => {
      queryClient.setQueryData(sessionKeys.csrf, result.csrfToken);
      // Everything cached belongs to whoever was signed in before (or nobody): start afresh.
      await queryClient.invalidateQueries();
      const me: MeDto | null = await queryClient.fetchQuery({ ...meQuery(), staleTime: 0 });
      router.history.push(redirect ?? (me ? homePathOf(me) : '/catalogue'));
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: typeof fieldErrors = {};
    const trimmed = email.trim();
    if (!trimmed) errors.email = t.emailRequired;
    else if (!EMAIL.test(trimmed)) errors.email = t.emailInvalid;
    if (!password) errors.password = t.passwordRequired;
    setFieldErrors(errors);
    if (errors.email || errors.password) return;
    mutation.mutate({ email: trimmed, password });
  };

  return (
    <Stack align="center" py={{ base: 'md', sm: 48 }}>
      <Paper withBorder radius="md" p={{ base: 'lg', sm: 32 }} w="100%" maw={420} shadow="xs">
        <form onSubmit={submit} noValidate aria-labelledby="sign-in-title">
          <Stack gap="md">
            <Stack gap={8} align="flex-start">
              <BrandMark size={36} />
              <Title order={1} id="sign-in-title">
                {t.title}
              </Title>
              <Text c="dimmed" fz="sm">
                {redirect ? t.returnNotice : t.intro}
              </Text>
            </Stack>
            {mutation.isError && (
              <Alert
                color="red"
                variant="light"
                title={t.failed}
                role="alert"
                data-testid="sign-in-error"
                styles={{
                  root: { borderLeft: '4px solid var(--mantine-color-red-9)' },
                  title: { color: 'var(--mantine-color-text)' },
                }}
              >
                <Text fz="sm">{authErrorText(mutation.error)}</Text>
              </Alert>
            )}
            <TextInput
              label={t.email}
              type="email"
              name="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={fieldErrors.email}
              data-autofocus
              autoFocus
            />
            <PasswordInput
              label={t.password}
              name="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={fieldErrors.password}
            />
            <AnchorLink to="/forgot-password" fz="sm" style={{ alignSelf: 'flex-end' }}>
              {t.forgotPassword}
            </AnchorLink>
            <Button type="submit" fullWidth loading={mutation.isPending} disabled={mutation.isPending}>
              {mutation.isPending ? t.submitting : t.submit}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
