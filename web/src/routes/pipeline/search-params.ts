/**
 * The pipeline page's address (`?view=list&market=…&stage=partner,met&sort=-stageChangedOn`): read
 * leniently (anything unknown is dropped, so an old link still opens) and turned into the API's
 * queries. Pure, so it is unit-tested.
 */
import type { ListRelationshipsQuery, RelationshipStage } from '../../api/types.ts';
import { RELATIONSHIP_STAGES } from '../../api/vocabulary.ts';

export const RELATIONSHIP_SORTS = ['counterpart', 'stage', 'stageChangedOn', 'startedOn'] as const;
export const PIPELINE_DEFAULT_SORT = '-stageChangedOn';
type Sort = (typeof RELATIONSHIP_SORTS)[number] | `-${(typeof RELATIONSHIP_SORTS)[number]}`;

export interface PipelineSearch {
  /** The board (default) or the list. */
  view?: 'list';
  /** Id of a target market. */
  market?: string;
  /** Id of a cluster (the relationships in its scope). */
  cluster?: string;
  /** The list's stages, separated by commas. */
  stage?: string;
  q?: string;
  sort?: Sort;
}

const text = (value: unknown, max: number): string | undefined =>
  typeof value === 'string' && value.trim() !== '' && value.length <= max ? value : undefined;

/** The stages of `?stage=` that exist, in pipeline order, each once (undefined: none). */
export function stagesOf(value: unknown): RelationshipStage[] | undefined {
  if (typeof value !== 'string') return undefined;
  const wanted = new Set(value.split(','));
  const stages = RELATIONSHIP_STAGES.filter((stage) => wanted.has(stage));
  return stages.length > 0 ? [...stages] : undefined;
}

export function parsePipelineSearch(raw: Record<string, unknown>): PipelineSearch {
  const stages = stagesOf(raw.stage);
  const sort = RELATIONSHIP_SORTS.flatMap((key) => [key, `-${key}`]).find((s) => s === raw.sort) as
    | Sort
    | undefined;
  const search: PipelineSearch = {
    view: raw.view === 'list' ? 'list' : undefined,
    market: text(raw.market, 100),
    cluster: text(raw.cluster, 100),
    stage: stages?.join(','),
    q: text(raw.q, 100),
    sort,
  };
  return Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined)) as PipelineSearch;
}

/** The board's query: only the market and the cluster narrow it. */
export function boardApiQuery(search: PipelineSearch) {
  return {
    ...(search.market ? { marketId: search.market } : {}),
    ...(search.cluster ? { clusterId: search.cluster } : {}),
  };
}

/** The list's query for one page. */
export function listApiQuery(search: PipelineSearch, cursor: string | null): ListRelationshipsQuery {
  return {
    ...boardApiQuery(search),
    ...(search.stage ? { stage: search.stage } : {}),
    ...(search.q ? { q: search.q } : {}),
    sort: search.sort ?? PIPELINE_DEFAULT_SORT,
    limit: 50,
    ...(cursor ? { cursor } : {}),
  };
}
