"""The frozen app's one entry point: the window, the command line and the self-test.

``timeweave`` with no arguments (or with files, as a desktop launcher passes them) opens the
window; ``timeweave extract ...``, ``timeweave --self-test`` and any other option go to the
command line, so one installed program serves the analyst and the scripts that check it.
"""

from __future__ import annotations

import multiprocessing
import sys

CLI_COMMANDS = frozenset({"extract"})
"""Sub-commands of ``timeweave.cli``; any first argument starting with '-' is the CLI's too."""


def main() -> int:
    # First, before anything else: a frozen child process must not start a second app.
    multiprocessing.freeze_support()
    args = sys.argv[1:]
    if args and (args[0] in CLI_COMMANDS or args[0].startswith("-")):
        from timeweave.cli import main as cli

        return cli(args)
    from gui.app import main as gui

    return gui()


if __name__ == "__main__":
    raise SystemExit(main())
