"""Text similarity between the sections of two plans: TF-IDF cosine over jieba words.

Why this measure: successive plans of one region reuse a task's key terms (专利 金融 质押
融资 …) while rewording the sentences around them, and every section of both plans shares
the same boilerplate (加强, 推进, 知识产权, 工作). Words, not characters, are the unit in
which a drafter edits, and inverse document frequency over the two plans' sections turns
the boilerplate down and the distinctive terms up; character n-grams score 知识产权 four
times over and make every pair look alike. Character-level edit ratios (rapidfuzz) are
blind to reordering and length differences between a three-line task and its rewritten
successor. The weighting is the standard one (scikit-learn's TfidfVectorizer defaults:
smoothed idf `ln((1+n)/(1+df)) + 1`, raw counts, l2 norm); with a few hundred sections
the sparse dot products take milliseconds, so the pipeline does not take on NumPy/SciPy.
jieba is the segmenter the site already uses for search, and the word diff uses it too.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

# A token that is only punctuation, digits-free symbols or space carries no meaning.
_WORDLIKE = re.compile(r"[\w\u3400-\u9fff]")


def jieba_words(text: str) -> list[str]:
    """jieba's segmentation (precise mode, no HMM guesses, so the same text always splits alike)."""
    return list(_segmented(text))


@functools.lru_cache(maxsize=4096)
def _segmented(text: str) -> tuple[str, ...]:
    # The alignment and the word diffs of both languages' pages segment the same sections again.
    import jieba

    jieba.setLogLevel(60)
    return tuple(jieba.lcut(text, HMM=False))


def content_words(text: str) -> list[str]:
    """The words of a Chinese text that similarity counts: jieba words with a letter, digit or hanzi."""
    return [word for word in jieba_words(text) if _WORDLIKE.search(word)]


def tfidf_vectors(documents: Sequence[Iterable[str]]) -> list[dict[str, float]]:
    """One l2-normalised TF-IDF vector (word → weight) per document of word lists."""
    counts = [Counter(words) for words in documents]
    n = len(counts)
    frequency = Counter(word for count in counts for word in count)
    idf = {word: math.log((1 + n) / (1 + df)) + 1 for word, df in frequency.items()}
    vectors = []
    for count in counts:
        weights = {word: tf * idf[word] for word, tf in count.items()}
        norm = math.sqrt(sum(value * value for value in weights.values())) or 1.0
        vectors.append({word: value / norm for word, value in weights.items()})
    return vectors


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(value * b.get(word, 0.0) for word, value in a.items())
