"""``python -m timeweave`` runs the command-line interface."""

from timeweave.cli import main

raise SystemExit(main())
