/** Money in a table cell: right-aligned tabular figures; `null` (costs hidden) as a dash. */
export const moneyCell = { ta: 'right', style: { fontVariantNumeric: 'tabular-nums' } } as const;
