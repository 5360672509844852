/** A market's survey findings in its dossier (issue 23, market-surveys branch). */
export function MarketSurveyFindings(_props: { workspace: string; marketId: string }) {
  return null;
}
