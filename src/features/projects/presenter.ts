import type { FundingProgramme, ProjectPartnerRole, ProjectStatus } from '../../domain/network/types.ts';
import type { ProjectListRow, ProjectRepository } from './repository.ts';
import { currencyDigits, type ProjectDto, type ProjectPartnerDto } from './schema.ts';

/** Minor units → the decimal amount of the currency (EUR 125000 → 1250). */
export function amountOf(minor: number | string | bigint | null, currency: string | null): number | null {
  if (minor === null) return null;
  const digits = currency ? currencyDigits(currency) : 2;
  return Number(minor) / 10 ** digits;
}

/** A decimal amount → minor units of the currency, or null when it has more decimals than the currency. */
export function minorOf(amount: number, currency: string): number | null {
  const scaled = amount * 10 ** currencyDigits(currency);
  const rounded = Math.round(scaled);
  // Binary floating point: 0.29 × 100 is 28.999999999999996; more than a rounding error is a real fraction.
  return Math.abs(scaled - rounded) < 1e-6 * Math.max(1, Math.abs(scaled)) ? rounded : null;
}

export function presentProject(row: ProjectListRow): ProjectDto {
  const minor = row.amount_minor === null ? null : Number(row.amount_minor);
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    clusterId: row.cluster_id,
    clusterName: row.cluster_name,
    fundingProgramme: row.funding_programme as FundingProgramme | null,
    amount: amountOf(minor, row.currency),
    amountMinor: minor,
    currency: row.currency,
    status: row.status as ProjectStatus,
    commonLabel: Number(row.common_label) === 1,
    internationalFunding: Number(row.international_funding) === 1,
    activityId: row.activity_id,
    activityTitle: row.activity_title,
    instrumentId: row.instrument_id,
    instrumentName: row.instrument_name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    completedOn: row.completed_on,
    partnerCount: Number(row.partner_count),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

type PartnerRow = Awaited<ReturnType<ProjectRepository['partners']>>[number];

export function presentPartner(row: PartnerRow): ProjectPartnerDto {
  const kind = row.cluster_id ? 'cluster' : row.organisation_id ? 'organisation' : 'network_organisation';
  return {
    id: row.id,
    side: kind === 'network_organisation' ? 'counterpart' : 'ours',
    kind,
    refId: (row.cluster_id ?? row.organisation_id ?? row.network_organisation_id) as string,
    name: row.name,
    country: row.country,
    role: row.role as ProjectPartnerRole,
    createdAt: row.created_at,
  };
}
