import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Abilities, type Actor, abilitiesOf } from '../../domain/access/policy.ts';
import { WorkspaceRepository } from '../workspaces/repository.ts';

/** What the caller may do where, computed by the access policy itself (`abilitiesOf`). */
export class AbilityService {
  constructor(private readonly db: Kysely<DB>) {}

  async of(actor: Actor): Promise<Abilities> {
    return abilitiesOf(actor, await new WorkspaceRepository(this.db).clusterIds(actor.workspaceId));
  }
}
