"""Sentence-level evidence for narrative questions and narrative precedents.

Candidates are the sentences of a report's narrative (the text chunks' spans, so table regions are out),
each with the heading it stands under as context; headings, table rows, page furniture and the crawled
page's metadata block are never candidates. Offsets are into the report text: a candidate's text is exactly
`report.text[start:end]`.

A candidate is ranked by (measured per stage by bench/narrative_bench.py), on its text as read (wrapped lines
joined):
- the question's content words (not the named agency's short forms: 科委), weighted by how rare they are among
  the report's sentences (a word the vocabulary maps to the same table key counts as a synonym: 官司 ~ 诉讼), and
  the share of the question's content bigrams it repeats (its heading counts at a lower weight);
- the bundled model: the cosine of the stored passage (chunk) that holds it, its paragraph as context;
- what the question asks for: a shortfall, a plan or something new, by the sentence's wording and, for the first
  two, by its place (a heading that names one kind; in the problems section, shortfalls before the first
  sentence that opens the plans); 收费 -> the fee sentence;
- for a count (多少场, 几个人): a number with a unit, more when the unit is the one asked and when what it counts
  is what was asked (6期《问政平潭》).

Relevance: the bundled e5-small model gives unrelated passages cosines close to related ones (answerable
narrative questions 0.879-0.956, off-topic 0.85-0.91), so evidence counts when its passage clears
`min_relevance` and either it contains a content word of the question or the passage is very close
(>= STRONG_RELEVANCE)."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import logging
import math
import re
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import numpy as np
from pydantic import BaseModel

from assistant.coverage import unrecorded
from assistant.cues import CONTACT_FACTS, COUNT_ASKED, COUNTERS, MENTION_WORDS
from assistant.guard import parse_chinese_number
from assistant.read import has
from index.models import Report
from index.stores.chunks import DIGIT, HAN_CHAR, text_chunks
from index.stores.lexical import load_jieba, word_tags
from index.stores.slips import sounds_like
from index.vocabulary import (
    ENGLISH_TERMS,
    EVERYDAY_WORDS,
    QUERY_COLUMNS,
    QUERY_REVIEW_GROUPS,
    QUERY_REVIEW_OUTCOMES,
    QUERY_SECTIONS,
    QUESTION_TERMS,
    REVIEW_OUTCOMES,
    SECTION_HEADING_ENDS,
    SECTION_NAMES,
    SECTIONS,
)

log = logging.getLogger(__name__)

HAN = re.compile(r"[\u4e00-\u9fff]+")
HARD_END = re.compile(r"[。！？!?；;]+")
BOOK_TITLE = re.compile(r"《[^《》\n]{1,60}》")  # 《现在为您导航！2019上海再出发》: a title's ！ ends no sentence
HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|#)")
METADATA = re.compile(r"^\s*(?:标题|发布时间|文号|发布机构|栏目|原文链接|本地目录|页面链接|索引号|公开日期|成文日期"
                      r"|主题分类|发文机关|来源|字号)\s*[:：]|={4,}")
MIN_SENTENCE = 8  # characters; shorter pieces are headings or fragments
SHORT_LINE = 22  # a line this short ends a sentence (a heading); longer ones are wrapped PDF lines
SHORT_HEADING = 20  # a piece without a sentence end up to this long, or numbered like one, is a heading
ANNOUNCE_LEN = 60  # a sentence up to this long that announces a list (仍存在一些不足。) is context, not evidence
ENUMERATED = re.compile(r"\s*(?:#+\s*)?(?:[一二三四五六七八九十]+是|[（(]?[一二三四五六七八九十\d]+[)）、.．])[^，,；;：:]{2,26}[。；;]?$")
# a title of two short clauses (二是深化沟通联动，筑牢矛盾化解“第一道防线”。): a title only when a sentence that is
# not numbered follows it (一是设立信息公开栏，为公众提供…。二是… is a list of content)
TWO_CLAUSES = re.compile(r"\s*(?:#+\s*)?(?:[一二三四五六七八九十]+是|[（(]?[一二三四五六七八九十\d]+[)）、.．])"
                         r"[^，,；;：:。]{2,16}[，,][^，,；;：:。]{2,16}。$")
# titles of two or three levels printed as one sentence, each numbered (2.推进民生改善信息公开（1）推进扶贫脱贫和社会救助信息
# 公开。, （三）着力推进…建设1.强化…管理（1）提高…水平。): a title as one level is, however long the chain, its last level
# the one the sentences after it stand under
CHAIN_ORDINAL = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)")
CHAINED = re.compile(rf"\s*(?:#+\s*)?(?:{CHAIN_ORDINAL.pattern})[^，,；;：:。！？\s]{{2,30}}?"  # no sentence glued by a space
                     rf"(?:(?:{CHAIN_ORDINAL.pattern})[^，,；;：:。！？\s]{{2,30}}?)+[。；;]?$")  # (（一）公开的主要内容 2013年…)
ANNOUNCE = re.compile(r"(?:以下|如下|一些不足|一定差距|一定的差距|薄弱环节|主要问题|改进措施)[^，,。；;]{0,10}[。：:]?$|[：:]$")
# a longer sentence that only weighs the year (取得了一定的成绩，…，但也存在着一定的问题。): the shortfalls follow it
WEIGHED = re.compile(r"(?:取得|成绩|成效|进展)[^。；;]*(?:但|然而)[^，,。；;]{0,4}(?:存在|有)[^，,。；;]{0,6}"
                     r"(?:问题|不足|差距|薄弱环节|短板)[^，,。；;：:]{0,4}[。：:]?$")
GLUED_HEADING = re.compile(r"\s*(?:#+\s*)?(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])\s*"
                           r"[^，。,；;：:\d]{2,30}(?:情况|措施|问题|概述|事项|方面)"
                           r"(?:[（(][一二三四五六七八九十]+[)）][^，。,；;：:\d]{0,8}(?:问题|情况|措施))?")
# where a glued heading runs on to no colon, it ends at its first kind word (情况, 措施, …) unless a connector carries
# it on (问题及改进情况): the sentence glued after it may say 情况 again (（五）监督保障情况将政府信息公开情况纳入…
# opens at 将); one that runs on to a colon is the heading with its own subtitle (…改进情况存在的问题主要有：)
HEADING_FIRST_KIND = re.compile(r"\s*(?:#+\s*)?(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])\s*"
                                r"[^，。,；;：:\d]{2,30}?(?:情况|措施|问题|概述|事项|方面)"
                                r"(?:(?:及|和|与|、)[^，。,；;：:\d]{0,12}?(?:情况|措施|问题|事项))?"
                                r"(?:[（(][一二三四五六七八九十]+[)）][^，。,；;：:\d]{0,8}(?:问题|情况|措施))?")
# a numbered heading glued to its sentence by a space, as a crawled page prints it on one line
# (（二）主动公开政府信息的主要类别 2011年，… / 4.政务微博 在国内…)
SPACED_HEADING = re.compile(r"\s*(?:#+\s*)?(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．])"
                            r"[^，。,；;：:\d\s]{2,20}[ \t\u3000]+")
# an item's title right after the colon that announces the list (…进行改进：1、加强受理服务工作。): a piece of its own,
# so the item's title heads the sentences under it
TITLE_AFTER_COLON = re.compile(r"[：:]\s*(?:[一二三四五六七八九十]+是|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．])[^。；;：:\n]*[。；;]")
MARKDOWN_MARK = re.compile(r"#+[ \t\u3000]*")
SOFT_CUT = re.compile(r"[，,：:]")
LEADING = "：:，,、；; \t\u3000"  # punctuation a quote never opens with (left over from a heading cut off its front)
MAX_QUOTE = 160  # a longer sentence is cut at a comma near this length
MAX_ITEM = 2 * MAX_QUOTE  # an item (its title and the sentences under it) or a list quoted as one span
QUOTES = 3  # supporting quotes under the answer line
MAX_AGENCIES = 12  # agencies quoted for a question across the corpus (the rest are named)
RARE_HINT = 2  # sentences a hint may be printed in and still count as saying what an English question asks about
SEARCH_K = 60  # passages of one report whose cosines are read (a report has 20-60)
CROSS_K = 30
STRONG_RELEVANCE = 0.92  # a passage this close counts even when no sentence repeats the question's words
TOPIC_SHARE = 0.5  # of the topic words' weight (rarer weighs more) a precedent sentence must hold
NOMINAL = ("n", "vn")  # word tags of a noun (jieba's: n, nr, nz, vn …)
APART = 0.4  # a compound topic's part said away from the rest (压力 of 压力测试) counts this much of its weight
CACHED_REPORTS = 1024  # reports whose candidate sentences stay in memory (~30 KB each)

# weights of the ranking (tuned on full.jsonl's narrative questions with bench/narrative_bench.py)
W_TERMS = 1.0  # share of the question's content-word weight the sentence holds
W_SYNONYM = 0.8  # a content word the sentence says with a synonym (官司 -> 诉讼), per its weight
W_ASKED_DOING = 3.0  # the weight of the activity a how-question asks about (怎么培训工作人员 -> 培训), times
W_BIGRAMS = 0.5  # share of the question's content bigrams it repeats
W_CHARS = 0.3  # per share of the rare characters of the question's words that no candidate says (录 of 录节目)
RARE_CHAR = 0.1  # a character held by at most this share of the candidates is rare
W_HEADING = 0.3  # the same two, for the heading it stands under
W_DENSE = 8.0  # per point of its passage's cosine above the report's best
W_SECTION = 0.4  # the section the question points at
W_CUE = 0.3  # a shortfall / plan wording where the question asks for one
W_ORDER = 0.3  # a shortfall asked about: how early in the problems section
W_TITLE = 0.3  # off an item's title (一是细化办理流程。) that states no shortfall
W_NUMBER = 0.5  # a number with a unit, for a count question (twice when the unit is the one asked)
W_COUNTED = 0.3  # the share of what the number counts that the question names
W_LISTED = 0.2  # a sentence naming items (“…”等, 《…》等), for a question asking which ones (哪些)
W_ACTOR = 0.3  # a sentence naming who acts or a place, for a question asking who or where
W_OFF_TOPIC = 0.5  # the priors of a sentence holding none of the question's content words (cue words aside)

GENERIC_TOPICS = {"开展", "做法", "措施", "举措", "情况", "方面", "工作", "进行", "有关", "相关", "什么", "哪些",
                  "存在", "主要", "具体", "内容", "单位", "部门", "报告", "年度", "一些", "怎么", "如何", "政府",
                  "信息", "公开", "政府信息", "政务", "怎样", "有没有", "是否", "多少", "哪个", "哪里", "为什么",
                  "是不是", "情形", "问题", "不足", "打算", "下一步", "用什么", "办法", "怎么样", "了吗", "没有",
                  "提到", "提及", "都是", "各单位", "是什么", "回事", "做过", "有过", "搞过", "开展过", "采用", "自己",
                  "自身", "承认", "多久", "一次", "多长时间", "各个", "这么", "那么", "这样", "那样", "如此",
                  # how the question joins and places its words, not what about: 解读政策或者做宣传, 发稿之前
                  "或者", "或是", "还是", "以及", "并且", "而且", "之前", "以前", "之后", "以后",
                  # that an instance is asked (举个例子, 比如), not of what: `EXAMPLE_QUESTION`
                  "例子", "举个", "举例", "举一个", "举几个", "比如", "例如"}
BOILERPLATE = ("本地目录", "当前位置", "来源：", "zwgk", "本报告包括", "本报告共分", "全文包括", "本报告根据",
               "本报告由", "报告全文", "标题:", "下载", "邮编", "电话：", "发布日期",
               "links.tsv", "http", "年度报告格式")  # not the statistics period (本报告所列数据的统计期限…): it is asked
TITLE = "工作年度报告"  # a sentence that is mostly the report's title
# the office's particulars after whom the report sends questions to (…请与平潭县人民政府办公室联系（地址：…；邮编：…）, …联系，
# 电 话：…): a piece of their own, so the sentence naming whom to ask (有任何疑问…请与…联系) is a candidate, not furniture
CONTACT = re.compile(r"[（(，,；;]+(?=\s*(?:联系)?(?:地址|电\s*话|邮\s*编|传\s*真)\s*[：:])")
# the report telling its own parts (本年报由概述、…组成 / 本年报包括概述、…共六个部分): its table of contents, however it
# names itself (本报告, 本年报, 本年度报告); not where it is published or the period its figures cover, which are asked
REPORT_PARTS = re.compile(r"本(?:年度)?(?:年报|报告)(?:全文)?(?:主要)?(?:包括|由|共分|分为)")
# the question asks for a shortfall, a plan or something new: the wording of sentences that answer
SECTION_CUES: dict[str, tuple[str, ...]] = {
    "shortfall": ("不足", "不够", "有待", "仍存在", "还存在", "问题", "差距", "短板", "薄弱", "欠缺", "不高",
                  "不强", "不多", "尚需", "还需", "仍需", "仍待", "需进一步", "亟待", "滞后", "偏少", "不熟", "残差不齐",
                  "参差不齐", "不大", "较少", "较弱", "不到位", "不规范", "不及时", "不完善", "有限", "单一", "待提升",
                  "待提高", "待加强", "没有", "无法"),
    "plan": ("将", "下一步", "进一步", "计划", "拟", "持续", "继续", "加强", "完善", "推动", "强化", "采取", "措施"),
    "novel": ("首创", "首推", "首次", "首个", "首家", "率先", "之先", "开创", "创新", "探索", "试点", "上线", "推出",
              "新模式", "新机制", "新系统", "新平台"),
}
# a question saying a shortfall as the reports word one (做得不够, 不到位, 够不够) asks for the shortfalls, and that
# word says what kind of sentence, not what about
SAID_SHORT = tuple(w for w in SECTION_CUES["shortfall"] if w.startswith("不"))
# what says "new" outright (首创, 率先): where the question's own word for it is a content word (创新, 亮点), a
# sentence saying one of these says that word, as 诉讼 says 官司
FIRSTS = SECTION_CUES["novel"][:8]
# what a shortfall is said with (不足, 有待, 差距), where the question's own word for one is a content word (短板, 缺点,
# 弱项): a sentence saying one of these says that word (not 问题, 没有, 无法: every report says them of other things)
SHORTFALLS = tuple(w for w in SECTION_CUES["shortfall"] if w not in ("问题", "没有", "无法"))
KIND_SAID = {"novel": FIRSTS, "shortfall": SHORTFALLS}
PLAN_MARKERS = ("针对", "将", "下一步", "改进措施", "抓好", "拟", "采取", "措施")
CUE_QUESTIONS = {"问题": "shortfall", "不足": "shortfall", "差距": "shortfall", "短板": "shortfall",
                 "薄弱": "shortfall", "缺点": "shortfall", "毛病": "shortfall", "短处": "shortfall", "弱项": "shortfall",
                 "欠缺": "shortfall", "差在": "shortfall", "哪里差": "shortfall", "不够好": "shortfall",
                 "难处": "shortfall", "难点": "shortfall", "困难": "shortfall", "检讨": "shortfall",
                 "没做好": "shortfall", "做得不好": "shortfall", "下一步": "plan", "打算": "plan", "计划": "plan", "改进": "plan",
                 "整改": "plan", "措施": "plan", "创新": "novel", "新做法": "novel", "新举措": "novel",
                 "新动作": "novel", "亮点": "novel", "特色": "novel", "首创": "novel"}
# words that say when, for a plan (下一步, 明年): the kind of sentence asked for, no word of its topic (jieba cuts 下一步
# into 下 + 一步, and 一步 is in every 进一步)
PLAN_TIMES = ("下一步", "接下来", "下一阶段", "今后", "明年", "下一年", "来年", "将来", "未来")
CUE_QUESTIONS |= dict.fromkeys(PLAN_TIMES, "plan")
# 以后 as 今后 (以后要怎么把案子降下来, 以后打算…): from now on, where a will follows it; after an event (合并以后, 改版以后加了
# 什么) it says when, no plan
FROM_NOW_ON = re.compile(r"以后(?=要|会|打算|准备|计划|怎么|如何|咋)")
# a shortfall asked in words that say only that (差在哪, 哪里差, 没做好): taken out before the question is cut into words
SHORT_ASKED = ("哪里差", "差在", "不够好", "没做好", "做得不好", "做得不行", "干得不行", "搞得不行")
CUE_QUESTIONS |= dict.fromkeys(SHORT_ASKED, "shortfall")
# whether the report admits something (报告承认了吗, 认这个账, 认了吗): what a report owns up to is its shortfalls, wherever
# the asker's own words for the fault (底子薄, 不健全) put it; the admitting says what kind of sentence, not what about
# (not 确认, 认为, 认真, 认定, 认可)
ADMITTED = re.compile(r"承认|坦承|(?<![确否公默辨指体])认(?:了吗|了没|账|这个账|不认)")
# a premise of praise put to be confirmed (已经做得很到位了，…是这么说的吗？ / 都已经很高了吧？): whether it holds is said where
# the report weighs its own work, its shortfalls (运维管理还需加强), as 够不够 asks for them
# (a degree word says it is praise: 都填好了吗 asks whether something was done)
PRAISED = re.compile(r"(?:已经|早就|都)[^，,。？?]{0,10}?(?:很|非常|十分|挺|相当|特别|足够)(?:到位|健全|完善|规范|充分|成熟"
                     r"|全面|好|高)了[^。？?！!]{0,14}?(?:吧|吗|是不是|对不对)")
# measures asked as taken (采取了哪些监督措施, 公开了哪些措施): what was done, where no problem or plan is named with them
TAKEN = re.compile(r"了[^，,。；;？?！!]{0,12}?措施")
# the year and the report named (2023年报里, 洪泽区报里说, 年度报告中): where to look, not what about
REPORT_SAID = re.compile(r"\d{2,4}\s*年(?:度报告|度|报告?)?|年度报告|年报|报告?[里中内]")
# a word jieba builds on a question word (哪些地方, 哪几个, 哪方面): it asks, and names nothing a sentence could say
ASKING = re.compile(r"哪|什么")
# whose view the question asks (觉得哪些地方还不足, 认为): the asker's framing, not what the sentence is about
VIEW_WORDS = ("觉得", "认为", "感觉", "以为", "看来")


def topical(words: list[str]) -> list[str]:
    """The words that name what is asked about: not those of asking (哪些地方), of whose view (觉得) or of the kind of
    sentence asked (还不足, 不够)."""
    return [w for w in words if not ASKING.match(w) and w not in VIEW_WORDS and not any(s in w for s in SAID_SHORT)]


# 下一步准备怎么做: words that say a plan is asked, no topic of it (not 整改 or 措施: 没落实整改的单位 is a topic)
PLAN_WORDS = ("准备", "打算", "计划", "想要", "将要", "要做", "安排", "考虑", "改进")
# a sentence that opens the plans (针对存在问题，下一步，将切实抓好以下工作：), also under a heading that announces the
# shortfalls (…仍存在一定差距。): the sentences from it on are plans
PLAN_OPENS = re.compile(r"^[^。；;]{0,30}?(?:针对|下一步|接下来|今后|明年|将(?:采取|从|在|切实|着力|重点|继续|进一步|以)"
                        r"|采取以下|以下(?:措施|工作|几))")
CUE_ORDER = ("plan", "shortfall", "novel")
PROBLEMS = "problems"  # the section that states the shortfalls, then the plans  # what a question asking for several is answered with
# headings that say what the sentences under them are (（一）主要问题 / （二）改进情况), decisive when only one fits
HEADING_STANCES: dict[str, tuple[str, ...]] = {
    "shortfall": ("问题", "不足", "差距", "短板"),
    "plan": ("改进", "措施", "打算", "计划", "下一步", "整改"),
}
# colloquial and formal words the vocabulary maps to one table key are synonyms for a sentence (官司 ~ 诉讼; who
# applies: 老百姓 ~ 群众 ~ 公民, 律师 ~ 法律服务)
SYNONYM_SOURCES = (QUERY_REVIEW_GROUPS, QUERY_REVIEW_OUTCOMES, QUERY_COLUMNS)
FEE_WORDS = ("收费", "处理费", "费用", "收取")
PAY_WORDS = ("交钱", "收钱", "要钱", "掏钱", "付钱", "给钱", "交费", "缴费", "付费")  # a fee asked in the asker's words
# a count asked in other words than a unit (多少钱): the units that answer it (万元 ends with 元)
ASKED_BY_WORD = {"钱": "元", "费用": "元", "经费": "元", "金额": "元"}
MEASURE_NOUN = re.compile(r"([\u4e00-\u9fff]{2})(?:量|人次|次数)(?:是|有|为|达到?)?(?:多少|几)")  # 访问量是多少
COUNTED_NOUN = re.compile(r"(?:多少|几)(?:个|家|处|所|种|类|批|期|条|项|名|位)(?![人名位次])([\u4e00-\u9fff]{2})")  # 几个处室
RATE_QUESTION = re.compile(r"率|比例|比重|百分之|百分比|占比|几成")  # a rate or share asked
SHARE_SAID = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s*[%％]|百分之[\d一二三四五六七八九十零点]+")  # 占28.7%, 百分之九十
ASPECT = "了过着"  # what a verb's aspect is said with (办过, 发了, 看着)
PART_OF = re.compile(r"\s*其中")  # a sentence stating a part of the whole the one before it states
# a whole asked (一共, 加起来, 总数): answered by a number the sentence gives as the whole (共…, 总数…, 合计…), not by
# one of its parts (规划计划类信息21条): right after the word that says it is the whole
COUNT_BEFORE = re.compile(r"([\u4e00-\u9fff]{0,4})[了过]?(?:多少|几)")  # the words a count is asked after
# the thing a count asks for, said as its own clause before the count (新媒体里，微博有几个): a number that counts it
# (其中微博29个), not the whole it is part of (共开设新媒体数量70个), answers
HEAD_ASKED = re.compile(r"(?:^|[，,、：:？?\s])([\u4e00-\u9fff]{2,6}?)(?:一共|总共|共)?(?:有|是)?(?:多少|几)")
TOTAL_ASKED = re.compile(r"一共|总共|共计|合计|总计|总数|加起来|总量")
# (总数1873条), or after the verb and what it counts, in the same clause (全年共发布信息84条, 历年累计主动公开政府信息
# 2027条: not 公共卫生, 共同)
TOTAL_SAID = re.compile(r"(?:总数|总量)[为达计有是]?\s*\d|(?:(?<!公)共(?![同享建])|合计|总计|累计)[^，,。；;、：:\d]{0,12}?\d")
WHICH_QUESTION = re.compile(r"哪些|哪几")  # which ones: answered by the sentence that names them
NAMED_ITEMS = re.compile(r"[“《][^”》]{2,30}[”》][^。；;]{0,30}等")  # “餐具收费不明晰，多收款项”等多个舆情
# which ones of a kind (哪些监督措施, 哪几种渠道): a sentence listing items then naming that kind after 等 (通过工作考核、社会评议、
# 公开举报电话等措施) names which, as a quoted list does
WHICH_KIND = re.compile(r"(?:哪些|哪几[种类个项])([\u4e00-\u9fff]{2,8})")


def lists_kind(question: str, text: str) -> bool:
    """The sentence lists items (、) and names the kind asked after 等: 哪些监督措施 -> …、公开举报电话等措施."""
    m = WHICH_KIND.search(question)
    head = None
    for word, tag in word_tags(m.group(1)) if m else ():  # 监督措施 -> 措施; 渠道公开 -> 渠道: the last of the nouns
        if tag not in NOMINAL and not tag.startswith("n"):
            break
        head = word
    return bool(head) and head not in GENERIC_TOPICS - {"措施", "做法", "举措"} and \
        re.search(rf"、[^。；;]{{0,30}}等{head}", text) is not None
# who (谁负责, 哪个科室, 由谁出面) and where (去哪看, 放在哪里, 什么地方): answered by the sentence that names someone who
# acts (由…解读, 责任单位, 专人, 第三方, 局办公室作为…) or a place (查阅场所, 档案馆, 窗口, 专栏, 设立…), as a count is by a number
# how something was done or came about (怎么培训, 如何处理, 怎么来的), or what was done (做了哪些工作, 搞了些什么), not how
# it is judged (做得怎么样, 利用得怎么样) or worded (报告里怎么说的): a shortfall stated does not answer it
HOW_QUESTION = re.compile(r"(?<!不)怎么(?!样|说|看)|如何|怎样|咋(?!样)|做了|做过|干了|开展了|采取了|搞了|弄了"
                          r"|用了[^，,。？?]{0,3}(?:什么|哪些|啥)"  # 政策解读用了些什么新花样: what was used, not what is lacking
                          r"|有什么(?:做法|举措|工作)|哪些(?:做法|举措|工作|事)"
                          # 用了哪些办法, 通过什么方法, 有啥招: the ways it was done asked, as 怎么 asks (not 管理办法 named)
                          r"|(?:什么|哪些|哪几种|啥)(?:办法|方法|手段|招数?|法子)")
WHO_QUESTION = re.compile(r"谁(?!家)|哪个(?:部门|科室|处室|机构)|什么(?:人|部门|机构|科室)|由哪")
WHO_SAID = re.compile(r"由[^，,。；;]{1,15}?(?:负责|牵头|承担|解读|办理|审核|把关|出面)|责任(?:单位|机构|部门|人|科室)"
                      r"|由(?:各|本|相关|主要|分管)?(?:领导|处室|科室|部门|办公室)"
                      r"|(?:负责|牵头)(?:单位|部门|科室)|第三方|专人|专职|兼职|法律顾问|律师|专家"
                      r"|(?:科|室|处|办公室|中心)(?:作为|负责)")
# (去/在/到哪些地方 asks where, as 去哪里 does; 哪些地方 alone asks which aspects: 哪些地方做得不行)
WHERE_QUESTION = re.compile(r"(?:去|在|到|放|送|存|设)哪(?:里|儿|裡)?(?!些)|什么地方|何处|哪个地方|(?:去|在|到)哪些地方")
WHERE_SAID = re.compile(r"场所|查阅点|档案馆|图书馆|服务中心|大厅|窗口|(?:公开|公告|公示|宣传)栏|专区|专栏|设立|设置|开设|设在|放置")
# when (什么时候上线的, 哪一年开始, 几月份): answered by the sentence that states a date (2012年7月, 4月9日, 年初); the words
# that ask it, with a 开始 or 起 after them, say when, not what (as 下一步 does)
WHEN_ASKED = re.compile(r"(?:从|自)?(?:(?:什么|啥)时候|何时|哪一?年|几月份?|哪个?月|哪一?天|几号)(?:开始|起)?")
WHEN_SAID = re.compile(r"(?:\d{4}\s*年\s*)?(?<![\d.])\d{1,2}\s*月(?:\s*\d{1,2}\s*日|份)?|年初|年中(?!央)|年底|年末|上半年|下半年"
                       r"|\d{4}\s*年(?:起|以来|开始)|自\d{4}\s*年")
PERIOD = re.compile(r"(?:截至|截止|至)\s*$")  # 截至12月31日, 1月1日至12月31日: the period a figure covers, no date of an event


def says_when(text: str) -> bool:
    """Whether the text dates something (2012年7月，…入驻; 于10月29日正式上线), not only the period its figures cover."""
    return any(not PERIOD.search(text[max(0, m.start() - 3):m.start()]) and not text.startswith("至", m.end())
               for m in WHEN_SAID.finditer(text))
# why (为什么查阅点没人去, 原因是啥, 怎么会): answered by the sentence that states a cause (由于…, …导致/造成…, 受编制限制),
# as who by one naming an actor; 不怎么 (not much: 不怎么去, 不怎么用) asks no how
WHY_QUESTION = re.compile(r"为什么|为啥|为何|原因|怎么会|咋会|(?:是不是|是否|难道是|可能是)(?:因为|由于)")  # 是不是因为疫情才少
WHY_SAID = re.compile(r"由于|因为|导致|造成|致使|以致|受[^，,。；;]{1,12}?(?:限制|影响|制约)"
                      r"|(?<![原基诱])因[^，,。；;]{2,24}[，,]\s*(?:故|所以|因此|因而)"  # 因未发生申请，故不存在…答复
                      # 答复3050件（…另有103件顺延到下年度答复）: what was left to next year is why fewer were answered than came
                      r"|(?:顺延|结转)[^，,。；;（(]{0,6}?(?:下一?年|\d{4}\s*年)")
# an example asked (举个例子, 举几个…的例子): answered by the sentence naming an instance (公开了《…预算执行情况分析》等), as
# which ones asked is
EXAMPLE_QUESTION = re.compile(r"例子|举例|举[个一几两]")
# what changed asked (有什么变化, 改了什么, 跟以前比多了什么): answered by the sentence that says a change was made (修改完善《…流程》,
# 上线数字公报), as a why-question is by the one that says why; not 有什么不同, which compares two agencies' ways
CHANGE_QUESTION = re.compile(r"变化|变了|改动|改了(?:什么|哪些|啥)|多了(?:什么|哪些|啥|些)")
CHANGE_SAID = re.compile(r"修改|修订|新增|增设|增加了|改版|升级|改造|优化|调整为|改为|变为|上线|新开设|新开通|首次")
# 哪几场, 哪几个 ask which ones (WHICH_QUESTION), not how many: the sentence naming them answers, with or without a number
COUNT_QUESTION = re.compile(rf"多少|(?<!哪)几(?=[{COUNTERS}])|数量|多长|多久")
# 条数, 人数: the count asked, which a report states as 21条, not a thing it names
COUNT_NOUN = re.compile(rf"[{COUNTERS}]数|数量|数目|总数")
# 比例, 占比: the share asked, which a report states as 占28.89%, not a thing it names (满意率 names what is rated)
SHARE_NOUN = re.compile(r"比例|比重|占比|百分比|比率")
# how often (多久检查一次, 隔多长时间更新, 频率): answered by a sentence that says how often (每月…检查, 定期), not a count
TIMES = "次回轮遍"  # units that count times: 几回 asks a count (COUNT_QUESTION), 多长时间…一回 how often
FREQUENCY_QUESTION = re.compile(rf"(?:多久|多长时间|隔几天|几天|几个月|多少天)[^，,。？?！!]{{0,12}}?[一1][{TIMES}]|频率|频次"
                                r"|隔多久|多久(?:一|1)")
FREQUENCY_SAID = re.compile(r"每(?:日|天|周|星期|旬|月|季度?|半年|年|两周|个月)|定期|按(?:日|周|月|季度?|年)"
                            r"|[日周月季年]度?(?:检查|巡查|抽查|通报|监测|更新|调度)|一[日周月季年]一|实时|常态化")
MEASURES = ("万元", "元", "人次", "批次", "分钟", "小时", "个工作日", "余条", "余件", "余人", "余次", "件", "场",
            "条", "篇", "次", "人", "名", "家", "个", "项", "起", "份", "期", "批", "位", "所", "处", "种", "类", "回",
            "轮", "遍")
# calls are counted in 通 (热线电话11通, 多少通), not the 通 that opens a word (2通过, 多少通报)
CALLS = r"通(?![过知报办道讯畅用达])"
_MEASURE = "|".join([*map(re.escape, MEASURES), CALLS])
# 70多件: unit 多件, as 余件; 8232万条, 180万次: unit 万条, as 1万元 is in 万元 (the number as printed, never multiplied)
# a count the narrative writes in Chinese numerals (意见征集两次, 三期, 十余场, 共六个部分): read as a number too; not
# 第二批 (an ordinal), nor a name in quotes or one counting them (“两个健康”, “决策、…、结果”五个公开), nor 一 alone (一个
# 窗口, 一次性, 一条龙: a determiner)
CN_NUMERAL = r"(?<![第“”\"‘’一二两三四五六七八九十百千几每])[二两三四五六七八九十百][一二两三四五六七八九十百零]*"
NUMBER = re.compile(rf"((?<![\d.])\d[\d,]*(?:\.\d+)?|{CN_NUMERAL})\s*((?:多|余)?(?:[万亿](?:多|余)?)?(?:{_MEASURE}))")
PEOPLE_COUNTED = re.compile(r"多少(?:工作)?人员|(?:人员|干部|职工|员工)(?:有|共有|一共|总共)?(?:多少|几)个?")
ASKED_UNIT = re.compile(rf"(?:多少|几)个?({_MEASURE})")


class Passage(BaseModel):
    report_id: str
    agency: str
    year: int
    section: str
    text: str  # exactly report.text[start:end]
    start: int
    end: int
    score: float = 0.0
    page: int | None = None

    @property
    def shown(self) -> str:
        """The quote as displayed: wrapped lines joined (the citation keeps the exact text)."""
        return re.sub(r"\s*\n\s*", "", self.text)


Grouped = OrderedDict[tuple[str, int], list[Passage]]


@dataclass(slots=True)
class Sentence:
    """A candidate: one sentence of a report's narrative and the heading it stands under (slots: an open
    question builds ~15,000 of them)."""

    report_id: str
    agency: str
    year: int
    section: str
    start: int
    end: int
    text: str
    heading: str = ""
    page: int | None = None
    read: str = field(default="", compare=False)  # the text as read, for matching (plain(text))
    title: bool = field(default=False, compare=False)  # an item's title (一是细化办理流程。)

    def __post_init__(self):
        if not self.read:
            self.read = plain(self.text)

    def passage(self, score: float) -> Passage:
        return Passage(report_id=self.report_id, agency=self.agency, year=self.year, section=self.section,
                       text=self.text, start=self.start, end=self.end, score=score, page=self.page)


# ---- candidates ----------------------------------------------------------------------------------------

def spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_heading) of the pieces of a narrative run: split at 。！？；, and at a line break after
    a short line or before a heading (a wrapped PDF line is not a sentence end); fragments and page
    furniture left out."""
    titled = {i for m in BOOK_TITLE.finditer(text) for i in range(m.start() + 1, m.end())}
    cuts = {m.end() for m in HARD_END.finditer(text) if m.end() not in titled}
    cuts |= {m.start() + 1 for m in TITLE_AFTER_COLON.finditer(text) if ENUMERATED.fullmatch(m.group()[1:])}
    cuts |= {m.start() for m in CONTACT.finditer(text)}
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        nxt = text[end + 1:end + 40]
        short = 0 < len(line.strip()) < SHORT_LINE  # a blank line (a PDF page break) alone ends nothing
        if short or HEADING.match(nxt.lstrip()) or METADATA.match(line) or METADATA.match(nxt):
            cuts.add(end)
        pos = end + 1
    out, start = [], 0
    for cut in sorted(cuts | {len(text)}):
        s, e = start, cut
        start = cut
        while s < e and text[s] in " \t\n\u3000":
            s += 1
        while e > s and text[e - 1] in " \t\n\u3000":
            e -= 1
        piece = text[s:e]
        if e - s < 4 or _furniture(piece):
            continue
        heading = _heading_like(piece)
        if heading or e - s >= MIN_SENTENCE:
            out.append((s, e, heading))
    return out


def _furniture(piece: str) -> bool:
    """Page chrome, the crawled page's metadata, table rows, the report's own table of contents."""
    return (bool(METADATA.match(piece)) or any(b in piece for b in BOILERPLATE) or "|" in piece
            or bool(REPORT_PARTS.search(piece))
            or sum(n in piece for n in SECTION_NAMES.values()) >= 3 or (TITLE in piece and len(piece) < 40)
            or _mostly_digits(piece) or _table_header(piece) or _table_as_text(piece))


# a statistics table printed as running text (the pre-2019 附表: 指标名称 计量单位 2012年度 历年累计 主动公开信息数 条
# 2026 3542 …): its column header, or a label's unit glued to its figures (申请数条1818, 网站公开条17953304)
TABLE_AS_TEXT = re.compile(r"指标名称|计量单位")
UNIT_BEFORE_FIGURES = re.compile(r"[数开][条件]\d")


def _table_as_text(piece: str) -> bool:
    """A statistics table's rows run together as text: a label, its unit, then its figures, three times or under
    the table's own header (a sentence gives the number before its unit: 主动公开信息2026条)."""
    read = plain(piece)
    return bool(TABLE_AS_TEXT.search(read)) or len(UNIT_BEFORE_FIGURES.findall(read)) >= 3


TABLE_LABELS = tuple(label for _, label in REVIEW_OUTCOMES[:4])  # 结果维持 结果纠正 其他结果 尚未审结


def _table_header(piece: str) -> bool:
    """A table's header run printed as text (行政复议行政诉讼结果维持结果纠正…总计): its labels without a figure
    (a sentence naming them gives each its number: 结果维持 72 件，结果纠正 64 件)."""
    return sum(piece.count(label) for label in TABLE_LABELS) >= 3 and not DIGIT.search(piece)


def _mostly_digits(piece: str) -> bool:
    """A row of figures (2026 3542 1818), a phone or postcode line: more digits than Chinese characters. A number
    with its unit counts as one figure however long it is: 直播 118 场，累计观看量 303855 次，点赞量 136888 次 is a
    sentence of three counts, not a table row."""
    han = len(HAN_CHAR.findall(piece))
    return han < 4 or len(DIGIT.findall(NUMBER.sub("0", piece))) > han


def _heading_like(piece: str) -> bool:
    """A heading, or a sentence that only announces what follows (仍存在一些不足。 采取如下措施：): context for
    the sentences under it, not an answer."""
    if not HARD_END.search(piece):
        return not piece.endswith(("，", ",", "、")) and (bool(HEADING.match(piece)) or len(piece) <= SHORT_HEADING)
    return (len(piece) <= ANNOUNCE_LEN and bool(ANNOUNCE.search(piece))) or bool(WEIGHED.search(plain(piece)))


def _pieces(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """A sentence without a section heading glued to its front (五、…情况2024年，… / （二）…类别 2011年，…) nor the
    colon after it, a long one cut at commas into quotes of at most MAX_QUOTE characters (each a candidate: a long
    list of problems answers in one of its parts)."""
    m = GLUED_HEADING.match(text, s, e)
    if m and not text[m.end():e].lstrip().startswith(("：", ":")):
        m = HEADING_FIRST_KIND.match(text, s, e)
    if m and e - m.end() >= MIN_SENTENCE:
        s = m.end()
    while (m := SPACED_HEADING.match(text, s, e)) and e - m.end() >= MIN_SENTENCE:
        s = m.end()
    while s < e and text[s] in LEADING:  # （一）存在的主要问题:政策解读…: the heading's colon is not quoted
        s += 1
    out = []
    while e - s > MAX_QUOTE:
        cuts = [m.end() for m in SOFT_CUT.finditer(text, s + MIN_SENTENCE, s + MAX_QUOTE)]
        cut = cuts[-1] if cuts else s + MAX_QUOTE
        out.append((s, cut))
        s = cut
    out.append((s, e))
    return out


def _regions(report: Report) -> list[tuple[str, int, int]]:
    """(section, start, end) of the narrative runs: the text chunks' spans merged (tables are not in them)."""
    runs: list[list] = []
    for c in sorted(text_chunks(report), key=lambda c: c.start):
        if runs and runs[-1][0] == c.section and c.start <= runs[-1][2] + 1:
            runs[-1][2] = max(runs[-1][2], c.end)
        else:
            runs.append([c.section, c.start, c.end])
    return [(s, a, b) for s, a, b in runs]


_CANDIDATES: OrderedDict[str, list[Sentence]] = OrderedDict()


def report_sentences(report: Report) -> list[Sentence]:
    """The candidate sentences of a report, in text order (cached per report id: ids are content hashes)."""
    if report.id in _CANDIDATES:
        _CANDIDATES.move_to_end(report.id)
        return _CANDIDATES[report.id]
    m, text, out = report.meta, report.text, []
    for section, a, b in _regions(report):
        heading = ""
        pieces = spans(text[a:b])
        for n, (s, e, is_heading) in enumerate(pieces):
            if is_heading:
                heading = text[a + s:a + e]
                continue
            if m_ := MARKDOWN_MARK.match(text, a + s, a + e):  # #### 一是强化流程管控…。: the mark is not quoted
                s = m_.end() - a
            if _is_title(text, a + s, a + e, pieces[n + 1:n + 2], a):  # 一是细化办理流程。: a title and a candidate
                out.append(Sentence(report.id, m.agency, m.year, section, a + s, a + e, text[a + s:a + e], heading,
                                    report.page_at(a + s), title=True))
                heading = text[a + s:a + e]
                continue
            parts = _pieces(text, a + s, a + e)
            if parts[0][0] > a + s:  # a heading glued to the sentence: context for it and the ones after it
                heading = text[a + s:parts[0][0]].strip()
            for ps, pe in parts:
                out.append(Sentence(report.id, m.agency, m.year, section, ps, pe, text[ps:pe], heading,
                                    report.page_at(ps)))
    _CANDIDATES[report.id] = out
    while len(_CANDIDATES) > CACHED_REPORTS:
        _CANDIDATES.popitem(last=False)
    return out


def _is_title(text: str, s: int, e: int, after: list[tuple[int, int, bool]], base: int) -> bool:
    """An item's title: numbered and short (一是细化办理流程。), or of two short clauses with a sentence under it
    that is not numbered (`after`: the next piece of the run, offsets from `base`). A numbered piece that the
    next item follows at once (一是通过门户网站公开；二是通过…) is an item of a list of content, not a title."""
    nxt = ordinal(plain(text[base + after[0][0]:base + after[0][1]])) if after and not after[0][2] else None
    if ENUMERATED.match(text, s, e):
        return not _sibling(ordinal(plain(text[s:e])), nxt) and not _list_over(ordinal(plain(text[s:e])), nxt)
    if CHAINED.match(text, s, e):  # its last level is the one a next item would follow
        last = ordinal(plain(text[[m.start() for m in CHAIN_ORDINAL.finditer(text, s, e)][-1]:e]))
        return not _sibling(last, nxt) and not _list_over(last, nxt)
    return bool(TWO_CLAUSES.match(text, s, e)) and bool(after) and not after[0][2] and not nxt


def _list_over(this: tuple[int, int] | None, nxt: tuple[int, int] | None) -> bool:
    """The next piece is a later item of another list (（2）… after 二是…): the item's own list ended with it, so
    nothing stands under it (二是门户网站群已通过三级等保评估。 then （2）推进…: content, not a title); a list's first
    item (一是… after （一）…) opens a list under a title."""
    return this is not None and nxt is not None and nxt[0] != this[0] and nxt[1] > 1


def _sibling(this: tuple[int, int] | None, nxt: tuple[int, int] | None) -> bool:
    """The next numbered item of the same list (一是… then 二是…)."""
    return this is not None and nxt is not None and nxt == (this[0], this[1] + 1)


def sentences_of(report_id: str, load: Callable[[str], Report]) -> list[Sentence]:
    """A report's candidates by id: the stored report is read (text, sections and every cell: ~15 ms at
    1,000 reports) only when they are not cached, so an open question over 200 reports reads each once."""
    if report_id in _CANDIDATES:
        _CANDIDATES.move_to_end(report_id)
        return _CANDIDATES[report_id]
    return report_sentences(load(report_id))


def _remember(report_id: str, sentences: list[Sentence]) -> None:
    _CANDIDATES[report_id] = sentences
    _CANDIDATES.move_to_end(report_id)
    while len(_CANDIDATES) > CACHED_REPORTS:
        _CANDIDATES.popitem(last=False)


def _fingerprint() -> str:
    """The code that makes candidates (this module, the chunker, the vocabulary): a store written by other code
    is emptied."""
    from index import vocabulary
    from index.stores import chunks

    h = hashlib.sha256()
    for f in (__file__, chunks.__file__, vocabulary.__file__):
        h.update(Path(f).read_bytes())
    return h.hexdigest()[:16]


class SentenceStore:
    """The candidate sentences of the reports read so far, on disk (`sentences.sqlite`, one row a sentence): an
    open question across hundreds of reports reads their spans in one query in a new process, instead of
    loading each report (text, sections, every cell) and splitting it again (~8 ms a report at 1,000 reports).
    Rows are keyed by report id, a content hash, so they never go stale for their report; a store written by
    other code (`_fingerprint`) is emptied on open. A store that cannot be opened or written is left alone and
    the sentences are built as before."""

    FILE = "sentences.sqlite"
    # one row a report, its sentences as a JSON list of [section, start, end, heading, page, title, text, read]
    # (read null where it is the text): 220 reports' 15,000 sentences read in ~25 ms (one row a sentence: ~45 ms)
    _SCHEMA = """
    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS reports (id TEXT PRIMARY KEY, agency TEXT NOT NULL, year INTEGER NOT NULL,
        sentences TEXT NOT NULL);
    """

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._local = threading.local()
        self._ready: bool | None = None  # opened on first use
        self._lock = threading.Lock()

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path / self.FILE, timeout=30, isolation_level=None, check_same_thread=False)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            self._local.db = db
        return db

    def _open(self) -> bool:
        with self._lock:
            if self._ready is None:
                try:
                    self.path.mkdir(parents=True, exist_ok=True)
                    db = self._db()
                    db.executescript(self._SCHEMA)
                    mark = _fingerprint()
                    row = db.execute("SELECT value FROM meta WHERE key = 'code'").fetchone()
                    if row is None or row[0] != mark:
                        db.execute("BEGIN IMMEDIATE")
                        db.execute("DELETE FROM reports")
                        db.execute("INSERT OR REPLACE INTO meta VALUES ('code', ?)", (mark,))
                        db.execute("COMMIT")
                    self._ready = True
                except (OSError, sqlite3.Error) as e:
                    log.warning("sentence store %s unusable (%s): sentences are built per question", self.path, e)
                    self._ready = False
            return self._ready

    def get(self, report_ids: list[str], load: Callable[[str], Report]) -> list[list[Sentence]]:
        """The candidates of each report, in order: from memory, else from disk, else built from the stored
        report (and kept on disk)."""
        got = {i: _CANDIDATES[i] for i in report_ids if i in _CANDIDATES}
        todo = [i for i in dict.fromkeys(report_ids) if i not in got]
        if todo and self._open():
            got |= self._read(todo)
        reports = {i: load(i) for i in todo if i not in got}
        built = {i: report_sentences(r) for i, r in reports.items()}
        if built and self._ready:
            self._write({i: r.meta for i, r in reports.items()}, built)
        got |= built
        for i in todo:
            _remember(i, got[i])
        return [got[i] for i in report_ids]

    def fill(self, report_ids: list[str], load: Callable[[str], Report]) -> int:
        """Build and keep the candidates of the reports not on disk yet (the last step of a server's warm-up,
        `Assistant.warm`, which then calls `settle`); how many."""
        if not self._open():
            return 0
        have = set(self._known(report_ids))
        todo = [i for i in report_ids if i not in have]
        for n in range(0, len(todo), 50):
            batch = {i: load(i) for i in todo[n:n + 50]}
            self._write({i: r.meta for i, r in batch.items()}, {i: report_sentences(r) for i, r in batch.items()})
        return len(todo)

    def _known(self, report_ids: list[str]) -> list[str]:
        out: list[str] = []
        for n in range(0, len(report_ids), 500):
            part = report_ids[n:n + 500]
            marks = ",".join("?" * len(part))
            out += [r[0] for r in self._db().execute(f"SELECT id FROM reports WHERE id IN ({marks})", part)]
        return out

    def _read(self, report_ids: list[str]) -> dict[str, list[Sentence]]:
        out: dict[str, list[Sentence]] = {}
        try:
            for n in range(0, len(report_ids), 500):
                part = report_ids[n:n + 500]
                marks = ",".join("?" * len(part))
                for rid, agency, year, data in self._db().execute(
                        f"SELECT id, agency, year, sentences FROM reports WHERE id IN ({marks})", part):
                    out[rid] = [Sentence(rid, agency, year, sec, a, b, text, heading, page, read or text, bool(title))
                                for sec, a, b, heading, page, title, text, read in json.loads(data)]
        except (sqlite3.Error, ValueError) as e:
            log.warning("sentence store %s could not be read (%s)", self.path, e)
            return {}
        return out

    def _write(self, metas: dict, sentences: dict[str, list[Sentence]]) -> None:
        rows = [(rid, metas[rid].agency, metas[rid].year,
                 json.dumps([[c.section, c.start, c.end, c.heading, c.page, int(c.title), c.text,
                              None if c.read == c.text else c.read] for c in sents], ensure_ascii=False))
                for rid, sents in sentences.items()]
        try:
            db = self._db()
            db.execute("BEGIN IMMEDIATE")
            db.executemany("INSERT OR REPLACE INTO reports VALUES (?, ?, ?, ?)", rows)
            db.execute("COMMIT")
        except sqlite3.Error as e:
            log.warning("sentence store %s could not be written (%s)", self.path, e)
            with contextlib.suppress(sqlite3.Error):
                self._db().execute("ROLLBACK")


def settle() -> None:
    """Move every object alive now (the model, the indexes, jieba's dictionary, the cached sentences: ~750,000
    objects a warmed server holds) out of the collector's reach (`gc.freeze`), after collecting what is garbage:
    a full collection walked them all, 0.3-0.5 s that fell inside one open question in ten at 1,000 reports."""
    gc.collect()
    gc.freeze()


def sentences_at(report: Report, phrase: str) -> list[Sentence]:
    """The candidates of a report that contain a phrase (the lexical, complete side of an open question)."""
    return [c for c in report_sentences(report) if phrase in c.read]


# ---- the question ---------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _jieba():
    """jieba, quieted once: `load_jieba` sets its logger's level, which clears every logger's cache (~0.2 ms a
    call with the model's libraries loaded; a question cut ~70 times)."""
    return load_jieba()


def topic_words(topic: str) -> list[str]:
    """Content words of the question's topic: jieba words (2+ characters, not generic), else the runs."""
    runs = [r for r in topic.split() if len(r) >= 2]
    words = [w for r in runs for w in _cut(r)
             if len(w) >= 2 and w not in GENERIC_TOPICS and (HAN.search(w) or w.isdigit())]  # no English words:
    return list(dict.fromkeys(words))  # the reports are Chinese, an English question is left to the model


def _cut(run: str) -> list[str]:
    """jieba's words of a run, the domain's own terms kept whole (开展过依申请公开培训: 依申请公开, not 过依 + 申请)."""
    m = _TERMS.search(run)
    if m is None:
        return _suffixed(_jieba().lcut(run))
    return [*_cut(run[:m.start()]), m.group(), *_cut(run[m.end():])] if run else []


_TERMS = re.compile("|".join(sorted((t for t in QUESTION_TERMS if len(t) >= 4 and t != "政府信息公开"), key=len, reverse=True)))


NOUN_SUFFIXES = "费率额"  # 信息处理费 -> 处理费: jieba cuts the suffix off a head the reports word differently


def _suffixed(cut: list[str]) -> list[str]:
    """jieba's words with a one-character noun suffix put back on the head it names (信息处理 + 费 -> 处理费, which
    政府信息公开处理费 also says; 信息处理 alone would name a different thing)."""
    out: list[str] = []
    for w in cut:
        if len(w) == 1 and w in NOUN_SUFFIXES and out and len(out[-1]) >= 2:
            out[-1] = out[-1][-2:] + w
        else:
            out.append(w)
    return out


def query_terms(question: str, topics: list[str], names: list[str], agencies: tuple[str, ...] = ()) -> list[str]:
    """The question's content words: its topic words and the jieba words of what is left once agency names
    and years are taken out; with `agencies` (the named reports'), a word whose characters the agency's
    name holds in order is its short form (科委, 上海市政府) and not a content word either."""
    q = excepted(REPORT_SAID.sub(" ", question))  # 2023年报里, 2023年洪泽区报里: no word 年里 or 报里
    q = PART_POINTED.sub(_place, q)  # 第五部分, 开头, 最后那部分: where to look, not what about
    q = A_NOT_A.sub(_asked_once, q)  # 能不能公开 -> 能 公开: jieba's 不能 or 要不要 names nothing asked about
    for w in PLAN_TIMES + SHORT_ASKED:  # 下一步: when, not what (jieba's 一步 would match every 进一步); 工作上差在哪:
        q = q.replace(w, " ")  # a shortfall asked, and jieba's 上差 no word of its topic
    q = WHEN_ASKED.sub(" ", q)  # 从什么时候开始进驻: 时候, 开始 name nothing asked about
    q = ADMITTED.sub(" ", q)  # 承认了吗: whether the report owns up, no word of what
    for n in sorted(names, key=len, reverse=True):
        q = q.replace(n, " ")
    words = [w for run in HAN.findall(q) for w in _jieba().lcut(run)
             if len(w) >= 2 and w not in GENERIC_TOPICS and not any(w in n for n in names)]
    times = [w for w in PLAN_TIMES if w in question]
    plan_asked = bool(times) or cue(question) == "plan"  # 下一步准备怎么做: 一步 and 准备 say a plan is asked, not what
    kind_words = PLAN_WORDS if plan_asked else ()  # what kind of sentence, as 问题 is for a shortfall
    topics = [t for t in topics if not any(t in w for w in times) and t not in kind_words]
    words = [w for w in words if w not in kind_words]
    topics = [t for t in topics if t in q or t in words]  # a topic word cut across what was taken out (上差) is none
    out = [w for w in dict.fromkeys(topics + words) if not any(_abbreviates(w, a) for a in agencies)
           and not any(short in w for short in SAID_SHORT)]  # 不够, 够不够: what kind of sentence, as 问题 is
    return with_everyday(q, without_pointers(q, out))


# who or what the asker points at (他们, 那些, 这块, 那会儿, 咱们, 有人) and a verb's 一下 (查一下): words of the asker's, no
# report's, naming nothing asked about; 其他, 其中, 每天, 各局 (pronouns too, as jieba tags them) say what is asked
POINTING = re.compile(r"[这那哪他她它我咱你您]|有人$|有个$")
NO_CONTENT = ("一下",)


def without_pointers(question: str, words: list[str]) -> list[str]:
    """The words less those that only point (jieba's pronoun tag, a demonstrative or personal one) and 一下: a
    sentence holding 他们 or 这些 says nothing more of the question, and one no sentence prints lends its characters
    (他 of 其他, 下 of 以下) to the rare-character share."""
    if not any(POINTING.match(w) or w in NO_CONTENT for w in words):
        return words
    pronouns = {w for w, flag in word_tags(plain(question)) if flag == "r" and POINTING.match(w)}
    return [w for w in words if w not in pronouns and w not in NO_CONTENT]


# a yes-no question asked by a verb, its negation and the verb again (能不能, 要不要, 会不会, 公开不公开, 请没请): the
# verb is asked once, and the words jieba cuts across the three (不能, 要不要) say only that a yes or no is asked
A_NOT_A = re.compile(r"([\u4e00-\u9fff]{1,2})[不没]\1")


def _asked_once(m: re.Match) -> str:
    """The verb of a yes-no question asked once, a word of its own (会不会先打电话: no word 会先); 够不够 kept, whose
    不够 says a shortfall is asked (`SAID_SHORT`)."""
    return m.group() if m.group()[len(m.group(1)):].startswith(SAID_SHORT) else f" {m.group(1)} "


EXCEPT_WORDS = ("除了", "除去", "除开", "除却")  # jieba's words (删除了 is 删除 + 了: no exception)
EXCEPT_CLOSES = ("以外", "之外", "外")  # 除了乡镇以外: the exception's own end, blanked with it
EXCEPT_AFTER = ("还", "也", "都")  # 除了网站还通过…, 除了文字还用了… (jieba's 还用): what is asked starts here


def excepted(question: str) -> str:
    """The question with what it sets aside blanked out (除了乡镇以外，县直各单位…: 乡镇; 除了网站还通过什么渠道: 网站): the
    thing excepted is not asked about, so its words are no content words (a sentence naming the towns is no answer
    to what the county's units did)."""
    if not any(w in question for w in EXCEPT_WORDS):
        return question
    out, skipping = [], False
    for w in _jieba().lcut(question):
        if w in EXCEPT_WORDS or (skipping and w in EXCEPT_CLOSES):
            skipping = w in EXCEPT_WORDS
            out.append(" " * len(w))
            continue
        if skipping and (w.startswith(EXCEPT_AFTER) or not HAN.search(w)):
            skipping = False
        out.append(" " * len(w) if skipping else w)
    return "".join(out)


# people described by what they do not do (不上网的人, 不会用手机的老人家, 没电脑的村民): 有没有, 是不是 ask, and
# describe no one
LACKED = re.compile(r"(?:从来?不|很少|不太|不常|不怎么|不会|(?<![有是])没有|(?<![有是])没|(?<![有是])不)"
                    r"([\u4e00-\u9fff]{1,6}?)的(?=(?:那些|这些|那种|这种)?(?:人|老人|群众|居民|村民|市民|百姓|老百姓|用户"
                    r"|年轻人|老年人))")


def lacked_words(question: str) -> tuple[str, ...]:
    """What the people the question asks about do not do (住在村里不上网的人怎么看到…: 上网), with the reports' words
    for it (网站, 网上): a sentence saying it is the way those people do not take (以…门户网站为…阵地), not the answer
    (依托…各村公开栏)."""
    words = [w for m in LACKED.finditer(question) for w in _jieba().lcut(m.group(1)) if len(w) >= 2]
    return tuple(dict.fromkeys(w for word in words for w in (word, *synonyms(word))))


def with_everyday(text: str, words: list[str]) -> list[str]:
    """The words with each everyday phrase the text says as one word, in place of jieba's pieces of it (一块儿 of
    坐一块儿, 干活 of 干活的人, 上过 of 上过课): `synonyms` gives the report's words for it."""
    found = everyday_said(text)
    if not found:
        return words
    kept = [w for w in words if not any(w != p and w in typed for p, typed in found) and not _across(text, w, found)]
    return list(dict.fromkeys(kept + [p for p, _ in found if not any(p in w for w in kept)]))


def _across(text: str, word: str, found: list[tuple[str, str]]) -> bool:
    """Whether every place the text says the word runs into an everyday phrase it says from outside it (人上 of
    的人上过课, jieba's cut across 上过课): a piece of two words, naming nothing, whose characters would pull any
    sentence saying 上."""
    phrases = [(i, i + len(typed)) for _, typed in found if (i := text.find(typed)) != -1]
    places = [m.start() for m in re.finditer(re.escape(word), text)]
    return bool(places) and all(any(a < i + len(word) and i < b and not (a <= i and i + len(word) <= b)
                                    for a, b in phrases) for i in places)


# a verb and its object of two characters said apart (上过课, 上了什么课, 碰了个头, 提个醒)
SAID_APART = "(?:[过了着]|[过了着]?(?:什么|些|一下|几?[个次回场节堂]))?"
_EVERYDAY = [(w, re.compile(re.escape(w[0]) + SAID_APART + re.escape(w[1:]) if len(w) == 2 else re.escape(w)))
             for w in sorted(EVERYDAY_WORDS, key=len, reverse=True)]


def everyday_said(text: str) -> list[tuple[str, str]]:
    """(word, as typed) of the everyday words of the vocabulary's table (`EVERYDAY_WORDS`) the text says, longest
    first and not overlapping (坐一块儿聊 -> 坐一块儿: jieba cuts it 坐 + 一块儿, and a sentence says 座谈); a word of
    two characters also said apart (上过课, 上了什么课 say 上课)."""
    found: list[tuple[str, str]] = []
    spans: list[tuple[int, int]] = []
    for w, said in _EVERYDAY:
        m = said.search(text)
        if m and not any(a < m.end() and m.start() < b for a, b in spans):
            found.append((w, m.group()))
            spans.append(m.span())
    return found


def everyday_words(text: str) -> list[str]:
    """The everyday words the text says (`everyday_said`)."""
    return [w for w, _ in everyday_said(text)]


def without_counts(question: str, words: list[str]) -> list[str]:
    """The words less the count's own: 几个, 几名, and a word that begins with the unit a count asks in, cut off it
    (几个人管信息公开 -> 人管: 管 alone is no word, so none)."""
    out = []
    for w in words:
        if re.fullmatch(rf"(?:多少|几)个?(?:{_MEASURE})?", w):
            continue
        if w[0] in MEASURES and re.search(rf"(?:多少|几)个?{re.escape(w)}", question):
            w = w[1:]
        if len(w) >= 2:
            out.append(w)
    return out


def miscut(word: str) -> bool:
    """A word jieba guessed (not in its dictionary, not a domain term, not an everyday word of the vocabulary's: 官网
    is one, though jieba cuts it 官 + 网 and no report prints it) out of single characters (上开, 报里, 拍短)."""
    j = _jieba()
    return word not in j.dt.FREQ and word not in QUESTION_TERMS and word not in EVERYDAY_WORDS and all(
        len(w) == 1 for w in j.lcut(word, HMM=False))


def _abbreviates(word: str, name: str) -> bool:
    it = iter(name)
    return len(word) >= 2 and all(ch in it for ch in word)


def name_parts(agency: str) -> list[str]:
    """What a question may call the agency (平潭, 鹿城区, 市场监管局): the name's jieba words."""
    return list(_name_parts(agency))


@lru_cache(maxsize=4096)
def _name_parts(agency: str) -> tuple[str, ...]:  # an open question names ~70 agencies: cut each once
    return (agency, *[w for w in _jieba().lcut(agency) if len(w) >= 2])


def _bigrams(text: str) -> set[str]:
    return {text[i:i + 2] for i in range(len(text) - 1)}


_GENERIC_BIGRAMS = {b for w in GENERIC_TOPICS for b in _bigrams(w)}


# a part of the report pointed at, not a topic (第五部分, 报告开头, 最后那部分, 第二条措施): where to look, so no content
# word (部分 would match 部分信息公开内容不够全面); 第N部分 is the template's Nth section, the opening its overview, the end
# its problems and plans (the sixth part, other matters, is a line); 第N条/点/项 the Nth item of a list
PART_NUMBER = re.compile(r"第([一二三四五六七八九十\d])(?:个|大)?部分")
PART_OPENING = re.compile(r"(?:报告|年报)?(?:的)?(?:开头|开篇|一开始|开始的?地方|前言)")
PART_END = re.compile(r"(?:报告|年报)的?(?:最后|末尾|结尾)|(?:最后|末尾|结尾)(?:一|那一?|的)?(?:部分|段|块)")
PART_ITEM = re.compile(r"第([一二三四五六七八九十\d])(?:条|点|项)")
PART_POINTED = re.compile(rf"{PART_NUMBER.pattern}|{PART_ITEM.pattern}|{PART_OPENING.pattern}|{PART_END.pattern}"
                          r"|[这那哪]一?(?:个|大)?部分")


def pointed_part(question: str, cands: list[Sentence] = ()) -> str | None:
    """The section a question points at by its place in the report (第五部分, 开头, 最后那部分), if any: the Nth part
    by the report's own heading numbered N (四、…存在的主要问题 in a report before the 2019 template), else the
    template's Nth."""
    if m := PART_NUMBER.search(question):
        n = int(m.group(1)) if m.group(1).isdigit() else NUMERALS.index(m.group(1)) + 1
        if not 1 <= n <= len(NUMERALS):
            return None
        said = next((c.section for c in cands if c.heading.startswith(f"{NUMERALS[n - 1]}、")), None)
        return said or (SECTIONS[n - 1][0] if n <= len(SECTIONS) else None)
    if PART_OPENING.search(question):
        return SECTIONS[0][0]
    return PROBLEMS if PART_END.search(question) else None


def _place(m: re.Match) -> str:
    """A part pointed at is blanked, unless it is a part no report has (第七部分: asked, and no sentence says it)."""
    return m.group() if PART_NUMBER.fullmatch(m.group()) and not pointed_part(m.group()) else " "


def asked_item(question: str) -> int | None:
    """The number of the item asked for (第二条措施 -> 2), if any."""
    m = PART_ITEM.search(question)
    return None if not m else int(m.group(1)) if m.group(1).isdigit() else NUMERALS.index(m.group(1)) + 1


def section_hint(question: str, cands: list[Sentence] = ()) -> str | None:
    """问题/不足 -> the problems section, 复议/诉讼 -> review_litigation; a shortfall or a plan asked in other
    words (缺点, 差在哪) -> the problems section too; a part pointed at (第五部分, 开头, 最后那部分) where nothing
    else names one."""
    question = acted_on(question)
    found = next((sec for word, sec in QUERY_SECTIONS.items() if word in question), None)
    return found or (PROBLEMS if cue(question) in ("shortfall", "plan") else pointed_part(question, cands))


# 问题 as what something is done to (排查问题, 解决…问题, 回应舆情问题, 不出问题): the work, not a shortfall stated; the
# everyday word for a fault likewise (网站出的毛病怎么督查, 查毛病): what the work is about, not the agency's own shortfall
FAULTS = ("问题", "毛病")
ACTED_ON = re.compile(r"(?:查|查找|排查|发现|解决|处理|处置|回应|应对|防止|避免|防范|(?<![突提指])出)(?:了|过|好)?"
                      rf"[^，,。；;？?！!、\s]{{0,6}}?(?:{'|'.join(FAULTS)})")


def acted_on(text: str) -> str:
    """The text less each 问题 (or 毛病) it names as the object of an action (解决群众问题, 积极回应舆情问题)."""
    return ACTED_ON.sub(lambda m: m.group()[:-2], text) if any(f in text for f in FAULTS) else text


def cue(question: str) -> str | None:
    """What the question asks for: a plan where it says so (针对问题采取了什么措施), else a shortfall."""
    question = acted_on(question)
    words = [word for word in CUE_QUESTIONS if word in question]
    if words == ["措施"] and TAKEN.search(question):
        return None  # 对信息公开采取了哪些监督措施: the measures taken are what was done, no plan
    found = {CUE_QUESTIONS[word] for word in words} | ({"plan"} if FROM_NOW_ON.search(question) else set())
    if any(w in question for w in SAID_SHORT) or PRAISED.search(question) or ADMITTED.search(question):
        found.add("shortfall")
    return next((c for c in CUE_ORDER if c in found), None)


def asks_kind(question: str) -> bool:
    """The question asks for a kind of sentence, not the value of the noun before its question word: why (年报为什么
    只统计…, 原因是什么: a cause, said with 由于/造成), how often (材料多久送一次), or a shortfall, plan or something new
    (渠道有什么毛病). The noun is then what the kind is asked of, which the report may word otherwise (平台 for 渠道), so
    its absence declines nothing (为什么 is no 为 + 什么 asking what 年报 is)."""
    return bool(WHY_QUESTION.search(question)) or asks_frequency(question) or cue(question) is not None


def asks_count(question: str) -> bool:
    return bool(COUNT_QUESTION.search(question)) and not asks_frequency(question)


def asks_frequency(question: str) -> bool:
    """How often something is done (多久检查一次): a sentence saying so answers it, not a number."""
    return bool(FREQUENCY_QUESTION.search(question))


@lru_cache(maxsize=1024)
def asked_unit(question: str) -> str | None:
    """The measure word a count is asked in (几个人, 多少场); not a character of a word after 多少 (多少人事任免文件, an
    English question's gloss: jieba keeps 人事 whole). Kept per question: each evidence sentence's count asks it again."""
    m = next((m for m in ASKED_UNIT.finditer(question) if not _inside_word(question, m.start(1), m.end(1))), None)
    return m.group(1) if m else next((u for w, u in ASKED_BY_WORD.items() if w in question), None)


def _inside_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] opens or sits inside a longer dictionary word (人 of 人事), unless that word is a measure
    (人次), a word for people (人员) or one the count's 个 or 多 opens (多少个人)."""
    at = 0
    for w in _jieba().lcut(text, HMM=False):  # no word guessed from unknown characters (几个人管: 人|管)
        if at <= start < at + len(w):
            return at + len(w) > end and w not in MEASURES and not w.startswith(("个", "多")) and not w.endswith("员")
        at += len(w)
    return False


UNIT_KIN = {"人": ("人", "名", "位"), "名": ("人", "名", "位"), "位": ("人", "名", "位"), "场": ("场", "次", "期"),
            "次": ("次", "场", "期"), "条": ("条", "篇"), "篇": ("条", "篇"), "元": ("元",), "分": ("分",)}


def count_unit(question: str) -> str | None:
    """The unit a count question asks in, where the answer must state it (几个人 -> 人, 打了几分 -> 分);
    None for a bare 多少 or a unit any number may carry (个, 项)."""
    if re.search(r"(?:多少|几)分(?!钟|之)", question):
        return "分"
    if PEOPLE_COUNTED.search(question):  # 多少人员, 工作人员有多少个: people, whatever the counter
        return "人"
    unit = asked_unit(question) if asks_count(question) else None
    return unit if unit in UNIT_KIN else None


def in_unit(asked: str, unit: str) -> bool:
    """A number's unit is the unit asked, for ranking: the same (万元 for 元) or its kin (2名 for 几个人; 人次
    counts visits, which `states` still accepts: 多少人访问 is answered in 人次)."""
    return unit.endswith(asked) or unit.lstrip("多余") in UNIT_KIN.get(asked, ())


def states(unit: str, text: str) -> bool:
    """The sentence states a number in the asked unit or its kin (2名 answers 几个人; 1万元 an amount in 元)."""
    return any(m.group(2).lstrip("多余").startswith(UNIT_KIN[unit]) or m.group(2).endswith(unit)
               for m in NUMBER.finditer(text)) or (
        unit == "分" and re.search(r"\d\s*分(?!钟|之)", text) is not None)


def compound_parts(word: str) -> list[str]:
    """A compound topic word's own words (问卷调查 -> 问卷, 调查), or the word itself when it has none."""
    words = {w for w in _jieba().lcut_for_search(word) if 2 <= len(w) < len(word)} if len(word) >= 4 else set()
    parts, i = [], 0
    while i < len(word):  # the longest of jieba's sub-words at each position, covering the word end to end
        part = max((w for w in words if word.startswith(w, i)), key=len, default=None)
        if part is None:
            return [word]
        parts.append(part)
        i += len(part)
    return parts


def plain(text: str) -> str:
    """The text as read: a PDF's wrapped lines and spaced numbers (政\n府网站, 2024 年) joined, for matching."""
    return re.sub(r"\s+", "", text)


# kinds of checking: a question's 检查 is what a report says as 巡查 or 排查 (定期…开展全面巡查 for 还做了哪些检查), each a
# 查 that names how it is done; one asked is said by another at the synonym weight
CHECKS = ("检查", "巡查", "排查", "核查", "抽查", "督查", "自查", "巡检")


def synonyms(term: str) -> tuple[str, ...]:
    """Other words the vocabulary maps to the same table key as `term` (官司 -> 诉讼, 行政诉讼, 起诉, …)."""
    keys = [src[term] for src in SYNONYM_SOURCES if term in src]
    return tuple(w for src in SYNONYM_SOURCES for w, k in src.items() if k in keys and w != term and len(w) >= 2) \
        + EVERYDAY_WORDS.get(term, ()) + (tuple(c for c in CHECKS if c != term) if term in CHECKS else ())


# ---- ranking --------------------------------------------------------------------------------------------

@dataclass
class Scored:
    sentence: Sentence
    score: float
    terms: int  # content words of the question it holds
    cosine: float


HOW_DOING = re.compile(r"(?:怎么|如何|怎样)(?:样|去|来)?")


def asked_doing(question: str, names: list[str] | tuple[str, ...] = ()) -> str | None:
    """The activity a how-question asks about: the verbal noun right after 怎么/如何 (怎么培训工作人员 -> 培训,
    not 工作人员, which only says who is trained). A plain verb there (加强, 处理, 提高) is a light one that
    says nothing of the topic, so it is not read (weighting it lost 怎么加强培训, 怎么处理…案件). The agency's
    name, a year and single characters in between are skipped (an English question's gloss: 如何平潭社会事业局培训…)."""
    for name in sorted(names, key=len, reverse=True):
        question = question.replace(name, "")
    question = re.sub(r"\d{2,4}年度?", "", question)
    m = HOW_DOING.search(question)
    tags = [t for t in word_tags(question[m.end():m.end() + 8]) if len(t[0]) > 1] if m else []  # 局 of 事业局
    return tags[0][0] if tags and tags[0][1] == "vn" else None


def lexical(question: str, terms: list[str], cands: list[Sentence], names: list[str],
            doing: bool = True) -> list[tuple[float, int]]:
    """(score, words held) per candidate: the weighted share of the question's content words (rarer among the
    candidates weighs more; a word said otherwise, 官司 as 诉讼, at W_SYNONYM) and of its content bigrams, its
    heading's at a lower weight. Matched on the text as read (wrapped lines joined). With `doing`, the activity
    a how-question asks about weighs W_ASKED_DOING times (within named reports; across agencies each agency's
    best sentence is already about the activity, and the weight only reorders agencies that all say it)."""
    texts = [c.read for c in cands]
    n = len(cands) or 1
    alts = {t: synonyms(t) + KIND_SAID.get(CUE_QUESTIONS.get(t, ""), ()) + swapped(t) + unsaid(t)
            for t in terms}
    holding = {t: sum(t in x or any(a in x for a in alts[t]) for x in texts) for t in terms}
    weight = {t: math.log(1 + n / (1 + k)) for t, k in holding.items()}
    clipped: tuple[str, ...] = ()
    if doing and (asked := asked_doing(question, names)) in weight:
        weight[asked] *= W_ASKED_DOING
        # the activity said by one of its characters, where few sentences hold it (以晒代训, 轮训 for 培训; not 理 of
        # 管理, in every 办理): a sentence saying it so says the activity, as a synonym does
        clipped = tuple(ch for ch in asked if HAN.fullmatch(ch) and sum(ch in x for x in texts) <= RARE_CHAR * n)
    # a word jieba made up across a boundary (上开 of 网站上开了) that no candidate says tells none apart: it does not
    # shrink the others' share (a real word no sentence says, 之处 or 天气, still does)
    total = sum(w for t, w in weight.items() if holding[t] or not miscut(t)) or 1.0
    name_bigrams = {b for a in names for b in _bigrams(a)}
    qb = {b for b in _bigrams(question) if HAN.fullmatch(b)} - _GENERIC_BIGRAMS - name_bigrams

    def share(text: str) -> tuple[float, float, int]:
        held = [t for t in terms if t in text]
        said = [t for t in terms if t not in held and any(a in text for a in alts[t])]
        words = (sum(weight[t] for t in held) + W_SYNONYM * sum(weight[t] for t in said)) / total
        part = clipped and asked not in held and asked not in said and any(ch in text for ch in clipped)
        if part:
            words += W_SYNONYM * weight[asked] / total
        return words, (len(qb & _bigrams(text)) / len(qb) if qb else 0.0), len(held) + len(said) + bool(part)

    # a word no candidate says (节目, 合起来): its characters, the rarer weighing more, as the reports may say it
    # otherwise with one of them (栏目, 整合); the asker's words, not the report's, backed off to what they share
    chars = {ch for t in terms if not holding[t] and not miscut(t) for ch in t if HAN.fullmatch(ch)}
    cweight = {ch: math.log(1 + n / (1 + k)) for ch in chars
               if (k := sum(ch in x for x in texts)) <= RARE_CHAR * n}
    ctotal = sum(cweight.values()) or 1.0
    things = [t for t in terms if names_thing(t, question)] if asks_count(question) else []
    out = []
    for i, (c, text) in enumerate(zip(cands, texts, strict=True)):
        words, pairs, held = share(text)
        score = W_TERMS * words + W_BIGRAMS * pairs
        if cweight:
            score += W_CHARS * sum(w for ch, w in cweight.items() if ch in text) / ctotal
        if c.heading:
            score += W_HEADING * sum(share(plain(c.heading))[:2])
        if i and PART_OF.match(text) and cands[i - 1].report_id == c.report_id and any(
                t in text and t not in texts[i - 1] for t in terms):  # 其中，政策法规…32条: the part asked by its own
            score += W_HEADING * sum(share(texts[i - 1])[:2])  # words, of the whole the sentence before states
        if things and i and _bare_count(text, things) and cands[i - 1].report_id == c.report_id \
                and cands[i - 1].heading == c.heading and all(t in texts[i - 1] for t in things):
            score += W_TERMS * (share(texts[i - 1] + text)[0] - words)  # 2017年，共公开发布信息82条。: it counts
            # what the sentence before names (设立了“政策解读”公开栏目…), where that names all the question does
        out.append((score, held))
    return out


BARE_WORDS = re.compile(r"\d{4}\s*年|全年|今年|本年度?|年内|共计|累计|共|公开|发布|推送|编发|了|政府|信息")


def _bare_count(text: str, things: list[str]) -> bool:
    """A sentence that only states a number, naming nothing it counts (全年共发布47条信息, 2017年，共公开发布信息82条):
    what it counts is what the sentence before it names, as a reader takes it. (Only where that names every thing
    the question names: a bare count after a sentence sharing one word, 栏目, with 专栏访问量 asked, counts
    something else.)"""
    m = NUMBER.search(text)
    return bool(m) and not any(t in text for t in things) and not HAN.search(
        BARE_WORDS.sub("", text[:m.start()] + text[m.end():]))


def stances(cands: list[Sentence], section: str) -> list[str | None]:
    """What each candidate states, by its place: under a heading that names one kind (（一）主要问题,
    （二）改进情况) that kind; else in the problems section, a shortfall up to the first
    sentence that opens the plans (针对上述问题…, 下一步…) and a plan from there on (a problems section
    states the problems first, then the measures); else unknown."""
    out: list[str | None] = []
    opened: set[str] = set()  # reports whose section has reached its plans
    for c in cands:
        heading = acted_on(c.heading)  # （五）积极回应舆情问题。 states no shortfall
        kinds = [k for k, words in HEADING_STANCES.items() if any(w in heading for w in words)]
        if kinds == ["shortfall"] and c.section == section and PLAN_OPENS.search(c.read):
            opened.add(c.report_id)  # 仍存在一定差距。 then 针对存在问题，下一步，将…: the plans from here on
        if kinds == ["plan"] and c.section == section:
            opened.add(c.report_id)  # （二）改进措施 then 一是…。抓紧修订…: a sentence under an item's title, whose
            # heading is the title, is still one of the plans
        if len(kinds) == 1:
            out.append("plan" if kinds == ["shortfall"] and c.section == section and c.report_id in opened
                       else kinds[0])
            continue
        if c.section != section:
            out.append(None)
            continue
        if any(w in c.read for w in PLAN_MARKERS):
            opened.add(c.report_id)
        out.append("plan" if c.report_id in opened else "shortfall")
    return out


def priors(question: str, cands: list[Sentence]) -> list[float]:
    """Section priors and the count's pull, per candidate. What the question asks for (a shortfall, a plan,
    something new) pulls the sentences that state it, by their place and their wording; a shortfall asked
    about: the problems a report states first weigh a little more; who or where asked: a sentence naming an actor
    or a place."""
    section, want = section_hint(question, cands), cue(question)
    stance = stances(cands, PROBLEMS)
    in_section = [i for i, c in enumerate(cands) if section and c.section == section]
    order = {i: 1 - n / len(in_section) for n, i in enumerate(in_section)} if want == "shortfall" else {}
    count, unit, often = asks_count(question), asked_unit(question), asks_frequency(question)
    which = bool(WHICH_QUESTION.search(question))
    total = bool(TOTAL_ASKED.search(question))
    who, where = bool(WHO_QUESTION.search(question)), bool(WHERE_QUESTION.search(question))
    why = bool(WHY_QUESTION.search(question))
    changed = bool(CHANGE_QUESTION.search(question)) and not (count or COUNT_NOUN.search(question))  # 条数有什么变化:
    # a number's change, told by the numbers
    example = bool(EXAMPLE_QUESTION.search(question))
    most = asks_most(question)
    when = bool(WHEN_ASKED.search(question))
    how = bool(HOW_QUESTION.search(question)) or often  # 多久检查一次 asks what is done, as 怎么检查 does
    rate = bool(RATE_QUESTION.search(question))
    fee = any(w in question for w in FEE_WORDS + PAY_WORDS)  # 要不要交钱: the sentence on fees (暂不收费) answers
    lacked = lacked_words(question)
    item = asked_item(question)
    head = count and asked_head(question)
    out = []
    for i, c in enumerate(cands):
        text = c.read
        p = W_SECTION if section and (c.section == section or (want and stance[i] == want)) else 0.0
        if item and (at := ordinal(text)) and at[1] == item and (not section or c.section == section):
            p += W_SECTION  # 第二条措施: the item numbered so (二是完善公开内容。), its title quoted with what is under it
        p += W_ORDER * order.get(i, 0.0)
        if _title(c):
            p -= W_TITLE  # an item's title repeats the question's words; the sentence under it says what was done
        if want and any(w in text for w in SECTION_CUES[want]):
            p += W_CUE
        if stance[i] and want in ("shortfall", "plan"):
            p += W_CUE if stance[i] == want else -W_CUE  # 针对上述问题，将…: the plan, not the shortfall asked about
        elif stance[i] == "shortfall" and (how or where):
            p -= W_CUE  # asked how something was done (怎么培训), a shortfall (队伍能力建设仍有欠缺) does not say it; nor
            # where one can go (查阅服务功能…利用率不高), though a plan may (推进线下专区建设 for 不上网在哪能看到)
        elif stance[i] == "plan" and how and c.section == PROBLEMS:
            p -= W_CUE / 2  # nor quite a plan for next year (下一步，我市将着力加强政策解读质效 for 政策解读做了哪些事),
            # though it says more of how than a shortfall does (建立健全“传帮带”机制 for 如何加强队伍, where nothing done
            # is told); a heading elsewhere that names 措施 (三是网络安全保密措施严密。) makes no plan of what is under it
        elif want == "shortfall" and any(w in text for w in PLAN_MARKERS):
            p -= W_CUE
        if fee and any(w in text for w in FEE_WORDS):
            p += W_SECTION
        if lacked and any(w in text for w in lacked):
            p -= W_CUE  # 不上网的人怎么看到: 以…门户网站为…阵地 is the way they do not take
        if (which or example) and (NAMED_ITEMS.search(text) or lists_kind(question, text)):
            p += W_LISTED  # 回应了“餐具收费不明晰，多收款项”等多个舆情问题: names which, not that it was done
        if (who and WHO_SAID.search(text)) or (where and WHERE_SAID.search(text)) or (why and WHY_SAID.search(text)) \
                or (when and says_when(text)):
            p += W_ACTOR  # 谁负责 -> 内容保障责任单位; 去哪看 -> 报送区档案馆和图书馆; 为啥 -> 由于…导致…: says who, where
            # or why, not only what
        if most and SUPERLATIVE_SAID.search(text):
            p += W_ACTOR  # 哪些部门公开得最多: 信息量较大部门是教育局、公安局… ranks them, 机构职能…信息148条 counts one kind
        if changed and CHANGE_SAID.search(text):
            p += W_ACTOR  # 流程有什么变化: 进一步修改完善《…流程》 says what changed, 规范操作流程 only names it
        if often and FREQUENCY_SAID.search(text):
            p += 2 * W_NUMBER  # 每月对各部门…进行检查: says how often, as a number in the asked unit says how many
        if rate and SHARE_SAID.search(text):
            p += 2 * W_NUMBER  # 占全区的百分之几: 各乡镇…122条，占28.7% states a share, as a number in the asked unit
        if count:
            found = [(m.group(2), counted(question, text, m)) for m in NUMBER.finditer(text)]
            if found:
                asked = any(unit and in_unit(unit, u) for u, _ in found)
                p += W_NUMBER * (2 if asked else 1) + W_COUNTED * max(share for _, (_, share) in found)
                if head and any(counts_head(text, m, head) for m in NUMBER.finditer(text)):
                    p += W_COUNTED  # 新媒体里，微博有几个: 其中微博29个 counts the thing asked, 共开设新媒体70个 its whole
            if total and (TOTAL_SAID.search(text) or any(_parted(text, m) for m in NUMBER.finditer(text))):
                p += W_COUNTED  # 一共…多少条: a number given as the whole (总数1873条), not one of its parts
        out.append(p)
    return out


def _parted(text: str, m: re.Match) -> bool:
    """The number is the whole its clause's parts divide (约4900人次…咨询，其中现场咨询1600人次): 其中 opens a later
    clause of its sentence before any other number."""
    rest = re.split(r"[。；;]", text[m.end():], maxsplit=1)[0]
    at = re.search(r"[，,]\s*其中", rest)
    return bool(at) and not NUMBER.search(rest, 0, at.start())


def counted(question: str, text: str, m: re.Match) -> tuple[int, float]:
    """What the number counts, against the question: (bigrams of it the question has, their share). The
    words right after its unit (6期《问政平潭》), else the clause's words before it (受理依申请公开14件); a share
    of 1.0 when the question says all of them (19期《问政平潭之有事你说》 counts something longer)."""
    before = text[counted_from(text, m):m.start()]
    for pairs in (_named_after(text, m), _word_pairs(before)):
        if pairs:
            hits = len(pairs & _bigrams(question))
            return hits, hits / len(pairs)
    return 0, 0.0


def counted_from(text: str, m: re.Match, lo: int | None = None) -> int:
    """Where the words before a number that say what it counts begin: after the clause's last break, or after a 、
    that ends another count (新闻发布会8场、警媒座谈会2场); a 、 between the names of one thing counted does not end
    them (环保、公共卫生、安全生产、食品药品、产品质量类信息276条 counts all five, not only 产品质量类信息)."""
    lo = max(0, m.start() - 30) if lo is None else lo
    start = max(lo, max(text.rfind(c, lo, m.start()) for c in "，,；;。：:") + 1)
    for prev in NUMBER.finditer(text, start, m.start()):
        if text.startswith("、", prev.end()):
            start = prev.end() + 1
    return start


def _counts_other(question: str, text: str, m: re.Match) -> bool:
    """The words right after the number's unit name what it counts (余名群众提供了…) and share no pair of
    characters with the question."""
    pairs = _named_after(text, m)
    return bool(pairs) and not pairs & _bigrams(question)


def _named_after(text: str, m: re.Match) -> set[str]:
    """The character pairs of the words right after a number's unit, up to the clause's next break."""
    return _word_pairs(_after(text, m))


def asked_head(question: str) -> str:
    """The thing a count asks for, said as its own clause before the count (新媒体里，微博有几个 -> 微博), or ""."""
    m = HEAD_ASKED.search(question)
    return m.group(1).removeprefix("其中") if m else ""


def counts_head(text: str, m: re.Match, head: str) -> bool:
    """Whether the number names the thing asked before it or right after its unit (其中微博29个, 微博29个)."""
    return head in text[counted_from(text, m):m.start()] or head in _after(text, m)


def _after(text: str, m: re.Match) -> str:
    """The words right after a number's unit, up to the clause's next break."""
    return re.split(r"[，,；;。：:、（(）)]", text[m.end():m.end() + 30], maxsplit=1)[0]


def _word_pairs(words: str) -> set[str]:
    return {b for b in _bigrams(re.sub(r"[《》“”\"'\s\d]", "", words)) if HAN.fullmatch(b)}


# the report's own particulars in its preamble: the period its figures cover, how to reach the office that wrote it
PREAMBLE = "preamble"
PARTICULARS = re.compile(r"统计期限|统计时限|电子邮箱|通讯地址|联系地址|联系电话|邮编[：:]|电话[：:]|传真[：:]|地址[：:]"
                         r"|有任何疑问")


CONTACTED = re.compile(r"请(?:与|联系[：:]?)(.+?)(?:联系|$)")  # 请与平潭县人民政府办公室联系, 请联系：…办公室


def _held_outside_office(text: str, terms: list[str]) -> bool:
    """Whether the text holds a word of the question outside the office a contact line names (有任何疑问，请与…办公室联系:
    办公室 asked is the office's work, not whom to ask); true of a text naming no office."""
    m = CONTACTED.search(text)
    return not m or any(t in text[:m.start(1)] + " " + text[m.end(1):] for t in terms)


def rank(question: str, terms: list[str], cands: list[Sentence], cosines: dict[int, float],
         names: list[str], doing: bool = True) -> list[Scored]:
    """The candidates best first. `cosines`: per candidate index, its passage's cosine where known."""
    if not cands:
        return []
    lex = lexical(question, terms, cands, names, doing)
    pri = priors(question, cands)
    known = list(cosines.values())
    top = max(known, default=0.0)
    floor = min(known, default=0.0)
    # 整改不到位的责任人: 到位, 责任人 say what about (a word no candidate says tells none apart)
    topical = [t for t in terms if t not in CUE_QUESTIONS and any(t in c.read for c in cands)]
    unit = count_unit(question)  # 几个人: a sentence stating people is on the topic, whatever its other words
    out = []
    for i, c in enumerate(cands):
        cos = cosines.get(i, floor)
        p = pri[i]
        if p > 0 and topical and not any(t in c.read for t in topical) and not (unit and states(unit, c.read)):
            p *= W_OFF_TOPIC  # the kind of sentence asked for, about something else
        words, held = lex[i]
        if c.section == PREAMBLE and PARTICULARS.search(c.read):
            if held and not _held_outside_office(c.read, terms):
                words, held = 0.0, 0  # 办公室 asked, held only in the office a contact line names: none of its words
            if not held:
                p -= W_SECTION  # 本报告所列数据的统计期限…, 电子邮箱：…: the report's own particulars, asked in their words
        score = words + p + W_DENSE * (cos - top)
        out.append(Scored(c, score, held, cos))
    out.sort(key=lambda s: (-s.score, s.sentence.start))
    return out


def passage_cosines(search: Callable, question: str, report_ids: list[str], k: int = SEARCH_K) -> list:
    """(report_id, start, end, cosine) of the stored passages of these reports, by the bundled model."""
    hits = search(question, k * len(report_ids), {"report_id": report_ids if len(report_ids) > 1 else report_ids[0],
                                                  "kind": "text"}, method="dense")
    return [(h.chunk.report_id, h.chunk.start, h.chunk.end, float(h.dense if h.dense is not None else h.score))
            for h in hits]


def sentence_cosines(cands: list[Sentence], chunks: list) -> dict[int, float]:
    """Per candidate: the best cosine of a passage that holds it (its paragraph, as the model saw it)."""
    by_report: dict[str, list] = {}
    for rid, s, e, cos in chunks:
        by_report.setdefault(rid, []).append((s, e, cos))
    out: dict[int, float] = {}
    for i, c in enumerate(cands):
        best = [cos for s, e, cos in by_report.get(c.report_id, ()) if s <= c.start and c.end <= e + 1]
        if not best:  # a sentence cut across two passages: the ones it overlaps
            best = [cos for s, e, cos in by_report.get(c.report_id, ()) if s < c.end and c.start < e]
        if best:
            out[i] = max(best)
    return out


# ---- evidence -------------------------------------------------------------------------------------------

# the report's own parts asked (这份报告由几个部分组成, 年报分成几个部分; not 部分公开): its sentence telling them,
# furniture otherwise (REPORT_PARTS), is a candidate
PARTS_ASKED = re.compile(r"(?:几|多少|哪几|哪些)个?部分(?!公开)|部分组成|组成部分")
PARTS_SAID = re.compile(r"[^。；;\n]*?(" + REPORT_PARTS.pattern + r")[^。；;]*[。；;]?")


def own_parts(report: Report) -> list[Sentence]:
    """The sentences in which the report tells its own parts (本年报由工作概述、…等六个部分组成。), from 本…报告 on."""
    m = report.meta
    return [Sentence(report.id, m.agency, m.year, PREAMBLE, x.start(1), x.end(), report.text[x.start(1):x.end()],
                     page=report.page_at(x.start(1)))
            for x in PARTS_SAID.finditer(report.text)]


# how many areas asked (从几个方面改进): the line announcing them with their number (我们计划从以下三个方面进行改进：),
# context for the items under it otherwise (_heading_like), answers
AREAS_ASKED = re.compile(r"(?:几|多少)个?方面")
AREAS_SAID = re.compile(r"(?:以下|如下)[一二三四五六七八九十两\d]+个?方面")


def announced_areas(report: Report) -> list[Sentence]:
    """The lines announcing how many areas follow (…从以下三个方面进行改进：), as candidates."""
    m, text, out = report.meta, report.text, []
    for section, a, b in _regions(report):
        for s, e, is_heading in spans(text[a:b]):
            if is_heading and AREAS_SAID.search(text, a + s, a + e):
                out.append(Sentence(report.id, m.agency, m.year, section, a + s, a + e, text[a + s:a + e],
                                    page=report.page_at(a + s)))
    return out


def evidence(search: Callable, question: str, topics: list[str], reports: list[Report],
             threshold: float, hints: tuple[str, ...] = ()) -> list[Scored]:
    """The candidate sentences of the named reports, best first; empty when nothing is relevant enough. Asked
    for the report's own parts, the sentence telling them is one (furniture for any other question); asked how
    many areas, the line announcing them (context for any other question). `hints` (an English question's words
    as the reports print them) rank, but say nothing of relevance: they were kept because the reports print them."""
    cands = [c for r in reports for c in report_sentences(r)]
    extra = [p for r in reports for p in own_parts(r)] if PARTS_ASKED.search(question) else []
    extra += [p for r in reports for p in announced_areas(r)] if AREAS_ASKED.search(question) else []
    if extra:
        cands = sorted(cands + extra, key=lambda c: (c.report_id, c.start))
    if not cands:
        return []
    names = [p for r in reports for p in name_parts(r.meta.agency)]
    agencies = tuple(r.meta.agency for r in reports)
    terms = without_counts(question, query_terms(question, topics, names, agencies))
    where = _Holding([c.read for c in cands])
    if heard := heard_alike(terms, where):  # 存在什么文体 -> 问题: the question as the reports would say it
        for typed, read in heard.items():
            question = question.replace(typed, read)
        topics = [heard.get(t, t) for t in topics]
        terms = without_counts(question, query_terms(question, topics, names, agencies))
    def known(w: str) -> bool:  # 搞了个 (tagged a noun) is a verb phrase, 了 says so; 条数, 比例 the value asked
        return (w in GENERIC_TOPICS or "了" in w or miscut(w) or any(w in n for n in names)
                or bool(COUNT_NOUN.fullmatch(w) or SHARE_NOUN.fullmatch(w)))

    if not asks_kind(question) and unrecorded(question, lambda w: said(w, where), known):
        return []  # 群众满意率是多少: what the value is asked of, no sentence of these reports names (nor its parts together)
    if practice_unsaid(question, lambda w: said(w, where), known):
        return []  # 有没有设意见箱: whether they did it, and no sentence of these reports names it
    if superlative_unsaid(question, [c.read for c in cands]):
        return []  # 阅读量最高的是哪一条: which one is the most, and no sentence of these reports ranks anything
    terms = unslipped(terms, where, spell=True)
    chunks = passage_cosines(search, question, [r.id for r in reports])
    ranking = terms + [h for h in hints if h not in terms]
    rare = [h for h in hints if len(where(h)) <= RARE_HINT]  # 基层: a hint few sentences print tells what is asked
    ranked = with_items(rank(question, ranking, cands, sentence_cosines(cands, chunks), names), cands,
                        {r.id: r.text for r in reports}, lists=cue(question) in ("shortfall", "plan"),
                        question=question)
    best_cos = max((cos for *_, cos in chunks), default=0.0)
    if best_cos < threshold:
        return []
    parted = [parts for t in terms if len(parts := compound_parts(t)) > 1]
    who = bool(WHO_QUESTION.search(question))  # 谁牵头, 谁点头: the asker's verb for the role asked, no topic
    about = [w for w in topical(terms) if not who or said(w, where) or names_thing(w, question)]
    lacked = lacked_words(question)  # pushed down for saying the way the people asked about do not take, a sentence
    seen = ranked[:QUOTES] + [s for s in ranked[QUOTES:] if lacked and any(w in s.sentence.read for w in lacked)]
    pointed = pointed_part(question) or asked_item(question)  # 第五部分提出的第二条: the place is what was asked
    if about and not pointed and best_cos < STRONG_RELEVANCE and not gives_asked(question, ranked[0].sentence.read) \
            and not any(
            (any(t in s.sentence.read for t in [*terms, *rare]) if hints else s.terms)
            or any(all(p in s.sentence.read for p in parts) for parts in parted) for s in seen):
        return []  # nothing says what was asked about (天气 is in no report)
    return ranked


YES_NO = re.compile(r"有没有|有无|是否|([\u4e00-\u9fff])没\1|过(?=[^，,。；;？?！!]{1,16}吗)")  # 搞过开放日吗, 开没开
PRACTICE_NOUNS = ("n", "nz")
PRACTICE_LEN = 3  # 意见箱, 开放日, 听证会: a thing done; a two-character noun (材料, 信号 of 微信号, 表态) is too often a cut


def practice_unsaid(question: str, said_: Callable[[str], bool], known: Callable[[str], bool]) -> str | None:
    """Asked whether they did something (有没有设意见箱, 搞过开放日吗), the first noun of what is asked that no sentence
    names (itself, a synonym, an everyday word's formal one, its parts together), else None: a report that never
    names the thing does not state the practice, and the sentences nearest the question's other words (收集群众意见)
    are not an answer to whether it was done."""
    m = YES_NO.search(question)
    if not m:
        return None
    clause = re.split(r"[，,。；;？?！!]", question[m.end():])[0]
    return next((w for w, flag in word_tags(clause)
                 if flag in PRACTICE_NOUNS and len(w) >= PRACTICE_LEN and not known(w) and not said_(w)), None)


# which one is the most or the least asked (阅读量最高的是哪一条, 哪个部门公开得最多): a ranking the report must state (最多,
# 居首, 排名), not one the asker's reader would make of sentences that each name one thing; 最早/最新 point at a report
SUPERLATIVE_ASKED = re.compile(r"最(?:高|多|大|少|低|热|火|受欢迎)")
SUPERLATIVE_SAID = re.compile(r"[最较](?:高|多|大|少|低|热|火|受欢迎)|居首|榜首|之最|排名|排行|位列第一")


def asks_most(question: str) -> bool:
    return bool(SUPERLATIVE_ASKED.search(question) and ASKING.search(question))


def superlative_unsaid(question: str, texts: list[str]) -> bool:
    """Asked which one is the most (阅读量最高的是哪一条), whether no sentence states a ranking: the reports record no
    reading counts, and the sentence nearest the question's other words (其他应主动公开的政府信息62条) names no most."""
    return asks_most(question) and not any(SUPERLATIVE_SAID.search(t) for t in texts)


def gives_asked(question: str, text: str) -> bool:
    """Whether the sentence gives what kind of thing is asked: a place for a where-question (去哪儿看 -> 在局办公楼设立
    政府信息公开栏), a number in the unit a count asks (帮困救济那一类有几条 -> 社会救助类信息8条). The asker's words for
    what they want (材料, 帮困救济) may be no report's, and a passage close to the question (the threshold) whose best
    sentence gives the very kind of answer asked is about it."""
    unit = count_unit(question)
    return bool((WHERE_QUESTION.search(question) and WHERE_SAID.search(text)) or (unit and states(unit, text)))


def names_thing(word: str, question: str) -> bool:
    """Whether a word names a thing (a noun, as jieba tags it in the question, else alone: 天气, 材料), not an action or
    a pronoun in the asker's words (牵头, 操心, 这块): asked who does it, a report not printing such a word says nothing
    of whether it names who does it, so only the cosine (the threshold) is left to judge that. (Not for other
    questions: 能按这两年的数估一下 or 为什么涨了 were then answered by a plan or a count, where nothing says it.)"""
    tags = dict(word_tags(plain(question)))
    flag = tags.get(word) or next((f for _, f in word_tags(word)), "")
    return flag.startswith(NOMINAL) or flag in ("s", "nz", "eng")


def topic_shares(cands: list[Sentence], words: list[str], texts: list[str] | None = None,
                 question: str = "") -> list[float]:
    """Per candidate (or per text given), the share of the words' weight it holds (a word rarer among the
    candidates weighs more). With the question: of words it offers as alternatives (关停或注销) one says them
    all, a word of four characters is also said in its halves' other order (问卷调查 ~ 调查问卷), and a text that
    names what the question quotes (《问政平潭》) holds the topic whole; else words said only inside a document's
    name (按照《…处理费管理办法》) are not held."""
    groups = word_groups(question, words)
    quoted = quoted_names(question)
    beside = compound_partners(question, words)
    n = len(cands) or 1
    reads = [c.read for c in cands]
    cites = not quoted and not has(question, MENTION_WORDS)  # 哪些报告提到了公开指南: a title mentions it too
    if cites:  # a document cited by name (按照《…信息处理费管理办法》) is not what was done
        reads = [CITED.sub("", x) if "《" in x else x for x in reads]
    where = _Holding(reads)
    weight = [sum(math.log(1 + n / (1 + len(where(w)))) for w in g if w in words) for g in groups]
    total = sum(weight) or 1.0
    if texts is not None:
        where = _Holding([CITED.sub("", x) if cites and "《" in x else x for x in texts])
    out = [0.0] * len(where.texts)
    for g, w in zip(groups, weight, strict=True):
        whole = set().union(*(_beside(where, a, beside.get(a, ())) for a in g))
        for i in set().union(*(where(a) for a in g)):
            out[i] += w / total * (1.0 if i in whole else APART)
    if quoted:  # what the question quotes (“跟班学习”, 《问政平潭》) is the topic: a text without it holds only parts
        holding = set().union(*(where(q) for q in quoted))
        out = [1.0 if i in holding else x * APART for i, x in enumerate(out)]
    return out


def compound_partners(question: str, words: list[str]) -> dict[str, tuple[str, ...]]:
    """Per topic word (and its halves' other order), the words the question prints right beside it as one
    compound (压力测试, 在线访谈, 标准化规范化, 调查问卷): a noun beside a noun, or a distinguishing word (在线)
    before anything; a part alone may mean something else (申请量增长的压力, 微访谈). A verb or a numeral beside
    a noun is no compound (法律顾问参与: 法律顾问 is said alone; 第三方机构: 第三方 is)."""
    tokens = word_tags(plain(question))
    pairs = [(a, b) for (a, fa), (b, fb) in zip(tokens, tokens[1:], strict=False)
             if all(len(x) >= 2 and x not in GENERIC_TOPICS and HAN.fullmatch(x) for x in (a, b))
             and (fa == "b" or (fa.startswith(NOMINAL) and fb.startswith(NOMINAL)))
             and not (a in GLOSSES and b in GLOSSES and a + b not in GLOSSES)]
    out: dict[str, tuple[str, ...]] = {}
    for w in words:
        found = tuple(dict.fromkeys([b for a, b in pairs if a == w] + [a for a, b in pairs if b == w]))
        if found:
            out |= dict.fromkeys((w, *swapped(w)), found)
    return out


# the words an English question's gloss prints for its nouns: two of them side by side (公开栏办公楼 of "notice board in
# their office building") are two glosses the English joined with words the gloss drops, not one compound
GLOSSES = frozenset(ENGLISH_TERMS.values())


def _beside(where: _Holding, word: str, partners: tuple[str, ...]) -> set[int]:
    """The texts holding a word whole: beside one of its partners, in either order (压力测试, 测试压力), or
    anywhere when the question printed it alone."""
    if not partners:
        return where(word)
    return set().union(*(where(word + p) | where(p + word) for p in partners))


class _Holding:
    """Which of many texts hold a word, found in one string (C speed: an open question weighs ~15,000)."""

    def __init__(self, texts: list[str]):
        self.texts = texts
        self.joined = "\x00".join(texts)
        self.starts = np.cumsum([0] + [len(t) + 1 for t in texts[:-1]])
        self.seen: dict[str, set[int]] = {}

    def __call__(self, word: str) -> set[int]:
        if word not in self.seen:
            found = [m.start() for m in re.finditer(re.escape(word), self.joined)] if word else []
            self.seen[word] = set((np.searchsorted(self.starts, found, side="right") - 1).tolist()) if found else set()
        return self.seen[word]


NEGATION = re.compile(r"未|没有|没|无|不曾|从未")
_CLAUSE = r"[^，,。；;：:、]"


# the question asks who did not (没有/没/未/从未/不曾, not 有没有, 尚未, 未来, 未成年, 未经复议) or whose count is zero (0元)
NONE_ASKED = re.compile(r"(?<![有尚])(?:没有|没|未|从未|不曾)(?![有来成经必])|(?<![\d.])0(?:\.0+)?\s*(?:元|件|次|个|场|人|条|起)")


def asks_none(question: str) -> bool:
    """Whether the question asks for the ones who did not, or whose count is zero (哪些单位没收过处理费)."""
    return bool(NONE_ASKED.search(question))


def denies(text: str, words: list[str]) -> bool:
    """Whether the text says the words it holds only as not done or none (无收取信息处理费情况, 本年度没有产生信
    息公开处理费, 收取信息处理费0元, 不收取费用: 不 right before the word): a precedent of nothing."""
    held = [w for w in words if w in text]
    return bool(held) and all(
        re.search(rf"(?:{NEGATION.pattern}){_CLAUSE}{{0,8}}{re.escape(w)}|不{re.escape(w)}", text)
        or re.search(rf"{re.escape(w)}{_CLAUSE}{{0,12}}?(?<![\d.])0(?:\.0+)?(?:元|件|次|个|场|人|条|起)", text)
        for w in held)


# a plan or a condition, not something done: 将/拟/下一步 earlier in the clause (本机关将依照…收取信息处理费), 若/如果
# earlier in the sentence (若…超过合理范围的，…); 将 that moves an object (将…纳入…, 把) is no plan
PLANNED = re.compile(rf"(?:将(?![近其])|拟|下一步|明年|今后|将来){_CLAUSE}*$")
CONDITIONAL = re.compile(r"若|如果|倘若|一旦")
MOVED = re.compile(r"纳入|列入|作为|融入|整合为|合并为|实现|转为")


def planned(text: str, words: list[str]) -> bool:
    """Whether the text says the words it holds only as a plan or a condition (本机关将依照…收取信息处理费,
    拟开展…): a precedent of nothing yet."""
    text = CITED.sub("", text)
    held = [w for w in words if w in text]

    def ahead(i: int) -> bool:
        before = text[:i]
        m = PLANNED.search(before)
        clause = re.split(r"[，,。；;：:]", text[i:], maxsplit=1)[0]
        return bool(m and not MOVED.search(m.group() + clause)) or bool(CONDITIONAL.search(before))

    return bool(held) and all(ahead(m.start()) for w in held for m in re.finditer(re.escape(w), text))


CITED = re.compile(r"《[^》]*》")
QUOTED = re.compile(r"[《“\"「]([^》”\"」]{2,30})[》”\"」]")
ALTERNATIVE = re.compile(r"或者|或是|或")


def quoted_names(question: str) -> list[str]:
    """What the question quotes (《问政平潭》, “不予公开”), as read."""
    return [plain(m.group(1)) for m in QUOTED.finditer(question)]


def recut(question: str, words: list[str], where: _Holding) -> list[str]:
    """The words as the texts print them: a word jieba cut across a boundary the texts do not (拍短视频 -> 拍短 +
    视频, where the reports print 短视频) and that no text holds is replaced by the longest piece of the question
    over it (four characters, else three) that some text prints as whole words (原创|短|视频 holds 短视频; 解答|群众
    holds no 答群众); a word no such piece covers stays. `where`: the texts, held for finding words in them."""
    q = plain(question)
    out = []
    for w in words:
        i = q.find(w)
        if i < 0 or where(w):
            out.append(w)
            continue
        pieces = (q[s:s + n] for n in (4, 3) for s in range(max(0, i - n + 1), i + len(w)))
        out.append(next((p for p in pieces if len(p) >= len(w) and HAN.fullmatch(p)
                         and p not in GENERIC_TOPICS and any(_whole(p, where.texts[t]) for t in sorted(where(p))[:5])), w))
    return list(dict.fromkeys(out))


def said(word: str, where: _Holding) -> bool:
    """Whether some text names the word: itself, a synonym the vocabulary keeps (官司 ~ 诉讼), its halves' other order,
    or all its parts in one text (专职人员 as 专职工作人员)."""
    if where(word) or any(where(a) for a in synonyms(word) + swapped(word)):
        return True
    parts = compound_parts(word)
    return len(parts) > 1 and bool(set.intersection(*(where(p) for p in parts)))


def unslipped(words: list[str], where: _Holding, spell: bool = False) -> list[str]:
    """The words less those jieba made up out of single characters that no text holds (自季 of 自季承认, 搞果 of
    搞果在线访谈: a slip the corpus could not read back): they say nothing the sentences could repeat, so they
    neither shrink a sentence's share of the topic nor make the question look unanswered (天气, a word, still does).
    A verb split by its aspect (收过费) is the compound some text says (收费); where such a word holds a shorter piece
    some text says (微博 of 微博微, jieba's cut of 微博微信号), the piece is
    the word; with `spell` (the named reports' few sentences), a short form of two words they print (追责) is those
    words."""
    out = []
    for w in words:
        if where(w) or not miscut(w):
            out.append(w)
        elif (whole := unsplit(w)) and said(whole, where):
            out.append(whole)
        elif piece := held_piece(w, where):
            out.append(piece)
        elif spell and (full := spelled_out(w, where)):
            out.append(full)
    return list(dict.fromkeys(out))


def unsplit(word: str) -> str | None:
    """A verb and its object with the aspect between them (收过费, 开了会, 上过课), as the asker splits the compound the
    reports print whole (收费, 开会, 上课 ~ 培训): the compound, else None."""
    return word[0] + word[2:] if len(word) == 3 and word[1] in ASPECT else None


def spelled_out(word: str, where: _Holding) -> str | None:
    """A two-character word jieba guessed and no text holds, read as the short form of two words the texts print
    side by side, each opening with one of its characters, in either order (追责 -> 责任追究, as 追究责任 is shortened):
    the pair the most texts hold, where both halves are dictionary words and the text prints the pair as whole words."""
    if len(word) != 2 or not HAN.fullmatch(word) or word[1] in ASPECT:
        return None  # 办过, 发了: a verb and its aspect, no short form (办理过程 is no 办过)
    a, b = map(re.escape, word)
    freq, found = _jieba().dt.FREQ, {}
    for m in re.finditer(f"{a}[\u4e00-\u9fff]{b}[\u4e00-\u9fff]|{b}[\u4e00-\u9fff]{a}[\u4e00-\u9fff]", where.joined):
        pair = m.group()
        if pair not in found and freq.get(pair[:2]) and freq.get(pair[2:]):
            held = where(pair)
            found[pair] = len(held) if any(_whole(pair, where.texts[t]) for t in sorted(held)[:5]) else 0
    return max((p for p in found if found[p]), key=lambda p: (found[p], p), default=None)


def held_piece(word: str, where: _Holding) -> str | None:
    """The longest piece of a word (two characters or more, shorter than the word) that some text holds."""
    return next((word[i:i + n] for n in range(len(word) - 1, 1, -1) for i in range(len(word) - n + 1)
                 if where(word[i:i + n])), None)


def heard_alike(words: list[str], where: _Holding) -> dict[str, str]:
    """Per word of two characters that no text holds, the word of exactly its sound (each character's commonest
    reading) that the texts hold most often and that is commoner in jieba's dictionary than the word typed (an input
    method offers the commoner first): a whole-word slip (文体 for 问题, 深情 for 申请) in a question about these
    reports, found among the texts' own character pairs, not in a list. 知道 stays, though the reports say 指导."""
    out: dict[str, str] = {}
    _jieba().dt.check_initialized()
    freq = _jieba().dt.FREQ
    for w in words:
        if len(w) != 2 or not HAN.fullmatch(w) or where(w):
            continue
        alike = [a + b for a in (w[0], *sounds_like(w[0])) for b in (w[1], *sounds_like(w[1]))
                 if a + b != w and freq.get(a + b, 0) > freq.get(w, 0)]  # the dictionary first: a few to look for
        if alike := [a for a in alike if where(a)]:
            out[w] = max(alike, key=lambda a: (len(where(a)), a))
    return out


def _whole(piece: str, text: str) -> bool:
    """Whether the text prints the piece as whole jieba words (its first place): it starts and ends between words."""
    i = text.find(piece)
    bounds, at = {0}, 0
    for w in _jieba().lcut(text):
        at += len(w)
        bounds.add(at)
    return i >= 0 and i in bounds and i + len(piece) in bounds


def unsaid(word: str) -> tuple[str, ...]:
    """A word that says "none" in everyday words, as the reports write it (没人管 ~ 无人, 没有公开 ~ 未公开)."""
    m = re.match(r"没有?(.+)", word)
    if not m or not HAN.fullmatch(m.group(1)) or word.startswith("没收"):  # 没收 confiscates
        return ()
    rest = m.group(1)
    return tuple(dict.fromkeys(w for w in ("无" + rest, "未" + rest, "无" + rest[0]) if len(w) >= 2 and w != word))


def swapped(word: str) -> tuple[str, ...]:
    """A word of four characters said in its halves' other order (追究责任 ~ 责任追究, 问卷调查 ~ 调查问卷)."""
    return (word[2:] + word[:2],) if len(word) == 4 and HAN.fullmatch(word) else ()


def word_groups(question: str, words: list[str]) -> list[tuple[str, ...]]:
    """The words as groups of alternatives: A或B in the question is one group (关停或注销: either says it), and so
    is a list A、B或C or one in brackets (第三方（机构、平台或公司）: a sentence saying one of them says it); a
    word of four characters also said in its halves' other order (问卷调查 ~ 调查问卷)."""
    groups: list[tuple[str, ...]] = []
    prev = None
    for w in words:
        alts = (w, *swapped(w))
        if prev and (re.search(re.escape(prev) + r"(?:" + ALTERNATIVE.pattern + r")" + re.escape(w), question)
                     or re.search(re.escape(prev) + "、" + re.escape(w) + r"(?:[、或][^，,。？?（()）]*)?[）)]", question)
                     or re.search(re.escape(prev) + "、" + re.escape(w) + r"(?:、[^，,。？?、]+)*或", question)):
            groups[-1] = groups[-1] + alts
        else:
            groups.append(alts)
        prev = w
    return groups


def evidence_in_time(search: Callable, load: Callable[[str], Report], question: str, topics: list[str],
                     reports: list[Report], earlier: list[str], threshold: float,
                     hints: tuple[str, ...] = ()) -> list[Scored]:
    """The named reports' evidence; when the question named no year (the router read the agency's newest report),
    the agency's earlier reports (`earlier`: their ids) are read with it and the best sentence wins, the newest
    first among equals, so 海坛片区是怎么成立的 is answered from the year that tells it and the answer line names
    that year. A sentence from an earlier report must hold half the topic words, as a precedent's does (more
    reports, more near misses: 天气预报 is not 空气质量预测预报); else the newest report's evidence stands."""
    when = WHEN_ASKED.findall(question)  # 什么时候开始: no topic word, else no earlier report's date holds half of them
    rest = WHEN_ASKED.sub(" ", question)
    topics = [t for t in without_counts(question, topics) if t in rest or not any(t in w for w in when)]
    ranked = evidence(search, question, topics, reports, threshold, hints)
    if not earlier:
        return ranked
    every = reports + [load(i) for i in earlier]
    newest = {r.id for r in reports}
    wide = sorted(evidence(search, question, topics, every, threshold, hints),
                  key=lambda s: (-s.score, s.sentence.report_id not in newest, -s.sentence.year))
    if not wide or wide[0].sentence.report_id in newest:
        return ranked or wide
    if topics:
        cands = [c for r in every for c in report_sentences(r)]
        if topic_shares(cands, topics, [wide[0].sentence.read], question)[0] < TOPIC_SHARE:
            return ranked
    return wide


CONTACT_ASKED = {name: re.compile(ask, re.I) for name, (ask, _) in CONTACT_FACTS.items()}
CONTACT_PRINTED = {name: re.compile(re.sub(r"(?<=[\u4e00-\u9fff])(?=[\u4e00-\u9fff])", r"\\s*", printed), re.I)
                   for name, (_, printed) in CONTACT_FACTS.items()}  # 电 话 ： in a PDF's letter-spaced labels


def contact_asked(question: str) -> list[str]:
    """The report's own contact facts the question asks for (电话, 传真, 电子邮箱, 邮编, 联系地址, 落款)."""
    return [name for name, ask in CONTACT_ASKED.items() if ask.search(question)]


def contact_passages(report: Report, asked: list[str]) -> list[tuple[str, Passage | None]]:
    """Each fact asked, as the report prints it (its label and value, exact offsets), or None where it prints none:
    the candidates of the narrative ranker leave the report's contact block out, so it is read here by its labels."""
    text, m = report.text, report.meta
    ending = text.rstrip()  # the sign-off is the text's last line
    out: list[tuple[str, Passage | None]] = []
    for name in asked:
        if not (found := CONTACT_PRINTED[name].search(ending)):
            out.append((name, None))
            continue
        a, b = found.span()
        section = next((x.key for x in report.sections if x.start <= a < x.end), "overview")
        out.append((name, Passage(report_id=report.id, agency=m.agency, year=m.year, section=section,
                                  text=text[a:b], start=a, end=b, page=report.page_at(a))))
    return out


def earlier_reports(catalog, it) -> list[str]:
    """Ids of the agency's reports before the one read, newest first, when the question gave no year
    (neither a number, nor 去年, nor a year carried over from the conversation) and names one report."""
    if it.years or it.year_word or it.anchor is not None or it.shift or len(it.targets) != 1:
        return []
    agency, year = it.targets[0]
    return [e.report_id for e in sorted(catalog.entries, key=lambda e: -e.year) if e.agency == agency and e.year < year]


def across(search: Callable, load: Callable[[str], Report], question: str, topics: list[str],
           phrase_reports: list[str], scope: list[str], threshold: float, precedent: bool,
           sentences: SentenceStore | None = None) -> list[Scored]:
    """One best sentence per agency across the corpus (or the reports in scope), best agency first: the
    reports the retriever finds, and every report whose text holds the topic (a phrase search, complete).
    A precedent's sentence must hold half the topic words' weight (a rarer word weighs more). `sentences`: where
    the reports' candidates are kept between processes."""
    filters: dict = {"kind": "text"}
    if scope:
        filters["report_id"] = scope
    hits = [h for h in search(question, CROSS_K, filters) if (h.dense or 0.0) >= threshold]
    ids = list(dict.fromkeys([h.chunk.report_id for h in hits] + phrase_reports))
    per_report = sentences.get(ids, load) if sentences else [sentences_of(i, load) for i in ids]
    cands = [c for sents in per_report for c in sents]
    names = [p for a in sorted({s[0].agency for s in per_report if s}) for p in name_parts(a)]
    terms = query_terms(question, topics, names)
    # 平潭各片区管理局中谁…: the scope's own names (片区, 管理局) say who, not what (a signature holds them)
    scoped = [p for a in sorted({s[0].agency for s in per_report if s}) for p in name_parts(a)] if scope else []
    key_terms = [w for w in topics if not any(w in n for n in scoped)] or topics or terms
    if not precedent or len(scope) == 1:  # 鹿城区觉得哪些地方还不足 (one report): no topic to hold, what it states answers
        key_terms = topical(key_terms)
    if key_terms:  # a precedent says most of what was asked, by weight: 申请 is in every report, 压力 in one
        where = _Holding([c.read for c in cands])  # 拍短视频: jieba's 拍短 is said by no report, 短视频 by some
        key_terms, terms = recut(question, key_terms, where), recut(question, terms, where)
        if heard := heard_alike(list(dict.fromkeys(key_terms + terms)), where):  # 听政会 -> 听证会
            for typed, read in heard.items():
                question = question.replace(typed, read)
            key_terms, terms = [heard.get(t, t) for t in key_terms], [heard.get(t, t) for t in terms]
        key_terms, terms = unslipped(key_terms, where) or key_terms, unslipped(terms, where)
        share = TOPIC_SHARE if precedent else 0.0
        held = topic_shares(cands, key_terms, question=question)
        cands = [c for c, h in zip(cands, held, strict=True) if h and h >= share]
        if asks_none(question):  # 哪些单位没收过处理费 / 处理费是0元: the sentences that say none answer it
            cands = [c for c in cands if denies(c.read, key_terms)]
        elif precedent and not NEGATION.search(question):  # 无收取信息处理费情况 is no precedent of charging one
            cands = [c for c in cands if not denies(c.read, key_terms)]
        if precedent and cue(question) != "plan":  # 本机关将依照…收取信息处理费 is no precedent of charging one
            cands = [c for c in cands if not planned(c.read, key_terms)]
    if not cands:
        return []
    chunks = [(h.chunk.report_id, h.chunk.start, h.chunk.end, float(h.dense or 0.0)) for h in hits]
    cosines = sentence_cosines(cands, chunks)
    if precedent and not quoted_names(question) and not has(question, MENTION_WORDS):  # 按照《…处理费管理办法》收取:
        cands = [replace(c, read=CITED.sub("", c.read)) if "《" in c.read else c for c in cands]  # not what was done,
        # unless the question asks what a report mentions (哪些报告提到了公开指南)
    ranked = rank(question, terms, cands, cosines, names, doing=False)
    # a precedent's sentence is one that says it was done where the agency has one: a plan the problems section
    # states (三是丰富…新闻发布会等形式, under 将采取以下措施) stands only for an agency with nothing else
    ahead = _Plans(per_report) if precedent and cue(question) != "plan" else None
    best: dict[str, Scored] = {}
    for s in ranked:
        kept = best.get(s.sentence.agency)
        if kept is None or (ahead and ahead(kept.sentence) and not ahead(s.sentence)):
            best[s.sentence.agency] = s
    return sorted(best.values(), key=lambda s: -s.score)


class _Plans:
    """Whether a candidate is a plan the problems section states, each report's stances read once and only for a
    sentence of its problems section (an open question ranks ~15,000 candidates; most are elsewhere)."""

    def __init__(self, per_report: list[list[Sentence]]):
        self.sentences = {sents[0].report_id: sents for sents in per_report if sents}
        self.starts: dict[str, set[int]] = {}

    def __call__(self, c: Sentence) -> bool:
        if c.section != PROBLEMS or c.report_id not in self.sentences:
            return False
        if c.report_id not in self.starts:
            self.starts[c.report_id] = plan_starts(self.sentences[c.report_id])
        return c.start in self.starts[c.report_id]


def plan_starts(sents: list[Sentence]) -> set[int]:
    """Starts of a report's sentences that its problems section states as plans (after 针对上述问题…/将采取以下
    措施, or under （二）改进措施): read in the report's whole order, as `stances` needs."""
    return {c.start for c, kind in zip(sents, stances(sents, PROBLEMS), strict=True)
            if kind == "plan" and c.section == PROBLEMS}


def _title(c: Sentence) -> bool:
    """An item's title (一是细化办理流程。) stating no shortfall (一是培训力度不大。 is content)."""
    return c.title and not any(w in c.read for w in SECTION_CUES["shortfall"])


ORDINAL = re.compile(r"\s*(?:([一二三四五六七八九十]+)是|[（(]([一二三四五六七八九十]+)[)）]|(\d+)[、.．]|[（(](\d+)[)）])")
NUMERALS = "一二三四五六七八九十"


def ordinal(text: str) -> tuple[int, int] | None:
    """(style, number) of a numbered sentence (一是… / （二）… / 3、…)."""
    m = ORDINAL.match(text)
    if not m:
        return None
    style = next(i for i, g in enumerate(m.groups()) if g)
    g = m.group(style + 1)
    return style, (int(g) if g.isdigit() else NUMERALS.index(g) + 1 if len(g) == 1 else 0)


def _item_title(c: Sentence) -> bool:
    """An item's title, not a section's heading printed as a sentence (（五）政府信息公开监督保障情况。)."""
    return _title(c) and not re.sub(r"[。；;\s]+$", "", c.text).endswith(SECTION_HEADING_ENDS + ("方面",))


def items(cands: list[Sentence]) -> dict[int, int]:
    """Per candidate that belongs to an item: the index of the item's title (三是提高办理质量。), for the
    title itself and the sentences under it up to the next numbered one."""
    out: dict[int, int] = {}
    title = None
    for i, c in enumerate(cands):
        if _item_title(c):
            title = i
        elif not (title is not None and c.heading == cands[title].text and c.report_id == cands[title].report_id
                  and c.section == cands[title].section and not HEADING.match(c.text) and not ordinal(c.read)):
            title = None
        if title is not None:
            out[i] = title
    return out


RESTATED = 0.5  # an item's title repeating this share of its character pairs from the question only restates it


def restates(title: Sentence, question: str) -> bool:
    """Whether an item's title only says again what the question asks: most of its pairs of characters, past
    the numbering, are the question's (二是提升依申请公开答复质量。 for 怎么提升依申请公开的答复质量)."""
    pairs = {b for b in _bigrams(ORDINAL.sub("", title.read, count=1)) if HAN.fullmatch(b)}
    return bool(pairs) and len(pairs & _bigrams(question)) / len(pairs) >= RESTATED


def with_items(ranked: list[Scored], cands: list[Sentence], texts: dict[str, str],
               lists: bool = False, question: str | None = None) -> list[Scored]:
    """Evidence quoted with what completes it, as one span of the report text, as far as MAX_ITEM characters
    reach: an item's title with the sentence under it and the item's sentences after it (三是提高办理质量。
    加强…。围绕…，强化类案指导。), further down an item from the title when it says what was asked, else from
    the sentence itself; an item of a list (一是…；)
    with the items after it up to the sentence's end (仍存在一些不足，如：…；…；…。); with `lists` (the question
    asks for the problems or the plans), a list's first sentence (一是…。) with the numbered ones after it."""
    index = {(c.report_id, c.start): i for i, c in enumerate(cands)}
    title_of = items(cands)
    says = {(s.sentence.report_id, s.sentence.start) for s in ranked if s.terms}  # holds a word of the question
    out = []
    for s in ranked:
        c = s.sentence
        i = index.get((c.report_id, c.start))
        start, end = c.start, c.end
        if i is not None and i in title_of:
            t = title_of[i]
            says_asked = (cands[t].report_id, cands[t].start) in says
            near = i - t <= 1 or says_asked
            if i != t and near and not lists and question is not None \
                    and (not says_asked or restates(cands[t], question)):
                start = cands[t + 1].start if c.end - cands[t + 1].start <= MAX_ITEM else c.start
                # a title saying none of the question's words (三是不断创新工作方法。 for 公文怎么自动上网), or only
                # them (二是提升依申请公开答复质量。 for 怎么提升答复质量), says no more than the question: the
                # sentence under it says what was done, and leads
            else:
                start = cands[t].start if near and c.end - cands[t].start <= MAX_ITEM else c.start
            j = i + 1
            while j < len(cands) and title_of.get(j) == t and cands[j].end - start <= MAX_ITEM:
                end, j = cands[j].end, j + 1
        elif i is not None:
            first = ordinal(c.read) if lists else None
            j = i
            while j + 1 < len(cands) and _continues(cands[j], cands[j + 1], texts[c.report_id], first, j - i) \
                    and cands[j + 1].end - start <= MAX_ITEM:
                end, j = cands[j + 1].end, j + 1
        if (start, end) != (c.start, c.end):
            text = texts[c.report_id][start:end]
            page = cands[index[(c.report_id, start)]].page if (c.report_id, start) in index else c.page
            s = Scored(Sentence(c.report_id, c.agency, c.year, c.section, start, end, text, c.heading, page),
                       s.score, s.terms, s.cosine)
        out.append(s)
    return out


def _continues(a: Sentence, b: Sentence, text: str, first: tuple[int, int] | None, n: int) -> bool:
    """Whether b goes on the list a is part of: after a ；, or numbered next when the list began at 一."""
    if b.report_id != a.report_id or b.section != a.section or text[a.end:b.start].strip():
        return False
    if a.read.endswith(("；", ";")):
        return True
    return first is not None and first[1] == 1 and ordinal(b.read) == (first[0], n + 2)


def answer_lines(ranked: list[Scored], n: int = QUOTES) -> list[Scored]:
    """The quotes under the answer line: the best `n`, a sentence repeated by overlapping spans once."""
    out: list[Scored] = []
    for s in ranked:
        if any(o.sentence.report_id == s.sentence.report_id and o.sentence.start < s.sentence.end
               and s.sentence.start < o.sentence.end for o in out):
            continue
        out.append(s)
        if len(out) == n:
            break
    return out


def _named_alone(question: str, text: str, m: re.Match, left: int, right: int) -> bool:
    """Whether the number is one of a list of counts (新闻发布会8场、警媒座谈会2场…) whose counted words the question
    names more of than any other's: it is then its own clause. A question naming several (专职还是兼职) keeps them."""
    others = [o for o in NUMBER.finditer(text, left, right) if o.start() != m.start()]
    return bool(others) and counted(question, text, m)[0] > max(counted(question, text, o)[0] for o in others)


def asked_verb(question: str) -> str | None:
    """The verb a count is asked of, right before 多少/几 (办结了多少件, 收到多少件): what the number counts is what was
    done, where a sentence gives two counts of the same things (共收到15564件咨询投诉件，已办结15042件)."""
    tags = word_tags(plain(question))
    at = next((i for i, (w, _) in enumerate(tags) if w.startswith(("多少", "几"))), None)
    if at is None:
        return None
    i = at - 1
    while i >= 0 and tags[i][0] in ASPECT:
        i -= 1
    return tags[i][0] if i >= 0 and tags[i][1].startswith("v") and len(tags[i][0]) >= 2 else None


def count_clause(question: str, text: str, agency: str = "") -> tuple[str, float, str] | None:
    """For a count: the clause of the sentence that states it, with its number and unit, as printed
    (the asked unit first, then the number whose counted words the question names most of, then the clause
    repeating most of the question's bigrams). Two counts asked (发了多少条、有多少粉丝): the clauses of both, where one sentence
    states them. The words naming the report's `agency` name nothing counted (《上海市人民政府公报》…规章13件 is not
    what 上海市人民政府办公厅…人事任免文件多少件 asks)."""
    if not asks_count(question) or RATE_QUESTION.search(question):  # 满意率是多少: no count answers a rate
        return None
    question = unnamed(question, agency)
    unit = asked_unit(question)
    qb = {b for b in _bigrams(question) if HAN.fullmatch(b)} - _GENERIC_BIGRAMS
    noun = COUNTED_NOUN.search(question)
    if noun and noun.group(1) in GENERIC_TOPICS:
        noun = None  # 多少条信息: 信息 names nothing a number counts (全年公布631条)
    measure = MEASURE_NOUN.search(question)
    if measure and measure.group(1) not in text:
        return None  # 访问量是多少: a sentence that says no 访问 states some other number (发布信息393件)
    asks = len(COUNT_QUESTION.findall(question))
    verb = asked_verb(question)
    head = asked_head(question)  # 微博有几个: 其中微博29个, not 共…70个
    total = bool(TOTAL_ASKED.search(question))
    # what a total is asked of, each said in the whole's clause: the words right before the count (一共策采了多少篇,
    # 一共主动公开了多少条: not 总数3978条 of 制作、获取), and after it (多少人次来咨询)
    before = (b := COUNT_BEFORE.search(question)) and re.sub(r"^[年月]|有|是|共", "", TOTAL_ASKED.sub("", b.group(1))) or ""
    said = (_word_pairs(before), _word_pairs((a := COUNT_ASKED.search(question)) and a.group(1) or ""))
    found = []
    for m in NUMBER.finditer(text):
        left = max(text.rfind(c, 0, m.start()) for c in "，,；;。：:") + 1
        right = min([i for i in (text.find(c, m.end()) for c in "，,；;。") if i != -1], default=len(text))
        # 一共多少人次来咨询: 约4900人次通过各种方式…咨询…，其中… is the whole its parts divide, the verb asked said after
        # it in its clause; the words after it (通过各种方式…) name nothing, its parts say what it counts
        pairs = _bigrams(text[left:right])
        whole = total and any(said) and all(g & pairs for g in said if g) and _parted(text, m)
        if (_counts_other(question, text, m) and not whole) \
                or (unit in UNIT_KIN and not in_unit(unit, m.group(2)) and asks == 1):
            continue  # 12000余名群众 or 9处站点 for 几个人负责: what the number counts is not what is asked (of two
            # counts asked, 发了多少条、有多少粉丝, the other's unit may be another: the asked unit still comes first)
        if noun and noun.group(1) not in text[max(0, m.start() - 12):m.end() + 12]:
            continue  # 几个处室: a number that counts 处室 says so beside it (1295件 does not)
        done = whole or (bool(verb) and verb in text[left:m.start()])  # 已办结15042件 for 办结了多少件; 关停…网站1个、
        # 新媒体2个: both
        if _named_alone(question, text, m, left, right):  # 新闻发布会8场、警媒座谈会2场: the count asked, alone
            left = counted_from(text, m, left)
            nxt = text.find("、", m.end(), right)
            right = nxt if nxt != -1 else right
        hits, share = counted(question, text, m)
        named = bool(head) and counts_head(text, m, head)
        key = (bool(unit) and in_unit(unit, m.group(2)), done, whole, named, hits, share,
               len(qb & _bigrams(text[left:right])), -m.start())
        found.append((key, left, right, m))
    if not found:
        return None
    found.sort(key=lambda f: f[0], reverse=True)
    key, left, right, m = found[0]
    if key[4] == 0 and key[6] == 0 and not (key[0] and unit in UNIT_KIN) and not key[1] and not key[3]:
        return None  # 专职人员有几个 against 14个街镇: a number that counts nothing the question names is no answer
    if asks > 1:
        piece = _piece(text, m.start())
        other = next((f for f in found[1:] if _piece(text, f[3].start()) == piece and (f[0][4] or f[0][6])),
                     None)  # the other count asked, named by the question's words
        if other:
            left, right = min(left, other[1]), max(right, other[2])
    clause = text[left:right].strip().rstrip("：:")  # …从以下三个方面进行改进： announces, the colon is no part
    value = number_value(m.group(1))
    if value is None:
        return None
    return re.sub(r"\s*\n\s*", "", clause), (int(value) if value.is_integer() else value), m.group(2)


def unnamed(question: str, agency: str) -> str:
    """The question with every run of two or more characters that is part of the agency's name masked (鹿城区府办 of
    温州市鹿城区人民政府办公室: 鹿城区, 府办)."""
    if not agency:
        return question
    out, i = list(question), 0
    while i < len(question) - 1:
        n = next((n for n in range(len(question) - i, 1, -1) if question[i:i + n] in agency), 0)
        if n:
            out[i:i + n] = "|" * n
        i += n or 1
    return "".join(out)


def number_value(said: str) -> float | None:
    """A number as printed, in digits (1,295) or Chinese numerals (两 -> 2, 十一 -> 11); None for no numeral (十四五)."""
    return float(said.replace(",", "")) if said[0].isdigit() else parse_chinese_number(said)


def _piece(text: str, at: int) -> int:
    """The start of the sentence or list item (。；) that holds this position."""
    return max(text.rfind(c, 0, at) for c in "。；;！？!?") + 1
