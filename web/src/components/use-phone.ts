import { useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

/**
 * Whether the screen is a phone's: narrower than the `sm` breakpoint, where the navigation folds
 * away. Known at the first render, so a phone never draws the wide layout first.
 */
export function usePhone(): boolean {
  const theme = useMantineTheme();
  return (
    useMediaQuery(`(max-width: ${theme.breakpoints.sm})`, undefined, { getInitialValueInEffect: false }) ??
    false
  );
}
