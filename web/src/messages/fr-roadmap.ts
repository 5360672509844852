/** French strings of issue 23 (roadmap) (first draft; to be reviewed by a native speaker). */
import type { enRoadmap } from './en-roadmap.ts';
import type { Messages } from './types.ts';

export const frRoadmap: Pick<Messages, keyof typeof enRoadmap> = {
  roadmap: {
    title: 'Feuille de route recommandée',
  },
};
