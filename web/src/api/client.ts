/**
 * The web app's one door to the server: `api`, an `openapi-fetch` client typed by the OpenAPI
 * document (`schema.d.ts`, `npm run gen:api`), so a wrong path, parameter or body does not
 * compile. Call it as `unwrap(api.GET('/api/v1/workspaces/{workspace}/clusters', { params }))`.
 *
 * Its middleware does what every call needs: same-origin cookies, JSON accepted, the session's
 * CSRF token on every mutation, every failure as an `ApiError` carrying the server's problem
 * document (a network failure as status 0), and a 401 reported to the session as a lost sign-in.
 */
import createClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch';
import { type ApiError, networkError, problemFrom } from './api-error.ts';
import { participantToken } from './participant-token.ts';
import { querySerializer } from './query-string.ts';
import type { paths } from './schema.d.ts';

export { ApiError, isApiError } from './api-error.ts';

/**
 * How the client reaches the session: where the CSRF token is kept (the `/me` answer in the query
 * cache) and who to tell when the server says the session is gone (401), so the app can send the
 * user to sign-in with a way back.
 */
export interface ApiSession {
  csrfToken(): string | null;
  onUnauthenticated(error: ApiError): void;
}

let session: ApiSession = { csrfToken: () => null, onUnauthenticated: () => {} };

export function configureApiSession(next: ApiSession): void {
  session = next;
}

/**
 * Calls where a 401 is an expected answer (who am I, a wrong password, an expired link), not a
 * lost session.
 */
const UNAUTHENTICATED_IS_ANSWER: ReadonlySet<string> = new Set<keyof paths>([
  '/api/v1/me',
  '/api/v1/auth/sign-in',
  '/api/v1/auth/sign-out',
  '/api/v1/auth/sign-out-everywhere',
  '/api/v1/auth/invitation-preview',
  '/api/v1/auth/accept-invitation',
  '/api/v1/auth/password-reset',
  '/api/v1/auth/password-reset/confirm',
]);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept', 'application/json, application/problem+json');
    // The event portal's calls carry the event link's token (an outside participant has no account).
    if (new URL(request.url).pathname.startsWith('/api/v1/event-portal/')) {
      const token = participantToken();
      if (token) request.headers.set('X-Participant-Token', token);
    }
    if (!SAFE_METHODS.has(request.method)) {
      const csrf = session.csrfToken();
      if (csrf) request.headers.set('X-CSRF-Token', csrf);
    }
    return request;
  },
  async onResponse({ response, schemaPath }) {
    if (response.ok) return undefined;
    const error = await problemFrom(response);
    // The event portal's 401 is about the event link, not the account's session: its pages answer it.
    const portal = schemaPath.startsWith('/api/v1/event-portal/');
    if (error.status === 401 && !portal && !UNAUTHENTICATED_IS_ANSWER.has(schemaPath))
      session.onUnauthenticated(error);
    throw error;
  },
  onError({ request, error }) {
    // An abandoned request (a query cancelled on navigation) stays an AbortError.
    if (request.signal.aborted) return error instanceof Error ? error : undefined;
    return networkError();
  },
};

/** A client over `fetch` (tests pass their own) with the session middleware. */
export function createApiClient(options: Pick<ClientOptions, 'baseUrl' | 'fetch'> = {}): Client<paths> {
  const client = createClient<paths>({ credentials: 'same-origin', querySerializer, ...options });
  client.use(sessionMiddleware);
  return client;
}

/** The app's API client. */
export const api = createApiClient();

/**
 * The data of a successful call. Failed calls never get here: the middleware has thrown their
 * `ApiError` already, so a page's `error` is always one.
 */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || !response.ok) throw await problemFrom(response);
  return data as T;
}
