import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, requireAccess } from '../../domain/access/policy.ts';
import {
  type CustomKpiDefinition,
  diffInstrument,
  parseBudgetItems,
  validateKpis,
} from '../../domain/catalogue/custom-instrument.ts';
import { DERIVED_KPI_RULES } from '../../domain/catalogue/types.ts';
import { ConflictError, type FieldError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { AuditRepository } from '../audit/repository.ts';
import { presentInstrument, presentWorkspaceInstrument } from './presenter.ts';
import { type CustomInstrumentValues, InstrumentRepository, type StoredInstrument } from './repository.ts';
import type {
  CreateInstrumentInput,
  InstrumentDiffDto,
  UpdateInstrumentInput,
  WorkspaceInstrumentDto,
} from './schema.ts';

/**
 * A workspace's instruments (issue 20, item 2; decision 0022): the D4.2 catalogue beside the
 * workspace's own, which its coordinators and cluster managers create, copy from D4.2, edit and
 * delete. Every method checks access first; another workspace's instrument is not found (404).
 */
export class WorkspaceInstrumentService {
  constructor(private readonly db: Kysely<DB>) {}

  async list(actor: Actor) {
    requireAccess(actor, 'workspace.read');
    const rows = await new InstrumentRepository(this.db).listForWorkspace(actor.workspaceId);
    return {
      items: rows.map(presentWorkspaceInstrument),
      kpiRules: Object.entries(DERIVED_KPI_RULES).map(([key, rule]) => ({
        key,
        kind: rule.kind,
        label: rule.label,
      })),
    };
  }

  async get(actor: Actor, idKeyOrCode: string): Promise<WorkspaceInstrumentDto> {
    requireAccess(actor, 'workspace.read');
    return presentWorkspaceInstrument(
      await loadInstrument(new InstrumentRepository(this.db), actor.workspaceId, idKeyOrCode),
    );
  }

  /** What a custom instrument changes of its D4.2 original, field by field. */
  async diff(actor: Actor, idKeyOrCode: string): Promise<InstrumentDiffDto> {
    requireAccess(actor, 'workspace.read');
    const instruments = new InstrumentRepository(this.db);
    const instrument = await loadInstrument(instruments, actor.workspaceId, idKeyOrCode);
    const basedOn = instrument.origin === 'd4.2' ? instrument.key : instrument.basedOn;
    const reference = basedOn ? await instruments.findGlobal(basedOn) : undefined;
    if (!reference) return { basedOn: null, reference: null, differences: [] };
    return {
      basedOn,
      reference: presentInstrument(reference),
      differences: diffInstrument(reference, instrument).map((d) =>
        d.area === 'field'
          ? {
              area: d.area,
              field: d.field,
              change: 'changed' as const,
              reference: d.reference,
              custom: d.custom,
            }
          : d.area === 'budgetItem'
            ? { area: d.area, index: d.index, change: d.change, reference: d.reference, custom: d.custom }
            : { area: d.area, key: d.key, change: d.change, reference: d.reference, custom: d.custom },
      ),
    };
  }

  async create(actor: Actor, input: CreateInstrumentInput): Promise<WorkspaceInstrumentDto> {
    requireAccess(actor, 'instrument.manage');
    const values = checkedValues(input);
    return writeTransaction(this.db, async (trx) => {
      const instruments = new InstrumentRepository(trx);
      await ensureKeyFree(instruments, actor.workspaceId, input.key, 'body.key');
      const id = await instruments.insertCustom(actor.workspaceId, values, null);
      return this.created(trx, actor, id);
    });
  }

  /** A copy of a D4.2 instrument, to adapt: the same texts, budget items and KPIs (with their rules). */
  async copy(
    actor: Actor,
    keyOrCode: string,
    input: { key?: string | undefined; name?: string | undefined },
  ): Promise<WorkspaceInstrumentDto> {
    requireAccess(actor, 'instrument.manage');
    return writeTransaction(this.db, async (trx) => {
      const instruments = new InstrumentRepository(trx);
      const original = await loadInstrument(instruments, actor.workspaceId, keyOrCode);
      if (original.origin !== 'd4.2') {
        throw new InvalidInputError('Only an instrument of D4.2 can be copied to adapt', [
          { field: 'params.key', message: 'is a custom instrument: edit it, or copy its D4.2 original' },
        ]);
      }
      let key = input.key;
      if (key === undefined) {
        key = `${original.key}-adapted`;
        for (let n = 2; await instruments.keyTaken(actor.workspaceId, key); n += 1) {
          key = `${original.key}-adapted-${n}`;
        }
      } else {
        await ensureKeyFree(instruments, actor.workspaceId, key, 'body.key');
      }
      const values: CustomInstrumentValues = {
        key,
        phase: original.phase,
        name: input.name ?? `${original.name} (adapted)`,
        description: original.description,
        benefits: original.benefits,
        businessModel: original.businessModel,
        fundingSources: original.fundingSources,
        budget: { text: original.budget.text, items: original.budget.items },
        kpis: original.kpis,
      };
      const id = await instruments.insertCustom(actor.workspaceId, values, original.key);
      return this.created(trx, actor, id);
    });
  }

  private async created(db: Kysely<DB>, actor: Actor, id: string): Promise<WorkspaceInstrumentDto> {
    const stored = await loadInstrument(new InstrumentRepository(db), actor.workspaceId, id);
    await new AuditRepository(db).record({
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'create',
      entityType: 'instrument',
      entityId: id,
      changes: Object.fromEntries(Object.entries(auditValues(stored)).map(([k, v]) => [k, [null, v]])),
    });
    return presentWorkspaceInstrument(stored);
  }

  /** Removes a custom instrument no activity, plan or KPI target uses; one in use is refused (409). */
  async delete(actor: Actor, idOrKey: string, version: number): Promise<void> {
    requireAccess(actor, 'instrument.manage');
    await writeTransaction(this.db, async (trx) => {
      const instruments = new InstrumentRepository(trx);
      const current = await loadCustom(instruments, actor.workspaceId, idOrKey);
      if (current.version !== version) throw staleVersion(current, version);
      const usage = await instruments.usage(actor.workspaceId, current.id);
      const uses = [
        ...(usage.activities > 0
          ? [`${usage.activities} activit${usage.activities === 1 ? 'y' : 'ies'}`]
          : []),
        ...(usage.plans > 0 ? [`${usage.plans} plan${usage.plans === 1 ? '' : 's'}`] : []),
        ...(usage.kpiTargets > 0
          ? [`${usage.kpiTargets} KPI target${usage.kpiTargets === 1 ? '' : 's'}`]
          : []),
      ];
      if (uses.length > 0) {
        throw new ConflictError(
          `The instrument "${current.name}" is used by ${uses.join(', ')}: it cannot be deleted while they use it. Move them to another instrument or delete them first.`,
        );
      }
      if (!(await instruments.deleteCustom(actor.workspaceId, current.id, version))) {
        throw staleVersion(current, version);
      }
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'delete',
        entityType: 'instrument',
        entityId: current.id,
        changes: Object.fromEntries(Object.entries(auditValues(current)).map(([k, v]) => [k, [v, null]])),
      });
    });
  }
}

/**
 * Edits a custom instrument in the caller's transaction (the command
 * `src/commands/update-instrument.ts` then refreshes its activities' KPI values). A KPI that holds
 * entries or targets may not be removed or change kind (409).
 *
 * @returns the instrument as now stored, whether its KPIs changed, and its activities' ids.
 */
export async function updateCustomInstrument(
  db: Kysely<DB>,
  actor: Actor,
  idOrKey: string,
  input: UpdateInstrumentInput,
): Promise<{ instrument: WorkspaceInstrumentDto; kpisChanged: boolean; activityIds: string[] }> {
  requireAccess(actor, 'instrument.manage');
  const instruments = new InstrumentRepository(db);
  const current = await loadCustom(instruments, actor.workspaceId, idOrKey);
  const values = checkedValues({
    key: current.key,
    name: input.name ?? current.name,
    phase: input.phase ?? current.phase,
    description: input.description ?? current.description,
    benefits: input.benefits ?? current.benefits,
    businessModel: input.businessModel ?? current.businessModel,
    fundingSources: input.fundingSources ?? current.fundingSources,
    budgetText: input.budgetText ?? current.budget.text,
    budgetItems: input.budgetItems ?? current.budget.items,
    kpis: input.kpis ?? current.kpis,
  });
  const kpisChanged = JSON.stringify(values.kpis) !== JSON.stringify(current.kpis);
  if (kpisChanged) {
    const inUse = await instruments.kpiKeysInUse(actor.workspaceId, current.id);
    const after = new Map(values.kpis.map((k) => [k.key, k]));
    const blocked = current.kpis.filter(
      (k) => inUse.has(k.key) && (!after.has(k.key) || after.get(k.key)?.kind !== k.kind),
    );
    if (blocked.length > 0) {
      throw new ConflictError(
        `The KPI${blocked.length === 1 ? '' : 's'} ${blocked.map((k) => `"${k.label}" (${k.key})`).join(', ')} of "${current.name}" hold${blocked.length === 1 ? 's' : ''} entries or targets: keep ${blocked.length === 1 ? 'it' : 'them'}, with the same kind.`,
      );
    }
  }
  const before = auditValues(current);
  if (!(await instruments.updateCustom(actor.workspaceId, current.id, input.version, values))) {
    throw staleVersion(current, input.version);
  }
  const stored = await loadCustom(instruments, actor.workspaceId, current.id);
  const after = auditValues(stored);
  const changes = Object.fromEntries(
    Object.entries(after)
      .filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k]))
      .map(([k, v]): [string, [unknown, unknown]] => [k, [before[k], v]]),
  );
  if (Object.keys(changes).length > 0) {
    await new AuditRepository(db).record({
      workspaceId: actor.workspaceId,
      actorUserId: actor.userId,
      action: 'update',
      entityType: 'instrument',
      entityId: current.id,
      changes,
    });
  }
  return {
    instrument: presentWorkspaceInstrument(stored),
    kpisChanged,
    activityIds: kpisChanged ? await instruments.activityIds(actor.workspaceId, current.id) : [],
  };
}

/** An instrument the workspace sees (D4.2 or its own), or 404 (also for another workspace's). */
async function loadInstrument(
  instruments: InstrumentRepository,
  workspaceId: string,
  idKeyOrCode: string,
): Promise<StoredInstrument> {
  const found = await instruments.findInWorkspace(workspaceId, idKeyOrCode);
  if (!found) throw new NotFoundError('instrument', idKeyOrCode);
  return found;
}

/** One of the workspace's own instruments; a D4.2 one cannot be changed (it is the reference). */
async function loadCustom(
  instruments: InstrumentRepository,
  workspaceId: string,
  idOrKey: string,
): Promise<StoredInstrument> {
  const found = await loadInstrument(instruments, workspaceId, idOrKey);
  if (found.origin !== 'custom') {
    throw new ConflictError(
      `"${found.name}" is an instrument of D4.2, the reference every workspace shares: copy it to adapt it.`,
    );
  }
  return found;
}

async function ensureKeyFree(
  instruments: InstrumentRepository,
  workspaceId: string,
  key: string,
  field: string,
): Promise<void> {
  if (await instruments.keyTaken(workspaceId, key)) {
    throw new InvalidInputError(`The key "${key}" is taken`, [
      { field, message: 'is already the key of a D4.2 instrument or of one of this workspace' },
    ]);
  }
}

/**
 * The values to store, checked by the domain: the budget items by the engine's parser (each
 * problem named `body.budgetItems.<i>.<field>`), the KPIs' keys, kinds and rules.
 */
function checkedValues(input: {
  key: string;
  name: string;
  phase: CustomInstrumentValues['phase'];
  description: string;
  benefits: string[];
  businessModel: string;
  fundingSources: CustomInstrumentValues['fundingSources'];
  budgetText: string;
  budgetItems: unknown[];
  kpis: readonly {
    key: string;
    label: string;
    kind: CustomKpiDefinition['kind'];
    unit: string | null;
    rule: string | null;
  }[];
}): CustomInstrumentValues {
  const parsed = parseBudgetItems(input.budgetItems, 'body.budgetItems');
  const kpis: CustomKpiDefinition[] = input.kpis.map((k) => ({
    key: k.key,
    label: k.label,
    kind: k.kind,
    unit: k.unit,
    rule: k.rule,
  }));
  const errors: FieldError[] = [...parsed.errors, ...validateKpis(kpis, 'body.kpis')];
  if (errors.length > 0) {
    throw new InvalidInputError(`Invalid ${[...new Set(errors.map((e) => e.field))].join(', ')}`, errors);
  }
  return {
    key: input.key,
    name: input.name,
    phase: input.phase,
    description: input.description,
    benefits: input.benefits,
    businessModel: input.businessModel,
    fundingSources: input.fundingSources,
    budget: { text: input.budgetText, items: parsed.items },
    kpis,
  };
}

function auditValues(instrument: StoredInstrument): Record<string, unknown> {
  return {
    key: instrument.key,
    code: instrument.code,
    based_on_key: instrument.basedOn,
    name: instrument.name,
    phase: instrument.phase,
    description: instrument.description,
    benefits: instrument.benefits,
    business_model: instrument.businessModel,
    funding_sources: instrument.fundingSources,
    budget_text: instrument.budget.text,
    budget_items: instrument.budget.items,
    kpis: instrument.kpis,
  };
}

function staleVersion(current: StoredInstrument, sent: number): ConflictError {
  return new ConflictError(
    `The instrument "${current.name}" was changed by someone else (version ${current.version}, you sent ${sent}): reload it and edit again.`,
    current.version,
  );
}
