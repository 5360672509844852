/**
 * A sequential colour scale for the world map: light for little, dark for much, grey for nothing.
 * Small whole numbers (a few activities) get a colour each; anything else falls in equal steps up
 * to the largest value. Pure, so it is unit-tested.
 */

/** Blues of the theme, light to dark; the darkest still shows borders against the page. */
export const SEQUENTIAL_BLUES = ['#d0ebff', '#74c0fc', '#339af0', '#1c7ed6', '#1864ab'] as const;
/** A country without any value (or 0). */
export const NO_VALUE = '#e9ecef';

export interface LegendStep {
  colour: string;
  /** Lowest value of the step (exclusive for equal steps, except the first), as given. */
  from: number;
  to: number;
}

export interface ColourScale {
  colourOf(value: number | null): string;
  /** The steps in use, light to dark, for a legend. */
  legend: LegendStep[];
}

/**
 * The scale for these values (those ≤ 0 or null are "nothing").
 *
 * @example sequentialScale([1, 2]).colourOf(2) // the darkest blue
 */
export function sequentialScale(
  values: readonly (number | null)[],
  palette: readonly string[] = SEQUENTIAL_BLUES,
): ColourScale {
  const positive = values.filter((v): v is number => v !== null && v > 0);
  const max = positive.length === 0 ? 0 : Math.max(...positive);
  if (max === 0) return { colourOf: () => NO_VALUE, legend: [] };

  const last = palette.length - 1;
  const colourAt = (index: number) => palette[Math.max(0, Math.min(last, index))] ?? NO_VALUE;

  // A few whole numbers: one colour each, spread from the lightest to the darkest.
  if (positive.every(Number.isInteger) && max <= palette.length) {
    const indexOf = (value: number) => (max === 1 ? last : Math.round(((value - 1) / (max - 1)) * last));
    return {
      colourOf: (value) => (value === null || value <= 0 ? NO_VALUE : colourAt(indexOf(Math.round(value)))),
      legend: Array.from({ length: max }, (_, i) => ({
        colour: colourAt(indexOf(i + 1)),
        from: i + 1,
        to: i + 1,
      })),
    };
  }

  const steps = palette.length;
  const stepOf = (value: number) => Math.min(steps - 1, Math.max(0, Math.ceil((value / max) * steps) - 1));
  return {
    colourOf: (value) => (value === null || value <= 0 ? NO_VALUE : colourAt(stepOf(value))),
    legend: palette.map((colour, i) => ({ colour, from: (max * i) / steps, to: (max * (i + 1)) / steps })),
  };
}
