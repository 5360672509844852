import { Badge, Button, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { MarketDossierDto, MembershipDto } from '../../api/types.ts';
import { marketSegmentLabel } from '../../api/vocabulary.ts';
import { useAbilities } from '../../app/abilities.ts';
import { countryName } from '../../app/format.ts';
import { AnchorLink, ButtonLink } from '../../app/links.tsx';
import { useMembership } from '../../app/session.ts';
import { ActivitiesTable } from '../../components/activities-table.tsx';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { Crumbs, CurrentCrumb } from '../../components/crumbs.tsx';
import { PageSkeleton } from '../../components/skeletons.tsx';
import { MarketStatusBadge, PriorityBadge } from '../../components/status-badges.tsx';
import { messages } from '../../messages/en.ts';
import { workspaceKeys } from '../../queries/keys.ts';
import { MarketNetworkSection } from '../network-health/market-network-section.tsx';
import { MarketRoadmap } from '../roadmap/market-roadmap.tsx';
import { MarketReadiness } from '../surveys/market-readiness.tsx';
import { MarketSurveyFindings } from '../surveys/market-survey-findings.tsx';
import { MarketFindings } from './market-findings.tsx';
import { MarketFormDrawer } from './market-form-drawer.tsx';
import { MarketPlans } from './market-plans.tsx';
import { Fact, Facts, LoadFailure, LongText, Section } from './parts.tsx';
import { marketQuery, planningKeys } from './queries.ts';

const t = messages.market;
const p = messages.planning;
const route = getRouteApi('/w/$workspace/markets/$marketId');

/** `/w/$workspace/markets/$marketId`: a target market's dossier. */
export function MarketPage() {
  const { workspace, marketId } = route.useParams();
  const { membership: contextMembership } = route.useRouteContext();
  const membership = useMembership(workspace) ?? contextMembership;
  const market = useQuery(marketQuery(workspace, marketId));
  useDocumentTitle(messages.app.documentTitle(market.data?.name ?? t.loading));

  const crumbs = (
    <Crumbs>
      <AnchorLink to="/w/$workspace/markets" params={{ workspace }} fz="sm">
        {t.backToMarkets}
      </AnchorLink>
      <CurrentCrumb>{market.data?.name ?? '…'}</CurrentCrumb>
    </Crumbs>
  );

  if (market.isPending) return <PageSkeleton label={t.loading} />;
  if (market.isError) {
    return (
      <LoadFailure
        query={market}
        crumbs={crumbs}
        notFoundTitle={t.notFoundTitle}
        notFoundBody={t.notFoundBody}
        loadError={t.loadError}
        testId="market-not-found"
        back={
          <ButtonLink to="/w/$workspace/markets" params={{ workspace }} variant="light" w="fit-content">
            {t.backToMarkets}
          </ButtonLink>
        }
      />
    );
  }
  return <MarketDossier workspace={workspace} membership={membership} market={market.data} crumbs={crumbs} />;
}

function MarketDossier({
  workspace,
  membership,
  market,
  crumbs,
}: {
  workspace: string;
  membership: MembershipDto;
  market: MarketDossierDto;
  crumbs: ReactNode;
}) {
  const abilities = useAbilities(workspace);
  const mayEdit = abilities.can('market.update', { clusterId: market.ownerClusterId });
  const mayDelete = abilities.can('market.delete', { clusterId: market.ownerClusterId });
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const { items: members, total: membersTotal } = market.interestedMembers;
  const { items: activities, total: activitiesTotal } = market.activities;

  return (
    <Stack gap="lg" maw={1200} mx="auto">
      {crumbs}
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6}>
          <Title order={1}>{market.name}</Title>
          <Group gap={8}>
            <MarketStatusBadge status={market.status} />
            <PriorityBadge priority={market.priority} />
            <Text fz="sm" c="dimmed">
              {`${countryName(market.country)} (${market.country})`}
            </Text>
          </Group>
        </Stack>
        {mayEdit || mayDelete ? (
          <Group gap="sm">
            {mayEdit && <Button onClick={() => setEditing(true)}>{p.edit}</Button>}
            {mayDelete && (
              <Button variant="outline" color="red.9" onClick={() => setDeleting(true)}>
                {p.delete}
              </Button>
            )}
          </Group>
        ) : (
          <Text fz="sm" c="dimmed" maw={320}>
            {p.readOnly}
          </Text>
        )}
      </Group>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Section title={t.facts} testId="market-facts">
          <Facts>
            <Fact
              label={messages.markets.country}
            >{`${countryName(market.country)} (${market.country})`}</Fact>
            <Fact label={t.owner}>{market.ownerClusterName ?? p.coordinators}</Fact>
            <Fact label={t.segments}>
              {market.segments.length ? (
                <Group gap={6} component="span">
                  {market.segments.map((segment) => (
                    <Badge key={segment} variant="light" color="indigo" c="indigo.9" tt="none">
                      {marketSegmentLabel(segment)}
                    </Badge>
                  ))}
                </Group>
              ) : (
                t.noSegments
              )}
            </Fact>
          </Facts>
          <Title order={3} fz="md">
            {t.rationale}
          </Title>
          <LongText text={market.rationale} />
        </Section>
        <Section
          title={`${t.interested} (${t.interestedCount(members.length, membersTotal)})`}
          testId="market-members"
        >
          {members.length === 0 ? (
            <Text fz="sm" c="dimmed">
              {t.noInterested}
            </Text>
          ) : (
            <List spacing={4} fz="sm" listStyleType="none" ml={0} pl={0}>
              {members.map((member) => (
                <List.Item key={member.id}>
                  <AnchorLink to="/w/$workspace/members/$id" params={{ workspace, id: member.id }} fz="sm">
                    {member.name}
                  </AnchorLink>{' '}
                  <Text
                    component="abbr"
                    fz="xs"
                    c="dimmed"
                    ff="monospace"
                    title={countryName(member.country)}
                  >
                    {member.clusterShortName} · {member.country}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Section>
      </SimpleGrid>

      <MarketFindings workspace={workspace} market={market} editable={mayEdit} />
      <MarketSurveyFindings workspace={workspace} marketId={market.id} />
      <MarketReadiness workspace={workspace} marketId={market.id} />
      <MarketRoadmap workspace={workspace} marketId={market.id} />

      <MarketPlans workspace={workspace} market={market} />

      {abilities.canSomewhere('network.read') && (
        <MarketNetworkSection workspace={workspace} marketId={market.id} />
      )}

      <Section
        title={`${t.activities} (${t.activitiesCount(activities.length, activitiesTotal)})`}
        testId="market-activities"
      >
        {activities.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t.noActivities}
          </Text>
        ) : (
          <ActivitiesTable workspace={workspace} activities={activities} caption={t.activities} showPlan />
        )}
      </Section>

      <MarketFormDrawer
        workspace={workspace}
        membership={membership}
        opened={editing}
        initial={market}
        onClose={() => setEditing(false)}
      />
      <DeleteMarketModal
        workspace={workspace}
        market={market}
        opened={deleting}
        onClose={() => setDeleting(false)}
      />
    </Stack>
  );
}

function DeleteMarketModal({
  workspace,
  market,
  opened,
  onClose,
}: {
  workspace: string;
  market: MarketDossierDto;
  opened: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const remove = useMutation({
    mutationFn: () =>
      unwrap(
        api.DELETE('/api/v1/workspaces/{workspace}/markets/{id}', {
          params: { path: { workspace, id: market.id }, query: { version: market.version } },
        }),
      ),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: planningKeys.market(workspace, market.id) });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: planningKeys.all(workspace) }),
        queryClient.invalidateQueries({ queryKey: workspaceKeys.audit(workspace) }),
      ]);
      await navigate({ to: '/w/$workspace/markets', params: { workspace } });
    },
  });
  return (
    <ConfirmModal
      opened={opened}
      title={t.deleteTitle(market.name)}
      confirmLabel={t.deleteConfirm}
      failedTitle={t.deleteFailed}
      errorTestId="market-delete-error"
      action={remove}
      onConfirm={() => remove.mutate()}
      onClose={onClose}
    >
      <Text fz="sm">{t.deleteBody(market.name)}</Text>
    </ConfirmModal>
  );
}
