import { Anchor, Badge, Button, Group, Paper, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { PersonDto } from '../../api/types.ts';
import { ErrorState } from '../../app/error-state.tsx';
import { formatDate } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { TableSkeleton } from '../../components/skeletons.tsx';
import { ColumnHeader, type TableSort } from '../../components/sortable-th.tsx';
import { messages } from '../../messages/en.ts';
import { organisationPeopleQuery } from './queries.ts';

const t = messages.people;

/** The people of one organisation (its profile page), all pages loaded on demand. */
export function PeopleTable({
  workspace,
  organisationId,
  caption,
  emptyText,
  onEdit,
}: {
  workspace: string;
  organisationId: string;
  caption: string;
  emptyText: string;
  onEdit: ((person: PersonDto) => void) | undefined;
}) {
  const list = useInfiniteQuery(organisationPeopleQuery(workspace, organisationId));
  const people = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  if (list.isPending) return <TableSkeleton label={t.loading} columns={4} />;
  if (list.isError) {
    return (
      <ErrorState
        title={t.loadError}
        error={list.error}
        onRetry={() => void list.refetch()}
        retrying={list.isFetching}
      />
    );
  }
  if (people.length === 0) {
    return (
      <Text c="dimmed" fz="sm" data-testid="member-people-empty">
        {emptyText}
      </Text>
    );
  }
  return (
    <>
      <PersonTable workspace={workspace} people={people} caption={caption} onEdit={onEdit} />
      {list.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            {messages.registry.loadMore}
          </Button>
        </Group>
      )}
    </>
  );
}

/**
 * People as a table: name, job title, e-mail (a mailto link), phone, consent, and the organisation
 * when `organisations` names them (the people page; a profile page leaves it out); with
 * `sorting`, the name and e-mail headers sort the list.
 */
export function PersonTable({
  workspace,
  people,
  caption,
  organisations,
  onEdit,
  canEdit = () => true,
  sorting,
}: {
  workspace: string;
  people: PersonDto[];
  caption: string;
  organisations?: Map<string, string>;
  onEdit: ((person: PersonDto) => void) | undefined;
  /** Whether `onEdit` applies to this person (a cluster manager: people of its cluster only). */
  canEdit?: (person: PersonDto) => boolean;
  sorting?: TableSort;
}) {
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={organisations ? 900 : 720} type="native">
        <Table verticalSpacing="sm" horizontalSpacing="md" striped="even" highlightOnHover>
          <VisuallyHidden component="caption">{caption}</VisuallyHidden>
          <Table.Thead bg="gray.0">
            <Table.Tr>
              <ColumnHeader label={t.name} sortKey="name" sorting={sorting} />
              {organisations && <Table.Th scope="col">{t.organisation}</Table.Th>}
              <ColumnHeader label={t.email} sortKey="email" sorting={sorting} />
              <Table.Th scope="col">{t.phone}</Table.Th>
              <Table.Th scope="col">{t.consent}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.map((person) => (
              <Table.Tr key={person.id} data-testid="person-row">
                <Table.Td>
                  {onEdit && canEdit(person) ? (
                    <Anchor
                      component="button"
                      type="button"
                      fz="sm"
                      fw={600}
                      ta="left"
                      onClick={() => onEdit(person)}
                      aria-label={t.edit(person.name)}
                    >
                      {person.name}
                    </Anchor>
                  ) : (
                    <Text fz="sm" fw={600}>
                      {person.name}
                    </Text>
                  )}
                  {person.roleTitle && (
                    <Text fz="xs" c="dimmed">
                      {person.roleTitle}
                    </Text>
                  )}
                </Table.Td>
                {organisations && (
                  <Table.Td>
                    {person.organisationId ? (
                      <AnchorLink
                        to="/w/$workspace/members/$id"
                        params={{ workspace, id: person.organisationId }}
                        fz="sm"
                      >
                        {organisations.get(person.organisationId) ?? person.organisationId}
                      </AnchorLink>
                    ) : (
                      <Text fz="sm" c="dimmed">
                        {t.noOrganisation}
                      </Text>
                    )}
                  </Table.Td>
                )}
                <Table.Td>
                  {person.email ? (
                    <Anchor href={`mailto:${person.email}`} fz="sm">
                      {person.email}
                    </Anchor>
                  ) : (
                    messages.common.none
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{person.phone ?? messages.common.none}</Table.Td>
                <Table.Td>
                  {person.consent ? (
                    <Tooltip
                      label={
                        person.consentAt ? t.consentGivenOn(formatDate(person.consentAt)) : t.consentGiven
                      }
                      withinPortal
                    >
                      <Badge
                        variant="light"
                        color="teal"
                        c="var(--mantine-color-text)"
                        tt="none"
                        tabIndex={0}
                      >
                        {t.consentGiven}
                      </Badge>
                    </Tooltip>
                  ) : (
                    <Badge variant="outline" color="gray" tt="none" c="var(--mantine-color-text)">
                      {t.consentMissing}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
