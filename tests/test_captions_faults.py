"""Caption files with faults: a cue that cannot be read is skipped with a warning naming its
line, and every other cue keeps its voice, its times and its offsets (issue 15).

Each case is a bad cue's block: `vtt(bad_cue)` and `srt(bad_cue)` put it among five good
cues, and the bad cue's speaker ("Mallory") must be nowhere in what is read.
"""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from invariants import assert_invariants
from speechsum.cli import app
from speechsum.model import Digest
from speechsum.pipeline import build_digest
from speechsum.speakers.finders import captions
from speechsum.speakers.finders.captions import read_captions

runner = CliRunner()

# Speakers of the good cues, in order, and what each one says.
SAID = [
    ("Anna Ivanova", "Good morning, everyone, let us start with the launch schedule."),
    ("Tom Baker", "The payment tests failed on Friday, so the release moves."),
    ("Lena Cho", "Support can answer the refund questions by hand for a week."),
    ("Tom Baker", "Then the bank has to send its change by Wednesday."),
    ("Anna Ivanova", "Good, the twentieth stands, and thank you all for coming."),
]
NAMES = ["Anna Ivanova", "Tom Baker", "Lena Cho"]
BAD = "<v Mallory>Nobody should hear this line at all.</v>"
BAD_SRT = "Mallory: Nobody should hear this line at all."


def vtt(bad_cue: str | None = None, at: int = 2) -> str:
    """A WebVTT file of the good cues with `bad_cue` (its whole block) before cue `at`."""
    blocks = [f"00:00:{2 * i:02d}.000 --> 00:00:{2 * i + 1:02d}.500\n<v {who}>{words}</v>"
              for i, (who, words) in enumerate(SAID)]
    if bad_cue is not None:
        blocks.insert(at, bad_cue)
    return "WEBVTT\n\n" + "\n\n".join(blocks) + "\n"


def srt(bad_cue: str | None = None, at: int = 2) -> str:
    """An SRT file of the good cues with `bad_cue` (its whole block) before cue `at`."""
    blocks = [f"{i + 1}\n00:00:{2 * i:02d},000 --> 00:00:{2 * i + 1:02d},500\n{who}: {words}"
              for i, (who, words) in enumerate(SAID)]
    if bad_cue is not None:
        blocks.insert(at, bad_cue)
    return "\n\n".join(blocks) + "\n"


def line_of(text: str, fragment: str) -> int:
    """The number (from 1) of the line where `fragment` starts."""
    return text.count("\n", 0, text.index(fragment)) + 1


def names(digest: Digest) -> list[str]:
    return [d.speaker.name for d in digest.speakers]


def assert_good_cues_kept(text: str, digest: Digest) -> None:
    """Every good cue is one segment with its speaker and its times; offsets hold."""
    assert_invariants(text, digest)
    assert names(digest) == NAMES
    ids = {d.speaker.id: d.speaker.name for d in digest.speakers}
    read = [(ids[s.speaker], s.text, s.start_time) for s in digest.segments]
    assert read == [(who, words, float(2 * i)) for i, (who, words) in enumerate(SAID)]


# The bad cue, and why it cannot be read.
VTT_FAULTS = [
    ("00:00:03.000 -->\n" + BAD, "its timing line cannot be read"),
    ("00:00:03.000 -> 00:00:04.000\n" + BAD, "its timing line cannot be read"),
    ("00:00:03.000 --> 00:00:04.0001\n" + BAD, "its timing line cannot be read"),
    ("3\n00:00:03.000 --- 00:00:04.000\n" + BAD, "its timing line cannot be read"),
    ("00:0x:03.000 --> yesterday\n" + BAD, "its timing line cannot be read"),
    ("99999999:00:00.000 --> 99999999:00:01.000\n" + BAD, "its time is past 1000 hours"),
    ("9" * 5000 + ":00:00.000 --> 00:00:01.000\n" + BAD, "its time is past 1000 hours"),
    ("Mallory speaks now\n" + BAD, "it has no timing line"),
]
VTT_IDS = ["no-end-time", "broken-arrow", "end-time-runs-on", "identifier-then-bad-arrow",
           "garbage-timing-line", "huge-timestamp", "timestamp-too-long-to-count",
           "no-timing-line"]


@pytest.mark.parametrize(("bad_cue", "reason"), VTT_FAULTS, ids=VTT_IDS)
def test_vtt_bad_cue_is_skipped_with_its_line(bad_cue: str, reason: str) -> None:
    text = vtt(bad_cue)
    digest = build_digest(text)
    assert_good_cues_kept(text, digest)
    line = line_of(text, bad_cue)
    assert digest.warnings == (f"caption cue at line {line} skipped: {reason}",)


@pytest.mark.parametrize("at", [0, 5], ids=["first-cue", "last-cue"])
def test_vtt_bad_first_or_last_cue(at: int) -> None:
    bad_cue = "00:00:03.000 -> 00:00:04.000\n" + BAD
    text = vtt(bad_cue, at)
    digest = build_digest(text)
    assert_good_cues_kept(text, digest)
    assert digest.warnings == (
        f"caption cue at line {line_of(text, bad_cue)} skipped: its timing line cannot be read",)


def test_vtt_truncated_last_cue() -> None:
    text = vtt() + "\n00:00:1"
    digest = build_digest(text)
    assert_good_cues_kept(text, digest)
    assert digest.warnings == (
        f"caption cue at line {line_of(text, '00:00:1')} skipped: its timing line cannot be read",)


SRT_FAULTS = [
    ("3\n00:00:03,000 --> 00:00:xx,000\n" + BAD_SRT, "its timing line cannot be read"),
    ("3\n00:00:03,000 -> 00:00:04,000\n" + BAD_SRT, "its timing line cannot be read"),
    ("3\n00:00:03,000\n" + BAD_SRT, "its timing line cannot be read"),
    ("3\n" + BAD_SRT, "it has no timing line"),
    ("3\n99999999:00:00,000 --> 99999999:00:01,000\n" + BAD_SRT, "its time is past 1000 hours"),
]
SRT_IDS = ["bad-timestamp", "broken-arrow", "no-arrow", "no-timing-line", "huge-timestamp"]


@pytest.mark.parametrize(("bad_cue", "reason"), SRT_FAULTS, ids=SRT_IDS)
def test_srt_bad_cue_is_skipped_with_its_line(bad_cue: str, reason: str) -> None:
    text = srt(bad_cue)
    digest = build_digest(text)
    assert_good_cues_kept(text, digest)
    assert digest.warnings == (f"caption cue at line {line_of(text, bad_cue)} skipped: {reason}",)


def test_srt_bad_first_cue_is_still_srt() -> None:
    bad_cue = "1\n00:00:03,000 -> 00:00:04,000\n" + BAD_SRT
    text = srt(bad_cue, 0)
    digest = build_digest(text)
    assert_good_cues_kept(text, digest)
    assert digest.warnings == ("caption cue at line 1 skipped: its timing line cannot be read",)


@pytest.mark.parametrize("tail", ["6\n00:00:10,0", "6\n00:00:10,000 --> 00:0", "6"],
                         ids=["in-start-time", "in-end-time", "after-index"])
def test_srt_truncated_last_cue(tail: str) -> None:
    text = srt() + "\n" + tail
    digest = build_digest(text)
    assert_good_cues_kept(text, digest)
    reason = "it has no timing line" if tail == "6" else "its timing line cannot be read"
    line = text.count("\n") + 1 - tail.count("\n")
    assert digest.warnings == (f"caption cue at line {line} skipped: {reason}",)


def test_srt_cue_cut_after_its_timing_line_has_no_words_to_lose() -> None:
    text = srt() + "\n6\n00:00:10,000 --> 00:00:11,000\n"
    digest = build_digest(text)
    assert_good_cues_kept(text, digest)
    assert digest.warnings == ()


# Faults a reader can read through, losing nothing: no warning, every cue kept.
def read_through(text: str) -> None:
    digest = build_digest(text)
    assert_good_cues_kept(text, digest)
    assert digest.warnings == ()


def test_vtt_missing_blank_line_between_cues() -> None:
    text = vtt().replace("</v>\n\n00:00:04.000", "</v>\n00:00:04.000")
    assert "</v>\n00:00:04.000" in text
    read_through(text)


def test_srt_missing_blank_line_between_cues() -> None:
    text = srt().replace("moves.\n\n3\n", "moves.\n3\n")
    assert "moves.\n3\n00:00:04,000" in text
    read_through(text)


@pytest.mark.parametrize("index", ["x3", "3a", "", "-"],
                         ids=["letters", "trailing", "none", "dash"])
def test_srt_bad_index(index: str) -> None:
    text = srt().replace("\n\n3\n", f"\n\n{index}\n" if index else "\n\n")
    assert text.count("\n\n") == 4
    read_through(text)


def test_notes_styles_and_crlf_are_no_faults() -> None:
    text = vtt("NOTE written by hand\nover two lines", 1)
    text = text.replace("WEBVTT\n\n", "WEBVTT\n\nSTYLE\n::cue { color: yellow }\n\n")
    read_through(text)
    crlf = text.replace("\n", "\r\n")
    digest = build_digest(crlf)
    assert names(digest) == NAMES and digest.warnings == ()
    assert_invariants(crlf, digest)


def test_many_bad_cues_are_counted_after_the_first_few() -> None:
    blocks = [f"00:00:{i:02d}.000 -> 00:00:{i:02d}.500\n<v Mallory>Bad {i}." for i in range(8)]
    good = [f"00:01:{i:02d}.000 --> 00:01:{i:02d}.500\n<v {who}>{words}</v>"
            for i, (who, words) in enumerate(SAID * 2)]
    text = "WEBVTT\n\n" + "\n\n".join(good[:5] + blocks + good[5:]) + "\n"
    digest = build_digest(text)
    assert_invariants(text, digest)
    assert names(digest) == NAMES
    lines = [line_of(text, f"00:00:{i:02d}.000 ->") for i in range(8)]
    assert digest.warnings == (
        *(f"caption cue at line {n} skipped: its timing line cannot be read" for n in lines[:5]),
        f"3 more caption cues skipped, the last at line {lines[-1]}",
    )


def test_mostly_bad_file_is_read_as_plain_text() -> None:
    blocks = ["00:00:01.000 --> 00:00:02.000\n<v Anna Ivanova>Hello.</v>",
              *(f"00:00:0{i}.000 -> 00:00:0{i}.500\nTom Baker: Part {i} of the plan." for i in
                range(3, 6))]
    text = "WEBVTT\n\n" + "\n\n".join(blocks) + "\n"
    digest = build_digest(text)
    assert_invariants(text, digest)
    assert digest.warnings == (
        "most caption cues cannot be read (3 of 4, the first at line 6: its timing line cannot be"
        " read); the file is read as plain text",)
    # Read as text: no cue times, and the labels still name a speaker.
    assert all(s.start_time is None for s in digest.segments)
    assert "Tom Baker" in names(digest)


def test_half_bad_file_keeps_its_cues() -> None:
    text = ("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Anna Ivanova>Hello there.</v>\n\n"
            "00:00:03.000 -> 00:00:04.000\n<v Mallory>Not heard.</v>\n")
    digest = build_digest(text)
    assert names(digest) == ["Anna Ivanova"]
    assert digest.warnings == ("caption cue at line 6 skipped: its timing line cannot be read",)


def test_text_that_is_no_caption_file_has_no_warnings() -> None:
    assert build_digest("Anna Ivanova said the plan was ready.\n\n1\n2\n").warnings == ()


def test_captions_examples() -> None:
    failed, attempted = doctest.testmod(captions)
    assert attempted > 0 and failed == 0


# Through the command line: warnings on stderr, the digest on stdout.
def run(*args: str) -> Result:
    return runner.invoke(app, list(args), prog_name="speechsum")


@pytest.mark.parametrize("kind", ["vtt", "srt"])
def test_cli_warns_about_the_skipped_cue_and_keeps_the_speakers(kind: str,
                                                               tmp_path: Path) -> None:
    bad_cue = "7\n00:00:03.000 -> 00:00:04.000\n" + (BAD if kind == "vtt" else BAD_SRT)
    text = vtt(bad_cue) if kind == "vtt" else srt(bad_cue)
    path = tmp_path / f"meeting.{kind}"
    path.write_text(text, encoding="utf-8")
    result = run("summarize", str(path), "-f", "json")
    assert result.exit_code == 0, result.output
    wire = json.loads(result.stdout)
    assert [s["name"] for s in wire["speakers"]] == NAMES
    line = line_of(text, bad_cue)
    assert result.stderr == (
        f"speechsum: warning: {path}: caption cue at line {line} skipped: "
        "its timing line cannot be read\n")


def test_cli_mostly_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.vtt"
    path.write_text("WEBVTT\n\nthis is not a cue\nANNA IVANOVA: The plan is ready for today.\n"
                    "TOM BAKER: Then we start tomorrow morning.\n", encoding="utf-8")
    result = run("summarize", str(path), "-f", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["speakers"]
    assert result.stderr == (
        f"speechsum: warning: {path}: most caption cues cannot be read (1 of 1, the first at "
        "line 3: it has no timing line); the file is read as plain text\n")


def test_cli_show_prints_the_warning(tmp_path: Path) -> None:
    path = tmp_path / "meeting.vtt"
    bad_cue = "00:00:03.000 -->\n" + BAD
    text = vtt(bad_cue)
    path.write_text(text, encoding="utf-8")
    result = run("show", str(path), "-f", "text")
    assert result.exit_code == 0, result.output
    assert "Anna Ivanova" in result.stdout
    assert result.stderr == (f"speechsum: warning: {path}: caption cue at line "
                             f"{line_of(text, bad_cue)} skipped: its timing line cannot be read\n")


def test_cli_quiet_hides_the_warning(tmp_path: Path) -> None:
    path = tmp_path / "meeting.vtt"
    path.write_text(vtt("00:00:03.000 -->\n" + BAD), encoding="utf-8")
    result = run("summarize", str(path), "-f", "json", "--quiet")
    assert result.exit_code == 0 and result.stderr == ""


# Property: one garbage line anywhere after the header costs at most the cue it lands in.
GARBAGE = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_characters="\n"), max_size=40),
    st.sampled_from([
        "", " \t", "-->", "00:00:01.000 -->", "00:00:01.000 -> 00:00:02.000",
        "99999999:00:00.000 --> 99999999:00:01.000", "00:00:07.000 --> 00:00:08.000",
        "00:00:07,000 --> 00:00:08,000 X1:10", "NOTE added", "WEBVTT", "STYLE", "REGION", "12",
        "<v Mallory>Hello.", "Mallory: hi there.", "</v>", "\ufeff", "\r", "\u2028", "\x85",
    ]),
)
CUE_WORDS = st.lists(st.sampled_from(["plan", "budget", "road", "today", "we", "ready", "is"]),
                     min_size=1, max_size=6).map(lambda ws: " ".join(ws).capitalize() + ".")
CUE = st.tuples(st.sampled_from(NAMES), st.lists(CUE_WORDS, min_size=1, max_size=2),
                st.booleans(), st.booleans())


def caption_file(cues: list[tuple[str, list[str], bool, bool]], kind: str) -> tuple[str, list[
        tuple[int, int]]]:
    """A valid caption file of the cues, and the lines (from 0) each cue's block spans."""
    lines = ["WEBVTT", ""] if kind == "vtt" else []
    spans = []
    for i, (who, said, voice_tag, identifier) in enumerate(cues):
        first = len(lines)
        if identifier or kind == "srt":
            lines.append(str(i + 1))
        sep = "." if kind == "vtt" else ","
        lines.append(f"00:{i // 60:02d}:{i % 60:02d}{sep}000 --> 00:{i // 60:02d}:{i % 60:02d}"
                     f"{sep}900")
        if voice_tag and kind == "vtt":
            lines.append(f"<v {who}>{said[0]}")
        else:
            lines.append(f"{who}: {said[0]}")
        lines.extend(said[1:])
        spans.append((first, len(lines) - 1))
        lines.append("")
    return "\n".join(lines), spans


def cues_read(text: str) -> list[tuple[str | None, str, float, float]]:
    return [(c.speaker, text[c.start : c.end], c.start_time, c.end_time)
            for c in read_captions(text).cues]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(CUE, min_size=1, max_size=6), st.sampled_from(["vtt", "srt"]), GARBAGE,
       st.data())
def test_a_garbage_line_costs_at_most_the_cue_it_lands_in(
    cues: list[tuple[str, list[str], bool, bool]], kind: str, garbage: str, data: st.DataObject
) -> None:
    text, spans = caption_file(cues, kind)
    lines = text.split("\n")
    at = data.draw(st.integers(1 if kind == "vtt" else 0, len(lines)), label="at")
    broken = "\n".join([*lines[:at], garbage, *lines[at:]])
    before, after = cues_read(text), cues_read(broken)
    assert len(before) == len(cues)
    for cue, (first, last) in zip(before, spans, strict=True):
        # Before its first line (an identifier) to right after its last (more of its text).
        if not first <= at <= last + 1:
            assert cue in after, (cue, at)
    assert len(read_captions(broken).warnings) <= 1
    assert_invariants(broken, build_digest(broken))
