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
  constructor(
    readonly resource: string,
    readonly id: string,
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
