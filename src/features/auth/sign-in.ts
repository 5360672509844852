import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from '../../http/authentication.ts';
import { SESSION_IDLE_MS } from './service.ts';

/** What every route that signs someone in shares (sign-in, accepting an invitation, password reset). */

/** Sign-in attempts per client address and e-mail per minute (the account lock-out is separate). */
export const SIGN_IN_RATE = { max: 10, timeWindow: '1 minute' };

/** The rate-limit key of a request whose body names an e-mail: client address and that e-mail. */
export function addressAndEmailKey(request: FastifyRequest): string {
  return `${request.ip}|${String((request.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`;
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
