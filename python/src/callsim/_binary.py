"""Finding the callsim binary: ``CALLSIM``, then the build of the repository the package came
from, then ``PATH``."""

from __future__ import annotations

import logging
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from . import _repository
from .errors import BinaryNotFoundError

log = logging.getLogger("callsim")


@dataclass(frozen=True)
class Binary:
    """The binary the package runs, and how it was found: ``"CALLSIM"``, ``"repository"``
    (``REPOSITORY/.build/release/callsim``) or ``"PATH"``."""

    path: Path
    found_by: str

    def __str__(self) -> str:
        return f"{self.path} (from {self.found_by})"


def _executable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def find_binary() -> Binary:
    """The callsim binary to run: ``$CALLSIM`` if set (it must then be an executable file),
    else ``.build/release/callsim`` of the repository this package was built from, else
    ``callsim`` on ``PATH``. Logged at INFO level on the ``callsim`` logger."""
    env = os.environ.get("CALLSIM")
    if env:
        path = Path(env).expanduser()
        if not _executable(path):
            raise BinaryNotFoundError(f"CALLSIM={env}: expected an executable callsim binary, found no such file")
        binary = Binary(path.resolve(), "CALLSIM")
    else:
        built = Path(_repository.REPOSITORY) / ".build" / "release" / "callsim"
        on_path = shutil.which("callsim")
        if _executable(built):
            binary = Binary(built, "repository")
        elif on_path:
            binary = Binary(Path(on_path).resolve(), "PATH")
        else:
            raise BinaryNotFoundError(
                "no callsim binary: CALLSIM is not set, "
                f"{built} does not exist (build it with `make build` or `swift build -c release` in {_repository.REPOSITORY}), "
                "and there is no callsim on PATH"
            )
    log.info("callsim: using %s", binary)
    return binary
