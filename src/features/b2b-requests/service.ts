import type { Kysely } from 'kysely';
import { newId } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { isUniqueViolation } from '../../db/unique-keys.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, ForbiddenError, requireAccess } from '../../domain/access/policy.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { canManageEvent } from '../../domain/matchmaking/access.ts';
import { type MatchProfile, normalise, suggestMatches } from '../../domain/matchmaking/suggestions.ts';
import {
  LIVE_REQUEST_STATUSES,
  type MeetingType,
  pairKey,
  type RequestStatus,
} from '../../domain/matchmaking/types.ts';
import { AuditRepository } from '../audit/repository.ts';
import type { EventRef, EventRefReader } from '../b2b-events/event-ref.ts';
import type { PortalParticipant } from '../b2b-participants/portal-auth.ts';
import type { BackgroundTasks } from '../mail/background.ts';
import type { Mailer } from '../mail/mailer.ts';
import { answerMail, arrangedMeetingMail, newRequestMail, type RequestMailContent } from './mail.ts';
import {
  MarketplaceRepository,
  type ParticipantRow,
  type RequestFilters,
  type RequestRow,
  type RequestWithNames,
} from './repository.ts';
import type { CatalogueEntryDto, CatalogueQuery, ListRequestsQuery, RequestDto } from './schema.ts';

/**
 * Who calls the marketplace (decision 0036):
 * - `organiser`: runs the event (`canManageEvent`), acts for any participant;
 * - `participant`: a member organisation's user, or an outside participant through the event
 *   portal, acting only as its own participant (approved, to act);
 * - `reader`: anyone else of the workspace: sees the catalogue, nothing more.
 */
export type MarketCaller =
  | { kind: 'organiser'; userId: string; event: EventRef }
  | { kind: 'participant'; userId: string | null; participant: ParticipantRow; event: EventRef }
  | { kind: 'reader'; userId: string; event: EventRef };

/** A 403 with its own words (the caller may take part, but not in this request). */
class NotYoursError extends ForbiddenError {
  constructor(message: string) {
    super('event.participate');
    this.message = message;
  }
}

export interface MarketplaceOptions {
  db: Kysely<DB>;
  refs: EventRefReader;
  mailer: Mailer;
  background: BackgroundTasks;
  publicUrl: string;
  clock?: () => Date;
}

const json = (text: string): string[] => {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
};

function profileOf(p: ParticipantRow): MatchProfile {
  return {
    id: p.id,
    name: p.name,
    country: p.country,
    offers: p.offers,
    lookingFor: p.looking_for,
    tags: json(p.tags),
    spaceSegments: json(p.space_segments),
    targetMarkets: json(p.target_markets),
    meetingTypes: json(p.meeting_types) as MeetingType[],
  };
}

const isLive = (status: RequestStatus) => LIVE_REQUEST_STATUSES.includes(status);

/**
 * The marketplace of a B2B event (issue 22 item 3): the catalogue, match suggestions, meeting
 * requests and their answers. Every write of `b2b_request` is audited and marks the event's
 * activity (KPI evidence: communication initiatives), in one `writeTransaction`.
 */
export class MarketplaceService {
  private readonly clock: () => Date;

  constructor(private readonly options: MarketplaceOptions) {
    this.clock = options.clock ?? (() => new Date());
  }

  // --- Who calls ---------------------------------------------------------------------------

  /** The workspace user as a caller of the event's marketplace. @throws NotFoundError, ForbiddenError */
  async workspaceCaller(actor: Actor, eventId: string): Promise<MarketCaller> {
    requireAccess(actor, 'event.read');
    const event = await this.options.refs.find(actor.workspaceId, eventId);
    if (canManageEvent(actor, event)) return { kind: 'organiser', userId: actor.userId, event };
    const own = await this.options.refs.ownParticipant(actor, event);
    const participant = own
      ? await new MarketplaceRepository(this.options.db).participant(event.workspaceId, event.id, own.id)
      : undefined;
    return participant
      ? { kind: 'participant', userId: actor.userId, participant, event }
      : { kind: 'reader', userId: actor.userId, event };
  }

  /** The event portal's participant as a caller (its own event only). */
  async portalCaller(portal: PortalParticipant): Promise<MarketCaller> {
    const event = await this.options.refs.find(portal.workspaceId, portal.eventId);
    const participant = await new MarketplaceRepository(this.options.db).participant(
      portal.workspaceId,
      portal.eventId,
      portal.participantId,
    );
    if (!participant) throw new NotFoundError('participant', portal.participantId);
    return { kind: 'participant', userId: null, participant, event };
  }

  /** The caller's own participant, approved: who it may act as. */
  private acting(caller: MarketCaller): ParticipantRow {
    if (caller.kind !== 'participant') {
      throw new NotYoursError('Only a participant of the event (or an organiser) may do this.');
    }
    if (caller.participant.status !== 'approved') {
      throw new NotYoursError(
        'Your registration for this event is not approved yet: the marketplace opens once it is.',
      );
    }
    return caller.participant;
  }

  // --- Reading -----------------------------------------------------------------------------

  async catalogue(caller: MarketCaller, query: CatalogueQuery) {
    const { event } = caller;
    const repo = new MarketplaceRepository(this.options.db);
    const all = await repo.approvedParticipants(event.workspaceId, event.id);
    const mine =
      caller.kind === 'participant' && caller.participant.status === 'approved' ? caller.participant : null;
    const words = query.q
      ? normalise(query.q)
          .split(/[^\p{L}\p{N}]+/u)
          .filter(Boolean)
      : [];
    const countries = new Set(query.country ?? []);
    const segments = new Set(query.segment ?? []);
    const tags = new Set((query.tag ?? []).map((t) => normalise(t)));
    const types = new Set(query.meetingType ?? []);
    const matching = all.filter((p) => {
      const pTags = json(p.tags);
      if (countries.size > 0 && !countries.has(p.country)) return false;
      if (segments.size > 0 && !json(p.space_segments).some((s) => segments.has(s as never))) return false;
      if (tags.size > 0 && !pTags.some((t) => tags.has(normalise(t)))) return false;
      if (types.size > 0 && !json(p.meeting_types).some((t) => types.has(t as MeetingType))) return false;
      if (words.length > 0) {
        const haystack = normalise(
          [p.name, p.city ?? '', p.description, p.offers, p.looking_for, ...pTags].join(' '),
        );
        if (!words.every((w) => haystack.includes(w))) return false;
      }
      return true;
    });
    const page = matching.slice(query.offset, query.offset + query.limit);
    const reps = await repo.representatives(page.map((p) => p.id));
    const states = new Map<string, CatalogueEntryDto['request']>();
    if (mine) {
      for (const r of await repo.requestsOf(event.id, mine.id)) {
        const other = r.from_participant_id === mine.id ? r.to_participant_id : r.from_participant_id;
        const known = states.get(other);
        if (known && (isLive(known.status) || !isLive(r.status))) continue;
        states.set(other, {
          requestId: r.id,
          status: r.status,
          direction: r.from_participant_id === mine.id ? 'sent' : 'received',
        });
      }
    }
    const items: CatalogueEntryDto[] = page.map((p) => ({
      id: p.id,
      name: p.name,
      country: p.country,
      city: p.city,
      organisationType: p.organisation_type,
      member: p.organisation_id !== null,
      description: p.description,
      offers: p.offers,
      lookingFor: p.looking_for,
      tags: json(p.tags),
      spaceSegments: json(p.space_segments),
      targetMarkets: json(p.target_markets),
      meetingTypes: json(p.meeting_types) as MeetingType[],
      representatives: reps
        .filter((r) => r.participant_id === p.id)
        .map((r) => ({ name: r.name, roleTitle: r.role_title })),
      request: states.get(p.id) ?? null,
    }));
    const distinct = (values: string[]) => [...new Set(values)].sort((a, b) => a.localeCompare(b));
    return {
      items,
      total: matching.length,
      participantId: mine?.id ?? null,
      facets: {
        countries: distinct(all.map((p) => p.country)),
        segments: distinct(all.flatMap((p) => json(p.space_segments))),
        tags: distinct(all.flatMap((p) => json(p.tags))).slice(0, 200),
      },
    };
  }

  async suggestions(caller: MarketCaller, participantId: string | undefined) {
    const { event } = caller;
    const repo = new MarketplaceRepository(this.options.db);
    let me: ParticipantRow;
    if (caller.kind === 'organiser') {
      if (!participantId) {
        throw new InvalidInputError('Name the participant whose suggestions to show.', [
          { field: 'query.participantId', message: 'is required for an organiser' },
        ]);
      }
      const found = await repo.participant(event.workspaceId, event.id, participantId);
      if (!found) throw new NotFoundError('participant', participantId, 'query.participantId');
      me = found;
    } else {
      me = this.acting(caller);
      if (participantId && participantId !== me.id) {
        throw new NotYoursError('You may see your own participant’s suggestions only.');
      }
    }
    const others = await repo.approvedParticipants(event.workspaceId, event.id);
    const live = (await repo.requestsOf(event.id, me.id)).filter((r) => isLive(r.status));
    const excluded = new Set(
      live.map((r) => (r.from_participant_id === me.id ? r.to_participant_id : r.from_participant_id)),
    );
    const countries = new Map(others.map((o) => [o.id, o.country]));
    const ranked = suggestMatches(profileOf(me), others.map(profileOf), { excluded, limit: 20 });
    return {
      participantId: me.id,
      items: ranked.map((s) => ({ ...s, country: countries.get(s.participantId) ?? '' })),
    };
  }

  async listRequests(caller: MarketCaller, query: ListRequestsQuery) {
    const { event } = caller;
    const repo = new MarketplaceRepository(this.options.db);
    let participantId: string | null = null;
    const filters: RequestFilters = { statuses: query.status, origins: query.origin };
    if (caller.kind === 'organiser') {
      if (query.participantId) filters.participantId = query.participantId;
    } else {
      participantId = this.acting(caller).id;
      if (query.participantId && query.participantId !== participantId) {
        throw new NotYoursError('You may see your own participant’s requests only.');
      }
      filters.participantId = participantId;
    }
    const [rows, counts] = await Promise.all([
      repo.list(event.workspaceId, event.id, filters, query),
      repo.countByStatus(event.workspaceId, event.id, filters),
    ]);
    const total = query.status?.length
      ? query.status.reduce((sum, s) => sum + counts[s], 0)
      : Object.values(counts).reduce((a, b) => a + b, 0);
    const now = this.clock().toISOString();
    return {
      items: rows.map((r) => this.present(caller, r)),
      total,
      countsByStatus: counts,
      participantId,
      limits: {
        requestDeadlineAt: event.requestDeadlineAt,
        maxRequestsPerParticipant: event.maxRequestsPerParticipant,
        requestExpiryDays: event.requestExpiryDays,
        meetingTypes: event.meetingTypes,
        sentLive: participantId ? await repo.liveSentCount(event.id, participantId) : null,
        deadlinePassed: event.requestDeadlineAt !== null && now > event.requestDeadlineAt,
      },
    };
  }

  private present(caller: MarketCaller, r: RequestWithNames): RequestDto {
    const organiser = caller.kind === 'organiser';
    const me = caller.kind === 'participant' ? caller.participant.id : null;
    const pending = r.status === 'pending';
    return {
      id: r.id,
      eventId: r.event_id,
      from: { id: r.from_participant_id, name: r.from_name, country: r.from_country },
      to: { id: r.to_participant_id, name: r.to_name, country: r.to_country },
      meetingType: r.meeting_type,
      message: r.message,
      priority: r.priority,
      status: r.status,
      origin: r.origin,
      respondedAt: r.responded_at,
      declineReason: r.decline_reason,
      expiresAt: r.expires_at,
      createdAt: r.created_at,
      version: r.version,
      canAccept: pending && (organiser || me === r.to_participant_id),
      canDecline: pending && (organiser || me === r.to_participant_id),
      canCancel: isLive(r.status) && (organiser || me === r.from_participant_id),
    };
  }

  // --- Writing -----------------------------------------------------------------------------

  async create(
    caller: MarketCaller,
    input: {
      fromParticipantId: string;
      toParticipantId: string;
      meetingType: MeetingType;
      message: string;
      priority: 1 | 2 | 3;
      accepted?: boolean;
    },
  ): Promise<RequestDto> {
    const { event } = caller;
    const organiser = caller.kind === 'organiser';
    if (!organiser) {
      const me = this.acting(caller);
      if (input.fromParticipantId !== me.id) {
        throw new InvalidInputError('You may ask for meetings as your own participant only.', [
          { field: 'body.fromParticipantId', message: 'must be your own participant' },
        ]);
      }
      if (input.accepted) {
        throw new InvalidInputError('Only an organiser may arrange an accepted meeting.', [
          { field: 'body.accepted', message: 'organisers only' },
        ]);
      }
    }
    if (input.toParticipantId === input.fromParticipantId) {
      throw new InvalidInputError('A participant cannot ask to meet itself.', [
        { field: 'body.toParticipantId', message: 'must be another participant than the asking one' },
      ]);
    }
    const now = this.clock();
    const nowIso = now.toISOString();
    const created = await this.conflictOnDuplicate(() =>
      writeTransaction(this.options.db, async (trx) => {
        const repo = new MarketplaceRepository(trx);
        const from = await repo.participant(event.workspaceId, event.id, input.fromParticipantId);
        if (!from) throw new NotFoundError('participant', input.fromParticipantId, 'body.fromParticipantId');
        if (from.status !== 'approved') {
          throw new InvalidInputError('The asking participant is not approved.', [
            { field: 'body.fromParticipantId', message: 'is not an approved participant of the event' },
          ]);
        }
        const to = await repo.participant(event.workspaceId, event.id, input.toParticipantId);
        if (!to) throw new NotFoundError('participant', input.toParticipantId, 'body.toParticipantId');
        if (to.status !== 'approved') {
          throw new InvalidInputError('The asked participant is not approved.', [
            { field: 'body.toParticipantId', message: 'is not an approved participant of the event' },
          ]);
        }
        const typeError = (message: string) =>
          new InvalidInputError(message, [{ field: 'body.meetingType', message }]);
        if (!event.meetingTypes.includes(input.meetingType)) {
          throw typeError('The event does not offer this meeting type.');
        }
        if (!json(from.meeting_types).includes(input.meetingType)) {
          throw typeError(`${from.name} does not take meetings of this type.`);
        }
        if (!json(to.meeting_types).includes(input.meetingType)) {
          throw typeError(`${to.name} does not take meetings of this type.`);
        }
        if (!organiser) {
          if (event.requestDeadlineAt !== null && nowIso > event.requestDeadlineAt) {
            throw new ConflictError(
              `The deadline for meeting requests passed on ${event.requestDeadlineAt}: ask the organisers.`,
            );
          }
          if (event.maxRequestsPerParticipant !== null) {
            const sent = await repo.liveSentCount(event.id, from.id);
            if (sent >= event.maxRequestsPerParticipant) {
              throw new ConflictError(
                `${from.name} has already sent ${sent} live requests, the most this event allows (${event.maxRequestsPerParticipant}).`,
              );
            }
          }
        }
        const key = pairKey(from.id, to.id);
        const existing = await repo.livePair(event.id, key);
        if (existing) throw duplicate(from.name, to.name, existing.status);
        const accepted = organiser && input.accepted === true;
        const row: RequestRow = {
          id: newId(),
          workspace_id: event.workspaceId,
          event_id: event.id,
          from_participant_id: from.id,
          to_participant_id: to.id,
          pair_key: key,
          meeting_type: input.meetingType,
          message: input.message,
          priority: input.priority,
          status: accepted ? 'accepted' : 'pending',
          origin: organiser ? 'organiser' : 'participant',
          created_by: caller.userId,
          responded_at: accepted ? nowIso : null,
          decline_reason: null,
          expires_at:
            !accepted && event.requestExpiryDays !== null
              ? new Date(now.getTime() + event.requestExpiryDays * 86_400_000).toISOString()
              : null,
          reminded_at: null,
          version: 1,
          created_at: nowIso,
          updated_at: nowIso,
        };
        await repo.insert(event.activityId, row);
        const { id: _id, workspace_id: _w, created_at: _c, updated_at: _u, ...audited } = row;
        await new AuditRepository(trx).record({
          workspaceId: event.workspaceId,
          actorUserId: caller.userId,
          action: 'create',
          entityType: 'b2b_request',
          entityId: row.id,
          changes: Object.fromEntries(Object.entries(audited).map(([k, v]) => [k, [null, v]])),
        });
        const withNames = await repo.findWithNames(event.workspaceId, event.id, row.id);
        if (!withNames) throw new NotFoundError('request', row.id);
        return { row: withNames, from, to };
      }),
    );
    const { row, from, to } = created;
    if (row.status === 'pending') {
      this.mailLater('meeting request mail', to, (link) =>
        newRequestMail({
          eventTitle: event.title,
          contactName: to.contact_name,
          fromName: from.name,
          meetingType: row.meeting_type,
          message: row.message,
          expiresAt: row.expires_at,
          link,
        }),
      );
    } else {
      for (const [side, other] of [
        [from, to],
        [to, from],
      ] as const) {
        this.mailLater('arranged meeting mail', side, (link) =>
          arrangedMeetingMail({
            eventTitle: event.title,
            contactName: side.contact_name,
            otherName: other.name,
            link,
          }),
        );
      }
    }
    return this.present(caller, row);
  }

  async accept(caller: MarketCaller, requestId: string, version: number): Promise<RequestDto> {
    return this.answer(caller, requestId, version, 'accepted', null);
  }

  async decline(
    caller: MarketCaller,
    requestId: string,
    version: number,
    reason: string | undefined,
  ): Promise<RequestDto> {
    return this.answer(caller, requestId, version, 'declined', reason?.trim() || null);
  }

  private async answer(
    caller: MarketCaller,
    requestId: string,
    version: number,
    answer: 'accepted' | 'declined',
    reason: string | null,
  ): Promise<RequestDto> {
    const { event } = caller;
    const now = this.clock().toISOString();
    const { row, before } = await this.conflictOnDuplicate(() =>
      writeTransaction(this.options.db, async (trx) => {
        const repo = new MarketplaceRepository(trx);
        const current = await this.loadFor(repo, caller, requestId);
        if (caller.kind !== 'organiser' && current.to_participant_id !== this.acting(caller).id) {
          throw new NotYoursError('Only the asked participant (or an organiser) may answer this request.');
        }
        checkVersion(current, version);
        if (current.status !== 'pending') {
          throw new ConflictError(
            `The request is ${current.status}: only a pending request can be answered.`,
          );
        }
        if (current.expires_at !== null && current.expires_at <= now) {
          throw new ConflictError(`The request expired on ${current.expires_at}: ask for a new one.`);
        }
        const values = {
          status: answer,
          responded_at: now,
          decline_reason: answer === 'declined' ? reason : null,
        } as const;
        if (!(await repo.update(event.activityId, current.id, version, values, now, ['pending']))) {
          throw new ConflictError('The request changed meanwhile: reload it.', current.version);
        }
        await this.audit(trx, caller, current, values);
        const row = await repo.findWithNames(event.workspaceId, event.id, current.id);
        if (!row) throw new NotFoundError('request', current.id);
        return { row, before: current };
      }),
    );
    const repo = new MarketplaceRepository(this.options.db);
    const from = await repo.participant(event.workspaceId, event.id, before.from_participant_id);
    if (from) {
      this.mailLater('request answer mail', from, (link) =>
        answerMail({
          eventTitle: event.title,
          contactName: from.contact_name,
          toName: row.to_name,
          answer,
          reason: row.decline_reason,
          link,
        }),
      );
    }
    return this.present(caller, row);
  }

  async cancel(caller: MarketCaller, requestId: string, version: number): Promise<RequestDto> {
    const { event } = caller;
    const now = this.clock().toISOString();
    return writeTransaction(this.options.db, async (trx) => {
      const repo = new MarketplaceRepository(trx);
      const current = await this.loadFor(repo, caller, requestId);
      if (caller.kind !== 'organiser' && current.from_participant_id !== this.acting(caller).id) {
        throw new NotYoursError('Only the asking participant (or an organiser) may cancel this request.');
      }
      checkVersion(current, version);
      if (!isLive(current.status)) {
        throw new ConflictError(
          `The request is ${current.status}: only a pending or accepted one can be cancelled.`,
        );
      }
      const values = { status: 'cancelled' } as const;
      if (!(await repo.update(event.activityId, current.id, version, values, now, LIVE_REQUEST_STATUSES))) {
        throw new ConflictError('The request changed meanwhile: reload it.', current.version);
      }
      await this.audit(trx, caller, current, values);
      const row = await repo.findWithNames(event.workspaceId, event.id, current.id);
      if (!row) throw new NotFoundError('request', current.id);
      return this.present(caller, row);
    });
  }

  async updatePriority(
    caller: MarketCaller,
    requestId: string,
    input: { version: number; priority: 1 | 2 | 3 },
  ): Promise<RequestDto> {
    if (caller.kind !== 'organiser') throw new ForbiddenError('event.manage');
    const { event } = caller;
    const now = this.clock().toISOString();
    return writeTransaction(this.options.db, async (trx) => {
      const repo = new MarketplaceRepository(trx);
      const current = await this.loadFor(repo, caller, requestId);
      checkVersion(current, input.version);
      const values = { priority: input.priority };
      if (!(await repo.update(event.activityId, current.id, input.version, values, now))) {
        throw new ConflictError('The request changed meanwhile: reload it.', current.version);
      }
      await this.audit(trx, caller, current, values);
      const row = await repo.findWithNames(event.workspaceId, event.id, current.id);
      if (!row) throw new NotFoundError('request', current.id);
      return this.present(caller, row);
    });
  }

  /** The request, if the caller may see it (an organiser: any of the event; a participant: its own). */
  private async loadFor(repo: MarketplaceRepository, caller: MarketCaller, id: string) {
    const { event } = caller;
    const row = await repo.findWithNames(event.workspaceId, event.id, id);
    if (!row) throw new NotFoundError('request', id);
    if (caller.kind === 'reader') throw new NotYoursError('Only a participant of the event may do this.');
    if (caller.kind === 'participant') {
      const me = caller.participant.id;
      if (row.from_participant_id !== me && row.to_participant_id !== me)
        throw new NotFoundError('request', id);
    }
    return row;
  }

  private async audit(
    trx: Kysely<DB>,
    caller: MarketCaller,
    before: RequestRow,
    values: Partial<Record<keyof RequestRow, unknown>>,
  ): Promise<void> {
    const changes = Object.fromEntries(
      Object.entries(values)
        .filter(([k, v]) => before[k as keyof RequestRow] !== v)
        .map(([k, v]) => [k, [before[k as keyof RequestRow], v]]),
    ) as Record<string, [unknown, unknown]>;
    if (Object.keys(changes).length === 0) return;
    await new AuditRepository(trx).record({
      workspaceId: caller.event.workspaceId,
      actorUserId: caller.userId,
      action: 'update',
      entityType: 'b2b_request',
      entityId: before.id,
      changes,
    });
  }

  private async conflictOnDuplicate<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError('A live request between these two participants already exists (either way).');
      }
      throw error;
    }
  }

  /** Sends a mail to a participant's contact after the answer, with the link it should follow. */
  private mailLater(name: string, to: ParticipantRow, content: (link: string) => RequestMailContent): void {
    const { background, mailer } = this.options;
    background.run(name, async () => {
      const link = await participantLink(this.options.db, this.options.publicUrl, to);
      await mailer.send({ to: to.contact_email, ...content(link), userId: null, sentByUserId: null });
    });
  }
}

/**
 * Where a participant answers: the event page of the workspace for a member organisation, the
 * event portal for an outside participant.
 */
export async function participantLink(
  db: Kysely<DB>,
  publicUrl: string,
  participant: Pick<ParticipantRow, 'organisation_id' | 'event_id'>,
): Promise<string> {
  if (participant.organisation_id === null) return `${publicUrl}/event-portal`;
  const row = await db
    .selectFrom('b2b_event as e')
    .innerJoin('workspace as w', 'w.id', 'e.workspace_id')
    .where('e.id', '=', participant.event_id)
    .select('w.slug')
    .executeTakeFirst();
  if (!row) return `${publicUrl}/event-portal`;
  return `${publicUrl}/w/${encodeURIComponent(row.slug)}/events/${encodeURIComponent(participant.event_id)}?tab=marketplace`;
}

function checkVersion(current: RequestRow, version: number): void {
  if (current.version !== version) {
    throw new ConflictError(
      `The request was changed since you read it (version ${version}, now ${current.version}): reload it.`,
      current.version,
    );
  }
}

function duplicate(fromName: string, toName: string, status: RequestStatus): ConflictError {
  return new ConflictError(
    `A request between ${fromName} and ${toName} already exists (${status}), in one direction or the other: answer or cancel it instead.`,
  );
}
