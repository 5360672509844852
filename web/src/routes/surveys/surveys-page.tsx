import { Stack, Tabs, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { getRouteApi } from '@tanstack/react-router';
import { messages } from '../../messages/en.ts';
import { QuestionnairesTab } from './questionnaires-tab.tsx';
import { WavesTab } from './waves-tab.tsx';

const t = messages.surveys;
const route = getRouteApi('/w/$workspace/surveys');

/** The workspace's surveys: its questionnaires and the waves sent with them. */
export function SurveysPage() {
  const { workspace } = route.useParams();
  useDocumentTitle(t.title);
  return (
    <Stack gap="md">
      <Title order={1}>{t.title}</Title>
      <Tabs defaultValue="waves" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="waves">{t.tabs.waves}</Tabs.Tab>
          <Tabs.Tab value="questionnaires">{t.tabs.questionnaires}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="waves" pt="md">
          <WavesTab workspace={workspace} />
        </Tabs.Panel>
        <Tabs.Panel value="questionnaires" pt="md">
          <QuestionnairesTab workspace={workspace} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
