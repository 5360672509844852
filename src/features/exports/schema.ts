import { z } from 'zod';
import { listOrganisationsQuery } from '../organisations/schema.ts';
import { listPeopleQuery } from '../people/schema.ts';

const format = z.enum(['csv', 'xlsx']).default('csv').describe('csv (UTF-8 with BOM) or xlsx');
const values = z
  .enum(['labels', 'codes'])
  .default('labels')
  .describe(
    'How vocabulary values (type, size, space segments, MELCA, export experience) are written: the labels people read ("SME", "Earth observation", the default) or the API codes ("sme", "earth_observation"); the import takes both',
  );

export const organisationExportQuery = listOrganisationsQuery
  .omit({ limit: true, cursor: true })
  .extend({ format, values });
export const personExportQuery = listPeopleQuery.omit({ limit: true, cursor: true }).extend({ format });

export const exportFileSchema = z
  .string()
  .describe('The file: CSV (UTF-8 with BOM) or XLSX, as an attachment');

export type OrganisationExportQuery = Omit<z.infer<typeof organisationExportQuery>, 'format'>;
export type PersonExportQuery = Omit<z.infer<typeof personExportQuery>, 'format'>;
