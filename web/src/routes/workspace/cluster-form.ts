/**
 * The cluster form's values and rules, mirroring the server's (`src/features/clusters/schema.ts`):
 * pure, so they are unit-tested without a browser.
 */
import type { ClusterDto, CreateClusterBody, UpdateClusterBody } from '../../api/types.ts';
import { isKnownCountryCode } from '../../app/format.ts';
import { messages } from '../../messages/en.ts';

const t = messages.clusters;

export interface ClusterFormValues {
  name: string;
  shortName: string;
  country: string;
  city: string;
  dayRateEur: number | string;
  website: string;
}

export type ClusterField = keyof ClusterFormValues;
export type ClusterFieldErrors = Partial<Record<ClusterField, string>>;
export const CLUSTER_FIELDS: ClusterField[] = [
  'shortName',
  'name',
  'country',
  'city',
  'dayRateEur',
  'website',
];

export const EMPTY_CLUSTER_FORM: ClusterFormValues = {
  name: '',
  shortName: '',
  country: '',
  city: '',
  dayRateEur: '',
  website: '',
};

export function valuesOf(cluster: ClusterDto): ClusterFormValues {
  return {
    name: cluster.name,
    shortName: cluster.shortName,
    country: cluster.country,
    city: cluster.city,
    dayRateEur: cluster.dayRateEur,
    website: cluster.website ?? '',
  };
}

/** The server's rules (`src/features/clusters/schema.ts`), checked before sending. */
export function validateCluster(values: ClusterFormValues): ClusterFieldErrors {
  const errors: ClusterFieldErrors = {};
  const required = (field: ClusterField, max: number) => {
    const value = String(values[field]).trim();
    if (!value) errors[field] = t.fieldRequired;
    else if (value.length > max) errors[field] = t.tooLong(max);
  };
  required('name', 200);
  required('shortName', 30);
  required('city', 100);
  if (!values.country) errors.country = t.fieldRequired;
  else if (!/^[A-Z]{2}$/.test(values.country)) errors.country = t.countryFormat;
  else if (!isKnownCountryCode(values.country)) errors.country = messages.forms.country.unknown;
  if (values.dayRateEur === '') errors.dayRateEur = t.fieldRequired;
  else {
    const rate = Number(values.dayRateEur);
    if (!Number.isFinite(rate) || rate < 0 || rate > 10_000) errors.dayRateEur = t.dayRateRange;
    else if (Math.abs(Math.round(rate * 100) - rate * 100) > 1e-6) errors.dayRateEur = t.dayRateCents;
  }
  const website = values.website.trim();
  if (website) {
    let ok = false;
    try {
      const url = new URL(website);
      ok = url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      ok = false;
    }
    if (!ok) errors.website = t.websiteInvalid;
    else if (website.length > 500) errors.website = t.tooLong(500);
  }
  return errors;
}

export function bodyOf(values: ClusterFormValues): CreateClusterBody {
  return {
    name: values.name.trim(),
    shortName: values.shortName.trim(),
    country: values.country,
    city: values.city.trim(),
    dayRateEur: Number(values.dayRateEur),
    website: values.website.trim() || null,
  };
}

/** Only what changed, with the version that was read (a stale one gets 409). */
export function patchOf(base: ClusterDto, values: ClusterFormValues): UpdateClusterBody {
  const next = bodyOf(values);
  const patch: UpdateClusterBody = { version: base.version };
  if (next.name !== base.name) patch.name = next.name;
  if (next.shortName !== base.shortName) patch.shortName = next.shortName;
  if (next.country !== base.country) patch.country = next.country;
  if (next.city !== base.city) patch.city = next.city;
  if (next.dayRateEur !== base.dayRateEur) patch.dayRateEur = next.dayRateEur;
  if ((next.website ?? null) !== base.website) patch.website = next.website ?? null;
  return patch;
}
