import type { MantineColor } from '@mantine/core';
import type { Phase } from '../api/types.ts';

/** D4.2 section of each phase (1.1, 1.2, 1.3). */
export const PHASE_SECTIONS: Record<Phase, string> = {
  preparatory: '1.1',
  leads: '1.2',
  sustain: '1.3',
};

/** Accent colours (theme colours at the primary shade, 8): 4.5:1 text contrast in light and filled variants. */
export const PHASE_COLORS: Record<Phase, MantineColor> = {
  preparatory: 'ocean',
  leads: 'indigo',
  sustain: 'grape',
};
