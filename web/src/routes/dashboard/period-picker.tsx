import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { messages } from '../../messages/en.ts';
import {
  isIsoDay,
  isValidPeriod,
  PERIOD_PRESETS,
  type Period,
  type PeriodPreset,
  presetOf,
  presetPeriod,
} from './period.ts';

const t = messages.dashboard;

/**
 * The dashboard's period: quick choices (this year, last year, the last 12 months) or two days of
 * one's own, applied together so a half-typed range never reaches the address.
 */
export function PeriodPicker({
  period,
  today,
  onChange,
}: {
  period: Period;
  today: Date;
  onChange: (period: Period) => void;
}) {
  const preset = presetOf(period, today);
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  // A quick choice or the browser's back button moves the period: the fields follow.
  useEffect(() => {
    setFrom(period.from);
    setTo(period.to);
  }, [period.from, period.to]);

  const valid = isIsoDay(from) && isIsoDay(to) && isValidPeriod({ from, to });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (valid) onChange({ from, to });
  };

  return (
    <Stack gap={6}>
      <Text component="span" fz="sm" fw={500} id="dashboard-period-label">
        {t.period}
      </Text>
      <Group gap="sm" align="flex-start" wrap="wrap">
        <SegmentedControl
          aria-labelledby="dashboard-period-label"
          value={preset ?? 'custom'}
          onChange={(value) => {
            if (value !== 'custom') onChange(presetPeriod(value as PeriodPreset, today));
          }}
          data={[
            ...PERIOD_PRESETS.map((value) => ({ value, label: t.presets[value] })),
            { value: 'custom', label: t.custom, disabled: preset !== null },
          ]}
        />
        <Group component="form" gap="xs" align="flex-start" onSubmit={submit}>
          <TextInput
            type="date"
            id="dashboard-from"
            aria-label={t.from}
            placeholder={t.from}
            value={from}
            onChange={(event) => setFrom(event.currentTarget.value)}
            w={150}
          />
          <TextInput
            type="date"
            id="dashboard-to"
            aria-label={t.to}
            placeholder={t.to}
            value={to}
            min={from || undefined}
            onChange={(event) => setTo(event.currentTarget.value)}
            error={isIsoDay(from) && isIsoDay(to) && !valid ? t.periodInvalid : undefined}
            w={150}
          />
          <Button
            type="submit"
            variant="default"
            disabled={!valid || (from === period.from && to === period.to)}
          >
            {t.apply}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
