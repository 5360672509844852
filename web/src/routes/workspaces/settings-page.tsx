import {
  Alert,
  Button,
  Checkbox,
  FileInput,
  Group,
  Image,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../../../src/domain/i18n/types.ts';
import { api, unwrap } from '../../api/client.ts';
import { describeError, fieldErrorsOf } from '../../api/describe-error.ts';
import { formatMoney, setMoneyCurrency } from '../../app/format.ts';
import { NumberField } from '../../components/number-field.tsx';
import { messages } from '../../messages/en.ts';
import { settingsKeys, settingsQuery, type WorkspaceSettingsDto } from './queries.ts';

const t = messages.settings;
const route = getRouteApi('/w/$workspace/settings');

const CURRENCIES = Intl.supportedValuesOf('currency');
const TIME_ZONES = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
const currencyNames = new Intl.DisplayNames(['en'], { type: 'currency' });
const MONTHS = Array.from({ length: 12 }, (_, index) => ({
  value: String(index + 1),
  label: new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2026, index, 1)),
  ),
}));
const currencyOptions = CURRENCIES.map((code) => ({
  value: code,
  label: `${currencyNames.of(code) ?? code} (${code})`,
}));

/** `/w/$workspace/settings`: name, logo, currency, default day rate, time zone, languages, fiscal year. */
export function SettingsPage() {
  useDocumentTitle(messages.app.documentTitle(t.title));
  const { workspace } = route.useParams();
  const settings = useQuery(settingsQuery(workspace));
  // Outside the form: a saved form is drawn anew from the new version.
  const [saved, setSaved] = useState(false);
  return (
    <Stack maw={720} gap="lg">
      <Title order={1}>{t.title}</Title>
      {saved && (
        <Alert color="green" variant="light" role="status" data-testid="settings-saved">
          {t.saved}
        </Alert>
      )}
      {settings.data ? (
        <SettingsForm
          key={settings.data.version}
          workspace={workspace}
          settings={settings.data}
          onSaved={setSaved}
        />
      ) : settings.isError ? (
        <Alert color="red" role="alert">
          {describeError(settings.error)}
        </Alert>
      ) : null}
    </Stack>
  );
}

/** A file's bytes as base64, for the API. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function SettingsForm({
  workspace,
  settings,
  onSaved,
}: {
  workspace: string;
  settings: WorkspaceSettingsDto;
  onSaved: (saved: boolean) => void;
}) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(settings.name);
  const [currency, setCurrency] = useState(settings.currency);
  const [dayRate, setDayRate] = useState<number | string>(settings.defaultDayRateCents / 100);
  const [timeZone, setTimeZone] = useState(settings.timeZone);
  const [languages, setLanguages] = useState<string[]>(settings.languages);
  const [fiscal, setFiscal] = useState(String(settings.fiscalYearStartMonth));
  const [logo, setLogo] = useState<File | null>(null);
  const [removeLogo, setRemoveLogo] = useState(false);
  const readOnly = !settings.canEdit;

  const save = useMutation({
    mutationFn: async () =>
      unwrap(
        api.PATCH('/api/v1/workspaces/{workspace}/settings', {
          params: { path: { workspace } },
          body: {
            version: settings.version,
            name: name.trim(),
            ...(currency !== settings.currency ? { currency } : {}),
            defaultDayRateCents: Math.round(Number(dayRate) * 100),
            timeZone,
            languages: languages as Language[],
            fiscalYearStartMonth: Number(fiscal),
            ...(logo ? { logo: await base64Of(logo) } : removeLogo ? { logo: null } : {}),
          },
        }),
      ),
    onMutate: () => onSaved(false),
    onSuccess: async (result) => {
      onSaved(true);
      setMoneyCurrency(result.currency);
      queryClient.setQueryData(settingsKeys.settings(workspace), result);
      await queryClient.invalidateQueries();
    },
  });
  const errors = fieldErrorsOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md">
      <form onSubmit={submit} noValidate aria-label={t.title} data-testid="settings-form">
        <Stack gap="md">
          {readOnly && (
            <Alert color="gray" variant="light">
              {t.readOnly}
            </Alert>
          )}
          {save.isError && Object.keys(errors).length === 0 && (
            <Alert color="red" variant="light" title={t.failed} role="alert">
              {describeError(save.error)}
            </Alert>
          )}
          <TextInput
            label={t.name}
            name="name"
            required
            readOnly={readOnly}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <Stack gap={6}>
            {settings.logoUrl && !removeLogo && (
              <Image src={settings.logoUrl} alt={t.logoAlt(settings.name)} h={48} w="auto" fit="contain" />
            )}
            <FileInput
              label={t.logo}
              description={t.logoHint}
              accept="image/png,image/jpeg,image/webp"
              disabled={readOnly}
              value={logo}
              onChange={setLogo}
              clearable
              error={errors.logo}
            />
            {settings.logoUrl && !readOnly && (
              <Checkbox
                label={t.logoRemove}
                checked={removeLogo}
                onChange={(e) => setRemoveLogo(e.currentTarget.checked)}
              />
            )}
          </Stack>
          <Select
            label={t.currency}
            description={settings.moneyRecorded ? t.currencyLocked(settings.currency) : t.currencyHint}
            data={currencyOptions}
            searchable
            allowDeselect={false}
            disabled={readOnly || settings.moneyRecorded}
            value={currency}
            onChange={(value) => value && setCurrency(value)}
            error={errors.currency}
            comboboxProps={{ withinPortal: true }}
          />
          <NumberField
            label={`${t.dayRate} (${currency})`}
            description={`${t.dayRateHint} ${formatMoney(Number(dayRate) || 0)}`}
            readOnly={readOnly}
            value={dayRate}
            onChange={setDayRate}
            error={errors.defaultDayRateCents}
          />
          <Select
            label={t.timeZone}
            description={t.timeZoneHint}
            data={TIME_ZONES}
            searchable
            allowDeselect={false}
            disabled={readOnly}
            value={timeZone}
            onChange={(value) => value && setTimeZone(value)}
            error={errors.timeZone}
            comboboxProps={{ withinPortal: true }}
          />
          <Checkbox.Group
            label={t.languages}
            description={t.languagesHint}
            value={languages}
            onChange={(value) => setLanguages(['en', ...value.filter((code) => code !== 'en')])}
            error={errors.languages}
          >
            <Group mt="xs" gap="md">
              {LANGUAGES.map((code) => (
                <Checkbox
                  key={code}
                  value={code}
                  label={LANGUAGE_NAMES[code]}
                  disabled={readOnly || code === 'en'}
                />
              ))}
            </Group>
          </Checkbox.Group>
          <Select
            label={t.fiscalYear}
            description={t.fiscalYearHint}
            data={MONTHS}
            allowDeselect={false}
            disabled={readOnly}
            value={fiscal}
            onChange={(value) => value && setFiscal(value)}
            error={errors.fiscalYearStartMonth}
            comboboxProps={{ withinPortal: true }}
          />
          {!readOnly && (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {t.save}
              </Button>
            </Group>
          )}
          <Text fz="xs" c="dimmed">
            {settings.slug}
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
