import { Alert, Button, Loader, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { api, isApiError, unwrap } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/describe-error.ts';
import type { AcceptInvitationBody, InvitationPreviewDto } from '../../api/types.ts';
import { ButtonLink } from '../../app/links.tsx';
import { PasswordStrengthHint } from '../../app/password-strength-hint.tsx';
import { meQuery, sessionKeys } from '../../app/session.ts';
import { alertStyles } from '../../components/alerts.tsx';
import { messages } from '../../messages/en.ts';
import { AuthCard } from './auth-card.tsx';
import { authErrorText } from './auth-error.ts';

const t = messages.invitation;
const route = getRouteApi('/accept-invitation');

/**
 * `/accept-invitation?token=…`: the link of an invitation mail. The page first shows what the link
 * offers (who invites whom where, in which role); a newcomer then chooses a name and a password,
 * someone who already has an account enters its current password. Then they are signed in.
 */
export function AcceptInvitationPage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  const { token } = route.useSearch();
  const preview = useQuery({
    queryKey: ['invitation-preview', token],
    // The token goes in the body so it stays out of server logs.
    queryFn: () => unwrap(api.POST('/api/v1/auth/invitation-preview', { body: { token: token ?? '' } })),
    enabled: Boolean(token),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (token && preview.isPending) {
    return (
      <AuthCard title={t.title}>
        <Stack align="center" gap="xs" role="status">
          <Loader size="sm" />
          <Text fz="sm">{t.loading}</Text>
        </Stack>
      </AuthCard>
    );
  }
  if (token && preview.isError && !fieldErrorsOf(preview.error).token) {
    return (
      <AuthCard title={t.title}>
        <Alert color="red" variant="light" title={t.failed} role="alert" styles={alertStyles('red')}>
          <Text fz="sm">{authErrorText(preview.error)}</Text>
        </Alert>
      </AuthCard>
    );
  }
  return <AcceptForm token={token} preview={preview.data ?? null} />;
}

function AcceptForm({ token, preview }: { token: string | undefined; preview: InvitationPreviewDto | null }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});

  const accept = useMutation({
    mutationFn: (body: AcceptInvitationBody) => unwrap(api.POST('/api/v1/auth/accept-invitation', { body })),
    onSuccess: async (result) => {
      queryClient.setQueryData(sessionKeys.csrf, result.csrfToken);
      await queryClient.invalidateQueries();
      await queryClient.fetchQuery({ ...meQuery(), staleTime: 0 });
      router.history.push(`/w/${encodeURIComponent(result.workspace.slug)}/members`);
    },
  });

  const tokenRefused = accept.isError && Boolean(fieldErrorsOf(accept.error).token);
  if (!token || !preview || tokenRefused) {
    return (
      <AuthCard title={t.invalidTitle}>
        <Text fz="sm" data-testid="invitation-invalid">
          {token ? t.invalidBody : t.missingToken}
        </Text>
        <ButtonLink to="/sign-in" variant="light">
          {t.goToSignIn}
        </ButtonLink>
      </AuthCard>
    );
  }

  const existing = preview.accountExists;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!password) found.password = t.passwordRequired;
    else if (!existing && password !== repeat) found.repeat = t.passwordMismatch;
    setErrors(found);
    if (found.password || found.repeat) return;
    accept.mutate({ token, password, ...(!existing && name.trim() ? { name: name.trim() } : {}) });
  };

  const status = isApiError(accept.error) ? accept.error.status : 0;
  const failure =
    status === 401
      ? t.wrongPassword
      : status === 409
        ? t.alreadyMember
        : accept.isError
          ? authErrorText(accept.error)
          : null;
  const passwordError = fieldErrorsOf(accept.error).password;

  return (
    <AuthCard title={t.title}>
      <Stack gap={4} data-testid="invitation-preview">
        <Text fz="sm" fw={600}>
          {t.invites(preview.invitedBy ?? t.someone, preview.workspaceName, messages.roles[preview.role])}
        </Text>
        <Text fz="sm" c="dimmed">
          {t.forEmail(preview.email)} {existing ? t.existingAccountIntro : t.newAccountIntro}
        </Text>
      </Stack>
      <form onSubmit={submit} noValidate aria-label={t.title}>
        <Stack gap="md">
          {failure && !passwordError && (
            <Alert
              color="red"
              variant="light"
              title={t.failed}
              role="alert"
              data-testid="invitation-error"
              styles={alertStyles('red')}
            >
              <Stack gap="xs" align="flex-start">
                <Text fz="sm">{failure}</Text>
                {status === 409 && (
                  <ButtonLink to="/sign-in" size="xs" variant="light">
                    {t.goToSignIn}
                  </ButtonLink>
                )}
              </Stack>
            </Alert>
          )}
          {existing ? (
            <>
              <TextInput
                label={t.email}
                name="email"
                autoComplete="username"
                value={preview.email}
                readOnly
              />
              <PasswordInput
                label={t.currentPassword}
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={errors.password ?? passwordError}
                data-autofocus
              />
            </>
          ) : (
            <>
              <TextInput
                label={t.name}
                description={t.nameHint}
                inputWrapperOrder={['label', 'input', 'description', 'error']}
                name="name"
                autoComplete="name"
                placeholder={preview.name}
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                data-autofocus
              />
              <PasswordInput
                label={t.password}
                name="password"
                autoComplete="new-password"
                required
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={errors.password ?? passwordError}
                aria-describedby="invitation-password-strength"
              />
              <PasswordStrengthHint password={password} id="invitation-password-strength" />
              <PasswordInput
                label={t.passwordRepeat}
                name="password-repeat"
                autoComplete="new-password"
                required
                value={repeat}
                onChange={(event) => setRepeat(event.currentTarget.value)}
                error={errors.repeat}
              />
            </>
          )}
          <Button type="submit" fullWidth loading={accept.isPending}>
            {t.submit}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
