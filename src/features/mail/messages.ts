/**
 * Every mail the Hub sends, in English, in one place (translations would sit beside it). Each
 * message is plain text plus a simple HTML version; values are escaped in the HTML.
 */

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const ROLE_NAMES: Record<string, string> = {
  coordinator: 'coordinator',
  cluster_manager: 'cluster manager',
  member: 'member',
  mentor: 'mentor',
  viewer: 'viewer',
};

export const MESSAGES = {
  invitation: (values: {
    name: string;
    workspaceName: string;
    role: string;
    invitedBy: string;
    link: string;
    expiresAt: string;
  }): MailContent => {
    const role = ROLE_NAMES[values.role] ?? values.role;
    const lines = [
      `Hello ${values.name},`,
      `${values.invitedBy} invites you to join ${values.workspaceName} on SPACE2ID Hub as ${role}.`,
      'Open this link to accept and choose your password:',
      values.link,
      `The link works once and expires on ${formatUtc(values.expiresAt)}.`,
      'If you did not expect this invitation, you can ignore this mail.',
    ];
    return {
      subject: `You are invited to ${values.workspaceName} on SPACE2ID Hub`,
      text: lines.join('\n\n'),
      html: html(lines, values.link, 'Accept the invitation'),
    };
  },

  passwordReset: (values: { name: string; link: string; expiresAt: string }): MailContent => {
    const lines = [
      `Hello ${values.name},`,
      'Someone (hopefully you) asked to reset the password of your SPACE2ID Hub account.',
      'Open this link to choose a new password:',
      values.link,
      `The link works once and expires on ${formatUtc(values.expiresAt)}. Choosing a new password signs you out everywhere.`,
      'If you did not ask for this, ignore this mail: your password stays as it is.',
    ];
    return {
      subject: 'Reset your SPACE2ID Hub password',
      text: lines.join('\n\n'),
      html: html(lines, values.link, 'Choose a new password'),
    };
  },

  workspaceSetup: (values: {
    name: string | null;
    workspaceName: string;
    link: string;
    expiresAt: string;
  }): MailContent => {
    const lines = [
      values.name ? `Hello ${values.name},` : 'Hello,',
      `A workspace "${values.workspaceName}" was created for you on SPACE2ID Hub: you are its first coordinator.`,
      'Open this link to choose your password, name your first cluster and start:',
      values.link,
      `The link works once and expires on ${formatUtc(values.expiresAt)}.`,
      'If you did not expect this, you can ignore this mail.',
    ];
    return {
      subject: `Set up ${values.workspaceName} on SPACE2ID Hub`,
      text: lines.join('\n\n'),
      html: html(lines, values.link, 'Set up the workspace'),
    };
  },
};

/** `2026-11-27T10:00:00.000Z` → `2026-11-27 10:00 UTC` */
function formatUtc(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The text's paragraphs as HTML, the link line as a button-like link. */
function html(lines: string[], link: string, linkLabel: string): string {
  const body = lines
    .map((line) =>
      line === link
        ? `<p><a href="${escapeHtml(link)}">${escapeHtml(linkLabel)}</a></p>`
        : `<p>${escapeHtml(line)}</p>`,
    )
    .join('\n');
  return `<!doctype html>\n<html lang="en"><body>\n${body}\n</body></html>\n`;
}

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}
