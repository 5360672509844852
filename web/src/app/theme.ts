import { type CSSVariablesResolver, createTheme } from '@mantine/core';

/**
 * Indigo at shade 8 as the primary colour: filled and light variants then keep text contrast
 * above WCAG AA (4.5:1), which shade 6, Mantine's default, does not.
 */
export const theme = createTheme({
  colors: {
    // A deep teal-blue for the preparatory phase: Mantine's cyan reaches 4.5:1 only at shade 9.
    ocean: [
      '#e3fafc',
      '#c5f6fa',
      '#99e9f2',
      '#66d9e8',
      '#3bc9db',
      '#22b8cf',
      '#15aabf',
      '#1098ad',
      '#0b7285',
      '#095c6b',
    ],
  },
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 4 },
  focusRing: 'auto',
  defaultRadius: 'md',
  cursorType: 'pointer',
  fontFamily:
    'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: {
    fontWeight: '650',
    sizes: {
      h1: { fontSize: '1.875rem', lineHeight: '1.25' },
      h2: { fontSize: '1.25rem', lineHeight: '1.35' },
      h3: { fontSize: '1.0625rem', lineHeight: '1.4' },
    },
  },
  components: {
    Badge: { defaultProps: { radius: 'sm' } },
  },
});

/** Mantine's "dimmed" grey (gray.6) reaches only 3.3:1 on white; gray.7 keeps secondary text readable. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Field errors: red.6 reaches only 3.3:1 on white; red.9 passes AA.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
