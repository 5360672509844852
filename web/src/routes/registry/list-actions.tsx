import { Button, Group, Text } from '@mantine/core';
import { ButtonLink } from '../../app/links.tsx';
import { messages } from '../../messages/en.ts';

const t = messages.exports;

/**
 * Download links of a registry list, with its current filters: plain links to the export
 * (`apiHref`), which the session cookie authenticates, so the browser handles the download itself.
 */
export function ExportLinks({
  what,
  href,
}: {
  what: 'organisations' | 'people';
  href: (format: 'csv' | 'xlsx') => string;
}) {
  return (
    <Group gap={6} role="group" aria-labelledby={`export-${what}`}>
      <Text id={`export-${what}`} fz="sm" c="dimmed">
        {t.label}
      </Text>
      <Button
        component="a"
        href={href('csv')}
        download
        variant="default"
        size="xs"
        title={t.csvTitle}
        data-testid="export-csv"
      >
        {t.csv}
      </Button>
      <Button
        component="a"
        href={href('xlsx')}
        download
        variant="default"
        size="xs"
        title={t.xlsxTitle}
        data-testid="export-xlsx"
      >
        {t.xlsx}
      </Button>
    </Group>
  );
}

/** The link to the import wizard of a registry list (for the roles that may import). */
export function ImportLink({ workspace, what }: { workspace: string; what: 'organisations' | 'people' }) {
  return what === 'organisations' ? (
    <ButtonLink to="/w/$workspace/members/import" params={{ workspace }} variant="default">
      {messages.members.import}
    </ButtonLink>
  ) : (
    <ButtonLink to="/w/$workspace/people/import" params={{ workspace }} variant="default">
      {messages.people.import}
    </ButtonLink>
  );
}
