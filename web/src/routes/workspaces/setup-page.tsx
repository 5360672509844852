import {
  Alert,
  Button,
  Fieldset,
  Group,
  Loader,
  PasswordInput,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useRouter } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import { fieldErrorsOf } from '../../api/describe-error.ts';
import { countrySelectOptions } from '../../app/format.ts';
import { ButtonLink } from '../../app/links.tsx';
import { MIN_PASSWORD_LENGTH } from '../../app/password-strength.ts';
import { PasswordStrengthHint } from '../../app/password-strength-hint.tsx';
import { meQuery, sessionKeys } from '../../app/session.ts';
import { messages } from '../../messages/en.ts';
import { AuthCard } from '../session/auth-card.tsx';
import { authErrorText } from '../session/auth-error.ts';
import { type SetupPreviewDto, setupPreviewQuery } from './queries.ts';
import { suggestSlug } from './slug.ts';

const t = messages.setup;
const route = getRouteApi('/setup/$token');

/** `/setup/$token`: the first coordinator sets up the workspace (or an operator their password). */
export function SetupPage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  const { token } = route.useParams();
  const preview = useQuery(setupPreviewQuery(token));
  if (preview.isPending) return <Loader aria-label={t.title} m="xl" />;
  if (preview.isError) return <InvalidLink />;
  return <SetupForm token={token} preview={preview.data} />;
}

function InvalidLink() {
  return (
    <AuthCard title={t.invalidTitle}>
      <Text fz="sm" data-testid="setup-invalid">
        {t.invalidBody}
      </Text>
      <Text fz="sm">{t.invalidHelp}</Text>
      <ButtonLink to="/sign-in" variant="light">
        {messages.signIn.submit}
      </ButtonLink>
    </AuthCard>
  );
}

type FieldName =
  | 'name'
  | 'email'
  | 'password'
  | 'workspaceName'
  | 'slug'
  | 'clusterName'
  | 'shortName'
  | 'country'
  | 'city';

function SetupForm({ token, preview }: { token: string; preview: SetupPreviewDto }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const isStart = preview.kind === 'start';
  const isPassword = preview.kind === 'password';
  const [values, setValues] = useState<Record<FieldName, string>>({
    name: preview.name ?? '',
    email: preview.email ?? '',
    password: '',
    workspaceName: preview.workspace?.name ?? '',
    slug: preview.workspace?.slug ?? '',
    clusterName: '',
    shortName: '',
    country: '',
    city: '',
  });
  const [slugEdited, setSlugEdited] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const set = (field: FieldName) => (value: string) =>
    setValues((current) => {
      const next = { ...current, [field]: value };
      if (field === 'workspaceName' && isStart && !slugEdited) next.slug = suggestSlug(value);
      return next;
    });

  const complete = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/setup/{token}', {
          params: { path: { token } },
          body: {
            name: values.name.trim(),
            password: values.password,
            ...(isStart ? { email: values.email.trim(), slug: values.slug.trim() } : {}),
            ...(!isPassword ? { workspaceName: values.workspaceName.trim() } : {}),
            ...(!isPassword
              ? {
                  cluster: {
                    name: values.clusterName.trim(),
                    shortName: values.shortName.trim(),
                    country: values.country,
                    city: values.city.trim(),
                  },
                }
              : {}),
          },
        }),
      ),
    onSuccess: async (result) => {
      queryClient.setQueryData(sessionKeys.csrf, result.csrfToken);
      await queryClient.invalidateQueries();
      await queryClient.fetchQuery({ ...meQuery(), staleTime: 0 });
      router.history.push(
        result.workspace ? `/w/${encodeURIComponent(result.workspace.slug)}/` : '/operator',
      );
    },
  });
  const serverErrors = fieldErrorsOf(complete.error);
  if (serverErrors['params.token']) return <InvalidLink />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<FieldName, string>> = {};
    const needed: FieldName[] = ['name'];
    if (isStart) needed.push('email', 'workspaceName', 'slug');
    if (!isPassword) needed.push('clusterName', 'shortName', 'country', 'city');
    for (const field of needed) if (values[field].trim() === '') found[field] = t.required;
    if ([...values.password].length < MIN_PASSWORD_LENGTH) {
      found.password = messages.passwordStrength.tooShort(MIN_PASSWORD_LENGTH, [...values.password].length);
    }
    setErrors(found);
    if (Object.keys(found).length === 0) complete.mutate();
  };
  const errorOf = (field: FieldName, server?: string) =>
    errors[field] ?? (server ? serverErrors[server] : undefined);
  const intro = isPassword
    ? t.introPassword
    : isStart
      ? t.intro
      : t.introPending(preview.workspace?.name ?? '');
  const address = `${window.location.origin}/w/${values.slug || '…'}`;

  return (
    <AuthCard title={t.title} intro={intro}>
      <form onSubmit={submit} noValidate aria-label={t.title} data-testid="setup-form">
        <Stack gap="md">
          {complete.isError && Object.keys(serverErrors).length === 0 && (
            <Alert color="red" variant="light" title={t.failed} role="alert">
              <Text fz="sm">{authErrorText(complete.error)}</Text>
            </Alert>
          )}
          <Fieldset legend={t.you}>
            <Stack gap="sm">
              <TextInput
                label={t.name}
                name="name"
                required
                autoComplete="name"
                value={values.name}
                onChange={(e) => set('name')(e.currentTarget.value)}
                error={errorOf('name', 'name')}
              />
              <TextInput
                label={t.email}
                name="email"
                type="email"
                required
                autoComplete="email"
                value={values.email}
                readOnly={!isStart}
                onChange={(e) => set('email')(e.currentTarget.value)}
                error={errorOf('email', 'email')}
              />
              <PasswordInput
                label={t.password}
                name="password"
                required
                autoComplete="new-password"
                value={values.password}
                onChange={(e) => set('password')(e.currentTarget.value)}
                error={errorOf('password', 'password')}
                aria-describedby="setup-password-strength"
              />
              <PasswordStrengthHint password={values.password} id="setup-password-strength" />
            </Stack>
          </Fieldset>
          {!isPassword && (
            <Fieldset legend={t.workspace}>
              <Stack gap="sm">
                <TextInput
                  label={t.workspaceName}
                  name="workspaceName"
                  required
                  value={values.workspaceName}
                  onChange={(e) => set('workspaceName')(e.currentTarget.value)}
                  error={errorOf('workspaceName', 'workspaceName')}
                />
                <TextInput
                  label={t.slug}
                  name="slug"
                  required
                  readOnly={!isStart}
                  description={t.slugHint(address)}
                  value={values.slug}
                  onChange={(e) => {
                    setSlugEdited(true);
                    set('slug')(e.currentTarget.value);
                  }}
                  error={errorOf('slug', 'slug')}
                />
              </Stack>
            </Fieldset>
          )}
          {!isPassword && (
            <Fieldset legend={t.cluster}>
              <Stack gap="sm">
                <Text fz="sm" c="dimmed">
                  {t.clusterHint}
                </Text>
                <TextInput
                  label={t.clusterName}
                  name="clusterName"
                  required
                  value={values.clusterName}
                  onChange={(e) => set('clusterName')(e.currentTarget.value)}
                  error={errorOf('clusterName', 'cluster.name')}
                />
                <Group grow align="flex-start">
                  <TextInput
                    label={t.clusterShortName}
                    name="shortName"
                    required
                    value={values.shortName}
                    onChange={(e) => set('shortName')(e.currentTarget.value)}
                    error={errorOf('shortName', 'cluster.shortName')}
                  />
                  <TextInput
                    label={t.city}
                    name="city"
                    required
                    value={values.city}
                    onChange={(e) => set('city')(e.currentTarget.value)}
                    error={errorOf('city', 'cluster.city')}
                  />
                </Group>
                <Select
                  label={t.country}
                  name="country"
                  required
                  searchable
                  data={countrySelectOptions()}
                  value={values.country || null}
                  onChange={(value) => set('country')(value ?? '')}
                  error={errorOf('country', 'cluster.country')}
                  comboboxProps={{ withinPortal: true }}
                />
              </Stack>
            </Fieldset>
          )}
          <Button type="submit" fullWidth loading={complete.isPending}>
            {isPassword ? t.submitPassword : t.submit}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
