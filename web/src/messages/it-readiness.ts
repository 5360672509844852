/** Italian strings of issue 23 (readiness) (first draft; to be reviewed by a native speaker). */
import type { enReadiness } from './en-readiness.ts';
import type { Messages } from './types.ts';

export const itReadiness: Pick<Messages, keyof typeof enReadiness> = {
  readiness: {
    title: 'Prontezza internazionale',
  },
};
