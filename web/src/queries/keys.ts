/**
 * The roots of a workspace's query keys, shared by every feature: a change refreshes everything
 * under the root it touches (`invalidateQueries({ queryKey: workspaceKeys.audit(w) })`). Each
 * feature hangs its own keys (lists with their search, details) under these roots.
 */
export const workspaceKeys = {
  all: (workspace: string) => ['workspace', workspace] as const,
  clusters: (workspace: string) => [...workspaceKeys.all(workspace), 'clusters'] as const,
  audit: (workspace: string) => [...workspaceKeys.all(workspace), 'audit'] as const,
  organisations: (workspace: string) => [...workspaceKeys.all(workspace), 'organisations'] as const,
  people: (workspace: string) => [...workspaceKeys.all(workspace), 'people'] as const,
  /**
   * Markets, plans, activities and costs hang together (a plan's page sums its activities' lines,
   * a market's dossier lists both): every planning change refreshes everything under it, the
   * dashboard included.
   */
  planning: (workspace: string) => [...workspaceKeys.all(workspace), 'planning'] as const,
};
