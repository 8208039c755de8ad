"""`speechsum show`: the report with each speaker's words marked, through CliRunner."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rich.console import Console

from speechsum.cli import ExitStatus
from speechsum.pipeline import build_digest
from speechsum.render.show import PALETTE
from speechsum.render.terminal import show_text
from test_cli import assert_failed, run

REPORT = (
    "Совещание прошло в понедельник.\n"
    "— Мост откроем в мае, — сообщил глава района Тимур Оспанов.\n"
    "Депутат Нина Громова заявила, что денег на ремонт хватит.\n"
)


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_show_marks_each_speakers_words_and_the_cue(report: Path) -> None:
    result = run("show", str(report), "-f", "text")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "[Тимур Оспанов] — Мост откроем в мае [/]" in out
    assert "{, — сообщил глава района Тимур Оспанов.}" in out
    assert "[Нина Громова] Депутат Нина Громова заявила" in out
    assert out.startswith("Совещание прошло в понедельник.")  # narration as it is


def test_show_explain_names_the_sieves(report: Path) -> None:
    out = run("show", str(report), "-f", "text", "--explain").stdout
    assert "[Тимур Оспанов (dash-paragraph ← cue-names, cue “, — сообщил" in out
    assert "(reported-speech ← verb-subject" in out


def test_show_one_speaker_by_another_name(report: Path) -> None:
    out = run("show", str(report), "-f", "text", "--speaker", "громова").stdout
    assert "[Нина Громова]" in out and "[Тимур Оспанов]" not in out
    assert_failed(run("show", str(report), "--speaker", "Иван Петров"), ExitStatus.ERROR,
                  "no speaker named")


class Spans(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.classes: list[str] = []
        self.tags: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        found = dict(attrs)
        self.classes += (found.get("class") or "").split()
        self.links += [v for k, v in attrs if k in ("src", "href") and v]


def test_show_as_html_is_one_self_contained_page(report: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    result = run("show", str(report), "-f", "html", "-o", str(page))
    assert result.exit_code == 0, result.output
    parsed = Spans()
    parsed.feed(page.read_text(encoding="utf-8"))
    assert parsed.classes.count("speaker-s1") >= 1 and parsed.classes.count("speaker-s2") >= 1
    assert "script" not in parsed.tags and parsed.links == []
    assert "cue" in parsed.classes and "narration" in parsed.classes


def test_show_on_a_terminal_colours_each_speaker() -> None:
    digest = build_digest(REPORT)
    console = Console(record=True, width=100, color_system="truecolor")
    console.print(show_text(REPORT, digest))
    page = console.export_html(inline_styles=True)
    assert PALETTE[0] in page and PALETTE[1] in page


def browser() -> str | None:
    return next((b for b in ("chromium", "chromium-browser", "google-chrome")
                 if shutil.which(b)), None)


@pytest.mark.skipif(browser() is None, reason="no headless Chromium on this machine "
                    "(Debian: apt install chromium)")
def test_the_html_page_in_a_real_browser(report: Path, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    assert run("show", str(report), "-f", "html", "-o", str(page)).exit_code == 0
    command = [str(browser()), "--headless", "--no-sandbox", "--disable-gpu"]
    dom = subprocess.run([*command, "--dump-dom", page.as_uri()], capture_output=True,
                         text=True, timeout=120, check=True).stdout
    assert 'class="speaker-s1"' in dom and 'class="speaker-s2"' in dom
    shot = tmp_path / "page.png"
    subprocess.run([*command, f"--screenshot={shot}", "--window-size=1000,700", page.as_uri()],
                   capture_output=True, timeout=120, check=True)
    assert shot.stat().st_size > 0
