"""``python -m aes_desktop`` runs the same command line as ``aes-desktop``."""

import sys

from aes_desktop.launcher import main

sys.exit(main())
