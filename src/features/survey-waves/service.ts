import { randomBytes } from 'node:crypto';
import type { Insertable, Kysely, Updateable } from 'kysely';
import { newId } from '../../db/ids.ts';
import type { DB, SurveyInvitationTable, SurveyWaveTable } from '../../db/schema.ts';
import { markEvidence, writeTransaction } from '../../db/write-transaction.ts';
import { type Actor, can, clusterScope, requireAccess, roleMay } from '../../domain/access/policy.ts';
import { ConflictError, type FieldError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { isLanguage, type Language } from '../../domain/i18n/types.ts';
import type {
  InvitationProgress,
  QuestionnaireDefinition,
  WaveAudience,
} from '../../domain/surveys/types.ts';
import { cursorPosition, pageOf } from '../../http/list-params.ts';
import { AuditRepository, diff } from '../audit/repository.ts';
import { hashSecret } from '../auth/secrets.ts';
import type { BackgroundTasks } from '../mail/background.ts';
import type { Mailer } from '../mail/mailer.ts';
import { surveyInvitationMail, surveyReminderMail } from './mails.ts';
import {
  type InvitationRow,
  type MemberCandidate,
  type NetworkCandidate,
  type WaveListRow,
  type WaveProgressCounts,
  WaveRepository,
  type WaveRow,
} from './repository.ts';
import type { AudienceInput, CreateWaveInput, ListWavesQuery, UpdateWaveInput } from './schema.ts';

/** The instruments a wave may run in: validation surveys and market surveys and studies. */
export const SURVEY_INSTRUMENT_CODES = ['1.1.6', '1.3.4'] as const;

/** A new personal link: 192 random bits, URL-safe (decision 0040). */
export function newSurveyToken(): string {
  return randomBytes(24).toString('base64url');
}

export function surveyLink(publicUrl: string, token: string): string {
  return `${publicUrl}/survey#${token}`;
}

const EMPTY_PROGRESS: WaveProgressCounts = { invited: 0, sent: 0, opened: 0, started: 0, completed: 0 };

/** One person an audience names: invited, or excluded with the reason. */
export interface AudienceMember {
  personId: string | null;
  networkPersonId: string | null;
  name: string;
  email: string | null;
  organisationId: string | null;
  networkOrganisationId: string | null;
  organisationName: string | null;
  language: Language | null;
  excluded: 'no_email' | 'no_consent' | null;
}

function parseList(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** The people an audience names, the invited first (pure: the candidates are read before). */
export function resolveAudience(
  audience: WaveAudience,
  members: readonly MemberCandidate[],
  network: readonly NetworkCandidate[],
): AudienceMember[] {
  const has = (list: readonly string[] | undefined) => list !== undefined && list.length > 0;
  const people: AudienceMember[] = [];
  if (audience.kind === 'members') {
    for (const c of members) {
      if (has(audience.clusterIds) && !audience.clusterIds?.includes(c.cluster_id)) continue;
      if (has(audience.organisationIds) && !audience.organisationIds?.includes(c.organisation_id)) continue;
      if (has(audience.segments)) {
        const segments = parseList(c.space_segments);
        if (!audience.segments?.some((s) => segments.includes(s))) continue;
      }
      if (has(audience.countries)) {
        const interests = parseList(c.target_market_interests);
        if (!audience.countries?.some((s) => interests.includes(s))) continue;
      }
      people.push({
        personId: c.person_id,
        networkPersonId: null,
        name: c.name,
        email: c.email,
        organisationId: c.organisation_id,
        networkOrganisationId: null,
        organisationName: c.organisation_name,
        language: null,
        excluded: !c.email ? 'no_email' : c.consent !== 1 ? 'no_consent' : null,
      });
    }
  } else {
    for (const c of network) {
      if (has(audience.networkPersonIds) && !audience.networkPersonIds?.includes(c.network_person_id))
        continue;
      if (has(audience.countries) && !(c.country && audience.countries?.includes(c.country))) continue;
      people.push({
        personId: null,
        networkPersonId: c.network_person_id,
        name: c.name,
        email: c.email,
        organisationId: null,
        networkOrganisationId: c.network_organisation_id,
        organisationName: c.organisation_name,
        language: isLanguage(c.language) ? c.language : null,
        excluded: !c.email ? 'no_email' : !c.consent_basis ? 'no_consent' : null,
      });
    }
  }
  return [...people.filter((p) => !p.excluded), ...people.filter((p) => p.excluded)];
}

function parseAudience(json: string): WaveAudience {
  try {
    const value = JSON.parse(json) as WaveAudience;
    return value && (value.kind === 'members' || value.kind === 'network') ? value : { kind: 'members' };
  } catch {
    return { kind: 'members' };
  }
}

function progressOf(row: {
  opened_at: string | null;
  started_at: string | null;
  completed_at: string | null;
}): InvitationProgress {
  if (row.completed_at) return 'completed';
  if (row.started_at) return 'started';
  if (row.opened_at) return 'opened';
  return 'sent';
}

export function presentWave(row: WaveListRow, progress: WaveProgressCounts | undefined) {
  return {
    id: row.id,
    name: row.name,
    questionnaireId: row.questionnaire_id,
    questionnaireName: row.questionnaire_name,
    questionnaireKind: row.questionnaire_kind,
    questionnaireVersion: row.version_number === null ? null : Number(row.version_number),
    status: row.status,
    audience: parseAudience(row.audience),
    anonymous: row.anonymous === 1,
    defaultLanguage: isLanguage(row.default_language) ? row.default_language : ('en' as Language),
    closesAt: row.closes_at,
    reminderAfterDays: row.reminder_after_days,
    activityId: row.activity_id,
    activityTitle: row.activity_title,
    marketId: row.market_id,
    marketName: row.market_name,
    clusterId: row.cluster_id,
    clusterName: row.cluster_name,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    progress: progress ?? EMPTY_PROGRESS,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface WaveServiceOptions {
  db: Kysely<DB>;
  mailer: Mailer;
  background: BackgroundTasks;
  publicUrl: string;
  clock?: () => Date;
}

/**
 * Use cases of survey waves (issue 23 item 2, decision 0042). A wave's scope is its cluster (an
 * activity's cluster when it runs in one; null: the coordinators'): staff read every wave,
 * `survey.manage` in that scope writes it. A draft is edited freely; sending freezes the
 * questionnaire, invites the audience with personal links (hash kept) and mails them.
 */
export class WaveService {
  private readonly clock: () => Date;

  constructor(private readonly options: WaveServiceOptions) {
    this.clock = options.clock ?? (() => new Date());
  }

  private get db() {
    return this.options.db;
  }

  async list(actor: Actor, query: ListWavesQuery) {
    requireAccess(actor, 'survey.read');
    const waves = new WaveRepository(this.db);
    const filters = {
      ...(query.status ? { statuses: query.status } : {}),
      ...(query.questionnaireId ? { questionnaireId: query.questionnaireId } : {}),
      ...(query.q ? { q: query.q.toLowerCase() } : {}),
    };
    const after = cursorPosition(query.cursor, 'id');
    const [rows, total] = await Promise.all([
      waves.list(actor.workspaceId, { ...filters, limit: query.limit + 1, ...(after ? { after } : {}) }),
      waves.count(actor.workspaceId, filters),
    ]);
    const page = pageOf(rows, query.limit, 'id');
    const progress = await waves.progress(page.rows.map((r) => r.id));
    return {
      items: page.rows.map((row) => presentWave(row, progress.get(row.id))),
      nextCursor: page.nextCursor,
      total,
      canCreate: roleMay(actor.role, 'survey.manage'),
    };
  }

  async get(actor: Actor, id: string) {
    requireAccess(actor, 'survey.read');
    return this.detail(new WaveRepository(this.db), actor, id);
  }

  private async detail(waves: WaveRepository, actor: Actor, id: string) {
    const row = await waves.findWithNames(actor.workspaceId, id);
    if (!row) throw new NotFoundError('survey wave', id);
    const progress = (await waves.progress([id])).get(id);
    const respondents =
      row.anonymous === 1
        ? null
        : (await waves.respondents(id)).map((r) => ({
            id: r.id,
            name: r.name,
            email: r.email,
            organisationName: r.organisation_name,
            language: r.language,
            progress: progressOf(r),
            sentAt: r.sent_at,
            openedAt: r.opened_at,
            startedAt: r.started_at,
            completedAt: r.completed_at,
            remindedAt: r.reminded_at,
            reminderCount: Number(r.reminder_count),
          }));
    return {
      ...presentWave(row, progress),
      respondents,
      canManage: can(actor, 'survey.manage', clusterScope(row.cluster_id)),
    };
  }

  /** The questionnaires a wave can be sent with (active ones), with their languages and size. */
  async questionnaireOptions(actor: Actor) {
    requireAccess(actor, 'survey.read');
    const rows = await new WaveRepository(this.db).questionnaires(actor.workspaceId);
    return {
      items: rows.map((row) => {
        let definition: Partial<QuestionnaireDefinition> = {};
        try {
          definition = JSON.parse(row.definition) as QuestionnaireDefinition;
        } catch {
          // A broken definition shows as empty: sending it is refused.
        }
        const languages = (definition.languages ?? ['en']).filter(isLanguage);
        return {
          id: row.id,
          name: row.name,
          kind: row.kind,
          languages: languages.length > 0 ? languages : (['en'] as Language[]),
          questionCount: (definition.sections ?? []).reduce((n, s) => n + (s.questions?.length ?? 0), 0),
        };
      }),
    };
  }

  /** Who an audience would reach: the invited and the excluded with the reason. */
  async previewAudience(actor: Actor, audience: AudienceInput) {
    requireAccess(actor, 'survey.manage', clusterScope(ownCluster(actor)));
    const people = await this.audienceOf(new WaveRepository(this.db), actor.workspaceId, audience, 'body');
    const invited = people.filter((p) => !p.excluded).length;
    return {
      invited,
      excluded: people.length - invited,
      people: people.slice(0, 500).map((p) => ({
        personId: p.personId,
        networkPersonId: p.networkPersonId,
        name: p.name,
        email: p.email,
        organisationName: p.organisationName,
        excluded: p.excluded,
      })),
    };
  }

  private async audienceOf(
    waves: WaveRepository,
    workspaceId: string,
    audience: WaveAudience,
    at: string,
  ): Promise<AudienceMember[]> {
    for (const clusterId of audience.clusterIds ?? []) {
      if (!(await waves.workspaces.hasCluster(workspaceId, clusterId))) {
        throw new NotFoundError('cluster', clusterId, `${at}.audience.clusterIds`);
      }
    }
    const [members, network] = await Promise.all([
      audience.kind === 'members' ? waves.memberCandidates(workspaceId) : Promise.resolve([]),
      audience.kind === 'network' ? waves.networkCandidates(workspaceId) : Promise.resolve([]),
    ]);
    return resolveAudience(audience, members, network);
  }

  async create(actor: Actor, input: CreateWaveInput) {
    // The gate: a manager in some scope; the wave's own scope (its activity's cluster) is checked below.
    requireAccess(actor, 'survey.manage', clusterScope(input.clusterId ?? ownCluster(actor)));
    return writeTransaction(this.db, async (trx) => {
      const waves = new WaveRepository(trx);
      const values = await this.values(waves, actor, input, null);
      requireAccess(actor, 'survey.manage', clusterScope(values.cluster_id ?? null));
      const now = this.clock().toISOString();
      const row = await waves.create({
        id: newId(),
        workspace_id: actor.workspaceId,
        questionnaire_id: input.questionnaireId,
        questionnaire_version_id: null,
        activity_id: null,
        market_id: null,
        cluster_id: null,
        name: input.name,
        audience: JSON.stringify(input.audience),
        anonymous: input.anonymous ? 1 : 0,
        default_language: input.defaultLanguage,
        status: 'draft',
        opened_at: null,
        closes_at: null,
        closed_at: null,
        reminder_after_days: null,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
        ...values,
      });
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'create',
        entityType: 'survey_wave',
        entityId: row.id,
        changes: diff({}, { ...values, name: input.name, audience: JSON.stringify(input.audience) }),
      });
      return this.detail(waves, actor, row.id);
    });
  }

  async update(actor: Actor, id: string, input: UpdateWaveInput) {
    return writeTransaction(this.db, async (trx) => {
      const waves = new WaveRepository(trx);
      const current = await load(waves, actor, id);
      requireAccess(actor, 'survey.manage', clusterScope(current.cluster_id));
      if (current.status !== 'draft') {
        throw new ConflictError(`The wave ${id} was sent: only a draft is edited (close it instead).`);
      }
      const { version, ...rest } = input;
      const values = await this.values(waves, actor, rest, current);
      if (values.cluster_id !== undefined && values.cluster_id !== current.cluster_id) {
        requireAccess(actor, 'survey.manage', clusterScope(values.cluster_id));
      }
      const changes = diff(current, values);
      if (!(await waves.update(actor.workspaceId, id, version, values, this.clock().toISOString()))) {
        throw staleVersion(id, version, current.version);
      }
      if (Object.keys(changes).length > 0) {
        await new AuditRepository(trx).record({
          workspaceId: actor.workspaceId,
          actorUserId: actor.userId,
          action: 'update',
          entityType: 'survey_wave',
          entityId: id,
          changes,
        });
      }
      return this.detail(waves, actor, id);
    });
  }

  async delete(actor: Actor, id: string, version: number): Promise<void> {
    await writeTransaction(this.db, async (trx) => {
      const waves = new WaveRepository(trx);
      const current = await load(waves, actor, id);
      requireAccess(actor, 'survey.manage', clusterScope(current.cluster_id));
      if (current.status !== 'draft') {
        throw new ConflictError(
          `The wave ${id} was sent: its answers stay (close it instead of deleting it).`,
        );
      }
      if (!(await waves.delete(actor.workspaceId, id, version)))
        throw staleVersion(id, version, current.version);
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'delete',
        entityType: 'survey_wave',
        entityId: id,
        changes: { name: [current.name, null], questionnaire_id: [current.questionnaire_id, null] },
      });
    });
  }

  /**
   * Sends a draft: freezes the questionnaire as its next version (unless unchanged since the
   * last), invites each person of the audience who has an e-mail and consented (one invitation
   * each, its token hashed), opens the wave, then mails the links after the answer.
   */
  async send(actor: Actor, id: string, version: number) {
    const { detail, mails } = await writeTransaction(this.db, async (trx) => {
      const waves = new WaveRepository(trx);
      const current = await load(waves, actor, id);
      requireAccess(actor, 'survey.manage', clusterScope(current.cluster_id));
      if (current.status !== 'draft') throw new ConflictError(`The wave ${id} was already sent.`);
      if (current.version !== version) throw staleVersion(id, version, current.version);
      const questionnaire = await waves.questionnaire(actor.workspaceId, current.questionnaire_id);
      if (!questionnaire) throw new NotFoundError('questionnaire', current.questionnaire_id);
      const definition = JSON.parse(questionnaire.definition) as QuestionnaireDefinition;
      const questionCount = definition.sections?.reduce((n, s) => n + (s.questions?.length ?? 0), 0) ?? 0;
      if (questionCount === 0) {
        throw new InvalidInputError('The questionnaire has no questions: add some before sending it', [
          { field: 'questionnaireId', message: 'has no questions' },
        ]);
      }
      const people = await this.audienceOf(waves, actor.workspaceId, parseAudience(current.audience), 'wave');
      const invited = people.filter((p) => !p.excluded && p.email);
      if (invited.length === 0) {
        throw new InvalidInputError(
          'No one in the audience can be invited: each needs an e-mail address and consent',
          [{ field: 'audience', message: `names ${people.length} people, none with an e-mail and consent` }],
        );
      }
      const now = this.clock().toISOString();
      const latest = await waves.latestVersion(questionnaire.id);
      const frozen =
        latest && latest.definition === questionnaire.definition
          ? latest
          : await waves.freezeVersion(
              actor.workspaceId,
              questionnaire.id,
              Math.max(questionnaire.current_version, latest?.number ?? 0) + 1,
              questionnaire.definition,
              now,
            );
      const languages = new Set(definition.languages ?? ['en']);
      const fallback = languages.has(current.default_language as Language)
        ? (current.default_language as Language)
        : 'en';
      const seen = new Set<string>();
      const rows: Insertable<SurveyInvitationTable>[] = [];
      const mails: { row: Insertable<SurveyInvitationTable> & { language: Language }; token: string }[] = [];
      for (const person of invited) {
        const email = (person.email as string).toLowerCase();
        if (seen.has(email)) continue;
        seen.add(email);
        const token = newSurveyToken();
        const row: Insertable<SurveyInvitationTable> & { language: Language } = {
          id: newId(),
          workspace_id: actor.workspaceId,
          wave_id: id,
          token_hash: hashSecret(token),
          person_id: person.personId,
          network_person_id: person.networkPersonId,
          organisation_id: person.organisationId,
          network_organisation_id: person.networkOrganisationId,
          email,
          name: person.name,
          language: person.language && languages.has(person.language) ? person.language : fallback,
          sent_at: null,
          opened_at: null,
          started_at: null,
          completed_at: null,
          reminded_at: null,
          reminder_count: 0,
          draft_answers: null,
          draft_updated_at: null,
          created_at: now,
        };
        rows.push(row);
        mails.push({ row, token });
      }
      await waves.insertInvitations(rows);
      await waves.update(
        actor.workspaceId,
        id,
        version,
        { status: 'open', opened_at: now, questionnaire_version_id: frozen.id },
        now,
      );
      markEvidence(trx, [current.activity_id]);
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'update',
        entityType: 'survey_wave',
        entityId: id,
        changes: {
          status: ['draft', 'open'],
          questionnaire_version: [null, frozen.number],
          invited: [null, rows.length],
          excluded: [null, people.length - invited.length],
        },
      });
      return { detail: await this.detail(waves, actor, id), mails };
    });
    const workspace = await new WaveRepository(this.db).workspace(actor.workspaceId);
    this.options.background.run('survey invitation mails', async () => {
      for (const { row, token } of mails) {
        await this.options.mailer.send({
          to: row.email,
          ...surveyInvitationMail(
            {
              name: row.name,
              survey: detail.name,
              by: workspace.name,
              link: surveyLink(this.options.publicUrl, token),
              closesAt: detail.closesAt,
              anonymous: detail.anonymous,
            },
            row.language,
          ),
          userId: null,
          sentByUserId: actor.userId,
        });
        await new WaveRepository(this.db).markSent(row.id, this.clock().toISOString());
      }
    });
    return { ...detail, progress: { ...detail.progress } };
  }

  /** Reminds now everyone of an open wave who has not completed (a new link each). */
  async remind(actor: Actor, id: string) {
    const waves = new WaveRepository(this.db);
    const current = await load(waves, actor, id);
    requireAccess(actor, 'survey.manage', clusterScope(current.cluster_id));
    if (current.status !== 'open')
      throw new ConflictError(`The wave ${id} is not open: no reminder to send.`);
    const pending = await waves.pendingInvitations(id);
    const reminded = await remindInvitations(this.options, current, pending, this.clock(), actor.userId);
    await writeTransaction(this.db, async (trx) => {
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'update',
        entityType: 'survey_wave',
        entityId: id,
        changes: { reminded: [null, reminded] },
      });
    });
    return { reminded };
  }

  async close(actor: Actor, id: string, version: number) {
    return writeTransaction(this.db, async (trx) => {
      const waves = new WaveRepository(trx);
      const current = await load(waves, actor, id);
      requireAccess(actor, 'survey.manage', clusterScope(current.cluster_id));
      if (current.status !== 'open')
        throw new ConflictError(`The wave ${id} is not open: it cannot be closed.`);
      const now = this.clock().toISOString();
      if (!(await waves.update(actor.workspaceId, id, version, { status: 'closed', closed_at: now }, now))) {
        throw staleVersion(id, version, current.version);
      }
      await new AuditRepository(trx).record({
        workspaceId: actor.workspaceId,
        actorUserId: actor.userId,
        action: 'update',
        entityType: 'survey_wave',
        entityId: id,
        changes: { status: ['open', 'closed'] },
      });
      return this.detail(waves, actor, id);
    });
  }

  /**
   * The stored values of a create (current null) or an edit of a draft: the questionnaire, the
   * activity (a validation or market survey; its cluster becomes the wave's), the market and the
   * cluster of this workspace, a closing time in the future.
   */
  private async values(
    waves: WaveRepository,
    actor: Actor,
    input: Omit<UpdateWaveInput, 'version'>,
    current: WaveRow | null,
  ) {
    const values: Updateable<SurveyWaveTable> = {};
    const errors: FieldError[] = [];
    if (input.name !== undefined) values.name = input.name;
    if (input.audience !== undefined) values.audience = JSON.stringify(input.audience);
    if (input.anonymous !== undefined) values.anonymous = input.anonymous ? 1 : 0;
    if (input.defaultLanguage !== undefined) values.default_language = input.defaultLanguage;
    if (input.reminderAfterDays !== undefined) values.reminder_after_days = input.reminderAfterDays;
    if (input.closesAt !== undefined) {
      if (input.closesAt !== null) {
        const closes = new Date(input.closesAt);
        if (closes.getTime() <= this.clock().getTime()) {
          errors.push({ field: 'body.closesAt', message: 'must be in the future' });
        }
        values.closes_at = closes.toISOString();
      } else {
        values.closes_at = null;
      }
    }
    if (input.questionnaireId !== undefined) {
      const questionnaire = await waves.questionnaire(actor.workspaceId, input.questionnaireId);
      if (!questionnaire)
        throw new NotFoundError('questionnaire', input.questionnaireId, 'body.questionnaireId');
      if (questionnaire.status === 'archived') {
        errors.push({ field: 'body.questionnaireId', message: 'is archived' });
      }
      values.questionnaire_id = input.questionnaireId;
    }
    if (input.marketId !== undefined) {
      if (input.marketId !== null && !(await waves.hasMarket(actor.workspaceId, input.marketId))) {
        throw new NotFoundError('target market', input.marketId, 'body.marketId');
      }
      values.market_id = input.marketId;
    }
    if (input.clusterId !== undefined) {
      if (
        input.clusterId !== null &&
        !(await waves.workspaces.hasCluster(actor.workspaceId, input.clusterId))
      ) {
        throw new NotFoundError('cluster', input.clusterId, 'body.clusterId');
      }
      values.cluster_id = input.clusterId;
    }
    const activityId = input.activityId !== undefined ? input.activityId : (current?.activity_id ?? null);
    if (input.activityId !== undefined) values.activity_id = input.activityId;
    if (activityId !== null && (input.activityId !== undefined || input.clusterId !== undefined)) {
      const activity = await waves.activity(actor.workspaceId, activityId);
      if (!activity) throw new NotFoundError('activity', activityId, 'body.activityId');
      const code = activity.instrument_code;
      if (!(SURVEY_INSTRUMENT_CODES as readonly string[]).includes(code)) {
        errors.push({
          field: 'body.activityId',
          message: `is an activity of instrument ${code}; a wave runs in a validation survey (1.1.6) or a market survey (1.3.4)`,
        });
      }
      if (
        input.clusterId !== undefined &&
        input.clusterId !== null &&
        input.clusterId !== activity.cluster_id
      ) {
        errors.push({ field: 'body.clusterId', message: "must be the activity's cluster, or left out" });
      }
      values.cluster_id = activity.cluster_id;
    }
    if (errors.length > 0) throw new InvalidInputError('The wave cannot be saved as sent', errors);
    return values;
  }
}

/**
 * Sends each pending invitation a reminder with a new link (the old one stops working: only the
 * hash of a link is kept). An invitation completed or reminded by another server meanwhile is
 * skipped; a mail that fails gives the invitation back for a later try. Returns how many were sent.
 */
export async function remindInvitations(
  options: { db: Kysely<DB>; mailer: Mailer; publicUrl: string },
  wave: Pick<WaveRow, 'workspace_id' | 'name' | 'closes_at' | 'anonymous'>,
  pending: readonly InvitationRow[],
  now: Date,
  sentBy: string | null,
): Promise<number> {
  const waves = new WaveRepository(options.db);
  const workspace = await waves.workspace(wave.workspace_id);
  let reminded = 0;
  for (const invitation of pending) {
    const token = newSurveyToken();
    const at = now.toISOString();
    const count = Number(invitation.reminder_count);
    if (!(await waves.claimReminder(invitation.id, count, hashSecret(token), at))) continue;
    try {
      await options.mailer.send({
        to: invitation.email,
        ...surveyReminderMail(
          {
            name: invitation.name,
            survey: wave.name,
            by: workspace.name,
            link: surveyLink(options.publicUrl, token),
            closesAt: wave.closes_at,
            anonymous: wave.anonymous === 1,
          },
          (isLanguage(invitation.language) ? invitation.language : 'en') as Language,
        ),
        userId: null,
        sentByUserId: sentBy,
      });
      reminded++;
    } catch (error) {
      // The new link never reached the respondent: give the old one back, a later run tries again.
      await options.db
        .updateTable('survey_invitation')
        .set({
          token_hash: invitation.token_hash,
          reminded_at: invitation.reminded_at,
          reminder_count: count,
        })
        .where('id', '=', invitation.id)
        .where('reminder_count', '=', count + 1)
        .execute();
      throw error;
    }
  }
  return reminded;
}

/** The scope an actor manages in: a cluster manager's cluster, the coordinators' (null) otherwise. */
function ownCluster(actor: Actor): string | null {
  return actor.role === 'coordinator' ? null : actor.clusterId;
}

async function load(waves: WaveRepository, actor: Actor, id: string): Promise<WaveRow> {
  const row = await waves.find(actor.workspaceId, id);
  if (!row) throw new NotFoundError('survey wave', id);
  return row;
}

function staleVersion(id: string, sent: number, current: number): ConflictError {
  return new ConflictError(
    `The wave ${id} was changed by someone else (version ${current}, you sent ${sent}): reload it and apply your edit again.`,
    current,
  );
}
