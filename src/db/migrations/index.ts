import type { Migration } from 'kysely';
import * as m0001 from './0001-catalogue.ts';
import * as m0002 from './0002-identity.ts';
import * as m0003 from './0003-registry.ts';
import * as m0004 from './0004-mail.ts';
import * as m0005 from './0005-organisation-list-indexes.ts';
import * as m0006 from './0006-membership-version.ts';
import * as m0007 from './0007-organisation-name-trigram.ts';
import * as m0008 from './0008-planning.ts';
import * as m0009 from './0009-cost-line-covering-index.ts';
import * as m0010 from './0010-budget-indexes.ts';
import * as m0011 from './0011-kpis.ts';
import * as m0012 from './0012-jobs.ts';
import * as m0013 from './0013-job-leases-and-rate-limits.ts';
import * as m0014 from './0014-unique-keys.ts';
import * as m0017 from './0017-lists-and-search.ts';
import * as m0018 from './0018-sign-in-locks.ts';
import * as m0019 from './0019-participant-person-index.ts';
import * as m0020 from './0020-workspace-setup.ts';
import * as m0021 from './0021-custom-instruments.ts';
import * as m0023 from './0023-user-language.ts';
import * as m0024 from './0024-network.ts';
import * as m0030 from './0030-network-health.ts';
import * as m0031 from './0031-pipeline-board-indexes.ts';
import * as m0032 from './0032-matchmaking.ts';
import * as m0033 from './0033-surveys.ts';

/**
 * Every migration, in order. Listed statically (not read from the folder) so start-up does no
 * directory scan and a bundler or type checker sees them all. Never edit a landed migration: add one.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '0001-catalogue': m0001,
  '0002-identity': m0002,
  '0003-registry': m0003,
  '0004-mail': m0004,
  '0005-organisation-list-indexes': m0005,
  '0006-membership-version': m0006,
  '0007-organisation-name-trigram': m0007,
  '0008-planning': m0008,
  '0009-cost-line-covering-index': m0009,
  '0010-budget-indexes': m0010,
  '0011-kpis': m0011,
  '0012-jobs': m0012,
  '0013-job-leases-and-rate-limits': m0013,
  '0014-unique-keys': m0014,
  '0017-lists-and-search': m0017,
  '0018-sign-in-locks': m0018,
  '0019-participant-person-index': m0019,
  '0020-workspace-setup': m0020,
  '0021-custom-instruments': m0021,
  '0023-user-language': m0023,
  '0024-network': m0024,
  '0030-network-health': m0030,
  '0031-pipeline-board-indexes': m0031,
  '0032-matchmaking': m0032,
  '0033-surveys': m0033,
};
