import { Badge, Group, Highlight, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { InstrumentDto } from '../../api/types.ts';
import { FUNDING_SOURCE_LABELS } from '../../api/vocabulary.ts';
import { messages } from '../../messages/en.ts';
import classes from './catalogue.module.css';
import { excerpt } from './catalogue-filter.ts';

const t = messages.catalogue;

/** One instrument in the catalogue: what it is, what it costs, what it measures. Links to its page. */
export function InstrumentCard({
  instrument,
  highlight,
}: {
  instrument: InstrumentDto;
  highlight: string[];
}) {
  const titleId = `instrument-${instrument.key}-title`;
  return (
    <Paper
      component="article"
      withBorder
      p="md"
      radius="md"
      className={classes.card}
      data-testid="instrument-card"
      aria-labelledby={titleId}
    >
      <Stack gap={10}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text ff="monospace" fz="xs" fw={600} c="dimmed">
            {instrument.code}
          </Text>
          {instrument.origin === 'custom' && (
            <Badge size="xs" variant="outline" color="gray">
              {messages.instrument.origin.custom}
            </Badge>
          )}
        </Group>

        <Title order={3} id={titleId}>
          <Link
            to="/catalogue/$key"
            params={{ key: instrument.key }}
            preload="intent"
            className={classes.cardLink}
          >
            <Highlight component="span" highlight={highlight} inherit>
              {instrument.name}
            </Highlight>
          </Link>
        </Title>

        <Highlight highlight={highlight} fz="sm" c="dimmed" lineClamp={4}>
          {excerpt(instrument.description)}
        </Highlight>

        <div className={classes.formula}>
          <Text fz={11} fw={700} tt="uppercase" c="dimmed" style={{ letterSpacing: 0.4 }}>
            {t.budget}
          </Text>
          <Text fz="sm" fw={500}>
            {instrument.budget.formula}
          </Text>
        </div>

        <Group justify="space-between" align="flex-end" gap="xs" wrap="nowrap">
          {instrument.fundingSources.length > 0 ? (
            <Group gap={6} aria-label={t.fundingSources} role="list">
              {instrument.fundingSources.map((source) => (
                <Badge key={source} role="listitem" size="sm" variant="light" color="gray" tt="none" fw={600}>
                  {FUNDING_SOURCE_LABELS[source]}
                </Badge>
              ))}
            </Group>
          ) : (
            <span />
          )}
          <Text fz="xs" fw={600} c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {t.kpiCount(instrument.kpis.length)}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
