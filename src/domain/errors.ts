/**
 * Errors the use cases raise. They carry no HTTP; `src/http/problem.ts` maps each to an
 * `application/problem+json` answer.
 */

/** One field that failed validation, by its path (e.g. `query.phase`, `body.items.2.name`). */
export interface FieldError {
  field: string;
  message: string;
}

export class NotFoundError extends Error {
  /** `field`: the request field that named the missing record (e.g. `body.marketId`), if any. */
  constructor(
    readonly resource: string,
    readonly id: string,
    readonly field?: string,
  ) {
    super(`No ${resource} with key or id "${id}"`);
    this.name = 'NotFoundError';
  }
}

export class InvalidInputError extends Error {
  constructor(
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'InvalidInputError';
  }
}

/** The record changed since the client read it: its `version` is stale (HTTP 409). */
export class ConflictError extends Error {
  constructor(
    message: string,
    readonly currentVersion?: number,
  ) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** The workspace was suspended by the instance operator: nothing in it can be read or changed (HTTP 423). */
export class WorkspaceSuspendedError extends Error {
  constructor(readonly slug: string) {
    super(
      `The workspace "${slug}" is suspended by the operator of this Hub: nothing in it can be read or changed until it is reactivated. Ask your coordinator or the Hub's operator.`,
    );
    this.name = 'WorkspaceSuspendedError';
  }
}

/** Only the Hub's instance operator may do this (HTTP 403). */
export class OperatorOnlyError extends Error {
  constructor() {
    super('Only the operator of this Hub may do this (see `space2id operator grant`).');
    this.name = 'OperatorOnlyError';
  }
}

/** The request carries no valid session or token (HTTP 401). */
export class UnauthenticatedError extends Error {
  constructor(message = 'Sign in first, or send a valid API token.') {
    super(message);
    this.name = 'UnauthenticatedError';
  }
}

/** A service the Hub depends on (the mail server) did not do its part; retrying later may work (HTTP 503). */
export class ServiceUnavailableError extends Error {
  constructor(message: string, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'ServiceUnavailableError';
  }
}

/** The input is over a documented limit (HTTP 413), e.g. too many rows in an import file. */
export class TooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TooLargeError';
  }
}

/** Sign-in failed. One message for every cause, so nobody learns whether an e-mail has an account. */
export class InvalidCredentialsError extends Error {
  constructor() {
    super('E-mail or password is incorrect, or the account is locked for a while after failed attempts.');
    this.name = 'InvalidCredentialsError';
  }
}

/**
 * Too many attempts from one source in a window (HTTP 429): the caller may try again after
 * `retryAfterSeconds` (sent as `Retry-After`).
 */
export class TooManyAttemptsError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = 'TooManyAttemptsError';
  }
}
