import type { InteractionKind } from '../../domain/network/types.ts';
import type { NamedInteractionRow } from './repository.ts';
import type { InteractionDto } from './schema.ts';

/** An interaction as the API answers it: with every name a timeline shows (one request). */
export function presentInteraction(row: NamedInteractionRow): InteractionDto {
  return {
    id: row.id,
    kind: row.kind as InteractionKind,
    occurredOn: row.occurred_on,
    activityId: row.activity_id,
    activityTitle: row.activity_title,
    clusterId: row.cluster_id,
    clusterShortName: row.cluster_short_name,
    staffUserId: row.staff_user_id,
    staffName: row.staff_name,
    memberOrganisationId: row.member_organisation_id,
    memberOrganisationName: row.member_organisation_name,
    memberPersonId: row.member_person_id,
    memberPersonName: row.member_person_name,
    networkOrganisationId: row.network_organisation_id,
    networkOrganisationName: row.network_organisation_name,
    networkOrganisationCountry: row.network_organisation_country,
    networkPersonId: row.network_person_id,
    networkPersonName: row.network_person_name,
    notes: row.notes,
    nextStep: row.next_step,
    nextStepDueOn: row.next_step_due_on,
    nextStepOwnerUserId: row.next_step_owner_user_id,
    nextStepOwnerName: row.owner_name,
    nextStepDoneAt: row.next_step_done_at,
    createdBy: row.created_by,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
