#!/usr/bin/env python3
"""scikit-learn IsolationForest peer for the isolation-forest benchmark (tooling/bench).

Reads a CSV of feature rows (header row, numbers only), fits IsolationForest with the original
paper's settings (100 trees, 256 points per tree, one job) and scores every row. Prints one JSON
line: fit and score times in ms (median of --runs) and the anomaly scores of the last run,
`2^(-E h(x) / c(psi))` (sklearn's `-score_samples`), higher = more anomalous.

    python3 isolation_forest.py features.csv --runs 3 --seed 1
"""
import argparse
import json
import time

import numpy as np
import sklearn
from sklearn.ensemble import IsolationForest


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("csv")
    parser.add_argument("--trees", type=int, default=100)
    parser.add_argument("--subsample", type=int, default=256)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    x = np.atleast_2d(np.genfromtxt(args.csv, delimiter=",", skip_header=1))
    fits = []
    scores_ms = []
    scores = None
    for _ in range(args.runs):
        started = time.perf_counter()
        forest = IsolationForest(
            n_estimators=args.trees, max_samples=min(args.subsample, x.shape[0]), random_state=args.seed, n_jobs=1
        ).fit(x)
        fitted = time.perf_counter()
        scores = -forest.score_samples(x)
        done = time.perf_counter()
        fits.append((fitted - started) * 1000)
        scores_ms.append((done - fitted) * 1000)
    print(
        json.dumps(
            {
                "peer": "sklearn-isolation-forest",
                "version": sklearn.__version__,
                "rows": int(x.shape[0]),
                "features": int(x.shape[1]),
                "fitMs": sorted(fits)[len(fits) // 2],
                "scoreMs": sorted(scores_ms)[len(scores_ms) // 2],
                "scores": [round(float(v), 6) for v in scores],
            }
        )
    )


if __name__ == "__main__":
    main()
