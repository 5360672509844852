/**
 * The market form's values and rules, mirroring the server's (`src/features/markets/schema.ts`):
 * pure, so they are unit-tested without a browser.
 */
import type {
  CreateMarketBody,
  MarketDto,
  MarketPriority,
  MarketStatus,
  UpdateMarketBody,
} from '../../api/types.ts';
import { marketSegmentLabel } from '../../api/vocabulary.ts';
import { isKnownCountryCode } from '../../app/format.ts';
import { messages } from '../../messages/en.ts';

const p = messages.planning;
const t = messages.marketForm;

export interface MarketFormValues {
  name: string;
  country: string;
  segments: string[];
  priority: MarketPriority;
  status: MarketStatus;
  rationale: string;
  /** '' : the coordinators. */
  ownerClusterId: string;
}

export type MarketField = keyof MarketFormValues;
export type MarketFieldErrors = Partial<Record<MarketField, string>>;
export const MARKET_FIELDS: MarketField[] = [
  'name',
  'country',
  'segments',
  'priority',
  'status',
  'ownerClusterId',
  'rationale',
];

/** A new market; a cluster manager's is their own cluster's. */
export function emptyMarketForm(ownClusterId: string | null): MarketFormValues {
  return {
    name: '',
    country: '',
    segments: [],
    priority: 'medium',
    status: 'exploring',
    rationale: '',
    ownerClusterId: ownClusterId ?? '',
  };
}

export function marketValuesOf(market: MarketDto): MarketFormValues {
  return {
    name: market.name,
    country: market.country,
    // Edited as people read them; the server stores the registry's codes again.
    segments: market.segments.map(marketSegmentLabel),
    priority: market.priority,
    status: market.status,
    rationale: market.rationale,
    ownerClusterId: market.ownerClusterId ?? '',
  };
}

/** The server's rules, checked before sending; `mustOwn`: a cluster manager names their cluster. */
export function validateMarket(values: MarketFormValues, mustOwn = false): MarketFieldErrors {
  const errors: MarketFieldErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = p.fieldRequired;
  else if (name.length > 200) errors.name = p.tooLong(200);
  if (!values.country) errors.country = p.fieldRequired;
  else if (!isKnownCountryCode(values.country)) errors.country = messages.forms.country.unknown;
  const segments = values.segments.map((s) => s.trim());
  if (segments.length > 20) errors.segments = t.segmentsTooMany;
  else if (segments.some((s) => s.length > 60)) errors.segments = t.segmentTooLong;
  if (values.rationale.length > 5000) errors.rationale = p.tooLong(5000);
  if (mustOwn && !values.ownerClusterId) errors.ownerClusterId = t.ownerRequired;
  return errors;
}

function cleanSegments(segments: string[]): string[] {
  const seen = new Set<string>();
  return segments.map((s) => s.trim()).filter((s) => s !== '' && !seen.has(s) && Boolean(seen.add(s)));
}

export function marketBodyOf(values: MarketFormValues): CreateMarketBody {
  return {
    name: values.name.trim(),
    country: values.country,
    segments: cleanSegments(values.segments),
    priority: values.priority,
    status: values.status,
    rationale: values.rationale,
    ownerClusterId: values.ownerClusterId || null,
  };
}

/** Only what changed, with the version that was read (a stale one gets 409). */
export function marketPatchOf(base: MarketDto, values: MarketFormValues): UpdateMarketBody {
  const next = marketBodyOf(values);
  const patch: UpdateMarketBody = { version: base.version };
  if (next.name !== base.name) patch.name = next.name;
  if (next.country !== base.country) patch.country = next.country;
  // The form holds labels; the market, codes.
  if (JSON.stringify(next.segments) !== JSON.stringify(base.segments.map(marketSegmentLabel)))
    patch.segments = next.segments;
  if (next.priority !== base.priority) patch.priority = next.priority;
  if (next.status !== base.status) patch.status = next.status;
  if (next.rationale !== base.rationale) patch.rationale = next.rationale;
  if ((next.ownerClusterId ?? null) !== base.ownerClusterId)
    patch.ownerClusterId = next.ownerClusterId ?? null;
  return patch;
}
