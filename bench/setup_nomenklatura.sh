#!/usr/bin/env bash
# Create the bench-only virtualenv `.bench-venv` holding nomenklatura, used by
# bench/screening.py to score the labelled pairs with logic-v1 and logic-v2.
# nomenklatura is heavy (PyICU compiles against the system libicu-dev, scikit-learn,
# duckdb), so it stays out of the package's own environment. Idempotent: an existing
# venv with the pinned version is kept.
set -euo pipefail
cd "$(dirname "$0")/.."

NOMENKLATURA_VERSION="4.17.4"
FOLLOWTHEMONEY_VERSION="4.11.2"
VENV=".bench-venv"

if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" - "$NOMENKLATURA_VERSION" <<'PY' 2>/dev/null
import sys
from importlib.metadata import version
sys.exit(0 if version("nomenklatura") == sys.argv[1] else 1)
PY
then
    echo "$VENV: nomenklatura $NOMENKLATURA_VERSION present"
    exit 0
fi

python3 -m venv "$VENV"
"$VENV/bin/pip" install --quiet --upgrade pip
"$VENV/bin/pip" install --quiet \
    "nomenklatura==$NOMENKLATURA_VERSION" \
    "followthemoney==$FOLLOWTHEMONEY_VERSION"
"$VENV/bin/python" -c "import nomenklatura, followthemoney; print('$VENV: nomenklatura', nomenklatura.__version__ if hasattr(nomenklatura, '__version__') else '$NOMENKLATURA_VERSION')"
