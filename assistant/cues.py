"""How people phrase a question's operation, years and scope: question words, not the tables' labels (those are in
`index.vocabulary`). Data only: `assistant.read` and `assistant.plan` look the words up here."""

from __future__ import annotations

import re

from index.vocabulary import REQUEST_ROW_KEYS, SAID_NOT_DISCLOSED, TABLE_NUMBERS

CHANGE_CUES = ("比上年", "较上年", "比上一年", "比前一年", "较上一年", "较前一年", "多出", "同比", "增长", "增加", "减少", "下降", "上升", "变化", "增幅",
               "降幅", "多了", "少了", "涨了", "变动", "变了", "跌了", "涨幅", "跌幅", "升幅", "比去年", "较去年", "同去年比",
               "跟去年比", "和去年比", "与去年相比", "比头一年", "比前1年", "比上1年", "几倍", "多少倍", "翻了", "翻番", "翻倍",
               *(f"{w}{y}{s}" for w in ("跟", "和", "与", "同") for y in ("上年", "上一年", "上1年", "前一年", "前1年", "头1年")
                 for s in ("比", "相比")),  # 跟上一年比 (not 新收的和上年结转的)
               "暴增", "暴涨", "激增", "骤增", "猛增", "大增", "大涨", "锐减", "骤降", "骤减", "暴跌", "大跌", "腰斩", "减半",
               "断崖", "幅度")  # a journalist's words for a change: asked as the change, with both years' cells
VAGUE_CHANGES = ("变了", "变化", "变动")  # with no figure and no 多少 they say something changed, not by how much
# 翻了几倍, 是2024年的多少倍: the later year's figure as a multiple of the earlier one's (涨到两倍以上了吗: a multiple
# claimed is checked as the one asked)
TIMES_ASKED = re.compile(r"(?:几|多少)倍|翻了?[几一二两三\d]?番|翻倍|翻了|(?<![\d.])(?:[两二三四五六七八九十]|\d+(?:\.\d+)?)倍(?:以上|多|有余)?")
# 表三, 第三张表, 统计表: a standard table shown whole (表二 active, 表三 requests, 表四 reviews and suits)
TABLE_ASKED = re.compile(r"(?:表格?([二三四234])|第([二三四234])(?:张|个)统?计?表)(?!.{0,8}(?:对得上|对不上|一致|相符|吻合|合计))"
                         r"|(?:看|给|显示|列出|展示|调出|打开|完整|全部|整张|整个)[^，,。？?]{0,12}(?:统计表|数据表|统计表格|报表)")
TABLE_SAID = {said: table for table, number in TABLE_NUMBERS.items()  # 表三 or 表3: requests
              for said in (number[1], str("一二三四".index(number[1]) + 1))}
# 排第几, 排名第几, 第几名, 排在什么位置: the place of the one agency named, not the first of all
RANK_POSITION = re.compile(r"排(?:名|在|行)?(?:第几|多少名|多少位|什么位置|哪个位置|几名)|第几(?:名|位|多)|排名(?:怎么样|如何|情况)|排老几")
RANKING_CUES = ("最多", "最少", "最高", "最低", "排名", "排行", "排第", "前五", "前三", "前十", "前几", "第一多", "倒数第")
ASCENDING_CUES = ("最少", "最低")
SCOPE_CUES = ("全区", "全市", "全县", "所有单位", "各单位", "全部单位", "各部门", "所有部门", "全部门", "所有报告",
              "全部报告")
EACH_CUES = ("分别", "各自", "各是", "各多少", "各几", "各有", "各为")  # 新收和上年结转各多少: each, not their sum
# 不予公开的都是什么原因: a sum of the table's reason rows asked by reason is each row, not a passage
REASON_WORDS = ("什么原因", "哪些原因", "原因是什么", "原因有哪些", "什么理由", "哪些理由", "理由是什么", "理由有哪些", "因为什么",
                "出于什么",
                *(f"{which}{why}" for which in ("哪个", "哪种", "哪条", "哪项", "哪一个", "哪一种", "哪一条", "哪一项")
                  for why in ("原因", "理由", "情形")),
                "哪几种原因", "哪几类原因", "哪几类", "哪些类", "哪些情形", "什么情形", "哪些情况", "哪些信息是",
                "原因呢", "理由呢", "具体原因", "分别是什么原因", "哪类原因")
TOTAL_CUES = ("合计", "加起来", "总和", "总共", "一共", "累计", "加在一起", "合起来", "之和", "共计", "加一块", "加到一块",
              "合在一起", "合一起", "一起算", *(f"{w}{n}起" for w in ("加", "加到") for n in "一1"))  # 起 a counter: 加1起
# 两年加起来…的比例, 两家合计占比: one rate over the reports summed (not 两项合计占比, the items a numerator sums)
POOLED = re.compile(r"(?:年|年度|家|单位|\d{4}[)）])(?:的|里|中|内)?(?:" + "|".join(map(re.escape, TOTAL_CUES)) + ")")
# 把2022年也算上, 连同淮安市: the reports named are added to those the conversation asked about, not asked instead
INCLUDED = re.compile(r"(?:算上|算进|算在内|加上|加进|包括进|包括在内|计入|纳入|合并计算|连同|连上)"
                      r"|(?:这个数字?|这个|这|它|刚才(?:那个|的)?数)(?:和|跟|与|同)")  # 把这个数和2023年的加起来
# 三家的…合计, 这三年一共: how many agencies, years or reports the figure is taken over (numerals are digits by now)
WHOLE_COUNT = re.compile(r"(?<![\d.])(\d|[两二三四五六七八九])(家|个单位|个机关|个部门|(?=份报告)|年(?=[的里中内一合加总共]))")
# 这一项加起来, 三家的合计: a clause that takes the figure asked before over the reports a 那…呢 clause just named
REFERS_BACK = re.compile(r"这(?:1|一)?(?:项|栏|格|行|个数)|该项|同(?:1|一)项")  # 同1项: numerals are digits by now
# 两者一致吗, 对得上吗, 是否相等: whether the figures the parts before asked agree (an auditor re-adding cells)
AGREE_CUES = ("对得上", "对不上", "对上", "一致", "相等", "相符", "吻合", "持平", "平衡", "一样")
RANK_SUBJECTS = ("哪个单位", "哪家", "哪个部门", "哪个机关", "哪些单位", "哪些部门", "谁", "排名", "排行", "前")
YEAR_SUBJECTS = ("哪年", "哪一年", "哪个年度", "哪一个年度")
COUNT_CUES = ("多少", "几", "数量")
# 两个数都说说, 把数字报一下: the numbers asked with a verb of telling, not a passage to quote
NUMBERS_TOLD = re.compile(r"(?:数|数字|数据|数值)[都也]?(?:说说|讲讲|说一下|讲一下|报一下|列一下|给一下|说下|报下|列出来)"
                          r"|(?:那|这)(?:一|1)?(?:栏|列|格)")  # 归到“其他”那一栏的: a cell of the table, pointed at
COUNTED = re.compile(r"(?:多少|几)(?:个|家|处|所|种|类|批|期|条|项|名|位)([\u4e00-\u9fff]{2,4})")  # 多少个街镇: what is counted
PEOPLE_ASKED = re.compile(r"(?:多少|几)(?:个|位|名)?人|申请人")  # 有多少人是律师: the applicants counted
FILING_VERBS = ("提", "递", "交", "来函", "要求公开", "申请公开", "来自")  # 公益组织递了几件: what an applicant filed
FILING_WORDS = ("申请", *FILING_VERBS)  # 律师递了几件: an applicant's count is its requests
COMPARE_CUES = ("比较", "对比", "相比", "哪个多", "哪个少", "谁多", "谁少", "哪年多", "哪一年多", "差多少", "差距",
                "哪个更多", "多还是少", "差了", "相差", "差几")  # not 还是 alone: 补了材料还是没说明白 means "still"
EITHER_MORE = re.compile(r"(?:多|少)还是[^，,。？?]{1,10}?(?:多|少)")  # 法人多还是自然人多: two figures set side by side
# what the report's agency disclosed (公开了财政预算, 预算信息公开): a topic of its text, not an attribute asked of it
DISCLOSABLE = ("经费", "预算")  # money an agency may disclose as well as be asked
KIND_TOPICS = r"(?:预算|决算|资金|收支|支出|政策|数据|方面|领域|类(?!单位|部门|机关)|相关|行业|系统内)"  # 财政预算, 教育资金,
# 教育方面的信息, 环保领域: a topic, not the 财政局 or 教育局
DISCLOSED_BEFORE = re.compile(r"(?<!信息)(?<!政务)(?<!申请)(?:公开|公布|发布|晒)(?:了|过)?(?!工作|申请)[^，,。？?|的申请人]{0,10}$")
# (公开了部门预算, 晒出三公经费, 公布了本部门预决算和三公经费; not 信息公开工作经费, 依申请公开平均几天: the work itself)
DISCLOSED_AFTER = re.compile(r"^(?:执行情况)?(?:公开|公示|公布)"  # 预算公开; not 经费信息公开 (English word order)
                             r"|^(?:的)?(?:相关)?(?:信息)?(?:有|共|一共)?(?:多少|几)[条篇]")  # “三公”经费几条: items published
# the change between the two years the turns before asked, unless a year it is set against is said (比上年)
# which went up or down between two years (比2023年多的, 比上年减少了的, 较去年有所增加): the direction asked
ROSE = re.compile(r"比[^，,。？?]{0,12}?(?:多|高|增加|增长|上升|涨)|增加|增长|上升|上涨|涨了")
FELL = re.compile(r"比[^，,。？?]{0,12}?(?:少|低|减少|下降|降|跌)|减少|下降|降低|下跌|跌了")
PRIOR_YEAR_SAID = re.compile(r"(?:比|较|跟|和|与|同)(?:上|前|去)(?:一|1)?个?年|同比|上年度")  # 跟前一个年度相比
# 跟2020年比呢, 和淮安市相比呢: the turn before set beside what this one names
COMPARED_WITH = re.compile(r"^(?:那|那么)?(?:跟|和|与|同|比起|相比)[^，,。？?]{1,20}?(?:比|相比|比较|对比|比起来)"
                           r"|^(?:那|那么)?(?:这个数字?|这个|这)?比[^，,。？?上去前]{1,12}?(?:多|少|增加|减少|增长|下降|高|低)"  # 比2019年多了多少
                           r"|^(?:那|那么)?是[^，,。？?]{1,12}?的(?:几|多少)倍")  # 是2024年的几倍
# 那洪泽区呢, 换成沭阳县: the words a turn opens with to ask the same of another agency or year
SWITCH_LEADS = ("那么", "那", "换成", "换到", "换为", "改成", "改为", "再看看", "再看", "看看", "看下", "看一下", "查一下", "查查", "查",
                "问一下", "问下")
# 这家单位, 该机关: the agency the conversation is about (not 单位 the applicant column); never 本机关 (a figure's word)
AGENCY_PRONOUN = re.compile(r"(?:这家|这个|该|此|上述|这一|他们|它们)(?:单位|机关|部门|机构|办公室|局)"
                            r"|(?:那个|那家|那)(?:单位|机关|部门|机构|办公室)(?![主负])")  # 那办公室: the one just named
SWITCH_LEAD = re.compile(rf"^(?:{'|'.join(SWITCH_LEADS)})")
SWITCH_ONLY = re.compile(rf"^(?:{'|'.join(SWITCH_LEADS)})?[^，,。？?]{{1,16}}?(?:呢|的呢|怎么样|如何)[？?]?$")
WHOLE_WORDS = ("总数", "总共", "一共", "全部", "总计", "所有", "合计")  # 那总数呢: not the column asked before
CONNECTORS = ("以及", "还有", "和", "与", "跟", "及", "、", "同", "对比", "比", "vs", "VS")
APPLICANT_CUES = ("申请人类型", "各类申请人", "申请人构成", "申请人情况", "按申请人", "哪些人", "谁申请", "什么人",
                  "申请人是什么类型", "申请人都是什么类型", "申请人是哪类", "申请人都是哪类", "什么样的申请人",
                  "谁提", "谁递", "谁交",
                  "来自", "构成", "分布", "分别", "各类")
OUTCOME_CUES = ("办理结果", "处理结果", "答复结果", "结果分布", "处理情况", "答复情况", "结果如何", "各类结果",
                "什么结果", "哪些结果", "结果怎么样", "结果怎样",
                "复议结果", "诉讼结果", "都公开了", "全部公开了", "全都公开", "都给公开")
NARRATIVE_CUES = ("怎么", "怎样", "如何", "什么做法", "做法", "措施", "举措", "经验", "创新", "亮点", "问题", "不足",
                  "改进", "整改", "培训", "为什么", "原因", "是不是因为", "是否因为", "难道是因为", "哪些工作", "开展", "特色", "计划", "打算", "下一步",
                  "机制", "制度", "介绍", "说说", "讲讲", "有什么", "做了什么", "做过什么", "怎么做", "工作重点",
                  "目标", "成效", "效果", "方面")
PRECEDENT_CUES = ("哪些单位", "哪些部门", "哪些机关", "哪些地方", "哪几个单位", "哪几家", "哪些区", "哪些县",
                  "有哪些单位", "其他单位", "别的单位", "有没有单位", "有单位", "有的单位", "哪些报告", "哪些年", "哪几年",
                  "哪些机构", "哪家单位", "谁做过", "各地", "其他地方", "别的地方",
                  *(f"{n}{c}" for n in ("几", "多少") for c in ("家单位", "个单位", "个部门", "个机关", "单位", "部门")))  # 有几家
# 单位被纠错: the listing, counted
FIGURE_CUES = ("多少", "几件", "几个", "几起", "几次", "几", "数量", "有没有", "是否", "有无", "数字", "数据",
               "比例", "比率", "占比", "率", "吗", "位数")  # 两位数还是三位数: how many digits the figure has
FORMER = ("前者", "前一家", "前一个单位", "头一个单位", "第一家")  # 淮安市和洪泽区… || 前者的公开率呢: one of the two
LATTER = ("后者", "后一家", "后一个单位", "第二家")
FOLLOWUP_CUES = ("那", "其中", "呢", "这个", "他们", "它们", "该单位", "这家", "同期", "又", "换成", "换到", *FORMER, *LATTER)
WEAK_FIGURES = ("申请", "收到", "办理", "答复", "多少申请", *SAID_NOT_DISCLOSED)  # 有多少申请是因为…: the rest of the question says which
RESULT_ROW_KEYS = tuple(REQUEST_ROW_KEYS[2:-2])  # granted … other_misc, in table order: the rows summed in results_total
# alone, these do not make a question statistical
STOP_WORDS = (
    "请问", "一下", "帮我", "帮忙", "查查", "查一下", "查询", "告诉我", "我想知道", "想知道", "想问", "知道",
    "多少", "几", "件", "个", "是", "的", "了", "吗", "呢", "啊", "呀", "吧", "么", "有没有", "有无", "是否",
    "没有", "被", "在", "其中", "那么", "那", "这个", "这些", "该单位", "它", "他们", "它们", "前者", "后者", "年度", "报告",
    "年报", "工作", "政府信息公开", "信息公开", "政府信息", "依申请公开", "依申请", "主动公开", "公开", "情况",
    "数量", "数据", "总数", "多", "少", "怎么样", "怎么", "如何", "什么", "哪些", "哪个", "哪家", "单位", "部门",
    "全年", "当年", "本年", "还是", "分别", "都", "过", "又", "也", "我", "你", "您", "最新", "最近", "年",
    "期间", "请",
)
MENTION_WORDS = ("提到", "提及", "提过", "写到", "写了", "写过", "说到", "说过", "讲到", "讲过", "谈到", "谈过", "写明",
                 "载明", "记载")  # what the text says, not a count
# …年报里有一句“…”。这些年报里还有哪份也提到了…？: what one report says, told before asking which reports say it; the
# question is the last sentence (its scope its own), the sentence before it is the asker's pointer
TOLD_THEN_WHICH = re.compile(r"^(?P<told>.*?(?:“[^”]+”|有一句|提到|写着|写到|说到).*?[。！!；;])"
                             r"(?P<asked>[^。！!；;]*(?:哪份|哪几份|哪些|哪几家|哪家|还有谁|还有哪)[^。！!；;]*(?:"
                             + "|".join(MENTION_WORDS) + r"|也有|也写|也说)[^。！!；;]*[？?]?)$")
# said around a topic, no part of it (顺便说说他们存在什么问题: 问题); not the figure-meaning fillers, which keep them
TOPIC_FILLERS = ("顺便", "说说", "讲讲", "谈谈", "聊聊", "介绍一下", "他们", "它们", "存在", "还有", "哪份", "哪几份", "哪一份")
QUESTION_WORDS = (*MENTION_WORDS, "请问", "一下", "帮我", "告诉我", "想知道", "怎么样", "怎么", "怎样", "如何", "什么", "哪些", "哪个",
                  "有没有", "是否", "吗", "呢", "的", "了", "哪一年", "哪年", "哪一个", "哪一家", "哪家", "哪一", "是", "在", "有", "方面", "年度", "单位", "部门", "工作",
                  "情况", "主要", "具体", "一些", "报告", "年", "年报", "年度报告", "写着", "里面", "原文", "原话", "原句", "说法", "表述", "措辞", "写的", "说的")  # words about the report
# itself (2023年报里写到…, 原话是什么), not its topic
RELATIVE_YEARS = {"大前年": -2, "上上年": -1, "前年": -1, "去年": 0, "今年": 0, "最新": 0, "最近一年": 0, "明年": 1, "后年": 2}
EARLIEST = ("最早", "第一份", "头一份", "最老", "最初")  # 最早那份年报: the first report held of the agency
ANCHORED_YEARS = {"大前年": -3, "上上年": -2, "前年": -2, "去年": -1, "今年": 0, "明年": 1, "后年": 2}
# 那年, 同一年: the year the conversation is about, said again (not 下一年 inside 拖到下一年, a figure's own words)
SAME_YEAR = re.compile(r"(?<![前后面边推回去早晚上下])(?:那一年|那年|同一年|同年|当年|这一年|该年|那个年度)")  # 前面那年: a shift
# 这21笔入账里, 这些单子里: the figure before, by its value or a word of the asker's, with 里/中
THE_NUMBER_BEFORE = re.compile(r"(?:这|那)些?\d*[\u4e00-\u9fff]{0,4}?(?:里头|里面|当中|之中|里|中)")
QUOTED_REPORT = re.compile(r"“[\u4e00-\u9fff]{2,10}(?:19|20)\d\d年?度?”")  # “洪泽区2024”: a report, by agency and year
# 多了什么内容, 新增了哪些: which things were added or dropped (what the text says), not by how much
CHANGED_WHAT = re.compile(r"(?:多了|增加了|新增了?|增添了|添了|加了|少了|减少了|去掉了|删掉了|变了)(?:些|一些)?(?:什么|哪些|啥)")
# “其他组织”科目下面, “商业企业”名下: what the asker calls the quoted column, with a word of position
UNDER_QUOTED = re.compile(r"(?<=[”\"」])[\u4e00-\u9fff]{1,3}?(?:下面|底下|之下|里面|里头|下|里|中)")
# 账上是多少万元, 折合多少元: a clause that asks only a unit, of the amount the clause before asks
UNIT_ONLY = re.compile(r"[\u4e00-\u9fff]{0,3}?(?:是|有|合|折合|折算成?|换算成?|算下来)?(?:多少|几)(?:万元|元|万|块钱?)(?:呢|啊)?[?？]?")
HEAD_COUNTED = re.compile(r"的([\u4e00-\u9fff]{2,4}?)(?:有|是|共|一共|总共|总计)?(?:几|多少)")  # …的工作人员有几名
# 续住到下一年的, 压到下一年再办的: the figure's own words (carried into next year), not a shift of the year asked
INTO_NEXT_YEAR = re.compile(r"(?<=[\u4e00-\u9fff])(?<![跳换那再看轮])到下一?个?年度?(?=的|继续|再|才|办|处理|接着|[（(])")
SHIFT_WORDS = {"再前一年": -1, "前一年": -1, "上一年": -1, "前一年度": -1, "后一年": 1, "下一年": 1, "次年": 1, "翌年": 1,
               **{f"{w}{n}期": step for w, step in (("上", -1), ("前", -1), ("下", 1), ("后", 1)) for n in "一1"},  # a
               # statistician's period: a report's year
               "第二年": 1, "再下一年": 1, "之后一年": 1, **{f"{w}{n}份": step for w, step in (("上", -1), ("前", -1), ("下", 1), ("后", 1)) for n in "一1"}}  # 上一份报告里呢
# 再早一年, 前面那一年, 往前推两年, 晚一年: a shift from the conversation's year said in other words than SHIFT_WORDS
SHIFT_SAID = re.compile(r"(?:再|往|更)?(?:(?P<back>前面|前边|往前推?|早|上|倒回去?|往回推?|回退|退回?)|(?P<on>后面|后边|往后推?|晚|下))"
                        r"(?:那(?P<that>一|1|两|2|三|3)?|的?(?P<count>一|1|两|2|三|3))个?年度?(?!结转)"  # 前面那年, 倒回去一年
                        r"|(?P<count_first>一|1|两|2|三|3)个?年(?:(?P<back_after>以前|之前|前)|(以后|之后|后))(?!的?报告)")  # 两年以后呢
# 2019年以来, 2019年新模板以后: the years from it; not a clause said of that year (2024年职能变了以后, 2012年…受灾以后: an
# event in it, after which something was done)
SINCE = re.compile(r"((?:19|20)\d{2})\s*年?度?(?:起(?!诉)|(?:的|及|开始|新|版|模板|格式|表格){0,3}(?:以后|以来|之后|后(?![来面期半])))")
UNTIL = re.compile(r"((?:19|20)\d{2})\s*年?度?(及|和|以及)?(?:以前|之前)")
# 按2019版表格填报的, 用2021年新版格式的, 老格式的年报: the reports of a template (TEMPLATE_YEARS, in that order)
TEMPLATE_SAID = re.compile(r"(?:(2019)\s*年?版?|(2021)\s*年?(?:新)?版?|(老|旧|原来)版?)的?(?:统计表|表格|格式|模板|样表|表样)")
# 最多的跟最少的相差几件, 最高和最低差多少, 极差: the spread of the values listed, the largest less the smallest
SPREAD_ASKED = re.compile(r"最(?:多|高|大)[^，,。？?]{0,12}?最(?:少|低|小)[^，,。？?]{0,10}?(?:相差|差|距离)"
                          r"|最(?:少|低|小)[^，,。？?]{0,12}?最(?:多|高|大)[^，,。？?]{0,10}?(?:相差|差|距离)"
                          r"|极差|高低(?:相差|差)|(?:最大|最多)的?差距")
# 往下掉了百分之几, 缩水了多少个百分点: a percentage asked of a count, which, set beside another year, is its change
PERCENT_ASKED = re.compile(r"百分之(?:几|多少)|多少个?百分点|几个百分点|百分比是?多少|(?:多少|几)(?:%|％)")
SHARE_WORDS = ("占", "比重", "比例", "比率", "几成", "多少成")  # a part of a whole, unlike 增长百分之多少
SHARE_OF = re.compile(r"占[^，,。？?占]{1,10}?的?(?:多少|几|百分之|\d+\s*(?:%|成)|一半|半数)")  # 占办结的多少, 占办结的3成以上
RATIO_CUES = ("比例", "占比", "比率", "百分比", "比重", "百分之", "%", "几成", "多少成", "占多少", "占多大", "占了多少",
              "占全部", "占总", "所占", "一半", "过半", "半数")
# a count the asker states (是不是收到了113件, 我记得是100件对吗, 有没有超过300件): the figure is answered 是/不是
# 700多件, 100件左右, 大约50件: said roughly, the claim holds over a span (CLAIM_SPAN), not at one value
CLAIMED = re.compile(r"(?<![\d.])(?P<n>\d+(?:\.\d+)?)\s*(?P<more>多|余|来)?\s*(?:件|个|次|项|份|条|起|场)(?P<around>左右|上下)?"
                     r"|(?<=[是为])\s*(?P<bare>\d+(?:\.\d+)?|零)(?=\s*(?:[？?。，,！!吗呢吧啊]|$))")  # 是不是也是118？ 是零吗
# 是在50到100件之间吗, 介于20和40之间: a span the asker states, checked whole (both ends held)
CLAIMED_SPAN = re.compile(r"(?P<lo>\d+(?:\.\d+)?)\s*(?:件|个|次|项|份|条|起|场)?\s*(?:到|至|-|~|～|和)\s*"
                          r"(?P<hi>\d+(?:\.\d+)?)\s*(?:件|个|次|项|份|条|起|场)?\s*(?:之间|中间|以内)")
ROUGHLY = ("大约", "大概", "约", "差不多", "将近", "接近", "估计")
VERIFY_CUES = ("是不是", "是否", "对吗", "对不对", "是吗", "对吧", "没错吧", "吗", "吧", "有没有", "有无", "真的假的", "真假",
               "属不属实", "靠不靠谱", "谁赢", "谁输", "谁对", "谁说得对", "谁说对")  # 上千件了吧; 打赌…谁赢了: who is right
YES_NO_END = re.compile(r"没有?[？?]?$")  # 占了一半以上没有？, 过半了没: a yes-no question, said at its end
# 收到过申请, 有人来申请过: a report that counts any requests (not 请律师审核答复书)
RECEIVED_ANY = re.compile(r"(?:收到|受理|接到)过?.{0,10}申请|(?:有人|有谁)来?(?:提|递|交)?(?:出)?申请过")
WHO_HAD = re.compile(r"(?:谁|哪家|哪个单位|哪几家|哪几年|哪些年|哪一年|哪年|哪几份|哪些报告|哪份|哪些)[^，,。？?]{0,20}?(?:有过|有|过|出现|存在|发生)")
WHICH_UNITS = re.compile(r"(?:哪个|哪些|哪家|哪几个|哪几家|哪一个|哪一家)(?:单位|部门|机关|地方|政府)")  # 有没有哪个单位…
# 是哪几份报告, …的报告有哪些: which reports (a figure's list-which when a figure is named)
WHICH_REPORTS = re.compile(r"(?:哪几份|哪份)(?:报告|年报)?|哪些(?:报告|年报)|(?:报告|年报)都?(?:有|是)?(?:哪些|哪几份)")
UNITS_WHICH = re.compile(r"(?:单位|部门|机关)[^，,。？?]{0,3}?(?:哪些|哪几个|哪几家|哪家)"  # …的单位都有哪些
                         r"|(?<!本)(?:单位|部门|机关)(?:一共|总共|共)?有?(?:几家|几个|多少家|多少个)")  # …的单位有几家
# 报告里哪几份提到了…, 老年报里，哪些写了…: which reports say it (asked of no agency)
WHICH_MENTIONED = re.compile(r"(?:哪些|哪几份|哪几个|哪几篇|哪几家|哪份)(?:报告|年报|单位)?[^，,。？?]{0,3}?"
                             r"(?:提到|提及|提过|写到|写了|写过|说到|讲到|谈到)"
                             r"|谁(?:在|的)?(?:报告|年报)?(?:里|中|里面)?(?:有|也)?(?:提到|提及|提过|写到|写了|写过|说到|讲到|谈到)")  # 谁在年报里写了
WHICH_YEARS = ("哪几年", "哪些年", "哪一年", "哪年")
# 谁收的申请多(，按最新的算): which is larger, at the end of its clause
COMPARATIVE = re.compile(r"(?:谁|哪个|哪家|哪年|哪一年|哪一个|哪一家)[^，,。？?]{0,15}?(?:多|少|高|低)(?:一些|一点|些)?[吗呢啊呀]?[？?]?"
                         r"(?:$|(?=[，,。；;！!]))")
MORE_OR_LESS = ("更多", "更少", "较多", "较少", "多少", "最多", "最少")
NEGATIONS = ("不", "未", "没", "无", "不再", "没有", "并未")  # just before a figure word, they say it is not that figure
SCOPE_GLOSS = re.compile(r"[里中内]?[(（][^)）]{1,30}[)）]")  # 平潭那几家单位里（管委会、各局、各片区）: the scope's members said
SCOPE_ENDINGS = ("里", "中", "当中", "之中", "中间", "内")  # 在这几个单位中，…: a scope said before the question
# 超过100件, 不少于10个, 50件以上, 不到5件; of a share 3成以上, 超过30%, 过半, 不到一半: the bound a list-which keeps
# values against (op, amount), and what a yes-no question claims
_OVER = r"超过|多于|大于|高于|超出|突破|逾|不少于|不低于|至少|少于|低于|小于|不到|不足"
_SHARE = r"\d+(?:\.\d+)?\s*(?:%|成)|一半|半数"
THRESHOLD = re.compile(rf"(?P<op>{_OVER})\s*了?\s*(?P<n>\d+(?:\.\d+)?\s*(?:%|成)?|一半|半数)(?![\d年])"
                       rf"|(?P<op_of>{_OVER})[^，,。？?\d]{{1,8}}?的(?P<n_of>{_SHARE})"  # 不到办结的一半
                       rf"|(?P<n_by>\d+(?:\.\d+)?\s*(?:%|成)?|一半|半数)\s*[件个次条项份]?(?P<op_by>及以上|以上|及以下|以下)"
                       r"|(?P<half>过半)|(?:过|破|超|上|逾)(?P<round>百|千|万)(?![\d百千万])")  # 过百了吗, 有没有破千, 上千件了吧
# 超过三年平均水平, 高于平均值, 在平均数以下: a bound that is the mean of the values listed (figures.MEAN_MARK)
MEAN_BOUND = re.compile(r"(?P<op>超过|多于|大于|高于|超出|少于|低于|小于|不到|不足|在)[^，,。？?]{0,8}?(?:平均|均值)"
                        r"(?:水平|值|数|线)?(?P<side>以上|以下)?")
HALF = ("一半", "半数", "过半")
ROUND_NUMBERS = {"百": 100, "千": 1000, "万": 10000}
THRESHOLD_OPS = {"超过": ">", "多于": ">", "大于": ">", "高于": ">", "超出": ">", "突破": ">", "逾": ">", "不少于": ">=", "不低于": ">=", "至少": ">=",
                 "少于": "<", "低于": "<", "小于": "<", "不到": "<", "不足": "<", "以上": ">=", "及以上": ">=",
                 "以下": "<=", "及以下": "<="}
# 还有谁也收了, 还有哪些报告也这样, 别的单位呢, who else: the question just asked, of every other agency held
WHO_ELSE = re.compile(r"还有(?:谁|哪些|哪几|哪个|哪家|别的|其他|其余)|(?:别的|其他|其余)(?:单位|部门|报告|年报|地方)"
                      r"(?:呢|有没有|有吗|有谁|还有)|\bwho else\b|\bany others?\b|\bwhich others?\b")
LIST_WHICH = ("哪些", "哪个", "哪家", "哪几", "谁", "有没有", "是否", "有无")
# administrative levels said of a collective (区县级的单位, 市级部门里): the level the name places each agency at
LEVEL_WORDS = {"区县级": "county", "县区级": "county", "县级": "county", "区级": "county", "县一级": "county",
               "地市级": "city", "市一级": "city", "市级": "city", "省级": "province", "省一级": "province",
               "乡镇级": "township", "乡镇": "township", "区县": "county", "县区": "county"}
ADMIN_SUFFIXES = ("省", "市", "县", "区", "地区")  # 江苏省人民政府 is one agency: a kind needs a collective mark after these
LEVEL_COLLECTIVES = ("区县", "县区", "乡镇")  # levels that name their agencies without a noun (淮安下面的区县)
# what any count counts (行政诉讼的案子有几件): a word for the things counted, never a fact of its own
COUNTED_THINGS = ("案子", "案件", "个案", "事情", "数目", "件数", "次数")
BUREAUS = ("各局", "委办局", "各委局", "县直局", "市直局", "区直局", "直局")  # 平潭县各局, 那几个县直局 (县 read as a link)
GOVERNMENT_AT_LARGE = ("政府部门", "政府机关", "政府单位", "政府机构")  # the public bodies of a place, every kind
REPORTS_OF = tuple(f"{n}{w}" for n in ("几份", "些", "各份") for w in ("报告", "年报"))  # 江苏那几份报告里: its reports
REPORT_WORDS = ("报告", "年报")  # 江苏的报告, 上海另外2份年报: a place's reports, said right after it
COLLECTIVE_NOUNS = ("单位", "部门", "机关", "机构", "地方", "政府部门", *BUREAUS, *REPORTS_OF, *REPORT_WORDS)
PLACE_LINKS = ("的", "内", "里", "下属", "辖区", "各", "所有", "全部", "哪些", "哪个", "哪家", "有哪些", "中", "当中",
               "之中", "省", "市", "县", "区", "地区", "几个", "这几个", "那几个", "几家", "这些", "各个", "境内", "下面",
               "下辖", "所辖", "管辖", "以内", "另外", "其他", "其余", "别的")
NUMBERED_LINK = r"(?:这|那)?\d{1,2}(?:家|个|所|份(?=报告|年报))"  # 上海那两个单位, 平潭这3家: 两 is 2 once numerals are read
MAX_AGENCY_CHARS = 40  # longest run tried as one agency mention: keeps resolution linear in the question's length
# 不予公开第3项, 无法提供里面第2小项: a row of a numbered group, by its number in the table
ITEM_ORDINAL = re.compile(r"第([1-9])(?:个)?小?(?:项|条|类)")
# 行政许可多于行政处罚, 复议比诉讼多的: one figure of a report set against another, in a listing of reports
BEATS = re.compile(r"(?P<more>多于|多过|超过|高于|大于)|少于|低于|小于|比[^，,。？?]{1,12}?(?:(?P<more2>多|高)|少|低)")
NOT_ZERO = re.compile(r"(?:不|非)(?:是|为|等于)?(?:0|零)(?![\d.])")  # 行政诉讼不为零: any, the opposite of 为零
NEGATION_CUES = ("没有收到", "没收到", "没有被", "从未", "为0", "为零", "一件也没有", "零申请", "没有过")
# 复议是0, 哪几年没有复议, 未被起诉过: a figure said to be none (有没有 asks whether any)
ZERO_SAID = re.compile(r"(?<![不非])(?:是|为|等于)(?:0|零)(?![\d.])|(?<![有])(?:没有|没|未|无)(?:被|收到|发生|出现)?过?"
                       r"(?=行政复议|复议|行政诉讼|诉讼|起诉|官司|被告|申请|公开申请)")
# 一件全部公开都没有, 一次也没被复议过: not one, of whatever the figure counts
NONE_AT_ALL = re.compile(r"(?<![\d.])[一1][件个次份条起项宗]?[^，,。？?]{0,12}?[都也]没")
OPEN_QUESTION = ("哪些", "什么", "怎么", "如何", "怎样")  # asked of a topic the turn names (主动公开了哪些内容)
NARRATIVE_STRONG = ("做法", "措施", "举措", "经验", "问题", "不足", "改进", "培训", "创新", "亮点")
# one case pointed at (那件被纠正的复议) and its identity or content asked: the reports count cases, they do not
# name applicants or say what was asked (the outcome, 结果如何, is a table row and stays answerable)
# a person's identity (申请人是谁, 负责人叫什么, 复议是谁提起的): the reports name no individuals
PERSON_ROLES = (r"(?:申请人|原告|被告人|起诉人|代理人|律师|负责人|[区市县省局处科部院厅室委镇乡组队所站]长|主任|领导|书记|经办人|发言人|工作人员"
                r"|专员|联系人|办事员|官员|签发人|签字人|签批人|署名人|起草人|撰写人|编写人|编制人|审核人)")
WHO_IS = re.compile(PERSON_ROLES + r"[^，,。？?]{0,6}?(?:是谁|叫什么|姓名|名字|是哪位)|谁是[^，,。？?]{0,10}?" + PERSON_ROLES + "|谁" + PERSON_ROLES
                    + r"|(?:姓名|名字)(?:是|的)?" + PERSON_ROLES  # the name of the official who signed (an English gloss)
                    + "|哪(?:位|个|一位)" + PERSON_ROLES  # 是哪位申请人提起的
                    + r"|(?:复议|诉讼|官司|起诉)[^，,。？?]{0,4}?是谁(?:提起|提出|申请|起诉|告)"
                    + r"|谁(?:提起|提出|申请|起诉|告)(?:了|的)?[^，,。？?]{0,4}?(?:复议|诉讼|官司)"
                    + r"|(?:是|由)?谁(?:交|缴|缴纳|付|支付)的?(?:钱|费|费用)?|(?:是|由)?谁出的?(?:钱|费|费用)"  # 处理费是谁交的, 谁出的钱:
                    # a payer the reports do not name (谁出来讲的: who presented, a post a report may state)
                    + r"|姓[\u4e00-\u9fff](?:的|那位|那个)")  # 姓王的副主任: one person, named
# 组长是谁担任的, 由谁牵头: the post that holds a role, which a report states (副局长任组长); no person's name
POST_HELD = re.compile(r"(?:是|由)谁(?:来)?(?:担任|兼任|任|牵头|分管|主管)|谁(?:来)?(?:担任|兼任|牵头|分管|主管)")
# 和美国联邦政府FOIA的满足率相比: another country set beside an agency (plan asks for a comparison too), of which no
# report is held
FOREIGN = re.compile(r"美国|英国|日本|德国|法国|韩国|俄罗斯|加拿大|澳大利亚|欧盟|外国|国外|境外|\bFOIA\b|联邦政府|other countr|abroad")
# 当地那家燃气公司接到的投诉, 某银行一年收到的咨询: a body that is no government agency, receiving (not applying)
OUTSIDE_BODY = re.compile(r"([\u4e00-\u9fff]{0,6}?(?:公司|银行|集团|医院|学校|超市|商场|工厂|酒店|协会))(?:的)?"
                          r"(?:\d{4}年度?|一年|全年|当年|那年|每年|同期)?(?:里)?(?:一共|共)?(?:接到|收到|受理|处理|办理|接待)"
                          r"(?:的|了|过|多少|几)")  # 自来水公司2022年收到多少申请: a body that files no such report
# where an applicant lives or what they do (申请人都是哪个村的, 申请人是干什么工作的): the tables count applicant types
APPLICANT = r"(?:申请人|申请者|申请[^，,。？?人]{0,8}?的人)"  # 来申请信息公开的人: the applicants, however said
APPLICANT_DETAIL = re.compile(rf"{APPLICANT}[^，,。？?]{{0,4}}?(?:是|在|来自)?(?:哪个|哪些|哪里|哪儿|什么|干什么|做什么)"
                              r"(?:村|社区|地方|乡镇|街道|工作|职业|行业|的工作|省|城市|地区|国家)"
                              rf"|{APPLICANT}[^，,。？?]{{0,4}}?(?:住|家住|住在|家在|来自|是)(?:在)?(?:哪儿|哪里|哪|什么地方)")  # 都住哪儿
# 申请最多的那个人提了几件, 那个人申请的有几件, 人均申请几件: one applicant's count, which the tables (by applicant type)
# never give
PER_APPLICANT = re.compile(r"(?:那|这|某[一1]?|每[一1]?|单)(?:个|位)(?:人|申请人)[^，,。？?]{0,6}?"
                           r"(?:提|申请|交|递交|提交)[^，,。？?]{0,3}?(?:几|多少)|人均(?:提|申请|提交)?(?:了)?(?:几|多少)"
                           r"|(?:申请|提|交)(?:得)?(?:最多|次数最多)的(?:那|这)?[个1]?(?:个|位)?(?:人|申请人)")
CASE_WHICH = re.compile(r"(?:哪些|哪几件|哪几个|哪几起|哪一件|哪件|什么)(?:案子|案件|事情|事)"  # 被纠正的是哪些案子
                        r"|(?:哪些|哪几个|哪个|哪家|哪几家)(?:部门|单位|机关|人|村|街道|企业|公司)的(?:案子|案件|事)"  # 哪几个部门的案子
                        r"|(?:向|在|由|到)(?:哪个|哪家|哪一个|哪一家|什么)(?:复议)?(?:机关|法院|部门|单位)"  # 向哪个机关申请的复议
                        r"|(?:复议|审理)(?:机关|法院)是(?:谁|哪个|哪家|哪一个|什么)")  # 复议机关是谁
# 今年打算办几场, 明年计划公开多少条: a count of what is yet to be done; a report counts the year's work done
FUTURE_COUNT = re.compile(r"(?:今年|明年|下一年|接下来|今后|以后|将来|未来|下一步)[^，,。？?]{0,8}?(?:打算|计划|准备|将要|预计)"
                          r"[^，,。？?]{0,14}?(?:多少|几)")
# 以后会有多少申请, 帮我预测一下, 照这个趋势推算: a figure not yet counted, asked as a forecast (not 2021年以后: a range;
# 明年 is a year, declined as one not held)
FORECAST = re.compile(r"(?:(?<![\d年])(?:今后|以后|将来|未来)(?:几年|一年|两年)?)[^，,。？?]{0,10}?(?:(?<!委)会|能|将|可能)[^，,。？?]{0,10}?"
                      r"(?:多少|几)|(?:预测|预估|推算|估算|预判)(?:一下|下|看看)?(?=[，,。？?！!吧呢]|$)"
                      # 照这个势头2018年会公开多少, 要是那年没搞专项整治会是多少: a figure of a world that did not happen
                      r"|(?:照|按|按照|依)(?:这个|这种|目前的?|现在的?)(?:势头|趋势|速度|增速|节奏)[^。？?]{0,20}?(?:(?<!委)会|能|将|可能|估计)"
                      r"|(?:如果|要是|假如|假设|倘若|若是)[^。？?]{2,30}?(?:(?<!委)会|能|将|可能)(?:是|有|多|少|收到|达到)?[^。？?]{0,8}?"
                      r"(?:多少|几|更多|更少|多一些|少一些|增加|减少)")  # 如果没有疫情，会收到更多申请吗 (not 管委会, 委员会: a name)
# what only the office or the law can do for the asker: draft a request, advise how or by when to apply or appeal,
# say how the asker's own request went; the reports count a year's work and hold none of it
SERVICE_ASKED = re.compile(
    r"(?:帮|替|给)我(?:写|起草|拟|草拟|准备|填)|(?:写|起草|拟|草拟)[一1]份[^，,。？?]{0,16}?(?:申请书|申请表|申请|函|信|材料)"
    r"|申请书(?:怎么|如何)写|(?:申请书|申请表)的?(?:模板|范本|格式)"
    r"|我(?:们)?(?:该|应该|应当|要|得|能|可以|想)?(?:怎么|怎样|如何|去哪[里儿]?|找谁|找哪个?)[^，,。？?]{0,8}?"
    r"(?:申请|复议|起诉|投诉|举报|申诉|告)"
    r"|(?:多少|几)(?:天|日|个工作日)(?:以|之)内|(?:答复|回复|办理)的?(?:期限|时限)(?:是|有)|一般(?:要)?多久(?:能|会|才能)?(?:答复|回复|办好|办完|出结果)"
    r"|我(?:们)?[^，,。？?]{0,14}?(?:申请|提交|递交|提出)(?:公开)?(?:的|了)(?:那件|那份|那个|那次|这件|事)|我(?:的|的?那|的?这)(?:件|份|个|次)?申请"  # 我那件申请办到哪一步了
    r"|(?<![其])(?:他|她)(?:们)?(?:的?那|的?这)(?:件|份|个|次)(?:申请)?[^，,。？?]{0,4}?(?:批|通过|公开|答复|办|处理|结果|怎么样|咋样)"  # 邻居…他那件批了没有
    r"|(?:能不能|能否|可不可以|会不会|给不给|可以)(?:给|帮|替)我们?(?:公开|答复|提供|办)"  # 你看能不能给我公开
    r"|我[^，,。？?]{0,16}?申请[^，,。？?]{0,10}?(?:会|能)(?:不会)?(?:被拒|被驳回|被公开|通过|批下来|成功)")  # 我明年申请会被拒吗
# a judgement asked of the assistant (你觉得…做得怎么样, 哪个单位最透明, which did the best job): the reports state each
# agency's own work and figures; they rate no one
OPINION = re.compile(r"你觉得|你认为|依你看|在你看来|(?:你|怎么|如何)评价|评价一下|打(?:个|几)分|排个名"
                     r"|做得(?:最|更|比较|很|挺|太|非常|不够|比[^，,。？?]{1,12}?)?(?:好|差|棒|出色|到位|怎么样|如何|好不好)"  # 做得比温州其他区好吗
                     r"|(?<!弄得)(?<!搞得)(?<!变得)(?<!使其)(?<!使之)(?<!让它)(?:最|更)(?:透明|规范|认真|负责|用心|到位|优秀"  # not a
                     # goal the report sets (把答复书弄得更规范)
                     r"|出色|友好|好|差)(?!的办法)|态度(?:最|更)?(?:好|差)|\bmost (?:transparent|open|responsive|helpful)\b"
                     r"|\b(?:best|worst) job\b|\bdid (?:the )?(?:best|worst)\b|\bbetter job\b|\bgood job\b"
                     # whether an agency broke the law: a court's or a reviewer's judgement, which no report makes of itself
                     r"|(?:是否|是不是|有没有|有无|算不算|算|属不属于|属于)(?:存在)?(?:违法|违规|不合法|不合规|合法|合规)(?!行为|信息|案件|处罚|的[^吗么呢？?]|问题)"
                     r"|违不违法|合不合法|违没违法|(?:违法|违规)了(?:吗|没有?|么)?(?![\u4e00-\u9fff])"
                     r"|\b(?:break|broke|breaking|violated?|breach(?:ed)?) the law\b|\bact(?:ed)? (?:un)?lawfully\b"
                     r"|\b(?:was|is) (?:it|that|this) (?:il|un)?(?:legal|lawful)\b"
                     # an intent or a fraud imputed (故意拖着, 暗箱操作, 数字是不是编的): no report says it of itself
                     r"|故意|暗箱|黑箱|弄虚作假|造假|作假|编造|瞎编|是不是编的|糊弄|忽悠"
                     # a person's fitness for a post: no report grades its staff
                     r"|称职|胜任|失职|不作为|懒政", re.IGNORECASE)
# a report of another kind read from (法治政府建设年度报告里, 政府工作报告中, 统计公报上): none is held
OTHER_REPORT = re.compile(r"(?:政府工作|法治政府建设|法治建设|依法行政|预算|决算|预决算|审计|统计|述职|环境状况|营商环境)"
                          r"(?:工作|执行|情况|年度|的){0,2}(?:报告|公报|白皮书)(?=里|中|上|内|显示|提到|写|说|披露|公布|的数据)"
                          r"|\b(?:work report|budget report|audit report|statistical (?:bulletin|communiqu[ée])|rule[- ]of[- ]law report)\b",
                          re.IGNORECASE)
# whether a figure is a lot, said against no other figure (算多还是少, 算不算高): a judgement, unless compared (比去年算多吗)
MAGNITUDE_JUDGED = re.compile(r"算(?:是)?(?:多|少|高|低)(?:的)?(?:还是(?:算)?(?:多|少|高|低))?(?:的)?(?:吗|呢|么)?(?=[？?。，,]|$)"
                              r"|算不算(?:多|少|高|低)|是多是少|偏多还是偏少|偏高还是偏低|(?:多|高)不(?:多|高)啊")
# what the requests were about (申请最多的是哪一类信息, 申请人主要想要哪些信息): the tables count requests by applicant and
# outcome, never by subject, and no report's text sorts them so
REQUEST_SUBJECTS = re.compile(r"申请(?:人|者)?[^，,。？?]{0,8}?(?:最多的|主要|大多|多数|大部分)[^，,。？?]{0,6}?"
                              r"(?:哪(?:一|1)?类|什么|哪些|哪方面|哪个领域)的?(?:信息|内容|事项|领域|方面)")
ONE_CASE = ("那件", "这件", "那起", "这起", "那宗", "这宗", "该案", "此案", "那个案", "这个案", "那一件", "这一件",
            "那个申请", "这个申请", "唯一", "就那一件", "那1件", "这1件", "那1起", "这1起")  # numerals are digits by now
CASE_DETAILS = ("叫什么", "是谁", "姓名", "名字", "什么信息", "什么内容", "哪些信息", "要的是什么", "申请的是什么",
                "申请了什么", "要什么", "具体内容", "哪家公司", "哪个人", "关于什么", "涉及什么", "是什么事", "是啥事",
                "啥事", "谁申请", "谁提的", "谁告的", "哪天", "哪一天", "几月几号", "几号提交", "什么时候提交", "什么时候申请",
                "什么时候提的", "是什么", "哪几家", "哪些公司", "哪几个人", "哪些人")  # not 案情/经过 or 后来怎么处理的:
# a report may tell one
# who made the requests counted (外省的企业提的申请, 残疾人提出的申请, 来自高校的申请): the tables split applicants by
# type only, so any other word for them (a place, an age, a trait) restricts the count to a part no table holds
WHO_APPLIED = re.compile(r"([^，,。？?！!；;|、]{2,14}?)(?:来|去)?(?:提出|提交|递交|发起|提)的(?:政府信息公开|信息公开|公开)?申请"
                         r"|来自([^，,。？?！!；;|、]{2,12}?)的(?:政府信息公开|信息公开|公开)?申请"
                         r"|(?:(?<=[年的，,：:|])|^)([^，,。？?！!；;|、\d]{2,4}?|\d+周?岁以?[上下]?)的?申请人(?!数|类型|类别|构成|分类)"
                         r"|申请人(?:里|中|当中|之中)?[，,]?(?:来自|属于)([^，,。？?！!；;|、]{2,12}?)的"  # 申请人里，来自福州市的
                         r"|((?:国有|国营|民营|私营|外资|外商|合资|个体|中小|小微)企业)")  # companies by ownership or size
# 女性申请人, 2024年外地申请人: a kind of applicant said before the word, after a year or a pause
AGE_SAID_CN = re.compile(r"\d+周?岁")  # 60岁以上的人: an applicant's age (numerals are digits by now)
NOT_RESTRICTING = ("依法", "名义", "正式", "本人", "所有", "主要", "同一", "全部", "一切")  # 依法提出的, 以个人名义提出的,
# 所有企业: how or how many, not who
# a qualifier restricting the requests counted (网上提交的申请, 申请中涉及房屋征收的): the tables count requests by
# applicant type and outcome only, so a qualifier they do not hold cannot be read off them
QUALIFIED_REQUESTS = re.compile(
    r"(?:涉及|关于|有关|针对|通过|经由|来自|属于)([^，,。？?的|]{2,10}?)(?:方面|领域|问题|事项|方式|渠道)?(?:提交|递交|提出|寄来|送来)?的"
    r"(?:政府信息公开|信息公开|公开)?申请|([^，,。？?的|\d]{2,6}?)(?:提交|递交|寄来|送来)的(?:政府信息公开|信息公开|公开)?申请"
    r"|申请(?:里|中|当中|里面)?(?:是|都是)?(?:涉及|关于|有关|针对)([^，,。？?的|]{2,10})"  # 有几件申请是关于拆迁的
    r"|(线上|线下|网上|网络|现场|当面|信函|邮件|电子邮件|传真|电话)(?:提交|递交|提出)?的?(?:政府信息公开|信息公开|公开)?申请"
    r"|(线上|线下|网上|网络|现场|当面|信函|邮寄|电子邮件|传真)(?:提交|递交|提出|寄来|送来)的"  # 申请中，网上提交的有几件
    r"|申请(?:里|中|当中|里面)[，,]?(?:问|要|查|咨询|询问|打听)([^，,。？?的|]{2,8})的"  # 申请里，问征地拆迁的
    r"|申请(?:里|中|当中|里面)[^，,。？?]{0,5}?(?:是)(?:涉及|关于|有关|针对)([^，,。？?的|]{2,10})"  # 申请中有多少是关于住房的
    r"|申请(?:是|为)?(?:通过|经由|以|用)([^，,。？?的|]{2,8}?)(?:方式|渠道|途径)?(?:提出|提交|递交|寄来|送来)"
    r"|(?:涉及|关于|有关|针对)([^，,。？?的|]{2,10}?)(?:方面|领域|问题|事项)?的(?:行政复议|复议|行政诉讼|诉讼|官司|案件|案子)"
    r"|(?:是|为)(?:通过|经由|以|用)([^，,。？?的|]{2,8}?)(?:方式|渠道|途径)?(?:提出|提交|递交|寄来|送来)的"  # 申请有多少是通过网上提交的
    r"|申请人(?:里|中|当中|里面)?有?(?:多少|几个|几位|几名|几成)?人?(?:是|为)([^，,。？?的|]{2,8}?)(?:的|$|[，,。？?])"
    r"|(?:几件|多少件|几个|多少个|几份)(?:申请)?(?:是|为)由?(?!通过|经由|以|用)([^，,。？?的|\d]{2,8}?)(?:提出|提交|递交|寄来|送来|申请)的"  # 几件是台胞提出的
    r"|(?:申请人|申请者|申请[^，,。？?人]{0,8}?的人)(?:里|中|当中|里面)[，,]?(?:有)?([^，,。？?的|]{2,8}?)的?"  # 申请的人里，退休老人占多少;
    r"(?:占|有多少|有几|是多少|多少|几)")  # 申请人里，60岁以上的有多少
PER_ITEM = re.compile(r"平均(?:每|一|1)(?:个|项|件|笔)(?:项目|采购项目)?|每(?:个|项|笔)(?:项目)?(?:平均|大概|大约)|单个项目")
# 平均每月, 每月平均, 月均, 日均, 平均一个月, 平均下来一个月, 按月摊: the period a year's figure is averaged over (PER_PERIOD)
PER_PERIOD_WORDS = re.compile(r"平均(?:下来|算下来|算来|摊下来)?(?:每|一|1)(个月|个季度|季度|月|周|星期|天|日)"
                              r"|(?:每|一|1)(个月|个季度|季度|月|周|星期|天|日)(?:平均|大概|大约|差不多)|(月|周|日)均"
                              r"|按(月|季度|周|天|日)(?:摊|平摊|分摊|平均|均摊)")
# what the corpus holds (收录了哪些单位的报告, 浙江的单位有哪些, 有哪几年的报告): the catalogue, said once the
# scope and years are masked (nothing else of its own is asked)
CATALOGUE = re.compile(r"^(?:请问)?(?:你们?|系统|这里|库里|目前|现在)?[|的]*(?:已经?)?(?:一共|总共|都)?(?:收录|有|包含|覆盖|包括|存)?了?"
                       r"(?:哪些|哪几[个家份]|什么|多少[个份]?|几[个家份]|哪几年|哪些年份?)"
                       r"(?:(?:单位|机关|部门|地方|年份?|年度)的?(?:年度报告|年报|报告)?|的?(?:年度报告|年报|报告))"
                       r"[|的]*(?:有哪些|都有哪些|是哪些|有几个|有多少)?[？?]?$"
                       r"|^[|的]*(?:单位|机关|部门|报告|年报)(?:都)?(?:有哪些|有几个|有多少|是哪些)[？?]?$"
                       r"|^\|的?(?:年度报告|年报|报告)?(?:都)?(?:有哪些|有哪几份|有几份|有多少份?|是哪些)?[？?]?$")  # scope said it all
# the same asked in any order and any address (平潭管委会的年报，你这儿存了哪几年的; 有哪几家单位的，2019年的年报，你这里):
# every word of the masked question is one of these, one asks which or how many, and one names the reports or the
# store (你这儿, 收录) — 有几家单位 alone (a turn's count) is not
HOLDINGS_ASKING = ("哪", "哪些", "哪几", "几年", "几家", "几个", "几份", "多少", "哪年", "哪一年", "什么", "有没有")
HOLDINGS_NAMED = ("年报", "年度报告", "报告", "你", "你们", "您", "这儿", "这里", "这边", "库里", "系统", "数据库", "资料库",
                  "存", "收录", "保存", "入库")
HOLDINGS_WORDS = (*HOLDINGS_ASKING, *HOLDINGS_NAMED, "单位", "机关", "部门", "年份", "年度", "年", "份", "家", "个", "这",
                  "那儿", "里", "目前", "现在", "已经", "一共", "总共", "都", "了", "的", "啊", "呢", "吗", "呀", "请问", "有",
                  "包含", "覆盖", "包括", "收", "能", "查", "查到", "在")
# 十件申请里有几件, 每100个申请人中有几个: a share said per ten or per hundred (numerals are digits by now)
PER_N = re.compile(r"(?<![\d前])(10|100|1000)\s*(?:个|件|份|位|名|起)[^，,。？?\d]{0,14}?(?:里|中|当中|里面|之中)?"
                   r"[^，,。？?\d]{0,6}?(?:几|多少)")
# 年报的下载链接, 一共多少页: the report as a file (its link, length, format), which no report's text states
REPORT_META = re.compile(r"下载(?!的|下来的|回来的|来的)(?:链接|地址|网址)?|(?:报告|年报|这个文件|该文件|pdf|PDF)[^，,。？?]{0,8}?上传"
                         r"|(?:创建|生成|修改)(?:日期|时间)|(?:原文|报告|年报|文件)的?(?:链接|网址|网页地址|下载地址)|(?<!第)(?:多少|几)页"
                         r"|页数|总字数|(?:多少|几)个?字(?![号段])|文件大小|(?:pdf|PDF|word|Word)版")
# 全省各区县一共, 在温州各个区县里排第几: every agency of a real area, which a corpus of some reports never holds whole
WHOLE_AREA = re.compile(r"全省|全国|(?:各|各个|所有|全部|每个)(?:区县|县区|县市区|县（?市、?区）?|地市|设区市|省份?)")
# 办理结果总计减去本年新收等于多少, 予以公开与部分公开之差: one figure less another, signed (not 把结转的减去: what is left)
MINUS_SAID = re.compile(r"(?:^|[，,。？?：:])[^，,。？?：:把]{2,}(?:减去|减掉)(?=[^，,。？?]{2})"
                        r"|(?:与|和|跟)[^，,。？?]{1,16}?(?:之差|的差(?:值|额)?)")
SIDE_MORE = re.compile(r"比[^，,。？?]{1,16}?(?:多|少)(?:了|出)?(?:几|多少)")  # A的比B的多几件: by how much one exceeds
# 高于…的平均水平, 比…高还是低: said between the first report named and the others, it sets the first against them
AGAINST_OTHERS = re.compile(r"高于|低于|超过|超出|多于|少于|不到|不及|不如|赶不上|比|相比|对比")
# 这两份报告平均每份, 三家平均每家: the figure over the reports or agencies said, averaged
MEAN_PER_REPORT = re.compile(r"平均(?:下来|起来)?(?:每|一|1)(?:份|家|个单位)|(?:每份|每家)(?:报告)?平均"
                             r"|(?:这|那)(?:几|[二两三四五六2-6])(?:家|份)[^，,。？?]{0,12}?平均(?:水平|数|值)?")  # 这几家的平均水平
MEAN_PER_YEAR = re.compile(r"平均(?:下来|起来|算下来|算起来|一下)?[，,]?(?:每|一|1)年|每年平均|(?<!\d)年均|一年平均|平均(?:数|值)|均值|(?:摊|分摊|平摊)到每一?年")  # 这两年平均每年收到多少
# 年均增长率, 平均每年增长多少: the compound rate a year from the span's first year to its last (not 年均, a mean count)
ANNUAL_GROWTH = re.compile(r"年均(?:增长|增幅|增速|涨幅|下降|降幅|复合增长)|平均(?:每年|每1年|1年|年)?(?:增长|增幅|增速|涨幅)(?:率|幅度|速度|百分之几)"
                           r"|复合(?:年均?)?增长率?|\bCAGR\b|\b(?:average annual|compound annual|annuali[sz]ed) (?:growth|increase)",
                           re.IGNORECASE)
STAT_WORDS = ("均值", "平均值", "平均数", "中位数", "中位值", "中间值")  # what a mean or median is called: asked, not recorded
MEDIAN_ASKED = re.compile(r"中位数|中位值|中间值|中间水平|\bmedian\b", re.IGNORECASE)  # 这几年新收的中位数: the middle value
PER_MILLE = re.compile(r"千分之(?:几|多少)|千分比|‰")  # 占办结总数的千分之几: a share, said per thousand
# 多少元 of a sum the table prints in 万元 (the answer gives both); 换算成元是多少 is said so first
IN_YUAN = re.compile(r"(?:多少|几)元|以元为单位")
CONVERT_TO_YUAN = re.compile(r"(?:换算|折合|折算|折|换)成?(?:人民币)?(?:多少)?元(?:的话)?(?:是|为|有)?(?:多少)?")
# …是不是还不健全，报告承认了吗 / 年报里提到了没有: whether the report says what the clause before asks, no question
# of its own
REPORT_VERDICT = re.compile(r"^(?:那|这)?(?:报告|年报|他们|它|文中|原文)?(?:里|中|上)?(?:面)?(?:有没有|是否|有无)?"
                            r"(?:承认|认|提到|提及|说到|写到|讲到|说|写|讲|认账|认这个账)(?:了|过|到)?(?:吗|没有?|没)?$")
# 对2020年…有什么计划, 2021年的打算, plan for 2020 (计划2020年): what was planned for a year, which the report of the
# year before states (its 改进措施 say what the next year will do)
PLAN_FOR = re.compile(r"(?:计划|打算|规划|设想|准备)(?:在|于|为)?\d{4}年|(?:对|为|在)?\d{4}年[^，,。？?]{0,14}?(?:计划|打算|规划|设想)")
# 我们局, 我区, 本单位, 我们: the asker's own office, whose figures they may give beside the question
_OWN_SAID = r"(?:我们|咱们|俺们|我|本)"
_OWN_KIND = r"(?:局|区|县|市|单位|部门|办|委|中心|镇|乡|街道|科|处)"
OWN_UNIT = rf"(?:{_OWN_SAID}{_OWN_KIND}|我们|咱们|俺们)"
OWN_COUNT = r"(?<![\d.])(?P<n>\d+(?:\.\d+)?)\s*(?:件|个|次|项|份|条|起|宗|单|例)"  # a figure, not a year
OWN_FIGURE = re.compile(rf"{OWN_UNIT}[^，,。；;？?]*?{OWN_COUNT}")
# 比我们少多少, 跟我们比多了几件, 他们比我局多吗: the agency asked set against the asker's own figure
AGAINST_OWN = re.compile(rf"(?:比|跟|和|与|同|较){_OWN_SAID}{_OWN_KIND}?"
                         r"(?:的)?(?:相比|比较|比|对比)?[^，,。；;？?]{0,6}?(?:多|少|高|低|差)")
# 我2021年去…办过事, 我之前找过…, 我关注了…: one person telling what they did (not 我是鹿城区府办的 or 我们2022年…,
# staff naming the office the question is about); 我们局2024年收了120件: the asker's own office and its figures
STORY = re.compile(rf"{OWN_UNIT}(?!想|要|问|请)[^，,。；;？?]*?{OWN_COUNT}"  # 我们局2024年收了120件: the asker's own figures
                   r"|(?:我|本人|俺)(?!们|是)[^，,。；;]*?(?:过|了|曾|之前|以前|早先)"
                   r"|(?:我|本人|俺)是[^，,。；;]*?(?:去|来|到|交|递|提|找|申请)[^，,。；;]*?的"  # 我是2021年8月去的…
                   r"|(?:我|本人|俺)们?[^，,。；;]{0,6}?(?:正在|在|打算|准备|计划|要)"
                   r"(?:准备|写|做|整理|编|起草|加|弄|搞|赶|申请|办|找|去)")
# 我在准备片区明年的年报, 我们片区打算在报告里加一段: the asker's own work, whose years and names are not asked
# …排第几？比它多的是哪几家: those ahead of the agency a ranking placed
AHEAD_OF = re.compile(r"比(?:它|他|她|其|该单位)(?:多|高|大)|排在(?:它|他|其)(?:前面|之前|上面)|在(?:它|他|其)(?:前面|之前)")
# 不按性别分, 不管是谁, 无论年龄: what the asker sets aside (the attribute named after it is not asked)
ASIDE_WORDS = ("不按", "不管", "不论", "无论", "不考虑", "不问", "不用管", "别管", "先不管", "撇开", "抛开")
SET_ASIDE = re.compile(rf"(?:{'|'.join(ASIDE_WORDS)})[^，,。？?]{{0,2}}$")
ASIDE_OPENS = re.compile(rf"(?:{'|'.join(ASIDE_WORDS)}|除了|除去)")  # 不问经办人是谁，…: a clause set aside
# 在库里, 数据库中: the reports held, said as a database (no thing asked of them)
CORPUS_SAID = re.compile(r"(?:在|从)(?:你们?的?|这个)?(?:数据|资料)?库(?:里面?|中)的?|(?:数据|资料)库(?:里面?|中)的?"
                         r"|(?:(?<![\u4e00-\u9fff])|咱们|我们|你们?的?)库(?:里面?|中)的?"  # 库里谁提到了, 咱们库里平潭的…
                         r"|(?:在|从)?(?:你们?|这里)?(?:已经?)?收录的?(?:这些|所有|全部)?(?:报告|年报)(?:里面?|中|当中)的?")
# 管钱的那个局, 负责治安的部门: an agency said by what it does (index.vocabulary.DUTY_WORDS gives its name's word)
DUTY_SAID = re.compile(r"(?:那个|那家|这个)?(?:管|负责|主管|分管|搞|抓)着?([\u4e00-\u9fff]{1,4}?)(?:工作|方面|这块|的事)?的"
                       r"(?:那个|那家|这个)?(?:局|部门|单位|机关)")
# 用百分比表示, 保留一位小数, 四舍五入: how the asker wants a number shown, not what is asked
PRESENTATION = re.compile(r"[，,]?(?:(?:请)?(?:用|以)百分比(?:的形式)?(?:来)?表示|保留(?:\d|[一两二三])位小数"
                          r"|精确到(?:小数点后)?(?:\d|[一两二三])位(?:小数)?|四舍五入(?:一下)?)[，,]?")
# a month or months of the year (前10个月, 3月份, 2024年12月): the tables count whole years
# 1到6月, 7-12月: a span of months is a part of the year wherever it is said (a single date may only tell when)
MONTH_SPAN = re.compile(r"(?<!\d)(?:1[0-2]|[1-9])\s*月?份?\s*(?:到|至|-|~|—|－)\s*(?:1[0-2]|[1-9])\s*月")
PART_OF_YEAR = re.compile(r"前\d{1,2}个?月|(?<!\d)(?:1[0-2]|[1-9])\s*月份?(?![\d日号])|(?<!\d)(?:1[0-2]|[1-9])\s*月(?=\d{1,2}[日号])")
# 哪个景区, 什么项目: a thing of the text asked by name (an agency, a year or a figure's kind is asked otherwise)
CONTENT_WHICH = re.compile(r"(?:哪个|哪些|哪一个|哪几个|什么)(?!单位|部门|机关|年|时候|类|种|项(?!目)|结果|原因|理由|情况)[\u4e00-\u9fff]")
WHICH_APPLICANT = re.compile(r"(?:哪类|哪种|哪一类|哪一种|什么样的|什么类型的?)(?:申请人|申请者|人)(?!员)"
                             r"|(?:申请人|申请者)[^？?。；;]{0,16}?(?:哪类|哪种|哪一类|哪一种)")  # 申请人，按类型分…排第二的是哪一类
# 多少条…信息: pieces of information published, which the text counts (the active table counts decisions and projects)
INFO_ITEMS = re.compile(r"(?:多少|几)条[^，,。？?]{0,12}?信息|信息[^，,。？?]{0,4}?(?:多少|几)条")
# 哪个处室, 各乡镇: an agency's internal units or sub-areas, which no table splits its counts by
SUB_UNITS = re.compile(r"(?:哪个|哪些|哪几个|各个?|每个)(?:处室|科室|乡镇|镇街|街镇|街道|村|社区|内设机构|业务处室"
                       r"|下属单位|下级单位|所属单位)"  # 淮安市下面各区县分别收到多少: a city's report counts it whole (not
                       r"|(?:下面|下辖|所辖|下属|辖区内?|底下)的?(?:各个?|每个|哪个|哪些)?(?:区县|县区|县市区)"
                       r"|(?:下面|下辖|所辖|下属|辖区内?|底下)的?[\u4e00-\u9fff]{2,6}?(?:街道|乡|镇|村|社区)(?:办事处)?(?![长级])")  # 各区县政府, a scope)
# 花了多少律师费, 多少钱: a sum of money (the tables print amounts only for fees and procurement)
# whether replies were late (有没有超期的, 超期了几件): the tables count outcomes, not their timeliness
TIMELINESS = re.compile(r"超期|超时限|超过了?(?:答复|法定|办理)?(?:期限|时限)|逾期答复|按时答复|按期答复|及时答复率"
                        r"|多久|多长时间")  # 复议多久出结果: no table times its cases
GENERIC_COUNTERS = ("次", "回", "遍")  # times: anything counts in them, so the sentence must be about what was asked
PRIOR_YEAR_WORDS = ("上年", "去年", "上一年", "前一年", "同比", "头一年", "前1年", "上1年", "上年度")  # a change over a year
# 你确定吗 / 出处在哪 / 这个数怎么算的 / which table is that in: the asker checks the last answer, which is given again
# (with its cells and the sum shown) when the question names nothing of its own
RECHECK = re.compile(r"你确定|确定吗|确定是|核对|核实|再查|再确认|再看一下|再算|没[搞弄算看]错|准确吗|靠谱吗|出处|来源|哪一?页|第几页"
                     r"|哪一?[张个]表|哪一[行栏格列]|第几[行栏格列]|怎么算|如何计算|怎么得出|怎么来的|从哪[里儿]?[来看查找]|依据是什么"
                     r"|根据什么|are you sure|double[- ]?check|where (?:exactly )?(?:is|does|did|was) (?:that|this|the) (?:figure|number)"
                     r"|which (?:table|row|page)|what (?:table|row|page)|\bsource\b|how (?:was|is|did you get) (?:that|this|it)"
                     r"|verify|re-?check", re.IGNORECASE)
# 第四季度发布了多少条, 上半年, 12月份: a part of the year a count is asked of (a sentence must say that very part)
PART_OF_YEAR_SAID = re.compile(r"第?[一二三四1-4]季度|[上下头前后]半年|(?<!\d)(?:1[0-2]|[1-9])月份?(?![\d日号])"
                               r"|(?:十[一二]|[一二三四五六七八九十])月份?(?!日)")
# 开了几场新闻通气会, 有多少是用手机访问的: what a count counts, said after it (the last noun there is the thing counted)
COUNTERS = "个场次件人名条篇家项起份期批位种类回轮遍处"  # the measure words a count is asked in (几处站点, 几期节目)
COUNT_ASKED = re.compile(rf"(?:多少|(?<![这那哪])几)(?:人次|[{COUNTERS}])?([^，,。？?！!；;、]*)")
# 热线里有多少起是问农机补贴的, 关注用户里有多少是福州的, 给出好评的纳税人有多少: a part of a counted whole; a
# sentence stating the count must name both, or its number is another count's
_UNIT = rf"(?:人次|[{COUNTERS}])?"
PARTS_ASKED = (  # (pattern, the whole's group or 0, the part's group)
    (re.compile(rf"([\u4e00-\u9fff]{{2,8}}?)(?:里|中|当中|里面|之中)[，,]?(?:共?有)?(?:多少|几){_UNIT}(?:是|为|属于)"
                r"([^，,。？?！!；;]{1,14}?)的"), 1, 2),  # 热线里有多少起是问农机补贴的
    (re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:里|中|当中|里面|之中)[，,]?(?:是|为|属于)?([^，,。？?！!；;]{1,14}?)的"
                r"[^，,。？?]{0,4}?(?:共?有)?(?:多少|几)"), 1, 2),  # 咨询投诉件里属于重复投诉的有多少件
    (re.compile(rf"([\u4e00-\u9fff]{{2,12}}?)的([\u4e00-\u9fff]{{2,6}}?)(?:共?有|共|是|达到?)?(?:多少|几){_UNIT}"
                r"(?:$|[，,。？?！!；;吗呢])"), 0, 1),  # 给出好评的纳税人有多少人次: the part said before the whole (which
)  # a sentence may leave unsaid: 电话咨询3200人次 counts 纳税人; the thing counted is checked on its own)
TIMES_OF = re.compile(r"(?:几|多少)(?:次|回|遍)([\u4e00-\u9fff]{2,8})")  # 开了几次政策吹风会: what the times count
# 做了几次专项清理, 开了3场发布会: how many times an action was done, which the text says (the tables count cases and
# documents, not the times they were worked on); the noun after the counter is the action
EVENTS_COUNTED = re.compile(r"(?<!第)(?<![\d几])(?:几|多少|\d+)(?:次|场|期|轮|批)(?!申请|行政|复议|诉讼|起诉)([\u4e00-\u9fff]{2,8})")
# 从收到到答复用了几天, 办一件要多久: a length of time, which no table keeps (they count cases)
DURATION_ASKED = re.compile(r"(?:多少|几)个?(?:工作)?(?:天|日(?!期)|小时|分钟|星期|周(?!年))|多久|多长时间")
MONEY_ASKED = re.compile(r"(?:多少|几)(?:钱|块钱|元|万元)|(?:花|用|支付|交|付|赔)了?(?:多少|几)[^，,。？?]{0,6}?(?:费|钱)")
BOTH = re.compile(r"(?:两|2)(?:个|者|项|样)|二者|这俩|它俩|这两|这2")  # numerals are digits by now: 2个
# 是谁代表区政府受理申请的, 由谁负责答复: who does the work (the text says which office), not how much of it was done
WHO_HANDLES = re.compile(r"谁[^，,。？?]{0,6}?(?:负责|代表|受理|办理|答复|牵头|主管|承办|经办|把关|审核)")
CELL_POINTER = re.compile(r"[这那该此](?:1|一)?(?:栏|格|行|列|项)|[”\"」』]")  # “现行有效”这一栏: a cell pointed at or quoted
# 预算是哪个部门负责公开的: which office of the agency does it (the text says), never a figure of what it handles
OFFICE_ASKED = re.compile(r"(?:哪个|哪一个|什么|由哪个?)(?:部门|科室|处室|机构)(?:来|去|在)?"
                          r"(?:负责|牵头|主管|承办|经办|公开|发布|公布|编制)")  # not 哪个处室办的…最多: a ranking
THESE_YEARS = re.compile(r"这(?:\d|[两二三四五六七八九十几])个?年")  # 这3年里, 这几年: the years just asked
# 怎么解释不予公开: how the texts explain or handle something, a passage search
EXPLAINS = re.compile(r"(?:怎么|怎样|如何|为什么|为何)(?:解释|说明|界定|认定|理解|答复|处理)")
# 满意率是多少: a rate named and asked (when no table's cells make it, the text is read)
RATE_ASKED = re.compile(r"([\u4e00-\u9fff]{2}率)(?:(?:是|为|有|达到|大概|大约)?(?:多少|几|多高|多大|怎么样|如何)|[?？。]?$)")
# whether a report's own figures add up (表格里哪些数据对不上, 数字有错吗): its arithmetic checks, not a figure
CHECK_CUES = ("对不上", "不一致", "有错", "出错", "错误", "矛盾", "算错", "不符", "勾稽", "合计不对", "不吻合", "有问题")
DATA_WORDS = ("数据", "数字", "表格", "统计表", "合计", "报表", "表里", "表中", "加起来", "算术",
              "张表", "申请表", "情况表", "表一", "表二", "表三", "表四")  # 那张申请表是不是对不上: a table named
TEXT_SOURCE = ("正文", "文中", "文字部分", "报告里说", "报告中说", "报告说", "原文说", "文字说明")  # the prose, not the tables
RANGE_WORDS = {"近几年": 3, "这几年": 3, "最近几年": 3, "历年": 99, "每年": 99, "各年": 99, "逐年": 99}
# 近三年, 最近2年, 这两年, 过去五年, 前两年: the newest N reports (numerals are already digits after normalising)
RECENT_LEADS = ("最近", "近", "过去", "前", "最后")  # 近三年: the newest years, whatever was asked before
SPAN_WORDS = re.compile(rf"(?:{'|'.join(RECENT_LEADS)}|这)\s*(\d{{1,2}}|[两二三四五六七八九十])\s*个?年度?"
                        r"|(?<![\d年])(\d|[两二三四五六七八九十])\s*个?年(?:来|以来|(?=都|均|各|分别|里|中|间|当中))"  # 两年来, 两年里
                        r"|(?<![\d年第])([2-5两二三四五])\s*个?年(?:度)?(?=的|平均|均|一共|合计|总共|加起来)")  # 洪泽区两年的
# 公开率, 三年平均每年
ORGAN_ENDINGS = ("省", "市", "县", "区", "局", "委", "厅", "办", "镇", "乡", "街道", "政府", "委员会", "管委会",
                 "办公室", "中心", "署", "院", "本级")
TITLE_ENDINGS = ("局", "委", "厅", "办", "政府", "委员会", "管委会", "办公室")  # an organ's ending, not a place's (区, 县)
SUB_UNIT = re.compile(r"^[\u4e00-\u9fff]{1,5}?(?:新区|区|县|市|镇|乡|街道|局|委|办|厅)")
# 海坛片区管理局党政办公室, 公安局办公室: a bureau's own office, which writes its report (not a unit of its own; a
# government's 办公室 is an agency of its own)
OWN_OFFICE = re.compile(r"(?<=[局委会])(?:党政|综合|行政)?办公室|(?<=[局委会])(?:党政办|综合[科处])")
CN_DIGITS = {"〇": "0", "零": "0", "○": "0", "Ｏ": "0", "一": "1", "二": "2", "三": "3", "四": "4", "五": "5",
             "六": "6", "七": "7", "八": "8", "九": "9"}
CN_SMALL = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

# question words an input method slips on (哪写, 拿些 for 哪些) and the words that make a sentence a question: where
# none is said, 那些/那个/那家 is the slip of 哪些/哪个/哪家 (那些单位被纠正过？)
INTERROGATIVES = ("哪些", "哪家", "哪个", "哪几", "哪年", "哪里", "哪儿")
ASKING_WORDS = ("哪", "谁", "什么", "啥", "多少", "几", "吗", "呢", "怎", "如何", "是否", "有没有", "有无", "是不是", "为何",
                "为什么", "咋", "么", "否", "对吧", "是吧", "没错吧")
# a clause in which the asker says who they are or what befell them (我是本地的退休职工, 本人在外地工作, 我3月15日打过
# 12345; a forum's 楼主 and an editor's 小编 are the asker too): not what is asked, and its dates and numbers are none
# of the question's; a clause in which they ask (我想问, 我要查) or state what they heard (我听说…是6件, 我记得) is read
ABOUT_ME = re.compile(r"(?:^|(?<=[，,。；;！!：:\s】]))(?:我|本人|俺|楼主|小编|在下|鄙人)们?(?!想|要|问|请|听|记得|看|查|以为|觉得|印象|估计|猜|说|"
                      r"怀疑|发现|不知道|不清楚|需要|希望|咨询|认为|相信|断定|敢|(?:跟|和|同|与)?[^，,。？?]{0,3}?(?:打赌|赌))"
                      r"[^，,。；;！!？?：:]*")  # 我跟人打赌…不到十件: a claim to check, as 我以为 says one
# the words a question is asked with, where an input method's slip hides it (十多少, 千一年, 收乐几件, 被复议计次)
ASKED_WITH = ("是多少", "有多少", "多少件", "几件", "几次", "几个", "几项", "总计", "合计", "收了", "涨了", "降了", "多了",
              "少了", "前一年", "上一年", "后一年", "下一年", "第二年", "前年", "去年")
# what is said around a question, not in it (问下沐阳县… had been read as an agency 问下沐阳县; …呢？谢谢 hid a follow-up)
COURTESY_OPENERS = ("你好", "您好", "请问", "请教", "劳驾", "打扰一下", "打扰下", "麻烦你", "麻烦您", "麻烦", "帮我", "帮忙", "请帮我",
                    "查查", "查一下", "查下", "看看", "看一下", "看下", "问问", "问一下", "问下", "我想", "想", "我要", "了解一下",
                    "了解下", "知道", "我只想问", "我只问", "只问", "我就问", "请告诉我", "告诉我", "能不能告诉我", "可以告诉我",
                    "能告诉我", "一下",
                    "小度小度", "小度", "天猫精灵", "小爱同学", "小艺小艺",  # a smart speaker's wake words
                    # 同样的问题，换成洪泽区: the question before, asked again of what follows (not 问题 as a shortfall)
                    "同样的问题", "一样的问题", "同一个问题", "相同的问题", "同样问题", "还是这个问题", "还是那个问题",
                    "问题同上", "同上", "同样这一项", "同样这项", "同一项", "还是这一项", "同样这个数", "同样这个指标")
# how the asker wants the answer put (只要数字, 用表格列出, 别概括, 原话是什么, reply in English): no part of what is asked;
# every answer already gives its figures with their cells, or quotes the report's own sentences
ANSWER_FORM = re.compile(
    r"(?:请|麻烦)?(?:只(?:要|回|回答|给|说|需要)?个?(?:数字|数|结论)(?:就行|就好|即可|就可以)?"
    r"|不(?:用|要|必)(?:解释|废话|多说|啰嗦|概括|总结|分析)|别(?:概括|总结|解释|废话|啰嗦|分析)"
    r"|(?:用|以|按)(?:表格|JSON|要点|列表|清单|1句话|一句话|几句话)(?:[（(][^）)]{0,24}[）)])?(?:的?(?:格式|形式|方式))?"
    r"(?:列出来?|输出|回答|回复|给出|展示|说明|告诉我)?"
    r"|有的话|(?:我要|给我|请给)?原文的?说法|(?:原话|原文|原句)(?:是什么|是啥|怎么说的?|怎么写的?)"
    r"|(?:请|麻烦)?(?:给我|给|引|引用|摘|摘一)(?:一|1)?(?:句|段)(?:原话|原文|原句)[，,：:]?"  # 给我一句原话，…: a quote is what it answers with
    r"|\b(?:please )?(?:reply|answer|respond) in (?:english|chinese)(?: please)?\b|\bjust (?:give me )?the number\b"
    r"|\bin one sentence\b|\bas (?:a )?(?:table|json|bullet points)\b)", re.IGNORECASE)
# the asker correcting the last turn (抱歉说错了，我问的是鹿城区; 年份写错了，是2023): what follows is the question, as
# 那鹿城区呢 says it (not 不是问收到的，是问办结的, which says both); 年份不变: the year asked before stays
CORRECTION = re.compile(r"^(?:(?:哦|噢|啊|呃|嗯)?[,，]?(?:不对|错了|搞错了|说错了|打错了|写错了|弄错了|记错了|输错了|抱歉|不好意思|对不起"
                        r"|sorry)[,，。!！]?)+(?:(?:我|刚才)?的?(?:年份|年度|单位|名字|地方|数字)(?:写|打|说|输|填)错了[,，]?)?"
                        r"(?:我(?:想|要)?(?:问|说)的是|我是(?:想)?(?:说|问)|应该是|其实是|是)?")
# the report's own contact facts (its opening or closing says where to ask about it): what each is asked by, and how a
# report prints it (label and value); data, read by narrative.contact_passages and the executor
CONTACT_FACTS = {  # asked as the report's own (联系电话是多少, 留了传真吗), not as a channel (电话咨询, 热线电话, 发传真的多)
    "电话": (r"(?:联系|咨询|办公)电话|电话号码|(?<!热线)电话(?:是|为|写的是|留的是)?(?:多少|哪个号|什么)|哪个号|号码(?:是|为)?多少"
           r"|(?:留|写)了?(?:个)?(?:联系)?电话",
           r"(?:联系电话|咨询电话|电话)(?:/传真)?\s*[：:]\s*\(?0\d{2,3}\)?\s*[-—－]?\s*\d{7,8}"),
    "传真": (r"传真(?:号码|号|是|为|写的是)|(?:留|写)了?传真", r"传真\s*[：:]\s*\(?0\d{2,3}\)?\s*[-—－]?\s*\d{7,8}"),
    "电子邮箱": (r"邮箱|e-?mail address", r"(?:(?:电子邮箱|邮箱|电子邮件|e-?mail)\s*[：:]?\s*)?[\w.\-]+@[\w.\-]+\.[a-z]{2,}"),
    "邮编": (r"邮编|邮政编码", r"(?:邮编|邮政编码)\s*[：:]\s*\d{6}"),
    "联系地址": (r"(?:联系|通讯|办公)地址|地址(?:是|在|为|写的是)|哪条路|哪栋楼|几楼|几层|哪一层|哪层",
             r"(?:联系地址|通讯地址|办公地址|地址)\s*[：:]\s*[^；;。，,）)]{4,60}"),
    "落款": (r"落款|署的?日期|签发日期|署名", r"(?:[\u4e00-\u9fff（）()]{2,30}\s*)?(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$"),
}
# a letter's frame (兹就…函询如下, 请逐项见复, 敬请告知, 此致敬礼): how a deputy's or a committee's inquiry asks, no part of it
LETTER_FRAME = re.compile(r"(?:兹|谨|现|特)(?=就)|(?:特此)?(?:函询|函告|询问|咨询)如下[:：]?|特此函询[。.:：]?|此致敬礼"
                          r"|(?:提请|请予以?|敬请|恳请|烦请|盼予?|望予?|请尽快|请逐项|请及时|请)(?:答复|回复|函复|见复|复函|告知"
                          r"|赐复)(?:为盼|为荷|是荷)?[。.]?|盼复[。.]?")
# …敬请告知。——洪泽区人大常委会办公室: the letter's signer, after a dash that follows its last sentence and naming an
# office or a person by their title (who asks, not whose report); other words after a dash are the question's own
SIGNER = re.compile(r"(?<=[。？！?!.])\s*(?:——|—|－－|--)\s*([\u4e00-\u9fff（）()]{2,30}?(?:办公室|委员会|常委会|人大|政协|局|处|科"
                    r"|室|中心|代表|委员|记者|律师|老师|同学|先生|女士))\s*$")
# 贵区政府, 贵县人民政府: the government a letter is addressed to, at the level it says
ADDRESSED = re.compile(r"贵([区县市省])(?:人民)?政府")
# 我看到有报道说…, 听说…, 网上有人说…: where the asker heard a claim; the claim is what is checked
HEARSAY = re.compile(r"^(?:我)?(?:看到|看见|读到|听说|听人说|在网上看到|刷到)?(?:有)?(?:一篇|一条|个)?"
                     r"(?:报道|文章|新闻|消息|媒体|网上|网友|帖子|自媒体|人)(?:上|里)?(?:说|称|讲|写|提到)(?:的是)?[,，:：]?")
# 年份不变, 还是那一年; …, 同一指标: the figure asked before; 2024年那个统计期: the year is the period
SAME_AS_BEFORE = re.compile(r"[,，]?(?:年份|年度|时间)(?:不变|一样|相同|照旧)|[,，]?(?:还是|同)(?:那|这)一?年(?=[,，。？?]|$)"
                            r"|(?:同一|同样的?|一样的|相同的?)个?(?:指标|数据项|口径|变量|字段|科目)|(?<=年)的?(?:那|这)(?:个|一)?统计(?:期|期间|周期)")
# what a speaker says while thinking (嗯, 然后, 就是), dictated questions keep it: dropped where it opens a clause;
# 那个 only before a place, a year or a pause (那个单位 is a question's 哪个, slipped)
FILLERS = ("那个就是", "就是说", "就是", "然后", "接着", "接下来", "嗯", "呃", "唔", "emm", "啊", "哦", "哎", "唉")
COURTESY_CLOSERS = ("谢谢你", "谢谢您", "谢谢", "多谢", "感谢", "拜托了", "拜托", "在线等", "急急急", "急", "啊", "呀", "哈", "啦",
                    "哦", "嘛", "哈哈",
                    # a forwarded question's appeal to whoever reads it (…？有谁知道吗): asks nothing of its own
                    *(f"{who}{knows}{end}" for who in ("有谁", "谁", "有人", "有没有人", "大家", "各位", "哪位", "你", "您")
                      for knows in ("知道", "清楚", "了解") for end in ("吗", "", "啊", "呀")),
                    "求解答", "求告知", "求大神解答", "求大神", "求助")
# words of everyday northern speech and of other Chinese-speaking regions, said in the standard words the cues are
# written in (有木有 -> 有没有, 俩 -> 两个, 诉愿 -> 行政复议)
COLLOQUIAL = {"有木有": "有没有", "木有": "没有", "咋样": "怎么样", "咋": "怎么", "为啥": "为什么", "干啥": "干什么",
              "啥": "什么", "俩": "两个", "仨": "三个", "多会儿": "什么时候",
              # Taiwan and Hong Kong words for the same things (資訊公開, 訴願, 網路), once in simplified characters
              "资讯": "信息", "诉愿": "行政复议", "网路": "网络", "数位": "数字", "视讯": "视频", "覆核": "复议",
              # written Cantonese, once in simplified characters (係 is 系 then: only where it says 是)
              "几多": "多少", "嘅": "的", "咗": "了", "有冇": "有没有", "冇": "没有", "系咪": "是不是", "系唔系": "是不是",
              "唔系": "不是", "唔知": "不知道", "唔该": "请问", "系几多": "是多少", "系几": "是几", "系多少": "是多少", "边个": "哪个",
              "边几": "哪几", "边度": "哪里", "边间": "哪个", "点样": "怎样", "点解": "为什么", "乜嘢": "什么", "咩": "什么",
              "佢哋": "他们", "佢": "他", "啲": "些", "喺": "在", "睇": "看", "俾": "给", "落去": "到", "多过": "多于",
              "少过": "少于", "几多宗": "多少件", "几宗": "几件",
              # other regions' speech and the internet's spellings of the same words (冇得 Hunan, 啥子 Sichuan, 咋整 and
              # 嘎哈 the northeast, 几化 Shanghai, 嘛数 Tianjin, 巴仙 Singapore and Malaysia for per cent, 肿么 online)
              "有冇得": "有没有", "冇得": "没有", "啥子": "什么", "咋整": "怎么办", "嘎哈": "干什么", "几化": "多少", "嘛数儿": "多少", "嘛数": "多少",
              "几巴仙": "百分之几", "巴仙": "百分比", "肿么": "怎么", "神马": "什么", "酱紫": "这样子"}
# 法人或其他组织里“其他”那一栏: the applicant column 其他 (其他组织), not the 其他处理 row
OTHER_COLUMN = re.compile(r"(?<![—\-－])[“\"「]?其他[”\"」]?(?:那|这)?一?(?:栏|列)")  # not 其他处理—其他, the row's part
# 上年度, 前一个年度, 下一个年度: the year before or after, as 上一年 / 下一年 say it (not 上年度结转 nor 结转下年度, labels)
YEAR_BEFORE_SAID = re.compile(r"(?:上|前)(?:一|1)?个年度(?!的?结转)|上年度(?!的?结转)")
YEAR_AFTER_SAID = re.compile(r"(?<!结转)(?:下|后)(?:一|1)?个年度")
CANTONESE_AND = re.compile(r"(?<=[\d年])同(?=\d)")  # 2022年同2021年, 洪泽23同24: Cantonese 同 joins years (同年 does not)
# 怎么算都行, 咋说都可以: the asker leaves the way of counting open; no question of its own
CONCESSION = re.compile(r"[，,\s]*(?:怎么|如何|怎样)(?:算|说|统计|理解|弄)?都(?:行|可以|好|成)[，,\s]*")
# 除公安局外, 不算管委会的话, 除了平潭管委会以外的单位: agencies a scope leaves out (which, resolve.left_out decides)
# 温州市区, 平潭岛上: a held place said with a word for its area, no name of its own after it
AREA_WORDS = ("", "区", "市区", "城区", "地区", "一带", "境内", "岛上", "当地", "本地")
# 除了2020年, 不算去年: a year left out (not 不包括企业2022年…, where 企业 is left out and the year asked)
YEAR_FIRST = re.compile(r"\s*(?:[0-9０-９]|[一二两三四五六七八九十〇零]{2,4}年|[今去前上本次明后]年)")
LEFT_OUT = re.compile(r"(?:除了?|不算|不含|不包括|不计|排除|刨去|去掉|扣除)(.{2,14}?)"
                      r"(?:以外|之外|的话|在内|外(?!部)|(?=[，,。？?！!；;]))")
# 把法人那一件去掉, 把结转的扣除: what is left out, said before the verb that leaves it out
BA_LEFT_OUT = re.compile(r"把(.{1,12}?)(?:去掉|扣除|排除|刨去|减去|减掉|剔除|拿掉|除去)")
# 我说的是淮安区，不是淮安市: a name said only to be set aside is no agency asked
# 鹿城旁边那个区, 洪泽隔壁的县: a place said as a landmark, to find another one by; it names no agency asked
LANDMARK = re.compile(r"([\u4e00-\u9fff]{2,8}?)的?(?:旁边|隔壁|附近|邻近|周边|对面|边上|周围)"
                      r"|(?:跟|和|与|同)([\u4e00-\u9fff]{2,8}?)(?:挨着|紧挨着|相邻|接壤|交界)")  # 跟鹿城挨着的瓯海区
# 为什么…一件申请都没收到, 是不是没有人申请: why none or whether none, a premise the figure checks (是/不是 first)
_NONE = (r"(?:[一1][件个次起宗份项条]?[^，,。？?]{0,12}?[都也](?:没有?|未|不)|都没有?|为零|是零|是0(?!\d)|(?:没有?|未)(?:任何|一件)"
         r"|(?:没有?|无)人)")
_WHY = "为什么|为何|为啥|怎么|咋"


def _none_asked(openers: str) -> re.Pattern:
    """None said after an opener (为什么…一件都没收到) or before a why said last (…都没有，这是为什么)."""
    return re.compile(rf"(?:{openers})[^，,。？?]{{0,20}}?{_NONE}"
                      rf"|{_NONE}[^。？?]{{0,20}}?[，,][^。？?]{{0,6}}?(?:为什么|为何|为啥|怎么回事|咋回事)")


WHY_NONE = _none_asked(_WHY)  # 为什么/怎么一件都没收到: why none, which no report says (declined when indeed none)
ZERO_PREMISE = _none_asked(f"{_WHY}|是不是|是否|难道")  # …, or whether none: the figure checks the premise
# 办结171件比受理的117件还多, 比2014年多了不少, 多出七十多件: a why asked of a quantity, which a report answers only
# by a sentence that states a cause of it
QUANTITY_PREMISE = re.compile(r"\d+\s*(?:多)?[件条个次人项份]|比[^，,。？?]{0,14}?(?:多|少|高|低)|增加|减少|上升|下降|翻番|翻了"
                              r"|[涨降]了")
CAUSE_WORDS = ("原因", "造成", "导致", "交代", "解释", "缘故", "说明")  # the why itself, no topic of the cause
REPORT_TITLE = re.compile(r"《[^》]*(?:年度报告|年报)(?:的?[^》]{0,3}(?:表格?|附表|正文|全文))?》")  # 《平潭综合实验区2021年度…年度报告》,
# 《…年度报告表格》: the report, or a part of it
NOT_THIS_NAME = re.compile(r"(?:而不是|(?<!是)不是|并非)([\u4e00-\u9fff]{2,10}?(?:省|市|区|县|局|委|办|厅|管委会|政府))(?=$|[，,。？?！!\s]|的)")


# a question typed as a query or a record (SELECT 新收 FROM t WHERE agency='洪泽' AND year=2023; {"机关": …, "年份": 2019,
# "指标": [...]}; agency=洪泽&year=2023): the role each field's name gives its value, so the fields are said as a question
FIELD_ROLES = {
    "scope": ("机关", "单位", "部门", "主体", "政府", "地区", "agency", "org", "organisation", "organization", "department", "unit",
              "office", "body"),
    "year": ("年份", "年度", "年", "year", "years", "yr", "fy"),
    "figure": ("指标", "字段", "项目", "数据项", "统计项", "measure", "measures", "metric", "metrics", "field", "fields", "item",
               "items", "indicator", "indicators", "column", "columns"),
}
# 回到刚才那个单位, 说回前面那家: back to the agency asked before the conversation moved on (换个问题…), not the last one
RETURN_TO = re.compile(r"(?:回到|说回到?|再说回|转回到?|返回)(?:刚才|刚刚|之前|先前|前面|最开始|一开始|最早|第一个|原来)?的?"
                       r"(?:那个|那家|那|这个)?(?:单位|机关|部门|地方|报告|话题|问题)")
# 导成xlsx发我邮箱, 画个趋势图, export to CSV: a file, a chart or a mail the asker wants made; the figures are answered, the
# making of the file is declined (nothing here writes files or sends mail)
FILE_ASKED = re.compile(r"导出|导成|(?:做|存|转|生成|弄)成?(?:一个|一份|个)?(?:excel|xlsx|xls|csv|word|pdf|表格文件|文件)"
                        r"|发(?:到|给)?我?的?(?:邮箱|邮件)|(?:excel|xlsx|csv)(?:文件|表格)"
                        r"|画(?:一?个|一?张|一?幅)?[^，,。？?]{0,6}?(?:图|图表)"
                        r"|\b(?:export|download)\b[^?]{0,30}\b(?:excel|xlsx|csv|file|spreadsheet)\b|\b(?:plot|chart|graph)\b"
                        r"|\be-?mail (?:it|them|me)\b", re.IGNORECASE)
