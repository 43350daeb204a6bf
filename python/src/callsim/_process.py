"""Running the binary: its one-line errors become ``ScenarioError``, and interrupting Python
interrupts it (it then writes nothing, as on the command line)."""

from __future__ import annotations

import signal
import subprocess
from typing import Sequence

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
