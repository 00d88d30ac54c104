"""Every Chinese string the page shows, in one place: labels, hints, messages and the words that replace
internal keys (templates, section keys, check rules). Modules of `ui/` format these; they spell none."""

from __future__ import annotations

TITLE = "年报问答 nianbao"
HEADING = "## 年报问答 · 政府信息公开工作年度报告\n每个数字都注明出处：点击引用即可查看原文段落或表格单元格。"

# ---- chat ----------------------------------------------------------------------------------------
ALL = "全部"
THINKING = "正在查找…"
EMPTY_QUESTION = "请输入问题。"
ANSWER_FAILED = "抱歉，回答这个问题时出错了，请换个问法或稍后再试。"
ERROR_SHORT = "出错了。"
STILL_INGESTING = "（{line}请稍后再问。）"
EXAMPLES = [
    "鹿城区2022年收到多少政府信息公开申请？",
    "鹿城区2022年有没有被行政复议？",
    "鹿城区如何开展依申请公开压力测试？",
    "淮安市2024年不予公开的申请有多少件？",
    "平潭综合实验区2019年到2025年新收申请数量的变化",
]
SOURCE_HINT = "点击上方的引用，查看它在报告中的原文或表格单元格。"
SOURCES_LATER = "提问后，回答引用的报告原文和表格单元格会列在上方，点击一条即可在这里查看。"
NO_SOURCES = "这个回答没有引用报告内容，没有可查看的原文。"
SOURCES = "引用来源"
SOURCES_N = "引用来源（{n}）"
AGENCY = "机关"
YEAR = "年度"
NEW_CHAT = "新对话"
CHAT = "对话"
CHAT_PLACEHOLDER = "请用中文提问，例如下面的示例问题。"
QUESTION = "问题"
QUESTION_PLACEHOLDER = "输入问题，按回车发送"
SEND = "发送"
EXAMPLES_LABEL = "示例问题"
CHAT_CHART = "答案中的数字"
CANNOT_OPEN_CITATION = "无法打开这条引用。"

# ---- tabs ----------------------------------------------------------------------------------------
TAB_CHAT = "问答"
TAB_BROWSE = "报告浏览"
TAB_COMPARE = "数据比较"
TAB_STAFF = "工作人员"

# ---- report browser ------------------------------------------------------------------------------
REPORT_COLUMNS = ["机关", "年度", "模板", "校验通过", "校验未通过", "存疑单元格"]
REPORT_LIST = "报告列表（点击表头排序，点击一行打开）"
REPORT_FILTER = "筛选报告"
REPORT_FILTER_HINT = "输入机关名称或年份"
OPEN_REPORT = "打开报告"
PICK_REPORT = "请选择一份报告。"
CANNOT_OPEN_REPORT = "无法打开这份报告。"
REPORT_CHOICE = "{agency} {year}年"
TEMPLATE_NAMES = {"2021": "2021年新版模板", "2019": "2019年版模板", "pre2019": "2019年以前（无统一表格）"}

# ---- comparison ----------------------------------------------------------------------------------
FIGURE = "指标"
REQUEST_COLUMN = "申请人类型（仅表三）"
CMP_AGENCIES = "机关（不选为全部）"
CMP_YEARS = "年度（默认最近三年，清空为全部）"
CHART_KIND = "图表"
BAR = "柱状图"
LINE = "折线图"
COMPARE = "比较"
PICK_FIGURE = "请选择一个指标。"
NO_DATA = "所选机关和年度没有这个指标的数据。"
CANNOT_COMPARE = "无法生成比较图。"
COMPARE_ITEM = "[{n}] {agency} {year}年："
COMPARE_RAW = "（原文：{raw}）"
COMPARE_HEADING = "{figure}（{column}）"
CHART_VALUE_AXIS = "数值"
CHART_YEAR_AXIS = "年度"
CHART_HOVER = "{agency}<br>{year}年：{value}"

# ---- staff ---------------------------------------------------------------------------------------
NEED_TOKEN = "需要工作人员令牌"
STAFF_OFF = "本服务器未设置工作人员令牌（NIANBAO_STAFF_TOKEN），上传、删除和重新导入已停用。"
STAFF_ON = "上传或删除报告需要工作人员令牌。"
STAFF_LIMITS = "允许的文件类型：{types}；单个文件不超过 {mb} MB。"
TOKEN = "工作人员令牌"
FILES = "报告文件"
UP_AGENCY = "机关（可选，覆盖自动识别）"
UP_YEAR = "年度（可选）"
UP_YEAR_HINT = "例如 2023；留空则自动识别"
BAD_YEAR = "年度“{year}”无效：请填写四位数字的年份（例如 2023），或留空自动识别。未导入任何文件。"
UP_TEMPLATE = "模板（可选）"
AUTO_TEMPLATE = "自动识别"
UPLOAD = "上传并解析"
DELETE_PICK = "要删除的报告"
DELETE = "删除报告"
DELETE_CHOICE = "{agency} {year}年（{file}，编号 {id}）"
BAD_TYPE = "不支持的文件类型（允许：{types}）"
TOO_BIG = "文件超过 {mb} MB 上限"
EMPTY_FILE = "文件为空"
UPLOAD_GONE = "文件已不在服务器上（未能导入的文件会立即删除），请重新选择文件后上传"
UPLOAD_FAILED = "上传失败，请检查文件后重试。"
NO_TOKEN_UPLOAD = NEED_TOKEN + "，未导入任何文件。"
NO_FILES = "请先选择要上传的报告文件。"
PARSING = "正在解析 {name}（{i}/{n}）"
UPLOAD_STATUS = {"ingested": "已导入", "replaced": "已替换旧版本", "unchanged": "内容未变，已在库中"}
UNPARSABLE = "{name}：未能导入，原因：{why}。"  # every file not imported, refused before reading or not
UNKNOWN_REASON = "文件无法作为年度报告读取，详情已记入服务器日志"
# why a file failed, by the LoadError code (index/parse/load.py, archive.py, meta.py; index/ingest.py): the page
# never shows the English reason, which goes to the log; a code missing here shows UNKNOWN_REASON
LOAD_REASONS = {
    "empty": EMPTY_FILE,
    "too_big": "文件大小 {size}，超过 {limit} 上限",
    "unsupported_type": "不支持的文件类型 {suffix}（允许：{accepted}）",
    "not_found": "找不到文件",
    "not_regular": "不是普通文件",
    "empty_folder": "文件夹中没有报告文件（{types}）",
    "binary": "文件内容是二进制数据，不是文本报告；如果是 Word 或 PDF 文件，请使用正确的扩展名",
    "bad_bom": "文件开头标明 {encoding} 编码，但内容不是 {encoding}",
    "undecodable": "无法识别文字编码，请另存为 UTF-8 或 GBK 编码的文本后重试",
    "no_text": "文件中没有文字",
    "too_little_chinese": "中文内容太少（{cjk} 个汉字），不像年度报告",
    "not_a_report": "不是政府信息公开工作年度报告：没有“信息公开”字样，也没有统计表",
    "no_agency": "无法识别发布机关，请在“机关”一栏填写后重新上传",
    "no_year": "无法识别报告年度，请在“年度”一栏填写后重新上传",
    "not_pdf": "不是有效的 PDF 文件（缺少 PDF 文件头），可能是扩展名不对或文件已损坏",
    "truncated_pdf": "PDF 文件不完整（缺少文件结尾），可能下载未完成",
    "corrupt_pdf": "PDF 文件已损坏，无法读取",
    "scan_unread": "PDF 没有文字层（可能是扫描件），也未能识别出文字",
    "scan_needs_ocr": "PDF 没有文字层（可能是扫描件）；服务器需安装 OCR 组件（nianbao[ocr]）才能识别",
    "corrupt_docx": "不是有效的 Word（.docx）文件：缺少 Word 文档的内容或已损坏",
    "corrupt_archive": "{kind} 文件已损坏，或不是有效的压缩包",
    "unpacks_too_big": "{kind} 文件解压后过大，已拒绝",
    "encrypted": "{kind} 文件已加密，请去除密码后重新上传",
    "unexpected": "解析时出现意外错误，已记入服务器日志",
    "store_failed": "保存时出错，库中内容未改变，请稍后重试",
}
NO_SUFFIX = "（无扩展名）"
LIST_SEPARATOR = "、"
NOTHING_INGESTED = "没有文件被导入。"
DELETE_FAILED = "删除失败。"
NO_TOKEN_DELETE = NEED_TOKEN + "，未删除任何报告。"
PICK_DELETE = "请选择要删除的报告。"
ALREADY_GONE = "这份报告已不在库中。"
DELETED = "已删除：{agency} {year}年（{file}）"

# ---- background ingest ---------------------------------------------------------------------------
INGESTING = "正在导入示例报告：已完成 {done}/{total} 份。已导入的报告现在就可以提问，其余的导入后会自动出现在列表中。"
INGESTING_FIRST = "正在导入示例报告：已完成 0/{total} 份。首次运行要先准备检索模型，第一份报告导入后（约一分钟）即可提问。"
INGEST_DONE = "示例报告导入完成：共 {total} 份，已导入 {ok} 份，未能导入 {failed} 份{why}。{which}"
INGEST_DONE_WHY = "（原因见服务器日志）"
INGEST_DONE_WHICH = "已导入：{items}。"
INGEST_DONE_ITEM = "{agency} {years}年"
INGEST_DONE_SEPARATOR = "；"  # between agencies: their years are joined by LIST_SEPARATOR
YEAR_RANGE = "{first}—{last}"
NOTHING_IN_YET = "正在导入示例报告（已完成 0/{total} 份），还没有可以回答的报告。首次运行要先准备检索模型，第一份报告约一分钟内导入，请稍后再问。"

# ---- rendered sources and reports ----------------------------------------------------------------
EMPTY_CELL = "（空）"
CELL_FAILED = "未通过校验："
CELL_AMBIGUOUS = "印刷存疑：数字无法唯一拆分"
CELL_RAW = "原文："
AMBIGUOUS_CELL = "印刷存疑"
AMBIGUOUS_READINGS = "报告在这里的印刷无法唯一拆分（原文“{text}”），可能的读法：{readings}"
AMBIGUOUS_OR = " 或 "
AMBIGUOUS_LIST = "无法唯一拆分的数字"
SHOW_ALL_ROWS = "显示全表"
ROW_HEAD = "项目"
COLUMN_HEAD = "指标"
VALUE_HEAD = "数值"
NO_CHECKS = "无校验结果。"
CHECK_OK = "✓ 通过"
CHECK_BAD = "✗ 未通过"
CHECK_CELLS = "（涉及：{cells}）"
CHECK_MORE = "等共{n}格"
TABLE_CHECKS = "本表校验"
CHECKS = "校验"
SECTIONS = "章节"
TABLES = "统计表"
WHOLE_TEXT = "全文"
PREAMBLE = "标题与前言"
SECTION_OTHER = "正文"
PASSAGE_GONE = "这条引用的报告已不在库中。"
REPORT_META = "模板：{template} · 校验 {ok} 通过 / {failed} 未通过 · 存疑单元格 {ambiguous}"
OCR_PAGES = " · OCR识别：第{pages}页（扫描件，数字可能有识别误差）"
CITED_PAGE = " · 第{page}页"
NO_TABLES = "这份报告没有解析出标准统计表{why}。"
NO_TABLES_PRE2019 = "（2019年以前的报告没有统一表格）"

# long words of agency names -> the short form a chart axis shows (applied in order; the full name is
# in the hover text); a city prefix is dropped when a district or county name follows it
AGENCY_SHORT = [
    ("人民政府办公室", "政府办"), ("人民政府办公厅", "政府办公厅"), ("人民政府", ""),
    ("平潭综合实验区", "平潭"), ("综合实验区", "实验区"), ("管理委员会", "管委会"), ("市场监督管理局", "市场监管局"),
    ("科学技术委员会", "科委"), ("片区管理局", "片区"), ("环境与国土资源局", "环境国土局"),
]
AGENCY_CITY_PREFIXES = ("温州市", "淮安市", "宿迁市")
