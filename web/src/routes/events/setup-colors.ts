/** The colour of each event status's badge (every event page uses the same). */
export const STATUS_COLORS: Record<string, string> = { draft: 'gray', open: 'teal', closed: 'indigo' };
