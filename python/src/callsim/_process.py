"""Running the binary: its one-line errors become ``ScenarioError``, and interrupting Python
interrupts it (it then writes nothing, as on the command line)."""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Any, Sequence

from ._binary import Binary, find_binary
from .errors import ScenarioError

# Seconds the binary has to stop after an interrupt before it is killed.
_STOP_GRACE = 10.0
# Seconds between checks for an interrupt while the binary runs.
_POLL = 0.2


def _message(stderr: str, returncode: int) -> str:
    """The command's error line: its first line starting ``error:`` (ArgumentParser writes
    ``Error:``), else its last line, else the exit status."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    for line in lines:
        if line.lower().startswith("error:"):
            return line
    if lines:
        return lines[-1]
    if returncode < 0:
        return f"error: callsim stopped by signal {-returncode}"
    return f"error: callsim exited with status {returncode}"


def call(arguments: Sequence[str], binary: Binary | None = None) -> str:
    """Runs ``callsim ARGUMENTS`` and returns its standard output; raises ``ScenarioError``
    when it exits non-zero. On ``KeyboardInterrupt`` the binary gets SIGINT (then SIGKILL
    after a grace period) before the interrupt goes on."""
    binary = binary or find_binary()
    command = [str(binary.path), *arguments]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        while True:
            # Waiting in short steps lets an interrupt raised without a signal (a notebook's
            # stop button, `_thread.interrupt_main`) reach us within a fraction of a second.
            try:
                stdout, stderr = process.communicate(timeout=_POLL)
                break
            except subprocess.TimeoutExpired:
                continue
    except BaseException:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.communicate(timeout=_STOP_GRACE)
            except subprocess.TimeoutExpired:
                process.kill()
                process.communicate()
        raise
    if process.returncode != 0:
        raise ScenarioError(
            _message(stderr, process.returncode), returncode=process.returncode, stderr=stderr, command=command
        )
    return stdout


def value_options(values: Sequence[tuple[str, Any]]) -> list[str]:
    """``--NAME VALUE`` for each (``--NAME``, value) whose value is not ``None``, in order."""
    return [text for option, value in values if value is not None for text in (option, str(value))]


def call_into_folder(command: str, paths: Sequence[str], *, written: bool, out: str | os.PathLike[str] | None,
                     work: tempfile.TemporaryDirectory, binary: Binary, options: Sequence[str],
                     values: Sequence[tuple[str, Any]]) -> tuple[Path, tempfile.TemporaryDirectory | None]:
    """Runs ``callsim COMMAND PATHS --out FOLDER --quiet OPTIONS`` with ``--NAME VALUE`` for
    each of `values` that is not ``None`` (and ``--allow-outside`` when a scenario was
    `written` from a dict into `work`). FOLDER is `out`, or a folder in `work`. Returns
    FOLDER and the scratch folder its result must keep alive: `work` when FOLDER is in it,
    else ``None`` (`work` is then removed, as it is when the command fails)."""
    folder = Path(out) if out is not None else Path(work.name) / "results"
    arguments = [command, *paths, "--out", str(folder), "--quiet", *options, *value_options(values)]
    if written:
        arguments.append("--allow-outside")
    try:
        call(arguments, binary)
    except BaseException:
        work.cleanup()
        raise
    if out is not None:
        work.cleanup()
        return folder, None
    return folder, work


class ResultsFolder:
    """A folder the command wrote: its path, the binary that wrote it, and the scratch folder
    it lives in when it is temporary (removed with this object)."""

    def __init__(self, folder: str | os.PathLike[str], *, binary: Binary | None = None,
                 _scratch: tempfile.TemporaryDirectory | None = None):
        #: The results folder.
        self.folder = Path(folder)
        #: The binary that wrote it (``None`` for a folder opened by its path).
        self.binary = binary
        self._scratch = _scratch
