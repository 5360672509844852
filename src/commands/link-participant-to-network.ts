import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { writeTransaction } from '../db/write-transaction.ts';
import type { Actor } from '../domain/access/policy.ts';
import { websiteDomain } from '../domain/network/website.ts';
import { normaliseOrganisationName } from '../domain/registry/duplicates.ts';
import { AuditRepository } from '../features/audit/repository.ts';
import type { EventRef } from '../features/b2b-events/event-ref.ts';
import { ParticipantRepository } from '../features/b2b-participants/repository.ts';
import {
  NetworkOrganisationRepository,
  NetworkPersonRepository,
} from '../features/network-registry/repository.ts';

/**
 * An approved outside participant of a B2B event who consented to be kept in the network becomes
 * (or is matched to) a network organisation, and its representatives network people with the
 * consent basis `consent` and the source "B2B event <title>" (issue 22 item 2, decision 0035).
 *
 * Matching reuses what the network holds: an organisation with the same normalised name in the
 * same country, or the same website domain, or the organisation of a person with one of the
 * representatives' e-mails; a person with the same e-mail. Nothing is overwritten in a reused row.
 * A command: it writes the event's participant and the network's rows, with their audit, in the
 * caller's `writeTransaction` (joined) or its own.
 */
export function linkParticipantToNetworkCommand() {
  return (db: Kysely<DB>, input: { actor: Actor; event: EventRef; participantId: string }): Promise<void> =>
    writeTransaction(db, async (trx) => {
      const { actor, event } = input;
      const participants = new ParticipantRepository(trx);
      const participant = await participants.find(event.workspaceId, event.id, input.participantId);
      if (!participant || participant.organisation_id || participant.network_consent !== 1) return;
      const reps = await participants.representatives([participant.id]);
      const organisations = new NetworkOrganisationRepository(trx);
      const people = new NetworkPersonRepository(trx);
      const audit = new AuditRepository(trx);
      const actorUserId = actor.userId || null;
      const source = `B2B event ${event.title}`.slice(0, 300);
      const today = new Date().toISOString().slice(0, 10);

      let organisationId = participant.network_organisation_id;
      if (!organisationId) {
        const normalisedName = normaliseOrganisationName(participant.name);
        const domain = websiteDomain(participant.website);
        const [byName] = await organisations.findPossibleDuplicates(event.workspaceId, {
          normalisedName: normalisedName || null,
          country: participant.country,
          websiteDomain: domain,
        });
        organisationId = byName?.id ?? null;
        for (const rep of reps) {
          if (organisationId || !rep.email) break;
          const person = await people.findByEmail(event.workspaceId, rep.email);
          organisationId = person?.organisation_id ?? null;
        }
        if (!organisationId) {
          const created = await organisations.create(event.workspaceId, {
            owner_cluster_id: event.clusterId,
            name: participant.name,
            normalised_name: normalisedName,
            type: participant.organisation_type ?? 'company',
            country: participant.country,
            city: participant.city,
            website: participant.website,
            website_domain: domain,
            space_segments: participant.space_segments,
            melca: '[]',
            tags: participant.tags,
            notes: `Registered to ${event.title}.`,
          });
          organisationId = created.id;
          await audit.record({
            workspaceId: event.workspaceId,
            actorUserId,
            action: 'create',
            entityType: 'network_organisation',
            entityId: created.id,
            changes: { name: [null, created.name], country: [null, created.country], source: [null, source] },
          });
        }
        await participants.update(participant.id, null, { network_organisation_id: organisationId });
      }

      for (const rep of reps) {
        if (rep.network_person_id) continue;
        const existing = rep.email ? await people.findByEmail(event.workspaceId, rep.email) : undefined;
        let personId = existing?.id;
        if (!personId) {
          const created = await people.create(event.workspaceId, {
            organisation_id: organisationId,
            name: rep.name,
            role_title: rep.role_title,
            email: rep.email,
            phone: null,
            language: null,
            consent_basis: 'consent',
            consent_on: (participant.consent_at ?? today).slice(0, 10),
            consent_source: source,
            notes: '',
            erased_at: null,
          });
          personId = created.id;
          await audit.record({
            workspaceId: event.workspaceId,
            actorUserId,
            action: 'create',
            entityType: 'network_person',
            entityId: created.id,
            changes: {
              name: [null, created.name],
              organisation_id: [null, organisationId],
              consent_basis: [null, 'consent'],
              consent_source: [null, source],
            },
          });
        }
        await participants.setRepresentativeNetworkPerson(rep.id, personId);
      }
    });
}
