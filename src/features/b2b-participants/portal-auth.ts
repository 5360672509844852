import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { UnauthenticatedError } from '../../domain/errors.ts';
import { hashSecret } from '../auth/secrets.ts';

/**
 * An outside participant signed in to one event by its link (decision 0033): no account, no
 * workspace membership; it reaches only `/api/v1/event-portal/*` and only its own event there.
 */
export interface PortalParticipant {
  participantId: string;
  eventId: string;
  workspaceId: string;
  status: 'unconfirmed' | 'pending' | 'approved' | 'rejected' | 'cancelled';
}

/** The header the portal's calls carry the event link's token in (no ambient credential: no CSRF). */
export const PARTICIPANT_TOKEN_HEADER = 'x-participant-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `authenticateParticipant`: the participant of the event link. */
    participant: PortalParticipant | null;
  }
}

/** The participant whose event link is `token`, or undefined (unknown, revoked, or event closed). */
export async function findPortalParticipant(
  db: Kysely<DB>,
  token: string,
): Promise<PortalParticipant | undefined> {
  if (token.length < 20 || token.length > 200) return undefined;
  const row = await db
    .selectFrom('b2b_participant as p')
    .innerJoin('b2b_event as e', 'e.id', 'p.event_id')
    .innerJoin('workspace as w', 'w.id', 'p.workspace_id')
    .where('p.access_token_hash', '=', hashSecret(token))
    .where('w.status', '=', 'active')
    .select(['p.id', 'p.event_id', 'p.workspace_id', 'p.status'])
    .executeTakeFirst();
  return row
    ? { participantId: row.id, eventId: row.event_id, workspaceId: row.workspace_id, status: row.status }
    : undefined;
}

/**
 * A preHandler for the event portal's routes: the participant from `X-Participant-Token`, or 401.
 * Rejected and cancelled participants are signed out.
 */
export function authenticateParticipant(db: Kysely<DB>) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const token = request.headers[PARTICIPANT_TOKEN_HEADER];
    const participant = typeof token === 'string' ? await findPortalParticipant(db, token) : undefined;
    if (!participant || participant.status === 'rejected' || participant.status === 'cancelled')
      throw new UnauthenticatedError('The event link is unknown or no longer valid.');
    request.participant = participant;
  };
}
