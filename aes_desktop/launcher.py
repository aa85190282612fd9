"""The ``aes-desktop`` program: the command line, started with the garbage collector paused.

Start-up creates hundreds of thousands of objects that all live on (modules, classes, Qt
wrappers); letting the collector walk them again and again costs about 60 ms of a one-second
start. It resumes as soon as the command is known, or, for the window, once the window has been
painted (then ``gc.freeze()`` sets the start-up objects aside for good).
"""

import gc

gc.disable()

from aes_desktop.cli import main  # noqa: E402  (imported with the collector paused)

__all__ = ["main"]
