"""Command line: `speechsum summarize | speakers | show`, a thin layer over build_digest.

`commands` holds the app and its commands, `output` writes, `values` parses option values,
`progress` draws a bar and `messages` reports on stderr; speechsum.batch reads and digests.
"""

from speechsum.cli.commands import app, main
from speechsum.cli.messages import TRACEBACK_VARIABLE, ExitStatus
from speechsum.cli.output import write_all
from speechsum.cli.values import Algorithm

__all__ = ["TRACEBACK_VARIABLE", "Algorithm", "ExitStatus", "app", "main", "write_all"]
