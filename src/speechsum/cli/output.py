"""Where digests go: stdout or an output file replaced atomically, in UTF-8 whatever the
locale says; a terminal gets the rich view."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, BinaryIO

import typer

from speechsum.cli.messages import ExitStatus, display_path, fail
from speechsum.cli.values import Color, Format
from speechsum.reading import describe_os_error

if TYPE_CHECKING:
    from rich.console import Console

    from speechsum.model import Digest

# What a run yields per input: its source, and its digest or the error that stopped it.
Result = tuple[str, "Digest | None", str]


def render_chunks(results: Iterable[Result], output_format: Format, several: bool,
                  speakers: bool) -> Iterator[str]:
    """The digests in one of the string formats: JSONL a line per input as each comes (an
    error record for an input that failed), the others all at once (several inputs make
    one JSON array of the digests)."""
    if output_format is Format.JSONL:
        from speechsum.render.json import render_error_jsonl, render_jsonl
        from speechsum.render.speakers import render_speakers_json

        for source, digest, error in results:
            if digest is None:
                yield render_error_jsonl(source, error)
            else:
                yield (render_speakers_json([digest], False, lines=True) if speakers
                       else render_jsonl(digest))
        return
    collected = [digest for _, digest, _ in results if digest is not None]
    if collected and output_format is Format.JSON and not speakers:
        from speechsum.render.json import render_json_array_chunks, render_json_chunks

        yield from (render_json_array_chunks(collected) if several
                    else render_json_chunks(collected[0]))  # a piece at a time
    elif collected:
        yield (render_speakers(collected, output_format, several) if speakers
               else render_all(collected, output_format, several))


def render_one(digest: Digest, output_format: Format, speakers: bool) -> str:
    """One digest in one of the string formats, for a file of its own."""
    chosen = Format.JSON if output_format is Format.JSONL else output_format
    return (render_speakers([digest], chosen, False) if speakers
            else render_all([digest], chosen, False))


# The extension of a digest's own file, by format.
EXTENSIONS = {Format.JSON: ".json", Format.JSONL: ".json", Format.MARKDOWN: ".md",
              Format.TEXT: ".txt", Format.RICH: ".txt"}


def is_directory_output(output: str | None) -> bool:
    """Whether -o names a folder to write one file per input into: it ends with '/' or is
    an existing folder."""
    return output is not None and (output.endswith(os.sep) or os.path.isdir(output))


def output_names(sources: Sequence[str], folder: str, output_format: Format) -> list[str]:
    """Where each input's digest goes in `folder`: its path below the inputs' common folder,
    with the format's extension ('stdin' for standard input)."""
    real = [os.path.abspath(s) for s in sources if s != "-"]
    common = os.path.commonpath([os.path.dirname(r) for r in real]) if real else ""
    names = []
    for source in sources:
        relative = "stdin" if source == "-" else os.path.relpath(os.path.abspath(source),
                                                                  common)
        names.append(os.path.join(folder, relative + EXTENSIONS[output_format]))
    return names


def write_file(path: str, data: str) -> None:
    """One digest's file, atomically, its folders made; a failure is a one-line error."""
    try:
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    except OSError as error:
        fail(f"{display_path(os.path.dirname(path))}: {describe_os_error(error)}")
    write_output([data], path)


def render_all(digests: Sequence[Digest], output_format: Format, several: bool) -> str:
    """The digests in JSON, Markdown or text; several inputs make a JSON array."""
    if output_format is Format.JSON:
        from speechsum.render.json import render_json, render_json_array

        return render_json_array(digests) if several else render_json(digests[0])
    if output_format is Format.MARKDOWN:
        from speechsum.render.markdown import render_markdown

        return "\n".join(render_markdown(d) for d in digests)
    from speechsum.render.text import render_text

    return "\n".join(render_text(d) for d in digests)


def render_speakers(digests: Sequence[Digest], output_format: Format, several: bool) -> str:
    """The speaker tables of the digests in JSON, Markdown or text."""
    from speechsum.render import speakers as table

    if output_format is Format.JSON:
        return table.render_speakers_json(digests, several, lines=False)
    if output_format is Format.MARKDOWN:
        return table.render_speakers_markdown(digests)
    return table.render_speakers_text(digests)


def wants_rich(output_format: Format | str, output: str | None, color: Color) -> bool:
    """Whether to draw the rich view: asked for, and bound for a terminal or forced colour."""
    if output_format != "rich" or output is not None:
        return False
    return color is Color.ALWAYS or (sys.stdout is not None and sys.stdout.isatty())


def console(color: Color) -> Console:
    """A rich console for stdout; rich itself honours NO_COLOR and TERM=dumb, --color wins."""
    from rich.console import Console

    # A terminal in latin-1 or ASCII shows "?" for the Cyrillic it cannot encode, no traceback.
    with contextlib.suppress(AttributeError, ValueError):
        sys.stdout.reconfigure(errors="replace")  # type: ignore[union-attr]
    if color is Color.ALWAYS:
        return Console(highlight=False, force_terminal=True, no_color=False)
    if color is Color.NEVER:
        return Console(highlight=False, no_color=True)
    return Console(highlight=False)


def print_rich(digests: Iterable[Digest], color: Color, speakers: bool = False) -> None:
    """Draw the digests on the terminal."""
    from speechsum.render.terminal import render_terminal, speakers_table

    screen = console(color)
    for i, digest in enumerate(digests):
        if i:
            screen.print()
        if speakers:
            screen.print(speakers_table(digest))
        else:
            render_terminal(digest, screen)


def write_output(chunks: Iterable[str], output: str | None) -> None:
    """The chunks to stdout as they come, or atomically to the output file (not created when
    there is no chunk at all); a failure is a one-line error."""
    if output is None:
        for chunk in chunks:
            write_stdout(chunk)
        return
    try:
        # "replace": valid UTF-8 even if a lone surrogate ever slipped into a string.
        write_atomically(output, (chunk.encode("utf-8", "replace") for chunk in chunks))
    except FileNotFoundError:
        fail(f"{display_path(output)}: no such directory")
    except OSError as error:
        fail(f"{display_path(output)}: {describe_os_error(error)}")


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


def write_atomically(path: str, chunks: Iterable[bytes]) -> None:
    """Replace `path` with the chunks all at once, leaving no trace on failure; nothing
    happens to `path` when there are no chunks.

    Only regular files are replaced: `-o /dev/null` as root must not swap the device for a file,
    and `-o /dev/stdout` must reach the pipe.
    """
    pending = iter(chunks)
    first = next(pending, None)
    if first is None:
        return
    try:
        info: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(path)
        with open(path, "wb") as stream:
            stream.write(first)
            for chunk in pending:
                stream.write(chunk)
                stream.flush()
        return
    # Through a symlink, replace the file it points to rather than the link.
    path = os.path.realpath(path)
    directory = os.path.dirname(path)
    mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666
    fd, temporary = open_temporary(directory, mode)
    try:
        with open(fd, "wb") as stream:
            stream.write(first)
            for chunk in pending:
                stream.write(chunk)
            stream.flush()
            os.fsync(stream.fileno())
            if info is not None:
                # Creating applied the umask; an existing file keeps its own permissions.
                os.fchmod(stream.fileno(), mode)
            publish(stream.fileno(), temporary, path)
    except BaseException:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        raise
    fsync_directory(directory)


def open_temporary(directory: str, mode: int) -> tuple[int, str | None]:
    """A file to write the output in, beside it: unnamed where Linux can (O_TMPFILE), so
    that even SIGKILL or a power cut leaves nothing behind; else a short hidden name (a
    long output name must still fit), which a failure or a caught signal removes."""
    if hasattr(os, "O_TMPFILE") and os.path.isdir(PROC_FD):
        with contextlib.suppress(OSError):  # a file system without it, an old kernel
            return os.open(directory, os.O_TMPFILE | os.O_WRONLY, mode), None
    temporary = temporary_name(directory)
    return os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode), temporary


PROC_FD = "/proc/self/fd"


def link_unnamed(fd: int, path: str) -> None:
    """Give the unnamed file open as `fd` the name `path`, as open(2) shows: linkat() of
    /proc/self/fd/N following the link (os.link alone would call link(), which does not)."""
    proc = os.open(PROC_FD, os.O_RDONLY)
    try:
        os.link(str(fd), path, src_dir_fd=proc, follow_symlinks=True)
    finally:
        os.close(proc)


def temporary_name(directory: str) -> str:
    """A fresh hidden name in `directory`, 21 characters whatever the output is called."""
    return os.path.join(directory, f".speechsum-{os.urandom(3).hex()}.tmp")


def publish(fd: int, temporary: str | None, path: str) -> None:
    """Put the written file in place of `path` in one step."""
    if temporary is not None:
        os.replace(temporary, path)
        return
    with contextlib.suppress(FileExistsError):
        link_unnamed(fd, path)  # no file there yet: done
        return
    # link() cannot replace a file: give it a name for the instant before the rename.
    named = temporary_name(os.path.dirname(path))
    link_unnamed(fd, named)
    try:
        os.replace(named, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(named)
        raise


def fsync_directory(directory: str) -> None:
    """Make a rename durable; some systems cannot open directories, which is fine."""
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def quiet_stdout() -> None:
    """Point stdout at /dev/null so that flushing it at exit raises no second BrokenPipeError."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
