"""Extractive summaries with sumy over our own units: no parsers, no NLTK data, no downloads."""

from __future__ import annotations

import functools
import importlib
import math
import re
import warnings
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from speechsum.model import DigestOptions, Language, Span

if TYPE_CHECKING:
    import numpy as np

# sumy's own tokenizer keeps tokens made of letters (with inner hyphens and apostrophes).
WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
# A topic may also be a number or contain one: "2050", "COVID-19".
TERM = re.compile(r"\w+(?:['-]\w+)*")


@dataclass(frozen=True)
class Method:
    """Where sumy keeps a summarizer class; imported on first use, as sumy costs 0.8 s."""

    module: str
    name: str


METHODS: dict[str, Method] = {
    "lexrank": Method("sumy.summarizers.lex_rank", "LexRankSummarizer"),
    "lsa": Method("sumy.summarizers.lsa", "LsaSummarizer"),
    "luhn": Method("sumy.summarizers.luhn", "LuhnSummarizer"),
    "textrank": Method("sumy.summarizers.text_rank", "TextRankSummarizer"),
    "edmundson": Method("sumy.summarizers.edmundson", "EdmundsonSummarizer"),
    "kl": Method("sumy.summarizers.kl", "KLSummarizer"),
    "sumbasic": Method("sumy.summarizers.sum_basic", "SumBasicSummarizer"),
    "reduction": Method("sumy.summarizers.reduction", "ReductionSummarizer"),
}
DEFAULT_METHOD = "lexrank"


def summarize_units(
    units: Sequence[Span], language: Language, options: DigestOptions
) -> tuple[Span, ...]:
    """The best `options.sentences` (or `options.ratio`) units, in document order.

    With `options.topic`, units containing a topic word (compared by stem, so "Послания"
    matches the topic "Послание") come before all others; each group keeps the algorithm's
    order. The summary is thus on topic when the speaker touched it at all, and filled with
    the algorithm's best otherwise.
    """
    if options.algorithm not in METHODS:
        raise ValueError(
            f"unknown algorithm {options.algorithm!r}; expected one of: {', '.join(METHODS)}"
        )
    count = summary_size(len(units), options)
    if count >= len(units):
        return tuple(units)
    if count <= 0:
        return ()
    ranking = rank_units(units, language, options.algorithm, options.topic)
    if options.topic:
        ranking = prefer_topic(units, ranking, language, options.topic)
    return tuple(units[i] for i in sorted(ranking[:count]))


def summary_size(total: int, options: DigestOptions) -> int:
    """How many units the summary of `total` units takes."""
    if options.ratio is not None:
        return max(1, round(options.ratio * total))
    return options.sentences


def rank_units(
    units: Sequence[Span], language: Language, algorithm: str, topic: Sequence[str] = ()
) -> list[int]:
    """Indices of all units from best to worst by a sumy summarizer; ties in document order."""
    summarizer = build_summarizer(algorithm, language, topic)
    document = build_document(units)
    rated: list[tuple[float, int]] = []

    def keep_all(infos: list[Any]) -> list[Any]:
        # sumy hands a callable count every rated sentence; `order` is its index.
        rated.extend((rounded(info.rating), info.order) for info in infos)
        return infos

    with warnings.catch_warnings():
        # LSA warns when there are fewer words than sentences; numpy about 0/0 in LexRank.
        warnings.simplefilter("ignore")
        summarizer(document, keep_all)
    # Rounding makes near-equal scores equal, so that the order of float sums (which can
    # depend on set order) never decides; position does.
    rated.sort(key=lambda pair: (-pair[0], pair[1]))
    ranking = [index for _, index in rated]
    # LSA returns nothing when every word is a stop word.
    seen = set(ranking)
    return ranking + [i for i in range(len(units)) if i not in seen]


def rounded(rating: float) -> float:
    """A rating fit to compare: 9 decimals, NaN as the worst."""
    value = float(rating)
    return -math.inf if math.isnan(value) else round(value, 9)


def prefer_topic(
    units: Sequence[Span], ranking: list[int], language: Language, topic: Sequence[str]
) -> list[int]:
    """`ranking` with the units that mention a topic stem moved to the front."""
    stems = {stem for phrase in topic for stem in stem_words(phrase, language)}
    on_topic = [i for i in ranking if stems.intersection(stem_words(units[i].text, language))]
    chosen = set(on_topic)
    return on_topic + [i for i in ranking if i not in chosen]


def build_summarizer(algorithm: str, language: Language, topic: Sequence[str] = ()) -> Any:
    """A configured sumy summarizer: our stemmer and stop words, determinism fixes."""
    method = METHODS.get(algorithm)
    if method is None:
        raise ValueError(f"unknown algorithm {algorithm!r}; expected one of: {', '.join(METHODS)}")
    summarizer_class = getattr(importlib.import_module(method.module), method.name)
    stemmer = functools.partial(stem_word, language=language)
    if algorithm == "edmundson":
        # Our units have no headings and we keep no cue lexicon, so Edmundson rates by
        # location, plus topic words as its "key" words when a topic is given.
        summarizer = summarizer_class(
            stemmer, cue_weight=0, key_weight=1 if topic else 0, title_weight=0, location_weight=1
        )
        summarizer.null_words = stop_words(language)
        summarizer.bonus_words = [word for phrase in topic for word in find_words(phrase)]
    else:
        summarizer = summarizer_class(stemmer)
        summarizer.stop_words = stop_words(language)
    tune = TUNING.get(algorithm)
    if tune is not None:
        tune(summarizer)
    return summarizer


def build_document(units: Sequence[Span]) -> Any:
    """sumy's document model of the units, one sentence each, in one paragraph."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph

    sentence_class = unit_sentence_class()
    sentences = []
    for index, unit in enumerate(units):
        sentence = sentence_class(unit.text, TOKENIZER)
        sentence.index = index
        sentences.append(sentence)
    return ObjectDocumentModel([Paragraph(sentences)])


@functools.cache
def unit_sentence_class() -> Any:
    """sumy's Sentence made equal only to itself, so that two equal lines stay two."""
    from sumy.models.dom import Sentence

    class UnitSentence(Sentence):  # type: ignore[misc]
        __slots__ = ("index",)

        def __eq__(self, other: object) -> bool:
            return self is other

        def __hash__(self) -> int:
            # The index, not the text: equal lines must not share a key in sumy's ratings.
            return int(self.index)

    return UnitSentence


class WordTokenizer:
    """What sumy's Sentence asks of a tokenizer: `to_words`, here without NLTK's punkt."""

    def to_words(self, text: str) -> tuple[str, ...]:
        """Letter tokens of `text`."""
        return tuple(find_words(text))


TOKENIZER = WordTokenizer()


def find_words(text: str) -> list[str]:
    """Letter tokens of `text`, with typographic apostrophes made plain ("don’t")."""
    return WORD.findall(text.replace("’", "'"))


def stem_words(text: str, language: Language) -> list[str]:
    """Stems of the words and numbers of `text`, as topic matching compares them."""
    return [stem_word(term, language) for term in TERM.findall(text.replace("’", "'"))]


@functools.lru_cache(maxsize=1 << 16)
def stem_word(word: str, language: Language) -> str:
    """The lowercase stem of a word, as summarizers and topic matching compare words."""
    word = word.lower()
    if language is Language.KK:
        return truncate_kazakh(word)
    # Snowball's Russian stemmer leaves "ё" alone, so "её" and "ее" would differ.
    return snowball_stemmer(language)(word.replace("ё", "е"))


@functools.cache
def snowball_stemmer(language: Language) -> Callable[[str], str]:
    """NLTK's Snowball stemmer for Russian or English; pure code, no data download."""
    from nltk.stem.snowball import EnglishStemmer, RussianStemmer

    stemmer = RussianStemmer() if language is Language.RU else EnglishStemmer()
    stem: Callable[[str], str] = stemmer.stem
    return stem


# Snowball has no Kazakh. Kazakh is agglutinative and its endings are ambiguous without a
# lexicon ("президент|і" or "президен|ті"), so suffix strippers conflate one word's forms
# inconsistently; the first five letters do it consistently ("Президенттің", "Президентке"
# -> "прези"), a baseline about as good as a lemmatizer in Turkish retrieval (Can et al.,
# "Information retrieval on Turkish texts", 2008).
KAZAKH_PREFIX = 5


def truncate_kazakh(word: str) -> str:
    """The first KAZAKH_PREFIX letters of `word`.

    >>> truncate_kazakh("президенттерінің")
    'прези'
    """
    return word[:KAZAKH_PREFIX]


@functools.cache
def stop_words(language: Language) -> frozenset[str]:
    """Function words the summarizers ignore, from the package's data files."""
    path = resources.files("speechsum") / "data" / f"stopwords-{language.value}.txt"
    return frozenset(line.strip() for line in path.read_text("utf-8").splitlines() if line.strip())


# sumy's LexRank, TextRank, Reduction, LSA and KL loop in Python over all pairs of
# sentences (KL over all pairs at each pick): 1,000 units take 6 s to 5 min. The functions
# below replace those loops, on the summarizer instance, with numpy over the same formulas.


def tune_lexrank(summarizer: Any) -> None:
    """LexRank with idf counted in one pass and cosines from a sparse Gram matrix."""

    def compute_idf(sentences: list[list[str]]) -> dict[str, float]:
        frequencies = Counter(term for words in sentences for term in dict.fromkeys(words))
        return {term: math.log(len(sentences) / (1 + n)) for term, n in frequencies.items()}

    def create_matrix(
        sentences: list[list[str]],
        threshold: float,
        tf_metrics: list[dict[str, float]],
        idf_metrics: dict[str, float],
    ) -> np.ndarray:
        import numpy as np

        rows = [{term: tf * idf_metrics[term] for term, tf in m.items()} for m in tf_metrics]
        gram = gram_matrix(rows)
        norms = np.sqrt(np.diagonal(gram))
        denominators = np.outer(norms, norms)
        cosines = np.divide(gram, denominators, out=np.zeros_like(gram), where=denominators > 0)
        adjacency = (cosines > threshold).astype(float)
        degrees = adjacency.sum(axis=1)
        degrees[degrees == 0] = 1
        matrix: np.ndarray = adjacency / degrees[:, np.newaxis]
        return matrix

    summarizer._compute_idf = compute_idf
    summarizer._create_matrix = create_matrix


def tune_textrank(summarizer: Any) -> None:
    """TextRank's edge weights (shared words over summed log lengths) from a Gram matrix."""

    def create_matrix(document: Any) -> np.ndarray:
        import numpy as np

        words = [summarizer._to_words_set(sentence) for sentence in document.sentences]
        weights = overlap_weights(words)
        weights /= weights.sum(axis=1)[:, np.newaxis] + summarizer._ZERO_DIVISION_PREVENTION
        n = len(words)
        damping = summarizer.damping
        matrix: np.ndarray = np.full((n, n), (1.0 - damping) / n) + damping * weights
        return matrix

    summarizer._create_matrix = create_matrix


def tune_reduction(summarizer: Any) -> None:
    """Reduction's ratings (sums of overlap edges to other sentences) from a Gram matrix."""

    def rate_sentences(document: Any) -> dict[Any, float]:
        import numpy as np

        sentences = document.sentences
        words = [summarizer._to_words_set(sentence) for sentence in sentences]
        # Reduction, unlike TextRank, gives a single-word pair no edge.
        weights = overlap_weights(words, single_word_edges=False)
        np.fill_diagonal(weights, 0.0)
        return dict(zip(sentences, weights.sum(axis=1).tolist(), strict=True))

    summarizer.rate_sentences = rate_sentences


def overlap_weights(words: list[list[str]], single_word_edges: bool = True) -> np.ndarray:
    """Shared word count over log(len1) + log(len2) for every pair, as TextRank defines it."""
    import numpy as np

    shared = gram_matrix([Counter(w) for w in words])
    logs = np.log(np.maximum([len(w) for w in words], 1)).astype(float)
    norms = logs[:, np.newaxis] + logs[np.newaxis, :]
    single = np.isclose(norms, 0.0) if single_word_edges else norms == 0.0
    safe = np.where(single, 1.0, norms)
    weights: np.ndarray = np.where(single, shared if single_word_edges else 0.0, shared / safe)
    return weights


def gram_matrix(rows: Sequence[Mapping[str, float]]) -> np.ndarray:
    """`W @ W.T` for rows given as {term: weight}, summed term by term over sparse postings."""
    import numpy as np

    n = len(rows)
    postings: dict[str, tuple[list[int], list[float]]] = {}
    diagonal = np.zeros(n)
    for i, row in enumerate(rows):
        for term, weight in row.items():
            indices, weights = postings.setdefault(term, ([], []))
            indices.append(i)
            weights.append(weight)
            diagonal[i] += weight * weight
    gram = np.zeros((n, n))
    for indices, weights in postings.values():
        if len(indices) > 1:
            vector = np.array(weights, dtype=float)
            gram[np.ix_(indices, indices)] += np.outer(vector, vector)
    np.fill_diagonal(gram, diagonal)
    return gram


def tune_lsa(summarizer: Any) -> None:
    """LSA with rows in sorted stem order (sumy takes a frozenset's), numpy for the loops."""

    def create_dictionary(document: Any) -> dict[str, int]:
        words = (summarizer.normalize_word(word) for word in document.words)
        stems = {summarizer.stem_word(w) for w in words if w not in summarizer.stop_words}
        return {stem: row for row, stem in enumerate(sorted(stems))}

    def compute_term_frequency(matrix: np.ndarray, smooth: float = 0.4) -> np.ndarray:
        maxima = matrix.max(axis=0)
        columns = maxima != 0
        matrix[:, columns] = smooth + (1.0 - smooth) * matrix[:, columns] / maxima[columns]
        return matrix

    def compute_ranks(sigma: np.ndarray, v_matrix: np.ndarray) -> list[float]:
        import numpy as np

        dimensions = max(summarizer.MIN_DIMENSIONS, int(len(sigma) * summarizer.REDUCTION_RATIO))
        powered = np.where(np.arange(len(sigma)) < dimensions, sigma**2, 0.0)
        ranks: list[float] = np.sqrt(powered @ v_matrix**2).tolist()
        return ranks

    summarizer._create_dictionary = create_dictionary
    summarizer._compute_term_frequency = compute_term_frequency
    summarizer._compute_ranks = compute_ranks


def tune_kl(summarizer: Any) -> None:
    """KL-Sum's greedy picks with every candidate's divergence updated in one numpy pass.

    sumy's quirks are kept: the summary's words enter the joint distribution as written
    (case kept, stop words too), the candidates' words lowercased and without stop words.
    """

    def compute_ratings(sentences: Sequence[Any]) -> dict[Any, int]:
        import numpy as np

        doc_freq = summarizer.compute_tf(sentences)
        vocabulary = {word: column for column, word in enumerate(doc_freq)}
        freq = np.array(list(doc_freq.values()), dtype=float)
        freq_log_freq = freq * np.log(freq) if len(freq) else freq
        owners: list[int] = []
        columns: list[int] = []
        counts: list[int] = []
        lengths: list[int] = []
        summary_columns: list[list[int]] = []
        summary_lengths: list[int] = []
        for i, sentence in enumerate(sentences):
            content = summarizer._get_content_words_in_sentence(sentence)
            lengths.append(len(content))
            for word, times in Counter(content).items():
                if word in vocabulary:
                    owners.append(i)
                    columns.append(vocabulary[word])
                    counts.append(times)
            raw = sentence.words
            summary_columns.append([vocabulary[w] for w in raw if w in vocabulary])
            summary_lengths.append(len(raw))
        n = len(sentences)
        owner = np.array(owners, dtype=int)
        column = np.array(columns, dtype=int)
        count = np.array(counts, dtype=float)
        length = np.array(lengths, dtype=float)
        f = freq[column]
        f_log_f = freq_log_freq[column]
        summary = np.zeros(len(freq))
        summary_length = 0
        picked = np.zeros(n, dtype=bool)
        ratings: dict[Any, int] = {}
        for step in range(n):
            # KL_i = sum over words w of sentence i or the summary, with f(w) > 0, of
            # f(w) * log(f(w) / joint_i(w)); the summary's part is shared by every i.
            in_summary = summary > 0
            shared = freq[in_summary]
            shared_f_log_f = float(freq_log_freq[in_summary].sum())
            shared_f_log_s = float((shared * np.log(summary[in_summary])).sum())
            shared_f = float(shared.sum())
            s = summary[column]
            own = s == 0
            own_f_log_f = np.bincount(owner, np.where(own, f_log_f, 0.0), n)
            own_f = np.bincount(owner, np.where(own, f, 0.0), n)
            f_log_s = np.where(own, 0.0, f * np.log(np.where(own, 1.0, s)))
            f_log_joint = np.bincount(owner, f * np.log(count + s) - f_log_s, n)
            total = length + summary_length
            divergence = (
                shared_f_log_f
                + own_f_log_f
                - shared_f_log_s
                - f_log_joint
                + np.log(np.maximum(total, 1.0)) * (shared_f + own_f)
            )
            divergence[total == 0] = 0.0
            divergence[picked] = np.inf
            # Rounded so that sentences sumy finds equal are equal here too: first wins.
            best = int(np.argmin(np.round(divergence, 9)))
            picked[best] = True
            ratings[sentences[best]] = -step
            np.add.at(summary, summary_columns[best], 1.0)
            summary_length += summary_lengths[best]
        return ratings

    summarizer._compute_ratings = compute_ratings


TUNING: dict[str, Callable[[Any], None]] = {
    "lexrank": tune_lexrank,
    "textrank": tune_textrank,
    "reduction": tune_reduction,
    "lsa": tune_lsa,
    "kl": tune_kl,
}
