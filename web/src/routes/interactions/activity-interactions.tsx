import { useAbilities } from '../../app/abilities.ts';
import { ButtonLink } from '../../app/links.tsx';
import { messages } from '../../messages/en.ts';
import { Section } from '../planning/parts.tsx';
import { InteractionTimeline } from './interaction-timeline.tsx';

const t = messages.interactions.timeline;

/**
 * The activity page's section of the interactions recorded at it, with "Log an interaction here"
 * (the quick entry with the activity filled in). For the roles that read the network.
 */
export function ActivityInteractions({ workspace, activityId }: { workspace: string; activityId: string }) {
  const abilities = useAbilities(workspace);
  if (!abilities.canSomewhere('network.read')) return null;
  return (
    <Section
      title={t.title}
      testId="activity-interactions"
      action={
        abilities.canSomewhere('network.create') ? (
          <ButtonLink
            to="/w/$workspace/network/interactions/new"
            params={{ workspace }}
            search={{ activity: activityId }}
            variant="light"
            size="sm"
          >
            {t.logHere}
          </ButtonLink>
        ) : undefined
      }
    >
      <InteractionTimeline workspace={workspace} filter={{ activityId }} hide={{ activity: true }} />
    </Section>
  );
}

/**
 * The interactions with one network organisation or person, on its page: the same timeline, and
 * the quick entry to log another.
 */
export function NetworkInteractions({
  workspace,
  filter,
}: {
  workspace: string;
  filter: { networkOrganisationId: string } | { networkPersonId: string };
}) {
  const abilities = useAbilities(workspace);
  return (
    <Section
      title={t.title}
      testId="network-interactions"
      action={
        abilities.canSomewhere('network.create') ? (
          <ButtonLink
            to="/w/$workspace/network/interactions/new"
            params={{ workspace }}
            variant="light"
            size="sm"
          >
            {messages.interactions.quick.title}
          </ButtonLink>
        ) : undefined
      }
    >
      <InteractionTimeline
        workspace={workspace}
        filter={filter}
        hide={'networkOrganisationId' in filter ? { organisation: true } : undefined}
      />
    </Section>
  );
}
