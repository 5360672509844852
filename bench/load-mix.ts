import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { seededRandom } from '../src/domain/random.ts';
import { type LoadRecorder, outcomeOf, pickWeighted, type RequestClass } from './lib/load-stats.ts';
import type { LoadUser, LoadWorld } from './load-data.ts';

/**
 * One virtual user of the mixed load: signed in with its own session cookie, it opens the app
 * (`/me`, its abilities), then visits pages one after another with a think time between them, as
 * the web app would load them: lists with sort and paging, the dashboard's requests in parallel,
 * a plan, a market, an organisation or an activity page, a search, an edit (read, then PATCH with
 * the version read), a record created then deleted, and now and then a funder report polled until
 * its file is made. What a role may not do it does not try.
 */

export interface MixOptions {
  baseUrl: string;
  world: LoadWorld;
  user: LoadUser;
  /** This user's seed: the same visits on every run. */
  seed: number;
  /** Mean think time between two page visits; each is drawn in [0.5, 1.5] × this. */
  thinkMs: number;
  /** Requests started before this time are not recorded (the warm-up). */
  measureFrom: number;
  /** No page visit starts after this time, and requests started after it are not recorded. */
  until: number;
  recorder: LoadRecorder;
}

interface Answer {
  status: number | null;
  // biome-ignore lint/suspicious/noExplicitAny: the bench reads a few known fields of the answers
  body: any;
}

const ORGANISATION_SORTS = ['createdAt', 'updatedAt', 'name', 'type', 'country', 'cluster'];
const PERSON_SORTS = ['createdAt', 'updatedAt', 'name', 'email'];
const MARKET_SORTS = ['createdAt', 'updatedAt', 'name', 'country', 'priority', 'status', 'plans'];
const ACTIVITY_SORTS = [
  'startsOn',
  'endsOn',
  'title',
  'instrument',
  'plan',
  'status',
  'createdAt',
  'updatedAt',
];
const AUDIT_TYPES = ['organisation', 'person', 'activity', 'cost_line'];
/** A client-side time past this is printed with when it was sent (to match with the server's log). */
const SLOW_MS = 10_000;
/** How often a report's job is polled, as the web app's fallback to its event stream does. */
const POLL_MS = 500;

type Visit = (v: VirtualUser) => Promise<void>;

/** The page visits and their weights (per hundred visits); `when` limits a visit to some roles. */
const VISITS: { name: string; weight: number; visit: Visit; when?: (user: LoadUser) => boolean }[] = [
  { name: 'members list', weight: 14, visit: (v) => v.organisationsList() },
  { name: 'people list', weight: 8, visit: (v) => v.peopleList() },
  { name: 'markets list', weight: 6, visit: (v) => v.marketsList() },
  { name: 'activities list', weight: 9, visit: (v) => v.activitiesList() },
  { name: 'audit log', weight: 4, visit: (v) => v.auditList(), when: isCoordinator },
  { name: 'workspace members', weight: 2, visit: (v) => v.membershipList(), when: isCoordinator },
  { name: 'plan page', weight: 10, visit: (v) => v.planPage() },
  { name: 'market page', weight: 4, visit: (v) => v.marketPage() },
  { name: 'dashboard', weight: 10, visit: (v) => v.dashboard() },
  { name: 'search', weight: 8, visit: (v) => v.search() },
  { name: 'organisation page', weight: 6, visit: (v) => v.organisationPage() },
  { name: 'activity page', weight: 6, visit: (v) => v.activityPage() },
  { name: 'edit organisation', weight: 4, visit: (v) => v.editOrganisation(), when: isEditor },
  { name: 'edit activity', weight: 3, visit: (v) => v.editActivity(), when: isEditor },
  { name: 'add and remove a person', weight: 2, visit: (v) => v.personRoundTrip(), when: isEditor },
  { name: 'add and remove a cost line', weight: 2, visit: (v) => v.costLineRoundTrip(), when: isEditor },
  { name: 'funder report', weight: 0.4, visit: (v) => v.report() },
];

function isCoordinator(user: LoadUser): boolean {
  return user.role === 'coordinator';
}

function isEditor(user: LoadUser): boolean {
  return user.role === 'coordinator' || user.role === 'cluster_manager';
}

/** The visits a user of this role makes, with their weights. */
export function visitsFor(user: LoadUser): { weight: number; value: { name: string; visit: Visit } }[] {
  return VISITS.filter((entry) => !entry.when || entry.when(user)).map((entry) => ({
    weight: entry.weight,
    value: { name: entry.name, visit: entry.visit },
  }));
}

export class VirtualUser {
  private readonly random: () => number;
  private readonly api: string;
  private readonly year = new Date().getUTCFullYear();
  private created = 0;

  constructor(private readonly options: MixOptions) {
    this.random = seededRandom(options.seed);
    this.api = `${options.baseUrl}/api/v1/workspaces/${options.world.slug}`;
  }

  /** Opens the app, then visits pages until `until`. */
  async run(): Promise<void> {
    const { until, thinkMs, user } = this.options;
    await Promise.all([
      this.call('me', 'read', 'GET', `${this.options.baseUrl}/api/v1/me`),
      this.call('abilities', 'read', 'GET', `${this.api}/me/abilities`),
    ]);
    const visits = visitsFor(user);
    while (performance.now() < until) {
      await pickWeighted(visits, this.random()).visit(this);
      await sleep(thinkMs * (0.5 + this.random()));
    }
  }

  organisationsList = async () => {
    const query = new URLSearchParams({ sort: this.sort(ORGANISATION_SORTS), limit: '25' });
    if (this.random() < 0.3) query.set('q', this.pick(this.options.world.searchWords));
    if (this.random() < 0.2) query.set('cluster', this.pick(this.options.world.clusterIds));
    const page = await this.call('list members', 'read', 'GET', `${this.api}/organisations?${query}`);
    await this.nextPage('list members (next page)', `${this.api}/organisations`, query, page);
  };

  peopleList = async () => {
    const query = new URLSearchParams({ sort: this.sort(PERSON_SORTS), limit: '25' });
    if (this.random() < 0.2) query.set('q', this.pick(this.options.world.searchWords));
    const page = await this.call('list people', 'read', 'GET', `${this.api}/people?${query}`);
    await this.nextPage('list people (next page)', `${this.api}/people`, query, page);
  };

  marketsList = async () => {
    const query = new URLSearchParams({ sort: this.sort(MARKET_SORTS), limit: '25' });
    await this.call('list markets', 'read', 'GET', `${this.api}/markets?${query}`);
  };

  activitiesList = async () => {
    const query = new URLSearchParams({ sort: this.sort(ACTIVITY_SORTS), limit: '50' });
    const roll = this.random();
    if (roll < 0.3) query.set('planId', this.pick(this.options.world.planIds));
    else if (roll < 0.5) {
      query.set('from', `${this.year}-01-01`);
      query.set('to', `${this.year}-12-31`);
    }
    const page = await this.call('list activities', 'read', 'GET', `${this.api}/activities?${query}`);
    await this.nextPage('list activities (next page)', `${this.api}/activities`, query, page);
  };

  auditList = async () => {
    const query = new URLSearchParams({ limit: '50' });
    if (this.random() < 0.4) query.set('entityType', this.pick(AUDIT_TYPES));
    const page = await this.call('list audit', 'read', 'GET', `${this.api}/audit?${query}`);
    await this.nextPage('list audit (next page)', `${this.api}/audit`, query, page);
  };

  membershipList = async () => {
    await this.call('list workspace members', 'read', 'GET', `${this.api}/members?limit=50`);
  };

  planPage = async () => {
    await this.call('plan page', 'read', 'GET', `${this.api}/plans/${this.pick(this.options.world.planIds)}`);
  };

  marketPage = async () => {
    await this.call(
      'market page',
      'read',
      'GET',
      `${this.api}/markets/${this.pick(this.options.world.marketIds)}`,
    );
  };

  /** The dashboard's requests, in parallel as the page sends them (see web/src/routes/dashboard). */
  dashboard = async () => {
    const period = `from=${this.year}-01-01&to=${this.year}-12-31`;
    const today = new Date().toISOString().slice(0, 10);
    await Promise.all([
      this.call('dashboard: markets', 'read', 'GET', `${this.api}/markets?limit=200`),
      this.call(
        'dashboard: KPI roll-ups',
        'read',
        'GET',
        `${this.api}/kpis/rollups?${period}&groupBy=workspace,phase,instrument,market`,
      ),
      this.call('dashboard: budget burn', 'read', 'GET', `${this.api}/budget/burn?${period}`),
      this.call('dashboard: upcoming', 'read', 'GET', `${this.api}/activities?from=${today}&limit=20`),
    ]);
  };

  search = async () => {
    const q = this.pick(this.options.world.searchWords);
    await this.call('search', 'read', 'GET', `${this.api}/search?q=${encodeURIComponent(q)}&limit=5`);
  };

  organisationPage = async () => {
    const id = this.pick(this.options.world.organisations).id;
    await Promise.all([
      this.call('organisation page', 'read', 'GET', `${this.api}/organisations/${id}`),
      this.call(
        'organisation page: people',
        'read',
        'GET',
        `${this.api}/organisations/${id}/people?limit=50`,
      ),
    ]);
  };

  activityPage = async () => {
    const id = this.pick(this.options.world.activities).id;
    const [activity] = await Promise.all([
      this.call('activity page', 'read', 'GET', `${this.api}/activities/${id}`),
      this.call('activity page: KPIs', 'read', 'GET', `${this.api}/activities/${id}/kpis`),
    ]);
    const planId = activity.body?.planId;
    if (planId) await this.call('plan page', 'read', 'GET', `${this.api}/plans/${planId}`);
  };

  /** Opens an organisation (its own cluster's, for a manager) and edits it with the version read. */
  editOrganisation = async () => {
    const id = this.ownRecord(this.options.world.organisations).id;
    const read = await this.call('organisation page', 'read', 'GET', `${this.api}/organisations/${id}`);
    if (read.status !== 200) return;
    await this.call('edit organisation', 'write', 'PATCH', `${this.api}/organisations/${id}`, {
      body: { version: read.body.version, offers: `Edited by ${this.options.user.email} at ${Date.now()}` },
      expected: [409],
    });
  };

  editActivity = async () => {
    const id = this.ownRecord(this.options.world.activities).id;
    const read = await this.call('activity page', 'read', 'GET', `${this.api}/activities/${id}`);
    if (read.status !== 200) return;
    await this.call('edit activity', 'write', 'PATCH', `${this.api}/activities/${id}`, {
      body: {
        version: read.body.version,
        outcomeNotes: `Notes by ${this.options.user.email} at ${Date.now()}`,
      },
      expected: [409],
    });
  };

  personRoundTrip = async () => {
    const organisationId = this.ownRecord(this.options.world.organisations).id;
    this.created++;
    const created = await this.call('create person', 'write', 'POST', `${this.api}/people`, {
      body: {
        organisationId,
        name: `Visitor ${this.created}`,
        email: `visitor-${this.options.seed}-${this.created}-${Date.now()}@load.example`,
      },
    });
    if (created.status !== 201) return;
    await sleep(this.options.thinkMs * (0.5 + this.random()));
    await this.call(
      'delete person',
      'write',
      'DELETE',
      `${this.api}/people/${created.body.id}?version=${created.body.version}`,
    );
  };

  costLineRoundTrip = async () => {
    const activityId = this.ownRecord(this.options.world.activities).id;
    const created = await this.call(
      'create cost line',
      'write',
      'POST',
      `${this.api}/activities/${activityId}/cost-lines`,
      {
        body: {
          kind: 'planned',
          category: 'travel',
          fundingSource: 'eu_programme',
          description: 'Extra trip',
          amountEur: 120.5,
        },
      },
    );
    if (created.status !== 201) return;
    await sleep(this.options.thinkMs * (0.5 + this.random()));
    await this.call(
      'delete cost line',
      'write',
      'DELETE',
      `${this.api}/cost-lines/${created.body.id}?version=${created.body.version}`,
    );
  };

  /** `POST /reports`, then the job polled until it succeeds or fails; timed as one job too. */
  report = async () => {
    const started = performance.now();
    const format = this.random() < 0.5 ? 'pdf' : 'xlsx';
    const start = await this.call('start report', 'write', 'POST', `${this.api}/reports`, {
      body: { from: `${this.year - 1}-01-01`, to: `${this.year}-12-31`, format },
    });
    if (start.status !== 202) return;
    let status = start.body.job.status as string;
    let error = '';
    while (status !== 'succeeded' && status !== 'failed' && performance.now() < this.options.until) {
      await sleep(POLL_MS);
      const poll = await this.call('job status', 'read', 'GET', `${this.api}/jobs/${start.body.job.id}`);
      if (poll.status !== 200) return;
      status = poll.body.status;
      error = poll.body.error ?? '';
    }
    if (this.measured(started) && (status === 'succeeded' || status === 'failed')) {
      this.options.recorder.record(
        `report ${format} (start → file)`,
        'job',
        performance.now() - started,
        status === 'succeeded' ? 'ok' : 'error',
        error,
      );
    }
  };

  /** The next page of a list, as scrolling on does, for a third of the visits. */
  private async nextPage(kind: string, url: string, query: URLSearchParams, page: Answer): Promise<void> {
    const cursor = page.body?.nextCursor;
    if (!cursor || this.random() >= 0.3) return;
    const next = new URLSearchParams(query);
    next.set('cursor', cursor);
    await this.call(kind, 'read', 'GET', `${url}?${next}`);
  }

  /** A record of the user's own cluster (a cluster manager may edit no other); anyone's for a coordinator. */
  private ownRecord<T extends { clusterId: string | null }>(records: readonly T[]): T {
    const { clusterId } = this.options.user;
    const mine = clusterId ? records.filter((record) => record.clusterId === clusterId) : records;
    return this.pick(mine.length > 0 ? mine : records);
  }

  /** Whether a request started at `time` counts: in the measured window. */
  private measured(time: number): boolean {
    return time >= this.options.measureFrom && time < this.options.until;
  }

  private sort(keys: readonly string[]): string {
    return `${this.random() < 0.3 ? '-' : ''}${this.pick(keys)}`;
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)] as T;
  }

  /** One request as the web app sends it (session cookie; the CSRF token on writes), timed and recorded. */
  private async call(
    kind: string,
    requestClass: RequestClass,
    method: string,
    url: string,
    options: { body?: unknown; expected?: number[] } = {},
  ): Promise<Answer> {
    const { user, recorder } = this.options;
    const headers: Record<string, string> = {
      cookie: `space2id_session=${user.sessionToken}`,
      accept: 'application/json',
    };
    if (method !== 'GET') headers['x-csrf-token'] = user.csrfToken;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const started = performance.now();
    let answer: Answer;
    let detail = '';
    try {
      const response = await fetch(url, {
        method,
        headers,
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      });
      const text = await response.text();
      answer = { status: response.status, body: text ? JSON.parse(text) : null };
      detail = `${method} ${url} → ${response.status} ${text.slice(0, 300)}`;
    } catch (error) {
      answer = { status: null, body: null };
      detail = `${method} ${url} → ${error instanceof Error ? error.message : String(error)}`;
    }
    if (this.measured(started)) {
      const outcome = outcomeOf(answer.status, options.expected);
      const ms = performance.now() - started;
      recorder.record(kind, requestClass, ms, outcome, detail);
      if (ms > SLOW_MS) {
        const at = ((started - this.options.measureFrom) / 1000).toFixed(1);
        console.log(
          `  slow: ${ms.toFixed(0)} ms, sent ${at} s into the run, ${method} ${url} → ${answer.status}`,
        );
      }
    }
    return answer;
  }
}
