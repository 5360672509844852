/**
 * A compact CDCL SAT solver with native (weighted) at-most constraints and assumptions.
 *
 * - Literals: variable v (0-based) gives literals 2v (positive) and 2v+1 (negative); `lit ^ 1` negates.
 * - Clauses: in one flat arena (header: size, flags with the LBD, activity; then the literals), two
 *   watched literals with blockers in flat per-literal lists, binary clauses in implication lists.
 * - Native constraints `sum(w_i * l_i) <= k` (optionally active only when a guard literal is true)
 *   propagated by counters, with lazily built explanations.
 * - 1UIP learning with recursive minimisation, VSIDS, phase saving, LBD-based learnt-clause
 *   database reduction; two search modes after CaDiCaL: focused (restarts on LBD moving averages)
 *   and stable (Luby restarts, target and best phases, rephasing), alternating in 'auto'.
 * - Failed-literal probing, on request and during search.
 * - `solve(assumptions, budget)` answers 'sat' | 'unsat' | 'unknown' (budget or deadline hit); an
 *   'unsat' under assumptions leaves the solver usable (the formula itself may still be satisfiable).
 * Pure: no I/O.
 */

export type SatAnswer = 'sat' | 'unsat' | 'unknown';

/** Clause arena layout: mem[ref] = size, mem[ref + 1] = flags | lbd << 2, activity at ref + 2, literals from ref + 3. */
const HDR = 3;
const F_LEARNT = 1;
const F_DELETED = 2;
const NO_WATCHES = new Int32Array(0);

/** A native (guarded, weighted) at-most constraint; its running count lives in the solver's amCount[id]. */
class AtMost {
  id: number;
  lits: Int32Array;
  weights: Int32Array | null;
  maxW: number;
  k: number;
  guard: number;
  removed = false;
  constructor(id: number, lits: Int32Array, weights: Int32Array | null, k: number, guard: number) {
    this.id = id;
    this.lits = lits;
    this.weights = weights;
    this.k = k;
    this.guard = guard;
    let m = 1;
    if (weights) for (const w of weights) m = Math.max(m, w);
    this.maxW = m;
  }
}

/** A copy of `a` in a new array of length n (n >= a.length). */
function grown32(a: Int32Array, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

/** Appends the pair (x, y) to lists[i], whose used length is lens[i], growing it when full. */
function pushPair(lists: Int32Array[], lens: Int32Array, i: number, x: number, y: number): void {
  let list = lists[i]!;
  const n = lens[i]!;
  if (n + 2 > list.length) lists[i] = list = grown32(list, Math.max(8, 2 * list.length));
  list[n] = x;
  list[n + 1] = y;
  lens[i] = n + 2;
}

const R_NONE = 0;
/** Marks in `seen` during clause minimisation. */
const SEEN_SOURCE = 1;
const SEEN_REMOVABLE = 2;
const SEEN_FAILED = 3;
const R_CLAUSE = 1;
const R_BIN = 2;
/** Forced by a native constraint: the explanation is built when analysis first asks for it. */
const R_ATMOST = 3;
/** A guard forced false by its native constraint (explanation: the constraint's true literals). */
const R_GUARD = 4;

function luby(y: number, x: number): number {
  let size = 1;
  let seq = 0;
  while (size < x + 1) {
    seq++;
    size = 2 * size + 1;
  }
  let xx = x;
  while (size - 1 !== xx) {
    size = (size - 1) >> 1;
    seq--;
    xx = xx % size;
  }
  return y ** seq;
}

export interface SolveBudget {
  maxConflicts?: number;
  deadline?: number; // Date.now() ms
  /** Polled with the deadline (every 256 conflicts): true ends the call with 'unknown'. */
  stop?: () => boolean;
}

export class SatSolver {
  nVars = 0;
  private val: Int8Array = new Int8Array(0); // per literal: 1 true, -1 false, 0 unassigned
  private level: Int32Array = new Int32Array(0);
  private trailPos: Int32Array = new Int32Array(0);
  private reasonType: Int8Array = new Int8Array(0);
  private reasonCl: Int32Array = new Int32Array(0);
  private reasonBin: Int32Array = new Int32Array(0);
  private reasonExpl: (Int32Array | null)[] = [];
  private reasonAm: (AtMost | null)[] = [];
  private polarity: Int8Array = new Int8Array(0); // saved phase: 1 true, 0 false
  /** Initial phase per variable (set by setPolarity), the 'original' phase of rephasing. */
  private initPhase: Int8Array = new Int8Array(0);
  /** Target phases (1 true, -1 false, 0 none): the longest conflict-free trail since the last rephase. */
  private target: Int8Array = new Int8Array(0);
  /** Best phases: the longest conflict-free trail since the last 'best' rephase. */
  private best: Int8Array = new Int8Array(0);
  private targetAssigned = 0;
  private bestAssigned = 0;
  private noConflictUntil = 0;
  private activity: Float64Array = new Float64Array(0);
  private seen: Uint8Array = new Uint8Array(0);
  private heap: Int32Array = new Int32Array(0);
  private heapIdx: Int32Array = new Int32Array(0);
  private heapSize = 0;
  private decisionVar: Uint8Array = new Uint8Array(0);

  /** Per literal: pairs (clause ref, blocker) of the clauses watching it; wn = ints in use. */
  private wl: Int32Array[] = [];
  private wn: Int32Array = new Int32Array(0);
  private mem: Int32Array = new Int32Array(1 << 16);
  private memF: Float32Array = new Float32Array(this.mem.buffer);
  private memTop = 0;
  private wasted = 0;
  private bins: number[][] = [];
  /**
   * Per literal, the native constraints it counts in, as (id, weight) pairs (occN[lit] entries used).
   * Per constraint: amCount = weighted sum of its literals that are true and processed by
   * propagation; amFire = k - maxW, the count above which it may propagate.
   */
  private occ: Int32Array[] = [];
  private occN: Int32Array = new Int32Array(0);
  private amCount: Int32Array = new Int32Array(16);
  private amFire: Int32Array = new Int32Array(16);
  private guardOcc: AtMost[][] = [];
  /** Per literal, 1 when guardOcc[lit] is not empty: most guard nothing, and this byte spares propagation the list load. */
  private guards: Int8Array = new Int8Array(0);

  private trail: Int32Array = new Int32Array(0);
  private trailLen = 0;
  private trailLim: number[] = [];
  private qhead = 0;

  private clauses: number[] = [];
  private learnts: number[] = [];
  private atMosts: AtMost[] = [];
  private varInc = 1;
  private claInc = 1;
  private okFlag = true;

  conflicts = 0;
  decisions = 0;
  propagations = 0;
  private nextReduce = 2000;
  private reduceCount = 0;

  /** The model of the last 'sat' answer (per variable 1/0). */
  model: Uint8Array = new Uint8Array(0);

  newVar(): number {
    const v = this.nVars++;
    if (v >= this.level.length) this.grow(Math.max(1024, this.level.length * 2));
    this.wl.push(NO_WATCHES, NO_WATCHES);
    this.bins.push([], []);
    this.occ.push(NO_WATCHES, NO_WATCHES);
    this.guardOcc.push([], []);
    this.reasonExpl.push(null);
    this.reasonAm.push(null);
    this.decisionVar[v] = 1;
    this.heapInsert(v);
    return v;
  }

  newVars(n: number): number {
    const first = this.nVars;
    for (let i = 0; i < n; i++) this.newVar();
    return first;
  }

  private grow(cap: number): void {
    const g8 = (a: Int8Array, n: number) => {
      const b = new Int8Array(n);
      b.set(a);
      return b;
    };
    const g32 = grown32;
    this.val = g8(this.val, 2 * cap);
    this.level = g32(this.level, cap);
    this.trailPos = g32(this.trailPos, cap);
    this.reasonType = g8(this.reasonType, cap);
    this.reasonBin = g32(this.reasonBin, cap);
    this.reasonCl = g32(this.reasonCl, cap);
    this.wn = g32(this.wn, 2 * cap);
    this.occN = g32(this.occN, 2 * cap);
    this.guards = g8(this.guards, 2 * cap);
    this.polarity = g8(this.polarity, cap);
    this.initPhase = g8(this.initPhase, cap);
    this.target = g8(this.target, cap);
    this.best = g8(this.best, cap);
    const act = new Float64Array(cap);
    act.set(this.activity);
    this.activity = act;
    const seen = new Uint8Array(cap);
    seen.set(this.seen);
    this.seen = seen;
    this.heap = g32(this.heap, cap);
    this.heapIdx = g32(this.heapIdx, cap).fill(-1, this.heapIdx.length);
    const dv = new Uint8Array(cap);
    dv.set(this.decisionVar);
    this.decisionVar = dv;
    this.trail = g32(this.trail, cap);
  }

  get ok(): boolean {
    return this.okFlag;
  }

  /** Value of a literal in the last model. */
  modelValue(lit: number): boolean {
    const v = this.model[lit >> 1] === 1;
    return (lit & 1) === 0 ? v : !v;
  }

  /** Current value at decision level 0 (1 true, -1 false, 0 unknown). */
  rootValue(lit: number): number {
    if (this.trailLim.length !== 0) return 0;
    return this.val[lit]!;
  }

  setPolarity(v: number, positive: boolean): void {
    this.polarity[v] = positive ? 1 : 0;
    this.initPhase[v] = positive ? 1 : 0;
  }

  bumpVar(v: number, amount = 1): void {
    this.varBump(v, amount * this.varInc);
  }

  // ---------------- heap (max-activity) ----------------
  private heapLess(a: number, b: number): boolean {
    return this.activity[a]! > this.activity[b]!;
  }
  private heapUp(i0: number): void {
    const heap = this.heap;
    let i = i0;
    const v = heap[i]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pv = heap[p]!;
      if (!this.heapLess(v, pv)) break;
      heap[i] = pv;
      this.heapIdx[pv] = i;
      i = p;
    }
    heap[i] = v;
    this.heapIdx[v] = i;
  }
  private heapDown(i0: number): void {
    const heap = this.heap;
    let i = i0;
    const v = heap[i]!;
    const n = this.heapSize;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.heapLess(heap[c + 1]!, heap[c]!)) c++;
      if (!this.heapLess(heap[c]!, v)) break;
      heap[i] = heap[c]!;
      this.heapIdx[heap[i]!] = i;
      i = c;
    }
    heap[i] = v;
    this.heapIdx[v] = i;
  }
  private heapInsert(v: number): void {
    if (this.heapIdx[v]! >= 0 && this.heapIdx[v]! < this.heapSize && this.heap[this.heapIdx[v]!] === v)
      return;
    this.heap[this.heapSize] = v;
    this.heapIdx[v] = this.heapSize;
    this.heapSize++;
    this.heapUp(this.heapSize - 1);
  }
  private heapInHeap(v: number): boolean {
    const i = this.heapIdx[v]!;
    return i >= 0 && i < this.heapSize && this.heap[i] === v;
  }
  private heapPop(): number {
    const v = this.heap[0]!;
    this.heapSize--;
    this.heapIdx[v] = -1;
    if (this.heapSize > 0) {
      this.heap[0] = this.heap[this.heapSize]!;
      this.heapIdx[this.heap[0]!] = 0;
      this.heapDown(0);
    }
    return v;
  }
  private varBump(v: number, inc: number): void {
    const a = this.activity[v]! + inc;
    this.activity[v] = a;
    if (a > 1e100) {
      for (let i = 0; i < this.nVars; i++) this.activity[i] = this.activity[i]! * 1e-100;
      this.varInc *= 1e-100;
    }
    if (this.heapInHeap(v)) this.heapUp(this.heapIdx[v]!);
  }

  // ---------------- assignment ----------------
  private ensureLbd(): void {
    if (this.lbdSeen.length <= this.trailLim.length + 1)
      this.lbdSeen = new Int32Array(2 * this.trailLim.length + 16);
  }

  private decisionLevel(): number {
    return this.trailLim.length;
  }

  private assign(lit: number, rtype: number): void {
    const v = lit >> 1;
    this.val[lit] = 1;
    this.val[lit ^ 1] = -1;
    this.level[v] = this.trailLim.length;
    this.trailPos[v] = this.trailLen;
    this.reasonType[v] = rtype;
    this.trail[this.trailLen++] = lit;
  }

  private cancelUntil(lvl: number): void {
    if (this.trailLim.length <= lvl) return;
    const start = this.trailLim[lvl]!;
    if (this.stableMode) this.updateTargetAndBest();
    if (this.noConflictUntil > start) this.noConflictUntil = start;
    for (let i = this.trailLen - 1; i >= start; i--) {
      const lit = this.trail[i]!;
      const v = lit >> 1;
      if (i < this.qhead) {
        const on = this.occN[lit]!;
        if (on !== 0) {
          const os = this.occ[lit]!;
          const count = this.amCount;
          for (let j = 0; j < on; j += 2) {
            const id = os[j]!;
            count[id] = count[id]! - os[j + 1]!;
          }
        }
      }
      this.val[lit] = 0;
      this.val[lit ^ 1] = 0;
      this.polarity[v] = (lit & 1) === 0 ? 1 : 0;
      // only native-constraint reasons cache an explanation (R_ATMOST, R_GUARD): the test on the
      // byte array spares most unassignments a store into the array of explanations
      if (this.reasonType[v]! >= R_ATMOST) this.reasonExpl[v] = null;
      if (!this.heapInHeap(v) && this.decisionVar[v]) this.heapInsert(v);
    }
    this.trailLen = start;
    this.qhead = start;
    this.trailLim.length = lvl;
  }

  /** Saves the phases of the conflict-free trail prefix when it is the longest seen (CaDiCaL-style). */
  private updateTargetAndBest(): void {
    const n = this.noConflictUntil;
    if (n <= this.targetAssigned) return;
    this.copyTrailPhases(this.target, n);
    this.targetAssigned = n;
    if (n <= this.bestAssigned) return;
    this.copyTrailPhases(this.best, n);
    this.bestAssigned = n;
  }

  private copyTrailPhases(into: Int8Array, n: number): void {
    for (let i = 0; i < n; i++) {
      const l = this.trail[i]!;
      into[l >> 1] = (l & 1) === 0 ? 1 : -1;
    }
  }

  // ---------------- constraints ----------------
  /** Adds a clause at level 0. Returns false if the formula became unsatisfiable. */
  addClause(input: ArrayLike<number>): boolean {
    if (!this.okFlag) return false;
    this.cancelUntil(0);
    const lits: number[] = [];
    for (let i = 0; i < input.length; i++) {
      const l = input[i]!;
      const vl = this.val[l]!;
      if (vl === 1 || lits.includes(l ^ 1)) return true;
      if (vl === -1 || lits.includes(l)) continue;
      lits.push(l);
    }
    if (lits.length === 0) {
      this.okFlag = false;
      return false;
    }
    if (lits.length === 1) {
      this.assign(lits[0]!, R_NONE);
      if (this.propagate() !== null) this.okFlag = false;
      return this.okFlag;
    }
    if (lits.length === 2) {
      this.bins[lits[0]!]!.push(lits[1]!);
      this.bins[lits[1]!]!.push(lits[0]!);
      return true;
    }
    this.clauses.push(this.newClause(lits, false, 0));
    return true;
  }

  /** Stores a clause in the arena and watches its first two literals. */
  private newClause(lits: ArrayLike<number>, learnt: boolean, lbd: number): number {
    const n = lits.length;
    if (this.memTop + HDR + n > this.mem.length) {
      const bigger = new Int32Array(Math.max(2 * this.mem.length, this.memTop + HDR + n));
      bigger.set(this.mem.subarray(0, this.memTop));
      this.mem = bigger;
      this.memF = new Float32Array(bigger.buffer);
    }
    const ref = this.memTop;
    this.memTop += HDR + n;
    const mem = this.mem;
    mem[ref] = n;
    mem[ref + 1] = (learnt ? F_LEARNT : 0) | (lbd << 2);
    this.memF[ref + 2] = 0;
    for (let i = 0; i < n; i++) mem[ref + HDR + i] = lits[i]!;
    this.attach(ref);
    return ref;
  }

  private attach(ref: number): void {
    const l0 = this.mem[ref + HDR]!;
    const l1 = this.mem[ref + HDR + 1]!;
    this.watchPush(l0, ref, l1);
    this.watchPush(l1, ref, l0);
  }

  private watchPush(lit: number, ref: number, blocker: number): void {
    pushPair(this.wl, this.wn, lit, ref, blocker);
  }

  /**
   * Compacts the arena once deleted learnt clauses fill half of it, and rebuilds the watch lists.
   * Only at level 0, where no clause is a reason that analysis could still read.
   */
  private collectGarbage(): void {
    if (this.trailLim.length !== 0 || this.wasted < 1 << 20 || 2 * this.wasted < this.memTop) return;
    for (let i = 0; i < this.trailLen; i++) this.reasonType[this.trail[i]! >> 1] = R_NONE;
    const old = this.mem;
    const oldF = this.memF;
    const mem = new Int32Array(Math.max(1 << 16, 2 * (this.memTop - this.wasted)));
    const memF = new Float32Array(mem.buffer);
    let top = 0;
    const move = (refs: number[]): number[] => {
      const out: number[] = [];
      for (const ref of refs) {
        if (old[ref + 1]! & F_DELETED) continue;
        const n = old[ref]!;
        mem.set(old.subarray(ref, ref + HDR + n), top);
        memF[top + 2] = oldF[ref + 2]!;
        out.push(top);
        top += HDR + n;
      }
      return out;
    };
    this.clauses = move(this.clauses);
    this.learnts = move(this.learnts);
    this.mem = mem;
    this.memF = memF;
    this.memTop = top;
    this.wasted = 0;
    this.wn.fill(0);
    for (const ref of this.clauses) this.attach(ref);
    for (const ref of this.learnts) this.attach(ref);
  }

  /**
   * Adds `sum(weights_i * lits_i) <= k`, active only while `guard` is true (guard = -1: always).
   * Duplicate literals are merged (weights summed).
   */
  addAtMost(lits: ArrayLike<number>, k: number, weights?: ArrayLike<number>, guard = -1): boolean {
    if (!this.okFlag) return false;
    this.cancelUntil(0);
    const wmap = new Map<number, number>();
    let fixed = 0;
    for (let i = 0; i < lits.length; i++) {
      const l = lits[i]!;
      const w = weights ? weights[i]! : 1;
      if (w <= 0) continue;
      const vl = this.val[l]!;
      if (vl === -1) continue;
      if (vl === 1) {
        fixed += w;
        continue;
      }
      wmap.set(l, (wmap.get(l) ?? 0) + w);
    }
    // l and ¬l both present: exactly one of them is true.
    for (const [l, w] of [...wmap]) {
      const w2 = wmap.get(l ^ 1);
      if (w2 !== undefined && l % 2 === 0) {
        const m = Math.min(w, w2);
        fixed += m;
        if (w - m > 0) wmap.set(l, w - m);
        else wmap.delete(l);
        if (w2 - m > 0) wmap.set(l ^ 1, w2 - m);
        else wmap.delete(l ^ 1);
      }
    }
    const kk = k - fixed;
    if (guard >= 0 && this.val[guard] === -1) return true;
    if (kk < 0) {
      if (guard >= 0) return this.addClause([guard ^ 1]);
      this.okFlag = false;
      return false;
    }
    const ls = [...wmap.keys()];
    const ws = ls.map((l) => wmap.get(l)!);
    let total = 0;
    for (const w of ws) total += w;
    if (total <= kk) return true;
    const unit = ws.every((w) => w === 1);
    if (guard < 0 && kk === 0) {
      for (const l of ls) if (!this.addClause([l ^ 1])) return false;
      return true;
    }
    if (guard < 0 && unit && kk === 1 && ls.length <= 6) {
      for (let i = 0; i < ls.length; i++)
        for (let j = i + 1; j < ls.length; j++) if (!this.addClause([ls[i]! ^ 1, ls[j]! ^ 1])) return false;
      return true;
    }
    const id = this.atMosts.length;
    const c = new AtMost(id, Int32Array.from(ls), unit ? null : Int32Array.from(ws), kk, guard);
    this.atMosts.push(c);
    if (id === this.amCount.length) {
      this.amCount = grown32(this.amCount, 2 * id);
      this.amFire = grown32(this.amFire, 2 * id);
    }
    this.amFire[id] = kk - c.maxW;
    for (let i = 0; i < ls.length; i++) pushPair(this.occ, this.occN, ls[i]!, id, ws[i]!);
    if (guard >= 0) {
      this.guardOcc[guard]!.push(c);
      this.guards[guard] = 1;
    }
    if (guard >= 0 && this.val[guard] === 1) {
      const confl = this.checkAtMost(c);
      if (confl !== null || this.propagate() !== null) this.okFlag = false;
    }
    return this.okFlag;
  }

  /** Detaches a constraint whose guard is false for good (saves counter work). */
  private removeAtMost(c: AtMost): void {
    if (c.removed) return;
    c.removed = true;
    for (let i = 0; i < c.lits.length; i++) {
      const l = c.lits[i]!;
      const os = this.occ[l]!;
      const n = this.occN[l]!;
      let j = 0;
      while (j < n && os[j] !== c.id) j += 2;
      if (j < n) {
        os.copyWithin(j, j + 2, n);
        this.occN[l] = n - 2;
      }
    }
    if (c.guard >= 0) {
      const g = this.guardOcc[c.guard]!;
      const j = g.indexOf(c);
      if (j >= 0) g.splice(j, 1);
      if (g.length === 0) this.guards[c.guard] = 0;
    }
  }

  private explainAtMost(c: AtMost): Int32Array {
    const out: number[] = [];
    const lits = c.lits;
    for (let i = 0; i < lits.length; i++) {
      const l = lits[i]!;
      if (this.val[l] === 1) out.push(l ^ 1);
    }
    if (c.guard >= 0) out.push(c.guard ^ 1);
    return Int32Array.from(out);
  }

  /** Returns a conflict explanation (array of false literals) or null. */
  private checkAtMost(c: AtMost): Int32Array | null {
    const slack = c.k - this.amCount[c.id]!;
    if (slack >= c.maxW) return null;
    if (c.guard >= 0) {
      const gv = this.val[c.guard]!;
      if (gv === -1) return null;
      if (gv === 0) {
        if (slack < 0) {
          this.assign(c.guard ^ 1, R_GUARD);
          this.reasonAm[c.guard >> 1] = c;
        }
        return null;
      }
    }
    if (slack < 0) return this.explainAtMost(c);
    const lits = c.lits;
    const ws = c.weights;
    for (let i = 0; i < lits.length; i++) {
      const l = lits[i]!;
      if (this.val[l] !== 0) continue;
      if (ws !== null && ws[i]! <= slack) continue;
      this.assign(l ^ 1, R_ATMOST);
      this.reasonAm[l >> 1] = c;
    }
    return null;
  }

  /**
   * The lazy explanation of v, forced by native constraint c: c's literals that were true before v
   * (a superset of those counted when c fired, so their sum still leaves no room for v's literal),
   * and the guard for a propagation (not for a guard forced false). Cached until v is unassigned.
   */
  private explainLazily(v: number, c: AtMost, withGuard: boolean): Int32Array {
    const cached = this.reasonExpl[v];
    if (cached) return cached;
    const out: number[] = [];
    const lits = c.lits;
    const pos = this.trailPos[v]!;
    for (let i = 0; i < lits.length; i++) {
      const l = lits[i]!;
      if (this.val[l] === 1 && this.trailPos[l >> 1]! < pos) out.push(l ^ 1);
    }
    if (withGuard && c.guard >= 0) out.push(c.guard ^ 1);
    const ex = Int32Array.from(out);
    this.reasonExpl[v] = ex;
    return ex;
  }

  // ---------------- propagation ----------------
  /** Returns null or the conflict as an array of false literals. */
  private propagate(): Int32Array | null {
    const val = this.val;
    while (this.qhead < this.trailLen) {
      const p = this.trail[this.qhead++]!;
      this.propagations++;
      const falseLit = p ^ 1;
      // counters first (always complete, to keep counts consistent with qhead)
      const on = this.occN[p]!;
      const os = this.occ[p]!;
      const count = this.amCount;
      for (let j = 0; j < on; j += 2) {
        const id = os[j]!;
        count[id] = count[id]! + os[j + 1]!;
      }
      // binary clauses
      const bl = this.bins[falseLit]!;
      for (let j = 0; j < bl.length; j++) {
        const q = bl[j]!;
        const vq = val[q]!;
        if (vq === 1) continue;
        if (vq === -1) return Int32Array.of(falseLit, q);
        this.assign(q, R_BIN);
        this.reasonBin[q >> 1] = falseLit;
      }
      // long clauses
      const mem = this.mem;
      const w = this.wl[falseLit]!;
      const n = this.wn[falseLit]!;
      let i = 0;
      let j = 0;
      let confl: Int32Array | null = null;
      while (i < n) {
        const ref = w[i]!;
        const blk = w[i + 1]!;
        i += 2;
        if (val[blk] === 1) {
          w[j++] = ref;
          w[j++] = blk;
          continue;
        }
        if (mem[ref + 1]! & F_DELETED) continue;
        const base = ref + HDR;
        let first = mem[base]!;
        if (first === falseLit) {
          first = mem[base + 1]!;
          mem[base] = first;
          mem[base + 1] = falseLit;
        }
        if (first !== blk && val[first] === 1) {
          w[j++] = ref;
          w[j++] = first;
          continue;
        }
        const end = base + mem[ref]!;
        let found = false;
        for (let k = base + 2; k < end; k++) {
          const lk = mem[k]!;
          if (val[lk] !== -1) {
            mem[base + 1] = lk;
            mem[k] = falseLit;
            this.watchPush(lk, ref, first);
            found = true;
            break;
          }
        }
        if (found) continue;
        w[j++] = ref;
        w[j++] = first;
        if (val[first] === -1) {
          confl = mem.subarray(base, end);
          while (i < n) w[j++] = w[i++]!;
          break;
        }
        this.assign(first, R_CLAUSE);
        this.reasonCl[first >> 1] = ref;
      }
      this.wn[falseLit] = j;
      if (confl !== null) return confl;
      // native constraints
      if (on !== 0) {
        const fire = this.amFire;
        for (let k = 0; k < on; k += 2) {
          const id = os[k]!;
          if (count[id]! <= fire[id]!) continue;
          const r = this.checkAtMost(this.atMosts[id]!);
          if (r !== null) return r;
        }
      }
      if (this.guards[p] !== 0) {
        const gs = this.guardOcc[p]!;
        for (let k = 0; k < gs.length; k++) {
          const r = this.checkAtMost(gs[k]!);
          if (r !== null) return r;
        }
      }
    }
    return null;
  }

  // ---------------- conflict analysis ----------------
  /** The reason of the last `reason` call: rArr[rFrom..rTo) (no view is allocated per reason). */
  private rArr: Int32Array = new Int32Array(0);
  private rFrom = 0;
  private rTo = 0;

  /** Points rArr/rFrom/rTo at v's reason literals; false for a decision (no reason). */
  private reason(v: number): boolean {
    switch (this.reasonType[v]) {
      case R_CLAUSE: {
        const ref = this.reasonCl[v]!;
        this.rArr = this.mem;
        this.rFrom = ref + HDR;
        this.rTo = ref + HDR + this.mem[ref]!;
        return true;
      }
      case R_BIN:
        this.binReason[0] = this.reasonBin[v]!;
        this.rArr = this.binReason;
        break;
      case R_ATMOST:
        this.rArr = this.explainLazily(v, this.reasonAm[v]!, true);
        break;
      case R_GUARD:
        this.rArr = this.explainLazily(v, this.reasonAm[v]!, false);
        break;
      default:
        return false;
    }
    this.rFrom = 0;
    this.rTo = this.rArr.length;
    return true;
  }

  /** The one-literal reason of a binary clause (callers read a reason fully before asking for the next). */
  private binReason = new Int32Array(1);
  private analyzeStack = new Int32Array(64);
  private lbdSeen: Int32Array = new Int32Array(1024);
  private lbdStamp = 0;
  private emaFast = 0;
  private emaSlow = 0;
  private toClear = new Int32Array(64);
  private toClearLen = 0;

  private pushToClear(v: number): void {
    if (this.toClearLen === this.toClear.length)
      this.toClear = grown32(this.toClear, 2 * this.toClear.length);
    this.toClear[this.toClearLen++] = v;
  }

  private analyze(confl: Int32Array): { learnt: number[]; btLevel: number; lbd: number } {
    const seen = this.seen;
    const level = this.level;
    const learnt: number[] = [0];
    let pathC = 0;
    let p = -1;
    let idx = this.trailLen - 1;
    let arr = confl;
    let from = 0;
    let to = confl.length;
    const dl = this.decisionLevel();
    for (;;) {
      for (let j = from; j < to; j++) {
        const q = arr[j]!;
        if (q === p) continue; // the implied literal itself (clause reasons contain it)
        const v = q >> 1;
        if (seen[v] || level[v] === 0) continue;
        if (p >= 0 && v === p >> 1) continue;
        seen[v] = 1;
        this.varBump(v, this.varInc);
        if (level[v]! >= dl) pathC++;
        else learnt.push(q);
      }
      // next literal on the trail to expand
      while (!seen[this.trail[idx]! >> 1]) idx--;
      p = this.trail[idx]!;
      idx--;
      seen[p >> 1] = 0;
      pathC--;
      if (pathC <= 0) break;
      const rv = p >> 1;
      if (this.reasonType[rv] === R_CLAUSE) {
        const ref = this.reasonCl[rv]!;
        if (this.mem[ref + 1]! & F_LEARNT) this.claBump(ref);
      }
      // a clause reason contains p itself: skipped above (q === p)
      if (!this.reason(rv)) throw new Error('analyze: missing reason');
      arr = this.rArr;
      from = this.rFrom;
      to = this.rTo;
    }
    learnt[0] = p ^ 1;
    // minimisation (recursive)
    this.toClearLen = 0;
    for (let i = 1; i < learnt.length; i++) {
      seen[learnt[i]! >> 1] = SEEN_SOURCE;
      this.pushToClear(learnt[i]! >> 1);
    }
    let abstract = 0;
    for (let i = 1; i < learnt.length; i++) abstract |= 1 << (level[learnt[i]! >> 1]! & 31);
    let j = 1;
    for (let i = 1; i < learnt.length; i++) {
      const v = learnt[i]! >> 1;
      if (this.reasonType[v] === R_NONE || !this.litRedundant(learnt[i]!, abstract)) learnt[j++] = learnt[i]!;
    }
    while (learnt.length > j) learnt.pop();
    for (let i = 0; i < this.toClearLen; i++) seen[this.toClear[i]!] = 0;
    // backtrack level: max level among learnt[1..]
    let btLevel = 0;
    if (learnt.length > 1) {
      let maxI = 1;
      for (let i = 2; i < learnt.length; i++)
        if (level[learnt[i]! >> 1]! > level[learnt[maxI]! >> 1]!) maxI = i;
      const t = learnt[1]!;
      learnt[1] = learnt[maxI]!;
      learnt[maxI] = t;
      btLevel = level[learnt[1]! >> 1]!;
    }
    // LBD
    this.lbdStamp++;
    let lbd = 0;
    for (const l of learnt) {
      const lv = level[l >> 1]!;
      if (this.lbdSeen[lv] !== this.lbdStamp) {
        this.lbdSeen[lv] = this.lbdStamp;
        lbd++;
      }
    }
    return { learnt, btLevel, lbd };
  }

  /**
   * Whether learnt literal p0 is implied by the clause's other literals (recursive minimisation, as
   * in MiniSat's later versions): a depth-first walk over reasons that marks every variable it
   * finishes as removable (SEEN_REMOVABLE) or, on failure, the path as SEEN_FAILED, so no later call
   * walks the same reasons again. Marks are cleared through toClear at the end of analysis.
   */
  private litRedundant(p0: number, abstract: number): boolean {
    let stack = this.analyzeStack; // (reason index, literal) pairs of the walk
    let sp = 0;
    const seen = this.seen;
    const level = this.level;
    let p = p0;
    let pv = p >> 1;
    this.reason(pv);
    let r = this.rArr;
    let i = this.rFrom;
    let end = this.rTo;
    for (;;) {
      if (i < end) {
        const l = r[i]!;
        const v = l >> 1;
        if (v === pv || level[v] === 0 || seen[v] === SEEN_SOURCE || seen[v] === SEEN_REMOVABLE) {
          i++;
          continue;
        }
        if (
          seen[v] === SEEN_FAILED ||
          this.reasonType[v] === R_NONE ||
          (abstract & (1 << (level[v]! & 31))) === 0
        ) {
          // p and every literal on the walk above it are not implied
          for (;;) {
            if (seen[pv] === 0) {
              seen[pv] = SEEN_FAILED;
              this.pushToClear(pv);
            }
            if (sp === 0) return false;
            sp -= 2;
            pv = stack[sp + 1]! >> 1;
          }
        }
        // descend into l's reason
        if (sp + 2 > stack.length) this.analyzeStack = stack = grown32(stack, 2 * stack.length);
        stack[sp] = i;
        stack[sp + 1] = p;
        sp += 2;
        p = l;
        pv = v;
        this.reason(pv);
        r = this.rArr;
        i = this.rFrom;
        end = this.rTo;
        continue;
      }
      // every literal of p's reason is implied: p is removable
      if (seen[pv] === 0) {
        seen[pv] = SEEN_REMOVABLE;
        this.pushToClear(pv);
      }
      if (sp === 0) return true;
      sp -= 2;
      p = stack[sp + 1]!;
      pv = p >> 1;
      this.reason(pv);
      r = this.rArr;
      i = stack[sp]! + 1;
      end = this.rTo;
    }
  }

  private claBump(ref: number): void {
    const a = this.memF[ref + 2]! + this.claInc;
    this.memF[ref + 2] = a;
    if (a > 1e20) {
      for (const l of this.learnts) this.memF[l + 2] = this.memF[l + 2]! * 1e-20;
      this.claInc *= 1e-20;
    }
  }

  private isLocked(ref: number): boolean {
    const l0 = this.mem[ref + HDR]!;
    const v = l0 >> 1;
    return this.val[l0] === 1 && this.reasonType[v] === R_CLAUSE && this.reasonCl[v] === ref;
  }

  private reduceDb(): void {
    const mem = this.mem;
    const act = this.memF;
    const ls = this.learnts;
    ls.sort((a, b) => {
      const la = mem[a + 1]! >> 2;
      const lb = mem[b + 1]! >> 2;
      return la !== lb ? lb - la : act[a + 2]! - act[b + 2]!;
    });
    const target = ls.length >> 1;
    let removed = 0;
    const keep: number[] = [];
    for (const ref of ls) {
      if (removed < target && mem[ref + 1]! >> 2 > 2 && mem[ref]! > 2 && !this.isLocked(ref)) {
        mem[ref + 1] = mem[ref + 1]! | F_DELETED;
        this.wasted += HDR + mem[ref]!;
        removed++;
      } else keep.push(ref);
    }
    this.learnts = keep;
  }

  // ---------------- search ----------------
  private pickBranch(): number {
    while (this.heapSize > 0) {
      const v = this.heapPop();
      if (this.val[2 * v] === 0 && this.decisionVar[v]) return this.phaseLit(v);
    }
    // second tier: variables excluded from branching, once every branching variable is assigned
    for (let v = 0; v < this.nVars; v++) if (this.val[2 * v] === 0) return this.phaseLit(v);
    return -1;
  }

  private phaseLit(v: number): number {
    if (this.stableMode) {
      const t = this.target[v]!;
      if (t !== 0) return t === 1 ? 2 * v : 2 * v + 1;
    }
    return this.polarity[v] ? 2 * v : 2 * v + 1;
  }

  /** Excludes (or re-admits) a variable from VSIDS branching; it is still decided last if left open. */
  setDecisionVar(v: number, on: boolean): void {
    this.decisionVar[v] = on ? 1 : 0;
    if (on) this.heapInsert(v);
  }

  /**
   * Search mode: 'focused' (fast Glucose-style restarts, good at proofs), 'stable' (long Luby
   * restarts, target phases and rephasing, good at finding solutions) or 'auto' (alternating, with
   * phases of growing length), as in CaDiCaL.
   */
  mode: 'auto' | 'focused' | 'stable' = 'auto';
  private stableMode = false;
  /**
   * Failed-literal probing during search (inprocessing, every `probeInterval` conflicts, at a
   * restart, when at most one literal is assumed) of every variable's negative literal. On the
   * meeting encoding, "not busy / no meeting after ..." literals fail often once learnt clauses
   * accumulate; probing them settles proofs that plain search does not finish.
   */
  probing = false;
  probeInterval = 5000;
  private probeCands: Int32Array = new Int32Array(0);
  private probeCursor = 0;
  private nextProbe = 2000;
  private propsAtProbe = 0;
  private modeSwitches = 0;
  private nextModeSwitch = 1000;
  private stableRestarts = 0;
  private rephases = 0;
  private nextRephase = 1000;

  private setStable(on: boolean): void {
    if (on === this.stableMode) return;
    this.stableMode = on;
    this.stableRestarts = 0;
  }

  /** Resets the saved phases: best, original, inverted or flipped, in turn (CaDiCaL's B O B I B F). */
  private rephase(): void {
    const kind = 'BOBIBF'[this.rephases % 6]!;
    this.rephases++;
    this.nextRephase = this.conflicts + 1000 * (this.rephases + 1);
    const n = this.nVars;
    const pol = this.polarity;
    if (kind === 'B') {
      if (this.bestAssigned > 0)
        for (let v = 0; v < n; v++) if (this.best[v] !== 0) pol[v] = this.best[v] === 1 ? 1 : 0;
      this.bestAssigned = 0;
    } else if (kind === 'O') pol.set(this.initPhase.subarray(0, n));
    else if (kind === 'I') for (let v = 0; v < n; v++) pol[v] = this.initPhase[v] ? 0 : 1;
    else for (let v = 0; v < n; v++) pol[v] = pol[v] ? 0 : 1;
    const target = this.target;
    for (let v = 0; v < n; v++) target[v] = pol[v] ? 1 : -1;
    this.targetAssigned = 0;
  }

  /**
   * Failed-literal probing: each candidate literal is assumed (after `assumptions`) and propagated; a
   * conflict proves its negation, which is kept as a clause (a unit without assumptions) and
   * propagated before the next candidate. Repeats while rounds find something, until `maxProps`
   * propagations. Answers 'unsat' when the assumptions themselves are refuted, else the number of
   * literals fixed.
   */
  probe(
    cands: ArrayLike<number>,
    assumptions: number[] = [],
    budget: SolveBudget = {},
    maxProps = Number.POSITIVE_INFINITY,
  ): number | 'unsat' {
    if (!this.okFlag) return 'unsat';
    this.cancelUntil(0);
    if (this.propagate() !== null) {
      this.okFlag = false;
      return 'unsat';
    }
    const negAssumps = assumptions.map((a) => a ^ 1);
    if (assumptions.length > 0) {
      this.trailLim.push(this.trailLen);
      let ok = true;
      for (const a of assumptions) {
        const va = this.val[a]!;
        if (va === -1) ok = false;
        else if (va === 0) this.assign(a, R_NONE);
      }
      if (!ok || this.propagate() !== null) {
        this.cancelUntil(0);
        return 'unsat';
      }
    }
    const base = this.decisionLevel();
    const propLimit = this.propagations + maxProps;
    const n = cands.length;
    let fixed = 0;
    let sinceFound = 0;
    // a full pass without a new failed literal ends probing
    while (sinceFound < n) {
      const l = cands[this.probeCursor++ % n]!;
      sinceFound++;
      if (this.val[l] !== 0) continue;
      if ((sinceFound & 63) === 0 && (this.propagations > propLimit || this.outOfTime(budget))) break;
      this.trailLim.push(this.trailLen);
      this.assign(l, R_NONE);
      const confl = this.propagate();
      this.cancelUntil(base);
      if (confl === null) continue;
      fixed++;
      sinceFound = 0;
      // keep ¬l (under the assumptions) and propagate it
      if (base === 0) {
        this.assign(l ^ 1, R_NONE);
      } else if (negAssumps.length === 1) {
        const a = negAssumps[0]!;
        this.bins[l ^ 1]!.push(a);
        this.bins[a]!.push(l ^ 1);
        this.assign(l ^ 1, R_BIN);
        this.reasonBin[l >> 1] = a;
      } else {
        const ref = this.newClause([l ^ 1, ...negAssumps], false, 0);
        this.clauses.push(ref);
        this.assign(l ^ 1, R_CLAUSE);
        this.reasonCl[l >> 1] = ref;
      }
      if (this.propagate() !== null) {
        this.cancelUntil(0);
        if (base === 0) this.okFlag = false;
        return 'unsat';
      }
    }
    this.cancelUntil(0);
    return fixed;
  }

  /** Solve under assumptions. */
  solve(assumptions: number[] = [], budget: SolveBudget = {}): SatAnswer {
    if (!this.okFlag) return 'unsat';
    this.cancelUntil(0);
    if (this.propagate() !== null) {
      this.okFlag = false;
      return 'unsat';
    }
    // drop guarded constraints whose guard is false at level 0
    for (const c of this.atMosts)
      if (!c.removed && c.guard >= 0 && this.val[c.guard] === -1) this.removeAtMost(c);
    const startConf = this.conflicts;
    if (this.mode !== 'auto') this.setStable(this.mode === 'stable');
    for (;;) {
      if (this.mode === 'auto' && this.conflicts >= this.nextModeSwitch) {
        this.modeSwitches++;
        this.setStable(!this.stableMode);
        this.nextModeSwitch = this.conflicts + 1000 * 2 ** (this.modeSwitches >> 1);
      }
      if (this.conflicts >= this.nextRephase) this.rephase();
      if (this.probing && assumptions.length <= 1 && this.conflicts >= this.nextProbe) {
        if (this.probeCands.length !== this.nVars) {
          this.probeCands = new Int32Array(this.nVars);
          for (let v = 0; v < this.nVars; v++) this.probeCands[v] = 2 * v + 1;
        }
        // effort: about a third of the propagations made since the last probing
        const effort = Math.max(200_000, (this.propagations - this.propsAtProbe) / 3);
        const r = this.probe(this.probeCands, assumptions, budget, effort);
        this.nextProbe = this.conflicts + this.probeInterval;
        this.propsAtProbe = this.propagations;
        if (r === 'unsat') return 'unsat';
      }
      const limit = this.stableMode ? luby(2, this.stableRestarts++) * 1024 : 0;
      this.collectGarbage();
      const r = this.search(limit, assumptions, budget, startConf);
      if (r !== 'unknown') return r;
      if (budget.maxConflicts !== undefined && this.conflicts - startConf >= budget.maxConflicts) {
        this.cancelUntil(0);
        return 'unknown';
      }
      if (this.outOfTime(budget)) {
        this.cancelUntil(0);
        return 'unknown';
      }
    }
  }

  private outOfTime(budget: SolveBudget): boolean {
    return (budget.deadline !== undefined && Date.now() >= budget.deadline) || budget.stop?.() === true;
  }

  private search(
    nofConflicts: number,
    assumptions: number[],
    budget: SolveBudget,
    startConf: number,
  ): SatAnswer {
    let conflictC = 0;
    for (;;) {
      const confl = this.propagate();
      if (confl !== null) {
        this.conflicts++;
        conflictC++;
        if (this.decisionLevel() === 0) {
          this.okFlag = false;
          return 'unsat';
        }
        this.ensureLbd();
        const { learnt, btLevel, lbd } = this.analyze(confl);
        this.cancelUntil(btLevel);
        if (learnt.length === 1) {
          this.assign(learnt[0]!, R_NONE);
        } else if (learnt.length === 2) {
          this.bins[learnt[0]!]!.push(learnt[1]!);
          this.bins[learnt[1]!]!.push(learnt[0]!);
          this.assign(learnt[0]!, R_BIN);
          this.reasonBin[learnt[0]! >> 1] = learnt[1]!;
        } else {
          const ref = this.newClause(learnt, true, lbd);
          this.learnts.push(ref);
          this.claBump(ref);
          this.assign(learnt[0]!, R_CLAUSE);
          this.reasonCl[learnt[0]! >> 1] = ref;
        }
        // moving averages of the LBD, warmed up as plain means over the first conflicts
        this.emaFast += (lbd - this.emaFast) / Math.min(32, this.conflicts);
        this.emaSlow += (lbd - this.emaSlow) / Math.min(4096, this.conflicts);
        this.varInc /= 0.95;
        this.claInc /= 0.999;
        if ((this.conflicts & 255) === 0) {
          if (this.outOfTime(budget)) {
            this.cancelUntil(0);
            return 'unknown';
          }
        }
        if (budget.maxConflicts !== undefined && this.conflicts - startConf >= budget.maxConflicts) {
          this.cancelUntil(0);
          return 'unknown';
        }
        continue;
      }
      this.noConflictUntil = this.trailLen;
      if (
        this.stableMode ? conflictC >= nofConflicts : conflictC >= 50 && this.emaFast * 0.8 > this.emaSlow
      ) {
        this.cancelUntil(0);
        return 'unknown';
      }
      if (this.conflicts >= this.nextReduce) {
        this.reduceCount++;
        this.nextReduce = this.conflicts + 2000 + 300 * this.reduceCount;
        this.reduceDb();
      }
      let next = -1;
      while (this.decisionLevel() < assumptions.length) {
        const a = assumptions[this.decisionLevel()]!;
        const va = this.val[a]!;
        if (va === 1) {
          this.trailLim.push(this.trailLen);
        } else if (va === -1) {
          this.cancelUntil(0);
          return 'unsat';
        } else {
          next = a;
          break;
        }
      }
      if (next === -1) {
        next = this.pickBranch();
        if (next === -1) {
          this.model = new Uint8Array(this.nVars);
          for (let v = 0; v < this.nVars; v++) this.model[v] = this.val[2 * v] === 1 ? 1 : 0;
          this.cancelUntil(0);
          return 'sat';
        }
      }
      this.decisions++;
      this.trailLim.push(this.trailLen);
      this.assign(next, R_NONE);
    }
  }
}
