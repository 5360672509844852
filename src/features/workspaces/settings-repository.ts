import type { Kysely } from 'kysely';
import { nowIso } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { DEFAULT_DAY_RATE_CENTS } from '../../domain/workspaces/rules.ts';

/** The columns of a workspace's settings (everything but the logo's bytes). */
const SETTINGS_COLUMNS = [
  'id',
  'slug',
  'name',
  'status',
  'version',
  'currency',
  'default_day_rate_cents',
  'time_zone',
  'languages',
  'fiscal_year_start_month',
  'logo_content_type',
  'logo_updated_at',
] as const;

export interface SettingsChanges {
  name?: string;
  currency?: string;
  default_day_rate_cents?: number;
  time_zone?: string;
  languages?: string;
  fiscal_year_start_month?: number;
  logo?: Buffer | null;
  logo_content_type?: string | null;
  logo_updated_at?: string | null;
}

/** The only SQL for a workspace's settings. */
export class WorkspaceSettingsRepository {
  constructor(private readonly db: Kysely<DB>) {}

  find(workspaceId: string) {
    return this.db
      .selectFrom('workspace')
      .select(SETTINGS_COLUMNS)
      .where('id', '=', workspaceId)
      .executeTakeFirstOrThrow();
  }

  /** The day rate of estimates without a cluster or override. */
  async defaultDayRateCents(workspaceId: string): Promise<number> {
    const row = await this.db
      .selectFrom('workspace')
      .select('default_day_rate_cents')
      .where('id', '=', workspaceId)
      .executeTakeFirst();
    return row?.default_day_rate_cents ?? DEFAULT_DAY_RATE_CENTS;
  }

  /** What "today" and "this year" mean in the workspace. */
  async calendar(workspaceId: string): Promise<{ timeZone: string; fiscalYearStartMonth: number }> {
    const row = await this.db
      .selectFrom('workspace')
      .select(['time_zone', 'fiscal_year_start_month'])
      .where('id', '=', workspaceId)
      .executeTakeFirst();
    return { timeZone: row?.time_zone ?? 'UTC', fiscalYearStartMonth: row?.fiscal_year_start_month ?? 1 };
  }

  /** Whether any money is recorded in the workspace: a cost line or a travel rate. */
  async moneyRecorded(workspaceId: string): Promise<boolean> {
    const [cost, rate] = await Promise.all([
      this.db
        .selectFrom('cost_line')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .limit(1)
        .executeTakeFirst(),
      this.db
        .selectFrom('travel_rate')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .limit(1)
        .executeTakeFirst(),
    ]);
    return cost !== undefined || rate !== undefined;
  }

  logo(slug: string) {
    return this.db
      .selectFrom('workspace')
      .select(['logo', 'logo_content_type', 'logo_updated_at'])
      .where('slug', '=', slug)
      .executeTakeFirst();
  }

  /** Applies the changes when `version` is still the stored one. @returns whether it was. */
  async update(workspaceId: string, version: number, changes: SettingsChanges): Promise<boolean> {
    const result = await this.db
      .updateTable('workspace')
      .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: nowIso() }))
      .where('id', '=', workspaceId)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }
}
