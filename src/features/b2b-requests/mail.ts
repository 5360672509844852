import { MEETING_TYPE_LABELS, type MeetingType } from '../../domain/matchmaking/types.ts';
import { escapeHtml } from '../mail/messages.ts';

/** The marketplace's mails (issue 22 item 3): English, plain text and a simple HTML version. */

export interface RequestMailContent {
  subject: string;
  text: string;
  html: string;
}

function mail(subject: string, paragraphs: string[], link: string): RequestMailContent {
  const text = [...paragraphs, `Open the event: ${link}`].join('\n\n');
  const html = [
    ...paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`),
    `<p><a href="${escapeHtml(link)}">Open the event</a></p>`,
  ].join('\n');
  return { subject, text, html };
}

export function newRequestMail(values: {
  eventTitle: string;
  contactName: string;
  fromName: string;
  meetingType: MeetingType;
  message: string;
  expiresAt: string | null;
  link: string;
}): RequestMailContent {
  return mail(
    `${values.fromName} asks to meet you at ${values.eventTitle}`,
    [
      `Hello ${values.contactName},`,
      `${values.fromName} asks for a meeting (${MEETING_TYPE_LABELS[values.meetingType].toLowerCase()}) at ${values.eventTitle}.`,
      ...(values.message ? [`Their message:\n${values.message}`] : []),
      values.expiresAt
        ? `Please accept or decline before ${values.expiresAt.slice(0, 10)}; the request expires then.`
        : 'Please accept or decline it on the event page.',
    ],
    values.link,
  );
}

export function arrangedMeetingMail(values: {
  eventTitle: string;
  contactName: string;
  otherName: string;
  link: string;
}): RequestMailContent {
  return mail(
    `A meeting with ${values.otherName} at ${values.eventTitle}`,
    [
      `Hello ${values.contactName},`,
      `The organisers of ${values.eventTitle} arranged a meeting for you with ${values.otherName}. Its time and table will be in your agenda once the schedule is published.`,
    ],
    values.link,
  );
}

export function answerMail(values: {
  eventTitle: string;
  contactName: string;
  toName: string;
  answer: 'accepted' | 'declined';
  reason: string | null;
  link: string;
}): RequestMailContent {
  const accepted = values.answer === 'accepted';
  return mail(
    `${values.toName} ${accepted ? 'accepted' : 'declined'} your meeting request at ${values.eventTitle}`,
    [
      `Hello ${values.contactName},`,
      accepted
        ? `${values.toName} accepted your meeting request at ${values.eventTitle}. Its time and table will be in your agenda once the schedule is published.`
        : `${values.toName} declined your meeting request at ${values.eventTitle}.`,
      ...(values.reason ? [`Their reason:\n${values.reason}`] : []),
    ],
    values.link,
  );
}

export function reminderMail(values: {
  eventTitle: string;
  contactName: string;
  fromName: string;
  expiresAt: string | null;
  link: string;
}): RequestMailContent {
  return mail(
    `Reminder: ${values.fromName} waits for your answer at ${values.eventTitle}`,
    [
      `Hello ${values.contactName},`,
      `${values.fromName} asked for a meeting at ${values.eventTitle} and is waiting for your answer.`,
      values.expiresAt
        ? `The request expires on ${values.expiresAt.slice(0, 10)}.`
        : 'Please accept or decline it on the event page.',
    ],
    values.link,
  );
}
