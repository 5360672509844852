import { z } from 'zod';
import { newPassword } from '../invitations/schema.ts';

/** HTTP contract of the password reset by mail. */

export const requestPasswordResetBody = z.strictObject({
  email: z.string().trim().max(254).pipe(z.email()),
});

export const requestPasswordResetResponse = z
  .object({ detail: z.string() })
  .meta({ id: 'PasswordResetRequested' });

export const confirmPasswordResetBody = z.strictObject({
  token: z.string().min(1).max(200),
  password: newPassword,
});
