import type { HealthSearch, PipelineStage } from './queries.ts';

/** The pipeline's stages in order (the server's PIPELINE_STAGES). */
export const PIPELINE_STAGE_LIST: readonly PipelineStage[] = [
  'mapped',
  'contacted',
  'met',
  'potential_partner',
  'partner',
  'collaborating',
  'common_project',
];

/** The decay limits per stage (the server's DECAY_DAYS): what the page explains. */
export const DECAY_LIMITS: Readonly<Record<PipelineStage, number | null>> = {
  mapped: null,
  contacted: 90,
  met: 90,
  potential_partner: 60,
  partner: 60,
  collaborating: 45,
  common_project: 45,
};

const truthy = (value: unknown) => value === true || value === 'true' || value === 1 || value === '1';

/** The address's search, read leniently: anything unknown is dropped, so an old link still opens. */
export function parseHealthSearch(search: Record<string, unknown>): HealthSearch {
  const stage = PIPELINE_STAGE_LIST.find((s) => s === search.stage);
  const marketId =
    typeof search.marketId === 'string' && search.marketId.length > 0 && search.marketId.length <= 100
      ? search.marketId
      : undefined;
  return {
    ...(truthy(search.all) ? { all: true } : {}),
    ...(stage ? { stage } : {}),
    ...(marketId ? { marketId } : {}),
    ...(truthy(search.mine) ? { mine: true } : {}),
  };
}
