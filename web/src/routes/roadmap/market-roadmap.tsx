/** The recommended, costed roadmap of a market (issue 23, roadmap branch). */
export function MarketRoadmap(_props: { workspace: string; marketId: string }) {
  return null;
}
