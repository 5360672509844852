import { useQuery } from '@tanstack/react-query';
import { ErrorState } from '../../app/error-state.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { ActivitiesTable } from '../../components/activities-table.tsx';
import { messages } from '../../messages/en.ts';
import { DashboardSection, EmptyState, LoadingBlock } from './dashboard-parts.tsx';
import { upcomingQuery } from './queries.ts';

const t = messages.dashboard;

/** e. The next activities (not cancelled), each linking to its page. */
export function UpcomingSection({
  workspace,
  today,
  marketId,
}: {
  workspace: string;
  today: string;
  marketId: string | undefined;
}) {
  const upcoming = useQuery(upcomingQuery(workspace, today, marketId));
  return (
    <DashboardSection
      id="upcoming-activities"
      title={t.upcoming}
      testId="dashboard-upcoming"
      action={
        <AnchorLink
          to="/w/$workspace/calendar"
          params={{ workspace }}
          search={marketId ? { marketId } : {}}
          fz="sm"
        >
          {t.calendarLink}
        </AnchorLink>
      }
    >
      {upcoming.isPending ? (
        <LoadingBlock label={t.loading} height={200} />
      ) : upcoming.isError ? (
        <ErrorState
          title={t.upcomingLoadError}
          error={upcoming.error}
          onRetry={() => void upcoming.refetch()}
          retrying={upcoming.isFetching}
        />
      ) : upcoming.data.length === 0 ? (
        <EmptyState testId="dashboard-upcoming-empty">{t.noUpcoming}</EmptyState>
      ) : (
        <ActivitiesTable
          workspace={workspace}
          activities={upcoming.data}
          caption={t.upcomingCaption}
          showPlan
        />
      )}
    </DashboardSection>
  );
}
