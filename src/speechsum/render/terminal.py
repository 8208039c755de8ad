"""A digest drawn with rich: a header, then one panel per speaker; the only module importing rich.

Input text never reaches rich as markup: everything from the report goes in as `Text`,
after `printable` has defused control characters.
"""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from speechsum.model import Digest, Kind, Span, SpeakerDigest
from speechsum.render import REPORTED, Sources, as_said, one_line, plural, printable
from speechsum.render.markdown import counts
from speechsum.render.timing import stamp

# Panels stop at a readable width, however wide the terminal.
WIDTH = 100


def render_terminal(digest: Digest, console: Console) -> None:
    """Print the digest to `console`."""
    console.print(header(digest))
    if not digest.speakers:
        console.print(Text("No speakers found.", style="yellow"))
    sources = Sources(digest)
    for item in digest.speakers:
        console.print(speaker_panel(item, digest, sources), width=min(console.width, WIDTH))
    if digest.narration is not None:
        body: RenderableType = bullets(digest.narration)
        if not digest.narration:
            body = Text("(nothing to summarize)", style="dim")
        console.print(Panel(body, title=Text("Narration", style="bold"), title_align="left"),
                      width=min(console.width, WIDTH))


def header(digest: Digest) -> Text:
    """Source, language, algorithm and number of speakers."""
    text = Text(one_line(digest.source or "<text>"), style="bold")
    text.append(
        f"  {digest.language.value} · {digest.algorithm} · "
        f"{plural(len(digest.speakers), 'speaker')}",
        style="dim",
    )
    return text


def speaker_panel(item: SpeakerDigest, digest: Digest | None = None,
                  sources: Sources | None = None) -> Panel:
    """One speaker: name as the title; role, aliases, counts and the summary inside."""
    speaker = item.speaker
    parts: list[RenderableType] = []
    if speaker.role:
        parts.append(Text(one_line(speaker.role), style="italic"))
    if speaker.aliases:
        parts.append(Text("Also named: " + ", ".join(one_line(a) for a in speaker.aliases)))
    parts.append(Text(counts(item), style="dim"))
    if item.keywords:
        parts.append(Text("About: " + ", ".join(one_line(k) for k in item.keywords)))
    if item.summary:
        parts += [Text(""), bullets(item.summary, digest, sources)]
    title = Text(one_line(speaker.name), style="bold cyan")
    return Panel(Group(*parts), title=title, title_align="left")


def bullets(spans: tuple[Span, ...], digest: Digest | None = None,
            sources: Sources | None = None) -> Table:
    """Summary sentences as a bulleted list whose wrapped lines hang under the text; caption
    files show when each sentence is said; quoted words in quotation marks, a paraphrase
    with a dim "reported" tag."""
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True)
    table.add_column(overflow="fold")
    if digest is not None and sources is None:
        sources = Sources(digest)
    for span in spans:
        when = stamp(digest, span) if digest is not None else ""
        kind = sources.kind(span) if sources is not None else None
        language = digest.language if digest is not None else None
        line = Text(when + (as_said(span.text, kind, language) if language else one_line(
            span.text)))
        if kind is Kind.INDIRECT:
            line.append(f" {REPORTED}", style="dim italic")
        table.add_row(Text("•"), line)
    return table


def speakers_table(digest: Digest) -> Table:
    """The speakers of a digest as a table (`speechsum speakers`)."""
    from speechsum.render.speakers import COLUMNS, cells, speaker_rows

    table = Table(title=Text(one_line(digest.source or "<text>"), style="bold"),
                  title_justify="left")
    for k, column in enumerate(COLUMNS):
        table.add_column(column, justify="right" if k >= 3 else "left",
                         style="bold cyan" if k == 0 else None, overflow="fold")
    for row in speaker_rows(digest):
        table.add_row(*(Text(c) for c in cells(row)))
    return table


def show_text(text: str, digest: Digest, only: set[str] | None = None,
              explain: bool = False) -> Group:
    """`speechsum show`: a legend, then the text with each speaker's words in their colour,
    cues and narration dimmed; with `explain`, each segment's evidence after it."""
    from speechsum.render.show import PALETTE, evidence, pieces, speakers_by_id

    names = speakers_by_id(digest)
    legend = Text()
    for sid, (k, speaker) in names.items():
        if only is None or sid in only:
            legend.append(f"■ {one_line(speaker.name)}  ", style=PALETTE[k % len(PALETTE)])
    body = Text()
    for piece in pieces(text, digest, only):
        words = printable(text[piece.start : piece.end])
        if piece.role == "speech" and piece.speaker is not None and piece.segment is not None:
            body.append(words, style=PALETTE[names[piece.speaker][0] % len(PALETTE)])
            if explain:
                body.append(f" ⟨{evidence(digest.segments[piece.segment])}⟩", style="dim")
        else:
            body.append(words, style="dim italic" if piece.role == "cue" else "dim")
    return Group(header(digest), legend, Text(""), body)

