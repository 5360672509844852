import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, configureApiSession, createApiClient, isApiError, unwrap } from './client.ts';
import { apiHref } from './links.ts';

/** A client over a fake `fetch` that records each request and answers with `answer`. */
function clientAnswering(answer: (request: Request) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const client = createApiClient({
    baseUrl: 'http://hub.test',
    fetch: async (request: Request) => {
      requests.push(request);
      return answer(request);
    },
  });
  return { client, requests };
}

const json = (status: number, body: unknown, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });

const cluster = {
  id: 'c1',
  name: 'Aerospace Valley',
  shortName: 'AV',
  country: 'FR',
  city: 'Toulouse',
  dayRateEur: 520,
  website: null,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('the API client', () => {
  afterEach(() => configureApiSession({ csrfToken: () => null, onUnauthenticated: () => {} }));

  it('sends cookies and accepts JSON, and adds the CSRF token to mutations only', async () => {
    configureApiSession({ csrfToken: () => 'csrf-1', onUnauthenticated: () => {} });
    const { client, requests } = clientAnswering(() => json(200, cluster));
    const params = { path: { workspace: 'demo', id: 'c1' } };
    await unwrap(client.GET('/api/v1/workspaces/{workspace}/clusters/{id}', { params }));
    await unwrap(
      client.PATCH('/api/v1/workspaces/{workspace}/clusters/{id}', {
        params,
        body: { version: 1, city: 'Pau' },
      }),
    );
    const [get, patch] = requests;
    expect(get?.url).toBe('http://hub.test/api/v1/workspaces/demo/clusters/c1');
    expect(get?.credentials).toBe('same-origin');
    expect(get?.headers.get('accept')).toBe('application/json, application/problem+json');
    expect(get?.headers.get('x-csrf-token')).toBeNull();
    expect(patch?.method).toBe('PATCH');
    expect(patch?.headers.get('x-csrf-token')).toBe('csrf-1');
    expect(patch?.headers.get('content-type')).toBe('application/json');
    expect(await patch?.json()).toEqual({ version: 1, city: 'Pau' });
  });

  it('writes the query as before: empty filters left out, spaces as +', async () => {
    const { client, requests } = clientAnswering(() => json(200, { items: [], nextCursor: null }));
    await unwrap(
      client.GET('/api/v1/workspaces/{workspace}/organisations', {
        params: { path: { workspace: 'demo' }, query: { q: 'Merlin Robotics', country: '', limit: 25 } },
      }),
    );
    expect(requests[0]?.url).toBe(
      'http://hub.test/api/v1/workspaces/demo/organisations?q=Merlin+Robotics&limit=25',
    );
  });

  it('turns a problem document into an ApiError with its status, detail and field errors', async () => {
    const problem = {
      type: 'about:blank',
      title: 'Conflict',
      status: 409,
      detail: 'The cluster was changed since version 1 (now version 2)',
      errors: [{ field: 'body.version', message: 'stale' }],
    };
    const { client } = clientAnswering(() => json(409, problem, 'application/problem+json'));
    const call = unwrap(
      client.PATCH('/api/v1/workspaces/{workspace}/clusters/{id}', {
        params: { path: { workspace: 'demo', id: 'c1' } },
        body: { version: 1 },
      }),
    );
    const error = await call.catch((e: unknown) => e);
    expect(isApiError(error)).toBe(true);
    expect((error as ApiError).problem).toEqual(problem);
    expect((error as ApiError).status).toBe(409);
  });

  it('gives an answer that is not a problem document a problem made from its status', async () => {
    const { client } = clientAnswering(
      () => new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }),
    );
    const error = await unwrap(client.GET('/api/v1/instruments')).catch((e: unknown) => e);
    expect((error as ApiError).problem).toEqual({
      type: 'about:blank',
      title: 'Bad Gateway',
      status: 502,
      detail: 'The server answered with status 502.',
    });
  });

  it('reports a 401 as a lost session, except where 401 is the answer (who am I, sign-in)', async () => {
    const onUnauthenticated = vi.fn();
    configureApiSession({ csrfToken: () => null, onUnauthenticated });
    const { client } = clientAnswering(() =>
      json(401, { type: 'about:blank', title: 'Unauthorized', status: 401 }, 'application/problem+json'),
    );
    await expect(unwrap(client.GET('/api/v1/me'))).rejects.toBeInstanceOf(ApiError);
    await expect(
      unwrap(client.POST('/api/v1/auth/sign-in', { body: { email: 'a@b.example', password: 'x' } })),
    ).rejects.toBeInstanceOf(ApiError);
    expect(onUnauthenticated).not.toHaveBeenCalled();
    await expect(
      unwrap(
        client.GET('/api/v1/workspaces/{workspace}/clusters', { params: { path: { workspace: 'demo' } } }),
      ),
    ).rejects.toMatchObject({ status: 401 });
    expect(onUnauthenticated).toHaveBeenCalledOnce();
  });

  it('answers a network failure with status 0, and leaves an abandoned request aborted', async () => {
    const { client } = clientAnswering(() => {
      throw new TypeError('fetch failed');
    });
    await expect(unwrap(client.GET('/api/v1/instruments'))).rejects.toMatchObject({
      status: 0,
      title: 'Network error',
    });
    const controller = new AbortController();
    controller.abort();
    const aborted = clientAnswering((request) => {
      throw request.signal.reason;
    });
    const error = await unwrap(
      aborted.client.GET('/api/v1/instruments', { signal: controller.signal }),
    ).catch((e: unknown) => e);
    expect(isApiError(error)).toBe(false);
    expect((error as Error).name).toBe('AbortError');
  });

  it('uploads a file as is, with the media type it is sent with', async () => {
    const { client, requests } = clientAnswering(() =>
      json(200, { columns: [], rows: [], rowCount: 0, suggestedMapping: {} }),
    );
    const file = new File(['name,country\nOrbit,FR\n'], 'members.csv');
    await unwrap(
      client.POST('/api/v1/workspaces/{workspace}/imports/parse', {
        params: { path: { workspace: 'demo' } },
        body: file,
        bodySerializer: (body) => body,
        headers: { 'Content-Type': 'text/csv' },
      }),
    );
    expect(requests[0]?.headers.get('content-type')).toBe('text/csv');
    expect(await requests[0]?.text()).toBe('name,country\nOrbit,FR\n');
  });
});

describe('apiHref', () => {
  it('writes a download link of the OpenAPI document with its parameters', () => {
    expect(
      apiHref('/api/v1/workspaces/{workspace}/organisations/export', {
        path: { workspace: 'demo' },
        query: { q: 'Merlin Import Robotics', format: 'csv' },
      }),
    ).toBe('/api/v1/workspaces/demo/organisations/export?q=Merlin+Import+Robotics&format=csv');
    expect(apiHref('/api/v1/dev/outbox', {})).toBe('/api/v1/dev/outbox');
  });
});
