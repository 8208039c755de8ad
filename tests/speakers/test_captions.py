"""Caption files: WebVTT voice tags and labels, SRT labels, turns and timings."""

from __future__ import annotations

from notation import attribute

from speechsum.model import Language
from speechsum.pipeline import build_digest

VTT = (
    "WEBVTT\n\n"
    "00:00:01.000 --> 00:00:04.000\n<v Anna Ivanova>Hello everyone, welcome.</v>\n\n"
    "00:00:04.500 --> 00:00:08.000\n<v Anna Ivanova>We have three items today.</v>\n\n"
    "00:00:08.500 --> 00:00:12.000\n<v Tom Baker>The budget is on track.</v>\n\n"
    "00:00:12.500 --> 00:00:15.000\nTom Baker: Travel cost less than planned.\n"
)

SRT = (
    "1\n00:00:01,000 --> 00:00:03,000\nИван Петров: Добрый день, коллеги.\n\n"
    "2\n00:00:03,500 --> 00:00:06,000\nАнна Смирнова: Здравствуйте, начнем с бюджета.\n"
)


def test_vtt_voices_and_labels() -> None:
    attribution = attribute(VTT, Language.EN)
    assert [s.name for s in attribution.speakers] == ["Anna Ivanova", "Tom Baker"]
    texts = [seg.text for seg in attribution.segments]
    assert texts == ["Hello everyone, welcome.", "We have three items today.",
                     "The budget is on track.", "Travel cost less than planned."]
    for seg in attribution.segments:
        assert VTT[seg.start : seg.end] == seg.text


def test_vtt_timings_and_turns() -> None:
    segments = attribute(VTT, Language.EN).segments
    assert [(s.start_time, s.end_time) for s in segments] == [
        (1.0, 4.0), (4.5, 8.0), (8.5, 12.0), (12.5, 15.0)]
    # Consecutive cues of one voice are one turn.
    assert [s.turn for s in segments] == [1, 1, 2, 2]
    digest = build_digest(VTT)
    assert [d.segments for d in digest.speakers] == [1, 1]


def test_srt_labels() -> None:
    attribution = attribute(SRT, Language.RU)
    assert [s.name for s in attribution.speakers] == ["Иван Петров", "Анна Смирнова"]
    assert attribution.segments[1].text == "Здравствуйте, начнем с бюджета."
    assert attribution.segments[1].start_time == 3.5


def test_broken_caption_falls_back_to_text() -> None:
    text = "WEBVTT\n\nthis is not a cue\nИВАНОВ: Добрый день.\nПЕТРОВ: Здравствуйте."
    names = [s.name for s in attribute(text, Language.RU).speakers]
    assert names == ["Иванов", "Петров"]
