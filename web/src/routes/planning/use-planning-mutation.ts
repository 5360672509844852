import { useMutation, useQueryClient } from '@tanstack/react-query';
import { workspaceKeys } from '../../queries/keys.ts';
import { planningKeys } from './queries.ts';

/**
 * A change to planning data (a line, a target, an entry…): once it succeeds, the workspace's
 * planning queries and its audit log are fetched again, then `onDone` runs (closing a dialog).
 */
export function usePlanningMutation<Variables, Result = unknown>(
  workspace: string,
  mutationFn: (variables: Variables) => Promise<Result>,
  onDone: (result: Result) => void,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (result) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: planningKeys.all(workspace) }),
        queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
      ]);
      onDone(result);
    },
  });
}
