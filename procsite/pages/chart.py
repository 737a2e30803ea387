"""The chart of one quality objective: an SVG made at build time, a bar per year with its result and a
dashed line at its target.

It reads without colour and in print: a year not met is hatched as well as said in words, each figure is
written under its bar, and the same figures are in the table beside it (the SVG's ``<title>`` and
``<desc>`` say them too). Everything is drawn with presentation attributes: no script, no style attribute
(the Content-Security-Policy allows neither), no reference to another file.
"""

from __future__ import annotations

from decimal import Decimal

from markupsafe import Markup, escape

from procsite.model.quality import Objective
from procsite.pages.quality_strings import format_figure, format_number, qt

SLOT = 124
"""The width of one year: its bar and the three lines under it."""
BAR = 52
LEFT = RIGHT = 8
TOP = 46
"""Room for the legend and for the figure above the highest bar."""
PLOT = 140
BELOW = 62
"""Room for the year, the target and the assessment under each bar."""
MIN_WIDTH = 390
"""Wide enough for the legend."""
LINE = 17
"""From one line of text to the next."""
INK, BAR_FILL = "#000000", "#4d4d4d"


def _short(value: Decimal, unit: str, lang: str) -> str:
    """A figure as the chart writes it: with "%" for a share, the number alone otherwise (the caption and
    the table beside the chart give the unit)."""
    return format_figure(value, "percent", lang) if unit == "percent" else format_number(value, lang)


def _scale(objective: Objective) -> Decimal:
    """The value at the top of the chart: 100 for a share, otherwise a little over the largest figure."""
    if objective.unit == "percent":
        return Decimal(100)
    values = [v for f in objective.years for v in (f.target, f.achieved) if v is not None]
    return max(max(values, default=Decimal(0)) * Decimal("1.15"), Decimal(1))


def description(objective: Objective, lang: str) -> str:
    """The chart in words, year by year: its text alternative."""
    sentences = []
    for figures in objective.by_year():
        target = _short(figures.target, objective.unit, lang)
        if figures.achieved is None:
            sentences.append(qt("chart.year_pending", lang, year=figures.year, target=target))
        else:
            result = qt("result.met" if objective.met(figures) else "result.not_met", lang).lower()
            achieved = _short(figures.achieved, objective.unit, lang)
            sentences.append(qt("chart.year", lang, year=figures.year, achieved=achieved, target=target, result=result))
    return " ".join(sentences)


def objective_chart(objective: Objective, chart_id: str, lang: str) -> Markup:
    """The SVG chart of ``objective``; ``chart_id`` (unique on the page) prefixes the ids inside it."""
    years = objective.by_year()
    width = max(LEFT + SLOT * len(years) + RIGHT, MIN_WIDTH)
    height = TOP + PLOT + BELOW
    base = TOP + PLOT
    top = _scale(objective)

    def y(value: Decimal) -> float:
        return round(base - float(min(value, top) / top) * PLOT, 1)

    hatch = f"{chart_id}-hatch"
    parts = [
        Markup(
            '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{id}-title {id}-desc" '
            'width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-size="13" fill="{ink}">'
        ).format(id=chart_id, w=width, h=height, ink=INK),
        Markup('<title id="{}-title">{}</title>').format(
            chart_id, qt("chart.label", lang, name=objective.name.get(lang))
        ),
        Markup('<desc id="{}-desc">{}</desc>').format(chart_id, description(objective, lang)),
        Markup(
            '<defs><pattern id="{}" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">'
            '<rect width="6" height="6" fill="#ffffff"/>'
            '<line x1="0" y1="0" x2="0" y2="6" stroke="{}" stroke-width="2"/>'
            "</pattern></defs>"
        ).format(hatch, INK),
        *_legend(hatch, lang),
        Markup('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"/>').format(LEFT, base, width - RIGHT, base, INK),
    ]
    for i, figures in enumerate(years):
        centre = LEFT + SLOT * i + SLOT // 2
        target_y = y(figures.target)
        result = objective.met(figures)
        if figures.achieved is not None:
            top_y = y(figures.achieved)
            fill = BAR_FILL if result else f"url(#{hatch})"
            parts.append(
                Markup('<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="{}" stroke-width="1.5"/>').format(
                    centre - BAR // 2, top_y, BAR, round(base - top_y, 1), fill, INK
                )
            )
            label_y = top_y - 6
            if target_y - 16 < label_y < target_y + 14:  # the figure would sit on the target's line: above both
                label_y = min(top_y, target_y) - 6
            parts.append(_text(centre, label_y, _short(figures.achieved, objective.unit, lang), bold=True))
        parts.append(_target_line(centre - BAR // 2 - 12, centre + BAR // 2 + 12, target_y))
        verdict = "result.pending" if result is None else "result.met" if result else "result.not_met"
        target = f"{qt('chart.target', lang)} {_short(figures.target, objective.unit, lang)}"
        parts += [
            _text(centre, base + LINE, str(figures.year), bold=True),
            _text(centre, base + 2 * LINE, target),
            _text(centre, base + 3 * LINE, qt(verdict, lang), bold=result is False),
        ]
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def _target_line(x1: float, x2: float, y: float) -> Markup:
    """The target: a dashed line, on a white line that keeps it visible across a dark bar."""
    return Markup(
        '<line x1="{x1}" y1="{y}" x2="{x2}" y2="{y}" stroke="#ffffff" stroke-width="5"/>'
        '<line x1="{x1}" y1="{y}" x2="{x2}" y2="{y}" stroke="{ink}" stroke-width="2" stroke-dasharray="7 4"/>'
    ).format(x1=x1, x2=x2, y=y, ink=INK)


def _legend(hatch: str, lang: str) -> list[Markup]:
    """The key at the top: the dashed target line, then what the bars are."""
    return [
        _target_line(LEFT, LEFT + 28, 14),
        _text(LEFT + 34, 19, qt("chart.target", lang), anchor="start"),
        Markup('<rect x="{}" y="7" width="14" height="14" fill="{}" stroke="{}"/>').format(LEFT + 120, BAR_FILL, INK),
        _text(LEFT + 140, 19, qt("result.met", lang), anchor="start"),
        Markup('<rect x="{}" y="7" width="14" height="14" fill="url(#{})" stroke="{}"/>').format(
            LEFT + 230, hatch, INK
        ),
        _text(LEFT + 250, 19, qt("result.not_met", lang), anchor="start"),
    ]


def _text(x: float, y: float, text: str, bold: bool = False, anchor: str = "middle") -> Markup:
    weight = ' font-weight="700"' if bold else ""
    return Markup('<text x="{}" y="{}" text-anchor="{}"{}>{}</text>').format(x, y, anchor, Markup(weight), escape(text))
