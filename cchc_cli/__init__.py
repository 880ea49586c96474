"""cchc: keep, track and report a Vietnamese department's CCHC plan.

The public API, for scripts and other tools (imported on first use, so that
`import cchc_cli` stays cheap):

- `load(label, data, model, plan=None)`: the bytes of a plan or progress file → the
  checked model (or, from the cache, its plain twin: the same fields and methods) and
  its problems (`files.workspace.load`); `open_workspace(path)` loads a plan with its
  progress file;
- `compute_status(plan, progress, as_of)`: the status of every task and target;
- `build_report(plan, progress, quarter, signed_on=...)`: the report's view model;
- `compare(old, new)`: what changed between two plans;
- `add_record(plan_path, entry, today=...)`: add one progress record safely.
"""

from typing import Any

__version__ = "0.1.0"

_API = {
    "load": "cchc_cli.files.workspace",
    "open_workspace": "cchc_cli.files.workspace",
    "compute_status": "cchc_cli.plan.status",
    "build_report": "cchc_cli.views.report",
    "compare": "cchc_cli.plan.diff",
    "add_record": "cchc_cli.files.record",
    "Entry": "cchc_cli.files.record",
}
__all__ = sorted(_API)


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module 'cchc_cli' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(_API[name]), name)
