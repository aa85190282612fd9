"""The ``aes-desktop`` program: the command line, started with the garbage collector paused.

Start-up creates hundreds of thousands of objects that all live on (modules, classes, Qt
wrappers); letting the collector walk them again and again costs about 60 ms of a one-second
start. It resumes as soon as the command is known, or, for the window, once the window has been
painted (then ``gc.freeze()`` sets the start-up objects aside for good).

``--version`` alone is answered here, before the command line's modules are imported.
"""

import gc
import sys

gc.disable()


def main() -> int:
    if sys.argv[1:] == ["--version"]:
        from aes_desktop import __version__

        print(f"aes-desktop {__version__}")
        return 0
    from aes_desktop.cli import main as cli_main  # imported with the collector paused

    return cli_main()


__all__ = ["main"]
