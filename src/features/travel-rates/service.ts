import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, requireAccess } from '../../domain/access/policy.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { eurToCents } from '../../domain/planning/money.ts';
import { defaultTravelRate } from '../../domain/planning/travel-rates.ts';
import type { TravelRate } from '../../domain/planning/types.ts';
import { AuditRepository, diff } from '../audit/repository.ts';
import { presentTravelRate, travelRateOfRow } from './presenter.ts';
import { TravelRateRepository, type TravelRateValues } from './repository.ts';
import type { PutTravelRateInput, TravelRateDto } from './schema.ts';

/** Where travel starts when the workspace has no cluster yet. */
const FALLBACK_HOME = { country: 'BE' };

/** Use cases of the workspace's travel-cost table: edited rates override the Hub's defaults. */
export class TravelRateService {
  constructor(private readonly db: Kysely<DB>) {}

  /** The workspace's edited rates plus the defaults of `countries` that have none. */
  async list(actor: Actor, options: { origin?: string; countries?: string }) {
    requireAccess(actor, 'budget.read');
    const rates = new TravelRateRepository(this.db);
    const origin = await travelHome(rates, actor.workspaceId, options.origin ?? null, 'query.origin');
    const rows = await rates.list(actor.workspaceId);
    const edited = new Set(rows.map((row) => row.country));
    const defaults = (options.countries ? options.countries.split(',') : [])
      .filter((country, index, all) => !edited.has(country) && all.indexOf(country) === index)
      .map((country) => presentTravelRate(defaultTravelRate(origin, country), null));
    const items = [...rows.map((row) => presentTravelRate(travelRateOfRow(row), row.version)), ...defaults];
    return { items: items.sort((a, b) => a.country.localeCompare(b.country)) };
  }

  /** Creates the workspace's rate for a country or changes it (then `version` is required). */
  async put(actor: Actor, country: string, input: PutTravelRateInput): Promise<TravelRateDto> {
    requireAccess(actor, 'travel_rate.update');
    const values: TravelRateValues = {
      travel_cents: eurToCents(input.travelEur),
      accommodation_per_night_cents: eurToCents(input.accommodationPerNightEur),
      subsistence_per_day_cents: eurToCents(input.subsistencePerDayEur),
    };
    return writeTransaction(this.db, async (trx) => {
      const rates = new TravelRateRepository(trx);
      const audit = new AuditRepository(trx);
      const current = await rates.find(actor.workspaceId, country);
      if (!current) {
        if (input.version !== undefined) {
          throw new ConflictError(
            `The travel rate for ${country} was removed by someone else (it is the default again): reload it.`,
          );
        }
        const row = await rates.create(actor.workspaceId, country, values);
        await audit.record({
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: 'create',
          entityType: 'travel_rate',
          entityId: row.id,
          changes: diff({}, { country, ...values }),
        });
        return presentTravelRate(travelRateOfRow(row), row.version);
      }
      if (input.version === undefined) {
        throw new ConflictError(
          `The workspace already has a travel rate for ${country} (version ${current.version}): send its version to change it.`,
          current.version,
        );
      }
      const updated = await rates.update(actor.workspaceId, country, input.version, values);
      if (!updated) throw staleVersion(country, input.version, current.version);
      const changes = diff(current, values);
      if (Object.keys(changes).length > 0) {
        await audit.record({
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: 'update',
          entityType: 'travel_rate',
          entityId: current.id,
          changes,
        });
      }
      return presentTravelRate(travelRateOfRow(updated), updated.version);
    });
  }

  /** Removes the workspace's rate: the country's default applies again. */
  async delete(actor: Actor, country: string, version: number): Promise<void> {
    requireAccess(actor, 'travel_rate.update');
    await writeTransaction(this.db, async (trx) => {
      const rates = new TravelRateRepository(trx);
      const current = await rates.find(actor.workspaceId, country);
      if (!current) throw new NotFoundError('travel rate', country);
      if (!(await rates.delete(actor.workspaceId, country, version))) {
        throw staleVersion(country, version, current.version);
      }
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'delete',
        entityType: 'travel_rate',
        entityId: current.id,
        changes: {
          country: [country, null],
          travel_cents: [current.travel_cents, null],
          accommodation_per_night_cents: [current.accommodation_per_night_cents, null],
          subsistence_per_day_cents: [current.subsistence_per_day_cents, null],
        },
      });
    });
  }
}

/**
 * Where a cluster's travel starts (its country and city): the given cluster, or the workspace's
 * first, or Belgium. An id that is not a cluster of the workspace is a 400 naming `field`.
 */
export async function travelHome(
  rates: TravelRateRepository,
  workspaceId: string,
  clusterId: string | null,
  field: string,
): Promise<{ country: string; city?: string }> {
  const cluster = await rates.home(workspaceId, clusterId);
  if (!cluster && clusterId !== null) {
    throw new InvalidInputError(`No cluster "${clusterId}" in this workspace`, [
      { field, message: 'is not a cluster of this workspace' },
    ]);
  }
  return cluster ? { country: cluster.country, city: cluster.city } : FALLBACK_HOME;
}

/**
 * The travel costs to `destination`: the workspace's edited rate, or the Hub's default from
 * `origin`. An unknown destination is a 400 naming `field`.
 */
export async function resolveTravelRate(
  rates: TravelRateRepository,
  workspaceId: string,
  origin: { country: string; city?: string },
  destination: string,
  field: string,
): Promise<{ rate: TravelRate; version: number | null }> {
  const row = await rates.find(workspaceId, destination);
  if (row) return { rate: travelRateOfRow(row), version: row.version };
  try {
    return { rate: defaultTravelRate(origin, destination), version: null };
  } catch (error) {
    if (error instanceof InvalidInputError) {
      throw new InvalidInputError(error.message, [
        { field, message: error.errors[0]?.message ?? 'is unknown' },
      ]);
    }
    throw error;
  }
}

function staleVersion(country: string, sent: number, current: number): ConflictError {
  return new ConflictError(
    `The travel rate for ${country} was changed by someone else (version ${current}, you sent ${sent}): reload it and apply your edit again.`,
    current,
  );
}
