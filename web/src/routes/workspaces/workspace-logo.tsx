import { Image } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { messages } from '../../messages/en.ts';
import { settingsQuery } from './queries.ts';

/** The workspace's logo in the app header, when it has one (nothing for a suspended workspace). */
export function WorkspaceLogo({ workspace }: { workspace: string }) {
  const settings = useQuery({ ...settingsQuery(workspace), retry: false });
  if (!settings.data?.logoUrl) return null;
  return (
    <Image
      src={settings.data.logoUrl}
      alt={messages.settings.logoAlt(settings.data.name)}
      h={32}
      w="auto"
      fit="contain"
      data-testid="workspace-logo"
    />
  );
}
