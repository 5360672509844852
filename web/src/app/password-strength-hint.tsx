import { Group, Progress, Text } from '@mantine/core';
import { messages } from '../messages/en.ts';
import { MIN_PASSWORD_LENGTH, passwordStrength } from './password-strength.ts';

const t = messages.passwordStrength;
const LEVELS = {
  tooShort: { value: 15, color: 'red.9' },
  weak: { value: 40, color: 'orange.9' },
  fair: { value: 70, color: 'yellow.8' },
  strong: { value: 100, color: 'teal.9' },
} as const;

/** Under a new-password input: a bar and one sentence, read out politely as the user types. */
export function PasswordStrengthHint({ password, id }: { password: string; id: string }) {
  const strength = passwordStrength(password);
  const level = LEVELS[strength.level];
  const text =
    strength.level === 'tooShort' ? t.tooShort(MIN_PASSWORD_LENGTH, strength.length) : t[strength.level];
  return (
    <Group gap="sm" wrap="nowrap" data-testid="password-strength">
      <Progress value={password ? level.value : 0} color={level.color} size="sm" w={80} aria-hidden="true" />
      <Text id={id} fz="xs" c="dimmed" aria-live="polite">
        {password ? text : t.tooShort(MIN_PASSWORD_LENGTH, 0)}
      </Text>
    </Group>
  );
}
