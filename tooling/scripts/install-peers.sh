#!/usr/bin/env bash
# Install the peers that `pnpm bench` compares cdf against, from Debian's packages:
# R Prophet (r-cran-prophet), native XGBoost (python3-xgboost) and scikit-learn (python3-sklearn).
# Optional: the bench says which peers are missing and skips them. Needs root (or sudo).
# The Python peers run under Debian's /usr/bin/python3, where these packages install.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends r-cran-prophet python3-xgboost python3-sklearn

Rscript -e 'suppressPackageStartupMessages(library(prophet)); cat("prophet", as.character(packageVersion("prophet")), "\n")'
/usr/bin/python3 -c 'import xgboost, sklearn; print("xgboost", xgboost.__version__, "sklearn", sklearn.__version__)'
