import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { apiHref } from '../../api/links.ts';
import { useAbilities } from '../../app/abilities.ts';
import { messages } from '../../messages/en.ts';
import { VCardImportDrawer } from './vcard-import-drawer.tsx';

const t = messages.networkData.vcards;

/**
 * "Download vCards" (the people the list shows: pass its filters) and "Import vCards" (a drawer),
 * for the network people list's header.
 */
export function VCardActions({
  workspace,
  query = {},
}: {
  workspace: string;
  /** The list's filters, as `GET /network/people/vcards` takes them. */
  query?: { q?: string; organisationId?: string; country?: string; language?: string };
}) {
  const abilities = useAbilities(workspace);
  const [opened, setOpened] = useState(false);
  return (
    <Group gap="sm">
      <Button
        component="a"
        variant="default"
        href={apiHref('/api/v1/workspaces/{workspace}/network/people/vcards', { path: { workspace }, query })}
        download
        title={t.downloadTitle}
      >
        {t.download}
      </Button>
      {abilities.canSomewhere('network.import') && (
        <>
          <Button variant="default" onClick={() => setOpened(true)}>
            {t.import}
          </Button>
          <VCardImportDrawer workspace={workspace} opened={opened} onClose={() => setOpened(false)} />
        </>
      )}
    </Group>
  );
}
