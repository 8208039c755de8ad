"""The commands: options -> inputs -> build_digest -> output -> exit code.

Heavy modules (the pipeline with numpy and pymorphy3, rich) are imported inside the commands,
so `--help` and `--version` start in the time it takes to import typer.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import signal
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from speechsum import __version__
from speechsum.batch import Item, Outcome, expand_paths, map_digests, read_report
from speechsum.cli.messages import (
    ExitStatus,
    display_path,
    fail,
    report,
    source_name,
    usage_error,
)
from speechsum.cli.output import (
    Result,
    is_directory_output,
    output_names,
    print_rich,
    render_chunks,
    render_one,
    wants_rich,
    write_file,
    write_output,
)
from speechsum.cli.progress import progress, wanted
from speechsum.cli.values import (
    Algorithm,
    Color,
    Engine,
    Format,
    LanguageChoice,
    ShowFormat,
    parse_count,
    parse_ratio,
    parse_size,
)
from speechsum.reading import InputError

if TYPE_CHECKING:
    from speechsum.model import DigestOptions

DEFAULT_COMMAND = "summarize"
# What `speechsum` itself takes before a command; anything else starts `summarize`.
GROUP_OPTIONS = frozenset(
    {"-h", "--help", "-V", "--version", "--install-completion", "--show-completion"}
)


class Speechsum(TyperGroup):
    """The command group: `speechsum FILE` is `speechsum summarize FILE`, a bare `speechsum`
    on a terminal prints help, and usage errors are one line in our own words."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for command in self.commands.values():
            for param in command.params:
                if param.param_type_name == "argument":
                    # Help shows the metavar, PATH..., not typer's "<list[str]>" after it.
                    param.display_type_rich = lambda ctx: None  # type: ignore[attr-defined]

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if not args and stdin_is_terminal():
            typer.echo(ctx.get_help())
            ctx.exit(ExitStatus.OK)
        if not args or (args[0] not in self.commands and args[0] not in GROUP_OPTIONS):
            check_not_a_misspelt_command(args[0] if args else "-", list(self.commands))
            args = [DEFAULT_COMMAND, *args]
        return list(super().parse_args(ctx, args))

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             windows_expand_args: bool = True, **extra: Any) -> Any:
        try:
            result = super().main(args=args, prog_name=prog_name, complete_var=complete_var,
                                  standalone_mode=False, windows_expand_args=windows_expand_args,
                                  **extra)
            status = result if isinstance(result, int) else ExitStatus.OK
        except typer.Abort:
            report("error", "aborted")
            status = ExitStatus.ERROR
        except typer.TyperException as error:
            report("error", describe_usage_error(error))
            status = getattr(error, "exit_code", ExitStatus.USAGE)
        if not standalone_mode:
            return status
        sys.exit(status)


def check_not_a_misspelt_command(word: str, commands: list[str]) -> None:
    """`speechsum summarise x`: a word that is no file but nearly a command is a typo."""
    if word.startswith("-") or os.path.exists(word):
        return
    close = difflib.get_close_matches(word, commands, n=1, cutoff=0.75)
    if close:
        usage_error(f"no such command or file {word!r}; did you mean '{close[0]}'?")


def describe_usage_error(error: typer.TyperException) -> str:
    """A usage error as one line: what is wrong, and where help is."""
    hint = getattr(error, "param_hint", None)
    param = getattr(error, "param", None)
    if isinstance(error, typer.BadParameter) and (hint or param is not None):
        name = hint if isinstance(hint, str) else "/".join(getattr(param, "opts", []) or [])
        text = f"{name}: {error.message}"
    else:
        format_message = getattr(error, "format_message", None)
        text = format_message() if format_message else str(error)
    text = " ".join(text.split()).replace("(Possible options:", "(did you mean")
    text = text[:1].lower() + text[1:]
    ctx = getattr(error, "ctx", None)
    command = ctx.command_path if ctx is not None else "speechsum"
    return f"{text} (see '{command} --help')"


app = typer.Typer(
    name="speechsum",
    cls=Speechsum,
    # Rich help, errors and tracebacks cost ~150 ms of imports; plain click output is instant.
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# Options the commands share; values are strings, parsed in speechsum.cli.values.
PathsArgument = Annotated[
    list[str] | None,
    typer.Argument(metavar="PATH", show_default=False,
                   help="Reports: text, captions (.vtt .srt), web pages (.html), Word (.docx), "
                        "or folders of them; '-' or none reads stdin."),
]
LanguageOption = Annotated[
    str, typer.Option("-l", "--language", metavar=LanguageChoice.metavar(),
                      autocompletion=LanguageChoice.completer(),
                      help="Language of the reports; auto detects it.")
]
MaxBytesOption = Annotated[
    str, typer.Option("--max-bytes", metavar="SIZE",
                      help="Refuse larger inputs (bytes, or with kB, MB, GB).")
]
FormatOption = Annotated[
    str, typer.Option("-f", "--format", metavar=Format.metavar(),
                      autocompletion=Format.completer(),
                      help="Output format; rich falls back to text off a terminal.")
]
OutputOption = Annotated[
    str | None,
    typer.Option("-o", "--output", metavar="FILE", show_default=False,
                 help="Write to FILE instead of stdout (atomically); '-' is stdout."),
]
JobsOption = Annotated[
    str, typer.Option("-j", "--jobs", metavar="N", help="Digest files in N processes.")
]
GlobOption = Annotated[
    list[str] | None,
    typer.Option("--glob", metavar="PATTERN", show_default=False,
                 help="In folders, read the files whose names match PATTERN (repeatable; "
                      "default: text, caption, page and Word files)."),
]
QuietOption = Annotated[
    bool, typer.Option("-q", "--quiet", help="No warnings and no progress bar; errors only.")
]
ColorOption = Annotated[
    str, typer.Option("--color", metavar=Color.metavar(), autocompletion=Color.completer(),
                      help="Colour the rich view: auto (on a terminal, unless NO_COLOR is "
                           "set), always, or never.")
]
DaskOption = Annotated[
    str | None,
    typer.Option("--dask", metavar="local|ADDRESS", show_default=False,
                 help="Digest on Dask: 'local' starts a cluster of -j workers on this machine, "
                      "tcp://host:8786 uses a running scheduler (the dask extra).")
]
ResumeOption = Annotated[
    bool, typer.Option("--resume", help="With -o FOLDER/: skip inputs already digested there.")
]
DEFAULT_MAX_BYTES = "50MB"


def show_version(value: bool) -> None:
    """Print the version and stop, for `--version`."""
    if value:
        sys.stdout.write(f"speechsum {__version__}\n")
        raise typer.Exit()


@app.callback()
def speechsum(
    version: Annotated[
        bool,
        typer.Option("-V", "--version", callback=show_version, is_eager=True,
                     help="Show the version and exit."),
    ] = False,
) -> None:
    """Who said what: per-speaker extractive digests of meeting reports.

    speechsum FILE... is short for speechsum summarize FILE...; see speechsum COMMAND -h.

    Example: speechsum summarize report.txt
    """


@app.command()
def summarize(
    ctx: typer.Context,
    paths: PathsArgument = None,
    sentences: Annotated[
        str, typer.Option("-n", "--sentences", metavar="N", help="Sentences per speaker.")
    ] = "3",
    ratio: Annotated[
        str | None,
        typer.Option("--ratio", metavar="R", show_default=False,
                     help="Summarize to this share of each speaker's sentences (0 < R <= 1), "
                          "instead of -n."),
    ] = None,
    algorithm: Annotated[
        str, typer.Option("-a", "--algorithm", metavar=Algorithm.metavar(),
                          autocompletion=Algorithm.completer(), help="Summarization algorithm.")
    ] = "lexrank",
    engine: Annotated[
        str, typer.Option("--engine", metavar=Engine.metavar(), autocompletion=Engine.completer(),
                          help="Who runs the algorithm: builtin, or sumy itself (the sumy "
                               "extra); the picks are the same.")
    ] = "builtin",
    language: LanguageOption = "auto",
    output_format: FormatOption = "rich",
    output: OutputOption = None,
    topic: Annotated[
        list[str] | None,
        typer.Option("-t", "--topic", metavar="WORDS", show_default=False,
                     help="Topic words to favour; repeatable."),
    ] = None,
    narration: Annotated[
        bool,
        typer.Option("--narration/--no-narration", help="Also summarize the unattributed text."),
    ] = False,
    glob: GlobOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    jobs: JobsOption = "1",
    dask: DaskOption = None,
    resume: ResumeOption = False,
    quiet: QuietOption = False,
    color: ColorOption = "auto",
) -> None:
    """Summarize what each speaker says in meeting reports.

    Example: speechsum summarize report.txt -n 2 -f markdown -o digest.md
    """
    if ratio is not None and given(ctx, "sentences"):
        usage_error("give either -n/--sentences or --ratio, not both "
                    "(see 'speechsum summarize --help')")
    options = digest_options(
        language,
        algorithm=Algorithm.parse(algorithm, "-a/--algorithm").value,
        engine=Engine.parse(engine, "--engine").value,
        sentences=parse_count(sentences, "-n/--sentences"),
        ratio=None if ratio is None else parse_ratio(ratio, "--ratio"),
        topic=tuple(topic or ()),
        narration=narration,
    )
    if options.engine == "sumy":
        from speechsum.summarize import MissingExtraError, require_sumy

        try:
            require_sumy()
        except MissingExtraError as error:
            fail(str(error))
    if dask is not None and not given(ctx, "jobs"):
        jobs = str(os.cpu_count() or 1)  # a LocalCluster of one worker per core
    settings = Settings.parse(ctx, paths or ["-"], output_format, output, glob, max_bytes, jobs,
                              quiet, color, speakers=False, dask=dask, resume=resume)
    run(ctx, paths, options, settings)


@app.command()
def speakers(
    ctx: typer.Context,
    paths: PathsArgument = None,
    language: LanguageOption = "auto",
    output_format: FormatOption = "rich",
    output: OutputOption = None,
    glob: GlobOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    jobs: JobsOption = "1",
    dask: DaskOption = None,
    resume: ResumeOption = False,
    quiet: QuietOption = False,
    color: ColorOption = "auto",
) -> None:
    """List who speaks in reports: role, other names, segments, words, share quoted, first at.

    Example: speechsum speakers report.txt -f markdown
    """
    if dask is not None and not given(ctx, "jobs"):
        jobs = str(os.cpu_count() or 1)  # a LocalCluster of one worker per core
    settings = Settings.parse(ctx, paths or ["-"], output_format, output, glob, max_bytes, jobs,
                              quiet, color, speakers=True, dask=dask, resume=resume)
    run(ctx, paths, digest_options(language), settings)


@app.command()
def show(
    ctx: typer.Context,
    path: Annotated[
        str, typer.Argument(metavar="PATH", help="A report (text, captions, page or Word); "
                                                 "'-' reads stdin.")
    ] = "-",
    speaker: Annotated[
        list[str] | None,
        typer.Option("-s", "--speaker", metavar="NAME", show_default=False,
                     help="Keep this speaker (a name or another name); repeatable."),
    ] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show which sieves found each segment.")
    ] = False,
    language: LanguageOption = "auto",
    output_format: Annotated[
        str, typer.Option("-f", "--format", metavar=ShowFormat.metavar(),
                          autocompletion=ShowFormat.completer(),
                          help="rich (colour), text or html.")
    ] = "rich",
    output: OutputOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_BYTES,
    quiet: QuietOption = False,
    color: ColorOption = "auto",
) -> None:
    """Show the report with each speaker's words in their colour; --explain tells why.

    Example: speechsum show report.txt --speaker "Иван Петров" --explain
    """
    view_format = ShowFormat.parse(output_format, "-f/--format")
    colour = Color.parse(color, "--color")
    options = digest_options(language)
    limit = parse_size(max_bytes, "--max-bytes")
    path = default_paths(ctx, [path] if path != "-" else None)[0]
    output = output_path(output, [path])
    from speechsum.batch import language_warnings
    from speechsum.pipeline import build_digest
    from speechsum.render import show as view

    try:
        read = read_report(path, limit)
    except InputError as error:
        fail(f"{display_path(source_name(path))}: {error.message}")
    digest = build_digest(read.text, options, source_name(path))
    if not quiet:
        warnings = read.warnings + language_warnings(read.text, options) + digest.warnings
        for warning in warnings:
            report("warning", f"{display_path(source_name(path))}: {warning}")
    only = view.speaker_ids(digest, speaker or ())
    if only is not None and not only:
        fail(f"no speaker named {', '.join(speaker or ())!r} in {digest.source}")
    if wants_rich(view_format.value, output, colour):
        from speechsum.cli.output import console
        from speechsum.render.terminal import show_text

        console(colour).print(show_text(read.text, digest, only, explain))
        return
    render = view.render_show_html if view_format is ShowFormat.HTML else view.render_show_text
    write_output([render(read.text, digest, only, explain)], output)


def digest_options(language: str, **values: Any) -> DigestOptions:
    """The options of a digest, with the language parsed from -l."""
    from speechsum.model import DigestOptions, Language

    choice = LanguageChoice.parse(language, "-l/--language")
    chosen = None if choice is LanguageChoice.AUTO else Language(choice.value)
    return DigestOptions(language=chosen, **values)


def given(ctx: typer.Context, name: str) -> bool:
    """Whether the user gave option `name` on the command line (not its default)."""
    source = ctx.get_parameter_source(name)
    return source is not None and source.name == "COMMANDLINE"


@dataclass(frozen=True)
class Settings:
    """How a run reads and writes, from the command line's strings (parsed, checked)."""

    output_format: Format
    output: str | None
    color: Color
    max_bytes: int
    jobs: int
    glob: tuple[str, ...] = ()
    quiet: bool = False
    speakers: bool = False
    dask: str | None = None
    resume: bool = False

    @classmethod
    def parse(cls, ctx: typer.Context, paths: list[str], output_format: str,
              output: str | None, glob: list[str] | None, max_bytes: str, jobs: str,
              quiet: bool, color: str, speakers: bool, dask: str | None = None,
              resume: bool = False) -> Settings:
        """The settings, or a usage error naming the option that is wrong."""
        chosen = Format.parse(output_format, "-f/--format")
        if resume and not is_directory_output(output):
            usage_error("--resume needs -o FOLDER/ (one file per input) "
                        f"(see '{ctx.command_path} --help')")
        return cls(chosen, output_path(output, paths), Color.parse(color, "--color"),
                   parse_size(max_bytes, "--max-bytes"), parse_count(jobs, "-j/--jobs"),
                   tuple(glob or ()), quiet, speakers, dask, resume)


def run(ctx: typer.Context, paths: list[str] | None, options: DigestOptions,
        settings: Settings) -> None:
    """Digest the inputs, write them as they finish, and exit 1 if any failed."""
    inputs = default_paths(ctx, paths)
    items = expand_paths(inputs, settings.glob)
    names: list[str] = []
    if is_directory_output(settings.output):
        assert settings.output is not None
        names = output_names([i.path for i in items], settings.output, settings.output_format)
        if settings.resume:
            items, names = still_to_do(items, names, settings.quiet)
    failed: list[bool] = []
    chosen = settings.output_format
    # The bar would tangle with lines streamed to the same terminal.
    shown = wanted(inputs, settings.quiet) and not (
        settings.output is None and sys.stdout.isatty() and chosen is Format.JSONL)
    with progress(len(items), shown) as advance:
        results = checked(items, outcomes_of(items, options, settings), failed,
                          settings.quiet, advance)
        if names:
            for name, (_, digest, _) in zip(names, results, strict=True):
                if digest is not None:
                    write_file(name, render_one(digest, chosen, settings.speakers))
        elif wants_rich(chosen, settings.output, settings.color):
            print_rich([d for _, d, _ in results if d is not None], settings.color,
                       settings.speakers)
        else:
            text_format = Format.TEXT if chosen is Format.RICH else chosen
            write_output(render_chunks(results, text_format, len(items) > 1, settings.speakers),
                         settings.output)
    if failed:
        raise typer.Exit(ExitStatus.ERROR)


def outcomes_of(items: Sequence[Item], options: DigestOptions, settings: Settings
                ) -> Iterable[Outcome]:
    """Each input's outcome, in input order: on this machine, or on a Dask cluster."""
    if settings.dask is None:
        return map_digests(items, options, settings.max_bytes, settings.jobs)
    try:
        from speechsum.dask import map_on_dask
    except ImportError as error:
        fail(str(error))
    return map_on_dask(items, options, settings.max_bytes, settings.dask, settings.jobs)


def still_to_do(items: Sequence[Item], names: Sequence[str], quiet: bool
                ) -> tuple[list[Item], list[str]]:
    """With --resume: the inputs whose digest file is not there yet."""
    todo = [(item, name) for item, name in zip(items, names, strict=True)
            if not os.path.exists(name)]
    if not quiet and len(todo) < len(items):
        report("info", f"{len(items) - len(todo)} of {len(items)} inputs already digested "
                       "(--resume): skipped")
    return [item for item, _ in todo], [name for _, name in todo]


def checked(items: Sequence[Item], outcomes: Iterable[Outcome], failed: list[bool],
            quiet: bool, advance: Any) -> Iterator[Result]:
    """Each input's source and digest (or error), as they come; problems reported on
    stderr in input order (and `failed` told)."""
    unmatched: set[str] | None = None
    for item, outcome in zip(items, outcomes, strict=True):
        advance()
        source = source_name(item.path)
        if outcome.digest is None:
            report("error", f"{describe(item)}: {outcome.error}")
            failed.append(True)
            yield source, None, outcome.error
            continue
        if not quiet:
            for warning in outcome.warnings:
                report("warning", f"{describe(item)}: {warning}")
            if not outcome.digest.speakers:
                report("warning", f"no speakers found in {describe(item)}")
        if outcome.digest.speakers:
            missing = set(outcome.unmatched)
            unmatched = missing if unmatched is None else unmatched & missing
        yield source, outcome.digest, ""
    if unmatched and not quiet:
        anywhere = " in any input" if len(items) > 1 else ""
        words = ", ".join(repr(w) for w in sorted(unmatched))
        report("warning", f"nothing the speakers say{anywhere} matches the topic {words}; "
                          "the summaries ignore it")


def describe(item: Item) -> str:
    """How messages name an input."""
    return display_path(source_name(item.path))


def output_path(output: str | None, paths: Sequence[str]) -> str | None:
    """The file to write, None for stdout ('-' too); refused when it names an input."""
    if output is None or output == "-":
        return None
    if not output:
        usage_error("-o/--output: the file name is empty (see 'speechsum --help')")
    for path in paths:
        if is_same_file(output, path):
            usage_error(f"{display_path(output)} is also an input; refusing to overwrite it")
    return output


def default_paths(ctx: typer.Context, paths: list[str] | None) -> list[str]:
    """The inputs; none means stdin, refused when stdin is a terminal (it would look hung)."""
    if paths:
        return paths
    if stdin_is_terminal():
        usage_error(f"no input: give a PATH, or pipe a report to stdin "
                    f"(see '{ctx.command_path} --help')")
    return ["-"]


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


def main() -> None:
    """Console-script entry point: run the app and map Ctrl-C and a closed pipe to quiet exits."""
    # `kill` and `timeout` send SIGTERM, a closed terminal SIGHUP: unwind like Ctrl-C does,
    # so no temporary file is left and the workers are stopped.
    signal.signal(signal.SIGTERM, exit_on_signal)
    signal.signal(signal.SIGHUP, exit_on_signal)
    # One BLAS thread: the matrices are small, workers are processes already, and OpenBLAS
    # raises SIGINT by itself when it cannot allocate its threads' buffers (a memory limit).
    for variable in BLAS_THREADS:
        os.environ.setdefault(variable, "1")
    try:
        app(prog_name="speechsum")
    except SystemExit as done:
        leave(done.code)
    except MemoryError:
        report("error", "not enough memory; try a smaller input, or fewer --jobs")
        leave(ExitStatus.ERROR)
    except KeyboardInterrupt:
        # Typer maps Ctrl-C inside the command; this catches it during start-up and teardown.
        leave(ExitStatus.INTERRUPTED)
    except BrokenPipeError:
        from speechsum.cli.output import quiet_stdout

        quiet_stdout()
        leave(ExitStatus.ERROR)
    leave(ExitStatus.OK)


def leave(code: object) -> NoReturn:
    """Exit with `code`. After worker processes, without the interpreter's own shutdown: it
    joins the pool's queue-feeding thread, which can wait forever to write to a worker that
    a signal killed. Everything of ours is cleaned up and flushed by then."""
    status = code if isinstance(code, int) else (ExitStatus.OK if code is None else 1)
    workers = sys.modules.get("speechsum.workers")
    if workers is not None and workers.pools_started():
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(status)
    sys.exit(status)


BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def exit_on_signal(number: int, frame: object) -> NoReturn:
    """Exit with 128 + the signal number, running cleanup code on the way out."""
    sys.exit(128 + number)
