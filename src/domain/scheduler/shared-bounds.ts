/**
 * Bounds on the break objective shared by the solvers of a portfolio (one per worker thread) over
 * an Int32Array backed by a SharedArrayBuffer: cell 0 is the best proved lower bound, cell 1 the
 * fewest breaks of a schedule found so far (-1: none yet). Both only ever move towards each other.
 * Pure (no I/O): the cells are plain shared memory, updated with atomic compare-and-swap.
 */
export class SharedBounds {
  constructor(readonly cells: Int32Array) {}

  /** Fresh cells to hand to every solver of one portfolio. */
  static createCells(): Int32Array {
    const cells = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
    cells[1] = -1;
    return cells;
  }

  get lowerBound(): number {
    return Atomics.load(this.cells, 0);
  }

  get best(): number | null {
    const v = Atomics.load(this.cells, 1);
    return v < 0 ? null : v;
  }

  /** True once some solver's schedule meets some solver's proof: the optimum is known. */
  get closed(): boolean {
    const best = this.best;
    return best !== null && this.lowerBound >= best;
  }

  raiseLowerBound(k: number): void {
    for (;;) {
      const cur = Atomics.load(this.cells, 0);
      if (cur >= k || Atomics.compareExchange(this.cells, 0, cur, k) === cur) return;
    }
  }

  lowerBest(k: number): void {
    for (;;) {
      const cur = Atomics.load(this.cells, 1);
      if ((cur >= 0 && cur <= k) || Atomics.compareExchange(this.cells, 1, cur, k) === cur) return;
    }
  }
}

/** Blocks the calling thread for `ms` milliseconds (a worker's solver has nothing else to do). */
export function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
