"""speechsum: who said what in a report of a meeting, summarized per speaker.

>>> from speechsum import DigestOptions, build_digest
>>> text = ("Аким района Иван Петров выступил на сессии маслихата. «Ремонт дорог начнётся в мае."
...         " Бюджет на ремонт увеличен вдвое. Подрядчики уже выбраны», — сказал Петров.")
>>> digest = build_digest(text, DigestOptions(sentences=1, topic="бюджет"))
>>> [(item.speaker.name, [span.text for span in item.summary]) for item in digest.speakers]
[('Иван Петров', ['Бюджет на ремонт увеличен вдвое.'])]

`digest_to_json(digest)` gives the digest's JSON wire shape as dicts and lists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

__all__ = [
    "Digest",
    "DigestOptions",
    "Language",
    "__version__",
    "build_digest",
    "digest_to_json",
]

if TYPE_CHECKING:
    from speechsum.model import Digest, DigestOptions, Language
    from speechsum.pipeline import build_digest
    from speechsum.render.json import digest_to_json


def __getattr__(name: str) -> Any:
    """The public names, each imported on first use."""
    # Lazy: `speechsum --version` and `--help` must not pay for pymorphy3 or numpy.
    if name == "build_digest":
        from speechsum.pipeline import build_digest

        return build_digest
    if name == "digest_to_json":
        from speechsum.render.json import digest_to_json

        return digest_to_json
    if name in {"Digest", "DigestOptions", "Language"}:
        from speechsum import model

        return getattr(model, name)
    raise AttributeError(f"module 'speechsum' has no attribute {name!r}")
