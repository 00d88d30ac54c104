"""Typed question -> one normalised Chinese question, before anything tries to understand it.

People type traditional characters (復議), Chinese numerals (二〇二二年, 一百二十件), homophone slips of the input
method (申情, 诉松), full-width digits, or English. Each step is a maintained library where one exists: OpenCC for
traditional -> simplified, cn2an for numerals, pypinyin for homophones,
rapidfuzz for romanised place names. What the steps changed is kept, so `--explain` can show it."""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from assistant.cues import (
    ADDRESSED,
    ANSWER_FORM,
    ASKED_WITH,
    ASKING_WORDS,
    CANTONESE_AND,
    COLLOQUIAL,
    CONCESSION,
    CONVERT_TO_YUAN,
    CORPUS_SAID,
    CORRECTION,
    COURTESY_CLOSERS,
    COURTESY_OPENERS,
    DUTY_SAID,
    FIELD_ROLES,
    FILLERS,
    HEARSAY,
    INTERROGATIVES,
    LETTER_FRAME,
    NARRATIVE_CUES,
    OTHER_COLUMN,
    PRESENTATION,
    SAME_AS_BEFORE,
    SIGNER,
    TOLD_THEN_WHICH,
    WEAK_FIGURES,
    YEAR_AFTER_SAID,
    YEAR_BEFORE_SAID,
)
from assistant.pinyin import Frequencies, initials, is_pinyin, read_initials, read_pinyin, toneless
from index.parse.script import t2s
from index.stores.lexical import word_tags
from index.vocabulary import (
    DUTY_WORDS,
    ENGLISH_TERMS,
    QUERY_ACTIVE_ITEMS,
    QUERY_ACTIVE_MEASURES,
    QUERY_COLUMNS,
    QUERY_FIGURE_SUMS,
    QUERY_FIGURES,
    QUERY_RATES,
    QUERY_REVIEW_GROUPS,
    QUERY_REVIEW_OUTCOMES,
    QUESTION_TERMS,
    REQUEST_ROWS,
)

if TYPE_CHECKING:
    from assistant.catalog import Catalog

COLLOQUIAL_WORDS = re.compile("|".join(  # Cantonese 边个/边几 (哪个/哪几), not 周边几个 or 两边
    ("(?<![周旁身这那两左右外里上下东西南北前后一半])" if w.startswith("边") else "") + re.escape(w)
    for w in sorted(COLLOQUIAL, key=len, reverse=True)))
MAX_TERM = 6  # longest domain term a homophone slip is looked for in
SPREAD_MIN, SPREAD_SHARE = 6, 0.7  # 洪 泽 区 …: a question typed with a space after most characters
WORD_OF_ITS_OWN = 10  # jieba's count from which a run of three or more characters is a word, not a term's slip
MIN_SLIP_REST = 2  # characters of a slip beside the piece of the word it holds (下度 of 结转下度)
COMMON_WORD = 100  # jieba's count above which a two-character word is taken as a word, not a run of a slip
MAX_CACHED = 1000  # longer texts are normalised without keeping them in the cache
FRACTION = re.compile(r"(百|千|\d+|[二三四五六七八九十])分之(\d+(?:\.\d+)?|[一二三四五六七八九十]+)")  # 三分之一 = 33.33%
YEAR_SPOKEN = (1980, 2039)  # four digits said one by one in this span are a year (二零一九), never a count
CN_NUMERAL = re.compile(r"[〇零○一二两三四五六七八九十百千万]+")
COUNTERS = "年件个次场名家项成份起条人篇期批"
LATIN = re.compile(r"[A-Za-z]")
ACRONYM = re.compile(r"\b[A-Z]{2,6}\b|\b[A-Z][A-Za-z]{0,4}\d{1,2}\b")  # GDP, CIIE; IPv6, G20: kept as typed
YEAR_RANGE = re.compile(r"\b(?:from|between)\s+((?:19|20)\d{2})\s+(?:to|and|through|until)\s+((?:19|20)\d{2})\b"
                        r"|\b((?:19|20)\d{2})\s*(?:to|through|thru|until|till|[-–—])\s*((?:19|20)\d{2})\b")  # 2019 to 2025
# people over 60, applicants aged 18, younger than 30: an age, which no report records (not over 100 requests)
AGE_SAID = re.compile(r"\b(?:people|persons|applicants|residents|citizens|those|anyone)\s+(?:over|under|above|below)\s+\d{1,2}\b"
                      r"|\b(?:aged|older than|younger than)\s+\d{1,2}\b|\b\d{1,2}\s*(?:years old|year olds)\b")
LABEL = re.compile(r"^ [a-z][a-z ]{1,30}:\s*")  # fact check:, quick question:, re:
BOUND_WORD = re.compile(r"\b(over|under|below)\s+(?=\d)")  # over 50 (ages are read before), under 10
PLACE_IN_PLACE = re.compile(r"\b([A-Z][a-z]+(?:['’][a-z]+)?)\s+((?:[Aa]rea\s+)?(?:District|County|district|county|[Aa]rea"
                            r"|[Aa]dministration|[Bb]ureau))\s+(?:in|of),?\s+([A-Z][a-z]+(?:['’][a-z]+)?)\b")  # Suping area
# administration of Pingtan: said as Chinese says it, the larger place first
# 20l9, 2O24: a scan's or a typist's letter for a digit (O for 0, l or I for 1), inside a run of digits
OCR_DIGITS = re.compile(r"(?<![A-Za-z])(?=(?:[OolI]*\d){2})[\dOolI]{3,}(?![A-Za-z])")
OCR_AS_DIGIT = str.maketrans("OolI", "0011")
# …谢谢！\n张华\n2025年5月6日: a letter's signature and the day it was written, on lines of their own after the question
SIGNED = re.compile(r"(?:\n[^\n]{0,12})?\n\s*(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})\s*$")
# ① ❶ ➀: a list's number, as (1) says it (NFKC would make ① a bare 1, glued to the item: 1收到多少申请)
CIRCLED = {base + i: f"({i + 1})" for base in (0x2460, 0x2776, 0x2780, 0x278A) for i in range(10)}
CIRCLED_RUN = re.compile(r"[⓪①②③④⑤⑥⑦⑧⑨]{2,}")  # ②⓪②④年: a number written in circled digits, not numbered items
LIST_MARK = re.compile(r"(?:^|(?<=[\s,;:]))(?:\((?:[a-h]|i{1,3}|iv|v|\d)\)|(?:[a-h]|\d)\))\s*")  # (a) (ii) 1) b)
# carry over into the following year, carried into the next year, rolled over to the new year: 结转下年度 as a whole,
# before the glossary reads "carry over" (上年结转) and the year apart
CARRIED_ON = re.compile(r"\b(?:carr(?:y|ied|ies)|roll(?:s|ed)?|push(?:es|ed)?)\s+(?:(?:over|forward|on)\s+)?(?:in)?to\s+"
                        r"(?:the\s+)?(?:following|next|new|subsequent)\s+year\b")
GOT_REQUESTS = re.compile(r"\b(?:get|gets|got|getting|gotten)\b(?=(?:\s+[\w-]+){0,3}?\s+(?:requests?|applications?)\b)")
# went down to the grassroots, go up to the counter: going somewhere, no change (went down to 30, up to zero: a change)
WENT_TO_PLACE = re.compile(r"\b(?:go|goes|going|gone|went)\s+(?:down|up)\s+to\s+(?=(?:the\s+|a\s+|an\s+)?[a-z])"
                           r"(?!(?:the\s+|a\s+)?(?:zero|nil|none|one|two|three|four|five|six|seven|eight|nine|ten|"
                           r"a\s+(?:dozen|hundred|thousand)|about|around|roughly|nearly|just|only|under|over)\b)")
FISCAL_YEAR = re.compile(r"\bfy\s?((?:19|20)\d{2})\b")  # FY2024: the report's year
# '20那年, FY'22, FY2020 in any language: a year said by its last two digits after an apostrophe, or as a fiscal year
# (not ‘20件’, a number in quotes)
SHORT_YEAR = re.compile(r"(?i)(?<![A-Za-z0-9])(?:fy\s?['’‘]?|['’‘])((?:19|20)?\d{2})(?![\d%.件个项次条份人家位名万元’'])")
# since 2019, from 2019 on, 2019 onwards, before 2019: a bound on the years, as 2019年以来 / 2019年以前 says it
YEAR_FROM = re.compile(r"\b(?:since|after|starting (?:in|from)|beginning (?:in|from))\s+((?:19|20)\d{2})\b(?:\s+(?:on|onwards?))?"
                       r"|\b(?:from|in)\s+((?:19|20)\d{2})\s+(?:on|onwards?|forwards?)\b"
                       r"|\b((?:19|20)\d{2})\s+(?:onwards?|and (?:later|after)|or later)\b")
YEAR_UNTIL = re.compile(r"\b(?:before|prior to)\s+((?:19|20)\d{2})\b")
BARE_YEAR = re.compile(r"(?<![\d年])\b(?:19|20)\d{2}\b(?!\s*年)")
WHAT_IS = re.compile(r"^\s*what\s+(?:is|was|are|were)\b")
ANIMALS_EN = {"rat": "鼠", "ox": "牛", "tiger": "虎", "rabbit": "兔", "hare": "兔", "dragon": "龙", "snake": "蛇", "horse": "马",
              "goat": "羊", "sheep": "羊", "ram": "羊", "monkey": "猴", "rooster": "鸡", "chicken": "鸡", "dog": "狗",
              "pig": "猪", "boar": "猪"}
YEAR_OF_ANIMAL = re.compile(rf"\b(?:in\s+)?(?:the\s+)?year\s+of\s+the\s+({'|'.join(ANIMALS_EN)})\b")  # 虎年, as said
# requests about land acquisition: a subject the tables never split requests or cases by
TOPIC_EN = re.compile(r"\b(requests?|applications?|cases?|appeals?|lawsuits?|suits?)\s+(?:about|concerning|regarding|"
                      r"relating to|related to|involving|on the (?:topic|subject) of|to do with)\s+((?:[a-z]+\s+){0,3}[a-z]+)")
TOPIC_END = ("did", "do", "does", "were", "was", "is", "are", "has", "have", "had", "in", "at", "for", "by", "from",
             "that", "which", "during", "last", "this", "and", "or")
TOPIC_ASKED = "所问主题"  # said in the Chinese the path reads, where a Chinese question says 关于拆迁的申请


SPACED_HAN = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff\d])")  # not 2024 年, 95 件: a number's unit
TERSE_YEAR = re.compile(r"(?<=[\u4e00-\u9fff\s])([01]\d|2\d)(?:\s+(?=[\u4e00-\u9fff])|(?=、[\u4e00-\u9fff])"
                        r"|(?<=[\u4e00-\u9fff]\s\d\d)\s*$)"  # 平潭管委会 许可 21: the last word of a keyword query
                        r"(?![年件个次项份条起场号日月])")  # 鹿城22 洪泽24, 鹿城22、洪泽23: a name, then its short year
# 洪泽23和24, 洪泽23/24, 平潭管委会19到21: two short years joined after a name, each a year (not 15到20件, a count's span)
TERSE_YEARS = re.compile(r"(?<=[\u4e00-\u9fff\s])(?:[01]\d|2\d)(?:(?:和|到|至|与|及|、|-|~|/)(?:[01]\d|2\d))+"
                         r"(?![\d年件个次项份条起场号日月名位人天倍成%.])")
# 新收/结转/复议, 鹿城/2022: words of two characters or more, or a year (not 增/减, a label; not 2023/2024 or 1/3)
SLASHED = re.compile(r"(?<=[\u4e00-\u9fff]{2})\s*[/／|｜]\s*(?=[\u4e00-\u9fff]{2}|\d{4})"
                     r"|(?<=\d{4})\s*[/／|｜]\s*(?=[\u4e00-\u9fff]{2})")
SPACED_DIGITS = re.compile(r"(?<=\d)\s+(?=\d)")
PRINTED_SLASHED = tuple(w for w in {*QUERY_ACTIVE_MEASURES, *QUERY_FIGURES} if "/" in w)  # 增/减: a label as printed


def _inside_printed(text: str, m: re.Match) -> bool:
    """The slash is one of a label the template prints with it (本年增/减), not one between items listed."""
    return any(text.find(w, max(0, m.start() - len(w)), m.end() + len(w)) != -1 for w in PRINTED_SLASHED)
SPACED_EN = re.compile(r"(?<=[A-Za-z\d])\s{2,}(?=[A-Za-z])")
_EDGE = r"[\s,.!?;:、~…，。！？；：～]*"
OPENER = re.compile(rf"(?:{'|'.join(sorted(COURTESY_OPENERS, key=len, reverse=True))})(?![一两]?个?年){_EDGE}")  # 看下一年
CLOSER = re.compile(rf"{_EDGE}(?:{'|'.join(sorted(COURTESY_CLOSERS, key=len, reverse=True))}){_EDGE}$")
CLAUSE_START = r"(?:^|(?<=[\s,.!?;:、，。！？；：]))"
FILLER = re.compile(rf"{CLAUSE_START}(?:{'|'.join(FILLERS)})+{_EDGE}|[嗯呃]+")
# 收到。, 好的，明白！: the last answer acknowledged before the next question (not 收到多少申请: a pause must follow)
ACKNOWLEDGED = re.compile(r"(?:(?:好的|好|行|OK|ok|收到|明白了?|了解了?|知道了|懂了)[,，。.!！]+)+")
MIN_LEFT = 2  # a courtesy is stripped only where a question is left
MIN_QUESTION = 6  # what a lead-in before a colon must leave to be dropped
MAX_NAME = 8  # the longest run before a space read as an agency's name in a list (鹿城 洪泽 平潭管委会)


class Normalized(BaseModel):
    """The question as typed, the text every later step reads, and what was changed on the way."""

    original: str
    text: str
    language: Literal["zh", "en"] = "zh"
    changes: list[str] = Field(default_factory=list)  # "復議->复议", "申情->申请", "English->中文"


# 复议完再告, 行政复议之后又去起诉, 经复议后打官司: a suit brought after a review, as the table's column says it
AFTER_REVIEW = re.compile(r"(?:经过?)?(?:行政)?复议(?:完|后|之后|以后|过后|结束后?|完了)(?:再|又|才|还)?(?:去|到)?(?:法院)?(?:告|起诉|提起诉讼|打官司|上法院)")
# 如果A超过50件，就告诉我B: whether A passes the bound is asked too, then B (answered whichever way A goes)
CONDITION = re.compile(r"(?:如果|假如|要是|若是|倘若|假设)([^，,。？?]{2,40}?(?:超过|多于|少于|不到|高于|低于|大于|小于|不少于|过)"
                       r"[^，,。？?]{1,10}?)(?:的话)?[，,](?:那么?|那就|就|则)?(?:请)?(?:就)?")
YEARS_TOTAL = re.compile(r"(?<![\d〇零一二三四五六七八九])([两二三四五六七八九十几]|\d)年的?(?:总数|总和|总量)")  # 两年总数
# what is said around a question, in the words the rest reads (applied in this order): 在库里 is the reports held,
# 两年总数 their sum, 复议完再告 the column 复议后起诉, 如果A超过50件 a question of its own, 怎么算都行 and 保留一位小数
# ask nothing, 换算成元是多少 asks 多少元
# 收到过申请没有？, 被起诉过没: a yes-no question said with 没有 last, as 吗 says it (not 为什么没有, 还没有)
ASKED_WITH_NOT = re.compile(r"(?<=[\u4e00-\u9fff])(?<!为什么)(?<!怎么)(?<![还是有都也并从来本])(?:没有|没)(?=[？?]?$)")
# 公开加部分公开, 公开的和部分公开的: 公开 said beside 部分公开 is the whole grant (予以公开), not disclosure at large
GRANTED_BESIDE_PART = re.compile(r"(?<![予以全都部分依申请主动信息政务不未])公开(?=的?(?:加上?|和|与|、|及|跟|\+|或)部分公开)")
# 收了好多件？: how many, as much of the south and west asks it (好多件！ says a lot; with a question mark it asks)
HOW_MANY_SAID = re.compile(r"好多(?=[件个次项条份宗起]?(?:呢|啊|咯|嘛|哦|噻)?[?？])")
# A除以B, (A+B)÷B (×100%): the asker's own division of two figures, said as the share the template's words ask
# (A占B的比例), whatever the asker calls the rate; a slash is left alone (本年增/减, 新收/办结: a label, or either)
TIMES_HUNDRED = re.compile(r"\s*(?:[×*]|乘以|乘上?)\s*100\s*%?")
DIVIDED_BY = re.compile(r"(?<=[\u4e00-\u9fff)）])\s*(?:除以|÷)\s*(?P<whole>[(（]?[\u4e00-\u9fff][^，,。？?；;:：=]*?)"
                        r"(?=\s*(?:[，,。？?；;=]|是多少|等于|得多少|为多少|$))")
# 平潭2021年先撇开，…; 撇开2023年不谈，…; …，2024年的先不管了: a clause that sets what it names aside asks nothing
SET_ASIDE = re.compile(r"[^，,。；;？?！!：:]*(?:撇开|先不管|暂时不管|不管了|先不说|暂且不说|暂且不论|不谈|暂不考虑|先放一边|放在一边"
                       r"|搁一边|搁在一边)[^，,。；;？?！!：:]*(?:[，,。；;]|$)")
# 平均每百件中…几件, 每100件新收的申请里，有几件…: a share said per so many, as PER_N reads it (平均 is no mean of
# values, the pause no new clause)
PER_EVERY = re.compile(r"(?:平均)?每(?P<verb>办结|收到|新收|受理|办理|处理|办)?一?(?P<n>十|百|千|10|100|1000)\s*"
                       r"(?P<unit>[个件份位名起])")  # 每办结100件: per 100 of those closed
PER_EVERY_PAUSE = re.compile(r"(每(?:10|100|1000)[个件份位名起][^，,。？?\d]{0,14}?)[，,](?=[^，,。？?]{0,14}?(?:几|多少))")
# 并非没有…吧, 不是没有: a double negative says there were some; 怎么可能才100多件？岂不是…，到底多少？: disbelief
# voiced before the question, and a clause that only judges (太少了, 差这么多), ask nothing of their own
DOUBLE_NEGATIVE = re.compile(r"并非没有|并不是没有|不是没有|未尝没有|不能说没有|不会没有")
RHETORIC = re.compile(r"(?:怎么可能|怎么会|怎会|难道说?|岂不是|岂)(?=[^，,。？?！!]*[，,。？?！!].*?(?:多少|几|怎么|如何|什么|哪))")
JUDGED_ONLY = re.compile(r"(?<=[，,。？?！!])\s*(?:也|实在|真的?)?(?:太|这么|那么|相?差(?:得)?(?:这么|那么|太)?)"
                         r"(?:多|少|低|高|小|大)了?(?:吧|啊|呢|嘛)?[，,。！!]")
# （评估基准日12月31日）, 截至12月31日: the year's end, to which every report counts; no part of the year asked
YEAR_END = re.compile(r"[（(]?(?:评估|统计)?(?:基准日|截至|截止|截止到|截至到)?\s*12\s*月\s*31\s*[日号](?:止|为止)?[）)]?")
PER_SAID = {"十": "10", "百": "100", "千": "1000"}
SAID_AROUND = ((CORPUS_SAID, "在"), (HOW_MANY_SAID, "多少"), (SET_ASIDE, ""), (DOUBLE_NEGATIVE, "有"), (RHETORIC, ""),
               (YEAR_END, ""), (JUDGED_ONLY, ""),
               (PER_EVERY, lambda m: f"每{PER_SAID.get(m['n'], m['n'])}{m['unit']}{m['verb'] or ''}"), (PER_EVERY_PAUSE, r"\1"),
               (ASKED_WITH_NOT, "吗"), (YEARS_TOTAL, r"\1年合计"), (AFTER_REVIEW, "复议后起诉"), (CONDITION, r"\1吗？"),
               (CONCESSION, "，"), (PRESENTATION, "，"), (CONVERT_TO_YUAN, "是多少元"),
               (YEAR_BEFORE_SAID, "上一年"), (YEAR_AFTER_SAID, "下一年"), (OTHER_COLUMN, "其他组织"),
               (DUTY_SAID, lambda m: DUTY_WORDS.get(m.group(1), m.group(1)) + "局"),  # 管钱的那个局: 财政局
               (GRANTED_BESIDE_PART, "予以公开"))
BLANK = re.compile(r"_{2,}|（\s*）|\(\s*\)|【\s*】|\[\s*\]|□+")  # NFKC has made ＿ and （） ASCII already
HAN = re.compile(r"[\u4e00-\u9fff]")


# a question pasted as HTML (<table><tr><td>单位</td><td>洪泽区</td>…): its cells as a markdown table's, which is read
HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
HTML_AS_TEXT = ((re.compile(r"(?i)<t[dh]\b[^>]*>"), "| "), (re.compile(r"(?i)</t[dh]>"), " |"),
                (re.compile(r"(?i)</tr>|<br\s*/?>|</p>|</li>|</div>"), "\n"))
# what the asker struck out (~~2022年~~2024年, <del>…</del>) says nothing; an editor's note on it (（删去2022，更正为2024）)
# neither, and a correction in brackets (（更正：2020）) is what is asked in its place
STRUCK = re.compile(r"~~[^~]*~~|<(s|del|strike)\b[^>]*>.*?</\1>", re.S | re.I)
STRUCK_NOTE = re.compile(r"[（(]\s*(?:删去|删除|去掉|划掉|作废)[^）)]*[）)]")
CORRECTED_TO = re.compile(r"[（(]\s*(?:更正|订正|改正|应为)为?\s*[:：]?\s*([^）)]+)[）)]")


# marks nested inside others (《〈…报告〉表格》, “‘…’”, （〔总计〕列）) only say that they are nested: a name or a label
# inside them is read as it is without them
INNER_TITLE = re.compile(r"[〈〉]")
SINGLE_QUOTED = re.compile(r"'([^'\n]*[\u4e00-\u9fff][^'\n]*)'")  # '其他'那一栏: ASCII quotes around Chinese words
INNER_QUOTE = re.compile(r"([“\"「])[‘'『]([^‘’'『』]*)[’'』]([”\"」])")
# zhuanzai (转载), Lucheng（鹿城）: a word in pinyin glossed in Chinese beside it is read as its gloss (an English word
# glossed, bureaus (片区管理局), is read by the English path)
GLOSSED_IN_CHINESE = re.compile(r"(?<![A-Za-z])([A-Za-z]+)\s*[(（]([\u4e00-\u9fff]{1,8})[)）]")
MAX_QUOTED = 24  # a longer run between two apostrophes is no quotation
BRACKETED_IN = re.compile(r"[(（][^()（）]*[〔［\[][^()（）]*[)）]")


# a chat forwarded with its furniture: [图片], [语音] 9", [撤回了一条消息], and each line's speaker and time (小刘 10:05)
CHAT_MARK = re.compile(r"\[(?:图片|语音|表情|动画表情|视频|文件|链接|位置|红包|转账|撤回了一条消息|拍了拍[^\]]{0,12})\]"
                       r"(?:\s*\d{1,3}(?:\"|″|''|秒))?")
CHAT_STAMP = re.compile(r"(?:^|(?<=\s))[\u4e00-\u9fffA-Za-z]{1,6}\s+\d{1,2}:\d{2}(?::\d{2})?(?=\s)")
# a form's boxes: ☑ marks what is chosen, ☐ and what follows it are not chosen
UNCHECKED = re.compile(r"[☐□]\s*[^\s☐☑☒□:：，,]{1,12}")
CHECKED = re.compile(r"[☑☒✅]")
# a note-taker's arrows, ticks and ornaments between words (平潭19 → 行政处罚 = ?): pauses, not words; "= ?" asks
ORNAMENTS = re.compile(r"\s*(?:→|⇒|=>|->|⟶|➡|✓|✔|∑|Δ|★|☆|✿|❀|♡|♥|❤|彡)+\s*")
EQUALS_ASKED = re.compile(r"\s*[=＝]\s*(?:[?？]|_{2,})")
LISTED_BY_SLASH = re.compile(r"(?<=[\u4e00-\u9fff\d])\s+/\s+(?=[\u4e00-\u9fff])")  # 鹿城22 / 洪泽23: items listed
COMPARED_BY_SIGN = {">=": "不少于", "<=": "不超过", "≥": "不少于", "≤": "不超过", ">": "大于", "<": "小于"}
SIGN_BEFORE_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff\s])\s*(>=|<=|≥|≤|>|<)\s*(?=\d)")  # 结转 > 0 的: 大于0的


# （更正一下：上一句“行政处罚”是笔误，应为“行政强制”）: the asker's note on their own slip, put in place
SLIP_NOTE = re.compile(r"[（(]?\s*(?:更正一下|更正|勘误|纠正一下)?\s*[:：]?\s*(?:上一句|上句|前面|刚才)?的?[“\"「](?P<wrong>[^”\"」]{1,16})[”\"」]"
                       r"(?:是|系|为)?(?:笔误|口误|写错了|打错了|说错了|错了)[，,]?\s*(?:应为|应该是|应是|改为|是)[“\"「]"
                       r"(?P<right>[^”\"」]{1,16})[”\"」][。.]?\s*[）)]?")


def _slip_put_right(text: str) -> str:
    """The question with the asker's note on their slip taken out and the word it names put right in it."""
    m = SLIP_NOTE.search(text)
    if not m:
        return text
    rest = text[:m.start()] + text[m.end():]
    return rest.replace(m["wrong"], m["right"]) if m["wrong"] in rest else rest


def _between_digits(m: re.Match) -> bool:
    """2023→2024: an arrow between two numbers joins them, as the reader takes it; kept."""
    return m.start() > 0 and m.string[m.start() - 1].isdigit() and m.string[m.end():m.end() + 1].isdigit()


def _spells(letters: str, gloss: str) -> bool:
    """The letters are pinyin (zhuanzai), or the initials of some run of the gloss (bzw of 本机关不掌握): they say it."""
    return is_pinyin(letters) or len(letters) >= 2 and letters in initials(gloss)


def as_plain_text(text: str) -> str:
    """The question without the markup it was pasted or typed with: struck-out words and notes on them dropped, a
    correction put in place, a chat's furniture, a form's unchosen boxes and a note-taker's arrows dropped, marks nested
    in others dropped, HTML's cells and lines as a markdown table's and its entities as characters."""
    text = CORRECTED_TO.sub(lambda m: m.group(1), STRUCK_NOTE.sub("", STRUCK.sub("", _slip_put_right(text))))
    text = CHAT_STAMP.sub(" ", CHAT_MARK.sub(" ", text)).strip()
    if CHECKED.search(text):
        text = CHECKED.sub("", UNCHECKED.sub("", text))
    text = ORNAMENTS.sub(lambda m: m.group() if _between_digits(m) else " ", EQUALS_ASKED.sub("是多少?", text)).strip()
    text = SIGN_BEFORE_NUMBER.sub(lambda m: COMPARED_BY_SIGN[m.group(1)], LISTED_BY_SLASH.sub("、", text))
    text = INNER_QUOTE.sub(r"\1\2\3", INNER_TITLE.sub("", text))
    text = SINGLE_QUOTED.sub(lambda m: f"“{m.group(1)}”" if len(m.group(1)) <= MAX_QUOTED else m.group(), text)
    text = GLOSSED_IN_CHINESE.sub(lambda m: m.group(2) if _spells(m.group(1).lower(), m.group(2)) else m.group(), text)
    text = BRACKETED_IN.sub(lambda m: re.sub(r"[〔〕［］\[\]]", "", m.group()), text)
    if not HTML_TAG.search(text):
        return text
    for tag, said in HTML_AS_TEXT:
        text = tag.sub(said, text)
    return html.unescape(HTML_TAG.sub("", text))


LINE_BULLETS = re.compile(r"(?m)^[ \t]*[-*·][ \t]*(?=\S)")
# 2024年1月1日至12月31日, 2019.1.1-2019.12.31: a statistics period that is one whole calendar year, said as that year
_DAY_SEP = r"\s*(?:年|月|日|[.\-/])\s*"
WHOLE_YEAR_DATES = re.compile(
    rf"(?P<y>(?:19|20)\d{{2}}){_DAY_SEP}(?:0?1|一){_DAY_SEP}(?:0?1|一)\s*日?\s*(?:起|开始)?\s*(?:至|到|~|～|-|—|－)\s*"
    rf"(?:(?P=y){_DAY_SEP})?12{_DAY_SEP}31\s*日?\s*(?:止|为止)?")


def whole_years(text: str) -> str:
    """Each whole calendar year said as its dates (2024年1月1日至12月31日) said as that year."""
    return WHOLE_YEAR_DATES.sub(lambda m: f"{m['y']}年", text)


def normalize_question(question: str, places: dict[str, str] | None = None, names: tuple[str, ...] = (),
                       now: int | None = None, printed: Frequencies | None = None) -> Normalized:
    """All normalisation steps in order; `places` maps romanised place names (hongze) to Chinese (洪泽), `names` are
    the catalogue's places in Chinese (a space between two of them lists them); `printed`, how many stored passages
    print each of some words (a pinyin question's homophones are read as the reports' words); `now`, the year the asker lives in
    (the newest report's year plus one), places a year said by its zodiac animal or an anniversary."""
    original = question or ""
    digits = CIRCLED_RUN.sub(lambda m: unicodedata.normalize("NFKC", m.group()), original)
    text = toneless(SIGNED.sub("", unicodedata.normalize("NFKC", digits.translate(CIRCLED)).strip()))
    changes: list[str] = []
    if (plain := as_plain_text(simple := t2s().convert(text))) != simple:  # read in simplified: 刪去, 筆誤 are 删去, 笔误
        changes.append(f"标记->{plain}")
        text = plain
    text = OCR_DIGITS.sub(lambda m: m.group().translate(OCR_AS_DIGIT), text)
    if (dated := SHORT_YEAR.sub(lambda m: _short_year(m, HAN.search(text) is not None), text)) != text:
        changes.append(f"年份缩写->{dated}")
        text = dated
    if (whole := whole_years(text)) != text:  # before what is said around it
        changes.append(f"整年日期->{whole}")  # is read (那个统计期); once more after numerals (二〇二三年一月一日…)
        text = whole
    if len(LINE_BULLETS.findall(text)) >= 2:  # - 新收多少 / - 予以公开多少: a list's items, kept apart once lines join
        text = LINE_BULLETS.sub("•", text)
    language: Literal["zh", "en"] = "zh"
    simplified = t2s().convert(text)  # first: what is said around a question (同樣的問題，…) is known in simplified
    if simplified != text:
        changes.append(f"繁->简: {simplified}")
        text = simplified
    if BLANK.search(text):  # 收到__件，予以公开__件 / new requests ___: a form's blanks, each one asked
        text = BLANK.sub("多少" if HAN.search(text) else " how many ", text)
        changes.append(f"填空->{text}")
    if (said := as_question(text)) != text:  # SELECT 新收 FROM t WHERE year=2023, {"年份": 2019, …}: fields said
        changes.append(f"查询式->{said}")
        text = said
    if _spread_out(text):  # 洪 泽 区 2 0 2 3 年: a space after every character says nothing
        text = re.sub(r"\s+", "", text)
        changes.append(f"逐字空格->{text}")
    if (lettered := letter_read(text, names)) != text:
        changes.append(f"公函->{lettered}")
        text = lettered
    bare = strip_courtesy(without_lead_in(strip_fillers(text, names), names))
    for said_around in (CORRECTION, SAME_AS_BEFORE, ANSWER_FORM, HEARSAY):  # 抱歉说错了，我问的是…, 年份不变, 只要数字: said around
        if len(re.sub(r"\W", "", plain := said_around.sub("", bare))) >= MIN_LEFT:  # what is asked, not in it
            bare = plain
    if bare != text:
        changes.append(f"客套->{bare}")
        text = bare
    if read := read_pinyin(text, places or {}, printed):  # na qiye shenqing de ne: an input method that never converted
        changes.append(f"拼音->{read}")
        text = read
    if is_english(text):
        language = "en"
        text = read_initials(text, names) if names else text  # HZ gov 2024: a place by its initials, as in Chinese
        text = SPACED_EN.sub(" , ", text)  # how many came in  how many were granted: typed parts, as a comma says
        text = english_to_chinese(text, places or {})
        changes.append(f"English->{text}")
    elif places and LATIN.search(text):  # Lucheng 2022 的其他处理: a romanised place inside a Chinese question
        named = re.sub(r"[A-Za-z]+", lambda m: _place(m.group().lower(), places) or m.group(), text)
        if named != text:
            changes.append(f"地名->{named}")
            text = named
    if language == "zh" and LATIN.search(text) and (abbreviated := read_initials(text, names)) != text:
        changes.append(f"缩写->{abbreviated}")  # HZ区 xzxk: a place and a term by their pinyin initials
        text = abbreviated
    if language == "zh" and LATIN.search(text):  # 鹿城2022的application总数: English words said in Chinese
        glossed = ENGLISH_RUN.sub(_glossed_run, text)
        if glossed != text:
            changes.append(f"English->{glossed}")
            text = glossed
    if names and " " in text:
        text = _listed_names(text, names)
    if (named := _named_after(text, names)) != text:
        changes.append(f"描述->{named}")
        text = named
    if language == "zh" and (explained := gloss_read(text)) != text:
        changes.append(f"释义->{explained}")
        text = explained
    text, more = _chinese_steps(text) if len(text) <= MAX_CACHED else _chinese_steps.__wrapped__(text)
    if (whole := whole_years(text)) != text:
        text, more = whole, (*more, f"整年日期->{whole}")
    if now is not None and (dated := calendar_years(text, now)) != text:
        text, more = dated, (*more, f"纪年->{dated}")
    return Normalized(original=original, text=text, language=language, changes=changes + list(more))


def letter_read(text: str, names: tuple[str, ...]) -> str:
    """A letter of inquiry read as its question: its frame dropped, its signature too, and 贵区政府 said as the
    government of the place its signer is of (a district's deputies write to their own district)."""
    text = LETTER_FRAME.sub("", text)
    if not (signed := SIGNER.search(text)):
        return text
    text = text[:signed.start()]
    place = max((n for n in names if n in signed.group(1)), key=len, default=None)
    if place:
        text = ADDRESSED.sub(lambda m: place + ("" if place.endswith(m.group(1)) else m.group(1)) + "政府", text)
    return text


SQL = re.compile(r"(?is)^\s*select\s+(?P<select>.+?)\s+from\s+[^\s;]+(?:\s+where\s+(?P<where>.+?))?\s*;?\s*$")
FIELD = re.compile(r"""["'“”‘’]?([A-Za-z_\u4e00-\u9fff]+)["'“”‘’]?\s*(?:==?|:)\s*"""
                   r"""(\[[^\]]*\]|["'“‘][^"'”’]*["'”’]|[^,;，；&}\s]+)""")
QUOTES = "\"'“”‘’[]{} "


def as_question(text: str) -> str:
    """A question typed as a SQL query, a JSON-like record or key=value filters, said as the question it asks (洪泽区2023年
    新收是多少); unchanged unless every field's name says its role (a scope, a year, figures)."""
    sql = SQL.match(text)
    if sql:
        pairs = [("figure", sql.group("select"))] + FIELD.findall(re.sub(r"(?i)\s+and\s+", ",", sql.group("where") or ""))
    elif text.lstrip().startswith("{") or len(re.findall(r"[=:]", text)) >= 2 and not HAN.search(re.sub(FIELD, "", text)):
        pairs = FIELD.findall(text)
    else:
        return text
    said: dict[str, list[str]] = {}
    for name, value in pairs:
        role = next((r for r, names in FIELD_ROLES.items() if name.lower().strip("_") in names or name == r), None)
        values = [v.strip(QUOTES) for v in re.split(r"[,，、]", value) if v.strip(QUOTES)]
        if role is None or not values:
            return text
        said.setdefault(role, []).extend(values)
    if "figure" not in said or not said.keys() & {"scope", "year"}:
        return text
    years = "和".join(f"{y}年" if y.isdigit() else y for y in said.get("year", []))
    figures = said["figure"]
    return f"{'、'.join(said.get('scope', []))}{years}{'、'.join(figures)}{'分别' if len(figures) > 1 else ''}是多少？"


def _short_year(m: re.Match, chinese: bool) -> str:
    year = m.group(1) if len(m.group(1)) == 4 else f"20{m.group(1)}"
    if not chinese:
        return f" {year} "
    return year if m.string[m.end():].startswith("年") else f"{year}年"


ANIMALS = "鼠牛虎兔龙蛇马羊猴鸡狗猪"  # 2020 a year of the rat
STEMS, BRANCHES = "甲乙丙丁戊己庚辛壬癸", "子丑寅卯辰巳午未申酉戌亥"  # 1984 甲子
ANNIVERSARY_OF = {"新中国成立": 1949, "建国": 1949, "国庆": 1949, "建党": 1921, "中国共产党成立": 1921, "改革开放": 1978}
CYCLE_YEAR = re.compile(rf"(?<![属肖])(?:([{STEMS}])([{BRANCHES}])|([{ANIMALS}]))年(?!度?[\d])")
ANNIVERSARY = re.compile(rf"({'|'.join(ANNIVERSARY_OF)})(\d{{1,3}}|百)周?年")


# 疫情第一年, 疫情前最后那一年, 疫情放开后头一年: years told by the pandemic (2020 its first year, 2023 the first after it)
EPIDEMIC = r"(?:新冠)?疫情|新冠"
EPIDEMIC_YEAR = re.compile(
    rf"(?:{EPIDEMIC})(?:(?P<before>前|之前|以前|发生前|暴发前|爆发前)(?:的)?(?:最后)?(?:那|的)?(?:一|1)年"
    rf"|(?:的)?第(?P<nth>[一二三1-3])年|(?:的)?(?:头一年|元年|(?:开始|暴发|爆发)的?那一?年|那一年|那年)"
    rf"|(?P<after>(?:结束|放开|过去)?(?:过后|之后|以后|后)|结束|放开)(?:的)?(?:第(?:一|1)年|头一年|那一?年))")


def _epidemic_year(m: re.Match) -> str:
    if m["before"]:
        return "2019年"
    if m["after"]:
        return "2023年"
    return f"{2019 + NTH_YEAR[m['nth']]}年" if m["nth"] else "2020年"


NTH_YEAR = {"一": 1, "二": 2, "三": 3, "1": 1, "2": 2, "3": 3}  # 疫情第二年: the pandemic's second year, 2021
EPIDEMIC_NEXT = re.compile(r"(?<=2020年)(和|与|跟|、|到|至)第([二三23])年")  # 疫情头一年和第二年: its second, 2021
# 条例修订后开始施行的那一年, 新条例实施那年: the revised Regulation took effect in 2019 (the new template's first year)
REVISED_IN_FORCE = re.compile(r"(?:《?(?:政府信息公开)?条例》?|新条例)(?:修订|修改)?(?:后|以后|之后)?(?:正式)?(?:开始)?"
                              r"(?:施行|实施|生效)的?(?:那|头|第)?一?年")


def calendar_years(text: str, now: int) -> str:
    """兔年 -> 2023年, 壬寅年 -> 2022年 (the latest such year up to `now`); 建国70周年 -> 2019年, 建党百年 -> 2021年."""
    def cycle(m: re.Match) -> str:
        if m.group(3):
            back = (now - 2020 - ANIMALS.index(m.group(3))) % 12
        else:
            stem, branch = STEMS.index(m.group(1)), BRANCHES.index(m.group(2))
            if stem % 2 != branch % 2:
                return m.group()  # no such pair in the sixty-year cycle
            back = (now - 1984 - next(i for i in range(60) if i % 10 == stem and i % 12 == branch)) % 60
        return f"{now - back}年"

    text = EPIDEMIC_YEAR.sub(_epidemic_year, text)
    text = EPIDEMIC_NEXT.sub(lambda m: f"{m.group(1)}{2019 + NTH_YEAR[m.group(2)]}年", text)
    text = REVISED_IN_FORCE.sub("2019年", text)
    text = ANNIVERSARY.sub(lambda m: f"{ANNIVERSARY_OF[m.group(1)] + (100 if m.group(2) == '百' else int(m.group(2)))}年",
                           text)
    return CYCLE_YEAR.sub(cycle, text)


@lru_cache(maxsize=4096)
def _chinese_steps(text: str) -> tuple[str, tuple[str, ...]]:
    """Arabic numerals, slips corrected; cached, since a question's turns and parts are read more than once."""
    changes: list[str] = []
    said = CANTONESE_AND.sub("和", COLLOQUIAL_WORDS.sub(lambda m: COLLOQUIAL[m.group()], text))
    if DIVIDED_BY.search(said):
        said = DIVIDED_BY.sub(lambda m: f"占{m['whole']}的比例", TIMES_HUNDRED.sub("", said))
    for said_around, plain in SAID_AROUND:
        said = said_around.sub(plain, said)
    said = said.strip("，")
    if said != text:
        changes.append(f"口语->{said}")
        text = said
    text = TERSE_YEARS.sub(lambda m: re.sub(r"\d\d", r"20\g<0>年", m.group()).replace("/", "和"), text)
    text = TERSE_YEAR.sub(lambda m: f"20{m.group(1)}年" + ("" if m.group().endswith(m.group(1)) else ","), text)  # 洪泽24 行政许可, 鹿城 22 过程性信息: a short year said bare, then a pause
    text = _listed_terms(text)  # 行政许可 行政处罚 各多少: figure words listed with spaces
    text = SLASHED.sub(lambda m: m.group() if _inside_printed(text, m) else "、", text)  # 洪泽区 2024 新收 / 结转 / 复议:
    # a search box's list of what is asked (not the template's own 本年增/减)
    text = SPACED_DIGITS.sub("、", SPACED_HAN.sub(",", text))  # 收了多少申请 其中几件公开: a space parts clauses
    text = re.sub(r"\s+", "", text)
    text, plans = _plan_periods(text)
    if (intro := LIST_INTRO.search(text)) and intro.group():  # 把下面几项填上：… / 需要…这三个数：…: what follows is asked
        text = text[:intro.start()] + "," + text[intro.end() + 1:]
        changes.append(f"列举->{text}")
    text, capitals = _financial_numerals(text)
    text, numerals = _arabic_numerals(text)
    text, published = _published_years(text)
    text, shares = _fractions(text)
    text, asked = correct_question_words(text)
    text, near = correct_near_terms(text)  # first: 予公以开 is 予以公开 swapped, not 公益 misheard
    text, slips = correct_homophones(text)
    text, last = _year_said_last(text)
    return text, tuple(changes + plans + capitals + numerals + published + shares + asked + slips + near + last)


# 2025年初公布的洪泽区年报, 2020年1月发布的…年报: a report named by when it came out covers the year before (the
# 条例 has each year's report published by the end of January, March before 2019, of the next)
PUBLISHED = re.compile(r"((?:19|20)\d{2})年(?:初|底|年初|年底|上半年|开年|(?:\d{1,2}|十?[一二三四五六七八九十])月份?"
                       r"(?:(?:\d{1,2}|[一二三]?十?[一二三四五六七八九十])[日号])?)?(?:左右)?"
                       r"(?:由[^，,。？?]{1,12}?)?(?:正式|对外|在网上|在官网上?|在网站上?)?"
                       r"(?:公布|发布|印发|发出来?|挂到网上|挂出来?|挂网|上网|出炉|推出|贴出来?|刊发|刊登|出)的"
                       r"((?:(?!信息|申请|文件)[^，,。？?\d]){0,14}?(?:政府信息公开)?(?:工作)?(?:年报|年度报告|报告))")


# 把下面几项填上：, 需要…这三个数：, 以下几个问题：: words pointing at the list after the colon, which is what is asked
LIST_INTRO = re.compile(r"(?:(?:帮我|请|麻烦)?(?:回答|填|补全|查一下|查查|看看|给出|列出|说说)?(?:把|将)?(?:下面|以下|如下|下列|这)的?(?:几|\d+|[两二三四五六七八九十])?[项个组条]?"
                        r"(?:数|数字|数据|指标|问题|内容|空)?(?:填上|填一下|填好|填写|补全|补上|回答一下|回答)?)(?=[:：])")


def _published_years(text: str) -> tuple[str, list[str]]:
    out = PUBLISHED.sub(lambda m: f"{int(m.group(1)) - 1}年度{m.group(2)}", text)
    return out, [f"发布年->{out}"] if out != text else []


# …收了几件，结转几件，2021年的 / …几件（2021年）: a year added after the question is the whole question's year
YEAR_SAID_LAST = re.compile(r"[,，;；:：(（]((?:19|20)?\d{2})年度?的?(?:情况|数据|报告)?[)）]?([?？。!！]*)$")
ANY_YEAR = re.compile(r"(?<!\d)(?:(?:19|20)\d{2}|\d{2})年|去年|前年|今年|上年度")


def _year_said_last(text: str) -> tuple[str, list[str]]:
    """The year moved before a question that names no other (the parts before it read it then, as a first clause's
    year is read by the clauses after it)."""
    m = YEAR_SAID_LAST.search(text)
    if not m or m.start() < 4 or ANY_YEAR.search(text[:m.start()]):
        return text, []
    out = f"{m.group(1)}年{text[:m.start()]}{m.group(2)}"
    return out, [f"年份在后->{out}"]


# five-year-plan periods as officials say them (十三五期间 = 2016-2020): the years, so a range or "since" reads them;
# a year of one (十四五开局之年 = 2021, 收官之年 = 2025, 第三年) is that year
PLAN_PERIODS = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025),
                "十五五": (2026, 2030)}
_NTH = "一二三四五"
PLAN_PERIOD = re.compile(r"[“\"‘']?(" + "|".join(PLAN_PERIODS) + r")[”\"’']?(?:规划)?(?:的)?"
                         r"(?:(期间|时期|以来|开局以来)|(开局之?年|开局那一?年|开局的?那一?年|首年|头一年|起步之年)"
                         rf"|(收官之?年|收官那一?年|收官的?那一?年|最后一年|末年|冲刺之年)|第([{_NTH}1-5])年)?")
# years named by what happened in them, as people and officials say them; the pattern's year, or a nth year of it
EVENT_YEARS: tuple[tuple[re.Pattern, int], ...] = (
    (re.compile(r"(?:新冠)?疫情(?:暴发|爆发|发生|开始|来袭)?的?(?:第([一二三1-3])年|头一年|首年|元年|那一?年|当年)"), 2020),
    (re.compile(r"(?:新|修订后的?|新修订的?)《?(?:政府信息公开)?条例》?(?:正式)?(?:施行|实施|生效)(?:的|那|当|之)?一?年"
                r"|《?(?:政府信息公开)?条例》?修订(?:后|施行)?的?(?:第一年|头一年|那一?年|当年)"), 2019),
    (re.compile(r"党的?(十[六七八九]|二十)大(?:召开)?的?(?:那一?年|当年|之年|召开那年)"), 0),  # 0: by the congress' number
    (re.compile(r"疫情(?:那|这)?(?:三|3)年(?!级)|(?:三|3)年(?:新冠)?疫情"), -2020),  # -: 2020 and the two after it
    (re.compile(r"建党(?:一百|100|百)(?:周)?年|中国共产党成立(?:一百|100)周年"), 2021),
    (re.compile(r"新中国成立(?:七十|70)周年"), 2019),
)
CONGRESS_YEARS = {"十六": 2002, "十七": 2007, "十八": 2012, "十九": 2017, "二十": 2022}


def _nth(said: str) -> int:
    return int(said) if said.isdigit() else _NTH.index(said) + 1


def _plan_periods(text: str) -> tuple[str, list[str]]:
    def years(m: re.Match) -> str:
        first, last = PLAN_PERIODS[m.group(1)]
        if m.group(3):
            return f"{first}年"
        if m.group(4):
            return f"{last}年"
        if m.group(5):
            return f"{first + _nth(m.group(5)) - 1}年"
        return f"{first}年以来" if m.group(2) and m.group(2).endswith("以来") else f"{first}年到{last}年"

    def event(year: int):
        def said(m: re.Match) -> str:
            if not year:
                return f"{CONGRESS_YEARS[m.group(1)]}年"
            if year < 0:
                return f"{-year}年到{-year + 2}年"
            nth = m.group(1) if m.groups() else None
            return f"{year + (_nth(nth) - 1 if nth else 0)}年"
        return said

    out = PLAN_PERIOD.sub(years, text)
    for pattern, year in EVENT_YEARS:
        out = pattern.sub(event(year), out)
    return out, [f"年份说法->{out}"] if out != text else []


YES_NO_CLAUSE = re.compile(r"(?:(?<= , )|^ )(?:was|were|did|does|do|is|are|has|have|had)\b[^,?.;]*")
COMPARED_WITH_EN = re.compile(r"how (?:did|does|do|would|has) (?:it|that|this|they|the \w+) compare (?:with|to|against) "
                              r"([^,?.;]+)")
WHAT_CLAUSE = re.compile(r"(?<= , )what(?:s| was| is| were| are)\s+([^,?.;]*)")
WHAT_NOUN_CLAUSE = re.compile(r"(?<= , )(?:what|which)\b(?!\s+(?:s|was|is|were|are)\b)")  # …, and what weakness did…
CLAUSE_AND = re.compile(r"\s*,?\s+(?:and|but)\s+(?=(?:how|what|which|who|whether|was|were|did|does|do|is|are|has|had)\b)")


def _listed_names(text: str, names: tuple[str, ...]) -> str:
    """鹿城 洪泽 平潭管委会里面: a space between two agencies' names lists them (、), where elsewhere a space parts
    clauses (收了多少 其中几件公开)."""
    tokens = re.split(r"\s+", text)
    out = tokens[0]
    for before, after in zip(tokens, tokens[1:], strict=False):
        said = re.split(r"[,.!?;:、，。！？；：]", before)[-1]
        named = (0 < len(said) <= MAX_NAME and not re.search(r"\d", said) and any(n in said for n in names)
                 and any(n in after[:MAX_NAME] for n in names))
        out += ("、" if named else " ") + after
    return out


def _spread_out(text: str) -> bool:
    """Typed with a space after (nearly) every character: most of its space-separated pieces are one character."""
    pieces = text.split()
    return len(pieces) >= SPREAD_MIN and sum(len(p) == 1 for p in pieces) >= SPREAD_SHARE * len(pieces)


# 淮安那个区（洪泽区）, 上海那个管科技的（科委）: an agency described, then named in brackets: the name is the one asked
DESCRIBED_THEN_NAMED = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:那个|这个|那家|这家|那一个)[\u4e00-\u9fff]{0,10}?[（(]([\u4e00-\u9fff]{2,14})[）)]")
NAME_ENDINGS = ("局", "委", "办", "区", "县", "市", "委员会", "片区", "厅", "管委会", "政府")


# 成交量，也就是本年新收的申请 / 本期减少（办理结果总计）: the asker's own word, then the table's word for it
GLOSS = re.compile(r"[，,]\s*(?:也就是说?|亦即|即|指的是|换句话说|换言之|说白了(?:就是)?)\s*([^，,。？?；;！!]{2,24})"
                   r"|[（(]([\u4e00-\u9fff]{2,16})[）)]")
FIGURE_TERMS = tuple(w for w in (*QUERY_FIGURES, *QUERY_FIGURE_SUMS, *QUERY_REVIEW_GROUPS, *QUERY_ACTIVE_ITEMS)
                     if len(w) >= 2 and w not in WEAK_FIGURES)  # the words a gloss names a figure by
NOT_A_GLOSS = re.compile(r"^(?:含|包括|包含|不含|不包括|除|其中|不算|算上|加上|连同|或)|加|和|与|及|、|\+")  # 公开（含部分公开）: what
# it includes; 比例（全部公开加部分公开）: its parts
JARGON_MAX = 8  # characters of the asker's own word a gloss replaces (发生额, 本期减少发生额)


def gloss_read(text: str) -> str:
    """The table's words in place of the asker's own that they explain (本期减少发生额，也就是办理结果的总计 -> 办理结果的
    总计): the asker said what is asked. The own word is the run of words right before the gloss, back to 的, a year,
    a number or a pause; a bracket explains only a word no figure word is in (不予公开（属于国家秘密）: a label)."""
    out = text
    for m in reversed(list(GLOSS.finditer(text))):
        said = m.group(1) or m.group(2)
        if not any(w in said for w in FIGURE_TERMS) or m.group(2) and NOT_A_GLOSS.search(said):
            continue
        own = _own_word(text[:m.start()])
        if len(own) < 2 or own.endswith(NAME_ENDINGS) or (m.group(2) and any(w in own for w in FIGURE_TERMS)):
            continue
        out = out[:m.start() - len(own)] + said + out[m.end():]
    return out


def _own_word(before: str) -> str:
    words = []
    for w, flag in reversed(word_tags(before)):
        if w == "的" or flag in ("x", "m", "q", "t", "uj", "p", "r") or re.search(r"[\d\W]", w) or sum(map(len, words)) + len(w) > JARGON_MAX:
            break
        words.insert(0, w)
    return "".join(words)


def _named_after(text: str, names: tuple[str, ...]) -> str:
    """The bracketed name in place of the description before it, where it names a place held or ends as an agency's
    name does (not 那个数（不急）, an aside)."""
    def named(m: re.Match) -> str:
        name = m.group(1)
        if name.startswith(("不是", "并非", "非", "不含", "不包括", "除了", "除")):
            return m.group()  # 那个县政府（不是实验区管委会）: what it is not, the description stands
        return name if name.endswith(NAME_ENDINGS) or any(n in name for n in names) else m.group()
    return DESCRIBED_THEN_NAMED.sub(named, text)


def strip_fillers(text: str, names: tuple[str, ...] = ()) -> str:
    """The question without a speaker's fillers (嗯, 然后, 就是) where they open a clause, nor 那个 before a place,
    a year or a pause (那个鹿城区22年…: dictated; 那个单位… asks which one)."""
    text = FILLER.sub("", text)
    return _that_before(names).sub("", text) or text


@lru_cache(maxsize=8)
def _that_before(names: tuple[str, ...]) -> re.Pattern:
    """那个 opening a clause before a pause, a digit or one of the names (compiled once per catalogue)."""
    ahead = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return re.compile(rf"{CLAUSE_START}那个(?=[\s,，\d]{'|' + ahead if ahead else ''}){_EDGE}")


LEAD_IN = re.compile(r"^([^:：?？]{2,20})[:：]\s*")
# 先问是不是，再问为什么：, 这个率怎么算你帮我算：: a lead-in about the asking, whose question words are what it asks about
ASKING_ABOUT = re.compile(r"问(?:问)?(?:是不是|为什么|什么|多少|几个问题|个问题)|(?:怎么|如何)(?:算|问|查|计算)")
LEAD_IN_ASKS = re.compile(r"[\dA-Za-z]|[一二两三四五六七八九十]+(?:个|项|件|家|份|组|条|次|类|张)|多少|几|吗|呢|哪|谁|什么"
                          r"|怎么|如何|是否|有没有|年")  # nor a
# number (帮我查三个片区的数：) nor English (Hongze: were there more …, a label that names the agency)


SAYING_TAGS = ("i", "l")  # jieba's idioms (成语) and set phrases (习用语)
SAYING_PARTICLES = frozenset("不吗啊呀了吧嘛呢么哈哦咯啦")  # said around a saying
LEAD_CLAUSE = re.compile(r"^([^,，。?？!！:：]{4,14})[,，。?？!！]\s*")


def said_only(clause: str) -> bool:
    """Whether a clause is a saying and nothing else, particles aside (水涨船高不？, 竹篮打水一场空啊，): a lead-in
    that colours the question without asking anything of its own."""
    tags = word_tags(clause)
    return any(f in SAYING_TAGS for _, f in tags) and all(f in SAYING_TAGS or set(w) <= SAYING_PARTICLES for w, f in tags)


def without_lead_in(text: str, names: tuple[str, ...] = ()) -> str:
    """The question without a lead-in before a colon that asks nothing and names no agency, year or figure (请教您个
    事儿：, 老师让我们查资料：, 百闻不如一见，直接给我个数：), or a saying said first as a clause of its own (水涨船高不？
    那2023年的是多少？): its words would be read as the topic asked."""
    while (m := LEAD_CLAUSE.match(text)) and len(text) - m.end() >= MIN_QUESTION and said_only(m.group(1)):
        text = text[m.end():]
    m = LEAD_IN.match(text)
    if not m or len(text) - m.end() < MIN_QUESTION or LEAD_IN_ASKS.search(ASKING_ABOUT.sub("", lead := m.group(1))) or any(
            n in lead for n in names) or any(w in lead for w in QUERY_FIGURES if len(w) >= 2):
        return text
    return text[m.end():]


def strip_courtesy(text: str) -> str:
    """The question without what is said around it (请问, 麻烦帮我查查, 谢谢, 急): the words before an agency's name
    would be read as part of it, and those after a follow-up's 呢 hide it; in a long message, what comes before
    the words that announce the question (…先问一个最简单的吧：) and the afterthoughts after its question mark."""
    if told := TOLD_THEN_WHICH.match(text):  # …年报里有一句“…”。还有哪份也提到了…: the sentence that asks
        text = told["asked"]
    if (intro := QUESTION_INTRO.search(text)) and len(text) - intro.end() >= MIN_LEFT:
        text = text[intro.end():]  # the question announced; what follows its question mark and asks nothing is an
        if (ask := text.find("?")) >= MIN_LEFT and not re.search(r"\d|多少|几|吗|呢|哪|谁|什么|怎么|如何|预测|百分", text[ask:]):
            text = text[:ask + 1]  # afterthought (后面可能还要问别的,材料下周一要交)
    while (m := OPENER.match(text) or ACKNOWLEDGED.match(text)) and len(text) - m.end() >= MIN_LEFT:
        text = text[m.end():]
    while (m := CLOSER.search(text)) and m.start() >= MIN_LEFT:
        text = text[:m.start()] + next((c for c in "?？" if c in m.group()), "")
    return text


# …先问一个最简单的吧：, 我的问题是：, 问题如下：: the question follows the colon
QUESTION_INTRO = re.compile(r"(?:(?:先|再|就|只)?问(?:[一1两2]个|一下|个)[^,，。?？:：]{0,8}?(?:吧|啊)?|(?:我的)?问题(?:是|如下))[:：]")


def is_english(text: str) -> bool:
    """Mostly Latin letters (a question may still hold a Chinese name); a term typed in pinyin (那 bufen gongkai 的呢)
    is Chinese."""
    text = ENGLISH_RUN.sub(_pinyin_term, text)
    letters = [c for c in text if not c.isspace() and not c.isdigit() and c.isalnum()]
    return bool(letters) and sum(1 for c in letters if LATIN.match(c)) / len(letters) > 0.6


# the asker's own story, then what they ask (…, but my question is about the Shanghai General Office: …)
STORY_THEN_ASKED = re.compile(r"^.{8,}?(?:\bbut\b|\bhowever\b|;)\s*(?:my question is|what i(?:'m| am) asking is|i(?:'m| am) asking|"
                              r"i(?:'d| would) like to know|i want to know|what i want to know is)\s+(?:about\s+)?", re.IGNORECASE)


SELF_INTRODUCED = re.compile(r"^\s*(?:i'm|i am|as|we're|we are)\s+(?:a|an)\s+[^:;,.?]{1,40}[:;,.]\s*"
                             r"|^\s*(?:i'm|i am|we're|we are|my name is)\s+[^:;.?!]{1,160}[.;:!]\s+(?=\S[^?]*\?)",
                             re.IGNORECASE)  # …, writing my thesis on local transparency. According to …?: a sentence
# about the asker before the one that asks


def english_asked(text: str) -> str:
    """An English question without what it says about the asker or their errand: what the passages are searched by."""
    return SELF_INTRODUCED.sub("", STORY_THEN_ASKED.sub("", text)).strip() or text
MORE = ("more", "higher", "greater")
THAN_YEAR = re.compile(r"\b(more|fewer|less|higher|lower|greater)\b(.*?)\bin (\d{4}) than (?:in )?(\d{4})", re.IGNORECASE)


def _joined_names(s: str, places: dict[str, str]) -> str:
    """Two words that together spell a held place's romanised name, as one word."""
    words = s.split(" ")
    for i in range(len(words) - 1):
        if words[i] and words[i + 1] and words[i] + words[i + 1] in places:
            words[i], words[i + 1] = words[i] + words[i + 1], ""
    return " ".join(w for w in words if w) if "" in words[1:-1] else s


def english_to_chinese(text: str, places: dict[str, str]) -> str:
    """English question words to the Chinese the rest of the path reads: years as 2022年 (from 2019 to 2020 as a
    range), the glossary's phrases (longest first), romanised place names matched against the catalogue's places,
    acronyms kept as typed (GDP: what the reports do not record must still be seen); other English words are
    dropped. "What was …?" asks a value: 是多少 goes last, where a Chinese question says it."""
    text = english_asked(text)  # I'm a foreign researcher: …; I filed with X last year, but my question is about Y
    text = THAN_YEAR.sub(lambda m: f"{m[2]} in {m[3]} 比 {m[4]} {'多' if m[1].lower() in MORE else '少'}", text)  # more
    # requests in 2024 than in 2023: 2024年比2023年多, as Chinese orders it
    text = PLACE_IN_PLACE.sub(r"\3 \1 \2", text)  # Longwan District in Wenzhou: said as Chinese says it, city first
    acronyms = {w.lower(): w for w in ACRONYM.findall(text)}
    s = " " + re.sub(r"['’]s\b", "", text.lower()).replace("'", "").replace("’", "") + " "
    s = _joined_names(s, places)  # Lu Cheng, Hong Ze: a place's syllables typed apart
    s = re.sub(r"[a-z]{5,}", lambda m: _spelled(m.group(), places), s)  # disclsoed, Pigntan: one slip
    s = _unlabelled(s, places)  # Fact check: did …: a label said before the question
    s = _numbered_items(s)  # give me (a) …, (b) …: each lettered item a part, as (1) (2) number them in Chinese
    s = LISTED_AFTER_COLON.sub(_listed, s)  # figures please: requests received, requests granted, and …: a list
    s = CARRIED_ON.sub(" carried forward ", s)
    s = WENT_TO_PLACE.sub(" visit ", s)
    s = GOT_REQUESTS.sub("receive", s)  # did Hongze get more requests: an agency gets requests (收到), applicants get information
    s = FISCAL_YEAR.sub(r" \1 ", s)
    s = YEAR_OF_ANIMAL.sub(lambda m: f" {ANIMALS_EN[m.group(1)]}年 ", s)
    s = AGE_SAID.sub(" 年龄 ", s)
    s = BOUND_WORD.sub(lambda m: " 超过 " if m.group(1) == "over" else " 少于 ", s)  # over 50 requests: a bound
    s = YEAR_RANGE.sub(lambda m: " {}年到{}年 ".format(*(g for g in m.groups() if g)), s)
    s = YEAR_FROM.sub(lambda m: f" {next(g for g in m.groups() if g)}年以来 ", s)
    s = YEAR_UNTIL.sub(r" \1年以前 ", s)
    s = BARE_YEAR.sub(r"\g<0>年", s)
    s = CLAUSE_AND.sub(" , ", s)  # …receive in 2022 and how many were granted: two parts, as a Chinese comma says
    s = YES_NO_CLAUSE.sub(r"\g<0> 吗 ", s)  # …, was it sued: a yes-no part, as 吗 says it
    s = WHAT_CLAUSE.sub(r"\1 是多少 ", s)  # …, and what was the disclosure rate: that part asks a value too
    s = WHAT_NOUN_CLAUSE.sub(" 什么 ", s)  # …, and what weakness did it admit: a part of its own, asking what
    s = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", s)  # new-media, third-party: the glossary's words
    s = COMPARED_WITH_EN.sub(r" 跟 \1 比呢 ", s)  # how did it compare with 2023: the part before, set beside 2023
    s = TOPIC_EN.sub(lambda m: _topic(m, places), s)
    asks_value = bool(WHAT_IS.match(s))
    s = WHAT_IS.sub(" ", s)
    s = _glossed(s)
    out = []
    tokens = re.split(r"(\s+|[,.?!;:()])", s)
    for i, token in enumerate(tokens):
        if not token or token.isspace() or not LATIN.search(token):
            out.append(token.strip())
            continue
        after = next((t for t in tokens[i + 1:] if t.strip()), "")
        han = next((t for t in tokens[i + 1:] if HAN.search(t)), "")  # the next glossed word, past unknown ones
        out.append(_place(token, places) or acronyms.get(token) or _division(token, after) or _gap(token, han.strip()))
    zh = re.sub(rf"(?<=\d)[\s{GAP}]+(?=\d)", "，", " ".join(t for t in out if t))  # 100 times in 2024: two numbers
    zh = re.sub(r"(?<!\d)\s+|\s+(?!\d)", "", zh)
    zh = re.sub(rf"{GAP}+", GAP, zh)
    zh = re.sub(rf"(?<![\u4e00-\u9fff]){GAP}|{GAP}(?![\u4e00-\u9fff])", "", zh).replace(GAP, "·")  # parts Han only
    zh = re.sub(r"[,，;；:：]*、[,，;；]*", "、", zh).replace("年、", "年")  # 2024, (a) …, (b) …: one list
    if not asks_value:
        return zh
    if re.search(r"[,，;；]", zh):  # What was X, and how did it compare…: the first clause asks the value
        return re.sub(r"\s*([,，;；])", r"是多少\1", zh, count=1)
    return re.sub(r"([?？]?)$", r"是多少\1", zh, count=1)


ENGLISH_FUNCTION_WORDS = (  # say nothing of what is asked
    "and", "or", "for", "with", "about", "have", "has", "had", "them", "they", "their", "its",
    "this", "that", "these", "those", "any", "all", "been", "from", "what", "many", "much", "cases",
    "case", "there", "number", "end", "ended", "ending", "finish", "finished", "close", "closed")
ORGAN_WORDS = ("局", "委员会", "办公室", "办公厅", "管委会", "政府", "人民政府", "中心")  # an organ glossed alone
GAP_NEUTRAL = ("year", "years")  # that year, over the years: what the years said beside them already say
GAP = "\x00"  # where the glossary dropped a word of content, until the spaces are taken out; then a middle dot (·),
# which parts two Han runs as a space would not (a space between Han words parts clauses)


def _gap(token: str, after: str = "") -> str:
    """A word the glossary does not know, left out, still parts the glossed words either side (how did the office
    keep an eye on each unit: 办公室 and what follows are not one name; Pingtan … government website: 平潭 政府网站,
    not 平潭政府); a function word (of, the, did) parts nothing."""
    if after in ORGAN_WORDS:  # Pingtan's housing bureau: a word of the agency's name, whose place and organ join
        return ""
    return GAP if len(token) > 3 and token not in ENGLISH_FUNCTION_WORDS and token not in GAP_NEUTRAL else ""


def _numbered_items(s: str) -> str:
    """(a) … (b) … / 1) … 2) …: the items numbered as a Chinese list numbers them, so each is read as a part."""
    count = iter(range(1, 100))
    return LIST_MARK.sub(lambda m: f" ({next(count)}) ", s) if len(LIST_MARK.findall(s)) >= 2 else s


LISTED_AFTER_COLON = re.compile(r"(?<=:)([^:?]+)")
ASKING_EN = re.compile(r"\b(?:how|what|which|who|whether|why|did|does|do|was|were|is|are|has|had)\b")


def _listed(m: re.Match) -> str:
    """The items after a colon, three or more and none a question of its own (requests received, requests granted in
    full, and cases filed), as a list: joined as 、 joins them, so each is a part."""
    items = [i for i in re.split(r",\s*(?:and\s+)?|;\s*|\s+and\s+(?=[^,]*$)", m.group(1)) if i.strip()]
    if len(items) < 3 or any(ASKING_EN.search(i) for i in items):
        return m.group()
    return " 、 ".join(items)


def _topic(m: re.Match, places: dict[str, str]) -> str:
    """requests about pandemic measures -> 关于所问主题的 requests, when a word of the subject is no word of the glossary
    or a place (requests about disclosure are all of them: kept as typed)."""
    words = []
    for w in m.group(2).split():
        if w in TOPIC_END:
            break
        words.append(w)
    left = re.findall(r"[a-z]+", _glossed(" " + " ".join(words) + " "))  # information disclosure: glossed whole
    unknown = [w for w in left if w not in ("the", "a", "an", "its", "their", "his", "her") and not _place(w, places)]
    if not unknown:
        return m.group()
    return f" 关于{TOPIC_ASKED}的 {m.group(1)} " + " ".join(m.group(2).split()[len(words):]) + " "


MIN_DIVISION = 5  # jilin, anhui: a romanised division this long is read as a place
MIN_PINYIN = 4  # fuyi: a shorter run (an, he) is more likely an English word or a letter than a term
ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z' -]*[A-Za-z]")


def _glossed(s: str) -> str:
    """Lower-case English in the glossary's Chinese: its phrases of several words as typed, then every word's lemma
    against the glossary's lemmas (reconsiderations, lost, were corrected, release in full); a single word glossed
    first would break a phrase it is part of (in -> nothing inside release in full)."""
    for phrase, zh in _english_patterns(several_words=True):
        s = phrase.sub(f" {zh} ", s)
    s = re.sub(r"[a-z]+", lambda m: lemma(m.group()), s)
    for phrase, zh in _english_patterns(lemmas=True):
        s = phrase.sub(f" {zh} ", s)
    return s


def _unlabelled(s: str, places: dict[str, str]) -> str:
    """The question without a label said before it (fact check:, for my article:); a label that names something
    (Hongze:, Hongze licensing decisions:) is part of the question."""
    m = LABEL.match(s)
    if not m or re.search(r"[\u4e00-\u9fff]", _glossed(m.group())) or any(
            _place(w, places) for w in re.findall(r"[a-z]+", m.group())):
        return s
    return " " + s[m.end():]


def _glossed_run(m: re.Match) -> str:
    """An English run inside a Chinese question, said in the glossary's Chinese when every word of it is glossed
    (application -> 申请, partially granted -> 部分公开), or a domain term typed in pinyin (fuyi, bufen gongkai);
    kept as typed otherwise (GDP, a name)."""
    s = _glossed(" " + m.group().lower() + " ")
    return s.replace(" ", "") if not LATIN.search(s) else _pinyin_term(m)


def _pinyin_term(m: re.Match) -> str:
    """A domain term typed in pinyin (xingzheng fuyi -> 行政复议), else the run as typed."""
    return terms_by_spelling().get(re.sub(r"[^a-z]", "", m.group().lower()), m.group())


@lru_cache(maxsize=1)
def terms_by_spelling() -> dict[str, str]:
    """Domain terms keyed by their pinyin as typed without tones or spaces (xingzhengfuyi -> 行政复议); a spelling
    two terms share is left out, as in `terms_by_sound`."""
    by_spelling: dict[str, str | None] = {}
    for sound, term in terms_by_sound().items():
        key = "".join(sound)
        by_spelling[key] = None if key in by_spelling and by_spelling[key] != term else term
    return {k: v for k, v in by_spelling.items() if v and len(k) >= MIN_PINYIN}


@lru_cache(maxsize=4)
def _english_patterns(lemmas: bool = False, several_words: bool = False) -> list[tuple[re.Pattern, str]]:
    """The glossary's phrases as patterns, longest first; with `lemmas`, each word of them as its lemma; with
    `several_words`, only the phrases of more than one word."""
    def form(p: str) -> str:
        p = p.replace(chr(39), "").replace("-", " ")  # didn't -> didnt, sub-zone -> sub zone, as the question is read
        return re.sub(r"[a-z]+", lambda m: lemma(m.group()), p) if lemmas else p

    return [(re.compile(rf"(?<![a-z]){re.escape(form(p))}(?![a-z])"), zh)
            for p, zh in sorted(ENGLISH_TERMS.items(), key=lambda kv: len(kv[0]), reverse=True)
            if not several_words or " " in form(p)]


@lru_cache(maxsize=4096)
def lemma(word: str) -> str:
    """An English word's dictionary form (simplemma: lawsuits -> lawsuit, lost -> lose, corrected -> correct)."""
    import simplemma

    return simplemma.lemmatize(word, lang="en")


def _division(token: str, after: str = "") -> str:
    """beijing -> 北京: a division the corpus holds no agency of is still a place (its agencies are declined as not
    held, never read as a held one's); a short token (an, he) is too likely an English word, and so is a word of
    the dictionary (how-to guides: not 贵德) unless a division's word follows it (Beijing municipal, Guide County)."""
    from index.parse.geography import romanised_divisions

    if len(token) < MIN_DIVISION or (is_english_word(token.lower()) and not after.startswith(DIVISION_AFTER)):
        return ""
    return romanised_divisions().get(token.lower(), "")


DIVISION_AFTER = ("市", "县", "区", "省", "自治", "county", "district", "city", "province", "municipal", "prefecture")


def _place(token: str, places: dict[str, str]) -> str | None:
    """A romanised place name (huaian, hongze, pingtan) -> its Chinese name, exact or within one slip."""
    if token in places:
        return places[token]
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    best = process.extractOne(token, list(places), scorer=OSA.distance, score_cutoff=1) if len(token) >= 5 else None
    return places[best[0]] if best else None


def _spelled(word: str, places: dict[str, str]) -> str:
    """An English word typed with a slip (disclsoed, indivdiuals, requets) -> the glossary's word it is one edit from
    (two letters swapped count as one; two edits for a word of eight letters or more: companys), where it is no
    English word itself and the glossary words that near are one word (request and requests are one)."""
    from rapidfuzz.distance import OSA

    if len(word) < 5 or word in places or word in _glossary_words() or is_english_word(word):
        return word
    for edits in (1, 2) if len(word) >= LONG_WORD else (1,):
        near = sorted((w for w in _glossary_words() if abs(len(w) - len(word)) <= edits
                       and OSA.distance(word, w) <= edits), key=len)
        if near:
            return near[0] if len({lemma(w) for w in near}) == 1 else word
    return word


LONG_WORD = 8  # companys: a word this long may carry two slips and still be read as one glossary word


@lru_cache(maxsize=1)
def _glossary_words() -> frozenset[str]:
    """Every word of five letters or more in the glossary's English phrases, as written there."""
    return frozenset(w for term in ENGLISH_TERMS for w in re.findall(r"[a-z]+", term.replace("'", "")) if len(w) >= 5)


@lru_cache(maxsize=4096)
def is_english_word(word: str) -> bool:
    import simplemma

    return simplemma.is_known(word, lang="en")


def _fractions(text: str) -> tuple[str, list[str]]:
    """A fraction said in words (三分之一, 百分之30, 千分之5) as the percent the tables' rates are given in, so a bound
    or a claim reads it like 33.33%; 百分之几 and 占千分之多少 ask a rate and stay."""
    changes: list[str] = []

    def percent(m: re.Match) -> str:
        den, num = (_small_number(g) for g in m.groups())
        if den is None or num is None or not 0 < num <= den:
            return m.group()
        shown = f"{round(100 * num / den, 2):g}%"
        changes.append(f"{m.group()}->{shown}")
        return shown

    return FRACTION.sub(percent, text), changes


def _small_number(word: str) -> float | None:
    import cn2an

    if word in ("百", "千"):
        return 100.0 if word == "百" else 1000.0
    try:
        return float(word) if re.fullmatch(r"\d+(?:\.\d+)?", word) else float(cn2an.cn2an(word, "smart"))
    except (ValueError, KeyError):
        return None


FINANCIAL = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰仟", "一二三四五六七八九十百千")
# 贰零贰叁年, 壹佰贰拾件: numerals written as on a cheque, two or more in a run (陆续, 收拾一下: a word's character)
FINANCIAL_RUN = re.compile(r"[零〇○壹贰叁肆伍陆柒捌玖拾佰仟一二三四五六七八九十百千万]{2,}")


def _financial_numerals(text: str) -> tuple[str, list[str]]:
    """Numerals in their financial (大写) forms to the common ones, which the next step reads as digits."""
    changes: list[str] = []

    def common(m: re.Match) -> str:
        run = m.group().translate(FINANCIAL)
        if sum(a != b for a, b in zip(run, m.group(), strict=True)) >= 2:  # 收拾一下: one is a word's
            changes.append(f"{m.group()}->{run}")
            return run
        return m.group()

    return FINANCIAL_RUN.sub(common, text), changes


def _arabic_numerals(text: str) -> tuple[str, list[str]]:
    """Chinese numerals that count or date something (二〇二二年, 一百二十件, 三成) to Arabic digits; a numeral that
    is part of a word (统一, 三安全一稳定, 一网通办) stays."""
    import cn2an

    changes: list[str] = []

    def convert(m: re.Match) -> str:
        run, after = m.group(), text[m.end():m.end() + 1]
        if (m.start() and len(run) > 1 and run[1] not in "十百千万"  # 第五十一条: 五 is the number's, not 第五's
                and _word_counts().get(text[m.start() - 1] + run[0], 0) >= COMMON_WORD):
            return run[0] + counts(run[1:], after)  # 唯一一件: the first 一 is 唯一's, one request is counted
        digits = counts(run, after)
        glued = m.start() and text[m.start() - 1].isdigit() and digits != run
        return "," + digits if glued else digits  # 2019、2020、2021三个年度: 2021 and 3 stay two numbers

    def counts(run: str, after: str) -> str:
        digits = "".join(str("〇一二三四五六七八九".index(c)) if c in "〇一二三四五六七八九" else
                         ("0" if c in "零○" else "") for c in run)
        said_as_digits = len(digits) == len(run)  # 二〇二二, 二二: read out digit by digit, as a year is
        if said_as_digits and len(run) == 4 and YEAR_SPOKEN[0] <= int(digits) <= YEAR_SPOKEN[1]:
            changes.append(f"{run}->{digits}")  # 二零一九跟二零二零年比: a year, with or without 年 after it
            return digits
        counted = after and after in COUNTERS and not (after == "年" and len(run) == 1)  # 前一年, 近三年: words
        if not counted and not (len(run) >= 2 and re.search(r"[十百千万]", run)):
            return run
        if after == "年" and len(run) in (2, 4) and not re.search(r"[十百千万两]", run):  # 二〇二二年, 二二年
            if said_as_digits:
                changes.append(f"{run}->{digits}")
                return digits
            return run
        try:
            value = cn2an.cn2an(run, "smart")
        except (ValueError, KeyError):
            return run
        shown = str(int(value)) if float(value).is_integer() else str(value)
        changes.append(f"{run}->{shown}")
        return shown

    return CN_NUMERAL.sub(convert, text), changes


@lru_cache(maxsize=1)
def terms_by_sound() -> dict[tuple[str, ...], str]:
    """Domain terms keyed by their toneless pinyin; a sound shared by two terms is left out (no guessing)."""
    from pypinyin import lazy_pinyin

    terms = {*QUERY_FIGURES, *QUERY_FIGURE_SUMS, *QUERY_REVIEW_GROUPS, *QUERY_REVIEW_OUTCOMES, *QUERY_RATES,
             *QUERY_COLUMNS, *QUERY_ACTIVE_ITEMS, *QUESTION_TERMS, *NARRATIVE_CUES, *ASKED_WITH}  # 问提, 不组
    by_sound: dict[tuple[str, ...], str | None] = {}
    for t in terms:
        if 2 <= len(t) <= MAX_TERM and re.fullmatch(r"[\u4e00-\u9fff]+", t):
            key = tuple(lazy_pinyin(t))
            by_sound[key] = None if key in by_sound and by_sound[key] != t else t
    return {k: v for k, v in by_sound.items() if v}


@lru_cache(maxsize=8192)
def _sound(ch: str) -> str:
    from pypinyin import lazy_pinyin

    return lazy_pinyin(ch)[0]


def correct_unheard(text: str, contains) -> tuple[str, list[str]]:
    """A word no report holds that sounds exactly like a domain term (服役 for 复议, 深情 for 申请, 首道 for 收到): an input
    method's whole-word slip, read as the term. `contains(word)`: whether any stored report holds it; a word a report
    holds is left as typed (受到, 出发 are words of their own there)."""
    from index.stores.lexical import load_jieba

    table = terms_by_sound()
    terms = set(table.values())
    changes = []
    for w in load_jieba().lcut(text):
        if not (2 <= len(w) <= MAX_TERM and re.fullmatch(r"[\u4e00-\u9fff]+", w)) or w in terms:
            continue
        term = table.get(tuple(_sound(c) for c in w))
        if term and not contains(w):
            text = text.replace(w, term, 1)
            changes.append(f"{w}->{term}")
    return text, changes


def correct_question_words(text: str) -> tuple[str, list[str]]:
    """哪写/拿些 -> 哪些 (a run sounding like a question word that is no word of its own), and 那些/那个/那家 -> 哪…
    in a sentence that says no question word at all."""
    changes = []
    for word in INTERROGATIVES:
        sound = tuple(_sound(c) for c in word)
        for i in range(len(text) - 1):
            window = text[i:i + 2]
            if (window != word and tuple(_sound(c) for c in window) == sound and window[0] != "那"
                    and _word_counts().get(window, 0) < COMMON_WORD):
                changes.append(f"{window}->{word}")
                text = text[:i] + word + text[i + 2:]
    if not any(w in text for w in ASKING_WORDS) and (m := re.search(r"那(?=些|个|家|几|[一1](?:类|种|项|个|家))", text)):
        changes.append(f"那{text[m.end()]}->哪{text[m.end()]}")
        text = text[:m.start()] + "哪" + text[m.end():]
    return text, changes


def correct_homophones(text: str) -> tuple[str, list[str]]:
    """An input-method slip inside a domain term (申情 -> 申请, 复意 -> 复议, 诉松 -> 诉讼): a run of characters that
    sounds exactly like a term and differs from it in one character (统一公开 is no slip for 同意公开). Linear in the question's length
    (one dictionary look-up per position and term length)."""
    table = terms_by_sound()
    lengths = sorted({len(k) for k in table}, reverse=True)
    known = set(table.values())
    taken = _taken(text)
    chars, changes, i = list(text), [], 0
    while i < len(chars):
        for n in lengths:
            window = "".join(chars[i:i + n])
            if len(window) < n or not re.fullmatch(r"[\u4e00-\u9fff]+", window):
                continue
            if window in known or (n >= 3 and _word_counts().get(window, 0) >= WORD_OF_ITS_OWN):
                break  # 申请书 is a word of its own, not a slip for 申请数
            term = table.get(tuple(_sound(c) for c in window))
            if term and len(term) == 2 and term[1] in PARTICLES:
                continue  # 讲了 is a verb of its own, no slip for 降了: one character before a particle says too little
            slipped = [d for d, (a, b) in enumerate(zip(window, term, strict=True)) if a != b] if term else []
            if len(slipped) != 1 or taken[i + slipped[0]] or _cuts_word(chars, i, n) or (
                    any(taken[i:i + n]) and _in_a_word(chars, i + slipped[0])):  # 全部公开 holds 部公开 (不公开);
                continue  # 大概进来 holds 概进 (改进); 纠错律: the slip is beside the term 纠错, 申请沭阳: 沭 is 沭阳's
            chars[i:i + n] = list(term)
            changes.append(f"{window}->{term}")
            break
        i += 1
    return "".join(chars), changes


NEGATING = frozenset("不没未无非否")  # a character whose loss or gain turns a word into its opposite
PARTICLES = "了的过着"  # grammar after a verb (降了, 多了)
TOLD_TO = set("我你您咱")  # a verb said to a person (告诉我) is no figure word: none is followed by the asker


@lru_cache(maxsize=1)
def _long_terms() -> dict[int, list[str]]:
    """Figure words of three or more characters, by length: long enough that two swapped characters (被议复), and
    from four one changed character (告上法院 for 告上法庭, 另外制作 for 另行制作), are a slip, not another word."""
    by_len: dict[int, list[str]] = {}
    for t in {*QUERY_FIGURES, *QUERY_FIGURE_SUMS, *QUERY_REVIEW_GROUPS}:
        if len(t) >= SWAPPED_MIN and re.fullmatch(r"[\u4e00-\u9fff]+", t):
            by_len.setdefault(len(t), []).append(t)
    return by_len


SWAPPED_MIN, CHANGED_MIN = 3, 4  # 被议复: two swapped characters of a three-character word are a slip; a changed or
# dropped one only of a longer word


def _swapped(window: str, term: str) -> bool:
    """Two neighbouring characters of the term swapped (分部公开, 被议复): the same characters in another order."""
    return len(window) == len(term) and sorted(window) == sorted(term)


def correct_near_terms(text: str) -> tuple[str, list[str]]:
    """A run one edit away from exactly one long figure word becomes that word (rapidfuzz's OSA distance: a
    character changed, two swapped — 行政议复, 分部公开, 被议复 — or one dropped — 行政议, 本机关不握); but for two
    swapped, the first character must stay. A run that is a figure word, or that two words are equally near, stays.
    Work: question length x words."""
    from rapidfuzz.distance import OSA

    by_len = _long_terms()
    known = {t for ts in by_len.values() for t in ts}
    taken = _taken(text)
    changes, i, chars = [], 0, list(text)
    while i < len(chars):
        for n, size in sorted(((m, size) for m in by_len for size in (m, m - 1) if size >= SWAPPED_MIN), reverse=True):
            window = "".join(chars[i:i + size])
            if len(window) < size or window in known or _printed_here(chars, i, window) \
                    or not re.fullmatch(r"[\u4e00-\u9fff]+", window) or _cuts_word(chars, i, size) \
                    or "".join(chars[i + size:i + size + 1]) in TOLD_TO:  # 继续办？ and 全部给公开 (whose 部给公开 cuts
                continue  # 全部) are no slips for 继续办理 and 部分公开, nor 直接告诉我 (said to someone) for 直接起诉
            near = [t for t in by_len[n] if OSA.distance(window, t) == 1 and not NEGATING & (set(t) ^ set(window))
                    and (_swapped(window, t) or window[0] == t[0] and n >= CHANGED_MIN)]  # 提供了 is no slip for
            # 提供不了: the meaning flips
            if len(near) == 1 and not _read_apart("".join(chars), taken, i, size, near[0]):
                chars[i:i + size] = list(near[0])
                changes.append(f"{window}->{near[0]}")
                i += size - 1
                break
        i += 1
    return "".join(chars), changes


def _read_apart(text: str, taken: list[bool], i: int, size: int, term: str) -> bool:
    """A word the vocabulary reads inside the window stands, unless it is a piece of the term the window is one edit
    from and lies wholly inside it (结转下度: 结转 of 结转下年度, a character dropped; 办理果结: 办理 of 办理结果, two
    swapped), and what is left of the window is one run and no word of its own (多申请, 依申请公开 are words said as
    they are; 依申请里 and 依申请件快 are no 依申请量 and 依申请件数: a changed character beside a word is no slip)."""
    inside = taken[i:i + size]
    if not any(inside):
        return False
    if (i and inside[0] and taken[i - 1]) or (i + size < len(taken) and inside[-1] and taken[i + size]):
        return True  # the word runs past the window's edge: it is read, and the window cuts it
    runs = [text[i + m.start():i + m.end()] for m in re.finditer(r"x+", "".join("x" if t else "." for t in inside))]
    rest = [text[i + m.start():i + m.end()] for m in re.finditer(r"\.+", "".join("x" if t else "." for t in inside))]
    changed = size == len(term) and sorted(text[i:i + size]) != sorted(term)  # a character changed, not two swapped
    return any(r not in term for r in runs) or changed or len(rest) != 1 or len(rest[0]) < MIN_SLIP_REST or \
        _word_counts().get(rest[0], 0) >= COMMON_WORD


def _in_a_word(chars: list[str], at: int) -> bool:
    """The character at `at` makes a dictionary word with a neighbour (沭阳 after 申请: a place, no slip for 申请数)."""
    pairs = ("".join(chars[at - 1:at + 1]) if at else "", "".join(chars[at:at + 2]))
    return any(len(p) == 2 and _word_counts().get(p) for p in pairs)


def _cuts_word(chars: list[str], i: int, n: int) -> bool:
    """The run chars[i:i+n] begins or ends inside a common word (大概 before 进, 进来 after 概): no slip."""
    freq = _word_counts()
    edges = ("".join(chars[i - 1:i + 1]) if i else "",
             "".join(chars[i + n - 1:i + n + 1]) if i + n < len(chars) and chars[i + n] not in PARTICLES else "")
    return any(len(w) == 2 and freq.get(w, 0) >= COMMON_WORD for w in edges)  # 开了: a verb and its particle, no word


@lru_cache(maxsize=1)
def _word_counts() -> dict[str, int]:
    """jieba's dictionary counts (loaded once; asked for every window a slip is looked for in)."""
    from index.stores.lexical import load_jieba

    jieba = load_jieba()
    jieba.dt.check_initialized()
    return jieba.dt.FREQ


def _taken(text: str) -> list[bool]:
    """Characters inside a word the vocabulary already reads: never rewritten as a slip."""
    taken = [False] * len(text)
    for m in _any_term().finditer(text):
        taken[m.start():m.end()] = [True] * (m.end() - m.start())
    return taken


def _listed_terms(text: str) -> str:
    """A space between two figure words asked each (行政许可 行政处罚 各多少), or typed as a search box's keywords with
    no question word at all (洪泽区 2024 新收申请 予以公开), lists them, as 、 does; elsewhere a space parts clauses
    (复议 被纠正 几个: one figure)."""
    keywords = not re.search(r"[?？]", text) and not any(w in text for w in ASKING_WORDS)
    if not keywords and not re.search(r"各|分别", text):
        return text
    out, last = [], 0
    for m in re.finditer(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", text):
        before = _any_term().findall(text[max(0, m.start() - 8):m.start()])
        after = _any_term().match(text, m.end())
        if before and text[:m.start()].endswith(before[-1]) and after:
            out += [text[last:m.start()], "、"]
            last = m.end()
    return "".join(out) + text[last:]


@lru_cache(maxsize=1)
def _any_term() -> re.Pattern:
    terms = sorted({*QUERY_FIGURES, *QUERY_FIGURE_SUMS, *QUERY_REVIEW_GROUPS, *QUERY_REVIEW_OUTCOMES, *QUERY_COLUMNS,
                    *QUERY_ACTIVE_ITEMS, *QUERY_RATES, *QUESTION_TERMS,
                    *(m for m in QUERY_ACTIVE_MEASURES if len(m) >= 3)}, key=len, reverse=True)  # not 制作: 另外制作
    return re.compile("|".join(re.escape(t) for t in terms))


def _printed_here(chars: list[str], i: int, window: str) -> bool:
    """The run at i is the template's own wording (不再处理, 另行制作): a label holds it, not only as what follows
    a negation the question does not say (予公开 after 2024年 is no 不予公开: a slip for 予以公开)."""
    labels = _label_text()
    at = labels.find(window)
    while at >= 0:
        negated = at and labels[at - 1] in NEGATING
        if not negated or (i and chars[i - 1] == labels[at - 1]):
            return True
        at = labels.find(window, at + 1)
    return False


@lru_cache(maxsize=1)
def _label_text() -> str:
    """The template's own labels: a run printed there (不再处理, 另行制作) is the report's wording, not a slip."""
    return "|".join(f"{r.group}{r.label}" for r in REQUEST_ROWS)


def normalize(text: str) -> str:
    """Full-width digits and punctuation to ASCII, no spaces (typed questions are short)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text or ""))


def normalized(question: str, catalog: Catalog) -> str:
    """The question as every later step reads it (simplified, Arabic numerals, slips corrected, English glossed)."""
    return normalize(normalize_question(question, romanised_places(question, catalog), tuple(catalog.places()),
                                        now=asker_year(catalog)).text)


def asker_year(catalog: Catalog) -> int | None:
    """The year a question is asked in, as the corpus knows it: the year after its newest report's."""
    years = catalog.all_years()
    return years[-1] + 1 if years else None


def romanised_places(question: str, catalog: Catalog) -> dict[str, str] | None:
    """The catalogue's romanised place names, where the question holds a Latin letter to read them in."""
    return catalog.romanised_places() if LATIN.search(question or "") else None
