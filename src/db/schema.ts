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

export interface ClusterTable {
  id: string;
  workspace_id: string;
  name: string;
  short_name: string;
  /** ISO 3166-1 alpha-2 */
  country: string;
  city: string;
  day_rate_cents: number;
  website: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AppUserTable {
  id: string;
  /** Lower-cased. */
  email: string;
  name: string;
  /** argon2id encoded hash; null until the user has chosen a password. */
  password_hash: string | null;
  failed_sign_ins: Generated<number>;
  locked_until: string | null;
  created_at: string;
  updated_at: string;
}

export interface MembershipTable {
  id: string;
  workspace_id: string;
  user_id: string;
  role: 'coordinator' | 'cluster_manager' | 'member' | 'mentor' | 'viewer';
  /** The cluster a cluster manager manages. */
  cluster_id: string | null;
  created_at: string;
}

export interface UserSessionTable {
  id: string;
  /** SHA-256 of the cookie's token: a database leak does not hand out sessions. */
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokenTable {
  id: string;
  token_hash: string;
  user_id: string;
  name: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuditEventTable {
  id: string;
  workspace_id: string;
  actor_user_id: string | null;
  /** `create` | `update` | `delete` */
  action: string;
  entity_type: string;
  entity_id: string;
  /** JSON: { field: [before, after] } */
  changes: string;
  created_at: string;
}

export interface DB {
  workspace: WorkspaceTable;
  instrument: InstrumentTable;
  instrument_kpi: InstrumentKpiTable;
  app_meta: AppMetaTable;
  cluster: ClusterTable;
  app_user: AppUserTable;
  membership: MembershipTable;
  user_session: UserSessionTable;
  api_token: ApiTokenTable;
  audit_event: AuditEventTable;
}
