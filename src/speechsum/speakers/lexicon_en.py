"""English word lists for attribution: data only."""

from __future__ import annotations

SPEECH_VERBS = frozenset(
    """
    said says say told tells added adds argued argues claimed claims warned warns stated states
    explained explains noted notes insisted insists acknowledged acknowledges asked asks
    answered answers replied replies responded responds suggested suggests announced announces
    declared declares wrote writes tweeted tweets called urged urges predicted predicts
    contended contends countered counters complained complains conceded concedes admitted
    admits recalled recalls observed observes emphasized emphasizes stressed stresses
    continued continues testified testifies vowed vows promised promises praised praises
    criticized criticizes blasted blasts accused accuses denied denies confirmed confirms
    """.split()
)

PRONOUNS = {"he": "masc", "she": "femn", "they": "plur"}
