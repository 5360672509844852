import { Group, Stack, Text, Title } from '@mantine/core';
import type { PlanDetailDto } from '../../api/types.ts';
import { AnchorLink } from '../../app/links.tsx';
import { PHASE_SECTIONS } from '../../components/phase-style.ts';
import { messages } from '../../messages/en.ts';
import { Section } from './parts.tsx';
import { PHASE_HEX, PHASE_ORDER } from './timeline.ts';

const t = messages.plan;

/** The instruments chosen, phase by phase in D4.2 order, each with why it was chosen. */
export function PlanInstruments({ plan }: { plan: PlanDetailDto }) {
  const phases = PHASE_ORDER.map((phase) => ({
    phase,
    instruments: plan.instruments.filter((i) => i.phase === phase),
  })).filter((group) => group.instruments.length > 0);
  return (
    <Section title={t.instruments} testId="plan-instruments">
      {phases.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t.noInstruments}
        </Text>
      ) : (
        phases.map(({ phase, instruments }) => (
          <Stack key={phase} gap="xs">
            <Title order={3} fz="md">
              {PHASE_SECTIONS[phase]} {messages.phaseShort[phase]}
            </Title>
            <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
              {instruments.map((instrument) => (
                <Group
                  component="li"
                  key={instrument.instrumentKey}
                  gap="sm"
                  wrap="nowrap"
                  align="flex-start"
                  pl="sm"
                  style={{ borderLeft: `4px solid ${PHASE_HEX[phase]}` }}
                  data-testid="plan-instrument"
                >
                  <Stack gap={2}>
                    <AnchorLink
                      to="/catalogue/$key"
                      params={{ key: instrument.instrumentKey }}
                      fz="sm"
                      fw={600}
                    >
                      {instrument.code} {instrument.name}
                    </AnchorLink>
                    <Text
                      fz="sm"
                      c={instrument.rationale ? undefined : 'dimmed'}
                      style={{ whiteSpace: 'pre-wrap' }}
                    >
                      {instrument.rationale || t.noRationale}
                    </Text>
                  </Stack>
                </Group>
              ))}
            </Stack>
          </Stack>
        ))
      )}
    </Section>
  );
}
