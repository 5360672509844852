import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, clusterScope, requireAccess, type Scope } from '../../domain/access/policy.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { PlanRepository } from '../plans/repository.ts';
import { loadActivityKpis, trackedKpi } from './activity-kpi-scope.ts';
import { type TrackedKpi, trackedKpis } from './definitions.ts';
import { InstrumentKpiRepository } from './instrument-kpis-repository.ts';
import { kpiAudit, kpiStaleVersion } from './kpi-audit.ts';
import { toApiNumber, toStoredNumber } from './kpi-units.ts';
import { checkKpiValue } from './kpi-value-check.ts';
import { mayReadKpi } from './kpi-visibility.ts';
import { KpiTargetRepository, type KpiTargetRow, type KpiTargetScope } from './targets-repository.ts';
import type {
  CreateKpiTargetInput,
  KpiTargetDto,
  ListKpiTargetsQuery,
  UpdateKpiTargetInput,
} from './targets-schema.ts';

/** A target with what the policy and the presenter need: who may change it, and its KPI. */
interface ResolvedTarget {
  row: KpiTargetRow;
  scope: Scope;
  /** undefined: the activity's instrument no longer has this KPI (the target is kept, not shown). */
  kpi: TrackedKpi | undefined;
}

/**
 * Use cases of KPI targets. Reading needs `kpi.read`; writing `kpi.update` in the scope of the
 * activity's responsible cluster, or of the plan's market's owner cluster.
 */
export class KpiTargetService {
  constructor(private readonly db: Kysely<DB>) {}

  async list(actor: Actor, query: ListKpiTargetsQuery): Promise<{ items: KpiTargetDto[] }> {
    requireAccess(actor, 'kpi.read');
    const targets = new KpiTargetRepository(this.db);
    if (query.activityId !== undefined) {
      const { kpis } = await loadActivityKpis(this.db, actor, query.activityId, 'query.activityId');
      const rows = await targets.list(actor.workspaceId, { activityId: query.activityId });
      return {
        items: present(
          actor,
          rows.map((row) => ({ row, kpi: kpis.find((k) => k.kpiKey === row.kpi_key) })),
        ),
      };
    }
    const planId = query.planId as string;
    await loadPlan(this.db, actor, planId, 'query.planId');
    const rows = await targets.list(actor.workspaceId, { planId });
    const instruments = await new InstrumentKpiRepository(this.db).byIds(
      rows.flatMap((row) => (row.instrument_id === null ? [] : [row.instrument_id])),
    );
    return {
      items: present(
        actor,
        rows.map((row) => ({ row, kpi: planKpi(instruments, row.instrument_id, row.kpi_key) })),
      ),
    };
  }

  async create(actor: Actor, input: CreateKpiTargetInput): Promise<KpiTargetDto> {
    return writeTransaction(this.db, async (trx) => {
      const { scope, kpi, policyScope } =
        input.activityId !== undefined
          ? await this.activityTarget(trx, actor, input.activityId, input.kpiKey)
          : await this.planTarget(
              trx,
              actor,
              input.planId as string,
              input.instrumentId ?? null,
              input.kpiKey,
            );
      requireAccess(actor, 'kpi.update', policyScope);
      checkKpiValue(kpi, input.value, 'target');
      const targets = new KpiTargetRepository(trx);
      const existing = await targets.findInScope(actor.workspaceId, scope, kpi.kpiKey);
      if (existing) {
        throw new ConflictError(
          `"${kpi.label}" already has a target here (${toApiNumber(kpi.kind, existing.value)}, id ${existing.id}): edit that one instead.`,
          existing.version,
        );
      }
      const row = await targets.create(actor.workspaceId, scope, {
        kpi_key: kpi.kpiKey,
        value: toStoredNumber(kpi.kind, input.value),
        created_by: actor.userId,
      });
      await audit(trx, actor, 'create', row.id, {
        activity_id: [null, row.activity_id],
        plan_id: [null, row.plan_id],
        instrument_id: [null, row.instrument_id],
        kpi_key: [null, row.kpi_key],
        value: [null, row.value],
      });
      return presentTarget(row, kpi);
    });
  }

  async update(actor: Actor, id: string, input: UpdateKpiTargetInput): Promise<KpiTargetDto> {
    return writeTransaction(this.db, async (trx) => {
      const { row, scope, kpi } = await resolveTarget(trx, actor, id);
      requireAccess(actor, 'kpi.update', scope);
      if (!kpi) {
        throw new ConflictError(
          `The activity's instrument no longer has the KPI "${row.kpi_key}": delete this target instead.`,
          row.version,
        );
      }
      checkKpiValue(kpi, input.value, 'target');
      const value = toStoredNumber(kpi.kind, input.value);
      const updated = await new KpiTargetRepository(trx).update(actor.workspaceId, id, input.version, value);
      if (!updated) throw staleVersion(id, input.version, row.version);
      if (value !== row.value) await audit(trx, actor, 'update', id, { value: [row.value, value] });
      return presentTarget(updated, kpi);
    });
  }

  /** `version`: when sent, a stale one is refused (409). */
  async delete(actor: Actor, id: string, version: number | undefined): Promise<void> {
    await writeTransaction(this.db, async (trx) => {
      const { row, scope } = await resolveTarget(trx, actor, id);
      requireAccess(actor, 'kpi.update', scope);
      if (!(await new KpiTargetRepository(trx).delete(actor.workspaceId, id, version))) {
        if (version === undefined) throw new NotFoundError('KPI target', id);
        throw staleVersion(id, version, row.version);
      }
      await audit(trx, actor, 'delete', id, {
        activity_id: [row.activity_id, null],
        plan_id: [row.plan_id, null],
        instrument_id: [row.instrument_id, null],
        kpi_key: [row.kpi_key, null],
        value: [row.value, null],
      });
    });
  }

  /** An activity target: the KPI must be one the activity tracks. */
  private async activityTarget(db: Kysely<DB>, actor: Actor, activityId: string, kpiKey: string) {
    const { activity, kpis } = await loadActivityKpis(db, actor, activityId, 'body.activityId');
    return {
      scope: { activityId } satisfies KpiTargetScope,
      policyScope: clusterScope(activity.cluster_id),
      kpi: trackedKpi(kpis, kpiKey),
    };
  }

  /**
   * A plan target: on an instrument of the plan, one of that instrument's KPIs; without an
   * instrument, a Hub-wide KPI.
   */
  private async planTarget(
    db: Kysely<DB>,
    actor: Actor,
    planId: string,
    instrumentId: string | null,
    kpiKey: string,
  ) {
    const plan = await loadPlan(db, actor, planId, 'body.planId');
    const scope: KpiTargetScope = { planId, instrumentId };
    const policyScope = clusterScope(plan.market_owner_cluster_id);
    if (instrumentId === null) {
      const kpi = trackedKpis(null).find((k) => k.kpiKey === kpiKey);
      if (!kpi) {
        const hub = trackedKpis(null).map((k) => k.kpiKey);
        throw new InvalidInputError(`"${kpiKey}" is not a Hub-wide KPI`, [
          {
            field: 'body.kpiKey',
            message: `is not a Hub-wide KPI (${hub.join(', ')}): send the instrumentId of the plan's instrument it belongs to`,
          },
        ]);
      }
      return { scope, policyScope, kpi };
    }
    const chosen = await new PlanRepository(db).instrumentsOf(planId);
    if (!chosen.some((instrument) => instrument.instrument_id === instrumentId)) {
      const keys = chosen.map((instrument) => instrument.key).join(', ') || 'none yet';
      throw new InvalidInputError('The instrument is not one of the plan’s', [
        {
          field: 'body.instrumentId',
          message: `is not an instrument of this plan (its instruments: ${keys})`,
        },
      ]);
    }
    const instrument = (await new InstrumentKpiRepository(db).byIds([instrumentId])).get(instrumentId);
    const own = trackedKpis(instrument ?? null).filter((k) => k.instrumentId !== null);
    const kpi = own.find((k) => k.kpiKey === kpiKey);
    if (!kpi) {
      throw new InvalidInputError(`The instrument has no KPI "${kpiKey}"`, [
        {
          field: 'body.kpiKey',
          message: `is not a KPI of ${instrument?.name ?? 'the instrument'} (its KPIs: ${own.map((k) => k.kpiKey).join(', ')})`,
        },
      ]);
    }
    return { scope, policyScope, kpi };
  }
}

/** A plan of the actor's workspace (with its market's owner), or 404 naming `field`. */
async function loadPlan(db: Kysely<DB>, actor: Actor, planId: string, field?: string) {
  const plan = await new PlanRepository(db).find(actor.workspaceId, planId);
  if (!plan) throw new NotFoundError('plan', planId, field);
  return plan;
}

/** A target of the workspace (404 otherwise) with its policy scope and KPI. */
async function resolveTarget(db: Kysely<DB>, actor: Actor, id: string): Promise<ResolvedTarget> {
  const row = await new KpiTargetRepository(db).find(actor.workspaceId, id);
  if (!row) throw new NotFoundError('KPI target', id);
  if (row.activity_id !== null) {
    const { activity, kpis } = await loadActivityKpis(db, actor, row.activity_id);
    return { row, scope: clusterScope(activity.cluster_id), kpi: kpis.find((k) => k.kpiKey === row.kpi_key) };
  }
  const plan = await loadPlan(db, actor, row.plan_id as string);
  const instruments = await new InstrumentKpiRepository(db).byIds(
    row.instrument_id ? [row.instrument_id] : [],
  );
  return {
    row,
    scope: clusterScope(plan.market_owner_cluster_id),
    kpi: planKpi(instruments, row.instrument_id, row.kpi_key),
  };
}

/** The KPI a plan target is about: a Hub-wide one, or one of its instrument's. */
function planKpi(
  instruments: Awaited<ReturnType<InstrumentKpiRepository['byIds']>>,
  instrumentId: string | null,
  kpiKey: string,
): TrackedKpi | undefined {
  if (instrumentId === null) return trackedKpis(null).find((k) => k.kpiKey === kpiKey);
  return trackedKpis(instruments.get(instrumentId) ?? null).find(
    (k) => k.instrumentId === instrumentId && k.kpiKey === kpiKey,
  );
}

/** The targets whose KPI is still tracked and which the actor may see. */
function present(
  actor: Actor,
  targets: { row: KpiTargetRow; kpi: TrackedKpi | undefined }[],
): KpiTargetDto[] {
  return targets.flatMap(({ row, kpi }) => (kpi && mayReadKpi(actor, kpi) ? [presentTarget(row, kpi)] : []));
}

export function presentTarget(row: KpiTargetRow, kpi: TrackedKpi): KpiTargetDto {
  return {
    id: row.id,
    activityId: row.activity_id,
    planId: row.plan_id,
    instrumentId: kpi.instrumentId,
    kpiKey: row.kpi_key,
    kind: kpi.kind,
    value: toApiNumber(kpi.kind, row.value),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const audit = kpiAudit('kpi_target');
const staleVersion = kpiStaleVersion('KPI target');
