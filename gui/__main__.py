"""``python -m gui`` starts the desktop app."""

from __future__ import annotations

import sys

from gui.app import main

sys.exit(main())
