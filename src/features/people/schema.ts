import { z } from 'zod';
import { cursorField, sortField, totalField } from '../../http/list-params.ts';
import { versionField, versionQueryField } from '../../http/params.ts';
import { PERSON_SORT_KEYS } from './repository.ts';

export const personSchema = z
  .object({
    id: z.string(),
    organisationId: z.string().nullable(),
    name: z.string(),
    email: z.string().nullable().describe('Lower-cased'),
    phone: z.string().nullable(),
    roleTitle: z.string().nullable(),
    consent: z.boolean().describe('Agreed to be contacted and listed'),
    consentAt: z.string().nullable().describe('When consent was last given'),
    version: z.number().int().describe('Send it back with an edit; a stale one gets 409'),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Person' });

const fields = {
  organisationId: z.string().min(1).max(100).nullable(),
  name: z.string().trim().min(1).max(200),
  email: z.email().max(254).nullable().describe('Stored lower-cased; unique in the workspace'),
  phone: z
    .string()
    .trim()
    .min(3)
    .max(40)
    .regex(/^\+?[0-9 ().\-/]+$/, 'may hold only digits, spaces, + ( ) . - /')
    .nullable(),
  roleTitle: z.string().trim().min(1).max(200).nullable(),
  consent: z.boolean(),
};

export const createPersonBody = z.strictObject({
  ...fields,
  organisationId: fields.organisationId.default(null),
  email: fields.email.default(null),
  phone: fields.phone.default(null),
  roleTitle: fields.roleTitle.default(null),
  consent: fields.consent.default(false),
});
export const updatePersonBody = z.strictObject({
  version: versionField,
  ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])),
} as { version: z.ZodNumber } & { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> });

export const personParams = z.object({
  workspace: z.string().min(1).max(100),
  id: z.string().min(1).max(100),
});
export const deletePersonQuery = z.object({ version: versionQueryField });

export const listPeopleQuery = z.object({
  q: z.string().trim().max(100).optional().describe('Search in the name and e-mail'),
  organisation: z.string().min(1).max(100).optional().describe('Id of a member organisation'),
  sort: sortField(PERSON_SORT_KEYS, 'createdAt'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorField,
});
export const listOrganisationPeopleQuery = listPeopleQuery.omit({ organisation: true });

export const personListSchema = z
  .object({ items: z.array(personSchema), nextCursor: z.string().nullable(), total: totalField })
  .meta({ id: 'PersonList' });

export type PersonDto = z.infer<typeof personSchema>;
export type CreatePersonInput = z.infer<typeof createPersonBody>;
export type UpdatePersonInput = z.infer<typeof updatePersonBody>;
export type ListPeopleQuery = z.infer<typeof listPeopleQuery>;
