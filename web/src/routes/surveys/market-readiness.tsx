import { Badge, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../api/client.ts';
import { useAbilities } from '../../app/abilities.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { messages } from '../../messages/en.ts';
import { marketReadinessQuery } from './results-queries.ts';

const t = messages.readiness;

/**
 * The readiness of the members interested in a market, in its dossier (issue 23): each member with
 * its stage, and how many are at each stage. A member sees its own organisation only.
 */
export function MarketReadiness({ workspace, marketId }: { workspace: string; marketId: string }) {
  const abilities = useAbilities(workspace);
  const mayRead = abilities.canSomewhere('readiness.read');
  const readiness = useQuery({
    ...marketReadinessQuery(workspace, marketId),
    enabled: mayRead,
    retry: false,
  });
  if (!abilities.loaded || !mayRead) return null;
  if (readiness.isError && isApiError(readiness.error) && readiness.error.status === 403) return null;
  const number = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="section"
      aria-labelledby="market-readiness-title"
      data-testid="market-readiness"
    >
      <Stack gap="md">
        <Title order={2} fz="lg" id="market-readiness-title">
          {t.market.title}
        </Title>
        {readiness.isPending ? (
          <Stack gap="xs" aria-busy="true">
            <Skeleton h={18} />
            <Skeleton h={18} />
          </Stack>
        ) : readiness.isError ? (
          <ErrorState
            title={t.market.loadError}
            error={readiness.error}
            onRetry={() => readiness.refetch()}
            retrying={readiness.isFetching}
          />
        ) : readiness.data.members.length === 0 ? (
          <Text c="dimmed">{readiness.data.ownOnly ? t.market.ownOnly : t.market.empty}</Text>
        ) : (
          <Stack gap="sm">
            {readiness.data.stages && (
              <Group gap="xs" wrap="wrap" aria-label={t.market.countsLabel} role="group">
                {readiness.data.stages.map((s) => (
                  <Badge key={s.stage} variant="light">
                    {t.stages[s.stage]}: {s.count}
                  </Badge>
                ))}
                <Badge variant="outline" color="gray">
                  {t.market.notAnswered}: {readiness.data.notAnswered ?? 0}
                </Badge>
              </Group>
            )}
            {readiness.data.ownOnly && (
              <Text fz="sm" c="dimmed">
                {t.market.ownOnly}
              </Text>
            )}
            <Table.ScrollContainer minWidth={0} type="native">
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t.market.member}</Table.Th>
                    <Table.Th>{t.profile.stage}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {readiness.data.members.map((m) => (
                    <Table.Tr key={m.organisationId}>
                      <Table.Td>
                        {m.name}{' '}
                        <Text span c="dimmed" fz="sm">
                          ({m.clusterShortName})
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {m.stage ? (
                          <>
                            {t.stages[m.stage]}{' '}
                            <Text span c="dimmed" fz="sm">
                              {t.profile.total(number.format(m.total ?? 0))}
                            </Text>
                          </>
                        ) : (
                          <Text span c="dimmed">
                            {t.market.notAnswered}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
