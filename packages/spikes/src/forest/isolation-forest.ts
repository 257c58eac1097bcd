import { CdfError, CdfErrorCode } from '@cdf/core';
import { seededRandom } from './seeded-random.ts';

/** Options of {@link IsolationForest.fit}. */
export interface IsolationForestOptions {
  /** Trees. Default 100 (Liu et al. 2008). */
  trees?: number;
  /** Points drawn (without replacement) for each tree. Default 256. */
  subsample?: number;
  /** Seed of every random choice. Default 42. */
  seed?: number;
}

const EULER_GAMMA = 0.5772156649015329;

/**
 * Average path length of an unsuccessful binary-search-tree search among `n` points, the
 * normaliser of isolation depths: `c(n) = 2 H(n - 1) - 2 (n - 1) / n`, `H(i) ~ ln i + gamma`;
 * `c(2) = 1`, `c(n <= 1) = 0`.
 */
export function averagePathLength(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * (Math.log(n - 1) + EULER_GAMMA) - (2 * (n - 1)) / n;
}

/**
 * An isolation forest (Liu, Ting and Zhou 2008), seeded. Trees are stored flat in typed arrays:
 * per node the split feature (-1 for a leaf), the split value, and for leaves the size, whose
 * `c(size)` completes the path of points the depth limit stopped early.
 */
export class IsolationForest {
  private constructor(
    private readonly dims: number,
    private readonly roots: Int32Array,
    private readonly feature: Int16Array,
    private readonly threshold: Float64Array,
    private readonly left: Int32Array,
    private readonly right: Int32Array,
    private readonly leafSize: Int32Array,
    private readonly normaliser: number,
  ) {}

  /**
   * Grow a forest on `rows` (each a feature vector of the same length). Each tree sees
   * `min(subsample, rows)` points drawn without replacement and grows to depth `ceil(log2 psi)`.
   */
  static fit(rows: readonly Float64Array[], options: IsolationForestOptions = {}): IsolationForest {
    const trees = options.trees ?? 100;
    const random = seededRandom(options.seed ?? 42);
    if (rows.length < 2) {
      throw new CdfError(CdfErrorCode.InsufficientHistory, 'an isolation forest needs at least 2 points', {
        value: String(rows.length),
        expected: '2 or more feature rows',
      });
    }
    const dims = rows[0]!.length;
    const psi = Math.min(options.subsample ?? 256, rows.length);
    const maxDepth = Math.ceil(Math.log2(psi));
    const capacity = trees * (2 * psi);
    const feature = new Int16Array(capacity);
    const threshold = new Float64Array(capacity);
    const left = new Int32Array(capacity);
    const right = new Int32Array(capacity);
    const leafSize = new Int32Array(capacity);
    const roots = new Int32Array(trees);
    let next = 0;
    const order = new Int32Array(rows.length);
    const sample = new Int32Array(psi);

    const grow = (lo: number, hi: number, depth: number): number => {
      const node = next++;
      const size = hi - lo;
      if (depth >= maxDepth || size <= 1) {
        feature[node] = -1;
        leafSize[node] = size;
        return node;
      }
      // Pick a feature with spread among this node's points; a node of identical points is a leaf.
      let f = -1;
      let min = 0;
      let max = 0;
      const start = Math.floor(random() * dims);
      for (let tries = 0; tries < dims; tries++) {
        const cand = (start + tries) % dims;
        min = Number.POSITIVE_INFINITY;
        max = Number.NEGATIVE_INFINITY;
        for (let i = lo; i < hi; i++) {
          const v = rows[sample[i]!]![cand]!;
          if (v < min) min = v;
          if (v > max) max = v;
        }
        if (max > min) {
          f = cand;
          break;
        }
      }
      if (f < 0) {
        feature[node] = -1;
        leafSize[node] = size;
        return node;
      }
      const split = min + random() * (max - min);
      let i = lo;
      let j = hi - 1;
      while (i <= j) {
        if (rows[sample[i]!]![f]! < split) i++;
        else {
          const t = sample[i]!;
          sample[i] = sample[j]!;
          sample[j] = t;
          j--;
        }
      }
      feature[node] = f;
      threshold[node] = split;
      left[node] = grow(lo, i, depth + 1);
      right[node] = grow(i, hi, depth + 1);
      return node;
    };

    for (let t = 0; t < trees; t++) {
      for (let i = 0; i < rows.length; i++) order[i] = i;
      // Partial Fisher-Yates: the first psi entries are a uniform sample without replacement.
      for (let i = 0; i < psi; i++) {
        const k = i + Math.floor(random() * (rows.length - i));
        const tmp = order[i]!;
        order[i] = order[k]!;
        order[k] = tmp;
        sample[i] = order[i]!;
      }
      roots[t] = grow(0, psi, 0);
    }
    return new IsolationForest(
      dims,
      roots,
      feature.slice(0, next),
      threshold.slice(0, next),
      left.slice(0, next),
      right.slice(0, next),
      leafSize.slice(0, next),
      averagePathLength(psi),
    );
  }

  /** Number of features the forest was grown on. */
  get dimensions(): number {
    return this.dims;
  }

  /** Mean path length of `x` over the trees (leaf depth + c(leaf size)). */
  pathLength(x: ArrayLike<number>): number {
    let total = 0;
    for (let t = 0; t < this.roots.length; t++) {
      let node = this.roots[t]!;
      let depth = 0;
      while (this.feature[node]! >= 0) {
        node = x[this.feature[node]!]! < this.threshold[node]! ? this.left[node]! : this.right[node]!;
        depth++;
      }
      total += depth + averagePathLength(this.leafSize[node]!);
    }
    return total / this.roots.length;
  }

  /** Anomaly score `2^(-E[h(x)] / c(psi))`: near 1 isolated fast (anomalous), near 0.5 or below ordinary. */
  score(x: ArrayLike<number>): number {
    return 2 ** (-this.pathLength(x) / this.normaliser);
  }
}
