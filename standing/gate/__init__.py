"""The gate: in-memory enforcement checks that follow the decision changelog.

``Gate.from_database(url)`` or ``Gate.from_snapshot(path)`` builds one; ``gate.allowed(account,
capability, territory=None)`` is the fast path, ``gate.check`` explains, ``gate.allowed_many``
and ``gate.handles`` serve batches, ``gate.close()`` stops following.
"""

from standing.gate.core import Gate
from standing.gate.model import GateOptions, Verdict

__all__ = ["Gate", "GateOptions", "Verdict"]
