"""Many inputs to digests: paths and folders expanded, each read, converted and digested,
in worker processes for many files, with an outcome per input in input order.

What the CLI and the Dask path share; nothing here prints or exits.
"""

from __future__ import annotations

import errno
import fnmatch
import functools
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from speechsum.reading import InputError, decode_input, read_path

if TYPE_CHECKING:
    from speechsum.model import Digest, DigestOptions

# Set it to see the traceback of an internal error instead of a one-line report.
TRACEBACK_VARIABLE = "SPEECHSUM_TRACEBACK"
STDIN = "<stdin>"


def decodable(path: str) -> str:
    """`path` as given, but with bytes that are not UTF-8 as U+FFFD, so output can encode it.

    Whatever the locale: under LC_ALL=C the command line comes as surrogate escapes of its
    bytes, which this turns back into the UTF-8 they were; a path already decoded stays.
    """
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def source_name(path: str) -> str:
    """What a digest calls its input: the path, or <stdin> for '-'."""
    return STDIN if path == "-" else decodable(path)


# What a folder argument reads unless --glob says otherwise: reports, pages, documents and
# captions, in any case.
TEXT_LIKE = ("*.txt", "*.text", "*.md", "*.html", "*.htm", "*.xhtml", "*.docx", "*.vtt", "*.srt")


@dataclass(frozen=True)
class Item:
    """One input: a path (or '-'), or a folder that had nothing to read (`problem`)."""

    path: str
    problem: str = ""


def expand_paths(paths: Sequence[str], patterns: Sequence[str] = ()) -> list[Item]:
    """The inputs in order, each folder replaced by its files matching `patterns` (the
    text-like ones by default), in all subfolders, sorted, hidden ones left out."""
    wanted = tuple(p.lower() for p in patterns) or TEXT_LIKE
    items = []
    for path in paths:
        if path == "-" or not os.path.isdir(path):
            items.append(Item(path))
            continue
        found = list(walk(path, wanted))
        if not found:
            looked = ", ".join(wanted)
            items.append(Item(path, f"no files matching {looked} in this folder"))
        items.extend(Item(f) for f in found)
    return items


def walk(folder: str, patterns: Sequence[str]) -> Iterator[str]:
    """Files under `folder` whose names match one of `patterns`, sorted by their path."""
    found = []
    for directory, subfolders, names in os.walk(folder):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        for name in names:
            lowered = name.lower()
            if not name.startswith(".") and any(fnmatch.fnmatchcase(lowered, p)
                                                for p in patterns):
                relative = os.path.relpath(os.path.join(directory, name), folder)
                found.append(relative.split(os.sep))
    for parts in sorted(found):
        yield os.path.join(folder, *parts)


@dataclass(frozen=True)
class Report:
    """An input read and made text: the text, what it was converted from, and warnings."""

    text: str
    kind: str = "text"
    warnings: tuple[str, ...] = ()


def read_report(path: str, max_bytes: int) -> Report:
    """Read `path` ('-' is stdin) and turn it into text: pages and documents are converted,
    text files decoded; InputError when that cannot be done."""
    from speechsum.convert import convert, input_kind

    data = read_path(path, max_bytes)
    kind = input_kind("" if path == "-" else path, data)
    if kind == "text":
        decoded = decode_input(data)
        return Report(decoded.text, warnings=tuple(filter(None, [decoded.warning])))
    converted = convert(data, kind)
    return Report(converted.text, kind, tuple(filter(None, [converted.warning])))


def language_warnings(text: str, options: DigestOptions) -> tuple[str, ...]:
    """A warning when the text is in none of our languages, or not in the one forced."""
    from speechsum.language_guard import forced_language_mismatch, unsupported_language

    if options.language is None:
        found = unsupported_language(text)
    else:
        found = forced_language_mismatch(text, options.language)
    return (found,) if found else ()


@dataclass(frozen=True)
class Outcome:
    """What became of one input: a digest and perhaps warnings, or no digest and the error."""

    digest: Digest | None
    error: str = ""
    warnings: tuple[str, ...] = field(default=())
    # The topic words nothing its speakers say matches.
    unmatched: tuple[str, ...] = ()


def digest_input(item: Item, options: DigestOptions, max_bytes: int) -> Outcome:
    """The digest of one input, or the message of the error that kept it from being made."""
    if item.problem:
        return Outcome(None, item.problem)
    try:
        report = read_report(item.path, max_bytes)
    except InputError as error:
        return Outcome(None, error.message)
    return digest_report(report, source_name(item.path), options)


def digest_report(report: Report, source: str, options: DigestOptions) -> Outcome:
    """The digest of an input already read (named `source`), or the message of the error
    that kept it from being made."""
    try:
        from speechsum.pipeline import build_digest

        warnings = report.warnings + language_warnings(report.text, options)
        digest = build_digest(report.text, options, source)
        warnings += digest.warnings
        if report.kind != "text":
            digest = replace(digest, input_format=report.kind, text=report.text)
        from speechsum.keywords import unmatched_topic

        return Outcome(digest, warnings=warnings, unmatched=unmatched_topic(digest, options.topic))
    except Exception as error:
        if out_of_memory(error):
            return Outcome(None, "not enough memory to digest this input; try a smaller file")
        # A bug, not a bad input: one line that says so, and the other inputs still go on.
        if os.environ.get(TRACEBACK_VARIABLE):
            raise
        from speechsum.render import one_line

        what = one_line(f"{type(error).__name__}: {error}")[:200]
        return Outcome(
            None, f"internal error ({what}); please report it ({TRACEBACK_VARIABLE}=1 shows more)"
        )


def out_of_memory(error: BaseException) -> bool:
    """Whether `error`, or what caused it, is memory running out: a MemoryError, or a library
    that could not be loaded for want of memory (numpy's ImportError, ENOMEM)."""
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, MemoryError) or getattr(seen, "errno", None) == errno.ENOMEM:
            return True
        if isinstance(seen, ImportError) and any(
                phrase in str(seen).lower() for phrase in MEMORY_PHRASES):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


# How the dynamic loader and numpy say that memory ran out.
MEMORY_PHRASES = ("cannot allocate memory", "failed to map segment", "memory")


def map_digests(items: Sequence[Item], options: DigestOptions, max_bytes: int, jobs: int
                ) -> Iterable[Outcome]:
    """`digest_input` of each item, in order; in up to `jobs` worker processes for several
    files, where a worker that dies is retried and, if it keeps dying, reported."""
    from speechsum.workers import map_ordered

    work = functools.partial(digest_input, options=options, max_bytes=max_bytes)
    # Only this process can read stdin.
    if jobs <= 1 or len(items) <= 1 or any(i.path == "-" for i in items):
        return map(work, items)
    return map_ordered(work, items, jobs, worker_died)


def worker_died(item: Item) -> Outcome:
    """The outcome of an input whose worker process died each time it was digested."""
    return Outcome(None, "the worker process digesting it died, twice (killed, or out of "
                         "memory?); the other inputs went on")
