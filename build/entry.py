"""The frozen app's one entry point: the window, the command line and the self-test.

``timeweave`` with no arguments, with files (as a desktop launcher passes them) or with the
window's own options (``--report-startup``) opens the window; ``timeweave extract ...``,
``--self-test``, ``--version`` and ``--help`` go to the command line, so one installed program
serves the analyst and the scripts that check it.
"""

from __future__ import annotations

import multiprocessing
import sys

CLI_FIRST_ARGUMENTS = frozenset(
    {"extract", "batch", "cache", "--self-test", "--version", "-h", "--help"}
)
"""First arguments that ``timeweave.cli`` owns; everything else belongs to ``gui.app``."""


def main() -> int:
    # First, before anything else: a frozen child process must not start a second app.
    multiprocessing.freeze_support()
    args = sys.argv[1:]
    if args and args[0] in CLI_FIRST_ARGUMENTS:
        from timeweave.cli import main as cli

        return cli(args)
    from gui.app import main as gui

    return gui()


if __name__ == "__main__":
    raise SystemExit(main())
