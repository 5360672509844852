/**
 * Addresses of the API for plain links (`<a href>`), where the browser itself makes the request:
 * file downloads, which the session cookie authenticates. The path is one of the OpenAPI
 * document's, with its parameters, so a link to a route that does not exist does not compile.
 */
import { createFinalURL, defaultPathSerializer } from 'openapi-fetch';
import { querySerializer } from './query-string.ts';
import type { paths } from './schema.d.ts';

/** The paths a GET can be sent to. */
type GetPath = { [P in keyof paths]: paths[P] extends { get: object } ? P : never }[keyof paths];

type GetParameters<P extends GetPath> = paths[P] extends { get: { parameters: infer Q } } ? Q : never;

/** A link's path and query parameters, as the OpenAPI document declares them. */
type LinkParameters<P extends GetPath> = Pick<
  GetParameters<P>,
  Extract<'path' | 'query', keyof GetParameters<P>>
>;

/**
 * `apiHref('/api/v1/workspaces/{workspace}/people/export', { path: { workspace }, query: { format: 'csv' } })`
 * is `/api/v1/workspaces/demo/people/export?format=csv`.
 */
export function apiHref<P extends GetPath>(path: P, parameters: LinkParameters<P>): string {
  const { path: pathParams, query } = parameters as {
    path?: Record<string, unknown>;
    query?: Record<string, unknown>;
  };
  return createFinalURL(path, {
    baseUrl: '',
    params: { ...(pathParams ? { path: pathParams } : {}), ...(query ? { query } : {}) },
    querySerializer,
    pathSerializer: defaultPathSerializer,
  });
}

/**
 * The API's reference page (Swagger UI), served beside the API. It is not an operation of the
 * OpenAPI document (the document does not describe its own viewer), hence a named constant.
 */
export const API_REFERENCE_PAGE = '/api/docs';
