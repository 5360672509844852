/**
 * The activity form's values and rules, mirroring the server's
 * (`src/features/activities/schema.ts`): dates inside the plan's period, the plan's instruments
 * offered first. Pure, so they are unit-tested without a browser.
 */
import type {
  ActivityDetailDto,
  ActivityStatus,
  CreateActivityBody,
  InstrumentDto,
  PlanDetailDto,
  UpdateActivityBody,
} from '../../api/types.ts';
import { isKnownCountryCode } from '../../app/format.ts';
import { instrumentLabel } from '../../components/instrument-label.ts';
import { messages } from '../../messages/en.ts';
import { dateError } from './form-rules.ts';

const p = messages.planning;
const t = messages.activityForm;

export interface ActivityFormValues {
  instrumentKey: string;
  title: string;
  startsOn: string;
  endsOn: string;
  city: string;
  /** '' : not given. */
  country: string;
  /** '' : the coordinators. */
  clusterId: string;
  status: ActivityStatus;
  outcomeNotes: string;
}

export type ActivityField = keyof ActivityFormValues;
export type ActivityFieldErrors = Partial<Record<ActivityField, string>>;
export const ACTIVITY_FIELDS: ActivityField[] = [
  'instrumentKey',
  'title',
  'startsOn',
  'endsOn',
  'city',
  'country',
  'clusterId',
  'status',
  'outcomeNotes',
];

export interface Period {
  startsOn: string;
  endsOn: string;
}

/** What the activity form knows of the activity's plan: its period, instruments and market. */
export interface PlanContext extends Period {
  id: string;
  instrumentKeys: string[];
  marketCountry: string | null;
  ownerClusterId: string | null;
}

export function planContextOf(plan: PlanDetailDto): PlanContext {
  return {
    id: plan.id,
    startsOn: plan.startsOn,
    endsOn: plan.endsOn,
    instrumentKeys: plan.instruments.map((i) => i.instrumentKey),
    marketCountry: plan.market.country,
    ownerClusterId: plan.market.ownerClusterId,
  };
}

/** A new activity's day: today when the plan runs today, else the plan's first day. */
export function defaultActivityDay(period: Period | null, today: string): string {
  if (!period) return today;
  if (today < period.startsOn || today > period.endsOn) return period.startsOn;
  return today;
}

export function emptyActivityForm(
  period: Period | null,
  today: string,
  defaults: { instrumentKey?: string; clusterId?: string | null; country?: string | null } = {},
): ActivityFormValues {
  const day = defaultActivityDay(period, today);
  return {
    instrumentKey: defaults.instrumentKey ?? '',
    title: '',
    startsOn: day,
    endsOn: day,
    city: '',
    country: defaults.country ?? '',
    clusterId: defaults.clusterId ?? '',
    status: 'planned',
    outcomeNotes: '',
  };
}

export function activityValuesOf(activity: ActivityDetailDto): ActivityFormValues {
  return {
    instrumentKey: activity.instrumentKey,
    title: activity.title,
    startsOn: activity.startsOn,
    endsOn: activity.endsOn,
    city: activity.city ?? '',
    country: activity.country ?? '',
    clusterId: activity.clusterId ?? '',
    status: activity.status,
    outcomeNotes: activity.outcomeNotes,
  };
}

/** The server's rules; `period`: the plan's, which the dates must lie in. */
export function validateActivity(
  values: ActivityFormValues,
  period: Period | null,
  mustOwn = false,
): ActivityFieldErrors {
  const errors: ActivityFieldErrors = {};
  if (!values.instrumentKey) errors.instrumentKey = p.fieldRequired;
  const title = values.title.trim();
  if (!title) errors.title = p.fieldRequired;
  else if (title.length > 200) errors.title = p.tooLong(200);
  const starts = dateError(values.startsOn);
  const ends = dateError(values.endsOn);
  if (starts) errors.startsOn = starts;
  if (ends) errors.endsOn = ends;
  else if (!starts && values.endsOn < values.startsOn) errors.endsOn = p.endBeforeStart;
  if (period) {
    const outside = t.outsidePlan(period.startsOn, period.endsOn);
    if (!errors.startsOn && (values.startsOn < period.startsOn || values.startsOn > period.endsOn)) {
      errors.startsOn = outside;
    }
    if (!errors.endsOn && (values.endsOn > period.endsOn || values.endsOn < period.startsOn)) {
      errors.endsOn = outside;
    }
  }
  if (values.city.trim().length > 100) errors.city = p.tooLong(100);
  if (values.country && !isKnownCountryCode(values.country)) errors.country = messages.forms.country.unknown;
  if (mustOwn && !values.clusterId) errors.clusterId = p.fieldRequired;
  if (values.outcomeNotes.length > 10_000) errors.outcomeNotes = p.tooLong(10_000);
  return errors;
}

export function activityBodyOf(values: ActivityFormValues, planId: string | null): CreateActivityBody {
  return {
    planId,
    instrumentKey: values.instrumentKey,
    title: values.title.trim(),
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    city: values.city.trim() || null,
    country: values.country || null,
    clusterId: values.clusterId || null,
    status: values.status,
    outcomeNotes: values.outcomeNotes,
  };
}

/** Only what changed, with the version read (a stale one gets 409). */
export function activityPatchOf(base: ActivityDetailDto, values: ActivityFormValues): UpdateActivityBody {
  const next = activityBodyOf(values, base.planId);
  const patch: UpdateActivityBody = { version: base.version };
  if (next.instrumentKey !== base.instrumentKey) patch.instrumentKey = next.instrumentKey;
  if (next.title !== base.title) patch.title = next.title;
  if (next.startsOn !== base.startsOn) patch.startsOn = next.startsOn;
  if (next.endsOn !== base.endsOn) patch.endsOn = next.endsOn;
  if (next.city !== base.city) patch.city = next.city ?? null;
  if (next.country !== base.country) patch.country = next.country ?? null;
  if (next.clusterId !== base.clusterId) patch.clusterId = next.clusterId ?? null;
  if (next.status !== base.status) patch.status = next.status;
  if (next.outcomeNotes !== base.outcomeNotes) patch.outcomeNotes = next.outcomeNotes;
  return patch;
}

type CatalogueEntry = Pick<InstrumentDto, 'key' | 'code' | 'name'> & { origin?: string };

/**
 * The instrument select's options: the plan's instruments first (in the plan's order), then the
 * rest of the catalogue by code; without plan instruments, one group of all.
 */
export function activityInstrumentGroups(
  catalogue: readonly CatalogueEntry[],
  planKeys: readonly string[],
): { group: string; items: { value: string; label: string }[] }[] {
  const option = (i: CatalogueEntry) => ({ value: i.key, label: instrumentLabel(i) });
  const byKey = new Map(catalogue.map((i) => [i.key, i]));
  const first = planKeys.flatMap((key) => {
    const instrument = byKey.get(key);
    return instrument ? [option(instrument)] : [];
  });
  const rest = catalogue
    .filter((i) => !planKeys.includes(i.key))
    .sort((a, b) => a.code.localeCompare(b.code, 'en', { numeric: true }))
    .map(option);
  if (first.length === 0) return [{ group: t.allInstruments, items: rest }];
  return [
    { group: t.planInstruments, items: first },
    ...(rest.length ? [{ group: t.otherInstruments, items: rest }] : []),
  ];
}
