"""The benchmark's search queries, per kind, made from the names of the synthetic procedures.

Each kind is a way citizens type a name (tests/typed.py has the keystroke kinds, shared with the
browser tests); this module adds the kinds that need the whole catalogue or a list of abbreviations:

- exact: the name as published;
- unaccented: lower case without diacritics ("cap lai giay phep …");
- fragment: the shortest run of 2 to 6 consecutive words of the name that no other name contains,
  as written (with diacritics, lower case): what someone remembers of a long name;
- abbreviations (the site's list): every phrase of the name that procsite/search/everyday.py
  abbreviates (GPXD, GCN, QSDĐ, UBND …) written as that abbreviation;
- abbreviations (others in use): the same with common abbreviations that list does not have
  (GPLX, BHYT, PCCC, CCHN …), to show what an agency would have to add in everyday.yml.

A query asks for one procedure; its rank is where that procedure comes in the results.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from procsite.folding import fold, tokens
from procsite.model.procedure import Procedure
from procsite.search.everyday import EVERYDAY
from tests.typed import KINDS as TYPED_KINDS

SITE_ABBREVIATIONS = [(means, said.upper()) for said, means in EVERYDAY["vi"] if " " not in said]
"""The abbreviations the site's search knows (one word each), with the phrase each stands for."""
OTHER_ABBREVIATIONS = [
    ("giấy phép lái xe", "GPLX"),
    ("giấy phép lao động", "GPLĐ"),
    ("chứng chỉ hành nghề", "CCHN"),
    ("bảo hiểm y tế", "BHYT"),
    ("an toàn thực phẩm", "ATTP"),
    ("phòng cháy và chữa cháy", "PCCC"),
    ("đánh giá tác động môi trường", "ĐTM"),
    ("khu công nghiệp", "KCN"),
    ("hợp tác xã", "HTX"),
    ("khám bệnh, chữa bệnh", "KCB"),
]
"""Abbreviations in everyday use that the site's list lacks."""

_WORD_EDGES = ",.;:()"


def _abbreviated(name: str, table: list[tuple[str, str]]) -> str | None:
    """``name`` with each phrase of ``table`` written as its abbreviation, or None if it has none."""
    text, changed = name.lower(), False
    for phrase, short in sorted(table, key=lambda pair: -len(pair[0])):
        pattern = re.compile(r"(?<!\w)" + re.escape(phrase.lower()) + r"(?!\w)")
        text, count = pattern.subn(short, text)
        changed = changed or count > 0
    return text if changed else None


def _words(name: str) -> list[tuple[str, str]]:
    """The words of a name as written (without the punctuation around them) and folded."""
    out = []
    for word in name.split():
        written = word.strip(_WORD_EDGES)
        if tokens(written):
            out.append((written, tokens(written)))
    return out


def _ngrams(folded: list[str], longest: int = 6) -> set[tuple[str, ...]]:
    return {tuple(folded[i : i + n]) for n in range(2, longest + 1) for i in range(len(folded) - n + 1)}


class Fragments:
    """The shortest part of a name that no other name of the catalogue contains."""

    def __init__(self, names: Iterable[str]) -> None:
        self.counts: Counter[tuple[str, ...]] = Counter()
        for name in names:
            self.counts.update(_ngrams([f for _, f in _words(name)]))

    def __call__(self, name: str) -> str | None:
        words = _words(name)
        for n in range(2, 7):
            for i in range(len(words) - n + 1):
                if self.counts[tuple(f for _, f in words[i : i + n])] == 1:
                    return " ".join(w for w, _ in words[i : i + n]).lower()
        return None


def query_sets(procedures: list[Procedure], count: int = 200) -> dict[str, list[list[str]]]:
    """Per kind: up to ``count`` [query, slug] pairs, made from synthetic procedures (``thu-tuc-…``)
    spread evenly over ``procedures``; fragments and abbreviations only from names that have one."""
    fragment = Fragments(p.title.vi for p in procedures)
    synthetic = [p for p in procedures if p.slug.startswith("thu-tuc-") and p.status == "in_force"]
    makers: dict[str, Callable[[str, int], str | None]] = {
        "exact": lambda name, i: name,
        "unaccented": lambda name, i: fold(name),
        "fragment": lambda name, i: fragment(name),
        **TYPED_KINDS,
        "abbreviations (the site's list)": lambda name, i: _abbreviated(name, SITE_ABBREVIATIONS),
        "abbreviations (others in use)": lambda name, i: _abbreviated(name, OTHER_ABBREVIATIONS),
    }
    out: dict[str, list[list[str]]] = {}
    for kind, make in makers.items():
        made = [(make(p.title.vi, i), p.slug) for i, p in enumerate(synthetic)]
        asked = [[query, slug] for query, slug in made if query]
        out[kind] = asked[:: max(1, len(asked) // count)][:count]
    return out
