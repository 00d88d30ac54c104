"""The domain vocabulary as data: canonical keys, the labels reports print for them, and the words
people use when asking. The table parser and the question router both read these tables; nothing
else should spell a label or a key."""

from __future__ import annotations

from dataclasses import dataclass, field

SECTIONS: list[tuple[str, str, tuple[str, ...]]] = [
    # key, standard heading, heading words that identify it (first match wins, in order)
    ("overview", "一、总体情况", ("总体情况", "概述", "概况")),
    ("active", "二、主动公开政府信息情况", ("主动公开政府信息情况", "主动公开政府信息", "主动公开情况")),
    ("requests", "三、收到和处理政府信息公开申请情况", ("收到和处理政府信息公开申请", "依申请公开")),
    ("review_litigation", "四、政府信息公开行政复议、行政诉讼情况", ("行政复议", "行政诉讼")),
    ("problems", "五、存在的主要问题及改进情况", ("存在的主要问题", "主要问题", "改进情况", "存在问题")),
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
APPLICANT_COLUMNS = REQUEST_COLUMN_KEYS[:6]

REQUEST_ROWS: list[Row] = [
    Row("new_received", "一、本年新收政府信息公开申请数量", aliases=("本年新收",)),
    Row("carried_over", "二、上年结转政府信息公开申请数量", aliases=("上年结转",)),
    Row("granted", "（一）予以公开", group="三、本年度办理结果"),
    Row("partially_granted", "（二）部分公开", group="三、本年度办理结果"),
    Row("denied_state_secret", "1.属于国家秘密", group="（三）不予公开"),
    Row("denied_law_forbidden", "2.其他法律行政法规禁止公开", aliases=("其他法律行政止公开", "法律行政法规禁止"),
        group="（三）不予公开"),
    Row("denied_three_safeties", "3.危及“三安全一稳定”", aliases=("三安全一稳定",), group="（三）不予公开"),
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
OTHER_SPLIT = ("other_overdue_correction", "other_overdue_fee", "other_misc")
RESULT_ROWS_BEFORE_OTHER = REQUEST_ROW_KEYS[2:20]  # granted … rejected_confirm

# ---- table "review_litigation" (四) -----------------------------------------------------------
REVIEW_OUTCOMES: list[tuple[str, str]] = [
    ("upheld", "结果维持"), ("corrected", "结果纠正"), ("other", "其他结果"), ("pending", "尚未审结"), ("total", "总计"),
]
REVIEW_GROUPS: list[tuple[str, str]] = [
    ("review", "行政复议"), ("direct_suit", "行政诉讼 未经复议直接起诉"), ("post_review_suit", "行政诉讼 复议后起诉"),
]
REVIEW_KEYS = [f"{g}_{o}" for g, _ in REVIEW_GROUPS for o, _ in REVIEW_OUTCOMES]


def cell_labels(table: str, row: str, column: str | None) -> tuple[str, str]:
    """Human labels (row, column) of a cell, for citations and rendering."""
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
    for rows in ACTIVE.values():
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
    "办结": ("requests", "results_total", "total"),
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
