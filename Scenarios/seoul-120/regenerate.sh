#!/usr/bin/env bash
# Regenerates the Seoul 120 case study: runs every variant into Results/seoul-120/, writes the
# tables into README.md (between its `<!-- BEGIN generated: NAME -->` markers) and the figures
# into figures/. The binary is $CALLSIM (default .build/release/callsim); see regenerate.py
# --help for the options (--only, --tables-only, --check, --no-figures, --replications).
set -euo pipefail
exec python3 "$(dirname "$0")/regenerate.py" "$@"
