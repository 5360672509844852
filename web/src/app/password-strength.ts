/**
 * A hint how strong a new password is, for the user choosing it. The server only requires a
 * length (12, `MIN_PASSWORD_LENGTH` of the invitations schema); this nudges towards longer and
 * more varied ones without refusing anything the server accepts.
 */
export const MIN_PASSWORD_LENGTH = 12;

export type PasswordStrength =
  | { level: 'tooShort'; length: number }
  | { level: 'weak' | 'fair' | 'strong'; length: number };

/** Kinds of characters used: lower-case, upper-case, digits, anything else. */
function varietyOf(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((kind) => kind.test(password)).length;
}

/**
 * @example
 * passwordStrength('short') // { level: 'tooShort', length: 5 }
 * passwordStrength('correct horse battery staple') // { level: 'strong', length: 28 }
 */
export function passwordStrength(password: string): PasswordStrength {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return { level: 'tooShort', length };
  // One character repeated, or a run such as "aaaaaaaaaaaa" or "123456789012", is weak at any length.
  const distinct = new Set(password.toLowerCase()).size;
  if (distinct < 5) return { level: 'weak', length };
  const variety = varietyOf(password);
  if (length >= 20 || (length >= 16 && variety >= 3)) return { level: 'strong', length };
  if (variety >= 2) return { level: 'fair', length };
  return { level: 'weak', length };
}
