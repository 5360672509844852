/**
 * English UI strings of issue 23 (readiness). Spread into `en` so pages read
 * `messages.readiness.…`.
 */
export const enReadiness = {
  readiness: {
    title: 'Readiness',
  },
};
