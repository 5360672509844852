import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import type { Actor } from '../domain/access/policy.ts';
import type { UpdateInstrumentInput, WorkspaceInstrumentDto } from '../features/instruments/schema.ts';
import { updateCustomInstrument } from '../features/instruments/workspace-service.ts';
import { refreshKpiActuals } from '../features/kpis/actuals.ts';

/**
 * `PATCH /instruments/{key}`: edits a workspace's own instrument. When its KPIs change (a rule
 * chosen or dropped, a KPI added or removed), the KPI values of the activities planned with it are
 * recomputed in the same transaction, as any write to evidence does (decision 0022). Stored
 * estimates (budget lines) are not touched: they keep their figures until re-estimated.
 */
export function updateInstrumentCommand(db: Kysely<DB>) {
  return (actor: Actor, idOrKey: string, input: UpdateInstrumentInput): Promise<WorkspaceInstrumentDto> =>
    writeTransaction(db, async (trx) => {
      const { instrument, kpisChanged, activityIds } = await updateCustomInstrument(
        trx,
        actor,
        idOrKey,
        input,
      );
      if (kpisChanged && activityIds.length > 0) await refreshKpiActuals(trx, activityIds);
      return instrument;
    });
}
