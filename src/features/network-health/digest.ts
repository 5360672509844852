import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Role, roleMay } from '../../domain/access/policy.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { isLanguage } from '../../domain/i18n/types.ts';
import { DECAY_DAYS, type RelationshipStage } from '../../domain/network/types.ts';
import { todayIn } from '../../domain/workspaces/rules.ts';
import type { Mailer } from '../mail/mailer.ts';
import { DIGEST_LIMIT, type DigestNextStep, type DigestRelationship, digestMail } from './digest-mail.ts';
import { NetworkHealthRepository } from './repository.ts';
import { presentHealthRow } from './service.ts';

/**
 * The weekly network-health digest (issue 21 item 5): once per ISO week, each relationship owner
 * gets a mail listing their decaying relationships and their overdue next steps (interactions
 * whose `next_step_due_on` has passed, not done, owned by them). An owner with nothing to report
 * gets nothing.
 *
 * Once per owner and week, however many servers run the tick: the row of `network_digest`
 * (unique on workspace, user, week) is inserted before the mail is sent; a server that cannot
 * insert it (another did) skips the owner. A mail that fails to send removes its row, so the
 * next tick tries again.
 */

/** `2026-12-07` → `2026-W50` (ISO 8601 week-numbering year and week). */
export function isoWeekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0
  date.setUTCDate(date.getUTCDate() - weekday + 3); // the week's Thursday
  const year = date.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  firstThursday.setUTCDate(firstThursday.getUTCDate() - ((firstThursday.getUTCDay() + 6) % 7) + 3);
  const week = 1 + Math.round((date.getTime() - firstThursday.getTime()) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The Monday of an ISO week (`2026-W50` → `2026-12-07`); null when the text is not a week. */
export function mondayOf(week: string): string | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return null;
  const year = Number(match[1]);
  const number = Number(match[2]);
  if (number < 1 || number > 53) return null;
  const jan4 = new Date(Date.UTC(year, 0, 4));
  jan4.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7) + (number - 1) * 7);
  const monday = jan4.toISOString().slice(0, 10);
  return isoWeekOf(monday) === week ? monday : null;
}

export interface DigestOptions {
  db: Kysely<DB>;
  mailer: Mailer;
  /** Base of the link in the mail, without a trailing slash. */
  publicUrl: string;
  clock?: () => Date;
}

export interface DigestRun {
  week: string;
  /** Mails sent by this run. */
  sent: number;
  /** Owners skipped because their digest of the week was already sent (by this or another server). */
  alreadySent: number;
}

interface OwnerDigest {
  userId: string;
  relationships: DigestRelationship[];
  relationshipTotal: number;
  nextSteps: DigestNextStep[];
  nextStepTotal: number;
}

export class NetworkDigestService {
  private readonly clock: () => Date;

  constructor(private readonly options: DigestOptions) {
    this.clock = options.clock ?? (() => new Date());
  }

  /**
   * The scheduler tick: for every active workspace, the digests of the ISO week it is in its own
   * time zone that are not sent yet. Run hourly by every server; Monday's first tick sends them.
   */
  async tick(): Promise<DigestRun[]> {
    const workspaces = await this.options.db
      .selectFrom('workspace')
      .select(['id', 'time_zone'])
      .where('status', '=', 'active')
      .execute();
    const runs: DigestRun[] = [];
    for (const workspace of workspaces) {
      const week = isoWeekOf(todayIn(workspace.time_zone, this.clock()));
      runs.push(await this.sendWorkspace(workspace.id, week));
    }
    return runs;
  }

  /** `space2id network digest --week 2026-W50`: that week's digests of every active workspace, now. */
  async sendWeek(week: string, workspaceId?: string): Promise<DigestRun[]> {
    if (mondayOf(week) === null) {
      throw new InvalidInputError('The week is not an ISO week', [
        { field: 'week', message: 'must be an ISO week written YYYY-Www, e.g. 2026-W50' },
      ]);
    }
    let query = this.options.db.selectFrom('workspace').select('id').where('status', '=', 'active');
    if (workspaceId) query = query.where('id', '=', workspaceId);
    const workspaces = await query.execute();
    const runs: DigestRun[] = [];
    for (const workspace of workspaces) runs.push(await this.sendWorkspace(workspace.id, week));
    return runs;
  }

  /** One workspace's digests of `week`, as of today in its time zone. */
  async sendWorkspace(workspaceId: string, week: string): Promise<DigestRun> {
    const { db } = this.options;
    const workspace = await db
      .selectFrom('workspace')
      .select(['slug', 'name', 'time_zone'])
      .where('id', '=', workspaceId)
      .executeTakeFirstOrThrow();
    const today = todayIn(workspace.time_zone, this.clock());
    const owners = await this.ownerDigests(workspaceId, today);
    const repository = new NetworkHealthRepository(db);
    const users = new Map(
      (await repository.users(workspaceId, [...owners.keys()])).map((user) => [user.id, user]),
    );
    const run: DigestRun = { week, sent: 0, alreadySent: 0 };
    for (const digest of owners.values()) {
      const user = users.get(digest.userId);
      // Someone who left the workspace, or whose role no longer reads the network, gets nothing.
      if (!user || !roleMay(user.role as Role, 'network.read')) continue;
      const id = randomUUID();
      const inserted = await db
        .insertInto('network_digest')
        .values({
          id,
          workspace_id: workspaceId,
          user_id: user.id,
          week,
          sent_at: null,
          created_at: this.clock().toISOString(),
        })
        .onConflict((oc) => oc.columns(['workspace_id', 'user_id', 'week']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
        run.alreadySent += 1;
        continue;
      }
      const content = digestMail(
        {
          name: user.name,
          workspaceName: workspace.name,
          week,
          link: `${this.options.publicUrl}/w/${encodeURIComponent(workspace.slug)}/network/health`,
          relationships: digest.relationships,
          relationshipTotal: digest.relationshipTotal,
          nextSteps: digest.nextSteps,
          nextStepTotal: digest.nextStepTotal,
        },
        isLanguage(user.language) ? user.language : 'en',
      );
      try {
        await this.options.mailer.send({ to: user.email, ...content, userId: user.id, sentByUserId: null });
      } catch (error) {
        await db.deleteFrom('network_digest').where('id', '=', id).execute();
        throw error;
      }
      await db
        .updateTable('network_digest')
        .set({ sent_at: this.clock().toISOString() })
        .where('id', '=', id)
        .execute();
      run.sent += 1;
    }
    return run;
  }

  /** Per owner with something to report: decaying relationships (longest silence first), overdue steps. */
  private async ownerDigests(workspaceId: string, today: string): Promise<Map<string, OwnerDigest>> {
    const { db } = this.options;
    const repository = new NetworkHealthRepository(db);
    const owners = new Map<string, OwnerDigest>();
    const of = (userId: string) => {
      let digest = owners.get(userId);
      if (!digest) {
        digest = { userId, relationships: [], relationshipTotal: 0, nextSteps: [], nextStepTotal: 0 };
        owners.set(userId, digest);
      }
      return digest;
    };
    const decaying = await repository.list(
      workspaceId,
      today,
      { decaying: true },
      { mostDaysFirst: true, limit: 1_000_000 },
    );
    for (const row of decaying) {
      if (!row.owner_user_id) continue;
      const item = presentHealthRow(row, today);
      const digest = of(row.owner_user_id);
      digest.relationshipTotal += 1;
      if (digest.relationships.length < DIGEST_LIMIT) {
        digest.relationships.push({
          counterpart: item.counterpart.name,
          stage: item.stage,
          daysSince: item.daysSince,
          decayDays: DECAY_DAYS[item.stage as RelationshipStage] ?? 0,
        });
      }
    }
    const steps = await db
      .selectFrom('interaction as i')
      .innerJoin('network_organisation as o', 'o.id', 'i.network_organisation_id')
      .where('i.workspace_id', '=', workspaceId)
      .where('i.next_step_owner_user_id', 'is not', null)
      .where('i.next_step_done_at', 'is', null)
      .where('i.next_step_due_on', '<', today)
      .select(['i.next_step_owner_user_id', 'i.next_step', 'i.next_step_due_on', 'o.name'])
      .orderBy('i.next_step_due_on')
      .orderBy('i.id')
      .execute();
    for (const step of steps) {
      if (!step.next_step_owner_user_id || !step.next_step_due_on) continue;
      const digest = of(step.next_step_owner_user_id);
      digest.nextStepTotal += 1;
      if (digest.nextSteps.length < DIGEST_LIMIT) {
        digest.nextSteps.push({
          organisation: step.name,
          nextStep: step.next_step ?? '',
          dueOn: step.next_step_due_on,
        });
      }
    }
    return owners;
  }
}
