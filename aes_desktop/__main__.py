"""``python -m aes_desktop`` runs the same command line as ``aes-desktop``."""

import sys

from aes_desktop.cli import main

sys.exit(main())
