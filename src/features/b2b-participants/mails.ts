import { escapeHtml } from '../mail/messages.ts';

/** The mails of registration (English; decision 0035): subject, text and HTML with one link. */
interface Content {
  subject: string;
  text: string;
  html: string;
}

function withLink(subject: string, lines: string[], link: { label: string; url: string } | null): Content {
  const text = [...lines, ...(link ? ['', `${link.label}: ${link.url}`] : [])].join('\n');
  const html = [
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    ...(link ? [`<p><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></p>`] : []),
  ].join('\n');
  return { subject, text, html };
}

export function confirmationMail(p: { name: string; eventTitle: string; link: string; expiresAt: string }) {
  return withLink(
    `Confirm your registration to ${p.eventTitle}`,
    [
      `Hello ${p.name},`,
      `Please confirm your e-mail address to complete the registration to ${p.eventTitle}.`,
      `The link works once, until ${p.expiresAt.slice(0, 16).replace('T', ' ')} UTC. If you did not register, ignore this mail.`,
    ],
    { label: 'Confirm my registration', url: p.link },
  );
}

export function accessMail(p: { name: string; eventTitle: string; link: string; status: string }) {
  return withLink(
    `Your link to ${p.eventTitle}`,
    [
      `Hello ${p.name},`,
      `This link signs you in to ${p.eventTitle} (this event only): your registration, the participants, your requests and your agenda.`,
      p.status === 'pending'
        ? 'Your registration now waits for the organisers’ approval: you will get a mail when they decide.'
        : 'Keep this mail: the link replaces any earlier one.',
    ],
    { label: 'Open the event', url: p.link },
  );
}

export function decisionMail(p: {
  name: string;
  eventTitle: string;
  approved: boolean;
  reason: string | null;
  link: string | null;
}) {
  return withLink(
    p.approved ? `Your registration to ${p.eventTitle} is approved` : `Your registration to ${p.eventTitle}`,
    [
      `Hello ${p.name},`,
      p.approved
        ? `The organisers approved your registration to ${p.eventTitle}. You can now browse the participants and request meetings.`
        : `The organisers could not accept your registration to ${p.eventTitle}.`,
      ...(p.reason ? [`Their note: ${p.reason}`] : []),
    ],
    p.link ? { label: 'Open the event', url: p.link } : null,
  );
}
