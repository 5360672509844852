import { InvalidInputError } from '../../domain/errors.ts';

/** An archive that cannot be imported, and why (a 400 naming the uploaded file; a CLI error). */
export class ArchiveError extends InvalidInputError {
  constructor(message: string, field = 'body') {
    super(message, [{ field, message }]);
    this.name = 'ArchiveError';
  }
}
