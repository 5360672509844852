/**
 * English UI strings of issue 23 (roadmap). Spread into `en` so pages read
 * `messages.roadmap.…`.
 */
export const enRoadmap = {
  roadmap: {
    title: 'Recommended roadmap',
  },
};
