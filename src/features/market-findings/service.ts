import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, can, clusterScope, requireAccess } from '../../domain/access/policy.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { cursorPosition, pageOf } from '../../http/list-params.ts';
import { AuditRepository, diff } from '../audit/repository.ts';
import { MarketRepository } from '../markets/repository.ts';
import { loadMarket } from '../markets/service.ts';
import {
  type MarketFindingListRow,
  MarketFindingRepository,
  type MarketFindingValues,
} from './repository.ts';
import type {
  CreateFindingInput,
  ListFindingsQuery,
  MarketFindingDto,
  MarketFindingListDto,
  UpdateFindingInput,
} from './schema.ts';

/** The one order of the list (newest first), as its cursor names it. */
const SORT = '-createdAt';

/**
 * Use cases of a market's findings (issue 23 item 5, decision 0045). A finding is part of the
 * market's dossier: whoever reads the market reads its findings (`market.read`), whoever may edit
 * the market (`market.update` in its owner cluster's scope) writes them. Another workspace's market
 * or finding is "not found". Every write is audited as `market_finding`.
 */
export class MarketFindingService {
  constructor(private readonly db: Kysely<DB>) {}

  async list(actor: Actor, marketId: string, query: ListFindingsQuery): Promise<MarketFindingListDto> {
    requireAccess(actor, 'market.read');
    const market = await loadMarket(new MarketRepository(this.db), actor.workspaceId, marketId);
    const findings = new MarketFindingRepository(this.db);
    const after = cursorPosition(query.cursor, SORT);
    const mayReadSurveys = can(actor, 'survey.read');
    const [rows, total, waves] = await Promise.all([
      findings.list(actor.workspaceId, marketId, {
        limit: query.limit + 1,
        ...(query.waveId ? { waveId: query.waveId } : {}),
        ...(after ? { after } : {}),
      }),
      findings.count(actor.workspaceId, marketId, query.waveId),
      mayReadSurveys ? findings.wavesOfMarket(actor.workspaceId, marketId) : Promise.resolve([]),
    ]);
    const page = pageOf(rows, query.limit, SORT);
    return {
      items: page.rows.map(presentFinding),
      nextCursor: page.nextCursor,
      total,
      canEdit: can(actor, 'market.update', clusterScope(market.owner_cluster_id)),
      waves: waves.map((wave) => ({ id: wave.id, name: wave.name, status: wave.status })),
    };
  }

  async get(actor: Actor, marketId: string, id: string): Promise<MarketFindingDto> {
    requireAccess(actor, 'market.read');
    await loadMarket(new MarketRepository(this.db), actor.workspaceId, marketId);
    return presentFinding(await loadFinding(new MarketFindingRepository(this.db), actor, marketId, id));
  }

  async create(actor: Actor, marketId: string, input: CreateFindingInput): Promise<MarketFindingDto> {
    requireAccess(actor, 'market.read');
    return writeTransaction(this.db, async (trx) => {
      const market = await loadMarket(new MarketRepository(trx), actor.workspaceId, marketId);
      requireAccess(actor, 'market.update', clusterScope(market.owner_cluster_id));
      const findings = new MarketFindingRepository(trx);
      await checkWave(findings, actor.workspaceId, marketId, input.waveId);
      const values: MarketFindingValues = { title: input.title, body: input.body, wave_id: input.waveId };
      const id = await findings.create(actor.workspaceId, marketId, values, actor.userId);
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'create',
        entityType: 'market_finding',
        entityId: id,
        changes: diff({}, { market_id: marketId, ...values }),
      });
      return presentFinding(await loadFinding(findings, actor, marketId, id));
    });
  }

  async update(
    actor: Actor,
    marketId: string,
    id: string,
    input: UpdateFindingInput,
  ): Promise<MarketFindingDto> {
    requireAccess(actor, 'market.read');
    return writeTransaction(this.db, async (trx) => {
      const market = await loadMarket(new MarketRepository(trx), actor.workspaceId, marketId);
      requireAccess(actor, 'market.update', clusterScope(market.owner_cluster_id));
      const findings = new MarketFindingRepository(trx);
      const current = await loadFinding(findings, actor, marketId, id);
      const values: Partial<MarketFindingValues> = {};
      if (input.title !== undefined) values.title = input.title;
      if (input.body !== undefined) values.body = input.body;
      if (input.waveId !== undefined) {
        await checkWave(findings, actor.workspaceId, marketId, input.waveId);
        values.wave_id = input.waveId;
      }
      const changes = diff(current, values);
      if (!(await findings.update(actor.workspaceId, id, input.version, values))) {
        throw staleVersion(id, input.version, current.version);
      }
      if (Object.keys(changes).length > 0) {
        await new AuditRepository(trx).record({
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: 'update',
          entityType: 'market_finding',
          entityId: id,
          changes,
        });
      }
      return presentFinding(await loadFinding(findings, actor, marketId, id));
    });
  }

  async delete(actor: Actor, marketId: string, id: string, version: number): Promise<void> {
    requireAccess(actor, 'market.read');
    await writeTransaction(this.db, async (trx) => {
      const market = await loadMarket(new MarketRepository(trx), actor.workspaceId, marketId);
      requireAccess(actor, 'market.update', clusterScope(market.owner_cluster_id));
      const findings = new MarketFindingRepository(trx);
      const current = await loadFinding(findings, actor, marketId, id);
      if (!(await findings.delete(actor.workspaceId, id, version))) {
        throw staleVersion(id, version, current.version);
      }
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'delete',
        entityType: 'market_finding',
        entityId: id,
        changes: {
          market_id: [current.market_id, null],
          wave_id: [current.wave_id, null],
          title: [current.title, null],
          body: [current.body, null],
        },
      });
    });
  }
}

async function loadFinding(
  findings: MarketFindingRepository,
  actor: Actor,
  marketId: string,
  id: string,
): Promise<MarketFindingListRow> {
  const row = await findings.find(actor.workspaceId, marketId, id);
  if (!row) throw new NotFoundError('market finding', id);
  return row;
}

/**
 * A finding's wave: one of the workspace's (404 naming `body.waveId` otherwise), of a market
 * questionnaire, and a survey of this market or of none (400 naming the field).
 */
async function checkWave(
  findings: MarketFindingRepository,
  workspaceId: string,
  marketId: string,
  waveId: string | null,
): Promise<void> {
  if (waveId === null) return;
  const wave = await findings.findWave(workspaceId, waveId);
  if (!wave) throw new NotFoundError('survey wave', waveId, 'body.waveId');
  if (wave.kind !== 'market') {
    throw new InvalidInputError('A finding comes from a market survey', [
      { field: 'body.waveId', message: 'is not a wave of a market questionnaire' },
    ]);
  }
  if (wave.market_id !== null && wave.market_id !== marketId) {
    throw new InvalidInputError('A finding comes from a survey of its own market', [
      { field: 'body.waveId', message: 'is a survey of another market' },
    ]);
  }
}

export function presentFinding(row: MarketFindingListRow): MarketFindingDto {
  return {
    id: row.id,
    marketId: row.market_id,
    waveId: row.wave_id,
    waveName: row.wave_name,
    title: row.title,
    body: row.body,
    authorName: row.author_name,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function staleVersion(id: string, sent: number, current: number): ConflictError {
  return new ConflictError(
    `The finding ${id} was changed by someone else (version ${current}, you sent ${sent}): reload it and apply your edit again.`,
    current,
  );
}
