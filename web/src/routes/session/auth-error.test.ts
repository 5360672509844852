import { describe, expect, it } from 'vitest';
import { ApiError, networkError, problemFrom } from '../../api/api-error.ts';
import { authErrorText } from './auth-error.ts';

const problem = (status: number, detail: string) =>
  new ApiError({ type: 'about:blank', title: 'Refused', status, detail });

describe('a signed-out form’s error', () => {
  it('is the server’s sentence, without a status code', () => {
    const text = authErrorText(problem(401, 'E-mail or password is incorrect.'));
    expect(text).toBe('E-mail or password is incorrect.');
    for (const status of [400, 401, 404, 409, 410, 429, 500, 503, 0]) {
      expect(authErrorText(problem(status, 'Some detail.'))).not.toMatch(/HTTP|\d{3}/);
    }
  });

  it('says in words what the server cannot: too many attempts, a fault, no connection', () => {
    expect(authErrorText(problem(429, 'Rate limit exceeded, retry in 1 minute'))).toBe(
      'Too many attempts: wait a few minutes, then try again.',
    );
    expect(authErrorText(problem(502, 'Bad gateway'))).toBe(
      'The Hub could not answer just now. Try again in a moment.',
    );
    expect(authErrorText(networkError())).toBe(
      'The Hub could not be reached. Check your connection and try again.',
    );
    expect(authErrorText(new Error('boom'))).toBe('boom');
  });

  it('does not pass on the status of a response that was no problem document', async () => {
    const page = new Response('<html>Forbidden</html>', {
      status: 403,
      headers: { 'content-type': 'text/html' },
    });
    expect(authErrorText(await problemFrom(page))).toBe(
      'The Hub refused this request. Reload the page and try again.',
    );
  });
});
