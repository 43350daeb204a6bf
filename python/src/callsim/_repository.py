"""The repository the package was built from. An installed copy has this file rewritten by
setup.py at build time; in the source tree, the repository holding this file."""

from pathlib import Path

REPOSITORY = str(Path(__file__).resolve().parents[3])
