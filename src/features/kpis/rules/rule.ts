import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** What kind of record stands behind a KPI number. Later issues add theirs (meeting, contact…). */
export type EvidenceType =
  | 'activity'
  | 'participant'
  | 'cost_line'
  | 'entry'
  | 'interaction'
  | 'project'
  | 'project_partner'
  | 'stage_change'
  | 'meeting'
  | 'request'
  /** A completed survey invitation of a network organisation (issue 23). */
  | 'respondent'
  | 'response';

/** One record behind a KPI number, as the drill-down lists it. */
export interface EvidenceRecord {
  id: string;
  type: EvidenceType;
  activityId: string;
  activityTitle: string;
  /** YYYY-MM-DD: when the record happened (the activity's day when the record has none). */
  occurredOn: string;
  description: string;
  /** What the record adds to the number (1 for a counted record, cents for money). */
  value: number | string | null;
  /** The B2B event the record belongs to (a meeting or a request): the drill-down links to its page. */
  eventId?: string;
}

/** The activities a drill-down is about: a sub-query selecting their ids. */
export type ActivityScope = SelectQueryBuilder<DB, 'activity', { id: string }>;

export interface RecordPage {
  /** The id of the last record of the previous page (records are listed in id order). */
  after: string | null;
  limit: number;
}

/**
 * A rule that derives KPI values from records. A rule names the catalogue KPIs it computes
 * (`instrumentKey` '*' for a Hub-wide KPI of every instrument), computes each activity's value,
 * and lists the records behind a value. How to add one: docs/kpis.md.
 */
export interface DerivedKpiRule {
  key: string;
  /** One sentence a funder can read: how the number is made. */
  description: string;
  evidence: EvidenceType;
  /**
   * The table its records live in. Its repository marks every write to it with `markEvidence`
   * (decision 0013); `EVIDENCE_TABLES` lists it, and the freshness test must write to it.
   */
  table: keyof DB;
  derives: readonly { instrumentKey: string; kpiKey: string }[];
  /** Each activity's value (activities without records may be missing: their value is 0). */
  compute(db: Kysely<DB>, activityIds: readonly string[]): Promise<Map<string, number>>;
  /**
   * Whether every record adds exactly 1 to its activity's value of each KPI the rule derives, and
   * nothing else makes the value: the number of records in a scope is then the sum of the stored
   * values (`kpi_actual`), which the drill-down reads instead of counting the records.
   */
  countIsValue: boolean;
  /**
   * The records behind the values of the activities in scope, one page in id order. `total`, when
   * known, is how many there are: a rule over a large table may pick how to find the page by it.
   */
  records(db: Kysely<DB>, scope: ActivityScope, page: RecordPage, total?: number): Promise<EvidenceRecord[]>;
  /** How many records stand behind the values of the activities in scope. */
  count(db: Kysely<DB>, scope: ActivityScope): Promise<number>;
}
