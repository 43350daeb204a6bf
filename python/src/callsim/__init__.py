"""Drive callsim — the contact-center simulator — from Python.

    >>> import callsim
    >>> r = callsim.run("Scenarios/mmc-check.yaml", replications=5, set={"agents": 50})
    >>> r.metrics.loc["answer_rate", ["mean", "ci95"]]

``run``, ``compare``, ``sweep`` and ``erlang`` call the ``callsim`` binary, found through
``CALLSIM``, then ``.build/release/callsim`` of the repository this package was installed
from, then ``PATH`` (``find_binary()`` says which). Errors in the input raise
``ScenarioError`` with the command's one-line message.
"""

from ._binary import Binary, find_binary
from .compare import Comparison, compare
from .erlang import erlang
from .errors import BinaryNotFoundError, ScenarioError
from .run import Run, run
from .sweep import sweep

__all__ = [
    "Binary", "BinaryNotFoundError", "Comparison", "Run", "ScenarioError",
    "compare", "erlang", "find_binary", "run", "sweep",
]
__version__ = "0.1.0"
