import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, requireAccess } from '../../domain/access/policy.ts';
import { HUB_KPIS } from '../../domain/kpi/hub-kpis.ts';
import { cursorPosition, pageOf, parseSort } from '../../http/list-params.ts';
import { historyNames } from './references.ts';
import { AuditRepository, type NamedTable } from './repository.ts';
import type { AuditActorsDto, AuditListDto, ListAuditQuery } from './schema.ts';

/** The table holding each entity type's records (the log's entity id is that table's id). */
const ENTITY_TABLES: Record<string, NamedTable> = {
  cluster: 'cluster',
  organisation: 'organisation',
  person: 'person',
  network_organisation: 'network_organisation',
  network_person: 'network_person',
  membership: 'app_user',
  invitation: 'invitation',
  market: 'target_market',
  plan: 'plan',
  activity: 'activity',
  activity_participant: 'activity_participant',
  cost_line: 'cost_line',
  kpi_target: 'kpi_target',
  kpi_entry: 'kpi_entry',
  travel_rate: 'travel_rate',
  job: 'job',
  interaction: 'interaction',
  project: 'project',
  project_partner: 'project_partner',
  relationship: 'relationship',
};

const KPI_ENTITIES = new Set(['kpi_target', 'kpi_entry']);

type AuditRow = Awaited<ReturnType<AuditRepository['list']>>[number];
type Kpi = { key: string; label: string; kind: string };

/**
 * Reading the audit log: coordinators only, a page at a time, newest first or sorted by who, record
 * type or action, filtered by who, what kind of record, which action and when, with the total.
 * Each entry carries what a person needs to read it: the author's name, the record's name today
 * (when it still exists), the KPI of a target or value, and the names of the records its changes
 * refer to by id.
 */
export class AuditService {
  constructor(private readonly db: Kysely<DB>) {}

  async list(actor: Actor, query: ListAuditQuery): Promise<AuditListDto> {
    requireAccess(actor, 'audit.read');
    const { limit, cursor, sort, ...filters } = query;
    const after = cursorPosition(cursor, sort);
    const repository = new AuditRepository(this.db);
    const [rows, total] = await Promise.all([
      repository.list(actor.workspaceId, { ...filters, limit: limit + 1, sort: parseSort(sort), after }),
      repository.count(actor.workspaceId, filters),
    ]);
    const shown = pageOf(rows, limit, sort);
    const page = shown.rows.map((row) => ({ row, changes: parseChanges(row.changes) }));

    const { names, references } = await historyNames(
      this.db,
      actor.workspaceId,
      page.map(({ row, changes }) => ({
        entityTable: ENTITY_TABLES[row.entity_type],
        entityId: row.entity_id,
        changes,
      })),
    );
    const kpis = await this.kpisOf(repository, actor.workspaceId, page);

    const items = page.map(({ row, changes }) => {
      const kpi = kpis.get(row.id) ?? null;
      return {
        id: row.id,
        at: row.created_at,
        actor: row.actor_email,
        actorId: row.actor_user_id,
        actorName: row.actor_name,
        action: row.action as 'create' | 'update' | 'delete',
        entityType: row.entity_type,
        entityId: row.entity_id,
        entityName: entityName(row, names, kpi),
        kpi,
        changes,
      };
    });
    return {
      items,
      nextCursor: shown.nextCursor,
      total,
      references,
    };
  }

  /** Who may be picked in the log's "who" filter: everyone who changed something here. */
  async actors(actor: Actor): Promise<AuditActorsDto> {
    requireAccess(actor, 'audit.read');
    return { items: await new AuditRepository(this.db).actors(actor.workspaceId) };
  }

  /** The KPI of each target or value of the page: named in its changes, or read from the record. */
  private async kpisOf(
    repository: AuditRepository,
    workspaceId: string,
    page: { row: AuditRow; changes: Changes }[],
  ): Promise<Map<string, Kpi>> {
    const kpiRows = page.filter(({ row }) => KPI_ENTITIES.has(row.entity_type));
    if (kpiRows.length === 0) return new Map();
    const named = (changes: Changes) => {
      const [before, after] = changes.kpi_key ?? [];
      return typeof after === 'string' ? after : typeof before === 'string' ? before : undefined;
    };
    const unnamed = kpiRows.filter(({ changes }) => named(changes) === undefined);
    const stored = await repository.kpiKeysOf(workspaceId, {
      targets: unnamed.filter(({ row }) => row.entity_type === 'kpi_target').map(({ row }) => row.entity_id),
      entries: unnamed.filter(({ row }) => row.entity_type === 'kpi_entry').map(({ row }) => row.entity_id),
    });
    const keyOf = new Map(
      kpiRows.flatMap(({ row, changes }) => {
        const key = named(changes) ?? stored.get(row.entity_id);
        return key ? [[row.id, key] as const] : [];
      }),
    );
    const definitions = new Map<string, Kpi>();
    for (const kpi of HUB_KPIS) definitions.set(kpi.key, { key: kpi.key, label: kpi.label, kind: kpi.kind });
    const missing = [...new Set(keyOf.values())].filter((key) => !definitions.has(key));
    for (const kpi of await repository.instrumentKpis(missing)) {
      if (!definitions.has(kpi.key))
        definitions.set(kpi.key, { key: kpi.key, label: kpi.label, kind: kpi.kind });
    }
    const result = new Map<string, Kpi>();
    for (const [eventId, key] of keyOf) {
      result.set(eventId, definitions.get(key) ?? { key, label: key, kind: 'count' });
    }
    return result;
  }
}

type Changes = Record<string, [unknown, unknown]>;

function parseChanges(text: string): Changes {
  const parsed: unknown = JSON.parse(text);
  return parsed && typeof parsed === 'object' ? (parsed as Changes) : {};
}

/** The record's name as a person reads it, or null when it is gone (or has none). */
function entityName(row: AuditRow, names: Map<string, string>, kpi: Kpi | null): string | null {
  const name = names.get(row.entity_id);
  if (name === undefined) return null;
  if (row.entity_type === 'job') return reportName(name);
  if (KPI_ENTITIES.has(row.entity_type) && kpi) return `${kpi.label} · ${name}`;
  return name;
}

/** A report job's parameters as "Funder report 2026-01-01 – 2026-12-31 (PDF)". */
function reportName(params: string): string {
  try {
    const { from, to, format } = JSON.parse(params) as Record<string, unknown>;
    if (typeof from === 'string' && typeof to === 'string') {
      return `${from} – ${to}${typeof format === 'string' ? ` (${format.toUpperCase()})` : ''}`;
    }
  } catch {
    // Not a report's parameters: no name.
  }
  return 'Background job';
}
