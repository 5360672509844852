import { messages } from '../messages/en.ts';
import { isApiError } from './client.ts';

/** Whether the server refused because of the caller's role (HTTP 403). */
export function isForbidden(error: unknown): boolean {
  return isApiError(error) && error.status === 403;
}

/**
 * One sentence for an error state: the server's problem detail when it gave one. A 403 reads
 * "your role does not allow this", whatever permission the server named.
 */
export function describeError(error: unknown): string {
  if (isApiError(error)) {
    if (error.status === 403) return `${messages.common.forbidden} (HTTP 403)`;
    const status = error.status > 0 ? ` (HTTP ${error.status})` : '';
    return `${error.detail ?? error.title}${status}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The server's field errors (`body.country`) by form field name (`country`). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!isApiError(error)) return result;
  for (const { field, message } of error.errors ?? []) {
    const name = field.replace(/^body\./, '');
    result[name] = result[name] ? `${result[name]}; ${message}` : message;
  }
  return result;
}
