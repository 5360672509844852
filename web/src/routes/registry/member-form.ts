/**
 * The member organisation form's values and rules, mirroring the server's
 * (`src/features/organisations/schema.ts`): pure, so they are unit-tested without a browser.
 */
import type {
  CreateOrganisationBody,
  ExportExperience,
  MelcaField,
  OrganisationDto,
  OrganisationSize,
  OrganisationType,
  SpaceSegment,
  UpdateOrganisationBody,
} from '../../api/types.ts';
import { isKnownCountryCode } from '../../app/format.ts';
import { messages } from '../../messages/en.ts';

const t = messages.registry;
const m = messages.member;

export interface MemberFormValues {
  name: string;
  clusterId: string;
  type: OrganisationType;
  size: OrganisationSize | '';
  country: string;
  city: string;
  website: string;
  registrationId: string;
  spaceSegments: SpaceSegment[];
  melca: MelcaField[];
  offers: string;
  offerTags: string[];
  requests: string;
  requestTags: string[];
  targetMarketInterests: string[];
  exportExperience: ExportExperience;
}

export type MemberField = keyof MemberFormValues;
export type MemberFieldErrors = Partial<Record<MemberField, string>>;
/** In the order of the form: the first with an error gets the focus. */
export const MEMBER_FIELDS: MemberField[] = [
  'name',
  'clusterId',
  'type',
  'size',
  'country',
  'city',
  'website',
  'registrationId',
  'exportExperience',
  'spaceSegments',
  'melca',
  'offers',
  'offerTags',
  'requests',
  'requestTags',
  'targetMarketInterests',
];

export function emptyMemberForm(clusterId = ''): MemberFormValues {
  return {
    name: '',
    clusterId,
    type: 'sme',
    size: '',
    country: '',
    city: '',
    website: '',
    registrationId: '',
    spaceSegments: [],
    melca: [],
    offers: '',
    offerTags: [],
    requests: '',
    requestTags: [],
    targetMarketInterests: [],
    exportExperience: 'none',
  };
}

export function memberValuesOf(organisation: OrganisationDto): MemberFormValues {
  return {
    name: organisation.name,
    clusterId: organisation.clusterId,
    type: organisation.type,
    size: organisation.size ?? '',
    country: organisation.country,
    city: organisation.city ?? '',
    website: organisation.website ?? '',
    registrationId: organisation.registrationId ?? '',
    spaceSegments: [...organisation.spaceSegments],
    melca: [...organisation.melca],
    offers: organisation.offers,
    offerTags: [...organisation.offerTags],
    requests: organisation.requests,
    requestTags: [...organisation.requestTags],
    targetMarketInterests: [...organisation.targetMarketInterests],
    exportExperience: organisation.exportExperience,
  };
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function tagError(tags: string[]): string | undefined {
  if (tags.length > 20) return m.tagsTooMany;
  if (tags.some((tag) => tag.trim().length > 40)) return m.tagTooLong;
  return undefined;
}

/** The server's rules, checked before sending. */
export function validateMember(values: MemberFormValues): MemberFieldErrors {
  const errors: MemberFieldErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = t.fieldRequired;
  else if (name.length > 200) errors.name = t.tooLong(200);
  if (!values.clusterId) errors.clusterId = t.fieldRequired;
  if (!values.country) errors.country = t.fieldRequired;
  else if (!isKnownCountryCode(values.country)) errors.country = messages.forms.country.unknown;
  if (values.city.trim().length > 100) errors.city = t.tooLong(100);
  const website = values.website.trim();
  if (website && !isHttpUrl(website)) errors.website = t.websiteInvalid;
  else if (website.length > 500) errors.website = t.tooLong(500);
  const registrationId = values.registrationId.trim();
  if (registrationId && !/^[A-Za-z0-9][A-Za-z0-9 .\-/]{1,49}$/.test(registrationId))
    errors.registrationId = m.registrationIdFormat;
  if (values.offers.length > 4000) errors.offers = t.tooLong(4000);
  if (values.requests.length > 4000) errors.requests = t.tooLong(4000);
  const offerTags = tagError(values.offerTags);
  if (offerTags) errors.offerTags = offerTags;
  const requestTags = tagError(values.requestTags);
  if (requestTags) errors.requestTags = requestTags;
  return errors;
}

/** Trimmed tags, each once (the server refuses repeats). */
function cleanTags(tags: string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))];
}

export function memberBodyOf(values: MemberFormValues): CreateOrganisationBody {
  return {
    name: values.name.trim(),
    clusterId: values.clusterId,
    type: values.type,
    size: values.size || null,
    country: values.country,
    city: values.city.trim() || null,
    website: values.website.trim() || null,
    registrationId: values.registrationId.trim() || null,
    spaceSegments: [...values.spaceSegments],
    melca: [...values.melca],
    offers: values.offers.trim(),
    offerTags: cleanTags(values.offerTags),
    requests: values.requests.trim(),
    requestTags: cleanTags(values.requestTags),
    targetMarketInterests: [...new Set(values.targetMarketInterests)],
    exportExperience: values.exportExperience,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);

/** Only what changed, with the version that was read (a stale one gets 409). */
export function memberPatchOf(base: OrganisationDto, values: MemberFormValues): UpdateOrganisationBody {
  const next = memberBodyOf(values);
  const patch: UpdateOrganisationBody = { version: base.version };
  const record = patch as Record<string, unknown>;
  for (const [key, value] of Object.entries(next)) {
    const before = (base as unknown as Record<string, unknown>)[key];
    const changed = Array.isArray(value)
      ? !Array.isArray(before) || !sameList(value, before as string[])
      : value !== (before ?? null);
    if (changed) record[key] = value;
  }
  return patch;
}
