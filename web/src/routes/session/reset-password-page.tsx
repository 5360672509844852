import { Alert, Button, PasswordInput, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/describe-error.ts';
import type { ConfirmPasswordResetBody } from '../../api/types.ts';
import { ButtonLink } from '../../app/links.tsx';
import { MIN_PASSWORD_LENGTH } from '../../app/password-strength.ts';
import { PasswordStrengthHint } from '../../app/password-strength-hint.tsx';
import { messages } from '../../messages/en.ts';
import { AuthCard } from './auth-card.tsx';
import { authErrorText } from './auth-error.ts';

const t = messages.passwordReset;
const route = getRouteApi('/reset-password');

/** `/reset-password?token=…`: the link of a reset mail; a new password, typed twice. */
export function ResetPasswordPage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  const { token } = route.useSearch();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});
  const confirm = useMutation({
    mutationFn: (body: ConfirmPasswordResetBody) =>
      unwrap(api.POST('/api/v1/auth/password-reset/confirm', { body })),
  });

  if (confirm.isSuccess) {
    return (
      <AuthCard title={t.doneTitle}>
        <Text fz="sm" role="status" data-testid="reset-done">
          {t.done}
        </Text>
        <ButtonLink to="/sign-in">{messages.signIn.submit}</ButtonLink>
      </AuthCard>
    );
  }
  const tokenRefused = confirm.isError && Boolean(fieldErrorsOf(confirm.error).token);
  if (!token || tokenRefused) {
    return (
      <AuthCard title={t.invalidTitle}>
        <Text fz="sm" data-testid="reset-invalid">
          {token ? t.invalidBody : t.missingToken}
        </Text>
        <ButtonLink to="/forgot-password" variant="light">
          {t.askAgain}
        </ButtonLink>
      </AuthCard>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if ([...password].length < MIN_PASSWORD_LENGTH)
      found.password = messages.passwordStrength.tooShort(MIN_PASSWORD_LENGTH, [...password].length);
    else if (password !== repeat) found.repeat = t.passwordMismatch;
    setErrors(found);
    if (!found.password && !found.repeat) confirm.mutate({ token, password });
  };
  const passwordError = fieldErrorsOf(confirm.error).password;

  return (
    <AuthCard title={t.title} intro={t.intro}>
      <form onSubmit={submit} noValidate aria-label={t.title}>
        <Stack gap="md">
          {confirm.isError && !passwordError && (
            <Alert
              color="red"
              variant="light"
              title={t.failed}
              role="alert"
              styles={{
                root: { borderLeft: '4px solid var(--mantine-color-red-9)' },
                title: { color: 'var(--mantine-color-text)' },
              }}
            >
              <Text fz="sm">{authErrorText(confirm.error)}</Text>
            </Alert>
          )}
          <PasswordInput
            label={t.password}
            name="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={errors.password ?? passwordError}
            aria-describedby="reset-password-strength"
            data-autofocus
            autoFocus
          />
          <PasswordStrengthHint password={password} id="reset-password-strength" />
          <PasswordInput
            label={t.passwordRepeat}
            name="password-repeat"
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(event) => setRepeat(event.currentTarget.value)}
            error={errors.repeat}
          />
          <Button type="submit" fullWidth loading={confirm.isPending}>
            {t.submit}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
