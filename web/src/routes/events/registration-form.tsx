import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { messages } from '../../messages/en.ts';

const t = messages.eventRegistration;

export interface Slot {
  startsAt: string;
  day: string;
  startTime: string;
  endTime: string;
}

export interface RepresentativeValues {
  name: string;
  email: string;
  role: string;
}

/** What the registration forms edit (public page, member's and portal's own registration). */
export interface RegistrationValues {
  name: string;
  country: string;
  city: string;
  website: string;
  description: string;
  offers: string;
  lookingFor: string;
  tags: string;
  targetMarkets: string;
  meetingTypes: string[];
  representatives: RepresentativeValues[];
  unavailable: string[];
  contactName: string;
  contactEmail: string;
}

export const REGISTRATION_FIELDS = [
  'name',
  'country',
  'city',
  'website',
  'description',
  'offers',
  'lookingFor',
  'tags',
  'targetMarkets',
  'meetingTypes',
  'representatives',
  'unavailable',
  'contactName',
  'contactEmail',
] as const;
export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export interface ProfileLike {
  name: string;
  country: string;
  city: string | null;
  website: string | null;
  description: string;
  offers: string;
  lookingFor: string;
  tags: string[];
  targetMarkets: string[];
  meetingTypes: string[];
}

/** Form values from a stored or prefilled registration. */
export function valuesOf(
  profile: ProfileLike,
  representatives: { name: string; email: string | null; role: string | null }[],
  unavailable: string[],
  contactName: string,
  contactEmail: string,
): RegistrationValues {
  return {
    name: profile.name,
    country: profile.country,
    city: profile.city ?? '',
    website: profile.website ?? '',
    description: profile.description,
    offers: profile.offers,
    lookingFor: profile.lookingFor,
    tags: profile.tags.join(', '),
    targetMarkets: profile.targetMarkets.join(', '),
    meetingTypes: profile.meetingTypes,
    representatives: representatives.map((r) => ({ name: r.name, email: r.email ?? '', role: r.role ?? '' })),
    unavailable,
    contactName,
    contactEmail,
  };
}

export function emptyValues(meetingTypes: string[]): RegistrationValues {
  return {
    name: '',
    country: '',
    city: '',
    website: '',
    description: '',
    offers: '',
    lookingFor: '',
    tags: '',
    targetMarkets: '',
    meetingTypes: meetingTypes.slice(0, 1),
    representatives: [{ name: '', email: '', role: '' }],
    unavailable: [],
    contactName: '',
    contactEmail: '',
  };
}

/** The client-side checks (the server checks again and names its fields). */
export function registrationProblems(
  v: RegistrationValues,
  maxRepresentatives: number,
): Partial<Record<RegistrationField, string>> {
  const found: Partial<Record<RegistrationField, string>> = {};
  if (!v.name.trim()) found.name = t.required;
  if (!/^[A-Za-z]{2}$/.test(v.country.trim())) found.country = t.country;
  if (!v.contactName.trim()) found.contactName = t.required;
  if (!EMAIL.test(v.contactEmail.trim())) found.contactEmail = t.invalidEmail;
  if (
    v.representatives.length === 0 ||
    v.representatives.length > maxRepresentatives ||
    v.representatives.some((r) => !r.name.trim() || !EMAIL.test(r.email.trim()))
  )
    found.representatives = t.representativesHint(maxRepresentatives);
  if (v.meetingTypes.length === 0) found.meetingTypes = t.required;
  return found;
}

/** The API's body parts from the form values. */
export function bodyOf(v: RegistrationValues) {
  return {
    profile: {
      name: v.name.trim(),
      country: v.country.trim().toUpperCase(),
      city: v.city.trim() || null,
      website: v.website.trim() || null,
      description: v.description,
      offers: v.offers,
      lookingFor: v.lookingFor,
      tags: list(v.tags),
      targetMarkets: list(v.targetMarkets).map((c) => c.toUpperCase()),
      meetingTypes: v.meetingTypes as ('b2b' | 'c2c' | 'b2i')[],
    },
    representatives: v.representatives.map((r) => ({
      name: r.name.trim(),
      email: r.email.trim(),
      role: r.role.trim() || null,
    })),
    unavailable: v.unavailable,
    contactName: v.contactName.trim(),
    contactEmail: v.contactEmail.trim(),
  };
}

/** Slots grouped by day, for the "times I cannot meet" checkboxes. */
function byDay(slots: readonly Slot[]): [string, Slot[]][] {
  const days = new Map<string, Slot[]>();
  for (const slot of slots) days.set(slot.day, [...(days.get(slot.day) ?? []), slot]);
  return [...days.entries()];
}

/**
 * The fields of a registration: the organisation's profile, its representatives, the slots it
 * cannot meet in and the contact. Used by the public page and the own-registration tabs.
 */
export function RegistrationFields({
  values,
  set,
  field,
  slots,
  meetingTypes,
  maxRepresentatives,
  timeZone,
  idPrefix,
}: {
  values: RegistrationValues;
  set: <K extends RegistrationField>(name: K, value: RegistrationValues[K]) => void;
  field: (name: RegistrationField) => { id: string; error: string | undefined };
  slots: readonly Slot[];
  meetingTypes: readonly string[];
  maxRepresentatives: number;
  timeZone: string;
  idPrefix: string;
}) {
  const reps = values.representatives;
  const setRep = (i: number, patch: Partial<RepresentativeValues>) =>
    set(
      'representatives',
      reps.map((r, j) => (j === i ? { ...r, ...patch } : r)),
    );
  const repsError = field('representatives').error;
  return (
    <Stack gap="lg">
      <Fieldset legend={t.organisationSection}>
        <Stack gap="sm">
          <TextInput
            label={t.name}
            required
            value={values.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            {...field('name')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t.country}
              required
              value={values.country}
              onChange={(e) => set('country', e.currentTarget.value)}
              {...field('country')}
            />
            <TextInput
              label={t.city}
              value={values.city}
              onChange={(e) => set('city', e.currentTarget.value)}
              {...field('city')}
            />
          </SimpleGrid>
          <TextInput
            label={t.website}
            value={values.website}
            onChange={(e) => set('website', e.currentTarget.value)}
            {...field('website')}
          />
          <Textarea
            label={t.description}
            autosize
            minRows={2}
            value={values.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            {...field('description')}
          />
          <Textarea
            label={t.offers}
            autosize
            minRows={2}
            value={values.offers}
            onChange={(e) => set('offers', e.currentTarget.value)}
            {...field('offers')}
          />
          <Textarea
            label={t.lookingFor}
            autosize
            minRows={2}
            value={values.lookingFor}
            onChange={(e) => set('lookingFor', e.currentTarget.value)}
            {...field('lookingFor')}
          />
          <TextInput
            label={t.tags}
            value={values.tags}
            onChange={(e) => set('tags', e.currentTarget.value)}
            {...field('tags')}
          />
          <TextInput
            label={t.targetMarkets}
            value={values.targetMarkets}
            onChange={(e) => set('targetMarkets', e.currentTarget.value)}
            {...field('targetMarkets')}
          />
          <Checkbox.Group
            label={t.meetingTypes}
            value={values.meetingTypes}
            onChange={(value) => set('meetingTypes', value)}
            {...field('meetingTypes')}
          >
            <Group gap="md" mt={4}>
              {meetingTypes.map((type) => (
                <Checkbox key={type} value={type} label={t.meetingType[type] ?? type} />
              ))}
            </Group>
          </Checkbox.Group>
        </Stack>
      </Fieldset>

      <Fieldset legend={t.representativesSection}>
        <Stack gap="sm" id={`${idPrefix}-representatives`} tabIndex={-1}>
          <Text fz="sm" c={repsError ? 'red.9' : 'dimmed'}>
            {t.representativesHint(maxRepresentatives)}
          </Text>
          {reps.map((rep, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: representatives have no id before they are saved
            <Stack key={i} gap={4} aria-label={t.representative(i + 1)} role="group">
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput
                  label={t.repName}
                  required
                  value={rep.name}
                  onChange={(e) => setRep(i, { name: e.currentTarget.value })}
                />
                <TextInput
                  label={t.repEmail}
                  type="email"
                  required
                  value={rep.email}
                  onChange={(e) => setRep(i, { email: e.currentTarget.value })}
                />
                <Group gap={4} wrap="nowrap" align="flex-end">
                  <TextInput
                    label={t.repRole}
                    value={rep.role}
                    onChange={(e) => setRep(i, { role: e.currentTarget.value })}
                    style={{ flex: 1 }}
                  />
                  {reps.length > 1 && (
                    <ActionIcon
                      variant="subtle"
                      color="red.9"
                      size="lg"
                      aria-label={t.removeRepresentative(i + 1)}
                      onClick={() =>
                        set(
                          'representatives',
                          reps.filter((_r, j) => j !== i),
                        )
                      }
                    >
                      ×
                    </ActionIcon>
                  )}
                </Group>
              </SimpleGrid>
            </Stack>
          ))}
          {reps.length < maxRepresentatives && (
            <Button
              variant="light"
              size="xs"
              w="fit-content"
              onClick={() => set('representatives', [...reps, { name: '', email: '', role: '' }])}
            >
              {t.addRepresentative}
            </Button>
          )}
        </Stack>
      </Fieldset>

      {slots.length > 0 && (
        <Fieldset legend={t.unavailableSection}>
          <Stack gap="sm" id={`${idPrefix}-unavailable`} tabIndex={-1}>
            <Text fz="sm" c="dimmed">
              {t.unavailableHint} {t.timeZoneNote(timeZone)}
            </Text>
            {byDay(slots).map(([day, daySlots]) => (
              <Checkbox.Group
                key={day}
                label={day}
                value={values.unavailable.filter((u) => daySlots.some((s) => s.startsAt === u))}
                onChange={(value) =>
                  set('unavailable', [
                    ...values.unavailable.filter((u) => !daySlots.some((s) => s.startsAt === u)),
                    ...value,
                  ])
                }
              >
                <Group gap="sm" mt={4}>
                  {daySlots.map((slot) => (
                    <Checkbox
                      key={slot.startsAt}
                      value={slot.startsAt}
                      label={`${slot.startTime}–${slot.endTime}`}
                    />
                  ))}
                </Group>
              </Checkbox.Group>
            ))}
          </Stack>
        </Fieldset>
      )}

      <Fieldset legend={t.contactSection}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t.contactName}
            required
            value={values.contactName}
            onChange={(e) => set('contactName', e.currentTarget.value)}
            {...field('contactName')}
          />
          <TextInput
            label={t.contactEmail}
            type="email"
            required
            value={values.contactEmail}
            onChange={(e) => set('contactEmail', e.currentTarget.value)}
            {...field('contactEmail')}
          />
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}
