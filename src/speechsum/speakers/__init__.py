"""Speaker attribution: who says which part of the text."""

from speechsum.speakers.attribute import attribute_speakers

__all__ = ["attribute_speakers"]
