"""Extractive summaries over our own units: sumy's algorithms, redone with numpy.

sumy is the reference: each `rank_*` function below ranks units as one sumy summarizer does
(tests compare them on every algorithm, `rank_with_sumy` runs sumy itself), but the builtin
engine never imports sumy; the "sumy" engine (an optional extra) runs sumy's summarizers over
the same units instead, to the same picks. Importing sumy costs more than a whole article's
digest (its stemmers pull in nltk, which imports scipy.stats), its summarizers loop in
Python over all pairs of sentences (1,000 units take 5 s to 5 min), and even its linear
ones, Luhn and Edmundson, stem every token again for every sentence. Here a segment's words
become a term matrix once - dense numpy for small segments, scipy.sparse past DENSE_ENTRIES -
and every pairwise sum is a matrix product, in blocks, so that no n x n matrix of floats is
ever held for big segments.

Where sumy's answer is arbitrary, ours is deterministic: scores that differ only in the last
bits of a float (equal sentences, sums taken in set order, LSA's rows in frozenset order) count
as equal, and equal scores go in document order.
"""

from __future__ import annotations

import functools
import importlib
import math
import re
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from speechsum.model import DigestOptions, Language, Span

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    Floats = npt.NDArray[np.float64]
    Ints = npt.NDArray[np.int64]
    Bools = npt.NDArray[np.bool_]

# sumy's own tokenizer keeps tokens made of letters (with inner hyphens and apostrophes).
WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
# A topic may also be a number or contain one: "2050", "COVID-19".
TERM = re.compile(r"\w+(?:['-]\w+)*")

# Term matrices with more cells than this are sparse (scipy, imported then); smaller ones are
# dense numpy, which is faster on them and keeps scipy's import (0.1-0.2 s) off short texts.
DENSE_ENTRIES = 10_000
# Cells of one block of a similarity matrix, LexRank's only pairwise step (8 bytes each).
BLOCK_ENTRIES = 4_000_000
# Links of LexRank's graph kept between passes (5 bytes each); more are recomputed instead.
KEPT_LINKS = 16_000_000
# Scores are compared at this many decimals of the best score: closer scores are equal, and
# equal scores rank in document order.
PRECISION = 10


@dataclass(frozen=True)
class Method:
    """One algorithm: our ranking and the sumy summarizer whose ranking it reproduces."""

    rank: Callable[[Words], Iterator[int]]
    module: str
    name: str


DEFAULT_METHOD = "lexrank"

def summarize_units(
    units: Sequence[Span], language: Language, options: DigestOptions
) -> tuple[Span, ...]:
    """The best `options.sentences` (or `options.ratio`) units, in document order.

    With `options.topic`, units containing a topic word (compared by stem, so "Послания"
    matches the topic "Послание") come before all others; each group keeps the algorithm's
    order. The summary is thus on topic when the speaker touched it at all, and filled with
    the algorithm's best otherwise. Either engine ranks; the rest is the same for both.
    """
    rank = build_ranker(options.algorithm, language, options.topic, options.engine)
    count = summary_size(len(units), options)
    if count >= len(units):
        return tuple(units)
    if options.algorithm == "edmundson" and not options.topic:
        # Without key words Edmundson ranks by location alone: no words to read.
        ranking = rank_by_location(len(units))
    elif options.algorithm in BY_ROUNDS and len(units) > ROUND_SIZE * 2:
        ranking = rank_in_rounds(units, rank, count)
    else:
        ranking = rank(units)
    if options.topic:
        stems = {stem for phrase in options.topic for stem in stem_words(phrase, language)}
        on_topic = [bool(stems.intersection(stem_words(u.text, language))) for u in units]
        chosen = pick_on_topic(ranking, count, on_topic)
    else:
        chosen = [next(ranking) for _ in range(count)]
    return tuple(units[i] for i in sorted(chosen))


Ranker = Callable[[Sequence[Span]], Iterator[int]]


def build_ranker(algorithm: str, language: Language, topic: Sequence[str] = (),
                 engine: str = "builtin") -> Ranker:
    """A function from units to their indices best first, by `algorithm` as `engine` runs it:
    "builtin" (ours) or "sumy" (sumy's summarizer and nltk's stemmer; MissingExtraError
    when sumy is not installed). Both give the same ranking where the two Snowballs agree."""
    method = find_method(algorithm)
    if engine == "sumy":
        require_sumy()
        return lambda units: iter(rank_with_sumy(
            units, language, algorithm, topic, first_of_equals=True, sumy_stemmer=True))
    return lambda units: method.rank(read_words(units, language, topic))


# LexRank links every pair of similar sentences, so one speaker repeating himself costs time
# quadratic in his sentences. Past 2 x ROUND_SIZE sentences it runs in rounds: each block of
# ROUND_SIZE consecutive sentences puts forward its best, and a final round ranks those.
# Linear time; the picks equal sumy's up to that size, and are an approximation beyond it.
BY_ROUNDS = frozenset({"lexrank"})
ROUND_SIZE = 2000


def rank_in_rounds(units: Sequence[Span], rank: Ranker, count: int) -> Iterator[int]:
    """The ranking in two rounds: blocks of ROUND_SIZE, then their best together."""
    finalists: list[int] = []
    for first in range(0, len(units), ROUND_SIZE):
        ranking = rank(units[first : first + ROUND_SIZE])
        finalists.extend(first + i for _, i in zip(range(count * 4), ranking, strict=False))
    ranked = [finalists[i] for i in rank([units[i] for i in finalists])]
    chosen = set(ranked)
    return iter(ranked + [i for i in range(len(units)) if i not in chosen])


def find_method(algorithm: str) -> Method:
    """The method registered under `algorithm`; ValueError naming the choices otherwise."""
    method = METHODS.get(algorithm)
    if method is None:
        raise ValueError(f"unknown algorithm {algorithm!r}; expected one of: {', '.join(METHODS)}")
    return method


def summary_size(total: int, options: DigestOptions) -> int:
    """How many units the summary of `total` units takes."""
    if options.ratio is not None:
        return max(1, round(options.ratio * total))
    return options.sentences


def pick_on_topic(ranking: Iterator[int], count: int, on_topic: Sequence[bool]) -> list[int]:
    """The first `count` of `ranking` with on-topic units moved to the front.

    Reads the ranking only as far as needed, since greedy methods compute it one pick at a time.
    """
    wanted = sum(on_topic)
    if wanted >= count:
        return [i for i, _ in zip((i for i in ranking if on_topic[i]), range(count), strict=False)]
    others = (i for i in ranking if not on_topic[i])
    return [i for i, flag in enumerate(on_topic) if flag] + [
        i for i, _ in zip(others, range(count - wanted), strict=False)
    ]


def rank_units(
    units: Sequence[Span], language: Language, algorithm: str, topic: Sequence[str] = ()
) -> list[int]:
    """Indices of all units from best to worst; equal scores in document order."""
    method = find_method(algorithm)
    if not units:
        return []
    return list(method.rank(read_words(units, language, topic)))


# Words: what every algorithm reads, computed once per segment.


@dataclass(frozen=True)
class Words:
    """The units' tokens as integer ids, with what the algorithms ask of each distinct form.

    `unit` and `form` run over every token in document order; the other arrays are indexed by
    form id. sumy filters stop words after lowercasing everywhere but in KL, which filters the
    words as written and lowercases the rest (`raw_stop`), and KL alone does not stem (`lower`).
    """

    count: int
    unit: Ints
    form: Ints
    stop: Bools
    raw_stop: Bools
    stem: Ints
    lower: Ints
    lowercase: Bools
    bonus: frozenset[int]

    @property
    def stems(self) -> int:
        """How many distinct stems there are."""
        return int(self.stem.max()) + 1 if len(self.stem) else 0


def read_words(units: Sequence[Span], language: Language, topic: Sequence[str] = ()) -> Words:
    """Tokens of the units, their stems and stop-word flags; `topic` words as bonus stems."""
    import numpy as np

    forms: dict[str, int] = {}
    ids: list[int] = []
    lengths: list[int] = []
    for unit in units:
        tokens = find_words(unit.text)
        ids.extend([forms.setdefault(token, len(forms)) for token in tokens])
        lengths.append(len(tokens))
    stops = stop_words(language)
    stem_ids: dict[str, int] = {}
    lower_ids: dict[str, int] = {}
    stop, raw_stop, stem, lower, lowercase = [], [], [], [], []
    for form in forms:
        low = form.lower()
        lowercase.append(low == form)
        stop.append(low in stops)
        raw_stop.append(form in stops)
        stem.append(stem_ids.setdefault(stem_word(low, language), len(stem_ids)))
        lower.append(lower_ids.setdefault(low, len(lower_ids)))
    bonus = {stem_word(w, language) for phrase in topic for w in find_words(phrase)}
    return Words(
        count=len(units),
        unit=np.repeat(np.arange(len(units)), lengths),
        form=np.array(ids, dtype=np.int64),
        stop=np.array(stop, dtype=bool),
        raw_stop=np.array(raw_stop, dtype=bool),
        stem=np.array(stem, dtype=np.int64),
        lower=np.array(lower, dtype=np.int64),
        lowercase=np.array(lowercase, dtype=bool),
        bonus=frozenset(stem_ids[s] for s in bonus if s in stem_ids),
    )


def find_words(text: str) -> list[str]:
    """Letter tokens of `text`, with typographic apostrophes made plain ("don’t")."""
    return WORD.findall(text.replace("’", "'"))


def stem_words(text: str, language: Language) -> list[str]:
    """Stems of the words and numbers of `text`, as topic matching compares them."""
    return [stem_word(term, language) for term in TERM.findall(text.replace("’", "'"))]


@functools.lru_cache(maxsize=1 << 17)
def stem_word(word: str, language: Language) -> str:
    """The lowercase stem of a word, as summarizers and topic matching compare words."""
    word = word.lower()
    if language is Language.KK:
        return truncate_kazakh(word)
    # "её" and "ее" are one word.
    return snowball_stemmer(language)(word.replace("ё", "е"))


@functools.cache
def snowball_stemmer(language: Language) -> Callable[[str], str]:
    """Snowball's Russian or English stemmer from PyStemmer (C, no nltk, no data download)."""
    import Stemmer

    stem: Callable[[str], str] = Stemmer.Stemmer(
        "russian" if language is Language.RU else "english"
    ).stemWord
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


# Matrices: dense while small, sparse past DENSE_ENTRIES; both multiply with `@`.


def count_terms(rows: Ints, columns: Ints) -> tuple[Ints, Ints, Floats]:
    """Distinct (row, column) pairs, sorted, with how often each occurs."""
    import numpy as np

    width = int(columns.max()) + 1 if len(columns) else 1
    keys, counts = np.unique(rows * width + columns, return_counts=True)
    return keys // width, keys % width, counts.astype(float)


def build_matrix(rows: Ints, columns: Ints, values: Floats, shape: tuple[int, int]) -> Any:
    """A matrix with `values` at (rows, columns): numpy when small, scipy CSR when large."""
    import numpy as np

    # Dense only when the n x n products of the rows are small too.
    if shape[0] * max(shape) <= DENSE_ENTRIES:
        dense = np.zeros(shape)
        np.add.at(dense, (rows, columns), values)
        return dense
    from scipy import sparse

    return sparse.csr_array((values, (rows, columns)), shape=shape)


def to_array(matrix: Any) -> Any:
    """A numpy array of a dense or sparse matrix."""
    return matrix if not hasattr(matrix, "toarray") else matrix.toarray()


def row_sums(matrix: Any) -> Floats:
    """Sums of a dense or sparse matrix's rows as a flat array."""
    import numpy as np

    return np.asarray(matrix.sum(axis=1), dtype=float).ravel()


def order(scores: Iterable[float]) -> list[int]:
    """Indices from the best score to the worst; NaN last, near-equal scores in index order."""
    import numpy as np

    values = np.array(list(scores), dtype=float)
    values[np.isnan(values)] = -np.inf
    finite = np.isfinite(values)
    scale = float(np.abs(values[finite]).max()) if finite.any() else 0.0
    if scale > 0:
        values[finite] = np.round(values[finite] / scale, PRECISION)
    ranking: list[int] = np.lexsort((np.arange(len(values)), -values)).tolist()
    return ranking


def content_terms(words: Words) -> tuple[Ints, Ints, Floats]:
    """(unit, stem, count) of the words that are not stop words, as sumy's `_to_words_set`."""
    keep = ~words.stop[words.form]
    return count_terms(words.unit[keep], words.stem[words.form[keep]])


# LexRank, TextRank, Reduction: sums over pairs of sentences as matrix products.


def rank_lexrank(words: Words) -> Iterator[int]:
    """LexRank: the power method over sentences joined when their tf-idf cosine > 0.1."""
    import numpy as np

    n = words.count
    rows, columns, counts = content_terms(words)
    top = np.zeros(n)
    np.maximum.at(top, rows, counts)
    frequencies = np.bincount(columns, minlength=words.stems)
    idf = np.log(n / (1.0 + frequencies))
    weights = counts / top[rows] * idf[columns]
    norms = np.sqrt(np.bincount(rows, weights * weights, n))
    unit = np.divide(weights, norms[rows], out=np.zeros_like(weights), where=norms[rows] > 0)
    vectors = build_matrix(rows, columns, unit, (n, words.stems))
    links = Links(vectors)
    degrees = links.times(np.ones(n))
    degrees[degrees == 0] = 1
    scores = np.full(n, 1.0 / n)
    change = 1.0
    with np.errstate(invalid="ignore", divide="ignore"):
        while change > 0.1:
            step = links.times(scores / degrees)
            step /= np.linalg.norm(step)
            # NaN when no sentence has a word: the loop ends as sumy's does, order by position.
            change = float(np.linalg.norm(step - scores))
            scores = step
    return iter(order(scores))


class Links:
    """LexRank's graph: units are linked when the cosine of their unit-length rows > 0.1.

    The graph is built a block of rows at a time, at most BLOCK_ENTRIES cosines at once, and
    kept while it has at most KEPT_LINKS links; a larger one is rebuilt for each product.
    sumy's power method stops after two or three products (its epsilon is 0.1), so memory
    stays flat for one huge speaker at the price of a few passes over the pairs.
    """

    def __init__(self, vectors: Any, threshold: float = 0.1) -> None:
        self.vectors = vectors
        self.transposed = vectors.T.tocsr() if hasattr(vectors, "tocsr") else vectors.T
        self.threshold = threshold
        self.kept: list[tuple[int, Any]] | None = None

    def blocks(self) -> Iterator[tuple[int, Any]]:
        """(first row, 0/1 links of a block of rows), kept on the first pass when small."""
        if self.kept is not None:
            yield from self.kept
            return
        n = self.vectors.shape[0]
        size = max(1, BLOCK_ENTRIES // max(n, 1))
        kept: list[tuple[int, Any]] | None = []
        stored = 0
        for start in range(0, n, size):
            block = (self.vectors[start : start + size] @ self.transposed) > self.threshold
            stored += block.nnz if hasattr(block, "nnz") else block.size
            kept = kept if kept is not None and stored <= KEPT_LINKS else None
            if kept is not None:
                kept.append((start, block))
            yield start, block
        self.kept = kept

    def times(self, v: Floats) -> Floats:
        """A.T @ v for the 0/1 link matrix A (symmetric, so also A @ v)."""
        import numpy as np

        total = np.zeros(len(v))
        for start, block in self.blocks():
            total += block.T @ v[start : start + block.shape[0]]
        return total


@dataclass(frozen=True)
class Overlaps:
    """TextRank's and Reduction's edge weights without the n x n matrix.

    The weight of two sentences is their shared word count over log(len1) + log(len2). The
    shared counts are the Gram matrix C @ C.T of word counts; the divisor depends only on the
    two lengths, of which a segment has a few dozen. So W @ q is a sum over length classes b
    of (C @ (C_b.T @ q_b)) / (log len + log b): linear in the number of sentences.
    """

    counts: Any
    classes: Ints
    divisors: Floats

    def times(self, q: Floats) -> Floats:
        """W @ q for a vector q over sentences."""
        import numpy as np

        width = self.divisors.shape[1]
        by_class = np.zeros((len(q), width))
        by_class[np.arange(len(q)), self.classes] = q
        shared = to_array(self.counts @ to_array(self.counts.T @ by_class))
        weighted: Floats = np.divide(
            shared, self.divisors, out=np.zeros_like(shared), where=self.divisors != 0
        ).sum(axis=1)
        return weighted


def overlaps(words: Words, single_word_edges: bool) -> tuple[Overlaps, Floats, Floats]:
    """The overlap weights of the units, each unit's weight to itself, and their lengths."""
    import numpy as np

    n = words.count
    rows, columns, counts = content_terms(words)
    lengths = np.bincount(rows, counts, n).astype(float)
    sizes, classes = np.unique(lengths, return_inverse=True)
    logs = np.log(np.maximum(lengths, 1.0))
    divisors = logs[:, np.newaxis] + np.log(np.maximum(sizes, 1.0))[np.newaxis, :]
    # Two one-word sentences: TextRank takes the shared count as the weight, Reduction 0.
    single = np.isclose(divisors, 0.0) if single_word_edges else divisors == 0.0
    divisors[single] = 1.0 if single_word_edges else 0.0
    matrix = build_matrix(rows, columns, counts, (n, words.stems))
    own = np.bincount(rows, counts * counts, n).astype(float)
    return Overlaps(matrix, classes.ravel(), divisors), own, lengths


def rank_textrank(words: Words) -> Iterator[int]:
    """TextRank: PageRank with damping 0.85 over the overlap weights, rows normalised."""
    import numpy as np

    n = words.count
    weights, _, _ = overlaps(words, single_word_edges=True)
    damping = 0.85
    totals = weights.times(np.ones(n)) + 1e-7
    scores = np.full(n, 1.0 / n)
    change = 1.0
    while change > 1e-4:
        step = (1.0 - damping) / n * scores.sum() + damping * weights.times(scores / totals)
        change = float(np.linalg.norm(step - scores))
        scores = step
    return iter(order(scores))


def rank_reduction(words: Words) -> Iterator[int]:
    """Reduction: each unit's summed overlap weights to the other units."""
    import numpy as np

    weights, own, lengths = overlaps(words, single_word_edges=False)
    # sumy sums over pairs of two different units: take away each unit's edge to itself,
    # C_ii / (2 log len), which a one-word unit does not have.
    divisor = 2 * np.log(np.maximum(lengths, 1.0))
    self_edge = np.divide(own, divisor, out=np.zeros_like(own), where=lengths > 1)
    return iter(order(weights.times(np.ones(words.count)) - self_edge))


# LSA, Luhn, Edmundson: scores one unit at a time.


def rank_lsa(words: Words) -> Iterator[int]:
    """LSA: the length of each unit's column in sumy's smoothed term-by-sentence matrix.

    sumy ranks by sqrt(sum over k of sigma_k^2 * v_k^2) over all singular values (its
    REDUCTION_RATIO is 1), which is the length of the column: A = U S V^T with orthonormal U.
    So no SVD is needed, and the answer no longer hangs on the frozenset order of sumy's rows.
    """
    import numpy as np

    n = words.count
    content = np.zeros(words.stems, dtype=bool)
    content[words.stem[words.form[~words.stop[words.form]]]] = True
    size = int(content.sum())
    if size == 0:
        return iter(range(n))
    # Stop words count too when their stem is a content stem, as in sumy's matrix.
    stems = words.stem[words.form]
    keep = content[stems]
    rows, _, counts = count_terms(words.unit[keep], stems[keep])
    top = np.zeros(n)
    np.maximum.at(top, rows, counts)
    smoothed = 0.4 + 0.6 * counts / top[rows]
    squares = size * 0.16 + np.bincount(rows, smoothed * smoothed - 0.16, n)
    return iter(order(np.where(top > 0, np.sqrt(squares), 0.0)))


def rank_luhn(words: Words, gap: int = 4) -> Iterator[int]:
    """Luhn: each unit's best cluster of significant words (stems said more than once).

    sumy reads each unit's words in turn: a chunk starts at a significant word and ends after
    `gap` insignificant ones, and rates significant count^2 / length without the trailing
    insignificant words (0 for one significant word). So chunks are runs of significant
    words less than `gap` + 1 apart in one unit, rated here all at once.
    """
    import numpy as np

    stems = words.stem[words.form]
    content = ~words.stop[words.form]
    significant = np.bincount(stems[content], minlength=words.stems) > 1
    where = np.flatnonzero(significant[stems])
    scores = np.zeros(words.count)
    if len(where):
        unit = words.unit[where]
        starts = np.flatnonzero(
            np.concatenate(([True], (np.diff(where) > gap) | (np.diff(unit) != 0)))
        )
        ends = np.append(starts[1:], len(where)) - 1
        count = (ends - starts + 1).astype(float)
        length = (where[ends] - where[starts] + 1).astype(float)
        rating = np.where(count > 1, count * count / length, 0.0)
        np.maximum.at(scores, unit[starts], rating)
    return iter(order(scores))


def rank_edmundson(words: Words) -> Iterator[int]:
    """Edmundson by location (first and last unit score 2, the others 1), plus key words.

    Our units have no headings and we keep no cue lexicon, so only location counts, and the
    topic's stems as "key" words when there are any: units score one per occurrence of a key
    stem said at least half as often as the most frequent one.
    """
    import numpy as np

    n = words.count
    if not words.bonus:
        return rank_by_location(n)
    scores = np.ones(n)
    scores[0] += 1
    scores[-1] += 1
    # Bonus stems are those of the topic that occur, so `frequency` has a maximum above 0.
    stems = words.stem[words.form]
    bonus = np.isin(stems, np.array(sorted(words.bonus)))
    frequency = np.bincount(stems[bonus], minlength=words.stems)
    key = frequency / frequency.max() > 0.5
    scores += np.bincount(words.unit[key[stems]], minlength=n)
    return iter(order(scores))


def rank_by_location(count: int) -> Iterator[int]:
    """Edmundson's location ranking of `count` units: the first, the last, then the rest."""
    if count > 1:
        yield 0
        yield count - 1
        yield from range(1, count - 1)
    elif count == 1:
        yield 0


# KL-Sum and SumBasic: greedy, one pick at a time, each a pass over the words.


def rank_kl(words: Words) -> Iterator[int]:
    """KL-Sum: add the unit that brings the summary's words closest to the segment's, and repeat.

    sumy's quirks are kept: the segment's distribution counts the words that are not stop
    words as written (so "И" counts, "и" does not), lowercased; candidates' words are
    lowercased first; the summary's words enter the joint distribution as written, so the
    capitalised ones match nothing. Picks are made one at a time, as they are read.
    """
    import numpy as np

    n = words.count
    raw = ~words.raw_stop[words.form]
    lower = words.lower[words.form]
    freq = np.bincount(lower[raw], minlength=len(words.raw_stop)).astype(float)
    freq /= max(int(raw.sum()), 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        freq_log_freq = np.where(freq > 0, freq * np.log(freq), 0.0)
    content = ~words.stop[words.form]
    owner, column, count = count_terms(words.unit[content], lower[content])
    keep = freq[column] > 0
    owner, column, count = owner[keep], column[keep], count[keep]
    length = np.bincount(words.unit[content], minlength=n).astype(float)
    # A summary word only matches the distribution when written in lowercase.
    lowercase = words.lowercase[words.form]
    bounds = np.searchsorted(words.unit, np.arange(n + 1))
    f = freq[column]
    f_log_f = freq_log_freq[column]
    summary = np.zeros(len(freq))
    summary_length = 0
    picked = np.zeros(n, dtype=bool)
    for _ in range(n):
        # KL_i = sum over words w of unit i or the summary, with f(w) > 0, of
        # f(w) * log(f(w) / joint_i(w)); the summary's part is shared by every i.
        in_summary = summary > 0
        shared = freq[in_summary]
        with np.errstate(divide="ignore", invalid="ignore"):
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
        best = first_best(-divergence, picked, KL_FLOOR)
        picked[best] = True
        yield best
        a, b = bounds[best], bounds[best + 1]
        matches = lower[a:b][lowercase[a:b]]
        np.add.at(summary, matches[freq[matches] > 0], 1.0)
        summary_length += b - a


# A divergence is a sum of terms of order 1 that cancel when the summary matches the text
# (0 in sumy, 1e-17 or so in our rearranged sum): divergences this close are equal.
KL_FLOOR = 1e-12


def first_best(scores: Floats, taken: Bools, floor: float = 0.0) -> int:
    """The first untaken index whose score equals the best untaken one, to PRECISION digits
    of it, or within `floor` of it (for scores that may be 0 give or take rounding)."""
    import numpy as np

    values = np.where(taken, -np.inf, scores)
    top = float(values.max())
    if not np.isfinite(top):
        return int(np.argmin(taken))
    tolerance = max(abs(top) * 10.0**-PRECISION, floor)
    return int(np.argmax(values >= top - tolerance))


def rank_sumbasic(words: Words) -> Iterator[int]:
    """SumBasic: take the unit of highest mean word probability, square its words', repeat.

    A word's probability is squared once per occurrence in the unit taken, as sumy does.
    """
    import numpy as np

    n = words.count
    rows, columns, counts = content_terms(words)
    total = counts.sum()
    probability = np.bincount(columns, counts, words.stems) / max(total, 1.0)
    length = np.bincount(rows, counts, n)
    matrix = build_matrix(rows, columns, counts, (n, words.stems))
    bounds = np.searchsorted(rows, np.arange(n + 1))
    picked = np.zeros(n, dtype=bool)
    for _ in range(n):
        mean = np.divide(matrix @ probability, length, out=np.zeros(n), where=length > 0)
        best = first_best(mean, picked)
        picked[best] = True
        yield best
        a, b = bounds[best], bounds[best + 1]
        for column, times in zip(columns[a:b].tolist(), counts[a:b].tolist(), strict=True):
            for _ in range(int(times)):
                probability[column] *= probability[column]


METHODS: dict[str, Method] = {
    "lexrank": Method(rank_lexrank, "sumy.summarizers.lex_rank", "LexRankSummarizer"),
    "lsa": Method(rank_lsa, "sumy.summarizers.lsa", "LsaSummarizer"),
    "luhn": Method(rank_luhn, "sumy.summarizers.luhn", "LuhnSummarizer"),
    "textrank": Method(rank_textrank, "sumy.summarizers.text_rank", "TextRankSummarizer"),
    "edmundson": Method(rank_edmundson, "sumy.summarizers.edmundson", "EdmundsonSummarizer"),
    "kl": Method(rank_kl, "sumy.summarizers.kl", "KLSummarizer"),
    "sumbasic": Method(rank_sumbasic, "sumy.summarizers.sum_basic", "SumBasicSummarizer"),
    "reduction": Method(rank_reduction, "sumy.summarizers.reduction", "ReductionSummarizer"),
}


# sumy itself: the "sumy" engine, and the reference for tests and benchmarks.


class MissingExtraError(RuntimeError):
    """The sumy engine was asked for, but sumy or nltk is not installed."""


SUMY_MISSING = "the sumy engine needs the sumy extra: pip install 'speechsum[sumy]'"


def require_sumy() -> None:
    """Import sumy and nltk (its stemmers' Snowball), or raise MissingExtraError."""
    try:
        for name in ("sumy", "nltk"):
            importlib.import_module(name)
    except ImportError as error:
        raise MissingExtraError(SUMY_MISSING) from error


def rank_with_sumy(
    units: Sequence[Span],
    language: Language,
    algorithm: str,
    topic: Sequence[str] = (),
    first_of_equals: bool = False,
    sumy_stemmer: bool = False,
) -> list[int]:
    """What `rank_units` computes, by sumy's own summarizer over the same units and stems.

    `sumy_stemmer` gives sumy its own stemmer, as it runs out of the box (nltk's Snowball,
    which stems every token anew; Kazakh, which sumy has none for, keeps ours): the same
    stems but for the few words where nltk's Snowball is older (see the tests), at sumy's
    own speed. By default sumy stems with ours, which is memoised.

    sumy's greedy methods (KL, SumBasic) take the first best candidate by exact float
    comparison, so among candidates that are equal ("погода тёплая" and "спасибо за работу"
    when every word occurs once) the last bits of differently ordered sums choose.
    `first_of_equals` makes them take the first of the candidates equal to PRECISION digits,
    as ours do; the rest of sumy's algorithm is left as it is.
    """
    summarizer = build_summarizer(algorithm, language, topic, sumy_stemmer)
    if first_of_equals and algorithm == "kl":
        summarizer._find_index_of_best_sentence = lambda kls: first_best(
            -np_array(kls), np_array([False] * len(kls)), KL_FLOOR
        )
    if first_of_equals and algorithm == "sumbasic":
        average = summarizer._compute_average_probability_of_words
        summarizer._find_index_of_best_sentence = lambda freq, sentences: first_best(
            np_array([average(freq, words) for words in sentences]),
            np_array([False] * len(sentences)),
        )
    document = build_document(units)
    ratings: dict[int, float] = {}

    def keep_all(infos: list[Any]) -> list[Any]:
        # sumy hands a callable count every rated sentence; `order` is its index.
        ratings.update((info.order, float(info.rating)) for info in infos)
        return infos

    with warnings.catch_warnings():
        # LSA warns when there are fewer words than sentences; numpy about 0/0 in LexRank.
        warnings.simplefilter("ignore")
        summarizer(document, keep_all)
    # LSA rates nothing when every word is a stop word.
    return order(ratings.get(i, -math.inf) for i in range(len(units)))


def build_summarizer(
    algorithm: str, language: Language, topic: Sequence[str] = (), sumy_stemmer: bool = False
) -> Any:
    """A sumy summarizer configured as our methods are: our stop words, and our stemmer
    unless `sumy_stemmer` asks for sumy's own."""
    method = find_method(algorithm)
    summarizer_class = getattr(importlib.import_module(method.module), method.name)
    stemmer: Callable[[str], str] = functools.partial(stem_word, language=language)
    if sumy_stemmer and language is not Language.KK:
        from sumy.nlp.stemmers import Stemmer

        stemmer = Stemmer("russian" if language is Language.RU else "english")
    if algorithm == "edmundson":
        bonus = [word for phrase in topic for word in find_words(phrase)]
        summarizer = summarizer_class(
            stemmer, cue_weight=0, key_weight=1 if bonus else 0, title_weight=0, location_weight=1
        )
        summarizer.null_words = stop_words(language)
        summarizer.bonus_words = bonus
    else:
        summarizer = summarizer_class(stemmer)
        summarizer.stop_words = stop_words(language)
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


def np_array(values: Sequence[Any]) -> Any:
    """`numpy.array(values)`, importing numpy on first use."""
    import numpy as np

    return np.array(values)
