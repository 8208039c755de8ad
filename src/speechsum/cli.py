"""Command line: options -> read -> build_digest -> render -> exit code.

Heavy modules (the pipeline with sumy and pymorphy3, rich) are imported inside the command,
so `--help` and `--version` start in the time it takes to import typer.
"""

from __future__ import annotations

import contextlib
import enum
import functools
import os
import signal
import stat
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, BinaryIO, NoReturn

import typer

from speechsum import __version__
from speechsum.reading import (
    DEFAULT_MAX_BYTES,
    InputError,
    decode_input,
    describe_os_error,
    read_path,
)

if TYPE_CHECKING:
    from speechsum.model import Digest, DigestOptions

STDIN = "<stdin>"
# Set it to see the traceback of an internal error instead of a one-line report.
TRACEBACK_VARIABLE = "SPEECHSUM_TRACEBACK"


class ExitStatus(enum.IntEnum):
    OK = 0
    ERROR = 1
    USAGE = 2
    INTERRUPTED = 130


class Algorithm(str, enum.Enum):
    # The keys of summarize.METHODS, repeated so that `--help` imports nothing of the
    # pipeline; test_algorithms_match_the_registry checks that the two agree.
    LEXRANK = "lexrank"
    LSA = "lsa"
    LUHN = "luhn"
    TEXTRANK = "textrank"
    EDMUNDSON = "edmundson"
    KL = "kl"
    SUMBASIC = "sumbasic"
    REDUCTION = "reduction"


class LanguageChoice(str, enum.Enum):
    AUTO = "auto"
    RU = "ru"
    KK = "kk"
    EN = "en"


class View(str, enum.Enum):
    # What a command shows of a digest: the summaries, or the table of speakers.
    DIGEST = "digest"
    SPEAKERS = "speakers"


class Format(str, enum.Enum):
    RICH = "rich"
    JSON = "json"
    JSONL = "jsonl"
    MARKDOWN = "markdown"
    TEXT = "text"


# Options several commands share.
LanguageOption = Annotated[
    LanguageChoice, typer.Option("-l", "--language", help="Language of the report.")
]
MaxBytesOption = Annotated[
    int, typer.Option("--max-bytes", min=1, metavar="N", help="Refuse larger inputs.")
]
FormatOption = Annotated[
    Format,
    typer.Option("-f", "--format", help="Output format; rich falls back to text off a terminal."),
]
OutputOption = Annotated[
    str | None,
    typer.Option("-o", "--output", metavar="FILE",
                 help="Write to FILE instead of stdout (atomically); '-' is stdout."),
]
JobsOption = Annotated[
    int, typer.Option("-j", "--jobs", min=1, metavar="N", help="Digest files in N processes.")
]

app = typer.Typer(
    name="speechsum",
    add_completion=False,
    # Rich help, errors and tracebacks cost ~150 ms of imports; plain click output is instant.
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def show_version(value: bool) -> None:
    """Print the version and stop, for `--version`."""
    if value:
        sys.stdout.write(f"speechsum {__version__}\n")
        raise typer.Exit()


@app.callback()
def speechsum(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=show_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Who said what: per-speaker extractive digests of meeting reports.

    Example: speechsum summarize report.txt
    """


@app.command()
def summarize(
    ctx: typer.Context,
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="PATH",
            help="Report files (UTF-8, UTF-16, cp1251, KOI8-R...); '-' or none reads stdin.",
            show_default=False,
        ),
    ] = None,
    sentences: Annotated[
        int, typer.Option("-n", "--sentences", min=1, metavar="N", help="Sentences per speaker.")
    ] = 3,
    ratio: Annotated[
        float | None,
        typer.Option(
            "--ratio",
            metavar="R",
            help="Summarize to this share of each speaker's sentences (0 < R <= 1).",
            show_default=False,
        ),
    ] = None,
    algorithm: Annotated[
        Algorithm, typer.Option("-a", "--algorithm", help="Summarization algorithm.")
    ] = Algorithm.LEXRANK,
    language: LanguageOption = LanguageChoice.AUTO,
    output_format: FormatOption = Format.RICH,
    output: OutputOption = None,
    topic: Annotated[
        list[str] | None,
        typer.Option(
            "-t",
            "--topic",
            metavar="WORDS",
            help="Topic words to favour; repeatable.",
            show_default=False,
        ),
    ] = None,
    narration: Annotated[
        bool,
        typer.Option("--narration/--no-narration", help="Also summarize the unattributed text."),
    ] = False,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    jobs: JobsOption = 1,
) -> None:
    """Summarize what each speaker says in meeting reports.

    Example: speechsum summarize report.txt -n 2 -f markdown -o digest.md
    """
    if ratio is not None and not 0 < ratio <= 1:
        raise typer.BadParameter("must be greater than 0 and at most 1", param_hint="'--ratio'")
    paths = default_paths(ctx, paths)
    output = output_path(ctx, output, paths)

    from speechsum.model import DigestOptions, Language

    options = DigestOptions(
        language=None if language is LanguageChoice.AUTO else Language(language.value),
        algorithm=algorithm.value,
        sentences=sentences,
        ratio=ratio,
        topic=split_words(topic or ()),
        narration=narration,
    )
    run(paths, options, output_format, output, max_bytes, jobs, View.DIGEST)


@app.command()
def speakers(
    ctx: typer.Context,
    paths: Annotated[
        list[str] | None,
        typer.Argument(metavar="PATH", help="Report files; '-' or none reads stdin.",
                       show_default=False),
    ] = None,
    language: LanguageOption = LanguageChoice.AUTO,
    output_format: FormatOption = Format.RICH,
    output: OutputOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    jobs: JobsOption = 1,
) -> None:
    """List who speaks in reports: role, other names, segments, words, share quoted, first at.

    Example: speechsum speakers report.txt -f markdown
    """
    paths = default_paths(ctx, paths)
    output = output_path(ctx, output, paths)
    from speechsum.model import DigestOptions, Language

    options = DigestOptions(
        language=None if language is LanguageChoice.AUTO else Language(language.value))
    run(paths, options, output_format, output, max_bytes, jobs, View.SPEAKERS)


class ShowFormat(str, enum.Enum):
    RICH = "rich"
    TEXT = "text"
    HTML = "html"


@app.command()
def show(
    ctx: typer.Context,
    path: Annotated[
        str, typer.Argument(metavar="PATH", help="A report file; '-' reads stdin.")
    ] = "-",
    speaker: Annotated[
        list[str] | None,
        typer.Option("-s", "--speaker", metavar="NAME",
                     help="Keep this speaker (a name or another name); repeatable.",
                     show_default=False),
    ] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show which sieves found each segment.")
    ] = False,
    language: LanguageOption = LanguageChoice.AUTO,
    output_format: Annotated[
        ShowFormat, typer.Option("-f", "--format", help="rich (colour), text or html.")
    ] = ShowFormat.RICH,
    output: OutputOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
) -> None:
    """Show the report with each speaker's words in their colour; --explain tells why.

    Example: speechsum show report.txt --speaker "Иван Петров" --explain
    """
    path = default_paths(ctx, [path] if path != "-" else None)[0]
    output = output_path(ctx, output, [path])
    from speechsum.model import DigestOptions, Language
    from speechsum.pipeline import build_digest
    from speechsum.render import show as view

    try:
        decoded = decode_input(read_path(path, max_bytes))
    except InputError as error:
        fail(error.message)
    if decoded.warning:
        report("warning", decoded.warning)
    options = DigestOptions(
        language=None if language is LanguageChoice.AUTO else Language(language.value))
    digest = build_digest(decoded.text, options, STDIN if path == "-" else decodable(path))
    only = view.speaker_ids(digest, speaker or ())
    if only is not None and not only:
        fail(f"no speaker named {', '.join(speaker or ())!r} in {digest.source}")
    to_terminal = output is None and sys.stdout is not None and sys.stdout.isatty()
    if output_format is ShowFormat.RICH and to_terminal:
        from rich.console import Console

        from speechsum.render.terminal import show_text

        Console(highlight=False).print(show_text(decoded.text, digest, only, explain))
        return
    render = view.render_show_html if output_format is ShowFormat.HTML else view.render_show_text
    write_output(render(decoded.text, digest, only, explain), output)


def output_path(ctx: typer.Context, output: str | None, paths: Sequence[str]) -> str | None:
    """The file to write, None for stdout ('-' too); refused when it names an input."""
    if output is None or output == "-":
        return None
    check_output(ctx, output, paths)
    return output


def default_paths(ctx: typer.Context, paths: list[str] | None) -> list[str]:
    """The inputs; none means stdin, refused when stdin is a terminal (it would look hung)."""
    if paths:
        return paths
    if stdin_is_terminal():
        ctx.fail("no input: give a PATH, or pipe a report to stdin")
    return ["-"]


def run(paths: Sequence[str], options: DigestOptions, output_format: Format,
        output: str | None, max_bytes: int, jobs: int, view: View) -> None:
    """Digest the inputs, show them, and exit with an error status if any failed."""
    digests, failed = build_digests(paths, options, max_bytes, jobs)
    if digests:
        emit(digests, output_format, output, several=len(paths) > 1, view=view)
    if failed:
        raise typer.Exit(ExitStatus.ERROR)


def build_digests(
    paths: Sequence[str], options: DigestOptions, max_bytes: int, jobs: int = 1
) -> tuple[list[Digest], bool]:
    """A digest for each input that can be read; problems reported on stderr in input order."""
    digests = []
    failed = False
    for path, outcome in zip(paths, map_digests(paths, options, max_bytes, jobs), strict=True):
        source = STDIN if path == "-" else decodable(path)
        if outcome.digest is None:
            report("error", f"{display_path(source)}: {outcome.message}")
            failed = True
            continue
        if outcome.message:
            report("warning", f"{display_path(source)}: {outcome.message}")
        if not outcome.digest.speakers:
            report("warning", f"no speakers found in {display_path(source)}")
        digests.append(outcome.digest)
    return digests, failed


def map_digests(
    paths: Sequence[str], options: DigestOptions, max_bytes: int, jobs: int
) -> Iterable[Outcome]:
    """`digest_input` of each path, in order; in `jobs` worker processes for several files."""
    work = functools.partial(digest_input, options=options, max_bytes=max_bytes)
    # Only this process can read stdin.
    if jobs <= 1 or len(paths) <= 1 or "-" in paths:
        return map(work, paths)
    return map_in_processes(work, paths, jobs)


def map_in_processes(
    work: functools.partial[Outcome], paths: Sequence[str], jobs: int
) -> Iterable[Outcome]:
    """`map(work, paths)` in a pool of `jobs` processes, results in input order."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    # The first input is digested here: forked workers then share the dictionaries it loads.
    yield work(paths[0])
    chunk = max(1, min(16, len(paths) // (jobs * 8)))
    with context.Pool(min(jobs, len(paths) - 1), initializer=leave_signals_to_parent) as pool:
        yield from pool.imap(work, paths[1:], chunksize=chunk)


def leave_signals_to_parent() -> None:
    """In a worker: leave Ctrl-C to the parent, and die quietly when the pool is terminated."""
    # Otherwise each worker prints "Process ForkPoolWorker-2:" and a KeyboardInterrupt
    # traceback; the parent stops the pool and exits 130 by itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


@dataclass(frozen=True)
class Outcome:
    """What became of one input: a digest and perhaps a warning, or no digest and the error."""

    digest: Digest | None
    message: str = ""


def digest_input(path: str, options: DigestOptions, max_bytes: int) -> Outcome:
    """The digest of one input, or the message of the error that kept it from being made."""
    from speechsum.pipeline import build_digest

    source = STDIN if path == "-" else decodable(path)
    try:
        decoded = decode_input(read_path(path, max_bytes))
    except InputError as error:
        return Outcome(None, error.message)
    try:
        return Outcome(build_digest(decoded.text, options, source), decoded.warning or "")
    except MemoryError:
        return Outcome(None, "not enough memory to digest this input; try a smaller file")
    except Exception as error:
        # A bug, not a bad input: one line that says so, and the other inputs still go on.
        if os.environ.get(TRACEBACK_VARIABLE):
            raise
        from speechsum.render import one_line

        what = one_line(f"{type(error).__name__}: {error}")[:200]
        return Outcome(
            None, f"internal error ({what}); please report it ({TRACEBACK_VARIABLE}=1 shows more)"
        )


def emit(
    digests: Sequence[Digest], output_format: Format, output: str | None, several: bool,
    view: View = View.DIGEST,
) -> None:
    """Render the digests to the output file or stdout."""
    to_terminal = output is None and sys.stdout is not None and sys.stdout.isatty()
    if output_format is Format.RICH and to_terminal:
        print_rich(digests, view)
        return
    text_format = Format.TEXT if output_format is Format.RICH else output_format
    data = (render_all(digests, text_format, several) if view is View.DIGEST
            else render_speakers(digests, text_format, several))
    write_output(data, output)


def write_output(data: str, output: str | None) -> None:
    """`data` to stdout, or atomically to the output file; a failure is a one-line error."""
    if output is None:
        write_stdout(data)
        return
    try:
        # "replace": valid UTF-8 even if a lone surrogate ever slipped into a string.
        write_atomically(output, data.encode("utf-8", "replace"))
    except FileNotFoundError:
        fail(f"{display_path(output)}: no such directory")
    except OSError as error:
        fail(f"{display_path(output)}: {describe_os_error(error)}")


def render_all(digests: Sequence[Digest], output_format: Format, several: bool) -> str:
    """The digests in one of the string formats; several inputs make a JSON array."""
    if output_format is Format.JSON:
        from speechsum.render.json import render_json, render_json_array

        return render_json_array(digests) if several else render_json(digests[0])
    if output_format is Format.JSONL:
        from speechsum.render.json import render_jsonl

        return "".join(render_jsonl(d) for d in digests)
    if output_format is Format.MARKDOWN:
        from speechsum.render.markdown import render_markdown

        return "\n".join(render_markdown(d) for d in digests)
    from speechsum.render.text import render_text

    return "\n".join(render_text(d) for d in digests)


def render_speakers(digests: Sequence[Digest], output_format: Format, several: bool) -> str:
    """The speaker tables of the digests in one of the string formats."""
    from speechsum.render import speakers as table

    if output_format in (Format.JSON, Format.JSONL):
        return table.render_speakers_json(digests, several, lines=output_format is Format.JSONL)
    if output_format is Format.MARKDOWN:
        return table.render_speakers_markdown(digests)
    return table.render_speakers_text(digests)


def print_rich(digests: Sequence[Digest], view: View = View.DIGEST) -> None:
    """Draw the digests on the terminal; rich itself honours NO_COLOR and TERM=dumb."""
    from rich.console import Console

    from speechsum.render.terminal import render_terminal, speakers_table

    # A terminal in latin-1 or ASCII shows "?" for the Cyrillic it cannot encode, no traceback.
    with contextlib.suppress(AttributeError, ValueError):
        sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]
    console = Console(highlight=False)
    for i, digest in enumerate(digests):
        if i:
            console.print()
        if view is View.SPEAKERS:
            console.print(speakers_table(digest))
        else:
            render_terminal(digest, console)


def write_stdout(data: str) -> None:
    """Write UTF-8 to stdout whatever the locale says; JSON must be UTF-8."""
    stdout = sys.stdout
    if stdout is None:  # started with `>&-`
        fail("standard output is closed")
    try:
        stdout.flush()
        buffer = getattr(stdout, "buffer", None)
        if buffer is None:
            stdout.write(data)
            stdout.flush()
        else:
            write_all(buffer, data.encode("utf-8", "replace"))
            buffer.flush()
    except BrokenPipeError:
        # `speechsum ... | head -1`: the reader has all it wanted.
        quiet_stdout()
        raise typer.Exit(ExitStatus.ERROR) from None
    except OSError as error:
        # `> /dev/full`, a full disk, a vanished network drive.
        quiet_stdout()
        fail(f"cannot write the output: {describe_os_error(error)}")


def write_all(stream: BinaryIO, data: bytes) -> None:
    """Write all of `data`: with PYTHONUNBUFFERED=1 stdout is a raw file, which may take part."""
    view = memoryview(data)
    while view:
        written = stream.write(view)
        if written is None:  # a non-blocking descriptor that is full for now
            import select

            select.select([], [stream], [])
            continue
        view = view[written:]


def write_atomically(path: str, data: bytes) -> None:
    """Replace `path` with `data` all at once, leaving no trace on failure.

    Only regular files are replaced: `-o /dev/null` as root must not swap the device for a file,
    and `-o /dev/stdout` must reach the pipe.
    """
    try:
        info: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        with open(path, "wb") as stream:
            stream.write(data)
        return
    # Through a symlink, replace the file it points to rather than the link.
    path = os.path.realpath(path)
    directory, name = os.path.split(path)
    temporary = os.path.join(directory, f".{name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        with open(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if info is not None:
            # O_CREAT applied the umask; an existing file keeps its own permissions.
            os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    fsync_directory(directory)


def fsync_directory(directory: str) -> None:
    """Make a rename durable; some systems cannot open directories, which is fine."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def check_output(ctx: typer.Context, output: str, paths: Sequence[str]) -> None:
    """Refuse an output file that is also an input, before anything is read."""
    for path in paths:
        if is_same_file(output, path):
            usage_error(f"{display_path(output)} is also an input; refusing to overwrite it")
    if os.path.isdir(output):
        usage_error(f"{display_path(output)} is a directory")


def is_same_file(output: str, path: str) -> bool:
    """Whether `output` names the file `path` reads from ("-" meaning stdin)."""
    try:
        target = os.stat(output)
        source = os.fstat(sys.stdin.fileno()) if path == "-" else os.stat(path)
    except (OSError, ValueError, AttributeError):
        # Missing files, or a stdin without a descriptor (tests), cannot be the same file.
        return False
    return stat.S_ISREG(target.st_mode) and (target.st_dev, target.st_ino) == (
        source.st_dev,
        source.st_ino,
    )


def stdin_is_terminal() -> bool:
    """Whether stdin is a terminal (or missing), so that reading it would wait for typing."""
    return sys.stdin is None or sys.stdin.isatty()


def split_words(groups: Sequence[str]) -> tuple[str, ...]:
    """Topic words from repeated and space- or comma-separated options.

    >>> split_words(["budget, taxes", "бюджет"])
    ('budget', 'taxes', 'бюджет')
    """
    return tuple(word for group in groups for word in group.replace(",", " ").split())


def decodable(path: str) -> str:
    """`path` as given, but with bytes that are not UTF-8 as U+FFFD, so output can encode it."""
    return os.fsencode(path).decode("utf-8", "replace")


def display_path(path: str) -> str:
    """A path fit for a one-line message: control characters, newlines too, made visible."""
    from speechsum.render import printable

    return printable(decodable(path)).replace("\n", "\u240a").replace("\t", "\u2409")


def report(level: str, message: str) -> None:
    """One line on stderr: "speechsum: error: PATH: message"; nothing if stderr is gone."""
    if sys.stderr is None:  # started with `2>&-`
        return
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"speechsum: {level}: {message}\n")
        sys.stderr.flush()


def usage_error(message: str) -> NoReturn:
    """One line on stderr and exit status 2: the command line itself is wrong."""
    report("error", message)
    raise typer.Exit(ExitStatus.USAGE)


def fail(message: str) -> NoReturn:
    """Report an error and stop with exit status 1."""
    report("error", message)
    raise typer.Exit(ExitStatus.ERROR)


def main() -> None:
    """Console-script entry point: run the app and map Ctrl-C and a closed pipe to quiet exits."""
    # `kill` and `timeout` send SIGTERM: unwind like Ctrl-C does, so no temporary file is left.
    signal.signal(signal.SIGTERM, exit_on_signal)
    try:
        app(prog_name="speechsum")
    except KeyboardInterrupt:
        # Typer maps Ctrl-C inside the command; this catches it during start-up and teardown.
        sys.exit(ExitStatus.INTERRUPTED)
    except BrokenPipeError:
        quiet_stdout()
        sys.exit(ExitStatus.ERROR)


def exit_on_signal(number: int, frame: object) -> NoReturn:
    """Exit with 128 + the signal number, running cleanup code on the way out."""
    sys.exit(128 + number)


def quiet_stdout() -> None:
    """Point stdout at /dev/null so that flushing it at exit raises no second BrokenPipeError."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
