import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, clusterScope, requireAccess } from '../../domain/access/policy.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { diff } from '../audit/repository.ts';
import { loadActivityKpis, trackedKpi } from './activity-kpi-scope.ts';
import type { TrackedKpi } from './definitions.ts';
import { presentEntry, storedEntryValue } from './entries-presenter.ts';
import { KpiEntryRepository, type KpiEntryValues, type KpiEntryWithAuthor } from './entries-repository.ts';
import type { CreateKpiEntryInput, KpiEntryDto, UpdateKpiEntryInput } from './entries-schema.ts';
import { kpiAudit, kpiStaleVersion } from './kpi-audit.ts';
import { checkKpiValue } from './kpi-value-check.ts';

/**
 * Use cases of hand-entered KPI values, for the KPIs no rule derives. Writing needs `kpi.update`
 * in the scope of the activity's responsible cluster; the author is whoever enters the value.
 */
export class KpiEntryService {
  constructor(private readonly db: Kysely<DB>) {}

  async create(actor: Actor, input: CreateKpiEntryInput): Promise<KpiEntryDto> {
    return writeTransaction(this.db, async (trx) => {
      const { activity, kpis } = await loadActivityKpis(trx, actor, input.activityId, 'body.activityId');
      requireAccess(actor, 'kpi.update', clusterScope(activity.cluster_id));
      const kpi = enteredKpi(trackedKpi(kpis, input.kpiKey));
      checkKpiValue(kpi, input.value, 'entry');
      const values: KpiEntryValues = {
        kpi_key: kpi.kpiKey,
        ...storedEntryValue(kpi.kind, input.value),
        recorded_on: input.recordedOn,
        comment: input.comment,
      };
      const entries = new KpiEntryRepository(trx);
      const id = await entries.create(actor.workspaceId, activity.id, actor.userId, values);
      await audit(trx, actor, 'create', id, diff({}, { activity_id: activity.id, ...values }));
      return presentEntry(await found(entries, actor, id), kpi.kind);
    });
  }

  async update(actor: Actor, id: string, input: UpdateKpiEntryInput): Promise<KpiEntryDto> {
    return writeTransaction(this.db, async (trx) => {
      const entries = new KpiEntryRepository(trx);
      const { current, kpi } = await this.load(trx, entries, actor, id);
      if (!kpi) {
        throw new ConflictError(
          `The activity's instrument no longer has the KPI "${current.kpi_key}" (or a rule now computes it): delete this entry instead.`,
          current.version,
        );
      }
      const values: Partial<KpiEntryValues> = {};
      if (input.value !== undefined) {
        checkKpiValue(kpi, input.value, 'entry');
        Object.assign(values, storedEntryValue(kpi.kind, input.value));
      }
      if (input.recordedOn !== undefined) values.recorded_on = input.recordedOn;
      if (input.comment !== undefined) values.comment = input.comment;
      if (!(await entries.update(actor.workspaceId, id, input.version, values))) {
        throw staleVersion(id, input.version, current.version);
      }
      const changes = diff(current, values);
      if (Object.keys(changes).length > 0) await audit(trx, actor, 'update', id, changes);
      return presentEntry(await found(entries, actor, id), kpi.kind);
    });
  }

  /** `version`: when sent, a stale one is refused (409). */
  async delete(actor: Actor, id: string, version: number | undefined): Promise<void> {
    await writeTransaction(this.db, async (trx) => {
      const entries = new KpiEntryRepository(trx);
      const { current } = await this.load(trx, entries, actor, id);
      if (!(await entries.delete(actor.workspaceId, id, version))) {
        if (version === undefined) throw new NotFoundError('KPI entry', id);
        throw staleVersion(id, version, current.version);
      }
      await audit(trx, actor, 'delete', id, {
        activity_id: [current.activity_id, null],
        kpi_key: [current.kpi_key, null],
        value_number: [current.value_number, null],
        value_text: [current.value_text, null],
        recorded_on: [current.recorded_on, null],
        comment: [current.comment, null],
      });
    });
  }

  /**
   * An entry of the workspace (404 otherwise) that the actor may change, with its KPI (undefined
   * when the activity no longer tracks it by hand).
   */
  private async load(db: Kysely<DB>, entries: KpiEntryRepository, actor: Actor, id: string) {
    const current = await entries.find(actor.workspaceId, id);
    if (!current) throw new NotFoundError('KPI entry', id);
    const { activity, kpis } = await loadActivityKpis(db, actor, current.activity_id);
    requireAccess(actor, 'kpi.update', clusterScope(activity.cluster_id));
    const kpi = kpis.find((k) => k.kpiKey === current.kpi_key && k.source === 'entered');
    return { current, kpi };
  }
}

/** @throws InvalidInputError naming `body.kpiKey` for a KPI a rule computes from records. */
function enteredKpi(kpi: TrackedKpi): TrackedKpi {
  if (kpi.source === 'entered') return kpi;
  throw new InvalidInputError(`"${kpi.label}" is computed from records: it cannot be entered by hand`, [
    {
      field: 'body.kpiKey',
      message: `is computed from records (${kpi.ruleDescription ?? kpi.rule}); record the evidence instead`,
    },
  ]);
}

async function found(entries: KpiEntryRepository, actor: Actor, id: string): Promise<KpiEntryWithAuthor> {
  const row = await entries.find(actor.workspaceId, id);
  if (!row) throw new Error(`the KPI entry ${id} just written is missing`);
  return row;
}

const audit = kpiAudit('kpi_entry');
const staleVersion = kpiStaleVersion('KPI entry');
