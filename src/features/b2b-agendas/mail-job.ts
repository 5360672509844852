import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { requireEventManager } from '../../domain/matchmaking/access.ts';
import { MEETING_STATUS_LABELS } from '../../domain/matchmaking/types.ts';
import { JobError, type JobHandler } from '../../jobs/queue.ts';
import { EventRefReader } from '../b2b-events/event-ref.ts';
import type { Mailer } from '../mail/mailer.ts';
import { WorkspaceRepository } from '../workspaces/repository.ts';
import { type Agenda, meetingLocation } from './agenda.ts';
import { AgendaRepository } from './repository.ts';
import type { AgendaService, FeedLink } from './service.ts';

const paramsSchema = z.object({ eventId: z.string().min(1).max(100) });

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The agenda mail: the meetings by day, the calendar subscription link, the `.ics` attached. */
export function agendaMail(agenda: Agenda, contactName: string, feed: FeedLink) {
  const lines: string[] = [];
  let day = '';
  for (const meeting of agenda.meetings) {
    if (meeting.day !== day) {
      day = meeting.day;
      lines.push('', day);
    }
    const where = [meetingLocation(meeting, null), meeting.videoLink].filter(Boolean).join(', ');
    const status = meeting.status === 'scheduled' ? '' : ` (${MEETING_STATUS_LABELS[meeting.status]})`;
    lines.push(
      `${meeting.startTime}–${meeting.endTime}  ${meeting.counterpart.name}${where ? ` — ${where}` : ''}${status}`,
    );
  }
  const subject = `Your agenda for ${agenda.event.title}`;
  const intro = `Hello ${contactName},`;
  const summary =
    agenda.meetings.length === 0
      ? 'No meeting is scheduled for you yet.'
      : `Here is the agenda of ${agenda.participant.name} (times in ${agenda.event.timeZone}):`;
  const text = [
    intro,
    '',
    summary,
    ...lines,
    '',
    'The attached .ics file adds these meetings to your calendar. To keep your calendar up to date with every change, subscribe to:',
    feed.url,
    '',
    'Show the check-in QR code of your agenda at the registration desk.',
  ].join('\n');
  const html = [
    `<p>${escapeHtml(intro)}</p>`,
    `<p>${escapeHtml(summary)}</p>`,
    agenda.meetings.length > 0
      ? `<ul>${agenda.meetings
          .map(
            (m) =>
              `<li>${escapeHtml(`${m.day} ${m.startTime}–${m.endTime}`)}: <strong>${escapeHtml(m.counterpart.name)}</strong>${
                m.table ? ` — ${escapeHtml(meetingLocation(m, null) ?? '')}` : ''
              }${m.status === 'scheduled' ? '' : ` (${escapeHtml(MEETING_STATUS_LABELS[m.status])})`}</li>`,
          )
          .join('')}</ul>`
      : '',
    '<p>The attached .ics file adds these meetings to your calendar. To keep your calendar up to date with every change, subscribe to:</p>',
    `<p><a href="${escapeHtml(feed.url)}">${escapeHtml(feed.url)}</a></p>`,
  ].join('\n');
  return { subject, text, html };
}

/**
 * Works an agenda-mails job: each approved participant of the event gets its agenda by mail, with
 * the `.ics` attached and its calendar feed link (created when it has none). Run with the access
 * its creator has when it runs: one who can no longer manage the event gets a failed job.
 */
export function agendaMailsJobHandler(
  db: Kysely<DB>,
  agendas: Pick<AgendaService, 'loadAll' | 'ensureFeed' | 'icsOf'>,
  mailer: Mailer,
): JobHandler {
  return async (job, context) => {
    const params = paramsSchema.safeParse(job.params);
    if (!params.success) throw new JobError('The job parameters are not valid; start the mails again.');
    const actor = job.createdBy
      ? await new WorkspaceRepository(db).findActorById(job.workspaceId, job.createdBy)
      : undefined;
    if (!actor)
      throw new JobError('The person who asked for the mails is no longer a member of the workspace.');
    const event = await new EventRefReader(db).findOrNull(job.workspaceId, params.data.eventId);
    if (!event) throw new JobError('The event no longer exists.');
    try {
      requireEventManager(actor, event);
    } catch {
      throw new JobError('The person who asked for the mails no longer runs this event.');
    }
    if (event.publishedAt === null)
      throw new JobError('The schedule is not published yet: there is no agenda to send.');
    const repo = new AgendaRepository(db);
    const participants = new Map((await repo.approvedParticipants(event.id)).map((p) => [p.id, p]));
    const list = await agendas.loadAll(event);
    const report: string[] = ['participant,email,result'];
    let sent = 0;
    for (const [index, agenda] of list.entries()) {
      if (context.signal.aborted) throw new JobError('Stopped: the server is shutting down.');
      const participant = participants.get(agenda.participant.id);
      if (!participant) continue;
      const feed = await agendas.ensureFeed(event, participant, actor.userId, false);
      const mail = agendaMail(agenda, participant.contactName, feed);
      const ics = agendas.icsOf(agenda);
      let result = 'sent';
      try {
        await mailer.send({
          to: participant.contactEmail,
          ...mail,
          userId: null,
          sentByUserId: actor.userId,
          attachments: [
            { fileName: ics.fileName, contentType: 'text/calendar; method=PUBLISH', content: ics.content },
          ],
        });
        sent += 1;
      } catch (err) {
        result = `failed: ${err instanceof Error ? err.message : String(err)}`;
      }
      report.push([participant.name, participant.contactEmail, result].map(csvCell).join(','));
      context.progress((index + 1) / list.length, `Sent ${sent} of ${list.length} agendas`);
    }
    return {
      fileName: 'agenda-mails.csv',
      contentType: 'text/csv; charset=utf-8',
      content: Buffer.from(`${report.join('\n')}\n`, 'utf8'),
      message: `Done: ${sent} of ${list.length} agendas sent`,
    };
  };
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
