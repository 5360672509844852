import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { buildApp } from '../src/app/build-app.ts';
import { openDatabase } from '../src/db/database.ts';
import { newId, nowIso } from '../src/db/ids.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { seededRandom } from '../src/domain/random.ts';
import {
  DEFAULT_READINESS_SCORED_QUESTIONS,
  defaultReadinessQuestionnaire,
} from '../src/domain/surveys/default-readiness.ts';
import { scoreReadiness } from '../src/domain/surveys/readiness.ts';
import { percentileRanker } from '../src/domain/surveys/statistics.ts';
import { type Answers, READINESS_DIMENSIONS } from '../src/domain/surveys/types.ts';
import { answersAt } from '../src/features/demo/seed-demo-surveys.ts';
import { seedCatalogue } from '../src/features/instruments/seed.ts';
import { ReadinessReader } from '../src/features/survey-results/readiness-reader.ts';
import { Factory } from '../test/support/factories.ts';
import { SurveyRows } from '../test/support/survey-factories.ts';
import { formatSpread, percentile, summarize, writeResult } from './lib/report.ts';
import { coordinatorToken, freshDatabase, numberArg } from './lib/setup.ts';

/**
 * `npm run bench -- survey-results [--respondents N] [--requests N] [--runs N]` (issue 23 figure: a
 * wave of 2,000 respondents, scoring and benchmarks in under 5 s, results page p95 < 100 ms on both
 * databases). On a fresh SQLite file and a fresh PostgreSQL database: a readiness wave of
 * `--respondents` member organisations in 10 clusters, each with a response. Measures, `--runs`
 * times: scoring every response with `scoreReadiness` and computing every member's benchmarks
 * (reading everyone's latest readiness, then each member's percentile ranks of the total and the
 * six dimensions in its cluster and the consortium); then `--requests` sequential
 * `GET /surveys/waves/{id}/results` through `app.inject` (p50/p95).
 */
const CLUSTERS = 10;
/** Reads measured right after a new response, when the figures are computed afresh. */
const FIRST_READS = 15;

export async function main(args: string[]): Promise<void> {
  const respondents = numberArg(args, '--respondents', 2000);
  const requests = numberArg(args, '--requests', 60);
  const runs = numberArg(args, '--runs', 3);
  const load = readFileSync('/proc/loadavg', 'utf8').trim();
  const rows: string[] = [];
  for (const kind of ['sqlite', 'postgres'] as const) {
    const target = await freshDatabase(kind, 'surveyresults');
    try {
      const database = openDatabase(target.url);
      try {
        const db = database.db;
        await migrateToLatest(db);
        await seedCatalogue(db);
        const factory = new Factory(db);
        const surveys = new SurveyRows(db);
        const workspace = await factory.workspace('Bench consortium');
        const clusterIds: string[] = [];
        for (let c = 0; c < CLUSTERS; c++) clusterIds.push((await factory.cluster(workspace.id)).id);
        const { definition } = defaultReadinessQuestionnaire();
        const questionnaire = await surveys.questionnaire(workspace.id, { definitionValue: definition });
        const wave = await surveys.wave(workspace.id, questionnaire.id);
        const random = seededRandom(23);
        const answersByRespondent = Array.from({ length: respondents }, (_, i) =>
          answersAt(definition, (i % 11) / 10, random, ['JP', 'US', 'IN']),
        );
        const answersOf = (i: number): Answers => answersByRespondent[i] as Answers;
        const now = nowIso();
        const organisationRow = (i: number, cluster: string) => ({
          id: newId(),
          workspace_id: workspace.id,
          cluster_id: cluster,
          name: `Member ${i}`,
          normalised_name: `member ${i}`,
          type: 'sme' as const,
          size: null,
          country: 'BE',
          city: null,
          website: null,
          registration_id: null,
          space_segments: '[]',
          melca: '[]',
          offers: '',
          offer_tags: '[]',
          requests: '',
          request_tags: '[]',
          export_experience: 'none' as const,
          target_market_interests: '["JP"]',
          created_at: now,
          updated_at: now,
        });
        const responseRow = (answers: Answers, organisationId: string, submittedAt: string) => {
          const score = scoreReadiness(definition, answers);
          return {
            id: newId(),
            workspace_id: workspace.id,
            wave_id: wave.id,
            organisation_id: organisationId,
            language: 'en',
            answers: JSON.stringify(answers),
            completeness: 0.9,
            scores: JSON.stringify(score.dimensions),
            readiness_score: score.total,
            stage: score.stage,
            submitted_at: submittedAt,
            created_at: submittedAt,
          };
        };
        const organisations: { id: string; cluster: string }[] = [];
        for (let start = 0; start < respondents; start += 200) {
          const orgRows = [];
          const responseRows = [];
          for (let i = start; i < Math.min(respondents, start + 200); i++) {
            const organisation = organisationRow(i, clusterIds[i % CLUSTERS] as string);
            organisations.push({ id: organisation.id, cluster: organisation.cluster_id });
            orgRows.push(organisation);
            responseRows.push(responseRow(answersOf(i), organisation.id, now));
          }
          await db.insertInto('organisation').values(orgRows).execute();
          await db.insertInto('survey_response').values(responseRows).execute();
        }
        await sql.raw(kind === 'postgres' ? 'vacuum analyze' : 'analyze').execute(db);

        // Scoring and benchmarks.
        const scoring: number[] = [];
        for (let run = 0; run < runs; run++) {
          const started = performance.now();
          for (let i = 0; i < respondents; i++) scoreReadiness(definition, answersOf(i));
          const latest = await new ReadinessReader(db).latest(workspace.id);
          const all = [...latest.values()];
          const clusterOf = new Map(organisations.map((o) => [o.id, o.cluster]));
          const byCluster = new Map<string, typeof all>();
          for (const entry of all) {
            const cluster = clusterOf.get(entry.organisationId) as string;
            const group = byCluster.get(cluster) ?? [];
            group.push(entry);
            byCluster.set(cluster, group);
          }
          // Each group's population ranked once (sorted), then every member ranked in it.
          const groups = [all, ...byCluster.values()];
          const rankers = new Map(
            groups.map((group) => [
              group,
              {
                total: percentileRanker(group.map((g) => g.total)),
                dimensions: READINESS_DIMENSIONS.map((d) =>
                  percentileRanker(
                    group.map((g) => g.dimensions[d]).filter((v): v is number => typeof v === 'number'),
                  ),
                ),
              },
            ]),
          );
          let ranks = 0;
          for (const entry of all) {
            for (const group of [all, byCluster.get(clusterOf.get(entry.organisationId) as string) ?? []]) {
              const ranker = rankers.get(group);
              if (!ranker) continue;
              ranker.total(entry.total);
              READINESS_DIMENSIONS.forEach((d, i) => {
                const value = entry.dimensions[d];
                if (typeof value === 'number') ranker.dimensions[i]?.(value);
              });
              ranks++;
            }
          }
          scoring.push((performance.now() - started) / 1000);
          console.log(
            `${kind} run ${run + 1}: scoring and ${ranks} benchmarks ${scoring.at(-1)?.toFixed(2)} s`,
          );
        }

        // The results endpoint.
        const token = await coordinatorToken(db, workspace.id, 'surveyresults');
        const app = await buildApp({ database, logger: false });
        try {
          const url = `/api/v1/workspaces/${workspace.slug}/surveys/waves/${wave.id}/results`;
          const call = async () => {
            const res = await app.inject({
              method: 'GET',
              url,
              headers: { authorization: `Bearer ${token}` },
            });
            if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
            return res.json().respondents as number;
          };
          for (let i = 0; i < 10; i++) await call();
          // First reads: one more response comes in before each, so the figures are computed afresh.
          const first: number[] = [];
          for (let i = 0; i < FIRST_READS; i++) {
            const organisation = organisationRow(respondents + i, clusterIds[0] as string);
            await db.insertInto('organisation').values(organisation).execute();
            const answers = answersAt(definition, 0.5, random, ['JP']);
            await db
              .insertInto('survey_response')
              .values(responseRow(answers, organisation.id, nowIso()))
              .execute();
            const start = performance.now();
            await call();
            first.push(performance.now() - start);
          }
          // Further reads of the same responses, as when staff open and reopen the results.
          const times: number[] = [];
          let counted = 0;
          for (let i = 0; i < requests; i++) {
            const start = performance.now();
            counted = await call();
            times.push(performance.now() - start);
          }
          const { median } = summarize(times);
          const p95 = percentile(times, 0.95);
          const firstMedian = summarize(first).median;
          const firstP95 = percentile(first, 0.95);
          console.log(
            `${kind}: results p50 ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (${counted} respondents); first reads p50 ${firstMedian.toFixed(1)} ms, p95 ${firstP95.toFixed(1)} ms`,
          );
          const worstScoring = Math.max(...scoring);
          rows.push(
            `| ${kind === 'sqlite' ? 'SQLite' : 'PostgreSQL'} | ${counted} | ${formatSpread(scoring, 2)} | ${worstScoring < 5 ? 'met' : 'NOT met'} | ${median.toFixed(1)} | **${p95.toFixed(1)}** | ${p95 < 100 ? 'met' : 'NOT met'} | ${firstMedian.toFixed(1)} | ${firstP95.toFixed(1)} |`,
          );
        } finally {
          await app.close();
        }
      } finally {
        await database.close();
      }
    } finally {
      await target.drop();
    }
  }
  const body = `
A readiness wave of ${respondents} respondents (one member organisation each, in ${CLUSTERS} clusters; the
default readiness questionnaire, ${DEFAULT_READINESS_SCORED_QUESTIONS} scored questions), on a fresh SQLite file and a fresh PostgreSQL database.

- **Scoring and benchmarks**: \`scoreReadiness\` of every response, then everyone's latest readiness read
  (\`ReadinessReader\`) and each member's percentile ranks (total and six dimensions) in its cluster and
  in the consortium; seconds, median (range) of ${runs} runs. Target: under 5 s.
- **Results page**: ${requests} sequential \`GET /api/v1/workspaces/{w}/surveys/waves/{id}/results\` through
  \`app.inject\` (whole HTTP stack, after 10 warm-up calls and the first reads); milliseconds. Target: p95 under 100 ms.
  The figures of a wave are computed once per state of its responses (decision 0046), so these reads
  find them computed; the **first read** columns are ${FIRST_READS} reads each right after one more response
  came in, which compute them afresh from every response (what the first visit after a new answer costs).

Load average when the run started: ${load} (\`cat /proc/loadavg\`; ${os.cpus().length} cores, shared with
other work).

| Database | Respondents | Scoring + benchmarks (s) | < 5 s | Results p50 (ms) | Results p95 (ms) | < 100 ms | First read p50 (ms) | First read p95 (ms) |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}
`;
  console.log(
    `\nwritten ${writeResult('survey-results', 'Survey results: scoring, benchmarks and the results page', body, `npm run bench -- survey-results --runs ${runs}`)}`,
  );
}
