import type { Phase } from '../../domain/catalogue/types.ts';
import { toEur } from '../../domain/planning/money.ts';
import type { EstimateParameters, ParticipantRole } from '../../domain/planning/types.ts';
import type { ActivitySummaryRow, ParticipantRow } from './repository.ts';
import type {
  ActivityDetailDto,
  ActivitySummaryDto,
  OrganisationActivityDto,
  ParticipantDto,
} from './schema.ts';

/** What `activity.estimate_parameters` holds: the parameters and the day-rate override, if any. */
export type StoredEstimateParameters = EstimateParameters & { dayRateCents?: number };

export function presentActivitySummary(row: ActivitySummaryRow): ActivitySummaryDto {
  return {
    id: row.id,
    planId: row.plan_id,
    planName: row.plan_name,
    marketId: row.market_id,
    marketName: row.market_name,
    marketCountry: row.market_country,
    title: row.title,
    instrumentKey: row.instrument_key,
    instrumentCode: row.instrument_code,
    instrumentName: row.instrument_name,
    phase: row.phase as Phase,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status,
    city: row.city,
    country: row.country,
    clusterId: row.cluster_id,
    clusterShortName: row.cluster_short_name,
  };
}

export function presentParticipant(row: ParticipantRow): ParticipantDto {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    personId: row.person_id,
    personName: row.person_name,
    role: row.role as ParticipantRole,
    attendance: row.attendance,
  };
}

/** A participant as one organisation's participation: the person (null: the organisation itself). */
export function presentParticipation(row: ParticipantRow): OrganisationActivityDto['participation'][number] {
  return {
    id: row.id,
    personId: row.person_id,
    personName: row.person_name,
    role: row.role as ParticipantRole,
    attendance: row.attendance,
  };
}

/** The stored estimate parameters as the API shows them (the day rate in EUR). */
export function presentEstimateParameters(json: string): ActivityDetailDto['estimateParameters'] {
  const { dayRateCents, ...parameters } = JSON.parse(json) as StoredEstimateParameters;
  return dayRateCents === undefined ? parameters : { ...parameters, dayRateEur: toEur(dayRateCents) };
}

export function presentActivityDetail(
  row: ActivitySummaryRow,
  participants: ParticipantRow[],
  budget: ActivityDetailDto['budget'],
): ActivityDetailDto {
  return {
    ...presentActivitySummary(row),
    outcomeNotes: row.outcome_notes,
    estimateParameters: presentEstimateParameters(row.estimate_parameters),
    participants: participants.map(presentParticipant),
    budget,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
