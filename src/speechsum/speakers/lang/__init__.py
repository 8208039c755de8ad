"""Language bundles: each language's lexicon and conventions behind one interface."""

from __future__ import annotations

from speechsum.model import Language
from speechsum.speakers.lang.base import Conventions
from speechsum.speakers.lang.en import English
from speechsum.speakers.lang.kk import Kazakh
from speechsum.speakers.lang.ru import Russian

CONVENTIONS: dict[Language, Conventions] = {
    Language.RU: Russian(),
    Language.KK: Kazakh(),
    Language.EN: English(),
}

__all__ = ["CONVENTIONS", "Conventions"]
