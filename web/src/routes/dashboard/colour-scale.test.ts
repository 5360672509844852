import { describe, expect, it } from 'vitest';
import { NO_VALUE, SEQUENTIAL_BLUES, sequentialScale } from './colour-scale.ts';

const [lightest, , middle, , darkest] = SEQUENTIAL_BLUES;

describe('sequentialScale', () => {
  it('greys out nothing: no values, null and 0', () => {
    const scale = sequentialScale([null, 0]);
    expect(scale.colourOf(3)).toBe(NO_VALUE);
    expect(scale.legend).toEqual([]);
    expect(sequentialScale([4]).colourOf(0)).toBe(NO_VALUE);
    expect(sequentialScale([4]).colourOf(null)).toBe(NO_VALUE);
  });

  it('gives a few whole numbers a colour each, lightest to darkest', () => {
    const scale = sequentialScale([1, 2, 3]);
    expect([scale.colourOf(1), scale.colourOf(2), scale.colourOf(3)]).toEqual([lightest, middle, darkest]);
    expect(scale.legend).toEqual([
      { colour: lightest, from: 1, to: 1 },
      { colour: middle, from: 2, to: 2 },
      { colour: darkest, from: 3, to: 3 },
    ]);
  });

  it('colours a single value the darkest', () => {
    expect(sequentialScale([1]).colourOf(1)).toBe(darkest);
  });

  it('splits larger or fractional values in equal steps up to the largest', () => {
    const scale = sequentialScale([1000, 250.5, 10]);
    expect(scale.colourOf(1000)).toBe(darkest);
    expect(scale.colourOf(10)).toBe(lightest);
    expect(scale.colourOf(500)).toBe(middle);
    expect(scale.legend).toHaveLength(5);
    expect(scale.legend[0]).toEqual({ colour: lightest, from: 0, to: 200 });
    expect(scale.legend[4]).toEqual({ colour: darkest, from: 800, to: 1000 });
  });
});
