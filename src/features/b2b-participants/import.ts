import type { Kysely } from 'kysely';
import { z } from 'zod';
import { newId, nowIso } from '../../db/ids.ts';
import type { DB } from '../../db/schema.ts';
import { markEvidence, writeTransaction } from '../../db/write-transaction.ts';
import type { Actor } from '../../domain/access/policy.ts';
import { InvalidInputError } from '../../domain/errors.ts';
import { requireEventManager } from '../../domain/matchmaking/access.ts';
import { EVENT_LIMITS, MEETING_TYPES, pairKey } from '../../domain/matchmaking/types.ts';
import type { TextTable } from '../../domain/registry/text-table.ts';
import { AuditRepository } from '../audit/repository.ts';
import { EventRefReader } from '../b2b-events/event-ref.ts';
import { readCsv, readXlsx } from '../imports/read-table.ts';
import { ParticipantRepository } from './repository.ts';
import { type ImportResultDto, profileInput } from './schema.ts';
import { profileValues } from './service.ts';

type Kind = 'participants' | 'requests';

const emailCell = z.string().trim().toLowerCase().max(254).pipe(z.email());
const REQUEST_IMPORT_STATUSES = ['pending', 'accepted', 'declined'] as const;

interface RowError {
  line: number;
  column: string;
  message: string;
}

/**
 * Import of an event moved from another platform (issue 22 item 2): participants (approved,
 * `source: import`) or requests between them (`origin: import`) from a CSV or XLSX file, read by
 * the registry import's parsers. A preview reports every row's errors; a commit writes all rows in
 * one transaction, or nothing when any row is wrong.
 */
export class ParticipantImportService {
  constructor(private readonly db: Kysely<DB>) {}

  async import(
    actor: Actor,
    eventId: string,
    file: { format: 'csv' | 'xlsx'; bytes: Buffer; kind: Kind; commit: boolean },
  ): Promise<ImportResultDto> {
    const ref = await new EventRefReader(this.db).find(actor.workspaceId, eventId);
    requireEventManager(actor, ref);
    const table: TextTable = file.format === 'xlsx' ? await readXlsx(file.bytes) : readCsv(file.bytes);
    const headers = table.headers.map((h) =>
      h
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_'),
    );
    const records = table.rows.map((cells) =>
      Object.fromEntries(headers.map((h, i) => [h, (cells[i] ?? '').trim()])),
    );
    const existing = await this.db
      .selectFrom('b2b_participant')
      .select(['id', 'name', 'contact_email'])
      .where('event_id', '=', ref.id)
      .execute();
    const errors: RowError[] = [];
    const line = (i: number) => i + 2;

    if (file.kind === 'participants') {
      for (const column of ['name', 'country', 'contact_name', 'contact_email'])
        if (!headers.includes(column)) errors.push({ line: 1, column, message: 'is a required column' });
      const seen = new Set(existing.map((p) => p.contact_email));
      const parsed = records.map((r, i) => {
        const profile = profileInput.safeParse({
          name: r.name ?? '',
          country: (r.country ?? '').toUpperCase(),
          city: r.city || null,
          website: r.website || null,
          type: r.type || 'company',
          description: r.description ?? '',
          offers: r.offers ?? '',
          lookingFor: r.looking_for ?? '',
          tags: splitList(r.tags),
          meetingTypes: r.meeting_types ? splitList(r.meeting_types) : [ref.meetingTypes[0] ?? 'b2b'],
        });
        if (!profile.success)
          for (const issue of profile.error.issues)
            errors.push({ line: line(i), column: String(issue.path[0] ?? 'row'), message: issue.message });
        const contact = emailCell.safeParse(r.contact_email ?? '');
        if (!contact.success)
          errors.push({ line: line(i), column: 'contact_email', message: 'is not an e-mail address' });
        else if (seen.has(contact.data))
          errors.push({
            line: line(i),
            column: 'contact_email',
            message: 'is already registered for the event',
          });
        else seen.add(contact.data);
        if (!r.contact_name) errors.push({ line: line(i), column: 'contact_name', message: 'is required' });
        const reps = parseRepresentatives(r.representatives, r.contact_name ?? '', contact.data ?? '');
        if (reps.length > ref.maxRepresentatives || reps.some((x) => !emailCell.safeParse(x.email).success))
          errors.push({
            line: line(i),
            column: 'representatives',
            message: `must be at most ${ref.maxRepresentatives} "Name <e-mail>" separated by ";"`,
          });
        return profile.success && contact.success
          ? { profile: profile.data, contact: contact.data, r, reps }
          : null;
      });
      let created = 0;
      if (file.commit) {
        refuseWithErrors(errors);
        created = await writeTransaction(this.db, async (trx) => {
          const repo = new ParticipantRepository(trx);
          const audit = new AuditRepository(trx);
          const now = nowIso();
          for (const row of parsed) {
            if (!row) continue;
            const p = await repo.create(actor.workspaceId, ref.id, {
              ...profileValues(row.profile),
              contact_name: row.r.contact_name ?? '',
              contact_email: row.contact,
              status: 'approved',
              source: 'import',
              decided_at: now,
              decided_by: actor.userId,
            });
            await repo.replaceRepresentatives(p.id, row.reps);
            await audit.record({
              workspaceId: actor.workspaceId,
              actorUserId: actor.userId,
              action: 'create',
              entityType: 'b2b_participant',
              entityId: p.id,
              changes: { event_id: [null, ref.id], name: [null, p.name], source: [null, 'import'] },
            });
          }
          return parsed.filter(Boolean).length;
        });
      }
      return result(file, records, errors, created);
    }

    // Requests between participants of the event, by contact e-mail or name.
    for (const column of ['from', 'to', 'status'])
      if (!headers.includes(column)) errors.push({ line: 1, column, message: 'is a required column' });
    const byKey = new Map<string, string>();
    for (const p of existing) {
      byKey.set(p.contact_email.toLowerCase(), p.id);
      byKey.set(p.name.trim().toLowerCase(), p.id);
    }
    const live = await this.db
      .selectFrom('b2b_request')
      .select('pair_key')
      .where('event_id', '=', ref.id)
      .where('status', 'in', ['pending', 'accepted'])
      .execute();
    const pairs = new Set(live.map((l) => l.pair_key));
    const parsed = records.map((r, i) => {
      const from = byKey.get((r.from ?? '').toLowerCase());
      const to = byKey.get((r.to ?? '').toLowerCase());
      if (!from) errors.push({ line: line(i), column: 'from', message: 'is no participant of the event' });
      if (!to) errors.push({ line: line(i), column: 'to', message: 'is no participant of the event' });
      const status = (r.status || 'accepted').toLowerCase() as (typeof REQUEST_IMPORT_STATUSES)[number];
      if (!REQUEST_IMPORT_STATUSES.includes(status))
        errors.push({ line: line(i), column: 'status', message: 'must be pending, accepted or declined' });
      const type = (
        r.meeting_type ||
        ref.meetingTypes[0] ||
        'b2b'
      ).toLowerCase() as (typeof MEETING_TYPES)[number];
      if (!MEETING_TYPES.includes(type) || !ref.meetingTypes.includes(type))
        errors.push({
          line: line(i),
          column: 'meeting_type',
          message: 'is not a meeting type of this event',
        });
      if ((r.message ?? '').length > EVENT_LIMITS.messageMax)
        errors.push({
          line: line(i),
          column: 'message',
          message: `is longer than ${EVENT_LIMITS.messageMax} characters`,
        });
      if (!from || !to) return null;
      if (from === to) {
        errors.push({ line: line(i), column: 'to', message: 'is the same participant as from' });
        return null;
      }
      const key = pairKey(from, to);
      if (status !== 'declined') {
        if (pairs.has(key))
          errors.push({ line: line(i), column: 'to', message: 'this pair already has a live request' });
        pairs.add(key);
      }
      return { from, to, key, status, type, message: r.message ?? '' };
    });
    let created = 0;
    if (file.commit) {
      refuseWithErrors(errors);
      created = await writeTransaction(this.db, async (trx) => {
        const now = nowIso();
        const rows = parsed.flatMap((p) =>
          p
            ? [
                {
                  id: newId(),
                  workspace_id: actor.workspaceId,
                  event_id: ref.id,
                  from_participant_id: p.from,
                  to_participant_id: p.to,
                  pair_key: p.key,
                  meeting_type: p.type,
                  message: p.message,
                  status: p.status,
                  origin: 'import' as const,
                  created_by: actor.userId,
                  responded_at: p.status === 'pending' ? null : now,
                  decline_reason: null,
                  expires_at: null,
                  reminded_at: null,
                  created_at: now,
                  updated_at: now,
                },
              ]
            : [],
        );
        for (let i = 0; i < rows.length; i += 200)
          await trx
            .insertInto('b2b_request')
            .values(rows.slice(i, i + 200))
            .execute();
        if (rows.length > 0) markEvidence(trx, [ref.activityId]);
        await new AuditRepository(trx).recordMany(
          rows.map((r) => ({
            workspaceId: actor.workspaceId,
            actorUserId: actor.userId,
            action: 'create' as const,
            entityType: 'b2b_request',
            entityId: r.id,
            changes: { event_id: [null, ref.id], status: [null, r.status], origin: [null, 'import'] },
          })),
        );
        return rows.length;
      });
    }
    return result(file, records, errors, created);
  }
}

function splitList(cell: string | undefined): string[] {
  return (cell ?? '')
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** "Ana Silva <ana@x.example>; Bo <bo@x.example>", or the contact when empty. */
function parseRepresentatives(cell: string | undefined, contactName: string, contactEmail: string) {
  const parts = (cell ?? '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0)
    return contactName && contactEmail ? [{ name: contactName, email: contactEmail, role: null }] : [];
  return parts.map((part) => {
    const match = /^(.*?)\s*<([^>]+)>$/.exec(part);
    return match
      ? {
          name: (match[1] || match[2] || '').trim().slice(0, 200),
          email: (match[2] ?? '').trim().toLowerCase(),
          role: null,
        }
      : { name: part.slice(0, 200), email: '', role: null };
  });
}

function refuseWithErrors(errors: RowError[]): void {
  if (errors.length === 0) return;
  throw new InvalidInputError(
    `The file has ${errors.length} error(s): correct them and import again; nothing was imported.`,
    errors.slice(0, 100).map((e) => ({ field: `body.line.${e.line}.${e.column}`, message: e.message })),
  );
}

function result(
  file: { kind: Kind; commit: boolean },
  records: Record<string, string>[],
  errors: RowError[],
  created: number,
): ImportResultDto {
  return {
    kind: file.kind,
    committed: file.commit,
    rows: records.slice(0, 200),
    rowCount: records.length,
    errors: errors.slice(0, 500),
    created,
  };
}
