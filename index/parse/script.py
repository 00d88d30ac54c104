"""Reports typed in traditional characters (a Taiwanese-style or OCR'd copy: 政府資訊公開工作年度報告) read as
simplified ones, before sections and tables: every label the parser matches is simplified.

Only a report that is traditional is converted: the share of its Chinese characters that OpenCC's t2s
changes is 0.0 in every bundled report and 0.32-0.39 in each of them converted with s2t, so a simplified
report (one quoting a traditional name included) is left byte for byte as it is, its quotes and offsets too.
The converter is the one the question path uses (assistant/normalize.py): OpenCC t2s, character by character.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache

TRADITIONAL_SHARE = 0.05  # of the Chinese characters; simplified reports are at 0.0, traditional ones above 0.3
_SAMPLE = 200_000  # characters enough to judge
_CJK_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


@cache
def t2s():
    """OpenCC t2s, character by character (tw2sp would also rewrite simplified phrases: 文件 -> 文档); shared by
    the question path, so a report and a question typed in traditional characters read alike."""
    import opencc

    return opencc.OpenCC("t2s")


def traditional_share(text: str) -> float:
    """Share of the Chinese characters (of the first _SAMPLE) that t2s changes, each judged on its own."""
    counts = Counter(_CJK_RE.findall(text[:_SAMPLE]))
    if not counts:
        return 0.0
    chars = list(counts)
    converted = t2s().convert("\n".join(chars)).split("\n")  # no t2s phrase spans a line break
    changed = sum(counts[c] for c, s in zip(chars, converted, strict=True) if c != s)
    return changed / sum(counts.values())


def is_traditional(text: str) -> bool:
    return traditional_share(text) >= TRADITIONAL_SHARE


def to_simplified(part: str) -> str:
    """One loaded part in simplified characters; an OCR'd page keeps its lines (and their confidences)."""
    from index.parse.ocr import OcrText

    if isinstance(part, OcrText):
        return OcrText([replace(line, text=t2s().convert(line.text)) for line in part.lines], t2s().convert(part))
    return t2s().convert(part)
