/**
 * The invitation form: which fields each role needs (a cluster manager a cluster; a member
 * optionally an organisation; nobody else either), mirroring `src/features/invitations/service.ts`.
 */
import type { CreateInvitationBody, Role } from '../../api/types.ts';
import { messages } from '../../messages/en.ts';

const t = messages.registry;

export interface InviteFormValues {
  name: string;
  email: string;
  role: Role;
  clusterId: string;
  organisationId: string;
}

export type InviteField = keyof InviteFormValues;
export type InviteFieldErrors = Partial<Record<InviteField, string>>;
export const INVITE_FIELDS: InviteField[] = ['name', 'email', 'role', 'clusterId', 'organisationId'];

export const EMPTY_INVITE_FORM: InviteFormValues = {
  name: '',
  email: '',
  role: 'member',
  clusterId: '',
  organisationId: '',
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether the form shows the cluster (required) or the organisation (optional) for `role`. */
export function scopeFieldOf(role: Role): 'clusterId' | 'organisationId' | null {
  if (role === 'cluster_manager') return 'clusterId';
  if (role === 'member') return 'organisationId';
  return null;
}

export function validateInvite(values: InviteFormValues): InviteFieldErrors {
  const errors: InviteFieldErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = t.fieldRequired;
  else if (name.length > 200) errors.name = t.tooLong(200);
  const email = values.email.trim();
  if (!email) errors.email = t.fieldRequired;
  else if (!EMAIL.test(email) || email.length > 254) errors.email = messages.users.emailInvalid;
  if (values.role === 'cluster_manager' && !values.clusterId) errors.clusterId = t.fieldRequired;
  return errors;
}

/** Only the scope the role takes is sent: a cluster chosen before switching to "viewer" is dropped. */
export function inviteBodyOf(values: InviteFormValues): CreateInvitationBody {
  const scope = scopeFieldOf(values.role);
  return {
    name: values.name.trim(),
    email: values.email.trim(),
    role: values.role,
    clusterId: scope === 'clusterId' ? values.clusterId || null : null,
    organisationId: scope === 'organisationId' ? values.organisationId || null : null,
  };
}

/**
 * The in-app path of the Hub's links in a mail (`/accept-invitation?token=…`, `/reset-password?token=…`),
 * so the development outbox can open them on this very server whatever `PUBLIC_URL` says.
 */
export function appLinksIn(text: string): string[] {
  const links: string[] = [];
  for (const match of text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    try {
      const url = new URL(match[0]);
      if (url.pathname === '/accept-invitation' || url.pathname === '/reset-password') {
        links.push(`${url.pathname}${url.search}`);
      }
    } catch {
      // Not a URL after all: skip it.
    }
  }
  return [...new Set(links)];
}
