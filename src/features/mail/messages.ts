/**
 * Every mail the Hub sends, in English, in one place (translations would sit beside it). Each
 * message is plain text plus a simple HTML version; values are escaped in the HTML.
 */

import type { Language } from '../../domain/i18n/types.ts';

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

  /** In the account's language (issue 20): the account is known, so its choice is too. */
  passwordReset: (
    values: { name: string; link: string; expiresAt: string },
    language: Language = 'en',
  ): MailContent => {
    const w = RESET_WORDS[language];
    const lines = [
      w.hello(values.name),
      w.asked,
      w.open,
      values.link,
      w.expires(formatUtc(values.expiresAt)),
      w.ignore,
    ];
    return { subject: w.subject, text: lines.join('\n\n'), html: html(lines, values.link, w.button) };
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

/** The password-reset mail's words per language (machine-made drafts but English; to be reviewed). */
const RESET_WORDS: Record<
  Language,
  {
    subject: string;
    hello: (name: string) => string;
    asked: string;
    open: string;
    expires: (when: string) => string;
    ignore: string;
    button: string;
  }
> = {
  en: {
    subject: 'Reset your SPACE2ID Hub password',
    hello: (name) => `Hello ${name},`,
    asked: 'Someone (hopefully you) asked to reset the password of your SPACE2ID Hub account.',
    open: 'Open this link to choose a new password:',
    expires: (when) =>
      `The link works once and expires on ${when}. Choosing a new password signs you out everywhere.`,
    ignore: 'If you did not ask for this, ignore this mail: your password stays as it is.',
    button: 'Choose a new password',
  },
  fr: {
    subject: 'Réinitialiser votre mot de passe SPACE2ID Hub',
    hello: (name) => `Bonjour ${name},`,
    asked:
      'Quelqu’un (vous, espérons-le) a demandé à réinitialiser le mot de passe de votre compte SPACE2ID Hub.',
    open: 'Ouvrez ce lien pour choisir un nouveau mot de passe :',
    expires: (when) =>
      `Le lien fonctionne une fois et expire le ${when}. Choisir un nouveau mot de passe vous déconnecte partout.`,
    ignore: 'Si vous n’avez rien demandé, ignorez cet e-mail : votre mot de passe reste inchangé.',
    button: 'Choisir un nouveau mot de passe',
  },
  es: {
    subject: 'Restablezca su contraseña de SPACE2ID Hub',
    hello: (name) => `Hola, ${name}:`,
    asked: 'Alguien (esperamos que usted) ha pedido restablecer la contraseña de su cuenta de SPACE2ID Hub.',
    open: 'Abra este enlace para elegir una contraseña nueva:',
    expires: (when) =>
      `El enlace funciona una vez y caduca el ${when}. Elegir una contraseña nueva cierra su sesión en todas partes.`,
    ignore: 'Si no lo ha pedido, ignore este correo: su contraseña no cambia.',
    button: 'Elegir una contraseña nueva',
  },
  it: {
    subject: 'Reimposta la password di SPACE2ID Hub',
    hello: (name) => `Buongiorno ${name},`,
    asked: 'Qualcuno (speriamo lei) ha chiesto di reimpostare la password del suo account SPACE2ID Hub.',
    open: 'Apra questo link per scegliere una nuova password:',
    expires: (when) =>
      `Il link funziona una volta e scade il ${when}. Scegliere una nuova password chiude tutte le sessioni.`,
    ignore: 'Se non l’ha chiesto, ignori questa e-mail: la password resta invariata.',
    button: 'Scegli una nuova password',
  },
  el: {
    subject: 'Επαναφορά του κωδικού σας στο SPACE2ID Hub',
    hello: (name) => `Γεια σας ${name},`,
    asked: 'Κάποιος (ελπίζουμε εσείς) ζήτησε επαναφορά του κωδικού του λογαριασμού σας στο SPACE2ID Hub.',
    open: 'Ανοίξτε αυτόν τον σύνδεσμο για να επιλέξετε νέο κωδικό:',
    expires: (when) =>
      `Ο σύνδεσμος λειτουργεί μία φορά και λήγει στις ${when}. Η επιλογή νέου κωδικού σας αποσυνδέει παντού.`,
    ignore: 'Αν δεν το ζητήσατε, αγνοήστε αυτό το μήνυμα: ο κωδικός σας μένει ως έχει.',
    button: 'Επιλογή νέου κωδικού',
  },
  pl: {
    subject: 'Zresetuj hasło do SPACE2ID Hub',
    hello: (name) => `Dzień dobry ${name},`,
    asked: 'Ktoś (mamy nadzieję, że Ty) poprosił o zresetowanie hasła do Twojego konta SPACE2ID Hub.',
    open: 'Otwórz ten link, aby wybrać nowe hasło:',
    expires: (when) =>
      `Link działa jeden raz i wygasa ${when}. Wybranie nowego hasła wylogowuje Cię wszędzie.`,
    ignore: 'Jeśli to nie Ty, zignoruj tę wiadomość: hasło pozostaje bez zmian.',
    button: 'Wybierz nowe hasło',
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
