import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { AnchorLink } from '../../app/links.tsx';
import { messages } from '../../messages/en.ts';
import { AuthCard } from './auth-card.tsx';
import { authErrorText } from './auth-error.ts';

const t = messages.passwordReset;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * `/forgot-password`: asks for a reset link. The answer is the same sentence whether or not the
 * address has an account, so the page never tells who is registered.
 */
export function ForgotPasswordPage() {
  useDocumentTitle(messages.app.documentTitle(t.requestTitle));
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  // Always answers the same neutral sentence, whether or not the address has an account.
  const send = useMutation({
    mutationFn: (email: string) => unwrap(api.POST('/api/v1/auth/password-reset', { body: { email } })),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = email.trim();
    const found = !trimmed ? t.emailRequired : !EMAIL.test(trimmed) ? t.emailInvalid : undefined;
    setError(found);
    if (!found) send.mutate(trimmed);
  };

  return (
    <AuthCard title={t.requestTitle} intro={t.requestIntro}>
      {send.isSuccess ? (
        <Alert color="teal" variant="light" role="status" data-testid="reset-requested">
          <Text fz="sm">{t.requested}</Text>
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate aria-label={t.requestTitle}>
          <Stack gap="md">
            {send.isError && (
              <Alert
                color="red"
                variant="light"
                title={t.requestFailed}
                role="alert"
                styles={{
                  root: { borderLeft: '4px solid var(--mantine-color-red-9)' },
                  title: { color: 'var(--mantine-color-text)' },
                }}
              >
                <Text fz="sm">{authErrorText(send.error)}</Text>
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
              error={error}
              data-autofocus
              autoFocus
            />
            <Button type="submit" fullWidth loading={send.isPending}>
              {t.send}
            </Button>
          </Stack>
        </form>
      )}
      <AnchorLink to="/sign-in" fz="sm">
        {t.backToSignIn}
      </AnchorLink>
    </AuthCard>
  );
}
