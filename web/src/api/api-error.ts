import type { ProblemDetails } from './types.ts';

/**
 * A failed API call. Carries the server's problem document (RFC 9457); when the response was not
 * a problem document (a proxy error page, a network failure) one is synthesised so callers can
 * always read `status`, `title` and `detail`.
 */
export class ApiError extends Error {
  readonly problem: ProblemDetails;

  constructor(problem: ProblemDetails) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get title(): string {
    return this.problem.title;
  }

  get detail(): string | undefined {
    return this.problem.detail;
  }

  get errors(): ProblemDetails['errors'] {
    return this.problem.errors;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** The server could not be reached at all (status 0). */
export function networkError(): ApiError {
  return new ApiError({
    type: 'about:blank',
    title: 'Network error',
    status: 0,
    detail: 'The server could not be reached. Check your connection and try again.',
  });
}

/** The `ApiError` of a failed response: its problem document, or one made from the status. */
export async function problemFrom(response: Response): Promise<ApiError> {
  const fallback: ProblemDetails = {
    type: 'about:blank',
    title: response.statusText || 'Request failed',
    status: response.status,
    detail: `The server answered with status ${response.status}.`,
  };
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.includes('json')) return new ApiError(fallback);
  try {
    const body = (await response.json()) as Partial<ProblemDetails>;
    return new ApiError({
      type: typeof body.type === 'string' ? body.type : fallback.type,
      title: typeof body.title === 'string' ? body.title : fallback.title,
      status: typeof body.status === 'number' ? body.status : response.status,
      detail: typeof body.detail === 'string' ? body.detail : fallback.detail,
      ...(Array.isArray(body.errors) ? { errors: body.errors } : {}),
    });
  } catch {
    return new ApiError(fallback);
  }
}
