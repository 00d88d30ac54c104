"""The one normaliser: every offset in the project (cells, sections, chunks, citations) points into its output.

Only what the table parser and the question router need is changed. Full-width digits, letters and the
number punctuation (％ ． ＋ － ／ ｜) become ASCII; Chinese punctuation (（）“”，。；：、) stays as the report
prints it, so quoted passages remain exact substrings of what a reader sees. The function is deterministic
and idempotent: normalising twice changes nothing.
"""

from __future__ import annotations

import re

# full-width characters that become ASCII: digits, letters and the punctuation that is part of a number
_FULLWIDTH_KEPT_AS_ASCII = "0123456789" "ABCDEFGHIJKLMNOPQRSTUVWXYZ" "abcdefghijklmnopqrstuvwxyz" "%.+-/|"
_TRANSLATE = {ord(c) + 0xFEE0: c for c in _FULLWIDTH_KEPT_AS_ASCII}
_TRANSLATE.update({0x3000: " ", 0x00A0: " "})  # ideographic and no-break space
_TRANSLATE.update({cp: None for cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)})  # zero-width characters

# a full-width comma used as a thousands separator ("1，234") is part of the number
_THOUSANDS_COMMA = re.compile(r"(?<=\d)，(?=\d{3}(?!\d))")
# leftovers of Word's HTML export in crawled page text: <!--[if !supportLists]--> … <!--[endif]-->
_WORD_COMMENT = re.compile(r"<!--\[(?:if|endif)[^\]]{0,80}\]-->")
# page footers on a line of their own: "— 1 —", "- 2 -", "第 3 页", "第3页 共6页"
_PAGE_FOOTER = re.compile(
    r"^[ \t]*(?:[-—–―]{1,2}[ \t]*\d{1,4}[ \t]*[-—–―]{1,2}|第[ \t]*\d{1,4}[ \t]*页(?:[ \t]*[,，/]?[ \t]*共[ \t]*\d{1,4}[ \t]*页)?)[ \t]*(?:\n|$)",
    re.MULTILINE,
)


def normalize_text(s: str) -> str:
    """Full-width digits/letters/number punctuation to ASCII, one newline convention, no zero-width
    characters, no Word comment leftovers, no page-footer lines."""
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    s = s.translate(_TRANSLATE)
    s = _THOUSANDS_COMMA.sub(",", s)
    s = _WORD_COMMENT.sub("", s)
    return _PAGE_FOOTER.sub("", s)
