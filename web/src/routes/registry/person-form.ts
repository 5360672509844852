/**
 * The person form's values and rules, mirroring the server's (`src/features/people/schema.ts`).
 */
import type { CreatePersonBody, PersonDto, UpdatePersonBody } from '../../api/types.ts';
import { messages } from '../../messages/en.ts';

const t = messages.registry;
const p = messages.people;

export interface PersonFormValues {
  name: string;
  organisationId: string;
  roleTitle: string;
  email: string;
  phone: string;
  consent: boolean;
}

export type PersonField = keyof PersonFormValues;
export type PersonFieldErrors = Partial<Record<PersonField, string>>;
export const PERSON_FIELDS: PersonField[] = [
  'name',
  'organisationId',
  'roleTitle',
  'email',
  'phone',
  'consent',
];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function emptyPersonForm(organisationId = ''): PersonFormValues {
  return { name: '', organisationId, roleTitle: '', email: '', phone: '', consent: false };
}

export function personValuesOf(person: PersonDto): PersonFormValues {
  return {
    name: person.name,
    organisationId: person.organisationId ?? '',
    roleTitle: person.roleTitle ?? '',
    email: person.email ?? '',
    phone: person.phone ?? '',
    consent: person.consent,
  };
}

export function validatePerson(values: PersonFormValues): PersonFieldErrors {
  const errors: PersonFieldErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = t.fieldRequired;
  else if (name.length > 200) errors.name = t.tooLong(200);
  if (values.roleTitle.trim().length > 200) errors.roleTitle = t.tooLong(200);
  const email = values.email.trim();
  if (email && !EMAIL.test(email)) errors.email = p.emailInvalid;
  else if (email.length > 254) errors.email = t.tooLong(254);
  const phone = values.phone.trim();
  if (phone && !/^\+?[0-9 ().\-/]{3,40}$/.test(phone)) errors.phone = p.phoneInvalid;
  return errors;
}

export function personBodyOf(values: PersonFormValues): CreatePersonBody {
  return {
    name: values.name.trim(),
    organisationId: values.organisationId || null,
    roleTitle: values.roleTitle.trim() || null,
    email: values.email.trim().toLowerCase() || null,
    phone: values.phone.trim() || null,
    consent: values.consent,
  };
}

/** Only what changed, with the version that was read (a stale one gets 409). */
export function personPatchOf(base: PersonDto, values: PersonFormValues): UpdatePersonBody {
  const next = personBodyOf(values);
  const patch: UpdatePersonBody = { version: base.version };
  if (next.name !== base.name) patch.name = next.name;
  if (next.organisationId !== base.organisationId) patch.organisationId = next.organisationId ?? null;
  if (next.roleTitle !== base.roleTitle) patch.roleTitle = next.roleTitle ?? null;
  if (next.email !== base.email) patch.email = next.email ?? null;
  if (next.phone !== base.phone) patch.phone = next.phone ?? null;
  if (next.consent !== base.consent) patch.consent = next.consent ?? false;
  return patch;
}
