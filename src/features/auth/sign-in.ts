import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../../http/authentication.ts';
import { clientSource } from '../../http/client-source.ts';
import { SESSION_IDLE_MS } from './service.ts';

/** What every route that signs someone in shares (sign-in, accepting an invitation, password reset). */

/**
 * Requests per key per minute on the public auth routes: per client source and e-mail on sign-in
 * and password-reset requests, per client source on the routes that take a link's token. The
 * budget of failed sign-ins per source and the lock-out per account and source are separate
 * (`AuthService.checkPassword`).
 */
export const SIGN_IN_RATE = { max: 10, timeWindow: '1 minute' };

/** The rate-limit key of a request whose body names an e-mail: client source and that e-mail. */
export function addressAndEmailKey(request: FastifyRequest): string {
  return `${clientSource(request.ip)}|${String((request.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`;
}

/** Sets the HttpOnly session cookie (sign-in, accepting an invitation). */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    maxAge: SESSION_IDLE_MS / 1000,
  });
}
