import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, can, ForbiddenError } from '../../domain/access/policy.ts';
import { ConflictError, type FieldError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import {
  canManageEvent,
  requireEventManager,
  requireParticipation,
} from '../../domain/matchmaking/access.ts';
import {
  CONFIRMATION_TTL_MS,
  consentText,
  networkConsentText,
  normaliseInstants,
  registrationOpen,
  unknownSlots,
} from '../../domain/matchmaking/registration.ts';
import type { EventSlot } from '../../domain/matchmaking/slots.ts';
import { PARTICIPANT_STATUSES, type ParticipantStatus } from '../../domain/matchmaking/types.ts';
import { AuditRepository } from '../audit/repository.ts';
import { hashSecret, newSecret } from '../auth/secrets.ts';
import { type EventRef, EventRefReader } from '../b2b-events/event-ref.ts';
import type { BackgroundTasks } from '../mail/background.ts';
import type { Mailer } from '../mail/mailer.ts';
import { accessMail, confirmationMail, decisionMail } from './mails.ts';
import type { PortalParticipant } from './portal-auth.ts';
import { presentParticipant } from './presenter.ts';
import {
  ParticipantRepository,
  type ParticipantRow,
  type ParticipantValues,
  RegistryReader,
} from './repository.ts';
import type {
  AddParticipantInput,
  DecisionInput,
  ListParticipantsQuery,
  MemberRegistrationInput,
  ParticipantDto,
  ProfileInput,
  PublicEventDto,
  PublicRegistrationInput,
  RepresentativeInput,
  UpdateRegistrationInput,
} from './schema.ts';

/** The answer of the public registration, whatever happened (no enumeration of registrants). */
export const REGISTRATION_ACCEPTED =
  'Thank you. Check your mail: a link to confirm your e-mail address is on its way (look in the spam folder too).';
export const ACCESS_REQUESTED =
  'If this e-mail is registered and confirmed for the event, a new link to it is on its way.';
const INVALID_CONFIRMATION =
  'This confirmation link is not valid, was already used or has expired: register again with the same e-mail to get a new one.';

/** Links an approved outside participant to the network (a command: `src/commands/`). */
export type LinkToNetwork = (
  trx: Kysely<DB>,
  input: { actor: Actor; event: EventRef; participantId: string },
) => Promise<void>;

export interface ParticipantServiceOptions {
  db: Kysely<DB>;
  mailer: Mailer;
  background: BackgroundTasks;
  publicUrl: string;
  clock?: () => Date;
  linkToNetwork: LinkToNetwork;
}

type Reps = readonly (RepresentativeInput & { personId?: string | null })[];

/**
 * Registration of B2B event participants (issue 22 item 2, decision 0035): the public page, the
 * e-mail confirmation and the event link, the portal's own registration, members registering their
 * organisation, organisers' additions and decisions.
 */
export class ParticipantService {
  private readonly clock: () => Date;
  private readonly events: EventRefReader;

  constructor(private readonly options: ParticipantServiceOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.events = new EventRefReader(options.db);
  }

  // The public page.

  private async publicEventRef(slug: string) {
    const row = await new ParticipantRepository(this.options.db).findPublicEvent(slug);
    if (!row) throw new NotFoundError('event', slug);
    const ref = await this.events.find(row.workspace_id, row.id);
    return { ref, extras: row };
  }

  async publicEvent(slug: string): Promise<PublicEventDto> {
    const { ref, extras } = await this.publicEventRef(slug);
    const slots = await this.events.slots(ref);
    return {
      slug: ref.publicSlug,
      title: ref.title,
      startsOn: ref.startsOn,
      endsOn: ref.endsOn,
      venue: extras.venue,
      format: ref.format,
      description: extras.description,
      timeZone: ref.timeZone,
      meetingTypes: ref.meetingTypes,
      maxRepresentatives: ref.maxRepresentatives,
      slots,
      registrationOpen: registrationOpen(ref, this.clock()),
      registrationOpensAt: ref.registrationOpensAt,
      registrationClosesAt: ref.registrationClosesAt,
      organiser: extras.workspace_name,
      consentText: consentText(ref.title, extras.workspace_name),
      networkConsentText: networkConsentText(extras.workspace_name),
    };
  }

  /**
   * A registration from the public page: stored `unconfirmed`, its confirmation link mailed after
   * the answer. An e-mail already registered for the event gets a new link instead, and the answer
   * is the same (it reveals nothing).
   */
  async register(slug: string, input: PublicRegistrationInput): Promise<void> {
    const { ref, extras } = await this.publicEventRef(slug);
    if (!registrationOpen(ref, this.clock()))
      throw new ConflictError(`Registration to ${ref.title} is not open now.`);
    const slots = await this.events.slots(ref);
    checkRegistration(ref, slots, input.profile, input.representatives, input.unavailable, 'body');
    const participants = new ParticipantRepository(this.options.db);
    const existing = await participants.findByEmail(ref.id, input.contactEmail);
    if (existing) {
      this.options.background.run('event link mail', () => this.remind(ref, existing.id));
      return;
    }
    const token = newSecret('evc_');
    const now = this.clock();
    const expiresAt = new Date(now.getTime() + CONFIRMATION_TTL_MS).toISOString();
    let created: ParticipantRow | undefined;
    try {
      created = await writeTransaction(this.options.db, async (trx) => {
        const row = await new ParticipantRepository(trx).create(ref.workspaceId, ref.id, {
          ...profileValues(input.profile),
          unavailable: JSON.stringify(normaliseInstants(input.unavailable)),
          contact_name: input.contactName,
          contact_email: input.contactEmail,
          status: 'unconfirmed',
          source: 'public',
          consent_at: now.toISOString(),
          consent_text: consentText(ref.title, extras.workspace_name),
          network_consent: input.networkConsent ? 1 : 0,
          confirmation_token_hash: hashSecret(token),
          confirmation_expires_at: expiresAt,
        });
        await new ParticipantRepository(trx).replaceRepresentatives(row.id, input.representatives);
        await audit(trx, ref.workspaceId, null, 'create', row.id, {
          event_id: [null, ref.id],
          name: [null, row.name],
          status: [null, 'unconfirmed'],
          source: [null, 'public'],
        });
        return row;
      });
    } catch (error) {
      // The same e-mail registered at the same moment: the other registration stands.
      const again = await participants.findByEmail(ref.id, input.contactEmail);
      if (!again) throw error;
    }
    if (!created) return;
    const row = created;
    this.options.background.run('event confirmation mail', () =>
      this.options.mailer.send({
        to: row.contact_email,
        ...confirmationMail({
          name: row.contact_name,
          eventTitle: ref.title,
          link: `${this.options.publicUrl}/events/confirm#${token}`,
          expiresAt,
        }),
        userId: null,
        sentByUserId: null,
      }),
    );
  }

  /** A registrant registering again: a fresh confirmation link, or a fresh event link once confirmed. */
  private async remind(ref: EventRef, participantId: string): Promise<void> {
    const row = await new ParticipantRepository(this.options.db).find(ref.workspaceId, ref.id, participantId);
    if (!row || row.status === 'rejected' || row.status === 'cancelled') return;
    if (row.email_confirmed_at) {
      await this.sendAccessLink(ref, row);
      return;
    }
    const token = newSecret('evc_');
    const expiresAt = new Date(this.clock().getTime() + CONFIRMATION_TTL_MS).toISOString();
    await writeTransaction(this.options.db, (trx) =>
      new ParticipantRepository(trx).update(row.id, null, {
        confirmation_token_hash: hashSecret(token),
        confirmation_expires_at: expiresAt,
      }),
    );
    await this.options.mailer.send({
      to: row.contact_email,
      ...confirmationMail({
        name: row.contact_name,
        eventTitle: ref.title,
        link: `${this.options.publicUrl}/events/confirm#${token}`,
        expiresAt,
      }),
      userId: null,
      sentByUserId: null,
    });
  }

  /** Issues a new event link (replacing the old one) and mails it. */
  private async sendAccessLink(ref: EventRef, row: ParticipantRow): Promise<void> {
    const token = newSecret('evt_');
    await writeTransaction(this.options.db, (trx) =>
      new ParticipantRepository(trx).update(row.id, null, { access_token_hash: hashSecret(token) }),
    );
    await this.options.mailer.send({
      to: row.contact_email,
      ...accessMail({
        name: row.contact_name,
        eventTitle: ref.title,
        link: `${this.options.publicUrl}/events/access#${token}`,
        status: row.status,
      }),
      userId: null,
      sentByUserId: null,
    });
  }

  /**
   * Confirms a registrant's e-mail: `pending` (manual approval) or `approved` (automatic), with a
   * new event link returned and mailed.
   * @throws InvalidInputError naming `body.token` for an unknown, used or expired token.
   */
  async confirm(
    token: string,
  ): Promise<{ accessToken: string; eventTitle: string; status: ParticipantStatus }> {
    const { db } = this.options;
    const found = await new ParticipantRepository(db).findByConfirmationHash(hashSecret(token));
    const now = this.clock().toISOString();
    if (!found?.confirmation_expires_at || found.confirmation_expires_at <= now)
      throw new InvalidInputError(INVALID_CONFIRMATION, [
        { field: 'body.token', message: INVALID_CONFIRMATION },
      ]);
    if (found.status !== 'unconfirmed')
      throw new InvalidInputError(INVALID_CONFIRMATION, [
        { field: 'body.token', message: INVALID_CONFIRMATION },
      ]);
    const ref = await this.events.find(found.workspace_id, found.event_id);
    const accessToken = newSecret('evt_');
    const status: ParticipantStatus = ref.approval === 'automatic' ? 'approved' : 'pending';
    const row = await writeTransaction(db, async (trx) => {
      const updated = await new ParticipantRepository(trx).update(found.id, found.version, {
        status,
        email_confirmed_at: now,
        confirmation_token_hash: null,
        confirmation_expires_at: null,
        access_token_hash: hashSecret(accessToken),
        ...(status === 'approved' ? { decided_at: now } : {}),
      });
      if (!updated)
        throw new InvalidInputError(INVALID_CONFIRMATION, [
          { field: 'body.token', message: INVALID_CONFIRMATION },
        ]);
      await audit(trx, ref.workspaceId, null, 'update', found.id, {
        status: ['unconfirmed', status],
        email_confirmed_at: [null, now],
      });
      if (status === 'approved' && updated.network_consent === 1 && !updated.organisation_id)
        await this.options.linkToNetwork(trx, {
          actor: systemActor(ref.workspaceId),
          event: ref,
          participantId: updated.id,
        });
      return updated;
    });
    this.options.background.run('event link mail', () =>
      this.options.mailer.send({
        to: row.contact_email,
        ...accessMail({
          name: row.contact_name,
          eventTitle: ref.title,
          link: `${this.options.publicUrl}/events/access#${accessToken}`,
          status,
        }),
        userId: null,
        sentByUserId: null,
      }),
    );
    return { accessToken, eventTitle: ref.title, status };
  }

  /** "Lost my link": a fresh event link to a confirmed registrant; nothing else, and the same answer. */
  requestAccess(slug: string, email: string): void {
    this.options.background.run('event link mail', async () => {
      const event = await new ParticipantRepository(this.options.db).findPublicEvent(slug);
      if (!event) return;
      const ref = await this.events.find(event.workspace_id, event.id);
      const row = await new ParticipantRepository(this.options.db).findByEmail(ref.id, email);
      if (!row?.email_confirmed_at || row.status === 'rejected' || row.status === 'cancelled') return;
      await this.sendAccessLink(ref, row);
    });
  }

  // The event portal (an outside participant signed in by its link).

  async portalMe(who: PortalParticipant) {
    const ref = await this.events.find(who.workspaceId, who.eventId);
    const participant = await this.load(ref, who.participantId);
    const extras = await new ParticipantRepository(this.options.db).eventExtras(ref.id);
    return {
      participant,
      event: {
        id: ref.id,
        title: ref.title,
        startsOn: ref.startsOn,
        endsOn: ref.endsOn,
        venue: extras.venue,
        format: ref.format,
        timeZone: ref.timeZone,
        slots: await this.events.slots(ref),
        meetingTypes: ref.meetingTypes,
        maxRepresentatives: ref.maxRepresentatives,
        registrationClosesAt: ref.registrationClosesAt,
        requestDeadlineAt: ref.requestDeadlineAt,
        publishedAt: ref.publishedAt,
        organiser: extras.workspace_name,
      },
      canEdit: this.editable(ref),
    };
  }

  async portalUpdate(who: PortalParticipant, input: UpdateRegistrationInput) {
    const ref = await this.events.find(who.workspaceId, who.eventId);
    if (!this.editable(ref))
      throw new ConflictError('The request deadline has passed: the registration can no longer be changed.');
    await this.applyUpdate(ref, who.participantId, input, null);
    return this.portalMe(who);
  }

  async portalCancel(who: PortalParticipant, version: number): Promise<void> {
    const ref = await this.events.find(who.workspaceId, who.eventId);
    await this.applyCancel(ref, who.participantId, version, null);
  }

  private editable(ref: EventRef): boolean {
    return (
      ref.status !== 'closed' &&
      (!ref.requestDeadlineAt || this.clock().toISOString() < ref.requestDeadlineAt)
    );
  }

  // The workspace's routes.

  async list(actor: Actor, eventId: string, query: ListParticipantsQuery) {
    const ref = await this.events.find(actor.workspaceId, eventId);
    requireEventManager(actor, ref);
    const participants = new ParticipantRepository(this.options.db);
    const filters = {
      ...(query.status ? { status: query.status } : {}),
      ...(query.source ? { source: query.source } : {}),
      ...(query.country ? { country: query.country } : {}),
      ...(query.q ? { q: query.q.toLowerCase() } : {}),
    };
    const [rows, total, counts] = await Promise.all([
      participants.list(actor.workspaceId, eventId, { ...filters, limit: query.limit, offset: query.offset }),
      participants.count(actor.workspaceId, eventId, filters),
      participants.countByStatus(actor.workspaceId, eventId, filters),
    ]);
    const reps = await participants.representatives(rows.map((r) => r.id));
    return {
      items: rows.map((row) => presentParticipant(row, reps)),
      total,
      countsByStatus: Object.fromEntries(PARTICIPANT_STATUSES.map((s) => [s, counts[s] ?? 0])) as Record<
        ParticipantStatus,
        number
      >,
    };
  }

  async get(actor: Actor, eventId: string, participantId: string): Promise<ParticipantDto> {
    const ref = await this.events.find(actor.workspaceId, eventId);
    const dto = await this.load(ref, participantId);
    if (!this.mayActFor(actor, ref, dto.organisationId)) throw new ForbiddenError('event.participate');
    return dto;
  }

  /** A member's registry profile as a registration of `organisationId` (a member: its own). */
  async draft(actor: Actor, eventId: string, organisationId: string | undefined) {
    const ref = await this.events.find(actor.workspaceId, eventId);
    const orgId = organisationId ?? actor.organisationId;
    if (!orgId)
      throw new InvalidInputError('Name the member organisation.', [
        { field: 'query.organisationId', message: 'is required' },
      ]);
    const registry = new RegistryReader(this.options.db);
    const org = await registry.organisation(actor.workspaceId, orgId);
    if (!org) throw new NotFoundError('organisation', orgId, 'query.organisationId');
    requireParticipate(actor, ref, org);
    const people = await registry.peopleWithEmail(actor.workspaceId, org.id, ref.maxRepresentatives);
    const existing = await this.events.participantOfOrganisation(ref, org.id);
    const tags = [...new Set([...parse(org.offer_tags), ...parse(org.request_tags)])].slice(0, 30);
    const representatives = people.map((p) => ({
      name: p.name,
      email: p.email as string,
      role: p.role_title,
      personId: p.id,
    }));
    return {
      organisationId: org.id,
      profile: {
        name: org.name,
        country: org.country,
        city: org.city,
        website: org.website,
        type: memberType(org.type),
        description: '',
        offers: org.offers.slice(0, 4000),
        lookingFor: org.requests.slice(0, 4000),
        tags: tags.map((t) => t.slice(0, 60)),
        spaceSegments: parse(org.space_segments) as ProfileInput['spaceSegments'],
        targetMarkets: parse(org.target_market_interests),
        meetingTypes: ref.meetingTypes.slice(0, 1),
      },
      representatives,
      contactName: representatives[0]?.name ?? '',
      contactEmail: representatives[0]?.email ?? '',
      participant: existing ? await this.load(ref, existing.id) : null,
      maxRepresentatives: ref.maxRepresentatives,
      slots: await this.events.slots(ref),
      eventMeetingTypes: ref.meetingTypes,
      timeZone: ref.timeZone,
    };
  }

  /** A member registers its own organisation (organisers: any member organisation). */
  async registerMember(
    actor: Actor,
    eventId: string,
    input: MemberRegistrationInput,
  ): Promise<ParticipantDto> {
    const ref = await this.events.find(actor.workspaceId, eventId);
    const org = await new RegistryReader(this.options.db).organisation(
      actor.workspaceId,
      input.organisationId,
    );
    if (!org) throw new NotFoundError('organisation', input.organisationId, 'body.organisationId');
    requireParticipate(actor, ref, org);
    const manager = canManageEvent(actor, ref);
    if (!manager && !registrationOpen(ref, this.clock()))
      throw new ConflictError(`Registration to ${ref.title} is not open now.`);
    const slots = await this.events.slots(ref);
    checkRegistration(ref, slots, input.profile, input.representatives, input.unavailable, 'body');
    const status: ParticipantStatus = ref.approval === 'automatic' ? 'approved' : 'pending';
    // Representatives who are people of the organisation in the registry are linked to them.
    const people = await new RegistryReader(this.options.db).peopleWithEmail(actor.workspaceId, org.id, 1000);
    const personOf = new Map(people.map((p) => [p.email, p.id]));
    return this.insert(actor, ref, {
      values: {
        ...profileValues(input.profile),
        organisation_id: org.id,
        unavailable: JSON.stringify(normaliseInstants(input.unavailable)),
        contact_name: input.contactName,
        contact_email: input.contactEmail,
        status,
        source: 'member',
        consent_at: this.clock().toISOString(),
        email_confirmed_at: this.clock().toISOString(),
        ...(status === 'approved'
          ? { decided_at: this.clock().toISOString(), decided_by: actor.userId }
          : {}),
      },
      reps: input.representatives.map((r) => ({ ...r, personId: personOf.get(r.email) ?? null })),
    });
  }

  /** An organiser adds a participant directly, approved: a member organisation or an outside one. */
  async add(actor: Actor, eventId: string, input: AddParticipantInput): Promise<ParticipantDto> {
    const ref = await this.events.find(actor.workspaceId, eventId);
    requireEventManager(actor, ref);
    if (input.organisationId) {
      const org = await new RegistryReader(this.options.db).organisation(
        actor.workspaceId,
        input.organisationId,
      );
      if (!org) throw new NotFoundError('organisation', input.organisationId, 'body.organisationId');
    }
    const slots = await this.events.slots(ref);
    checkRegistration(ref, slots, input.profile, input.representatives, input.unavailable, 'body');
    const now = this.clock().toISOString();
    const dto = await this.insert(actor, ref, {
      values: {
        ...profileValues(input.profile),
        organisation_id: input.organisationId,
        unavailable: JSON.stringify(normaliseInstants(input.unavailable)),
        contact_name: input.contactName,
        contact_email: input.contactEmail,
        status: 'approved',
        source: 'organiser',
        network_consent: input.networkConsent && !input.organisationId ? 1 : 0,
        decided_at: now,
        decided_by: actor.userId,
      },
      reps: input.representatives,
      link: input.networkConsent && !input.organisationId,
    });
    return dto;
  }

  private async insert(
    actor: Actor,
    ref: EventRef,
    p: { values: ParticipantValues; reps: Reps; link?: boolean },
  ): Promise<ParticipantDto> {
    const participants = new ParticipantRepository(this.options.db);
    if (
      p.values.organisation_id &&
      (await this.events.participantOfOrganisation(ref, p.values.organisation_id))
    )
      throw new ConflictError('This organisation is already registered for the event.');
    if (await participants.findByEmail(ref.id, p.values.contact_email))
      throw new InvalidInputError('This contact e-mail is already registered for the event.', [
        { field: 'body.contactEmail', message: 'is already registered for the event' },
      ]);
    const id = await writeTransaction(this.options.db, async (trx) => {
      const repo = new ParticipantRepository(trx);
      const row = await repo.create(actor.workspaceId, ref.id, p.values);
      await repo.replaceRepresentatives(row.id, p.reps);
      await audit(trx, actor.workspaceId, actor.userId, 'create', row.id, {
        event_id: [null, ref.id],
        name: [null, row.name],
        status: [null, row.status],
        source: [null, row.source],
        organisation_id: [null, row.organisation_id],
      });
      if (p.link) await this.options.linkToNetwork(trx, { actor, event: ref, participantId: row.id });
      return row.id;
    });
    return this.load(ref, id);
  }

  async update(actor: Actor, eventId: string, participantId: string, input: UpdateRegistrationInput) {
    const ref = await this.events.find(actor.workspaceId, eventId);
    const current = await this.load(ref, participantId);
    if (!this.mayActFor(actor, ref, current.organisationId)) throw new ForbiddenError('event.participate');
    await this.applyUpdate(ref, participantId, input, actor);
    return this.load(ref, participantId);
  }

  async cancel(
    actor: Actor,
    eventId: string,
    participantId: string,
    version: number,
  ): Promise<ParticipantDto> {
    const ref = await this.events.find(actor.workspaceId, eventId);
    const current = await this.load(ref, participantId);
    if (!this.mayActFor(actor, ref, current.organisationId)) throw new ForbiddenError('event.participate');
    await this.applyCancel(ref, participantId, version, actor);
    return this.load(ref, participantId);
  }

  /** Approves or rejects a registration; an approved outside participant with consent joins the network. */
  async decide(
    actor: Actor,
    eventId: string,
    participantId: string,
    input: DecisionInput,
  ): Promise<ParticipantDto> {
    const ref = await this.events.find(actor.workspaceId, eventId);
    requireEventManager(actor, ref);
    const row = await new ParticipantRepository(this.options.db).find(
      actor.workspaceId,
      ref.id,
      participantId,
    );
    if (!row) throw new NotFoundError('participant', participantId);
    const approve = input.decision === 'approve';
    const allowed: ParticipantStatus[] = approve ? ['pending', 'rejected'] : ['pending', 'approved'];
    if (!allowed.includes(row.status))
      throw new ConflictError(
        row.status === 'unconfirmed'
          ? 'The registrant has not confirmed its e-mail yet: it cannot be decided.'
          : `A registration that is ${row.status} cannot be ${approve ? 'approved' : 'rejected'}.`,
      );
    const now = this.clock().toISOString();
    const status: ParticipantStatus = approve ? 'approved' : 'rejected';
    await writeTransaction(this.options.db, async (trx) => {
      const updated = await new ParticipantRepository(trx).update(row.id, input.version, {
        status,
        decided_at: now,
        decided_by: actor.userId,
        decision_reason: input.reason,
      });
      if (!updated) throw stale(row);
      await audit(trx, actor.workspaceId, actor.userId, 'update', row.id, {
        status: [row.status, status],
        decision_reason: [row.decision_reason, input.reason],
      });
      if (approve && row.network_consent === 1 && !row.organisation_id)
        await this.options.linkToNetwork(trx, { actor, event: ref, participantId: row.id });
    });
    // A member's organisation reads its decision in the Hub; an outside registrant by mail (with a fresh link).
    if (!row.organisation_id) {
      const accessToken = approve ? newSecret('evt_') : null;
      if (accessToken)
        await writeTransaction(this.options.db, (trx) =>
          new ParticipantRepository(trx).update(row.id, null, { access_token_hash: hashSecret(accessToken) }),
        );
      this.options.background.run('event decision mail', () =>
        this.options.mailer.send({
          to: row.contact_email,
          ...decisionMail({
            name: row.contact_name,
            eventTitle: ref.title,
            approved: approve,
            reason: input.reason,
            link: accessToken ? `${this.options.publicUrl}/events/access#${accessToken}` : null,
          }),
          userId: null,
          sentByUserId: actor.userId,
        }),
      );
    }
    return this.load(ref, row.id);
  }

  // Shared.

  private mayActFor(actor: Actor, ref: EventRef, organisationId: string | null): boolean {
    return (
      canManageEvent(actor, ref) ||
      (organisationId !== null &&
        actor.organisationId === organisationId &&
        can(actor, 'event.participate', { organisationId }))
    );
  }

  private async load(ref: EventRef, participantId: string): Promise<ParticipantDto> {
    const repo = new ParticipantRepository(this.options.db);
    const row = await repo.find(ref.workspaceId, ref.id, participantId);
    if (!row) throw new NotFoundError('participant', participantId);
    return presentParticipant(row, await repo.representatives([row.id]));
  }

  private async applyUpdate(
    ref: EventRef,
    participantId: string,
    input: UpdateRegistrationInput,
    actor: Actor | null,
  ) {
    const repo = new ParticipantRepository(this.options.db);
    const row = await repo.find(ref.workspaceId, ref.id, participantId);
    if (!row) throw new NotFoundError('participant', participantId);
    const slots = await this.events.slots(ref);
    const profile = { ...currentProfile(row), ...input.profile };
    const reps = input.representatives ?? null;
    checkRegistration(ref, slots, profile, reps ?? [], input.unavailable ?? [], 'body');
    if (input.contactEmail && input.contactEmail !== row.contact_email) {
      const other = await repo.findByEmail(ref.id, input.contactEmail);
      if (other)
        throw new InvalidInputError('This contact e-mail is already registered for the event.', [
          { field: 'body.contactEmail', message: 'is already registered for the event' },
        ]);
    }
    await writeTransaction(this.options.db, async (trx) => {
      const values = {
        ...(input.profile ? profileValues(profile) : {}),
        ...(input.unavailable ? { unavailable: JSON.stringify(normaliseInstants(input.unavailable)) } : {}),
        ...(input.contactName ? { contact_name: input.contactName } : {}),
        ...(input.contactEmail ? { contact_email: input.contactEmail } : {}),
      };
      const updated = await new ParticipantRepository(trx).update(row.id, input.version, values);
      if (!updated) throw stale(row);
      if (reps) await new ParticipantRepository(trx).replaceRepresentatives(row.id, reps);
      const changes: Record<string, [unknown, unknown]> = {};
      for (const [key, value] of Object.entries(values)) {
        const before = row[key as keyof ParticipantRow];
        if (before !== value) changes[key] = [before, value];
      }
      if (reps) changes.representatives = [null, reps.map((r) => r.name).join(', ')];
      await audit(trx, ref.workspaceId, actor?.userId ?? null, 'update', row.id, changes);
    });
  }

  private async applyCancel(ref: EventRef, participantId: string, version: number, actor: Actor | null) {
    const row = await new ParticipantRepository(this.options.db).find(ref.workspaceId, ref.id, participantId);
    if (!row) throw new NotFoundError('participant', participantId);
    if (row.status === 'cancelled') throw new ConflictError('The registration is already cancelled.');
    await writeTransaction(this.options.db, async (trx) => {
      const updated = await new ParticipantRepository(trx).update(row.id, version, { status: 'cancelled' });
      if (!updated) throw stale(row);
      await audit(trx, ref.workspaceId, actor?.userId ?? null, 'update', row.id, {
        status: [row.status, 'cancelled'],
      });
    });
  }
}

/** The checks every registration path shares: representatives, slots, meeting types. */
export function checkRegistration(
  ref: EventRef,
  slots: readonly EventSlot[],
  profile: Pick<ProfileInput, 'meetingTypes'>,
  representatives: readonly RepresentativeInput[],
  unavailable: readonly string[],
  prefix: string,
): void {
  const errors: FieldError[] = [];
  if (representatives.length > ref.maxRepresentatives)
    errors.push({
      field: `${prefix}.representatives`,
      message: `at most ${ref.maxRepresentatives} representatives may come to this event`,
    });
  const emails = representatives.map((r) => r.email);
  emails.forEach((e, i) => {
    if (emails.indexOf(e) !== i)
      errors.push({ field: `${prefix}.representatives.${i}.email`, message: 'is given twice' });
  });
  for (const i of unknownSlots(
    unavailable,
    slots.map((s) => s.startsAt),
  ))
    errors.push({ field: `${prefix}.unavailable.${i}`, message: 'is not the start of a slot of the event' });
  profile.meetingTypes.forEach((type, i) => {
    if (!ref.meetingTypes.includes(type))
      errors.push({
        field: `${prefix}.profile.meetingTypes.${i}`,
        message: 'is not a meeting type of this event',
      });
  });
  if (errors.length > 0)
    throw new InvalidInputError(errors.map((e) => `${e.field} ${e.message}`).join('; '), errors);
}

export function profileValues(p: ProfileInput) {
  return {
    name: p.name,
    country: p.country,
    city: p.city,
    website: p.website,
    organisation_type: p.type,
    description: p.description,
    offers: p.offers,
    looking_for: p.lookingFor,
    tags: JSON.stringify(p.tags),
    space_segments: JSON.stringify(p.spaceSegments),
    target_markets: JSON.stringify(p.targetMarkets),
    meeting_types: JSON.stringify(p.meetingTypes),
  };
}

function currentProfile(row: ParticipantRow): ProfileInput {
  return {
    name: row.name,
    country: row.country,
    city: row.city,
    website: row.website,
    type: (row.organisation_type ?? 'company') as ProfileInput['type'],
    description: row.description,
    offers: row.offers,
    lookingFor: row.looking_for,
    tags: parse(row.tags),
    spaceSegments: parse(row.space_segments) as ProfileInput['spaceSegments'],
    targetMarkets: parse(row.target_markets),
    meetingTypes: parse(row.meeting_types) as ProfileInput['meetingTypes'],
  };
}

function parse(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}

function memberType(type: string): ProfileInput['type'] {
  if (type === 'sme' || type === 'large_company') return 'company';
  if (type === 'rd_centre' || type === 'university') return 'research_or_university';
  return 'other';
}

function requireParticipate(actor: Actor, ref: EventRef, org: { id: string; cluster_id: string }): void {
  if (canManageEvent(actor, ref)) return;
  requireParticipation(actor, { organisationId: org.id, clusterId: org.cluster_id });
}

function stale(row: ParticipantRow): ConflictError {
  return new ConflictError(
    `The registration of ${row.name} was changed by someone else (version ${row.version}): reload it and try again.`,
    row.version,
  );
}

/** The actor of writes no account made (a public registrant's confirmation). */
function systemActor(workspaceId: string): Actor {
  return { userId: '', workspaceId, role: 'coordinator', clusterId: null, organisationId: null };
}

async function audit(
  trx: Kysely<DB>,
  workspaceId: string,
  actorUserId: string | null,
  action: 'create' | 'update',
  id: string,
  changes: Record<string, [unknown, unknown]>,
): Promise<void> {
  await new AuditRepository(trx).record({
    workspaceId,
    actorUserId: actorUserId || null,
    action,
    entityType: 'b2b_participant',
    entityId: id,
    changes: changes as never,
  });
}
