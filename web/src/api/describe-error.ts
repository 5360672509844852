import { isApiError } from './client.ts';

/** One sentence for an error state: the server's problem detail when it gave one. */
export function describeError(error: unknown): string {
  if (isApiError(error)) {
    const status = error.status > 0 ? ` (HTTP ${error.status})` : '';
    return `${error.detail ?? error.title}${status}`;
  }
  return error instanceof Error ? error.message : String(error);
}
