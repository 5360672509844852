import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { type Actor, requireAccess } from '../../domain/access/policy.ts';
import { FUNDING_SOURCE_LABELS, FUNDING_SOURCES, type FundingSource } from '../../domain/catalogue/types.ts';
import { toEur } from '../../domain/planning/money.ts';
import { todayIn } from '../../domain/workspaces/rules.ts';
import { WorkspaceSettingsRepository } from '../workspaces/settings-repository.ts';
import { burnPeriod, cumulative, monthsOf } from './burn-period.ts';
import { BurnRepository } from './burn-repository.ts';
import type { BurnDto, BurnQuery } from './schema.ts';

/**
 * The budget burn: the money spent on the period's activities (those starting in it, as every
 * figure of the dashboard and the funder report counts them: decision 0016), month by month as it
 * was paid, per funding source, with what was planned for the same activities beside it, so a
 * coordinator sees how fast each source is used. The months run from the period's first (or the
 * first payment's, when money was paid ahead) to its last (or the last payment's).
 */
export class BurnService {
  constructor(
    private readonly db: Kysely<DB>,
    /** Tests fix "today"; otherwise it is today in the workspace's time zone. */
    private readonly today?: () => string,
  ) {}

  async burn(actor: Actor, query: BurnQuery): Promise<BurnDto> {
    requireAccess(actor, 'budget.read');
    const calendar = await new WorkspaceSettingsRepository(this.db).calendar(actor.workspaceId);
    const today = this.today?.() ?? todayIn(calendar.timeZone);
    const period = burnPeriod(query, today, calendar.fiscalYearStartMonth);
    const filters = { planId: query.planId, marketId: query.marketId, clusterId: query.clusterId };
    const repository = new BurnRepository(this.db);
    const [actualRows, plannedRows] = await Promise.all([
      repository.actualByMonth(actor.workspaceId, period, filters),
      repository.plannedBySource(actor.workspaceId, period, filters),
    ]);

    const paid = actualRows.map((row) => row.month).sort();
    const months = monthsOf({
      from: minText(`${period.from.slice(0, 7)}-01`, `${paid[0] ?? '9999-12'}-01`),
      to: maxText(period.to, `${paid.at(-1) ?? '0000-01'}-01`),
    });
    const monthIndex = new Map(months.map((month, index) => [month, index]));
    const actual = new Map<string, number[]>();
    for (const row of actualRows) {
      const index = monthIndex.get(row.month);
      if (index === undefined) continue; // the months cover every payment
      const cents = actual.get(row.fundingSource) ?? months.map(() => 0);
      cents[index] = (cents[index] ?? 0) + row.cents;
      actual.set(row.fundingSource, cents);
    }
    const planned = new Map(plannedRows.map((row) => [row.fundingSource, row.cents]));

    // Sources without any money in the period would only draw flat lines at zero.
    const sources = FUNDING_SOURCES.filter(
      (source) => actual.has(source) || (planned.get(source) ?? 0) !== 0,
    );
    const series = sources.map((fundingSource: FundingSource) => {
      const cents = actual.get(fundingSource) ?? months.map(() => 0);
      return {
        fundingSource,
        label: FUNDING_SOURCE_LABELS[fundingSource],
        plannedEur: toEur(planned.get(fundingSource) ?? 0),
        actualEur: cents.map(toEur),
        cumulativeEur: cumulative(cents).map(toEur),
      };
    });
    return {
      period,
      months,
      series,
      totals: {
        plannedEur: toEur(plannedRows.reduce((sum, row) => sum + row.cents, 0)),
        actualEur: toEur(actualRows.reduce((sum, row) => sum + row.cents, 0)),
      },
    };
  }
}

const minText = (a: string, b: string) => (a <= b ? a : b);
const maxText = (a: string, b: string) => (a >= b ? a : b);
