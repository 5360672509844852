import { useAbilities } from '../../app/abilities.ts';
import { ButtonLink } from '../../app/links.tsx';
import { messages } from '../../messages/en.ts';
import { Section } from '../planning/parts.tsx';
import { InteractionTimeline } from './interaction-timeline.tsx';
import type { InteractionFilter } from './queries.ts';

const t = messages.interactions.timeline;

/**
 * The interactions of one activity, network organisation or person, as a section of its page, with
 * the quick entry to log another (the activity filled in on an activity's page). Only for the roles
 * that read the network.
 */
function InteractionsSection({
  workspace,
  filter,
  hide,
  testId,
  log,
}: {
  workspace: string;
  filter: InteractionFilter;
  hide?: { organisation?: boolean; activity?: boolean };
  testId: string;
  log: { label: string; activity?: string };
}) {
  const abilities = useAbilities(workspace);
  if (!abilities.canSomewhere('network.read')) return null;
  return (
    <Section
      title={t.title}
      testId={testId}
      action={
        abilities.canSomewhere('network.create') ? (
          <ButtonLink
            to="/w/$workspace/network/interactions/new"
            params={{ workspace }}
            search={log.activity ? { activity: log.activity } : {}}
            variant="light"
            size="sm"
          >
            {log.label}
          </ButtonLink>
        ) : undefined
      }
    >
      <InteractionTimeline workspace={workspace} filter={filter} hide={hide} />
    </Section>
  );
}

/** The activity page's section: the interactions recorded at it, and "Log an interaction here". */
export function ActivityInteractions({ workspace, activityId }: { workspace: string; activityId: string }) {
  return (
    <InteractionsSection
      workspace={workspace}
      filter={{ activityId }}
      hide={{ activity: true }}
      testId="activity-interactions"
      log={{ label: t.logHere, activity: activityId }}
    />
  );
}

/** The interactions with one network organisation or person, on its page. */
export function NetworkInteractions({
  workspace,
  filter,
}: {
  workspace: string;
  filter: { networkOrganisationId: string } | { networkPersonId: string };
}) {
  return (
    <InteractionsSection
      workspace={workspace}
      filter={filter}
      hide={'networkOrganisationId' in filter ? { organisation: true } : undefined}
      testId="network-interactions"
      log={{ label: messages.interactions.quick.title }}
    />
  );
}
