/** The readiness of the members interested in a market, in its dossier (issue 23, readiness branch). */
export function MarketReadiness(_props: { workspace: string; marketId: string }) {
  return null;
}
