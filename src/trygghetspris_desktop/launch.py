"""The ``trygghetspris`` command's entry point: ``--version`` is answered at once, before
anything else is imported; every other use goes to :func:`cli.main`.

Importing the command line (argparse, logging, the parser of every subcommand) costs a
``--version`` about three times a bare Python start; answered here it costs next to nothing
(benchmarks/run.py, row "--version"). The text is the one argparse prints in cli.py.
"""

from __future__ import annotations

import sys


def main() -> int:
    if sys.argv[1:] == ["--version"]:
        from trygghetspris_desktop import __version__

        sys.stdout.write(f"trygghetspris {__version__}\n")
        return 0
    from trygghetspris_desktop.cli import main as cli_main

    return cli_main()
