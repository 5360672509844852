import type { Generated } from 'kysely';

/**
 * Table types for Kysely. Conventions (ENGINEERING.md): ids are UUIDv7 text, times are UTC
 * ISO-8601 text, booleans 0/1 integers, money integer cents, lists and structured values JSON
 * text (parsed in repositories).
 */
export interface WorkspaceTable {
  id: string;
  slug: string;
  name: string;
  created_at: string;
}

export interface InstrumentTable {
  id: string;
  /** null: a global instrument of D4.2; otherwise the workspace that owns a custom one. */
  workspace_id: string | null;
  origin: 'd4.2' | 'custom';
  code: string;
  key: string;
  phase: string;
  name: string;
  description: string;
  /** JSON: string[] */
  benefits: string;
  business_model: string;
  /** JSON: FundingSource[] */
  funding_sources: string;
  budget_text: string;
  /** JSON: BudgetItem[] */
  budget_items: string;
  position: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface InstrumentKpiTable {
  id: string;
  instrument_id: string;
  key: string;
  label: string;
  kind: string;
  unit: string | null;
  position: number;
}

/** Small key/value facts about the database itself (e.g. the seeded catalogue's digest). */
export interface AppMetaTable {
  key: string;
  value: string;
}

export interface DB {
  workspace: WorkspaceTable;
  instrument: InstrumentTable;
  instrument_kpi: InstrumentKpiTable;
  app_meta: AppMetaTable;
}
