/**
 * What went wrong on a signed-out form (sign in, forgot or reset password, accept an invitation),
 * said in words: the server's own sentence, or ours for a refusal it cannot phrase for a person
 * (too many attempts, a server fault, no connection). Never a status code: "(HTTP 401)" means
 * nothing to someone signing in. Pure, so it is unit-tested.
 */
import { isApiError } from '../../api/client.ts';
import { messages } from '../../messages/en.ts';

const a = messages.forms.authErrors;

export function authErrorText(error: unknown): string {
  if (!isApiError(error)) return error instanceof Error ? error.message : String(error);
  if (error.status === 0) return a.unreachable;
  if (error.status === 429) return a.tooManyAttempts;
  if (error.status >= 500) return a.serverFault;
  // A response that was no problem document (a proxy's page) has only its status to tell.
  const detail = error.detail ?? error.title;
  return /\bstatus \d{3}\b/.test(detail) ? a.refused : detail;
}
