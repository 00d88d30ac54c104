"""Charts of one figure across agencies and years, drawn with plotly (rendered by the page as SVG, so
labels are real text). Agencies go on one axis under short names, years are the series, every bar or
point carries its value, and the figure grows with the selection instead of squeezing labels."""

from __future__ import annotations

import re
from dataclasses import dataclass

import plotly.graph_objects as go
from plotly.colors import qualitative

from ui import strings as S

FONT = "Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, Microsoft YaHei, sans-serif"
PALETTE = qualitative.Plotly + qualitative.D3 + qualitative.Dark24  # enough distinct colours for any legend


@dataclass(frozen=True)
class Point:
    agency: str
    year: int
    value: float


def short_name(agency: str) -> str:
    """A short form of an agency's name for an axis label (鹿城区政府办 for 温州市鹿城区人民政府办公室)."""
    name = agency
    for long, short in S.AGENCY_SHORT:
        name = name.replace(long, short)
    for city in S.AGENCY_CITY_PREFIXES:
        rest = name.removeprefix(city)
        if rest != name and re.match(r"^\w{1,3}[区县]", rest):
            name = rest
    return name or agency


def short_names(agencies: list[str]) -> dict[str, str]:
    """Short names, falling back to the full name where two agencies would share one."""
    short = {a: short_name(a) for a in agencies}
    taken: dict[str, int] = {}
    for s in short.values():
        taken[s] = taken.get(s, 0) + 1
    return {a: s if taken[s] == 1 else a for a, s in short.items()}


def label(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def _layout(fig: go.Figure, title: str, height: int, legend_title: str) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
        font={"family": FONT, "size": 13},
        height=height,
        margin={"l": 10, "r": 30, "t": 90, "b": 40},
        showlegend=True,  # a single series is named too
        legend={"title": {"text": legend_title}, "orientation": "h", "yanchor": "bottom", "y": 1.0,
                "xanchor": "left", "x": 0},
        plot_bgcolor="white",
        paper_bgcolor="white",
        hoverlabel={"font": {"family": FONT}},
    )
    return fig


def bar_chart(points: list[Point], title: str) -> go.Figure:
    """Horizontal grouped bars: one row per agency (short name), one coloured series per year."""
    agencies = list(dict.fromkeys(p.agency for p in sorted(points, key=lambda p: p.agency)))
    years = sorted({p.year for p in points})
    names = short_names(agencies)
    fig = go.Figure()
    for i, year in enumerate(years):
        mine = [p for p in points if p.year == year]
        fig.add_trace(go.Bar(
            y=[names[p.agency] for p in mine], x=[p.value for p in mine], orientation="h",
            name=f"{year}年", marker_color=PALETTE[i % len(PALETTE)],
            text=[label(p.value) for p in mine], textposition="outside", cliponaxis=False,
            hovertext=[S.CHART_HOVER.format(agency=p.agency, year=p.year, value=label(p.value)) for p in mine],
            hoverinfo="text",
        ))
    fig.update_yaxes(categoryorder="array", categoryarray=[names[a] for a in reversed(agencies)],
                     automargin=True, ticksuffix=" ")
    fig.update_xaxes(title_text=S.CHART_VALUE_AXIS, gridcolor="#eee", rangemode="tozero", automargin=True)
    fig.update_layout(barmode="group", bargap=0.25, bargroupgap=0.05)
    per_row = 18 * len(years) + 14
    return _layout(fig, title, 150 + per_row * len(agencies), S.CHART_YEAR_AXIS)


def line_chart(points: list[Point], title: str) -> go.Figure:
    """Years along the x axis (every held year a tick), one labelled line per agency."""
    agencies = list(dict.fromkeys(p.agency for p in sorted(points, key=lambda p: p.agency)))
    names = short_names(agencies)
    years = sorted({p.year for p in points})
    fig = go.Figure()
    for i, agency in enumerate(agencies):
        mine = sorted((p for p in points if p.agency == agency), key=lambda p: p.year)
        fig.add_trace(go.Scatter(
            x=[str(p.year) for p in mine], y=[p.value for p in mine], mode="lines+markers+text",
            name=names[agency], line={"color": PALETTE[i % len(PALETTE)]},
            text=[label(p.value) for p in mine], textposition="top center", cliponaxis=False,
            hovertext=[S.CHART_HOVER.format(agency=p.agency, year=p.year, value=label(p.value)) for p in mine],
            hoverinfo="text",
        ))
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=[str(y) for y in years],
                     title_text=S.CHART_YEAR_AXIS, automargin=True)
    fig.update_yaxes(title_text=S.CHART_VALUE_AXIS, gridcolor="#eee", rangemode="tozero", automargin=True)
    legend_rows = 1 + len(agencies) // 4
    return _layout(fig, title, 380 + 22 * legend_rows, S.AGENCY)


def chart(points: list[Point], title: str, kind: str | None = None) -> go.Figure:
    """The chart a selection reads best as: `kind` when given, else a line for one agency over years."""
    if kind is None:
        kind = S.LINE if len({p.agency for p in points}) == 1 and len({p.year for p in points}) > 1 else S.BAR
    return line_chart(points, title) if kind == S.LINE else bar_chart(points, title)
