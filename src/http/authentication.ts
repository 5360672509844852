import { timingSafeEqual } from 'node:crypto';
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Selectable } from 'kysely';
import type { ApiTokenTable, AppUserTable, UserSessionTable } from '../db/schema.ts';
import { type Actor, ForbiddenError, type Permission, roleMay } from '../domain/access/policy.ts';
import { NotFoundError, UnauthenticatedError, WorkspaceSuspendedError } from '../domain/errors.ts';

/** Who made a request, and how. */
export interface Authentication {
  user: Pick<Selectable<AppUserTable>, 'id' | 'email' | 'name'>;
  via: 'session' | 'token';
  /** Present when signed in by cookie: mutations must echo `session.csrf_token`. */
  session?: Selectable<UserSessionTable>;
  token?: Selectable<ApiTokenTable>;
}

/** What `authenticate` needs of the auth feature (its `AuthService`). */
export interface Authenticator {
  authenticateToken(secret: string): Promise<Authentication | undefined>;
  authenticateSession(secret: string): Promise<Authentication | undefined>;
}

/** What `resolveWorkspaceActor` needs of the workspaces feature (its `WorkspaceRepository`). */
export interface ActorFinder {
  /** The caller's role, with the workspace's status (`pending` and `deleting` ones do not exist for members). */
  findActor(
    workspaceSlug: string,
    userId: string,
  ): Promise<(Actor & { workspaceStatus: string }) | undefined>;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `authenticate`: who is calling. */
    auth: Authentication | null;
    /** Set by `resolveWorkspaceActor`: the caller's role in the workspace of the URL. */
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** The permission a workspace route needs; checked for the caller's role before the handler. */
    permission?: Permission;
  }
}

export const SESSION_COOKIE = 'space2id_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A preHandler: finds the caller from `Authorization: Bearer <token>` or the session cookie, or
 * answers 401. Cookie-authenticated mutations must also send the session's CSRF token in
 * `X-CSRF-Token` (403 otherwise); token-authenticated calls need none (no ambient credentials).
 */
export function authenticate(auth: Authenticator) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      request.auth = match?.[1] ? ((await auth.authenticateToken(match[1])) ?? null) : null;
      if (!request.auth) throw new UnauthenticatedError('The API token is unknown, revoked or expired.');
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    request.auth = cookie ? ((await auth.authenticateSession(cookie)) ?? null) : null;
    if (!request.auth) throw new UnauthenticatedError();
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      const expected = request.auth.session?.csrf_token ?? '';
      if (typeof sent !== 'string' || !safeEqual(sent, expected)) {
        throw new CsrfError();
      }
    }
  };
}

/**
 * A preHandler for a route that answers anyone: finds the caller like `authenticate` (bearer token
 * or session cookie) but leaves `request.auth` null, without a 401, when there is none or it is
 * unknown. For reads only: it checks no CSRF token.
 */
export function identify(auth: Authenticator) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (match?.[1]) {
      request.auth = (await auth.authenticateToken(match[1])) ?? null;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    request.auth = cookie ? ((await auth.authenticateSession(cookie)) ?? null) : null;
  };
}

/** Compares secrets in constant time (no timing hints about the expected value). */
function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A cookie-authenticated mutation without the session's CSRF token (HTTP 403). */
export class CsrfError extends Error {
  constructor() {
    super(`Missing or wrong ${CSRF_HEADER} header: send the csrfToken of GET /api/v1/me`);
    this.name = 'CsrfError';
  }
}

/**
 * A preHandler for `/workspaces/:workspace/…` routes (after `authenticate`): the caller must be a
 * member of that workspace — otherwise 404, exactly as for a workspace that does not exist — and
 * its role must allow the route's declared permission (403).
 */
export function resolveWorkspaceActor(workspaces: ActorFinder) {
  return async (request: FastifyRequest): Promise<void> => {
    const slug = (request.params as { workspace?: string }).workspace ?? '';
    const userId = request.auth?.user.id;
    if (!userId) throw new UnauthenticatedError();
    const found = await workspaces.findActor(slug, userId);
    if (!found || found.workspaceStatus === 'pending' || found.workspaceStatus === 'deleting') {
      throw new NotFoundError('workspace', slug);
    }
    if (found.workspaceStatus === 'suspended') throw new WorkspaceSuspendedError(slug);
    const { workspaceStatus: _status, ...actor } = found;
    request.actor = actor;
    const permission = request.routeOptions.config.permission;
    if (!permission) throw new Error(`route ${request.routeOptions.url} declares no permission`);
    if (!roleMay(actor.role, permission)) throw new ForbiddenError(permission);
  };
}

/** The workspace actor of a request that went through `resolveWorkspaceActor`. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Error('no workspace actor: the route misses resolveWorkspaceActor');
  return request.actor;
}

/** The caller of a request that went through `authenticate`. */
export function authOf(request: FastifyRequest): Authentication {
  if (!request.auth) throw new UnauthenticatedError();
  return request.auth;
}
