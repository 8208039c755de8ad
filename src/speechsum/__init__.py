"""speechsum: who said what in a report of a meeting, summarized per speaker."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["Digest", "DigestOptions", "Language", "__version__", "build_digest"]

if TYPE_CHECKING:
    from speechsum.model import Digest, DigestOptions, Language
    from speechsum.pipeline import build_digest


def __getattr__(name: str) -> Any:
    # Lazy: `speechsum --version` and `--help` must not pay for pymorphy3 or sumy.
    if name == "build_digest":
        from speechsum.pipeline import build_digest

        return build_digest
    if name in {"Digest", "DigestOptions", "Language"}:
        from speechsum import model

        return getattr(model, name)
    raise AttributeError(name)
