"""Kazakh word lists for attribution: data only."""

from __future__ import annotations

# Kazakh speech words are matched as written (pymorphy3 has no Kazakh): "деді", "деп атап өтті".
SPEECH_WORDS = frozenset(
    """
    деді деп дейді айтты айтады мәлімдеді түсіндірді атап өтті тоқталды күлді хабарлады
    жеткізді білдірді ескертті сөйледі мәлімдейді түсіндіреді
    """.split()
)
