"""The exceptions the package raises."""

from __future__ import annotations

from typing import Sequence


class ScenarioError(Exception):
    """The callsim command refused its input or failed: an invalid scenario, sweep or option,
    or an output folder it may not write.

    ``str(error)`` is the command's one-line message (``error: FILE:LINE: KEY.PATH: expected
    …, found …``); ``stderr`` holds everything it printed, ``returncode`` its exit status and
    ``command`` the arguments it ran with.
    """

    def __init__(self, message: str, *, returncode: int, stderr: str, command: Sequence[str]):
        super().__init__(message)
        self.message = message
        self.returncode = returncode
        self.stderr = stderr
        self.command = list(command)


class BinaryNotFoundError(FileNotFoundError):
    """No callsim binary was found (``CALLSIM``, the repository's build, ``PATH``)."""
