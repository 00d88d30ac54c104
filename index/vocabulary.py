"""The domain vocabulary as data: canonical keys, the labels reports print for them, and the words
people use when asking. The table parser and the question router both read these tables; nothing
else should spell a label or a key."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

SECTIONS: list[tuple[str, str, tuple[str, ...]]] = [
    # key, standard heading, heading words that identify it (first match wins, in order)
    ("overview", "一、总体情况", ("总体情况", "概述", "概况")),
    ("active", "二、主动公开政府信息情况", ("主动公开政府信息情况", "主动公开政府信息", "主动公开情况")),
    ("requests", "三、收到和处理政府信息公开申请情况", ("收到和处理政府信息公开申请", "依申请公开")),
    ("review_litigation", "四、政府信息公开行政复议、行政诉讼情况", ("行政复议", "行政诉讼")),
    ("problems", "五、存在的主要问题及改进情况", ("存在的主要问题", "主要问题", "改进情况", "存在问题", "存在的问题",
                                                 "改进措施")),
    ("other", "六、其他需要报告的事项", ("其他需要报告", "其他事项", "需要说明的其他事项")),
]
SECTION_NAMES = {k: h.split("、", 1)[1] for k, h, _ in SECTIONS}

TABLE_NAMES = {
    "active": "主动公开政府信息情况",
    "requests": "收到和处理政府信息公开申请情况",
    "review_litigation": "政府信息公开行政复议、行政诉讼情况",
}
TABLE_NUMBERS = {"active": "表二", "requests": "表三", "review_litigation": "表四"}


@dataclass(frozen=True)
class Row:
    key: str
    label: str  # the standard label
    aliases: tuple[str, ...] = ()  # misprints and variants seen in real reports
    group: str = ""  # the parent label in the template (三、(三)不予公开 …)
    templates: tuple[str, ...] = ("2019", "2021")
    columns: tuple[str, ...] = ()  # for active-table items: the keys of its cells, in print order
    column_labels: tuple[str, ...] = field(default=())


# ---- table "active" (二) ----------------------------------------------------------------------
ACTIVE_2021: list[Row] = [
    Row("regulations", "规章", columns=("regulations_issued", "regulations_repealed", "regulations_in_force"),
        column_labels=("本年制发件数", "本年废止件数", "现行有效件数")),
    Row("normative", "行政规范性文件", aliases=("规范性文件",),
        columns=("normative_issued", "normative_repealed", "normative_in_force"),
        column_labels=("本年制发件数", "本年废止件数", "现行有效件数")),
    Row("licensing", "行政许可", columns=("licensing_decisions",), column_labels=("本年处理决定数量",)),
    Row("penalty", "行政处罚", columns=("penalty_decisions",), column_labels=("本年处理决定数量",)),
    Row("enforcement", "行政强制", columns=("enforcement_decisions",), column_labels=("本年处理决定数量",)),
    Row("fees", "行政事业性收费", columns=("fees_amount_wan",), column_labels=("本年收费金额（万元）",)),
]
_PREV3 = ("上一年项目数量", "本年增/减", "处理决定数量")
ACTIVE_2019: list[Row] = [
    Row("regulations", "规章", columns=("regulations_new_made", "regulations_new_published", "regulations_total_published"),
        column_labels=("本年新制作数量", "本年新公开数量", "对外公开总数量")),
    Row("normative", "规范性文件", aliases=("行政规范性文件",),
        columns=("normative_new_made", "normative_new_published", "normative_total_published"),
        column_labels=("本年新制作数量", "本年新公开数量", "对外公开总数量")),
    Row("licensing", "行政许可", columns=("licensing_prev_items", "licensing_change", "licensing_decisions"),
        column_labels=_PREV3),
    Row("other_services", "其他对外管理服务事项",
        columns=("other_services_prev_items", "other_services_change", "other_services_decisions"), column_labels=_PREV3),
    Row("penalty", "行政处罚", columns=("penalty_prev_items", "penalty_change", "penalty_decisions"), column_labels=_PREV3),
    Row("enforcement", "行政强制", columns=("enforcement_prev_items", "enforcement_change", "enforcement_decisions"),
        column_labels=_PREV3),
    Row("fees", "行政事业性收费", columns=("fees_prev_items", "fees_change"), column_labels=_PREV3[:2]),
    Row("procurement", "政府集中采购", columns=("procurement_items", "procurement_amount"),
        column_labels=("采购项目数量", "采购总金额")),
]
ACTIVE = {"2019": ACTIVE_2019, "2021": ACTIVE_2021}

# ---- table "requests" (三) --------------------------------------------------------------------
REQUEST_COLUMNS: list[tuple[str, str, tuple[str, ...]]] = [
    ("natural_person", "自然人", ()),
    ("commercial", "商业企业", ("商业 企业",)),
    ("research", "科研机构", ("科研 机构",)),
    ("social_org", "社会公益组织", ()),
    ("legal_service", "法律服务机构", ()),
    ("other_org", "其他", ()),
    ("total", "总计", ()),
]
REQUEST_COLUMN_KEYS = [k for k, _, _ in REQUEST_COLUMNS]
COLUMN_LABELS = {k: label for k, label, _ in REQUEST_COLUMNS}  # natural_person -> 自然人
APPLICANT_COLUMNS = REQUEST_COLUMN_KEYS[:6]

REQUEST_ROWS: list[Row] = [
    Row("new_received", "一、本年新收政府信息公开申请数量", aliases=("本年新收",)),
    Row("carried_over", "二、上年结转政府信息公开申请数量", aliases=("上年结转",)),
    Row("granted", "（一）予以公开", group="三、本年度办理结果"),
    Row("partially_granted", "（二）部分公开", group="三、本年度办理结果"),
    Row("denied_state_secret", "1.属于国家秘密", group="（三）不予公开"),
    Row("denied_law_forbidden", "2.其他法律行政法规禁止公开", aliases=("其他法律行政止公开", "法律行政法规禁止"),
        group="（三）不予公开"),
    Row("denied_three_safeties", "3.危及“三安全一稳定”", group="（三）不予公开",
        aliases=("三安全一稳定", "国家安全", "公共安全", "经济安全", "社会稳定")),  # the four the label abbreviates
    Row("denied_third_party", "4.保护第三方合法权益", aliases=("第三方合法权益",), group="（三）不予公开"),
    Row("denied_internal_affairs", "5.属于三类内部事务信息", aliases=("内部事务",), group="（三）不予公开"),
    Row("denied_process_info", "6.属于四类过程性信息", aliases=("过程性信息",), group="（三）不予公开"),
    Row("denied_enforcement_file", "7.属于行政执法案卷", aliases=("行政执法案卷",), group="（三）不予公开"),
    Row("denied_admin_query", "8.属于行政查询事项", aliases=("行政查询事项",), group="（三）不予公开"),
    Row("unable_not_held", "1.本机关不掌握相关政府信息", aliases=("不掌握相关政府信息",), group="（四）无法提供"),
    Row("unable_needs_creation", "2.没有现成信息需要另行制作", aliases=("没有现成信息",), group="（四）无法提供"),
    Row("unable_unclear", "3.补正后申请内容仍不明确", aliases=("补正后申请内容",), group="（四）无法提供"),
    Row("rejected_petition", "1.信访举报投诉类申请", aliases=("信访举报投诉",), group="（五）不予处理"),
    Row("rejected_duplicate", "2.重复申请", group="（五）不予处理"),
    Row("rejected_publication", "3.要求提供公开出版物", aliases=("公开出版物",), group="（五）不予处理"),
    Row("rejected_excessive", "4.无正当理由大量反复申请", aliases=("大量反复申请",), group="（五）不予处理"),
    Row("rejected_confirm", "5.要求行政机关确认或重新出具已获取信息", aliases=("重新出具已获取信息",), group="（五）不予处理"),
    Row("other", "（六）其他处理", group="三、本年度办理结果"),
    Row("other_overdue_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        aliases=("逾期不补正",), group="（六）其他处理", templates=("2021",)),
    Row("other_overdue_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        aliases=("缴纳费用", "收费通知"), group="（六）其他处理", templates=("2021",)),
    Row("other_misc", "3.其他", group="（六）其他处理", templates=("2021",)),
    Row("results_total", "（七）总计", group="三、本年度办理结果"),
    Row("carried_forward", "四、结转下年度继续办理", aliases=("结转下年度",)),
]
REQUEST_ROW_KEYS = [r.key for r in REQUEST_ROWS]
# the groups whose rows are a decision's grounds (不予公开's eight, 无法提供's three…): why such a decision was made is
# what those rows count, where a report states no cause in its text
REASON_GROUPS = ("（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理")
REASON_ROWS = frozenset(r.key for r in REQUEST_ROWS if r.group in REASON_GROUPS)
OTHER_SPLIT = ("other_overdue_correction", "other_overdue_fee", "other_misc")
RECEIVED_SIDE = ("new_received", "carried_over")  # the balance: these two = results_total + carried_forward
ROW_PARTS = {"other": OTHER_SPLIT}  # a row a report may print only as its parts (the 2021 template's （六）其他处理)
RESULT_ROWS_BEFORE_OTHER = REQUEST_ROW_KEYS[2:20]  # granted … rejected_confirm

# ---- table "review_litigation" (四) -----------------------------------------------------------
REVIEW_OUTCOMES: list[tuple[str, str]] = [
    ("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结"), ("total", "总计"),
]
REVIEW_GROUPS: list[tuple[str, str]] = [
    ("review", "行政复议"), ("direct_suit", "行政诉讼 未经复议直接起诉"), ("post_review_suit", "行政诉讼 复议后起诉"),
]
REVIEW_KEYS = [f"{g}_{o}" for g, _ in REVIEW_GROUPS for o, _ in REVIEW_OUTCOMES]


def cell_labels(table: str, row: str, column: str | None, template: str | None = None) -> tuple[str, str]:
    """Human labels (row, column) of a cell, for citations and rendering. Both active-table templates share
    some keys (licensing_decisions) under different printed labels: the report's template picks the label."""
    if table == "requests":
        r = next((x for x in REQUEST_ROWS if x.key == row), None)
        rl = (f"{r.group} {r.label}".strip() if r and r.group and not r.label.startswith(r.group) else r.label) if r else row
        cl = next((lab for k, lab, _ in REQUEST_COLUMNS if k == column), column or "")
        return rl, cl
    if table == "review_litigation":
        for gk, gl in REVIEW_GROUPS:
            if row.startswith(gk + "_"):
                ok = row[len(gk) + 1:]
                return gl, dict(REVIEW_OUTCOMES).get(ok, ok)
        return row, ""
    for rows in sorted(ACTIVE.values(), key=lambda rows: rows is not ACTIVE.get(template or "")):
        for r in rows:
            if row in r.columns:
                return r.label, r.column_labels[r.columns.index(row)]
    return row, ""


# ---- the words people use when asking (the router reads these) ---------------------------------
# phrase -> (table, row, column); column None for flat tables. Longer phrases win over shorter ones.
QUERY_FIGURES: dict[str, tuple[str, str, str | None]] = {
    "新收": ("requests", "new_received", "total"),
    "收到": ("requests", "new_received", "total"),
    "申请": ("requests", "new_received", "total"),
    "上年结转": ("requests", "carried_over", "total"),
    "结转下年": ("requests", "carried_forward", "total"),
    "年底结转": ("requests", "carried_forward", "total"), "年末结转": ("requests", "carried_forward", "total"),
    "办结": ("requests", "results_total", "total"),
    "办完": ("requests", "results_total", "total"), "处理完": ("requests", "results_total", "total"),  # 没办完: 结转
    "办理结果": ("requests", "results_total", "total"),
    "予以公开": ("requests", "granted", "total"),
    "同意公开": ("requests", "granted", "total"),
    "部分公开": ("requests", "partially_granted", "total"),
    "国家秘密": ("requests", "denied_state_secret", "total"),
    "第三方": ("requests", "denied_third_party", "total"),
    "内部事务": ("requests", "denied_internal_affairs", "total"),
    "过程性信息": ("requests", "denied_process_info", "total"),
    "执法案卷": ("requests", "denied_enforcement_file", "total"),
    "行政查询": ("requests", "denied_admin_query", "total"),
    "不掌握": ("requests", "unable_not_held", "total"),
    "没有这个信息": ("requests", "unable_not_held", "total"), "没有该信息": ("requests", "unable_not_held", "total"),
    "没有相关信息": ("requests", "unable_not_held", "total"), "信息不存在": ("requests", "unable_not_held", "total"),
    "跨年": ("requests", "carried_forward", "total"),
    "另行制作": ("requests", "unable_needs_creation", "total"),
    "信访": ("requests", "rejected_petition", "total"),
    "重复申请": ("requests", "rejected_duplicate", "total"),
    "复议": ("review_litigation", "review_total", None),
    "复议被纠正": ("review_litigation", "review_corrected", None),
    "复议纠正": ("review_litigation", "review_corrected", None),
    "规章": ("active", "regulations_issued", None),
    "规范性文件": ("active", "normative_issued", None),
    "现行有效": ("active", "normative_in_force", None),
    "行政许可": ("active", "licensing_decisions", None),
    "行政处罚": ("active", "penalty_decisions", None),
    "行政强制": ("active", "enforcement_decisions", None),
    "收费": ("active", "fees_amount_wan", None),
}
# applicant-type words -> requests column
QUERY_COLUMNS: dict[str, str] = {
    "自然人": "natural_person", "个人": "natural_person", "公民": "natural_person", "群众": "natural_person",
    "企业": "commercial", "公司": "commercial", "商业": "commercial",
    "科研": "research", "公益": "social_org", "社会组织": "social_org",
    "律师": "legal_service", "律所": "legal_service", "法律服务": "legal_service",
    "其他组织": "other_org",
}
# the template's own column group (法人或其他组织 heads five columns): asked as one, summed over its columns
QUERY_COLUMN_GROUPS: dict[str, tuple[str, ...]] = {
    w: ("commercial", "research", "social_org", "legal_service", "other_org")
    for w in ("法人或其他组织", "法人或者其他组织", "法人和其他组织", "法人及其他组织", "法人与其他组织", "法人其他组织", "法人",
              "单位申请人", "法人组织")
}
QUERY_COLUMNS.update({
    "社会公益组织": "social_org", "公益组织": "social_org", "律师事务所": "legal_service", "科研机构": "research",
    "商业企业": "commercial", "老百姓": "natural_person", "市民": "natural_person", "法律服务机构": "legal_service",
    "居民": "natural_person", "百姓": "natural_person", "民众": "natural_person", "普通人": "natural_person",
    "其他法人": "other_org", "其他单位": "other_org", "其他机构": "other_org", "其他法人组织": "other_org",
})

# more everyday phrases -> cells (additive; the router takes the longest phrase that matches)
QUERY_FIGURES.update({
    "新收申请": ("requests", "new_received", "total"),
    "公开申请": ("requests", "new_received", "total"),  # 政府信息公开申请, said short
    "收到申请": ("requests", "new_received", "total"),
    "多少申请": ("requests", "new_received", "total"),
    "申请数量": ("requests", "new_received", "total"),
    "申请量": ("requests", "new_received", "total"),
    **dict.fromkeys(("依申请公开量", "依申请量", "依申请件数", "依申请公开件数", "依申请公开数量", "依申请数量"),
                    ("requests", "new_received", "total")),  # the volume of the procedure: its requests
    "申请数": ("requests", "new_received", "total"),
    "申请件数": ("requests", "new_received", "total"),
    "受理量": ("requests", "new_received", "total"), "受理数": ("requests", "new_received", "total"),  # an office's word
    "结转": ("requests", "carried_over", "total"),
    "上年结转": ("requests", "carried_over", "total"),
    "结转下年度": ("requests", "carried_forward", "total"),
    "继续办理": ("requests", "carried_forward", "total"),
    "办结了": ("requests", "results_total", "total"),
    "答复": ("requests", "results_total", "total"),
    "办理": ("requests", "results_total", "total"),
    "处理了": ("requests", "results_total", "total"),
    "全部公开": ("requests", "granted", "total"),
    "法律行政法规禁止": ("requests", "denied_law_forbidden", "total"),
    "禁止公开": ("requests", "denied_law_forbidden", "total"),
    "三安全一稳定": ("requests", "denied_three_safeties", "total"),
    "第三方权益": ("requests", "denied_third_party", "total"),
    "第三方合法权益": ("requests", "denied_third_party", "total"),
    "三类内部事务": ("requests", "denied_internal_affairs", "total"),
    "四类过程性信息": ("requests", "denied_process_info", "total"),
    "过程性": ("requests", "denied_process_info", "total"),
    "行政执法案卷": ("requests", "denied_enforcement_file", "total"),
    "行政查询事项": ("requests", "denied_admin_query", "total"),
    "本机关不掌握": ("requests", "unable_not_held", "total"),
    "找不到": ("requests", "unable_not_held", "total"), "查无此信息": ("requests", "unable_not_held", "total"),
    **{w: ("requests", "granted", "total") for w in ("全部给公开", "全给公开", "都给公开", "全给", "全都给了", "全部给了")},
    **{w: ("requests", "partially_granted", "total") for w in ("给一部分", "给了一部分", "公开一部分", "公开了一部分")},
    **{w: ("requests", "unable_not_held", "total") for w in ("手里没有", "手上没有", "压根没有", "没有掌握", "未掌握")},
    # 条例第十五条: trade secrets and personal privacy are the third-party interests the row counts
    "商业秘密": ("requests", "denied_third_party", "total"), "个人隐私": ("requests", "denied_third_party", "total"),
    "没有现成信息": ("requests", "unable_needs_creation", "total"),
    "需要另行制作": ("requests", "unable_needs_creation", "total"),
    "申请内容不明确": ("requests", "unable_unclear", "total"),
    "补正后": ("requests", "unable_unclear", "total"),
    **{w: ("requests", "unable_unclear", "total")  # corrected, and still unclear
       for w in ("补正过", "补正了", "补正以后", "补正之后", "仍不明确", "仍然不明确", "还是不明确", "还是没讲明白",
                 "还是没说明白", "还是没说清楚", "还是没讲清楚")},
    **{w: ("requests", "carried_over", "total") for w in ("拖过来", "拖下来", "留过来", "遗留下来")},  # from the year before
    "信访举报投诉": ("requests", "rejected_petition", "total"),
    "举报投诉": ("requests", "rejected_petition", "total"),
    "公开出版物": ("requests", "rejected_publication", "total"),
    "大量反复申请": ("requests", "rejected_excessive", "total"),
    "反复申请": ("requests", "rejected_excessive", "total"),
    "重新出具": ("requests", "rejected_confirm", "total"),
    "其他处理": ("requests", "other", "total"),
    "逾期不补正": ("requests", "other_overdue_correction", "total"),
    "逾期未缴费": ("requests", "other_overdue_fee", "total"),
    "缴纳费用": ("requests", "other_overdue_fee", "total"),
    "被复议": ("review_litigation", "review_total", None),
    "行政复议": ("review_litigation", "review_total", None),
    "复议被撤销": ("review_litigation", "review_corrected", None),
    "行政规范性文件": ("active", "normative_issued", None),
    "废止": ("active", "normative_repealed", None),
    "行政处罚决定": ("active", "penalty_decisions", None),
    "处罚": ("active", "penalty_decisions", None),
    "许可": ("active", "licensing_decisions", None),
    "强制": ("active", "enforcement_decisions", None),
    "行政事业性收费": ("active", "fees_amount_wan", None),
    "收费金额": ("active", "fees_amount_wan", None),
    "政府采购": ("active", "procurement_amount", None),
    "集中采购": ("active", "procurement_amount", None),
})
QUERY_FIGURES.update({
    "结转到下一年": ("requests", "carried_forward", "total"),
    "结转到下年": ("requests", "carried_forward", "total"),
    "转到下一年": ("requests", "carried_forward", "total"),
    "转下一年": ("requests", "carried_forward", "total"),
    "转入下一年": ("requests", "carried_forward", "total"),
    "下一年度继续": ("requests", "carried_forward", "total"),
    "下年度继续": ("requests", "carried_forward", "total"),
    "顺延": ("requests", "carried_forward", "total"),
    "没办完": ("requests", "carried_forward", "total"),
    "未办结": ("requests", "carried_forward", "total"),
    # 没交信息处理费, 未缴纳费用, 不付钱: a fee not paid, however the not, the paying and the fee are said
    **{f"{no}{pay}{fee}": ("requests", "other_overdue_fee", "total") for no in ("不", "没", "没有", "未")
       for pay in ("交", "缴", "缴纳", "付", "支付") for fee in ("费", "钱", "费用")},
    "逾期不缴": ("requests", "other_overdue_fee", "total"),
    "逾期未缴": ("requests", "other_overdue_fee", "total"),
    # 不补正, 逾期未补正, 没补材料: the correction asked for not made, however the not is said
    **{f"{no}{act}": ("requests", "other_overdue_correction", "total") for no in ("不", "没", "没有", "未")
       for act in ("补正", "补充材料", "补材料")},
    "政府集中采购": ("active", "procurement_amount", None),
})
# active-table items and measures as people say them; combined as f"{item}_{measure}" when that key exists
# (规范性文件 + 现行有效 -> normative_in_force, 行政处罚 + 增减 -> penalty_change)
QUERY_ACTIVE_ITEMS: dict[str, str] = {
    "规章": "regulations", "规范性文件": "normative", "行政规范性文件": "normative", "行政许可": "licensing",
    "许可": "licensing", "行政处罚": "penalty", "处罚": "penalty", "行政强制": "enforcement", "强制": "enforcement",
    "行政事业性收费": "fees", "收费": "fees", "其他对外管理服务": "other_services", "政府集中采购": "procurement",
    "集中采购": "procurement", "采购": "procurement",
}
QUERY_ACTIVE_MEASURES: dict[str, tuple[str, ...]] = {
    "现行有效": ("in_force",), "有效": ("in_force",), "生效": ("in_force",), "施行": ("in_force",), "废止": ("repealed",), "作废": ("repealed",), "废除": ("repealed",), "制发": ("issued",),
    "出台": ("issued",), "印发": ("issued",), "新制作": ("new_made",), "制作": ("new_made",),
    "新公开": ("new_published",), "对外公开总": ("total_published",), "公开总数": ("total_published",),
    "对外公开": ("total_published",),  # 对外公开的规章总共: the 2019 template's running total
    "增减": ("change",), "增/减": ("change",), "本年增加": ("change",), "本年减少": ("change",), "上一年项目": ("prev_items",), "项目数量": ("prev_items", "items"),
    **{w: ("prev_items",) for w in ("上年项目", "上一年有多少项", "上一年有几项", "上一年多少项", "上年有多少项", "上年有几项",
                                    "上年多少项", "上一年的项目")},  # the 2019 template's 上一年项目数量
    "项目": ("items", "prev_items"), "处理决定": ("decisions",), "决定": ("decisions",), "金额": ("amount", "amount_wan"),
    **{w: ("decisions",) for w in ("处理了", "办理了", "办了", "作出了", "做出了")},  # 其他对外管理服务事项处理了几件
    "总金额": ("amount", "amount_wan"),
}
# phrases whose figure is the sum of several cells (a template group without its own row)
for _row in REQUEST_ROWS:  # the variants reports print for a row (收费通知, 逾期不补正) are figure words too
    for _alias in _row.aliases:
        QUERY_FIGURES.setdefault(_alias, ("requests", _row.key, "total"))
    if _row.label.startswith(("（", "(")) and len(_row.label) > 3:  # （七）总计: the row as the table prints it, 序号 and all
        for _printed in (_row.label, unicodedata.normalize("NFKC", _row.label)):
            QUERY_FIGURES.setdefault(_printed, ("requests", _row.key, "total"))
    if _row.group and _row.label[:1].isdigit():  # 其他处理—其他, 不予公开中的属于国家秘密: a row said under its group
        for _sep in ("—", "-", "－", "中的", "里的", "下的", "的", "中", "里"):
            QUERY_FIGURES.setdefault(f"{_row.group[3:]}{_sep}{_row.label[2:]}", ("requests", _row.key, "total"))
# everyday "not disclosed": the withheld rows together, unless the rest of the question says why (a weak word)
SAID_NOT_DISCLOSED = ("没给公开", "没公开", "没有公开", "没有给公开", "未公开", "未予公开", "不让公开", "没被公开", "没予公开",
                      "没给", "没有给", "不给", "直接不给")  # 最后是没给的, 直接不给的
QUERY_FIGURE_SUMS: dict[str, list[tuple[str, str, str | None]]] = {
    "不予公开": [("requests", k, "total") for k in REQUEST_ROW_KEYS if k.startswith("denied_")],
    **{w: [("requests", "granted", "total"), ("requests", "partially_granted", "total")]
       for w in ("公开或部分公开", "公开和部分公开", "全部或部分公开", "全部公开或部分公开", "公开及部分公开",
                 "公开(含部分公开)", "予以公开(含部分公开)", "公开(包括部分公开)")},  # NFKC: （） -> ()
    **{w: [("requests", k, "total") for k in REQUEST_ROW_KEYS if k.startswith("denied_")]
       for w in ("拒绝公开", "被拒", "不公开", "不给公开", "拒绝", "驳回", *SAID_NOT_DISCLOSED)},
    **{w: [("requests", k, "total") for k in REQUEST_ROW_KEYS if k.startswith("unable_")]
       for w in ("无法提供", "没法提供", "提供不了", "不能提供", "没能提供", "答复不了", "给不了")},
    **{w: [("requests", "granted", "total"), ("requests", "partially_granted", "total")]
       for w in ("给了信息", "拿到信息", "拿到了信息", "获得了信息", "得到了信息", "给到信息", "被公开", "得到公开",
                 "获得公开")},  # in full or in part
    "不予处理": [("requests", k, "total") for k in REQUEST_ROW_KEYS if k.startswith("rejected_")],
}
# review/litigation groups and outcomes as people say them; combined as f"{group}_{outcome}"
QUERY_REVIEW_GROUPS: dict[str, tuple[str, ...]] = {
    "复议": ("review",), "被复议": ("review",), "行政复议": ("review",),
    "诉讼": ("direct_suit", "post_review_suit"), "行政诉讼": ("direct_suit", "post_review_suit"),
    "起诉": ("direct_suit", "post_review_suit"), "被起诉": ("direct_suit", "post_review_suit"),
    "打官司": ("direct_suit", "post_review_suit"), "被告": ("direct_suit", "post_review_suit"),
    "告上法庭": ("direct_suit", "post_review_suit"), "官司": ("direct_suit", "post_review_suit"),
    "法院": ("direct_suit", "post_review_suit"), "应诉": ("direct_suit", "post_review_suit"),
    "被诉": ("direct_suit", "post_review_suit"),
    "直接起诉": ("direct_suit",), "未经复议": ("direct_suit",), "复议后起诉": ("post_review_suit",),
    "复议后又起诉": ("post_review_suit",),  # and every other way of saying it, read as 复议后起诉 (normalize.AFTER_REVIEW)
    "败诉": ("direct_suit", "post_review_suit"), "胜诉": ("direct_suit", "post_review_suit"),  # only suits are won or lost
}
QUERY_REVIEW_OUTCOMES: dict[str, str] = {
    "维持": "upheld", "纠正": "corrected", "被纠正": "corrected", "纠错": "corrected", "撤销": "corrected",
    "败诉": "corrected", "胜诉": "upheld", "其他结果": "other", "未审结": "pending", "尚未审结": "pending", "没审结": "pending",
    "未结案": "pending",
    **{w: "corrected" for w in ("输了", "输掉", "打输", "判输")}, **{w: "upheld" for w in ("赢了", "打赢", "判赢")},
}
# 2021-template active keys and the 2019-template key that holds the same figure (现行有效件数 replaced 对外公开总数量:
# both count the documents in force and public at the year's end); either template's key asked of the other reads it
ACTIVE_2019_EQUIVALENT: dict[str, str] = {
    "regulations_issued": "regulations_new_made",
    "normative_issued": "normative_new_made",
    "regulations_in_force": "regulations_total_published",
    "normative_in_force": "normative_total_published",
}
# derived rates: key -> (label, numerator cells, denominator cell, formula as said in answers)
RATES: dict[str, tuple[str, list[tuple[str, str, str | None]], list[tuple[str, str, str | None]], str]] = {
    "disclosure_rate": ("公开率", [("requests", "granted", "total"), ("requests", "partially_granted", "total")],
                        [("requests", "results_total", "total")], "（予以公开＋部分公开）÷办理结果总计"),
    "review_correction_rate": ("复议纠错率", [("review_litigation", "review_corrected", None)],
                               [("review_litigation", "review_total", None)], "复议结果纠正÷复议总计"),
    # what was handled of all there was to handle: the table's own balance is 新收＋上年结转＝总计＋结转下年度
    "completion_rate": ("办结率", [("requests", "results_total", "total")],
                        [("requests", "new_received", "total"), ("requests", "carried_over", "total")],
                        "办理结果总计÷（本年新收＋上年结转）"),
}
QUERY_RATES: dict[str, str] = {
    "公开率": "disclosure_rate", "公开比例": "disclosure_rate", "公开比率": "disclosure_rate",
    "纠错率": "review_correction_rate", "纠正率": "review_correction_rate", "纠错比例": "review_correction_rate",
    "纠正比例": "review_correction_rate", "纠错比率": "review_correction_rate", "纠正比率": "review_correction_rate",
    "办结率": "completion_rate", "结案率": "completion_rate",  # not 办结比例: 占办结的比例 names the denominator
}
# English question words -> the Chinese words the question path reads (phrases matched longest first, whole words)
ENGLISH_TERMS: dict[str, str] = {
    # what the reports' prose is about, in the words an English question uses for it (dictionary forms: the
    # question's words are matched by their lemmas too)
    "weakness": "不足", "deficiency": "不足", "team": "队伍", "notice board": "公开栏", "bulletin board": "公开栏",
    "office building": "办公楼", "sensitive": "敏感", "security": "安全", "safely": "安全", "safe": "安全",
    "evaluation": "评估", "assessment": "评估", "evaluate": "评估", "assess": "评估", "monitor": "监测",
    "monitoring": "监测", "interpretation": "解读", "interpret": "解读", "archive": "档案", "reading room": "查阅室",
    "open day": "开放日", "platform": "平台", "feedback": "反馈", "complaint": "投诉", "supervision": "监督",
    "inspection": "检查", "confidentiality review": "保密审查", "secrecy review": "保密审查", "questionnaire": "问卷",
    "survey": "调查", "lecture": "讲座", "video": "视频", "page view": "浏览量", "account": "账号",
    "gazette": "公报", "bulletin": "公报", "views": "播放量", "view count": "播放量", "douyin": "抖音", "tiktok": "抖音",
    "wechat channels account": "视频号", "wechat channels": "视频号", "channels account": "视频号", "video channel": "视频号",
    "service center": "服务中心", "service centre": "服务中心", "convenience": "便民", "self-service": "自助", "self service": "自助", "column": "栏目",
    "difficulty": "困难", "mailbox": "信箱", "consultation": "咨询",
    "stress test": "压力测试", "stress-test": "压力测试",
    # the suggestions of people's congress deputies and the proposals of CPPCC members an agency handles (建议提案办理)
    "people's congress deputies": "人大代表", "congress deputies": "人大代表", "people's congress": "人大", "deputies": "代表",
    "deputy": "代表", "suggestions": "建议", "suggestion": "建议", "cppcc": "政协", "political consultative": "政协",
    "proposals": "提案", "proposal": "提案",
    "relationship": "关系", "leadership": "领导", "structure": "架构", "expropriation": "征收", "demolition": "拆迁",
    "secrecy": "保密", "confidentiality": "保密", "policies": "政策", "policy": "政策",
    "how many": "多少", "how much": "多少", "number of": "多少", "what number": "多少", "count of": "多少",
    "the count": "多少",  # not the verb (did it count openness in its appraisal)
    "performance appraisal": "绩效考核", "performance assessment": "绩效考核", "performance evaluation": "绩效考核",
    "appraisal": "考核", "principle": "原则", "principles": "原则", "safety production": "安全生产",
    "work safety": "安全生产", "emergency management": "应急管理", "interaction": "互动", "interactive": "互动",
    "registration": "登记", "record filing": "备案", "government openness": "政务公开",
    "information releases": "信息发布", "information release": "信息发布", "accurate": "准确", "accuracy": "准确",
    "secure": "安全",
    "science, education, culture, sports and health": "科教文体卫", "education, culture, sports and health": "教文体卫",
    "what share": "占比", "what proportion": "占比", "what percentage": "占比", "what percent": "占比",
    "share of": "占比", "proportion of": "占比", "percentage of": "占比", "ratio": "比例", "share": "占比",
    "proportion": "占比", "percentage": "占比", "percent": "占比", "fraction": "占比", "portion": "占比",
    "disclosure rate": "公开率", "correction rate": "纠错率", "rate of correction": "纠错率",
    "completion rate": "办结率", "closure rate": "办结率",
    "information disclosure": "信息公开", "disclosure requests": "申请", "disclosure request": "申请",
    "information requests": "申请", "information request": "申请", "requests": "申请", "request": "申请",
    "applications": "申请", "application": "申请", "applicants": "申请人", "applicant": "申请人",
    "newly received": "新收", "new requests": "新收申请", "new request": "新收申请", "new applications": "新收申请",
    "new application": "新收申请", "new disclosure requests": "新收申请", "new information requests": "新收申请",
    "new cases": "新收申请", "new ones": "新收", "new": "新",  # new followers, new accounts: 新, not the requests' 新收
    "received": "收到", "receive": "收到", "get": "得到", "got": "得到",
    "carried over from the previous year": "上年结转", "carried over from last year": "上年结转",
    "carried over from the prior year": "上年结转", "carried forward to the next year": "结转下年度",
    "carry over from the previous year": "上年结转", "carry over from last year": "上年结转", "carry over": "上年结转",
    "carry forward": "结转下年度",
    "carried over": "上年结转", "carried over from": "结转自", "carried forward": "结转下年度",
    "carried forward to": "结转到", "carried forward into": "结转到", "carried over to": "结转到",
    "carried over into": "结转到", "carried into": "结转到", "rolled over to": "结转到", "rolled over into": "结转到",
    "left for": "结转到", "left over for": "结转到", "still pending in": "结转到",
    "left over from": "上年结转", "brought forward from": "上年结转", "carried in from": "上年结转",
    "duplicate": "重复申请", "duplicates": "重复申请", "repeat requests": "重复申请", "repeated requests": "重复申请",
    "turned away": "不予处理", "not handled": "不予处理",
    "fully or partly disclosed": "予以公开和部分公开", "fully or partially disclosed": "予以公开和部分公开",
    "disclosed fully or partly": "予以公开和部分公开", "disclosed in full or in part": "予以公开和部分公开",
    "fully or partly granted": "予以公开和部分公开", "granted in full or in part": "予以公开和部分公开",
    "granted in full": "予以公开", "grant in full": "予以公开", "disclose in full": "予以公开", "grant": "予以公开",
    "fully granted": "予以公开", "fully disclosed": "予以公开", "disclosed in full": "予以公开", "granted": "予以公开",
    "partially disclosed": "部分公开", "partly disclosed": "部分公开", "partly granted": "部分公开", "partly released": "部分公开",
    "partially released": "部分公开", "partly approved": "部分公开", "partially approved": "部分公开",
    "granted in part": "部分公开", "disclosed in part": "部分公开", "partially granted": "部分公开",
    "partial disclosure": "部分公开", "partially": "部分公开", "partly": "部分公开",
    "only part of the information": "部分公开", "part of the information": "部分公开", "released in part": "部分公开",
    "released in full": "予以公开", "fully released": "予以公开", "not released": "不予公开",
    "of those": "其中", "of these": "其中", "among them": "其中", "among those": "其中",
    "not disclosed": "不予公开", "refused": "不予公开", "denied": "不予公开", "withheld": "不予公开",
    "rejected": "不予处理", "not processed": "不予处理", "could not be provided": "无法提供", "unable to provide": "无法提供",
    "third parties": "第三方", "third party": "第三方", "third-party": "第三方", "state secret": "国家秘密", "state secrets": "国家秘密",
    "process information": "过程性信息", "internal affairs": "内部事务",
    "administrative reconsideration": "行政复议", "administrative review": "行政复议", "reconsideration": "行政复议",
    "judicial review": "行政诉讼", "judicial reviews": "行政诉讼", "review": "行政复议", "reviews": "行政复议", "appealed": "行政复议", "appeal": "行政复议", "appeals": "行政复议",
    "administrative litigation": "行政诉讼", "lawsuits": "行政诉讼", "lawsuit": "行政诉讼", "litigation": "行政诉讼",
    "sued": "被起诉", "sue": "起诉", "court": "诉讼", "corrected": "纠正", "overturned": "纠正", "reversed": "纠正",
    "upheld": "维持", "pending": "尚未审结",
    "natural persons": "自然人", "individuals": "自然人", "citizens": "自然人", "private persons": "自然人",
    "companies": "企业", "businesses": "企业", "enterprises": "企业", "commercial": "企业",
    "research institutions": "科研机构", "research institutes": "科研机构", "research institute": "科研机构",
    "research institution": "科研机构", "universities": "科研机构", "public interest groups": "社会公益组织",
    "charities": "社会公益组织", "legal service providers": "法律服务机构", "other organisations": "其他组织",
    "other organizations": "其他组织", "law firms": "法律服务机构", "lawyers": "律师", "ngos": "社会公益组织",
    "regulations": "规章", "normative documents": "规范性文件", "administrative penalties": "行政处罚",
    "penalties": "行政处罚", "penalty": "行政处罚", "administrative licensing": "行政许可", "licensing": "行政许可",
    "licences": "行政许可", "licenses": "行政许可", "administrative enforcement": "行政强制", "fees": "行政事业性收费",
    "fees for disclosure": "信息处理费", "disclosure fees": "信息处理费", "processing fees": "信息处理费",
    "processing fee": "信息处理费", "information processing fees": "信息处理费", "charge": "收取", "charged": "收取",
    "did not exist": "信息不存在", "does not exist": "信息不存在", "doesn't exist": "信息不存在",
    "didn't exist": "信息不存在", "not held": "本机关不掌握", "still being processed": "结转下年度",
    "still being handled": "结转下年度", "unfinished": "结转下年度", "applied": "申请", "apply": "申请",
    "agency": "单位", "agencies": "单位",
    "in force": "现行有效", "repealed": "废止", "issued": "制发",
    "more than": "超过", "above": "超过", "surpass": "超过", "surpassed": "超过", "exceed": "超过", "exceeded": "超过", "exceeds": "超过", "at least": "至少", "fewer than": "少于", "less than": "少于", "no fewer than": "不少于",
    "compare": "比较", "compared": "比较", "versus": "对比", "vs": "对比", "more": "多", "fewer": "少", "less": "少",
    "bigger": "多", "larger": "多", "greater": "多", "smaller": "少",
    "most": "最多", "fewest": "最少", "least": "最少", "highest": "最高", "lowest": "最低", "rank": "排名",
    "government information items": "条政府信息", "government information": "政府信息",
    "government information disclosure": "政府信息公开", "on behalf of": "代表", "visits": "访问量",
    "proactively publish": "主动公开", "proactively published": "主动公开", "proactively disclose": "主动公开",
    "proactively disclosed": "主动公开", "proactive disclosure": "主动公开", "proactively": "主动",
    "list the agencies": "哪些单位", "list agencies": "哪些单位", "name the agencies": "哪些单位",
    "information items": "条信息", "items of information": "条信息", "pieces of information": "条信息",
    "pieces of": "条", "items of": "条",
    "which agencies": "哪些单位", "which agency": "哪个单位", "which units": "哪些单位", "which offices": "哪些单位",
    # which organisation received more: the agencies asked about, not the applicants' 法人或其他组织 column
    **{f"{w} {n}": "哪个单位" for w in ("which", "what") for n in ("organisation", "organization", "body", "office")},
    **{f"{w} {n}": "哪些单位" for w in ("which", "what") for n in ("organisations", "organizations", "bodies")},
    "which departments": "哪些部门", "which": "哪个", "who": "谁", "came from": "来自", "come from": "来自", "coming from": "来自", "filed by": "来自", "submitted by": "来自",
    "turn down": "不予公开", "turned down": "不予公开", "who is": "谁是", "who was": "谁是", "who are": "谁是", "who were": "谁是", "which year": "哪一年", "what year": "哪一年",
    "all agencies": "所有单位", "every agency": "所有单位", "all the agencies": "所有单位", "all departments": "所有单位",
    "fail their own arithmetic": "数字对不上", "fail its own arithmetic": "数字对不上", "arithmetic": "算术",
    "do not add up": "对不上", "don't add up": "对不上", "dont add up": "对不上", "inconsistent": "不一致",
    "inconsistencies": "不一致", "errors in the figures": "数字有错", "disclosure fee": "信息处理费",
    "charge for disclosure": "收取信息处理费", "pending at year end": "结转下年度",
    "pending at the end of the year": "结转下年度", "figures": "数字", "numbers": "数字", "data": "数据",
    "tables": "表格", "table": "表格", "followers": "关注用户", "follower": "关注用户", "subscribers": "关注用户",
    "name of": "名字", "the name": "名字", "official": "官员", "officials": "官员", "signed": "签发", "signatory": "签发人",
    "enforcement": "行政强制", "coercive measures": "行政强制", "decisions": "处理决定", "decision": "处理决定",
    "accounts were closed": "账号关停", "accounts closed": "账号关停", "closed down": "关停", "shut down": "关停",
    "were closed": "办结", "was closed": "办结", "were completed": "办结", "were concluded": "办结",
    "closed requests": "办结申请", "completed requests": "办结申请", "requests received": "收到申请",
    "applications received": "收到申请", "requests closed": "办结申请", "requests completed": "办结申请",
    "ciie": "进博会", "import expo": "进博会", "short videos": "短视频",
    "wechat account": "微信公众号", "wechat": "微信", "official account": "公众号", "after an administrative review": "复议后起诉",
    "after administrative review": "复议后起诉", "after a review": "复议后起诉", "after review": "复议后起诉",
    "after reconsideration": "复议后起诉", "after a reconsideration": "复议后起诉",
    "without review": "未经复议直接起诉", "without a review": "未经复议直接起诉",
    "without reconsideration": "未经复议直接起诉", "directly": "直接起诉", "other outcome": "其他结果",
    # directly affiliated departments (直属部门, 区直部门): the units under an agency, not a suit filed directly
    "directly affiliated": "直属", "directly under": "直属", "affiliated departments": "直属部门",
    "directly affiliated departments": "直属部门", "directly affiliated units": "直属单位",
    "other outcomes": "其他结果", "another outcome": "其他结果", "other result": "其他结果", "other results": "其他结果", "which month": "哪个月", "which quarter": "哪个季度",
    "per month": "每月平均", "a month": "每月平均", "monthly": "月均", "per week": "每周平均", "per day": "每天平均",
    "filed": "提起", "file": "提起", "brought": "提起", "spend": "经费", "cost": "经费", "expenditure": "经费",
    "increase": "增加", "increased": "增加", "decrease": "减少", "decreased": "减少", "grow": "增长", "growth": "增长",
    "grew": "增长", "rise": "增加", "rose": "增加", "went up": "增加", "go up": "增加", "fall": "减少", "fell": "减少",
    "drop": "减少", "dropped": "减少", "went down": "减少", "go down": "减少",
    "change": "变化", "changed": "变化", "compared with the previous year": "比上年", "than the previous year": "比上年",
    "than the year before": "比上年", "from the previous year": "比上年", "year on year": "同比",
    "the year before last": "前年", "last year": "去年", "this year": "今年", "previous year": "上一年",
    "the year before": "前一年", "the year after": "后一年", "the following year": "后一年", "the next year": "下一年",
    "the prior year": "前一年", "a year earlier": "前一年", "one year earlier": "前一年", "a year later": "后一年",
    "one year later": "后一年", "two years earlier": "两年以前", "two years later": "两年以后", "latest": "最新", "in total": "合计", "total": "合计", "altogether": "合计", "combined": "合计",
    "training": "培训", "train": "培训", "trained": "培训", "staff": "工作人员", "problems": "问题", "problem": "问题",
    "withdraw": "撤回", "withdrawn": "撤回", "withdrawal": "撤回", "withdrew": "撤回",
    "shortcomings": "不足", "badly": "不足", "poorly": "不足", "fall short": "不足", "improve": "改进", "improvement": "改进", "plans": "计划", "next year": "下一步",
    "and next year": "那下一年", "what about next year": "那下一年", "how about next year": "那下一年",  # a turn's year
    "and last year": "那上一年", "what about last year": "那上一年",
    "review procedure": "审核程序", "review process": "审核程序", "vetting": "审核", "vetted": "审核",
    "before it is released": "发布前", "before release": "发布前", "before publication": "发布前",
    "before it is published": "发布前", "before being published": "发布前",
    "other handling": "其他处理", "handled otherwise": "其他处理", "handled in other ways": "其他处理",
    "personnel appointment and removal documents": "人事任免文件", "appointment and removal documents": "任免文件",
    "personnel appointments and removals": "人事任免", "appointments and removals": "任免", "appointment and removal": "任免",
    "press conferences": "新闻发布会", "press conference": "新闻发布会", "hotline": "热线", "website": "网站",
    "how did": "如何", "how does": "如何", "how do": "如何", "how": "如何", "what measures": "哪些措施",
    "explain": "说明", "reasons": "原因", "reason": "原因", "why": "为什么",
    "apart from": "不包括", "except for": "不包括", "that were not": "不包括", **{f"{w} not": "没有被" for w in ("was", "were", "is", "are", "been")}, "that are not": "不包括",
    "which were not": "不包括", "which are not": "不包括", "organisations": "法人或其他组织", "organizations": "法人或其他组织", "except": "不包括", "other than": "不包括", "excluding": "不包括",
    "never mind": "不管", "regardless of": "不管", "leaving aside": "撇开", "setting aside": "撇开",
    "download link": "下载链接", "download": "下载链接", "pages": "页数", "page count": "页数", "pdf": "PDF版",
    "satisfied": "满意度", "satisfaction": "满意度", "age": "年龄", "ages": "年龄", "oldest": "年龄",
    "youngest": "年龄", "gender": "性别", "men": "男性", "women": "女性", "male": "男性", "female": "女性",
    "sex": "性别", "foreigners": "外国人", "foreigner": "外国人", "foreign": "外籍", "budget": "预算", "funding": "经费", "salary": "工资", "salaries": "工资",
    "average": "平均", "on average": "平均", "median": "中位数", "average annual growth": "年均增长率",
    "average annual increase": "年均增长率", "annual growth rate": "年均增长率", "compound annual growth": "年均增长率", "how long": "用时", "processing time": "用时", "time taken": "用时",
    "working days": "工作日",
    "mayor": "区长", "head": "负责人", "director": "主任", "leader": "领导", "governor": "省长", "spokesperson": "发言人", "population": "人口",
    "offline": "线下", "online": "线上", "look up": "查阅", "where": "哪里", "build": "建设",
    "set up": "设立",
    "elderly": "年龄", "seniors": "年龄", "senior citizens": "年龄", "minors": "年龄", "pensioners": "年龄", "received no": "没有收到", "did not receive": "没有收到",
    "zero": "为零", **{f"{w} zero": "大于0" for w in ("above", "over", "more than", "greater than", "higher than")},
    "not zero": "不为零", "non zero": "不为零", "nonzero": "不为零", "which reports": "哪些报告", "what reports": "哪些报告", "didn't receive": "没有收到", "never received": "从未收到", "no requests": "没有收到申请", "lose": "败诉",
    "lost": "败诉", "disclosure rates": "公开率", "correction rates": "纠错率", "and": "和", "or": "和",
    "district": "区", "county": "县", "city": "市", "province": "省", "provincial": "省", "municipal": "市",
    "zone": "区",
    "comprehensive experimental zone": "综合实验区", "pilot zone": "综合实验区", "management committee": "管委会",
    # Q2 2023, the second quarter, the first half: a part of the year, which the tables do not split
    **{f"q{i}": f"第{n}季度" for i, n in zip("1234", "一二三四", strict=True)},
    **{f"{o} quarter": f"第{n}季度" for o, n in zip(("first", "second", "third", "fourth"), "一二三四", strict=True)},
    "first half": "上半年", "second half": "下半年", "early in": "上半年", "late in": "下半年",
    "how-to guides": "办事指引", "how-to guide": "办事指引", "service guides": "办事指南", "guides": "指南",
    "guide": "指南", "getting services done": "办事", "get things done": "办事", "put out": "发布",
    "zone committee": "管委会", "administrative committee": "管委会", "zone administration": "管委会",
    # filed directly without administrative reconsideration: the suits not preceded by a review, and those that were
    **{f"{how}{w} {r}": "未经复议直接起诉" for how in ("", "directly ") for w in ("without", "without going through")
       for r in ("reconsideration", "administrative reconsideration", "review", "administrative review", "a review")},
    **{f"after {r}": "复议后起诉" for r in ("reconsideration", "administrative reconsideration", "administrative review")},
    "finished handling": "办结", "finished processing": "办结", "completed handling": "办结",
    "administrative query matters": "行政查询事项", "administrative queries": "行政查询事项",
    "administrative query": "行政查询事项",
    "government office": "人民政府办公室", "general office": "办公厅", "peoples government": "人民政府",
    "open government": "政务公开", "government affairs disclosure": "政务公开", "government affairs openness": "政务公开",
    "government": "人民政府", "government website": "政府网站", "government websites": "政府网站",
    "government portal": "政府门户网站", "portal website": "门户网站", "new media": "政务新媒体",
    "new media accounts": "政务新媒体账号", "social media": "政务新媒体", "weibo": "微博", "short video": "短视频",
    "public security bureau": "公安局", "police": "公安局",
    "agriculture and rural affairs bureau": "农业农村局", "bureau of agriculture and rural affairs": "农业农村局",
    "agriculture and rural affairs": "农业农村", "market regulation bureau": "市场监督管理局",
    "market supervision bureau": "市场监督管理局",
    "market supervision": "市场监督管理局", "market regulation": "市场监督管理局",
    "science and technology commission": "科学技术委员会", "science commission": "科学技术委员会",
    "sci tech commission": "科学技术委员会", "stc": "科学技术委员会", "s&t commission": "科学技术委员会", "finance bureau": "财政局", "education bureau": "教育局",
    "civil affairs bureau": "民政局", "environment and land resources bureau": "环境与国土资源局", "environment and land bureau": "环境与国土资源局", "land resources": "国土资源", "local taxation bureau": "地方税务局", "local tax bureau": "地方税务局", "taxation bureau": "税务局", "tax bureau": "税务局", "agriculture": "农业农村局",
    "social affairs bureau": "社会事业局", "economic development bureau": "经济发展局", "area": "片区",
    "sub-zone": "片区", "bureau": "局", "commission": "委员会", "office": "办公室",
    "in": "", "of": "", "the": "", "did": "", "does": "", "do": "", "was": "", "were": "", "is": "", "are": "",
    # the rows no English word named before: every row of the template said as English speakers say it
    **dict.fromkeys(("administrative enforcement case files", "law enforcement case files", "law-enforcement case files",
                     "enforcement case files", "enforcement files", "case files", "case file"), "行政执法案卷"),
    **dict.fromkeys(("would have to be created", "would need to be created", "have to be created", "needed to be created",
                     "need to be created", "had to be created", "not readily available", "newly compiled"), "需要另行制作"),
    **dict.fromkeys(("petitions", "petition", "complaints", "complaint", "letters and visits"), "信访举报投诉"),
    **dict.fromkeys(("prohibited by law", "forbidden by law", "barred by law", "banned by law", "prohibited by other laws"),
                    "法律行政法规禁止"),
    "national security": "国家安全", "public safety": "公共安全", "public security": "公共安全", "economic security": "经济安全",
    "social stability": "社会稳定", "social security": "社会保障", "social insurance": "社会保险",
    "budgets and final accounts": "预决算", "budget and final accounts": "预决算", "final accounts": "决算",
    "three safeties": "三安全一稳定",
    **dict.fromkeys(("unclear requests", "unclear request", "unclear", "not clear", "vague"), "申请内容不明确"),
    **dict.fromkeys(("publicly available publications", "public publications", "published materials", "publications"),
                    "公开出版物"),
    **dict.fromkeys(("repeated in large numbers", "large numbers of repeated", "vexatious", "excessive"), "大量反复申请"),
    **dict.fromkeys(("confirm or reissue", "reissue", "re-issue", "reissued"), "重新出具"),
    **dict.fromkeys(("never supplied", "never supplemented", "did not supplement", "didn't supplement", "failed to supplement",
                     "not supplemented", "never corrected", "failed to correct", "did not correct"), "逾期不补正"),
    **dict.fromkeys(("never paid", "did not pay", "didn't pay", "failed to pay", "unpaid fees", "unpaid fee", "not paid"),
                    "逾期未缴费"),
    **dict.fromkeys(("government procurement", "public procurement", "procurement"), "政府集中采购"),
    **dict.fromkeys(("were dropped", "was dropped", "been dropped", "were discontinued", "was discontinued"), "不再处理"),
    **dict.fromkeys(("focus on", "focused on", "focuses on", "focus", "focused", "priorities", "priority", "emphasis"), "重点"),
    **dict.fromkeys(("key areas", "key fields"), "重点领域"), "fields": "领域", "field": "领域", "content": "内容",
    **dict.fromkeys(("accepted", "accept", "accepts"), "受理"), **dict.fromkeys(("handled", "handle", "handles"), "办理"),
    "projects": "项目", "project": "项目", "news": "新闻", "events": "活动",
    "event": "活动",
}
# domain words of questions that are not table labels but may be mistyped (培训 -> 陪训)
QUESTION_TERMS: tuple[str, ...] = (
    "占比", "比例", "比重", "公开率", "纠错率", "增长", "下降", "培训", "新闻发布会", "政府信息公开", "依申请公开",
    "主动公开", "不予公开", "无法提供", "不予处理", "申请人", "工作人员", "存在问题", "改进", "复议", "诉讼",
)
# attributes people ask about that no report table holds (the assistant declines)
QUERY_UNSUPPORTED: tuple[str, ...] = (
    "年龄", "年纪", "岁数", "性别", "学历", "职业", "满意度", "表示满意", "评价满意", "平均", "耗时", "用时", "多少天", "工作日", "经费", "预算",
    "外地人", "本地人", "外省人", "外地的", "本地的",  # where applicants come from
    "人员编制", "工作人员数", "工资", "薪酬", "薪水", "奖金", "男性", "女性", "户籍", "编制", "男女", "男的", "女的", "外国人", "外籍", "国籍", "民族",
    "人均", "每万人", "每千人", "每十万人", "每百人", "常住人口", "人口数", "按人口", "每名工作人员", "每个工作人员",  # per head
    "撤回",  # a request withdrawn is no row of the template
)
# an unheld word that a group of words makes a held figure: a review withdrawn is among its 其他结果
UNSUPPORTED_EXCEPT: dict[str, tuple[str, ...]] = {"撤回": ("复议", "诉讼", "起诉", "官司"),
                                                   "预算": ("预算部门", "预算单位")}  # units that hold a budget
# phrases that contain a figure word but do not ask for that figure (第三方机构 is not 第三方权益)
# the reports each template is printed in (spec/tables.md): 2019 -> 2019-2020, 2021 -> 2021 on, free-form before
TEMPLATE_YEARS: dict[str, tuple[int, int]] = {"2019": (2019, 2020), "2021": (2021, 9999), "pre2019": (0, 2018)}
# parts of a year: the tables count whole years, so a table figure asked for one of these is declined
PERIOD_SPLITS: tuple[str, ...] = ("季度", "上半年", "下半年", "头半年", "前半年", "后半年", "哪个月", "月份", "每个月", "每月", "月均",
                                  "星期几", "周几", "礼拜几", "几点", "上午", "下午", "晚上", "早上", "中午", "夜里", "周末",
                                  "节假日", "上个月", "上月", "本月", "这个月", "下个月", "上个季度", "上季度")  # nor by the day
# of the week or the hour; 环比…跟上个月比: a month against the one before
# an average over the year's parts (平均每月收到几件, 月均, 每周平均): the year's figure divided, formula shown
PER_PERIOD: dict[str, int] = {"月": 12, "个月": 12, "季度": 4, "个季度": 4, "周": 52, "星期": 52, "天": 365, "日": 365}
QUERY_FIGURE_EXCLUSIONS: tuple[str, ...] = (
    "被告知", "告知书", "告知",  # 被告知本机关不掌握: was told, not 被告 (a defendant)
    "第三方机构", "第三方评估", "第三方监测", "第三方测评", "信息处理费", "第三方平台", "第三方公司", "第三方检测",
    *(f"{verb}{done}第三方" for verb in ("引入", "委托", "聘请", "借助", "依托", "运用", "引进", "邀请", "请", "找")
      for done in ("", "了")),
    *(f"第三方{acts}" for acts in ("来", "进行", "开展", "对")),  # 第三方来评估: the third party does the work
)  # a third party hired to help, not one whose interests a denial protects
# agency names: everyday short forms -> the words agencies print (additive), and the generic words of
# agency names that say little about which agency is meant
AGENCY_ALIASES: dict[str, str] = {
    "科委": "科学技术委员会", "市科委": "市科学技术委员会", "科技局": "科学技术局",
    "市场监管局": "市场监督管理局", "市监局": "市场监督管理局", "市场局": "市场监督管理局",
    "发改委": "发展和改革委员会", "发改局": "发展和改革局", "交建局": "交通与建设局",
    "地税局": "地方税务局", "国税局": "国家税务局", "环保局": "环境保护局", "国土局": "国土资源局",
    "农业局": "农业农村局", "经发局": "经济发展局", "社事局": "社会事业局", "警察局": "公安局",
    "政府办": "人民政府办公室", "府办": "人民政府办公室", "沐阳": "沭阳",
}
# what an agency does, said instead of its name (管钱的那个局, 负责治安的部门): the word its name holds
DUTY_WORDS: dict[str, str] = {
    "钱": "财政", "财务": "财政", "预算": "财政", "花钱": "财政", "治安": "公安", "警察": "公安", "户口": "公安",
    "学校": "教育", "上学": "教育", "税": "税务", "收税": "税务", "环保": "环境", "污染": "环境", "种地": "农业",
    "农民": "农业", "种田": "农业", "工商": "市场监督", "市场": "市场监督", "食品安全": "市场监督", "规划": "国土",
    "土地": "国土", "救济": "民政", "低保": "民政", "养老": "民政", "经济": "经济发展", "招商": "经济发展",
}
AGENCY_GENERIC: tuple[str, ...] = (
    "人民政府", "政府", "办公室", "办公厅", "管委会", "管理委员会", "委员会", "管理局", "综合实验区",
    "片区", "局", "市", "区", "县", "省", "镇", "乡", "街道",
)

# ---- what a report file says about itself (index.load and index.meta read these) --------------------
REPORT_MARKERS: tuple[str, ...] = ("信息公开",)  # a file without any of these (and no table label) is no report
# labelled fields of crawled pages and page chrome ("发布时间: 2012-04-18 00:00", "原文链接: https://…")
PAGE_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("标题",),
    "published": ("发布日期", "发布时间", "成文日期", "时间"),
    "source_url": ("原文链接", "原文地址", "来源网址", "网址", "链接"),
    "agency": ("发布机构", "发布机关", "来源"),
}
STATS_PERIOD_WORDS: tuple[str, ...] = ("统计期限", "统计周期", "统计期间", "统计时间")  # 统计年度 comes after
# how agency names end (a title line that ends so names the agency)
AGENCY_SUFFIXES: tuple[str, ...] = (
    "人民政府", "政府", "办公室", "办公厅", "管委会", "管理委员会", "委员会", "局", "厅", "委", "办", "中心", "院", "署",
)
# names as printed in titles -> the agency's name as catalogued (short forms, OCR misreadings, zone reports
# published under the zone's 管委会)
AGENCY_CANONICAL: dict[str, str] = {
    "平潭综合实验区": "平潭综合实验区管委会",
    "上海市科委": "上海市科学技术委员会",
    "沐阳县人民政府": "沭阳县人民政府",
}

# words a free-form section heading ends with ("一、概述我局在…" -> "一、概述"), for crawled text that runs on
SECTION_HEADING_ENDS: tuple[str, ...] = ("情况", "事项", "措施", "概述", "概况", "问题", "统计表", "附表")

# ---- the table parser's anchors, units and narrative figures (additive; read by index/parse/tables.py, index/parse/checks.py)
# words that open each table's region in the report text (first match after the previous table)
ACTIVE_TABLE_ANCHORS: tuple[str, ...] = ("第二十条第", "第二十条 第")  # or any table-2 column label
REQUESTS_TABLE_ANCHORS: tuple[str, ...] = ("勾稽关系", "钩稽关系", "申请人情况")
REVIEW_TABLE_ANCHORS: tuple[str, ...] = ("行政复议", "复议")
REVIEW_HEADER_WORDS: tuple[str, ...] = ("结果维持", "维持", "尚未审结", "审结", "结果纠正", "纠正")
# a printed unit after an amount; the factor that turns it into the key's unit
AMOUNT_UNITS: dict[str, dict[str, int | float]] = {
    "procurement_amount": {"元": 1, "万元": 10000},  # the key is in 元
    "fees_amount_wan": {"万元": 1, "元": 0.0001},  # the key is in 万元
}
# a count printed with its unit inside a table-2 cell ("政府集中采购 2笔 984361元"): the unit ends the cell
COUNT_UNITS: tuple[str, ...] = ("笔",)
# a note printed inside a table-2 cell names its column ("22（其中修订16件）" is 制发, "含自然失效" is 废止)
NOTE_COLUMN_HINTS: dict[str, str] = {
    "修订": "_issued", "制发": "_issued", "新制定": "_issued",
    "失效": "_repealed", "废止": "_repealed",
    "现行有效": "_in_force",
}
# narrative figures for table 2 (2021 template): row word -> row prefix, column word -> key suffix
NARRATIVE_ACTIVE_ROWS: dict[str, str] = {"规范性文件": "normative", "规章": "regulations"}
NARRATIVE_ACTIVE_COLUMNS: dict[str, str] = {"现行有效": "_in_force", "制发": "_issued", "废止": "_repealed"}
# narrative figures checked against the tables: rule -> (phrases one of which the clause must hold, "a…b"
# meaning a then later b; words it must not hold; the cells whose sum the figure states)
NARRATIVE_CHECKS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, str, str | None], ...]]] = {
    "narrative.new_received": (
        ("收到…申请", "受理…申请"),
        ("复议", "诉讼", "结转", "办结", "答复", "诉求", "热线"),
        (("requests", "new_received", "total"),)),
    "narrative.carried_over": (
        ("上年结转", "上年度结转"), ("复议", "诉讼", "下年"), (("requests", "carried_over", "total"),)),
    "narrative.review_total": (
        ("行政复议",), ("诉讼", "申请人", "依申请"), (("review_litigation", "review_total", None),)),
    "narrative.litigation_total": (
        ("行政诉讼", "诉讼"), ("复议",),
        (("review_litigation", "direct_suit_total", None), ("review_litigation", "post_review_suit_total", None))),
}
# words of narrative questions -> the section that answers them (searched first)
QUERY_SECTIONS: dict[str, str] = {
    "问题": "problems", "不足": "problems", "差距": "problems", "短板": "problems", "改进": "problems",
    "下一步": "problems", "打算": "problems", "计划": "problems", "整改": "problems",
    "复议": "review_litigation", "诉讼": "review_litigation", "官司": "review_litigation",
}
# the report checks as the UI names them: rule -> (the table it is about, Chinese label)
CHECK_LABELS: dict[str, tuple[str, str]] = {
    "requests.balance": ("requests", "新收＋上年结转＝办理结果总计＋结转下年度"),
    "requests.results_sum": ("requests", "各项办理结果之和＝办理结果总计"),
    "requests.row_total": ("requests", "每行总计＝各类申请人之和"),
    "review_litigation.totals": ("review_litigation", "复议、诉讼各组总计＝各结果之和"),
    "narrative.new_received": ("requests", "正文所述收到申请数与表三一致"),
    "narrative.carried_over": ("requests", "正文所述上年结转数与表三一致"),
    "narrative.review_total": ("review_litigation", "正文所述行政复议数与表四一致"),
    "narrative.litigation_total": ("review_litigation", "正文所述行政诉讼数与表四一致"),
    "continuity.carried": ("requests", "本年上年结转＝上年报告的结转下年度"),
    "continuity.in_force": ("active", "现行有效件数与上年报告衔接"),
}

# ---- what each canonical figure means, for matching a question by meaning (assistant/meaning.py) ---------
# reading -> (cells summed when several, or the RATES key; descriptions: the template's label first (the one an
# ask-back shows), then how citizens and staff say it, then English). Each description is embedded once; a
# question's reading is its nearest description, never a cue of this table matched as a phrase.
FIGURE_MEANINGS: dict[str, tuple[tuple[tuple[str, str, str | None], ...] | str, tuple[str, ...]]] = {
    # table 3: requests (the 总计 column; an applicant type asked replaces it)
    "new_received": ((("requests", "new_received", "total"),), (
        "本年新收政府信息公开申请数量", "收到、受理了多少件信息公开申请", "群众提出的政府信息公开申请有多少", "一年里有多少回别人找政府要材料、要资料",
        "number of new information disclosure requests received this year")),
    "carried_over": ((("requests", "carried_over", "total"),), (
        "上年结转政府信息公开申请数量", "上年度没办完结转过来继续办理的申请", "从上年度结转来的申请",
        "requests carried over from the previous year")),
    "granted": ((("requests", "granted", "total"),), (
        "予以公开", "申请的信息全部公开给申请人的件数", "同意公开、全部提供了信息", "要什么都给了",
        "requests granted in full, information fully disclosed")),
    "partially_granted": ((("requests", "partially_granted", "total"),), (
        "部分公开", "只公开了一部分信息的申请", "部分同意部分不同意公开", "只给了一部分",
        "requests partially granted, information disclosed in part")),
    "denied": ((("requests", "denied_state_secret", "total"), ("requests", "denied_law_forbidden", "total"),
                ("requests", "denied_three_safeties", "total"), ("requests", "denied_third_party", "total"),
                ("requests", "denied_internal_affairs", "total"), ("requests", "denied_process_info", "total"),
                ("requests", "denied_enforcement_file", "total"), ("requests", "denied_admin_query", "total")), (
        "不予公开", "拒绝公开信息的申请一共多少", "申请被拒、不给公开的件数", "政府不肯给",
        "requests refused, information not disclosed")),
    "denied_state_secret": ((("requests", "denied_state_secret", "total"),), (
        "不予公开（属于国家秘密）", "因为涉及国家秘密不公开", "信息属于保密事项被拒绝",
        "refused because the information is a state secret")),
    "denied_law_forbidden": ((("requests", "denied_law_forbidden", "total"),), (
        "不予公开（其他法律行政法规禁止公开）", "法律法规规定不能公开的", "依照法律禁止公开而拒绝",
        "refused because other laws forbid disclosure")),
    "denied_three_safeties": ((("requests", "denied_three_safeties", "total"),), (
        "不予公开（危及“三安全一稳定”）", "公开会危害国家安全、公共安全、经济安全和社会稳定",
        "因为影响安全稳定不公开", "refused because disclosure would endanger security or social stability")),
    "denied_third_party": ((("requests", "denied_third_party", "total"),), (
        "不予公开（保护第三方合法权益）", "涉及他人隐私或商业秘密不公开", "为了保护别人的权益拒绝公开",
        "refused to protect the rights of a third party, privacy or trade secrets")),
    "denied_internal_affairs": ((("requests", "denied_internal_affairs", "total"),), (
        "不予公开（属于三类内部事务信息）", "机关内部管理的信息不公开", "人事、后勤、内部流程方面的信息",
        "refused because it is internal affairs information")),
    "denied_process_info": ((("requests", "denied_process_info", "total"),), (
        "不予公开（属于四类过程性信息）", "讨论记录、过程稿、请示报告等还没定下来的信息", "研究过程中的材料不公开",
        "refused because it is process information, drafts or deliberations")),
    "denied_enforcement_file": ((("requests", "denied_enforcement_file", "total"),), (
        "不予公开（属于行政执法案卷）", "执法卷宗材料不公开", "行政执法的案卷信息",
        "refused because it is an administrative enforcement case file")),
    "denied_admin_query": ((("requests", "denied_admin_query", "total"),), (
        "不予公开（属于行政查询事项）", "应该通过查询渠道办理的事项", "属于查询类事项不按信息公开处理",
        "refused because it is an administrative query matter")),
    "unable": ((("requests", "unable_not_held", "total"), ("requests", "unable_needs_creation", "total"),
                ("requests", "unable_unclear", "total")), (
        "无法提供", "没办法提供信息的申请一共多少", "提供不了所申请的信息",
        "requests where the information could not be provided")),
    "unable_not_held": ((("requests", "unable_not_held", "total"),), (
        "无法提供（本机关不掌握相关政府信息）", "机关手里没有这个信息、找不到", "信息不存在或不归本单位管", "政府说我们这里没有这个",
        "the agency does not hold the requested information")),
    "unable_needs_creation": ((("requests", "unable_needs_creation", "total"),), (
        "无法提供（没有现成信息需要另行制作）", "需要重新加工统计才能得到的信息", "没有现成的材料要另外制作", "政府说现成的没有，要重新另外做才有",
        "no ready information, it would have to be newly created")),
    "unable_unclear": ((("requests", "unable_unclear", "total"),), (
        "无法提供（补正后申请内容仍不明确）", "要求补正后还是说不清要什么", "申请内容不明确",
        "the request remained unclear after correction")),
    "rejected": ((("requests", "rejected_petition", "total"), ("requests", "rejected_duplicate", "total"),
                  ("requests", "rejected_publication", "total"), ("requests", "rejected_excessive", "total"),
                  ("requests", "rejected_confirm", "total")), (
        "不予处理", "不作为信息公开申请处理的一共多少", "不予处理的申请合计",
        "requests not processed")),
    "rejected_petition": ((("requests", "rejected_petition", "total"),), (
        "不予处理（信访举报投诉类申请）", "其实是信访、举报、投诉的申请", "反映问题、投诉类的诉求",
        "not processed because it was a petition, complaint or report")),
    "rejected_duplicate": ((("requests", "rejected_duplicate", "total"),), (
        "不予处理（重复申请）", "同一个人重复提出同样的申请", "同样的申请又提了一次",
        "not processed because it was a duplicate request")),
    "rejected_publication": ((("requests", "rejected_publication", "total"),), (
        "不予处理（要求提供公开出版物）", "要的是已经出版的书刊报纸", "申请提供公开出版物",
        "not processed because it asked for published materials")),
    "rejected_excessive": ((("requests", "rejected_excessive", "total"),), (
        "不予处理（无正当理由大量反复申请）", "没有正当理由大批量反复申请", "滥用申请权利",
        "not processed because of excessive repeated requests")),
    "rejected_confirm": ((("requests", "rejected_confirm", "total"),), (
        "不予处理（要求行政机关确认或重新出具已获取信息）", "要求确认或者重新开具已经拿到的信息", "已获取信息要求再出具",
        "not processed because it asked to confirm or reissue information already obtained")),
    "other": ((("requests", "other", "total"),), (
        "其他处理", "以其他方式处理的申请", "其他处理结果的件数", "requests handled in other ways")),
    "other_overdue_correction": ((("requests", "other_overdue_correction", "total"),), (
        "其他处理（申请人无正当理由逾期不补正）", "申请人过了期限不补充材料", "不按时补正就不再处理",
        "the applicant did not correct the request in time")),
    "other_overdue_fee": ((("requests", "other_overdue_fee", "total"),), (
        "其他处理（申请人逾期未按收费通知要求缴纳费用）", "申请人不交信息处理费", "没有按时缴费的申请",
        "the applicant did not pay the fee in time")),
    "results_total": ((("requests", "results_total", "total"),), (
        "办理结果总计", "一共办结、答复了多少件申请", "全年处理完的申请总数",
        "total requests handled and answered this year")),
    "carried_forward": ((("requests", "carried_forward", "total"),), (
        "结转下年度继续办理", "年底还没办完、留到下年度办的申请", "转入下年度继续办理的件数",
        "requests carried forward to next year, still pending at year end")),
    # table 4: administrative reconsideration and litigation
    "review_total": ((("review_litigation", "review_total", None),), (
        "行政复议总计", "因为信息公开被申请行政复议的案件数", "被人复议了几次", "对政府的答复不服，找上级评理的次数",
        "administrative reconsideration cases about disclosure")),
    "review_upheld": ((("review_litigation", "review_upheld", None),), (
        "行政复议结果维持", "复议后维持原来的决定", "复议机关认定没问题",
        "reconsideration upheld the decision")),
    "review_corrected": ((("review_litigation", "review_corrected", None),), (
        "行政复议结果纠正", "复议后被纠正、被撤销的", "复议认定做错了",
        "reconsideration corrected or overturned the decision")),
    "review_other": ((("review_litigation", "review_other", None),), (
        "行政复议其他结果", "复议以其他方式结束的", "复议撤回、终止等其他结果",
        "reconsideration ended with another outcome")),
    "review_pending": ((("review_litigation", "review_pending", None),), (
        "行政复议尚未审结", "复议还没有结果、正在审理", "还没审完的复议",
        "reconsideration cases still pending")),
    "litigation_total": ((("review_litigation", "direct_suit_total", None),
                          ("review_litigation", "post_review_suit_total", None)), (
        "行政诉讼总计", "因为信息公开被起诉、打官司的案件数", "被人告到法院的次数", "老百姓把政府告上法庭",
        "administrative lawsuits about disclosure")),
    "litigation_corrected": ((("review_litigation", "direct_suit_corrected", None),
                              ("review_litigation", "post_review_suit_corrected", None)), (
        "行政诉讼结果纠正", "官司输了、被法院判决纠正的", "败诉的案件",
        "lawsuits lost, the court corrected the decision")),
    "direct_suit_total": ((("review_litigation", "direct_suit_total", None),), (
        "行政诉讼（未经复议直接起诉）总计", "没有经过复议直接去法院起诉的", "直接起诉的案件",
        "lawsuits filed directly without reconsideration")),
    "direct_suit_upheld": ((("review_litigation", "direct_suit_upheld", None),), (
        "行政诉讼（未经复议直接起诉）结果维持", "直接起诉后法院维持的", "直接起诉的官司赢了",
        "direct lawsuits where the decision was upheld")),
    "direct_suit_pending": ((("review_litigation", "direct_suit_pending", None),), (
        "行政诉讼（未经复议直接起诉）尚未审结", "直接起诉还没判的", "直接起诉的案件尚在审理",
        "direct lawsuits still pending")),
    "post_review_suit_total": ((("review_litigation", "post_review_suit_total", None),), (
        "行政诉讼（复议后起诉）总计", "先复议、对复议不服又去起诉的", "复议之后再起诉的案件",
        "lawsuits filed after reconsideration")),
    "post_review_suit_upheld": ((("review_litigation", "post_review_suit_upheld", None),), (
        "行政诉讼（复议后起诉）结果维持", "复议后起诉、法院维持的", "复议后又起诉的官司赢了",
        "lawsuits after reconsideration where the decision was upheld")),
    "post_review_suit_pending": ((("review_litigation", "post_review_suit_pending", None),), (
        "行政诉讼（复议后起诉）尚未审结", "复议后起诉还没判的", "复议后又起诉尚在审理",
        "lawsuits after reconsideration still pending")),
    # table 2: proactive disclosure (2021 template keys; a 2019 report reads its equivalent)
    "regulations_issued": ((("active", "regulations_issued", None),), (
        "规章本年制发件数", "新制定出台的规章", "发布了几部规章", "regulations issued this year")),
    "regulations_repealed": ((("active", "regulations_repealed", None),), (
        "规章本年废止件数", "废止的规章", "取消作废了几部规章", "regulations repealed this year")),
    "regulations_in_force": ((("active", "regulations_in_force", None),), (
        "规章现行有效件数", "目前还有效的规章", "现在施行中的规章有多少", "regulations currently in force")),
    "normative_issued": ((("active", "normative_issued", None),), (
        "行政规范性文件本年制发件数", "印发了多少红头文件", "新出台的规范性文件",
        "normative documents issued this year")),
    "normative_repealed": ((("active", "normative_repealed", None),), (
        "行政规范性文件本年废止件数", "废止、清理失效的规范性文件", "作废了多少文件",
        "normative documents repealed this year")),
    "normative_in_force": ((("active", "normative_in_force", None),), (
        "行政规范性文件现行有效件数", "目前还有效的规范性文件", "现在施行的文件总数",
        "normative documents currently in force")),
    "licensing_decisions": ((("active", "licensing_decisions", None),), (
        "行政许可本年处理决定数量", "办了多少行政审批许可", "作出许可决定的件数",
        "administrative licensing decisions made this year")),
    "licensing_change": ((("active", "licensing_change", None),), (
        "行政许可本年增/减", "许可事项数量的增减", "行政审批事项的增减",
        "change in the number of licensing items")),
    "penalty_decisions": ((("active", "penalty_decisions", None),), (
        "行政处罚本年处理决定数量", "作出了多少行政处罚决定", "罚了多少起、处罚案件数",
        "administrative penalty decisions made this year")),
    "penalty_change": ((("active", "penalty_change", None),), (
        "行政处罚本年增/减", "处罚事项数量的增减", "行政处罚事项增减",
        "change in the number of penalty items")),
    "enforcement_decisions": ((("active", "enforcement_decisions", None),), (
        "行政强制本年处理决定数量", "采取了多少行政强制措施", "查封扣押等强制决定的件数",
        "administrative enforcement decisions made this year")),
    "fees_amount_wan": ((("active", "fees_amount_wan", None),), (
        "行政事业性收费本年收费金额（万元）", "收了多少钱的行政事业性收费", "收费金额多少万元",
        "amount of administrative fees collected this year")),
    "procurement_items": ((("active", "procurement_items", None),), (
        "政府集中采购采购项目数量", "政府采购了多少个项目", "集中采购的项目数",
        "number of government procurement projects")),
    "procurement_amount": ((("active", "procurement_amount", None),), (
        "政府集中采购采购总金额", "政府采购花了多少钱", "集中采购的总金额",
        "total amount of government procurement")),
    # derived rates (RATES): the reading is the rate, its cells come from RATES
    "disclosure_rate": ("disclosure_rate", (
        "公开率", "申请中予以公开和部分公开的比例", "有多大比例的申请拿到了信息",
        "disclosure rate, share of requests fully or partly granted")),
    "review_correction_rate": ("review_correction_rate", (
        "复议纠错率", "行政复议被纠正的比例", "复议案件中被纠错的占比",
        "correction rate of administrative reconsideration")),
    "completion_rate": ("completion_rate", (
        "办结率", "申请办完了多大比例", "受理的申请有多少比例已经办结",
        "completion rate, share of requests handled by the year's end")),
}
# words every figure shares (the whole table is about disclosure): stripped before matching by meaning
FIGURE_MEANING_GENERIC: tuple[str, ...] = (
    "政府信息公开", "依申请公开", "主动公开", "信息公开", "政府信息", "政务公开", "年度报告", "年报",
    "递交", "提交", "递上", "交上")  # every request is submitted: the verb says nothing about which figure
# everyday words for what the reports word formally (read by the narrative ranking and the value checks: a sentence
# saying one of the report's words says the everyday one, at the synonym weight): 人手 ~ 人员, 上课 ~ 培训,
# 坐一块儿聊 ~ 座谈. A phrase is found in the question as typed; each entry names a thing or an activity, not a topic
EVERYDAY_WORDS: dict[str, tuple[str, ...]] = {
    "人手": ("人员", "工作力量", "专职", "兼职"), "单子": ("工单", "诉求", "件", "起"), "警察": ("公安",),
    "懂行": ("业务水平", "业务能力", "专业"), "干活的人": ("工作人员", "经办人员"), "经手的人": ("经办人员", "工作人员"),
    "上课": ("培训", "授课", "讲座"), "讲课": ("培训", "授课", "讲座"), "补课": ("培训",), "学本事": ("培训", "学习"),
    "碰头": ("会议", "联席会议", "会商", "座谈"), "通气": ("通报", "通气会"),
    "坐一块儿": ("座谈",), "坐一块": ("座谈",), "坐在一起": ("座谈",), "坐下来": ("座谈",),
    "唠嗑": ("访谈", "座谈", "交流"), "聊天": ("访谈", "座谈", "交流"), "一块儿聊": ("座谈", "访谈"),
    "挂帅": ("组长", "牵头", "领导小组"), "头头": ("负责人", "领导"), "一把手": ("主要负责人", "主要领导"),
    "把关": ("审核", "审查"), "过目": ("审核", "审查"), "一层层": ("逐级", "层层"), "挨个": ("逐一", "逐个"),
    "上网": ("网站", "网上", "在线"), "网上挂": ("网站", "网上"), "网友": ("网民",), "官网": ("门户网站", "网站"),
    "翻看": ("查阅",), "翻阅": ("查阅",), "查资料": ("查阅", "查询"), "印成纸": ("纸质",), "纸的": ("纸质",),
    "打电话": ("电话",), "回电话": ("回访", "电话"),
    "挑毛病": ("找错", "纠错", "整改"), "挑错": ("找错", "纠错"), "找茬": ("找错", "纠错"),
    "删掉": ("清理", "下线", "删除"), "删了": ("清理", "下线", "删除"), "撤掉": ("下线", "关停", "撤销"),
    "小视频": ("短视频",), "花样": ("形式", "方式"), "新花样": ("新形式", "创新"),
    "粉丝": ("关注",), "罚款": ("行政处罚", "处罚"), "谣言": ("虚假", "不实"), "假消息": ("虚假", "不实"),
    "家门口": ("就近", "基层", "身边"), "盯着": ("监测", "巡查", "监督"), "打分": ("考核", "评估", "测评", "评分"),
    "合起来": ("整合", "合并"), "并进": ("整合", "迁移"), "提醒": ("催办", "提示"),
    "投诉电话": ("热线",), "微信号": ("公众号",), "家伙什": ("设施", "设备"), "家什": ("设施", "设备"),
}
