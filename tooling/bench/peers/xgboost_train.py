#!/usr/bin/env python3
"""Native XGBoost peer for the GBDT training benchmark.

Reads a CSV (header row; feature columns, then the label column, `label` by default; empty
cells are missing), trains `binary:logistic` with `hist` the same way @cdf/gbdt does, and prints
JSON timings: every run and the median, in milliseconds, with the XGBoost version. With
`--holdout CSV` (same columns) it also prints the last model's predictions on those rows
(`holdoutPredictions`), so the bench can score both sides with one metric.

    python3 xgboost_train.py /tmp/gbdt-matrix.csv --iterations 200 --depth 6 --threads 2
"""
import argparse
import json
import time

import numpy as np
import xgboost as xgb


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("csv")
    parser.add_argument("--label", default="label")
    parser.add_argument("--iterations", type=int, default=200)
    parser.add_argument("--depth", type=int, default=6)
    parser.add_argument("--eta", type=float, default=0.1)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--objective", default="binary:logistic")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--holdout", default=None)
    args = parser.parse_args()

    with open(args.csv) as f:
        header = f.readline().strip().split(",")
    data = np.genfromtxt(args.csv, delimiter=",", skip_header=1, filling_values=np.nan)
    label_index = header.index(args.label)
    y = data[:, label_index]
    x = np.delete(data, label_index, axis=1)

    params = {
        "objective": args.objective,
        "tree_method": "hist",
        "max_depth": args.depth,
        "eta": args.eta,
        "subsample": 1,
        "colsample_bytree": 1,
        "nthread": args.threads,
        "seed": 1,
        "verbosity": 0,
    }
    runs = []
    booster = None
    for _ in range(args.runs):
        started = time.perf_counter()
        dtrain = xgb.DMatrix(x, label=y, missing=np.nan)
        booster = xgb.train(params, dtrain, num_boost_round=args.iterations)
        runs.append(round((time.perf_counter() - started) * 1000))
    extra = {}
    if args.holdout is not None and booster is not None:
        holdout = np.genfromtxt(args.holdout, delimiter=",", skip_header=1, filling_values=np.nan)
        holdout = np.atleast_2d(holdout)
        hx = np.delete(holdout, label_index, axis=1)
        extra["holdoutPredictions"] = [float(v) for v in booster.predict(xgb.DMatrix(hx, missing=np.nan))]
    print(
        json.dumps(
            {
                **extra,
                "peer": "xgboost-native",
                "version": xgb.__version__,
                "rows": int(x.shape[0]),
                "features": int(x.shape[1]),
                "threads": args.threads,
                "iterations": args.iterations,
                "depth": args.depth,
                "runsMs": runs,
                "medianMs": sorted(runs)[len(runs) // 2],
            }
        )
    )


if __name__ == "__main__":
    main()
