import { Alert, List, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import { countryName } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { alertStyles } from '../../components/alerts.tsx';
import { messages } from '../../messages/en.ts';
import { networkKeys } from './queries.ts';

const t = messages.network.form;

/**
 * What the form warns about before saving (`GET …/network/organisations/duplicates`, 400 ms after
 * typing): an organisation with the same name in the same country (saving will be refused), one
 * with the same website (a warning), a person with the same e-mail (refused).
 */
export function DuplicateWarning({
  workspace,
  name,
  country,
  website,
  email,
  excludeId,
}: {
  workspace: string;
  name?: string;
  country?: string;
  website?: string;
  email?: string;
  excludeId?: string;
}) {
  const [query] = useDebouncedValue(
    {
      ...(name?.trim() ? { name: name.trim().slice(0, 200) } : {}),
      ...(country ? { country } : {}),
      ...(website?.trim() ? { website: website.trim().slice(0, 500) } : {}),
      ...(email?.trim() ? { email: email.trim().slice(0, 254) } : {}),
      ...(excludeId ? { excludeId } : {}),
    },
    400,
  );
  const asks = Boolean((query.name && query.country) || query.website || query.email);
  const found = useQuery({
    queryKey: [...networkKeys.all(workspace), 'duplicates', query] as const,
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/v1/workspaces/{workspace}/network/organisations/duplicates', {
          params: { path: { workspace }, query },
          signal,
        }),
      ),
    enabled: asks,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
  if (!asks || !found.data) return null;
  const byName = found.data.organisations.filter((o) => o.reason === 'name_and_country');
  const byWebsite = found.data.organisations.filter((o) => o.reason === 'website_domain');
  const people = found.data.people;
  if (byName.length + byWebsite.length + people.length === 0) return null;
  const organisationLink = (o: { id: string; name: string; country: string }) => (
    <List.Item key={o.id}>
      <AnchorLink
        to="/w/$workspace/network/organisations/$id"
        params={{ workspace, id: o.id }}
        target="_blank"
      >
        {o.name}
      </AnchorLink>{' '}
      <Text span c="dimmed" fz="sm">
        · {countryName(o.country)}
      </Text>
    </List.Item>
  );
  return (
    <Alert
      color="orange"
      variant="light"
      role="status"
      title={messages.network.form.duplicateTitle}
      data-testid="network-duplicate-warning"
      styles={alertStyles('orange')}
    >
      {byName.length > 0 && (
        <>
          <Text fz="sm">{t.duplicateName}</Text>
          <List size="sm" mb="xs">
            {byName.map(organisationLink)}
          </List>
        </>
      )}
      {byWebsite.length > 0 && (
        <>
          <Text fz="sm">{t.duplicateWebsite}</Text>
          <List size="sm" mb="xs">
            {byWebsite.map(organisationLink)}
          </List>
        </>
      )}
      {people.length > 0 && (
        <>
          <Text fz="sm">{t.duplicateEmail}</Text>
          <List size="sm">
            {people.map((p) => (
              <List.Item key={p.id}>
                <AnchorLink
                  to="/w/$workspace/network/people/$id"
                  params={{ workspace, id: p.id }}
                  target="_blank"
                >
                  {p.name}
                </AnchorLink>
                {p.organisationName && (
                  <Text span c="dimmed" fz="sm">
                    {' '}
                    · {p.organisationName}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Alert>
  );
}
