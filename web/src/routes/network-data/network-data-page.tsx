import { Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useAbilities } from '../../app/abilities.ts';
import { ForbiddenState } from '../../app/forbidden-state.tsx';
import { ButtonLink } from '../../app/links.tsx';
import { messages } from '../../messages/en.ts';
import { NetworkPersonPicker } from '../network/person-picker.tsx';
import { networkPersonQuery } from '../network/queries.ts';
import { PersonDataPanel } from './person-data-panel.tsx';
import { VCardActions } from './vcard-actions.tsx';

const t = messages.networkData;
const route = getRouteApi('/w/$workspace/network/data');

/**
 * `/w/$workspace/network/data`: the network's imports (CSV/XLSX through the wizard, vCards), the
 * vCard download, and a person's data panel (vCard, GDPR export and erasure).
 */
export function NetworkDataPage() {
  const { workspace } = route.useParams();
  const abilities = useAbilities(workspace);
  const [personId, setPersonId] = useState<string | null>(null);
  const person = useQuery({ ...networkPersonQuery(workspace, personId ?? ''), enabled: personId !== null });
  useDocumentTitle(messages.app.documentTitle(t.title));
  if (abilities.loaded && !abilities.canSomewhere('network.read')) {
    return <ForbiddenState title={t.title} />;
  }
  const mayImport = abilities.canSomewhere('network.import');

  return (
    <Stack gap="lg" maw={1000} mx="auto">
      <Stack gap={6}>
        <Title order={1}>{t.title}</Title>
        <Text c="dimmed" maw={760}>
          {t.intro}
        </Text>
      </Stack>
      <Group gap="sm">
        {mayImport && (
          <ButtonLink
            to="/w/$workspace/network/import"
            params={{ workspace }}
            search={{ kind: 'networkOrganisations' }}
            variant="default"
          >
            {t.importOrganisations}
          </ButtonLink>
        )}
        {mayImport && (
          <ButtonLink
            to="/w/$workspace/network/import"
            params={{ workspace }}
            search={{ kind: 'networkPeople' }}
            variant="default"
          >
            {t.importPeople}
          </ButtonLink>
        )}
        <VCardActions workspace={workspace} />
      </Group>
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={2} fz="lg">
            {t.personTitle}
          </Title>
          <Text fz="sm">{t.personHint}</Text>
          <NetworkPersonPicker
            workspace={workspace}
            value={personId}
            onChange={(id) => setPersonId(id)}
            maw={480}
          />
        </Stack>
      </Paper>
      {personId && person.isPending && <Skeleton height={120} radius="md" />}
      {person.data && (
        <PersonDataPanel
          workspace={workspace}
          person={{ id: person.data.id, name: person.data.name, erased: person.data.erased }}
        />
      )}
    </Stack>
  );
}
