// File: render/report_html.cc
//
// RenderHtml(): the scorecard as one self-contained HTML5 page that can be
// e-mailed, attached to a committee paper or opened offline: inline CSS and
// inline SVG only, no scripts, no fonts, images or links to fetch. Every
// RAG rating is a word as well as a colour, so the page reads the same
// printed in black and white and to a screen reader. Each percent KPI has
// a monthly trend chart (months without data are gaps, the target a dashed
// line) followed by the same figures as a table.
//
// Every piece of text goes through internal::HtmlText(): file names and
// rejection reasons come from user data and may hold markup or bytes that are
// not UTF-8.
//
// With Report::detail the page opens with a personal-data notice and each
// KPI lists the cases to act on (render/case_lists.h) in a collapsed
// <details>, at most kListedCases of them. Printed, the notice heads every
// page (a @page margin box, where the browser has them) and every page of
// a case table (its <thead> repeats on each page in every browser).

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "render/case_lists.h"
#include "render/text.h"
#include "timescales/render.h"

TSC_NAMESPACE_BEGIN
namespace {

using internal::Grouped;
using internal::Num;
using internal::Percent;
using internal::Signed;

constexpr absl::string_view kStyle = R"css(
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;
color:#1b1b1b;background:#fff;line-height:1.45;margin:0 auto;max-width:72rem;
padding:1.5rem}
h1{font-size:1.6rem;margin:0 0 .25rem}
h2{font-size:1.3rem;border-bottom:1px solid #bbb;padding-bottom:.2rem;
margin-top:2rem}
h3{font-size:1.05rem;margin:0 0 .5rem}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));
gap:1rem}
.tile{border:1px solid #888;border-left:.6rem solid #888;border-radius:4px;
padding:.75rem 1rem}
.tile .value{font-size:2rem;font-weight:700;margin:.25rem 0}
.rag{display:inline-block;font-weight:700;letter-spacing:.05em;
padding:.1rem .5rem;border:2px solid #555;border-radius:3px;margin:0 0 .5rem;
color:#333;background:#fff}
.rag-green{border-left-color:#1e7b34}
.rag-green .rag{color:#fff;background:#1e7b34;border-color:#1e7b34}
.rag-amber{border-left-color:#9a5b00;border-left-style:dashed}
.rag-amber .rag{color:#fff;background:#9a5b00;border-color:#9a5b00}
.rag-red{border-left-color:#b3261e;border-left-style:double}
.rag-red .rag{color:#fff;background:#b3261e;border-color:#b3261e}
dl.facts{display:grid;grid-template-columns:auto 1fr;gap:.15rem .75rem;
margin:0;font-size:.9rem}
dl.facts dt{color:#555}
dl.facts dd{margin:0}
.kpi{margin:1.5rem 0}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;
vertical-align:top}
th{background:#f2f2f2}
.n{text-align:right;font-variant-numeric:tabular-nums}
svg.chart{width:100%;max-width:40rem;height:auto;display:block;
margin:.5rem 0}
.chart text{font-size:11px;fill:#333}
.chart .grid{stroke:#ddd;stroke-width:1}
.chart .axis{stroke:#333;stroke-width:1}
.chart .line{fill:none;stroke:#1f4e79;stroke-width:2}
.chart .point{fill:#1f4e79}
.chart .target{stroke:#000;stroke-width:1.5;stroke-dasharray:6 4}
.chart .gap{fill:#666;font-style:italic}
details{margin:.5rem 0}
summary{cursor:pointer;font-weight:600}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}
footer{margin-top:2rem;font-size:.85rem;color:#444}
@media print{
body{max-width:none;padding:0;font-size:10pt}
h2,h3{break-after:avoid;page-break-after:avoid}
.tile,svg.chart{break-inside:avoid;page-break-inside:avoid}
.tile,.rag{-webkit-print-color-adjust:exact;print-color-adjust:exact}
details::details-content{content-visibility:visible}
}
)css";

// Added only with detail, so a report without it is unchanged.
constexpr absl::string_view kDetailStyle = R"css(.personal-data{
border:3px solid #b3261e;background:#fdecea;font-weight:700;
padding:.5rem .75rem;margin:0 0 1rem}
.cases th.notice{background:#fdecea;color:#8c1d18}
@page{@top-center{content:"Contains personal data: children's identifiers. For the council's own use; do not publish or share.";
font-size:9pt}}
@media print{
.personal-data,.cases th.notice{-webkit-print-color-adjust:exact;
print-color-adjust:exact}
.cases thead{display:table-header-group}
.cases tr{break-inside:avoid;page-break-inside:avoid}
}
)css";

bool IsPercent(const KpiResult& kpi) { return kpi.unit == "percent"; }

std::string Figure(const KpiResult& kpi, double v) {
  return IsPercent(kpi) ? Num(v) + "%" : Num(v);
}

std::optional<double> Finite(const std::optional<double>& v) {
  if (v && std::isfinite(*v)) return v;
  return std::nullopt;
}

std::string ValueText(const KpiResult& kpi, const KpiCounts& counts) {
  const std::optional<double> v = Finite(counts.value);
  if (!v) return "n/a";
  return IsPercent(kpi) ? Percent(*v) : Num(*v);
}

// The unit of a difference: percentage points for a percent KPI.
std::string Points(const KpiResult& kpi, double diff) {
  return IsPercent(kpi) ? Signed(diff) + " pp" : Signed(diff);
}

std::string TargetText(const KpiResult& kpi) {
  const bool higher = kpi.target->polarity == Polarity::kHigherIsBetter;
  return absl::StrCat(higher ? "at least " : "at most ",
                      Figure(kpi, kpi.target->target), " (amber within ",
                      Num(kpi.target->amber_tolerance),
                      IsPercent(kpi) ? " pp)" : ")");
}

// The RAG word, and the class that colours the tile.
std::string RagWord(const KpiResult& kpi) {
  if (!kpi.target) return "NO TARGET";
  if (!kpi.rag) return "NOT RATED";
  std::string word = *kpi.rag;
  for (char& c : word) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return word;
}

std::string RagClass(const KpiResult& kpi) {
  if (kpi.rag &&
      (*kpi.rag == "green" || *kpi.rag == "amber" || *kpi.rag == "red")) {
    return "rag-" + *kpi.rag;
  }
  return "rag-none";
}

std::string ChangeText(const KpiResult& kpi) {
  const std::optional<double> now = Finite(kpi.headline.value);
  const std::optional<double> before =
      kpi.previous ? Finite(kpi.previous->value) : std::nullopt;
  if (!now || !before) return "";
  const double diff = std::round((*now - *before) * 100.0) / 100.0;
  if (diff == 0.0) return "no change";
  std::string out = Points(kpi, diff);
  // Better or worse is only known when the target says which way is up.
  if (kpi.target) {
    const bool higher = kpi.target->polarity == Polarity::kHigherIsBetter;
    out += (diff > 0) == higher ? " (better)" : " (worse)";
  }
  return out;
}

std::string Fact(absl::string_view term, absl::string_view definition) {
  return absl::StrCat("<dt>", term, "</dt><dd>", definition, "</dd>");
}

std::string PreviousFact(const KpiResult& kpi) {
  std::string text = ValueText(kpi, *kpi.previous);
  if (kpi.previous_period) {
    absl::StrAppend(&text, " in ",
                    internal::HtmlText(kpi.previous_period->label));
  }
  const std::string change = ChangeText(kpi);
  if (!change.empty()) absl::StrAppend(&text, "; change ", change);
  return Fact("Previous", text);
}

std::string Tile(const KpiResult& kpi) {
  std::string facts =
      Fact("Counted", absl::StrCat(Grouped(kpi.headline.numerator), " of ",
                                   Grouped(kpi.headline.denominator)));
  if (kpi.target) absl::StrAppend(&facts, Fact("Target", TargetText(kpi)));
  if (kpi.previous) absl::StrAppend(&facts, PreviousFact(kpi));
  for (const auto& [name, comparator] : kpi.benchmarks) {
    std::string text = Figure(kpi, comparator.first);
    if (comparator.second) {
      absl::StrAppend(&text, " (ours ", Points(kpi, *comparator.second), ")");
    }
    absl::StrAppend(&facts, Fact(internal::HtmlText(name), text));
  }
  return absl::StrCat(
      "<article class=\"tile ", RagClass(kpi), "\">\n<h3>",
      internal::HtmlText(kpi.title), "</h3>\n<p class=\"value\">",
      ValueText(kpi, kpi.headline), "</p>\n<p class=\"rag\">",
      internal::HtmlText(RagWord(kpi)), "</p>\n<dl class=\"facts\">", facts,
      "</dl>\n</article>\n");
}

std::string Code(absl::string_view s) {
  return absl::StrCat("<code>", internal::HtmlText(s), "</code>");
}

void AppendScorecard(const Report& report, std::string* out) {
  absl::StrAppend(out, "<section>\n<h2>Scorecard</h2>\n");
  if (report.kpis.empty()) {
    absl::StrAppend(out, "<p>No KPI could be computed from the inputs.</p>\n");
  } else {
    absl::StrAppend(out, "<div class=\"tiles\">\n");
    for (const KpiResult& kpi : report.kpis) absl::StrAppend(out, Tile(kpi));
    absl::StrAppend(out, "</div>\n");
  }
  if (!report.missing.empty()) {
    std::vector<std::string> ids;
    for (const std::string& id : report.missing) ids.push_back(Code(id));
    absl::StrAppend(out,
                    "<p>Not reported (their source table is absent from the "
                    "inputs): ",
                    absl::StrJoin(ids, ", "), ".</p>\n");
  }
  absl::StrAppend(out, "</section>\n");
}

// ---- The trend chart --------------------------------------------------------

// The drawing area inside a 640 x 240 view box; the margins hold the axis
// labels.
constexpr int kWidth = 640, kHeight = 240;
constexpr double kLeft = 56, kRight = 16, kTop = 16, kBottom = 52;
constexpr double kPlotWidth = kWidth - kLeft - kRight;
constexpr double kPlotBottom = kHeight - kBottom;
constexpr double kPlotHeight = kPlotBottom - kTop;

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string Coord(double v) { return absl::StrFormat("%.1f", v); }

// The vertical axis, [lo, hi] percent with a gridline every `step`.
struct Scale {
  double lo = 0;
  double hi = 100;
  double step = 20;

  double YOf(double percent) const {
    const double v = percent < lo ? lo : (percent > hi ? hi : percent);
    return kTop + kPlotHeight * (hi - v) / (hi - lo);
  }
};

// The axis spans the values and the target, rounded out to a round step
// and never less than 10 points, so that LAC timeliness between 97% and
// 99% shows its trend instead of a flat line at the top of a 0-100 axis,
// while a 0.5-point wobble does not look like a cliff. The tick labels say
// where the axis starts.
Scale ScaleFor(const KpiResult& kpi) {
  std::optional<double> lo, hi;
  const auto include = [&](double v) {
    if (!lo || v < *lo) lo = v;
    if (!hi || v > *hi) hi = v;
  };
  for (const auto& month : kpi.monthly) {
    if (month.second.value && std::isfinite(*month.second.value)) {
      include(*month.second.value);
    }
  }
  if (kpi.target && std::isfinite(kpi.target->target)) {
    include(kpi.target->target);
  }
  Scale scale;
  if (!lo) return scale;
  // Half a point of room, so the lowest month does not sit on the axis.
  double a = std::max(0.0, *lo - 0.5), b = std::min(100.0, *hi + 0.5);
  if (b - a < 10) {
    const double mid = (a + b) / 2;
    a = std::max(0.0, mid - 5);
    b = std::min(100.0, a + 10);
    a = b - 10;
  }
  for (double step : {2.0, 5.0, 10.0, 20.0}) {
    scale.step = step;
    if (std::ceil(b / step) - std::floor(a / step) <= 5) break;
  }
  scale.lo = std::floor(a / scale.step) * scale.step;
  scale.hi = std::ceil(b / scale.step) * scale.step;
  return scale;
}

double XOf(size_t i, size_t n) {
  return kLeft +
         kPlotWidth * (static_cast<double>(i) + 0.5) / static_cast<double>(n);
}

// "2019-04" -> month 4, year "2019"; false for another shape.
bool SplitMonth(absl::string_view label, int* month, std::string* year) {
  if (label.size() != 7 || label[4] != '-') return false;
  *month = (label[5] - '0') * 10 + (label[6] - '0');
  *year = std::string(label.substr(0, 4));
  return *month >= 1 && *month <= 12;
}

std::string MonthName(absl::string_view label) {
  int month = 0;
  std::string year;
  if (!SplitMonth(label, &month, &year)) return internal::HtmlText(label);
  return absl::StrCat(kMonths[month - 1], " ", internal::HtmlText(year));
}

std::string Text(double x, double y, absl::string_view anchor,
                 absl::string_view text, absl::string_view extra = "") {
  return absl::StrCat("<text x=\"", Coord(x), "\" y=\"", Coord(y),
                      "\" text-anchor=\"", anchor, "\"", extra, ">", text,
                      "</text>\n");
}

std::string Line(absl::string_view cls, double x1, double y1, double x2,
                 double y2) {
  return absl::StrCat("<line class=\"", cls, "\" x1=\"", Coord(x1), "\" y1=\"",
                      Coord(y1), "\" x2=\"", Coord(x2), "\" y2=\"", Coord(y2),
                      "\"/>\n");
}

std::string ChartFrame(const Scale& scale) {
  std::string out;
  const int ticks =
      static_cast<int>(std::lround((scale.hi - scale.lo) / scale.step));
  for (int i = 0; i <= ticks; ++i) {
    const double tick = scale.lo + i * scale.step;
    const double y = scale.YOf(tick);
    absl::StrAppend(&out, Line("grid", kLeft, y, kWidth - kRight, y),
                    Text(kLeft - 6, y + 4, "end", Num(tick) + "%"));
  }
  const double middle = kTop + kPlotHeight / 2;
  absl::StrAppend(
      &out, Line("axis", kLeft, kTop, kLeft, kPlotBottom),
      Line("axis", kLeft, kPlotBottom, kWidth - kRight, kPlotBottom),
      Text(14, middle, "middle", "Percent",
           absl::StrCat(" transform=\"rotate(-90 14 ", Coord(middle), ")\"")),
      Text(kLeft + kPlotWidth / 2, kHeight - 6, "middle", "Month"));
  return out;
}

// Month names under the axis, the year under the first and under each
// January; every k-th month only when there are more than twelve.
std::string MonthLabels(const KpiResult& kpi) {
  const size_t n = kpi.monthly.size();
  const size_t step = (n + 11) / 12;
  std::string out;
  std::string last_year;
  for (size_t i = 0; i < n; i += step) {
    const std::string& label = kpi.monthly[i].first;
    int month = 0;
    std::string year;
    const double x = XOf(i, n);
    if (!SplitMonth(label, &month, &year)) {
      absl::StrAppend(
          &out, Text(x, kPlotBottom + 14, "middle", internal::HtmlText(label)));
      continue;
    }
    absl::StrAppend(&out,
                    Text(x, kPlotBottom + 14, "middle", kMonths[month - 1]));
    if (year != last_year) {
      absl::StrAppend(
          &out, Text(x, kPlotBottom + 27, "middle", internal::HtmlText(year)));
      last_year = year;
    }
  }
  return out;
}

std::string TargetLine(const KpiResult& kpi, const Scale& scale) {
  if (!kpi.target) return "";
  const double y = scale.YOf(kpi.target->target);
  return absl::StrCat(
      Line("target", kLeft, y, kWidth - kRight, y),
      Text(kWidth - kRight, y - 4, "end",
           absl::StrCat("Target ", Figure(kpi, kpi.target->target))));
}

// The series as polylines broken at null months (a month with nothing to
// count is a gap, not a zero), a marker with a tooltip on every month with
// a value, and "n/a" on the axis for the others.
std::string Series(const KpiResult& kpi, const Scale& scale) {
  const size_t n = kpi.monthly.size();
  std::string lines, marks;
  std::vector<std::string> run;
  const auto flush = [&]() {
    if (run.size() > 1) {
      absl::StrAppend(&lines, "<polyline class=\"line\" points=\"",
                      absl::StrJoin(run, " "), "\"/>\n");
    }
    run.clear();
  };
  for (size_t i = 0; i < n; ++i) {
    const auto& [label, counts] = kpi.monthly[i];
    const double x = XOf(i, n);
    const std::optional<double> v = Finite(counts.value);
    if (!v) {
      flush();
      absl::StrAppend(
          &marks, Text(x, kPlotBottom - 4, "middle", "n/a", " class=\"gap\""));
      continue;
    }
    const std::string y = Coord(scale.YOf(*v));
    run.push_back(absl::StrCat(Coord(x), ",", y));
    absl::StrAppend(&marks, "<circle class=\"point\" cx=\"", Coord(x),
                    "\" cy=\"", y, "\" r=\"3\"><title>", MonthName(label), ": ",
                    Percent(*v), " (", Grouped(counts.numerator), " of ",
                    Grouped(counts.denominator), ")</title></circle>\n");
  }
  flush();
  return lines + marks;
}

std::string Chart(const KpiResult& kpi, size_t index) {
  const std::string id = absl::StrCat("chart-", index);
  const Scale scale = ScaleFor(kpi);
  std::string desc = absl::StrCat(
      "Percent by month, ", MonthName(kpi.monthly.front().first), " to ",
      MonthName(kpi.monthly.back().first), "; the vertical axis runs from ",
      Num(scale.lo), "% to ", Num(scale.hi), "%.");
  if (kpi.target) {
    absl::StrAppend(&desc, " Dashed line: target ",
                    Figure(kpi, kpi.target->target), ".");
  }
  absl::StrAppend(&desc, " Months with nothing to count are gaps.");
  return absl::StrCat("<svg class=\"chart\" viewBox=\"0 0 ", kWidth, " ",
                      kHeight, "\" role=\"img\" aria-labelledby=\"", id,
                      "-title ", id, "-desc\">\n<title id=\"", id,
                      "-title\">Monthly trend: ", internal::HtmlText(kpi.title),
                      "</title>\n<desc id=\"", id, "-desc\">", desc,
                      "</desc>\n", ChartFrame(scale), MonthLabels(kpi),
                      TargetLine(kpi, scale), Series(kpi, scale), "</svg>\n");
}

// ---- Per-KPI detail ---------------------------------------------------------

std::string Cell(absl::string_view text, bool numeric = false) {
  return absl::StrCat(numeric ? "<td class=\"n\">" : "<td>", text, "</td>");
}

std::string HeadCell(absl::string_view text, bool numeric = false) {
  return absl::StrCat(
      numeric ? "<th scope=\"col\" class=\"n\">" : "<th scope=\"col\">", text,
      "</th>");
}

std::string MonthlyTable(const KpiResult& kpi) {
  std::string out =
      absl::StrCat("<table>\n<caption>Monthly figures</caption>\n<thead><tr>",
                   HeadCell("Month"), HeadCell("Value", true),
                   HeadCell("Numerator", true), HeadCell("Denominator", true),
                   kpi.has_overdue ? HeadCell("Overdue", true) : "",
                   "</tr></thead>\n<tbody>\n");
  for (const auto& [label, counts] : kpi.monthly) {
    absl::StrAppend(&out, "<tr>", Cell(MonthName(label)),
                    Cell(ValueText(kpi, counts), true),
                    Cell(Grouped(counts.numerator), true),
                    Cell(Grouped(counts.denominator), true),
                    kpi.has_overdue
                        ? Cell(Grouped(counts.overdue_at_period_end), true)
                        : "",
                    "</tr>\n");
  }
  absl::StrAppend(&out, "</tbody>\n</table>\n");
  return out;
}

std::string Exclusions(const KpiCounts& counts) {
  if (counts.excluded.empty()) return "<p>Excluded: none.</p>\n";
  int64_t total = 0;
  std::string items;
  for (const auto& [reason, n] : counts.excluded) {
    absl::StrAppend(&items, "<li>", Code(reason), ": ", Grouped(n), "</li>\n");
    total += n;
  }
  return absl::StrCat("<p>Excluded: ", Grouped(total), "</p>\n<ul>\n", items,
                      "</ul>\n");
}

std::string DueText(const CaseRow& row) {
  if (!row.due) return "-";
  std::string out = row.due->ToString();
  if (row.practical_due && *row.practical_due != *row.due) {
    absl::StrAppend(&out, " (practical ", row.practical_due->ToString(), ")");
  }
  return out;
}

constexpr int kCaseColumns = 8;

std::string CaseList(const Report& report, const KpiResult& kpi) {
  const size_t listed = internal::ListedCaseCount(kpi);
  const std::string title = internal::CaseListTitle(kpi);
  if (listed == 0) return absl::StrCat("<p>", title, ": none.</p>\n");
  std::string out =
      absl::StrCat("<details class=\"cases\">\n<summary>", title, " (",
                   Grouped(static_cast<int64_t>(listed)),
                   ")</summary>\n<table>\n<thead>\n<tr><th colspan=\"",
                   kCaseColumns, "\" scope=\"colgroup\" class=\"notice\">",
                   internal::HtmlText(internal::kPersonalDataNotice),
                   "</th></tr>\n<tr>", HeadCell("Child"), HeadCell("Item"),
                   HeadCell("Date"), HeadCell("Outcome"), HeadCell("Due"),
                   HeadCell("Late (working days)", true), HeadCell("Chair"),
                   HeadCell("Source"), "</tr>\n</thead>\n<tbody>\n");
  size_t shown = 0;
  for (const CaseRow& row : kpi.cases) {
    if (shown == internal::kListedCases) break;
    if (!internal::ListsCase(kpi, row)) continue;
    ++shown;
    absl::StrAppend(
        &out, "<tr>", Cell(internal::HtmlText(row.child)),
        Cell(internal::HtmlText(internal::PlainCaseItem(kpi, row.item))),
        Cell(row.date.ToString()),
        Cell(internal::HtmlText(internal::PlainCaseOutcome(kpi, row))),
        Cell(DueText(row)),
        Cell(row.late_working_days ? absl::StrCat(*row.late_working_days) : "-",
             true),
        Cell(row.chair_id ? internal::HtmlText(*row.chair_id) : "-"),
        Cell(Code(report.SourceOf(row.source))), "</tr>\n");
  }
  absl::StrAppend(&out, "</tbody>\n</table>\n");
  if (listed > shown) {
    absl::StrAppend(
        &out, "<p>The first ", Grouped(static_cast<int64_t>(shown)), " of ",
        Grouped(static_cast<int64_t>(listed)), "; the other ",
        Grouped(static_cast<int64_t>(listed - shown)),
        " are in the full list, in the CSV: ", Code(internal::kFullListCommand),
        " or ", Code(internal::kCasesCommand), ".</p>\n");
  }
  absl::StrAppend(&out, "</details>\n");
  return out;
}

std::string KpiSection(const Report& report, const KpiResult& kpi,
                       size_t index) {
  std::string out = absl::StrCat(
      "<section class=\"kpi\" id=\"kpi-", internal::HtmlText(kpi.id),
      "\">\n<h3>", internal::HtmlText(kpi.title), "</h3>\n<p>", Code(kpi.id),
      ": ", ValueText(kpi, kpi.headline), " (", Grouped(kpi.headline.numerator),
      " of ", Grouped(kpi.headline.denominator), ").");
  if (kpi.has_overdue) {
    absl::StrAppend(&out, " Overdue at the end of the period: ",
                    Grouped(kpi.headline.overdue_at_period_end), ".");
  }
  absl::StrAppend(&out, "</p>\n", Exclusions(kpi.headline));
  if (!kpi.monthly.empty()) {
    if (IsPercent(kpi)) absl::StrAppend(&out, Chart(kpi, index));
    absl::StrAppend(&out, MonthlyTable(kpi));
  }
  if (report.detail) absl::StrAppend(&out, CaseList(report, kpi));
  absl::StrAppend(&out, "</section>\n");
  return out;
}

void AppendDetails(const Report& report, std::string* out) {
  if (report.kpis.empty()) return;
  absl::StrAppend(out, "<section>\n<h2>KPI details</h2>\n");
  for (size_t i = 0; i < report.kpis.size(); ++i) {
    absl::StrAppend(out, KpiSection(report, report.kpis[i], i + 1));
  }
  absl::StrAppend(out, "</section>\n");
}

// ---- Breakdown and inputs ---------------------------------------------------

std::string ChairCell(const KpiCounts& counts) {
  const std::optional<double> v = Finite(counts.value);
  return Cell(
      absl::StrCat(v ? Percent(*v) : "n/a", " (", Grouped(counts.numerator),
                   " of ", Grouped(counts.denominator), ")"),
      true);
}

void AppendChairs(const Report& report, std::string* out) {
  if (report.by_chair.empty()) return;
  absl::StrAppend(out, "<section>\n<h2>By chair</h2>\n<table>\n<thead><tr>",
                  HeadCell("Chair"), HeadCell("Meetings", true),
                  HeadCell("QA alerts", true),
                  HeadCell("Decisions within 5 working days", true),
                  HeadCell("Record within 20 working days", true),
                  HeadCell("Social worker report 24 hours before", true),
                  "</tr></thead>\n<tbody>\n");
  for (const ChairRow& row : report.by_chair) {
    absl::StrAppend(out, "<tr>", Cell(internal::HtmlText(row.chair_id)),
                    Cell(Grouped(row.meetings), true),
                    Cell(Grouped(row.qa_alerts), true),
                    ChairCell(row.decisions), ChairCell(row.record),
                    ChairCell(row.sw_report), "</tr>\n");
  }
  absl::StrAppend(out, "</tbody>\n</table>\n</section>\n");
}

void AppendFiles(const Report& report, std::string* out) {
  if (report.files.empty()) {
    absl::StrAppend(out, "<p>No input files.</p>\n");
    return;
  }
  absl::StrAppend(out, "<table>\n<caption>Files read</caption>\n<thead><tr>",
                  HeadCell("File"), HeadCell("Table"), HeadCell("Rows", true),
                  HeadCell("Rejected", true), "</tr></thead>\n<tbody>\n");
  for (const InputFile& file : report.files) {
    std::string table = internal::HtmlText(file.table);
    if (file.ignored) absl::StrAppend(&table, " (not used by the KPIs)");
    absl::StrAppend(out, "<tr>", Cell(Code(file.path)), Cell(table),
                    Cell(Grouped(file.rows), true),
                    Cell(Grouped(file.rejected), true), "</tr>\n");
  }
  absl::StrAppend(out, "</tbody>\n</table>\n");
}

void AppendReconciliation(const Report& report, std::string* out) {
  if (report.reconciliation.empty()) return;
  absl::StrAppend(out,
                  "<table>\n<caption>Rows by table: read = rejected + kept"
                  "</caption>\n<thead><tr>",
                  HeadCell("Table"), HeadCell("Read", true),
                  HeadCell("Rejected", true), HeadCell("Kept", true),
                  "</tr></thead>\n<tbody>\n");
  for (const TableReconciliation& t : report.reconciliation) {
    absl::StrAppend(out, "<tr>", Cell(internal::HtmlText(t.table)),
                    Cell(Grouped(t.read), true),
                    Cell(Grouped(t.rejected), true),
                    Cell(Grouped(t.kept), true), "</tr>\n");
  }
  absl::StrAppend(out, "</tbody>\n</table>\n");
}

// Collapsed, because a bad extract can reject thousands of rows; all of
// them are listed, nothing is dropped.
void AppendProblems(absl::string_view heading,
                    const std::vector<Rejection>& rows, std::string* out) {
  if (rows.empty()) return;
  absl::StrAppend(out, "<details>\n<summary>", heading, " (",
                  Grouped(static_cast<int64_t>(rows.size())),
                  ")</summary>\n<table>\n<thead><tr>", HeadCell("File"),
                  HeadCell("Line", true), HeadCell("Reason"),
                  "</tr></thead>\n<tbody>\n");
  for (const Rejection& r : rows) {
    absl::StrAppend(out, "<tr>", Cell(Code(r.path)),
                    Cell(absl::StrCat(r.line), true),
                    Cell(internal::HtmlText(r.reason)), "</tr>\n");
  }
  absl::StrAppend(out, "</tbody>\n</table>\n</details>\n");
}

// The judgements on the inputs as a whole, open and first: they say
// whether the figures can be trusted at all.
void AppendDataProblems(const Report& report, std::string* out) {
  if (report.data_problems.empty()) return;
  absl::StrAppend(out, "<h3>Data quality: figures at risk</h3>\n<ul>\n");
  for (const DataProblem& p : report.data_problems) {
    absl::StrAppend(out, "<li>", internal::HtmlText(p.message), "</li>\n");
  }
  absl::StrAppend(out, "</ul>\n");
}

void AppendInputs(const Report& report, std::string* out) {
  absl::StrAppend(out, "<section>\n<h2>Inputs</h2>\n");
  AppendDataProblems(report, out);
  AppendFiles(report, out);
  AppendReconciliation(report, out);
  AppendProblems("Rejected rows", report.rejections, out);
  AppendProblems("Warnings", report.warnings, out);
  absl::StrAppend(out, "</section>\n");
}

std::string CoverageText(const std::optional<Date>& date) {
  return date ? date->ToString() : "not known";
}

void AppendFooter(const Report& report, std::string* out) {
  absl::StrAppend(
      out, "<footer>\n<h2>Method</h2>\n<ul>\n",
      "<li>Coverage start (first date the data hold every review): LAC ",
      CoverageText(report.lac_coverage_start), ", CP ",
      CoverageText(report.cp_coverage_start),
      ".</li>\n<li>Policy: ", internal::HtmlText(report.policy),
      "</li>\n<li>Calendar: ", internal::HtmlText(report.calendar),
      "</li>\n</ul>\n</footer>\n");
}

}  // namespace

std::string RenderHtml(const Report& report) {
  const std::string title = absl::StrCat(
      "IRO KPI scorecard: ", internal::HtmlText(report.period.label));
  std::string out = absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n"
      "<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\">\n<title>",
      title, "</title>\n<style>", kStyle, report.detail ? kDetailStyle : "",
      "</style>\n</head>\n<body>\n",
      report.detail
          ? absl::StrCat("<p class=\"personal-data\" role=\"note\">",
                         internal::HtmlText(internal::kPersonalDataNotice),
                         "</p>\n")
          : "",
      "<header>\n<h1>", title, "</h1>\n<p>Reporting period ",
      report.period.start.ToString(), " to ", report.period.end.ToString(),
      ", as at the end of the period.</p>\n</header>\n<main>\n");
  AppendScorecard(report, &out);
  AppendDetails(report, &out);
  AppendChairs(report, &out);
  AppendInputs(report, &out);
  absl::StrAppend(&out, "</main>\n");
  AppendFooter(report, &out);
  absl::StrAppend(&out, "</body>\n</html>\n");
  return out;
}

TSC_NAMESPACE_END
