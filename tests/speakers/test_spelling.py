"""Latin look-alikes in Cyrillic words: read as Cyrillic, given back as written."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from notation import attribute

from speechsum.model import Language
from speechsum.speakers.spelling import reading_text

SCHWA_TEXT = ("Жиында аудан əкімі Серік Кəрімов жұмыстарды баяндап, жоспармен таныстырды.\n"
              "Ауыл тұрғыны Ақмарал Əлиева жол мəселесін сұрады.")


def test_schwa_and_latin_letters_read_as_cyrillic() -> None:
    assert reading_text("əкімі Кəрімов") == "әкімі Кәрімов"
    assert reading_text("бiрақ") == "бірақ"  # a Latin "i" inside a Cyrillic word
    assert reading_text("Tengrinews.kz хабарлайды") == "Tengrinews.kz хабарлайды"


def test_text_without_look_alikes_is_the_same_object() -> None:
    text = "Аким района сказал, что мост готов."
    assert reading_text(text) is text


@given(st.text(alphabet="əƏiIaoceрсаәі кд.,\n", max_size=60))
def test_reading_keeps_every_offset(text: str) -> None:
    assert len(reading_text(text)) == len(text)


def test_speakers_are_found_and_spelt_as_written() -> None:
    attribution = attribute(SCHWA_TEXT, Language.KK)
    names = {s.name for s in attribution.speakers}
    assert names == {"Серік Кəрімов", "Ақмарал Əлиева"}
    roles = {s.name: s.role for s in attribution.speakers}
    assert roles["Серік Кəрімов"] == "аудан əкімі"
    for segment in attribution.segments:
        assert segment.text == SCHWA_TEXT[segment.start : segment.end]
        if segment.cue is not None:
            assert segment.cue.text == SCHWA_TEXT[segment.cue.start : segment.cue.end]
