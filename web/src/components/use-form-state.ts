import { useState } from 'react';
import { fieldErrorsOf } from '../api/describe-error.ts';

/** The server's field errors by form field: `body.offerTags.3` counts for `offerTags`. */
export function serverFieldErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
): Partial<Record<F, string>> {
  const result: Partial<Record<F, string>> = {};
  for (const [name, message] of Object.entries(fieldErrorsOf(error))) {
    const field = name.split('.')[0] as F;
    if (fields.includes(field)) result[field] = result[field] ? `${result[field]}; ${message}` : message;
  }
  return result;
}

/**
 * A form's values and field errors, the one helper every form of the app uses: `set` clears a
 * field's error as it is edited, `check` shows the client-side errors and focuses the first
 * (inputs have the id `${idPrefix}-${field}`), `showServer` places the server's field errors
 * (`body.segments.3` on `segments`). `placed` tells whether any server error found its field.
 */
export function useFormState<V extends object, F extends keyof V & string>(
  initial: V | (() => V),
  fields: readonly F[],
  idPrefix: string,
) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});

  const set = <K extends F>(field: K, value: V[K]) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    if (errors[field]) setErrors((previous) => ({ ...previous, [field]: undefined }));
  };

  const check = (found: Partial<Record<F, string>>): boolean => {
    setErrors(found);
    const first = fields.find((field) => found[field]);
    if (first) document.getElementById(`${idPrefix}-${first}`)?.focus();
    return !first;
  };

  const showServer = (error: unknown) => setErrors(serverFieldErrors(error, fields));

  const placed = (error: unknown) => Object.keys(serverFieldErrors(error, fields)).length > 0;

  /** Props every input shares: its id and its error. */
  const field = (name: F) => ({ id: `${idPrefix}-${name}`, error: errors[name] });

  return { values, setValues, errors, setErrors, set, check, showServer, placed, field };
}
