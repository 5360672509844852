import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, ForbiddenError, requireAccess } from '../../domain/access/policy.ts';
import { NotFoundError } from '../../domain/errors.ts';
import { canManageEvent, canParticipate, requireEventManager } from '../../domain/matchmaking/access.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { JobRepository } from '../../jobs/repository.ts';
import { AuditRepository } from '../audit/repository.ts';
import { type EventRef, EventRefReader } from '../b2b-events/event-ref.ts';
import type { PortalParticipant } from '../b2b-participants/portal-auth.ts';
import { presentJob } from '../jobs/presenter.ts';
import { type Agenda, agendaIcs, buildAgenda, fileSlug } from './agenda.ts';
import { eventGridSvg, type GridSvg } from './grid.ts';
import { renderAgendasPdf, renderGridPdf, renderTableCardsPdf } from './pdf.ts';
import { type AgendaParticipantRow, AgendaRepository } from './repository.ts';

export const AGENDA_MAILS_JOB_KIND = 'b2b-agenda-mails';

export interface AgendaFile {
  fileName: string;
  contentType: string;
  content: Buffer;
}

export interface FeedLink {
  /** The subscription address (https). */
  url: string;
  /** The same as `webcal://`, which calendar apps open as a subscription. */
  webcalUrl: string;
}

export const ICS_MEDIA_TYPE = 'text/calendar; charset=utf-8';

/** A new calendar feed secret: 256 bits, URL-safe. */
export function newFeedToken(): string {
  return `cal_${randomBytes(32).toString('base64url')}`;
}

/**
 * Agendas of B2B events (issue 22 item 5, decision 0038): a participant's agenda as JSON, PDF and
 * iCalendar; its calendar feed (a secret URL per participant, revocable); for organisers, every
 * agenda in one PDF, the event grid, the table cards and the agenda mails (a background job).
 */
export class AgendaService {
  private readonly refs: EventRefReader;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly options: {
      publicUrl: string;
      queue: Pick<JobQueue, 'notify'>;
      clock?: () => Date;
    },
  ) {
    this.refs = new EventRefReader(db);
  }

  private now(): Date {
    return this.options.clock ? this.options.clock() : new Date();
  }

  // ---- Workspace callers -------------------------------------------------------------------

  /** The agenda of `participantId` (a member: its own organisation's participant; organisers: any). */
  async agenda(actor: Actor, eventId: string, participantId: string | undefined): Promise<Agenda> {
    const { event, participant } = await this.access(actor, eventId, participantId);
    return this.load(event, participant);
  }

  async agendaPdf(actor: Actor, eventId: string, participantId: string | undefined): Promise<AgendaFile> {
    const agenda = await this.agenda(actor, eventId, participantId);
    return this.pdfOf(agenda);
  }

  async agendaIcs(actor: Actor, eventId: string, participantId: string | undefined): Promise<AgendaFile> {
    return this.icsOf(await this.agenda(actor, eventId, participantId));
  }

  async feed(actor: Actor, eventId: string, participantId: string | undefined): Promise<FeedLink> {
    const { event, participant } = await this.access(actor, eventId, participantId);
    return this.ensureFeed(event, participant, actor.userId, false);
  }

  async revokeFeed(actor: Actor, eventId: string, participantId: string | undefined): Promise<FeedLink> {
    const { event, participant } = await this.access(actor, eventId, participantId);
    return this.ensureFeed(event, participant, actor.userId, true);
  }

  /** Organisers: the approved participants with their meeting counts and whether a feed exists. */
  async overview(actor: Actor, eventId: string) {
    const event = await this.managed(actor, eventId);
    const repo = new AgendaRepository(this.db);
    const [participants, counts] = await Promise.all([
      repo.approvedParticipants(event.id),
      repo.meetingCounts(event.id),
    ]);
    return {
      published: event.publishedAt !== null,
      publishedAt: event.publishedAt,
      agendaRevision: event.agendaRevision,
      participants: participants.map((p) => ({
        id: p.id,
        name: p.name,
        country: p.country,
        meetings: counts.get(p.id) ?? 0,
        hasFeed: p.feedToken !== null,
      })),
    };
  }

  /** Organisers: every approved participant's agenda in one PDF, one participant from a new page. */
  async allAgendasPdf(actor: Actor, eventId: string, progress?: (done: number, total: number) => void) {
    const event = await this.managed(actor, eventId);
    return this.allAgendasPdfOf(event, progress);
  }

  /** Every approved participant's agenda of `event` in one PDF (the benchmark measures this). */
  async allAgendasPdfOf(
    event: EventRef,
    progress?: (done: number, total: number) => void,
  ): Promise<AgendaFile> {
    const agendas = await this.loadAll(event);
    const content = await renderAgendasPdf(`${event.title} — agendas`, agendas, (done) =>
      progress?.(done, agendas.length),
    );
    return { fileName: `agendas-${fileSlug(event.title)}.pdf`, contentType: 'application/pdf', content };
  }

  async gridSvg(actor: Actor, eventId: string): Promise<GridSvg> {
    return this.grid(await this.managed(actor, eventId));
  }

  async gridPdf(actor: Actor, eventId: string): Promise<AgendaFile> {
    const event = await this.managed(actor, eventId);
    const content = await renderGridPdf(event.title, await this.grid(event));
    return { fileName: `grid-${fileSlug(event.title)}.pdf`, contentType: 'application/pdf', content };
  }

  async tableCardsPdf(actor: Actor, eventId: string): Promise<AgendaFile> {
    const event = await this.managed(actor, eventId);
    const tables = await new AgendaRepository(this.db).tables(event.id);
    const content = await renderTableCardsPdf(
      event.title,
      tables.map((t) => ({ number: t.number, name: t.name, reservedFor: t.reserved_for })),
    );
    return { fileName: `table-cards-${fileSlug(event.title)}.pdf`, contentType: 'application/pdf', content };
  }

  /** Organisers: queues the agenda mails to every approved participant; answers the job. */
  async startAgendaMails(actor: Actor, eventId: string, workspaceSlug: string) {
    const event = await this.managed(actor, eventId);
    const job = await writeTransaction(this.db, async (trx) => {
      const row = await new JobRepository(trx).insert({
        workspaceId: actor.workspaceId,
        kind: AGENDA_MAILS_JOB_KIND,
        params: { eventId: event.id },
        createdBy: actor.userId,
      });
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'create',
        entityType: 'job',
        entityId: row.id,
        changes: { kind: [null, AGENDA_MAILS_JOB_KIND], event_id: [null, event.id] },
      });
      return row;
    });
    this.options.queue.notify();
    return presentJob({ ...job, file_name: null, file_size: null, file_content_type: null }, workspaceSlug);
  }

  // ---- Event portal (an outside participant signed in by its event link) ------------------

  async portalAgenda(participant: PortalParticipant): Promise<Agenda> {
    const { event, row } = await this.portalParticipant(participant);
    return this.load(event, row);
  }

  async portalAgendaPdf(participant: PortalParticipant): Promise<AgendaFile> {
    return this.pdfOf(await this.portalAgenda(participant));
  }

  async portalAgendaIcs(participant: PortalParticipant): Promise<AgendaFile> {
    return this.icsOf(await this.portalAgenda(participant));
  }

  async portalFeed(participant: PortalParticipant, revoke: boolean): Promise<FeedLink> {
    const { event, row } = await this.portalParticipant(participant);
    return this.ensureFeed(event, row, null, revoke);
  }

  // ---- The public calendar feed ----------------------------------------------------------

  /**
   * The agenda behind a feed token, as iCalendar with its entity tag; null when the token is
   * unknown or revoked, or the participant was rejected or cancelled (all answer the same 404).
   */
  async calendarFeed(token: string): Promise<{ etag: string; content: string } | null> {
    if (!/^cal_[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const repo = new AgendaRepository(this.db);
    const found = await repo.findByFeedToken(token);
    if (!found || found.status === 'rejected' || found.status === 'cancelled') return null;
    const event = await this.refs.findOrNull(found.workspace_id, found.event_id);
    const participant = await repo.participant(found.workspace_id, found.event_id, found.id);
    if (!event || !participant) return null;
    const agenda = await this.load(event, participant, false);
    return { etag: feedEtag(event, participant.id), content: agendaIcs(agenda, this.now()) };
  }

  /** The entity tag of a feed without building it (for If-None-Match). */
  async calendarFeedEtag(token: string): Promise<string | null> {
    if (!/^cal_[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const found = await new AgendaRepository(this.db).findByFeedToken(token);
    if (!found || found.status === 'rejected' || found.status === 'cancelled') return null;
    const event = await this.refs.findOrNull(found.workspace_id, found.event_id);
    return event ? feedEtag(event, found.id) : null;
  }

  // ---- Internals -------------------------------------------------------------------------

  private async managed(actor: Actor, eventId: string): Promise<EventRef> {
    requireAccess(actor, 'event.read');
    const event = await this.refs.find(actor.workspaceId, eventId);
    requireEventManager(actor, event);
    return event;
  }

  /**
   * The event and the participant whose agenda `actor` may read: organisers any participant of the
   * event; others only the participant of an organisation they may act for (403 otherwise).
   */
  private async access(actor: Actor, eventId: string, participantId: string | undefined) {
    requireAccess(actor, 'event.read');
    const event = await this.refs.find(actor.workspaceId, eventId);
    const id =
      participantId ??
      (actor.organisationId
        ? (await this.refs.participantOfOrganisation(event, actor.organisationId))?.id
        : undefined);
    const participant = id
      ? await new AgendaRepository(this.db).participant(event.workspaceId, event.id, id)
      : null;
    if (!participant) throw new NotFoundError('participant', participantId ?? '');
    if (canManageEvent(actor, event)) return { event, participant };
    const organisation = participant.organisationId
      ? await this.refs.participantOfOrganisation(event, participant.organisationId)
      : null;
    if (organisation && canParticipate(actor, organisation)) return { event, participant };
    throw new ForbiddenError('event.participate');
  }

  private async portalParticipant(participant: PortalParticipant) {
    const event = await this.refs.find(participant.workspaceId, participant.eventId);
    const row = await new AgendaRepository(this.db).participant(
      participant.workspaceId,
      participant.eventId,
      participant.participantId,
    );
    if (!row) throw new NotFoundError('participant', participant.participantId);
    return { event, row };
  }

  /** One participant's agenda. */
  async load(event: EventRef, participant: AgendaParticipantRow, withQrCode = true): Promise<Agenda> {
    const repo = new AgendaRepository(this.db);
    const [extras, meetings] = await Promise.all([
      repo.eventExtras(event.id),
      event.publishedAt !== null ? repo.meetings(event.id, participant.id) : Promise.resolve([]),
    ]);
    const others = [
      ...new Set(
        meetings
          .flatMap((m) => [m.fromParticipantId, m.toParticipantId])
          .filter((id) => id !== participant.id),
      ),
    ];
    const [counterparts, representatives] = await Promise.all([
      repo.participantsByIds(others),
      repo.representatives(others),
    ]);
    return buildAgenda({
      event,
      extras,
      participant,
      meetings,
      counterparts,
      representatives,
      publicUrl: this.options.publicUrl,
      withQrCode,
    });
  }

  /** Every approved participant's agenda, read in a few queries (not one per participant). */
  async loadAll(event: EventRef, withQrCode = false): Promise<Agenda[]> {
    const repo = new AgendaRepository(this.db);
    const [extras, participants, meetings] = await Promise.all([
      repo.eventExtras(event.id),
      repo.approvedParticipants(event.id),
      event.publishedAt !== null ? repo.meetings(event.id) : Promise.resolve([]),
    ]);
    const ids = [...new Set(meetings.flatMap((m) => [m.fromParticipantId, m.toParticipantId]))];
    const [everyone, representatives] = await Promise.all([
      repo.participantsByIds(ids),
      repo.representatives(ids),
    ]);
    const byParticipant = new Map<string, typeof meetings>();
    for (const meeting of meetings) {
      for (const id of [meeting.fromParticipantId, meeting.toParticipantId]) {
        const list = byParticipant.get(id) ?? [];
        list.push(meeting);
        byParticipant.set(id, list);
      }
    }
    const agendas: Agenda[] = [];
    for (const participant of participants) {
      agendas.push(
        await buildAgenda({
          event,
          extras,
          participant,
          meetings: byParticipant.get(participant.id) ?? [],
          counterparts: everyone,
          representatives,
          publicUrl: this.options.publicUrl,
          withQrCode,
        }),
      );
    }
    return agendas;
  }

  private async grid(event: EventRef): Promise<GridSvg> {
    const repo = new AgendaRepository(this.db);
    const [slots, tables, meetings] = await Promise.all([
      this.refs.slots(event),
      repo.tables(event.id),
      repo.meetings(event.id),
    ]);
    const names = await repo.participantsByIds([
      ...new Set(meetings.flatMap((m) => [m.fromParticipantId, m.toParticipantId])),
    ]);
    return eventGridSvg({
      title: event.title,
      timeZone: event.timeZone,
      slots: slots.map((s) => ({ startsAt: s.startsAt })),
      tables: tables.map((t) => ({ id: t.id, number: t.number, name: t.name })),
      meetings: meetings.map((m) => ({
        startsAt: m.startsAt,
        tableId: m.table?.id ?? null,
        names: [names.get(m.fromParticipantId)?.name ?? '', names.get(m.toParticipantId)?.name ?? ''],
        cancelled: m.status === 'cancelled',
      })),
    });
  }

  async pdfOf(agenda: Agenda): Promise<AgendaFile> {
    const content = await renderAgendasPdf(`${agenda.event.title} — ${agenda.participant.name}`, [agenda]);
    return {
      fileName: `agenda-${fileSlug(agenda.participant.name)}.pdf`,
      contentType: 'application/pdf',
      content,
    };
  }

  icsOf(agenda: Agenda): AgendaFile {
    return {
      fileName: `agenda-${fileSlug(agenda.participant.name)}.ics`,
      contentType: ICS_MEDIA_TYPE,
      content: Buffer.from(agendaIcs(agenda, this.now()), 'utf8'),
    };
  }

  feedLink(token: string): FeedLink {
    const url = `${this.options.publicUrl}/api/v1/calendar/${token}.ics`;
    return { url, webcalUrl: url.replace(/^https?:\/\//, 'webcal://') };
  }

  /** The participant's feed link, created when it has none, replaced when `revoke` (audited). */
  async ensureFeed(
    event: EventRef,
    participant: AgendaParticipantRow,
    actorUserId: string | null,
    revoke: boolean,
  ): Promise<FeedLink> {
    if (participant.feedToken && !revoke) return this.feedLink(participant.feedToken);
    const token = newFeedToken();
    await writeTransaction(this.db, async (trx) => {
      await new AgendaRepository(trx).setFeedToken(participant.id, token);
      await new AuditRepository(trx).record({
        workspaceId: event.workspaceId,
        actorUserId,
        action: 'update',
        entityType: 'b2b_participant',
        entityId: participant.id,
        // The secret itself stays out of the log.
        changes: { feed_token: [participant.feedToken ? 'set' : null, revoke ? 'replaced' : 'set'] },
      });
    });
    return this.feedLink(token);
  }
}

/** The feed's entity tag: the event's agenda revision, its publication and the participant. */
export function feedEtag(
  event: Pick<EventRef, 'id' | 'agendaRevision' | 'publishedAt'>,
  participantId: string,
) {
  const hash = createHash('sha256')
    .update(`${event.id}|${participantId}|${event.publishedAt ?? ''}`)
    .digest('base64url')
    .slice(0, 16);
  return `"r${event.agendaRevision}-${hash}"`;
}
