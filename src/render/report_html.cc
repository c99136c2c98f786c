// File: render/report_html.cc
//
// RenderHtml(): the IRO annual report as one self-contained HTML5 page fit
// to go in a committee paper (docs/kpis.md#report-page): inline CSS and
// inline SVG only, no scripts, no fonts, images or links to fetch. It reads
// top-down as the report a corporate parenting board expects: a title block
// (council, title, period, when and with what it was made), the context
// counts, the report's narrative, the scorecard tiles, then each KPI with a
// chart, what the figure counts in plain words, what was left out and why,
// and its narrative; the participation mix, the per-chair table and the
// data-quality section close it. Monthly tables are collapsed.
//
// Every RAG rating is a word as well as a colour, so the page reads the same
// printed in black and white and to a screen reader. Printed, it is A4 with
// the council and period at the head of every page; a KPI is never split
// from its heading or chart.
//
// Every piece of text goes through internal::HtmlText() (the narrative
// through NarrativeHtml(), which escapes it too): file names, rejection
// reasons and the configuration may hold markup or bytes that are not UTF-8.
//
// With Report::detail the page opens with a personal-data notice and each
// KPI lists the cases to act on (render/case_lists.h) in a collapsed
// <details>, at most kListedCases of them. Printed, the notice heads every
// page (a @page margin box) and every page of a case table (its <thead>
// repeats on each page in every browser).

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "render/case_lists.h"
#include "render/narrative.h"
#include "render/text.h"
#include "timescales/render.h"

TSC_NAMESPACE_BEGIN
namespace {

using internal::Grouped;
using internal::HtmlText;
using internal::Num;
using internal::Percent;

constexpr absl::string_view kStyle = R"css(
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;
color:#1b1b1b;background:#fff;line-height:1.4;margin:0 auto;max-width:60rem;
padding:1.5rem}
header.title{border-bottom:3px solid #1f4e79;padding-bottom:.5rem;
margin-bottom:1rem}
.council{font-size:1rem;font-weight:700;color:#1f4e79;margin:0;
text-transform:uppercase;letter-spacing:.04em}
h1{font-size:1.7rem;margin:.1rem 0 .2rem}
.period{font-size:1.05rem;margin:0}
.meta{font-size:.8rem;color:#555;margin:.3rem 0 0}
h2{font-size:1.25rem;border-bottom:1px solid #bbb;padding-bottom:.15rem;
margin:1.6rem 0 .6rem;break-after:avoid;page-break-after:avoid}
h3{font-size:1rem;margin:0 0 .4rem;break-after:avoid;page-break-after:avoid}
p{margin:.3rem 0}
ul.context{list-style:none;padding:0;margin:0;display:grid;
grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.5rem}
ul.context li{border:1px solid #bbb;border-radius:4px;padding:.4rem .6rem}
ul.context .num{display:block;font-size:1.4rem;font-weight:700}
ul.context .what{font-size:.85rem;color:#333}
.narrative{border-left:4px solid #1f4e79;padding:.1rem .8rem;margin:.5rem 0;
background:#f5f8fb}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));
gap:.6rem}
.tile{border:1px solid #888;border-left:.5rem solid #888;border-radius:4px;
padding:.45rem .7rem;font-size:.85rem;break-inside:avoid;
page-break-inside:avoid}
.tile h3{font-size:.9rem;margin:0 0 .2rem}
.tile .value{font-size:1.5rem;font-weight:700;margin:0}
.tile .value .rag{font-size:.75rem;vertical-align:middle;margin-left:.5rem}
.tile ul{margin:.2rem 0 0;padding-left:1rem}
.rag{display:inline-block;font-weight:700;letter-spacing:.05em;
padding:.05rem .4rem;border:2px solid #555;border-radius:3px;color:#333;
background:#fff}
.rag-green{border-left-color:#1e7b34}
.rag-green .rag{color:#fff;background:#1e7b34;border-color:#1e7b34}
.rag-amber{border-left-color:#9a5b00;border-left-style:dashed}
.rag-amber .rag{color:#fff;background:#9a5b00;border-color:#9a5b00}
.rag-red{border-left-color:#b3261e;border-left-style:double}
.rag-red .rag{color:#fff;background:#b3261e;border-color:#b3261e}
.howto{font-size:.85rem;color:#333}
.badge-green{color:#fff;background:#1e7b34;border-color:#1e7b34}
.badge-amber{color:#fff;background:#9a5b00;border-color:#9a5b00}
.badge-red{color:#fff;background:#b3261e;border-color:#b3261e}
.kpi{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);
gap:0 1rem;margin:0 0 1rem;padding-top:.6rem;border-top:1px solid #ddd;
break-inside:avoid;page-break-inside:avoid}
.kpi>h3,.kpi>.wide{grid-column:1/-1}
.kpi .facts{font-size:.85rem}
.kpi .facts ul{margin:.2rem 0;padding-left:1rem}
.kpi .result{font-size:.95rem}
table{border-collapse:collapse;margin:.4rem 0 .8rem;font-size:.85rem;
max-width:100%}
table.mix{width:100%}
table.mix small{font-weight:400;color:#444}
caption{text-align:left;font-weight:600;padding:.2rem 0}
th,td{border:1px solid #ccc;padding:.2rem .45rem;text-align:left;
vertical-align:top}
th{background:#f2f2f2}
.n{text-align:right;font-variant-numeric:tabular-nums}
svg.chart{width:100%;height:auto;display:block;margin:.2rem 0}
.chart text{font-size:11px;fill:#333}
.chart .small{font-size:9.5px;fill:#444}
.chart .grid{stroke:#e2e2e2;stroke-width:1}
.chart .axis{stroke:#333;stroke-width:1}
.chart .line{fill:none;stroke:#1f4e79;stroke-width:2.5}
.chart .point{fill:#1f4e79}
.chart .bar{fill:#1f4e79}
.chart .earlier{fill:none;stroke-width:1.5}
.chart .earlier-1{stroke:#777}
.chart .earlier-2{stroke:#aaa;stroke-dasharray:5 2}
.chart .earlier-3{stroke:#c8c8c8;stroke-dasharray:2 2}
.chart .target{stroke:#000;stroke-width:1.5;stroke-dasharray:6 4}
.chart .benchmark{stroke:#9a5b00;stroke-width:1.2;stroke-dasharray:1 3}
.chart .label-current{fill:#1f4e79;font-weight:700}
.chart .end{font-size:10px}
.chart .label-earlier{fill:#555}
.chart .label-benchmark{fill:#7a4800}
.chart .gap{fill:#666;font-style:italic}
details{margin:.3rem 0}
summary{cursor:pointer;font-weight:600;font-size:.9rem}
code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}
footer{margin-top:1.5rem;font-size:.8rem;color:#444}
footer h2{font-size:1rem}
@media (max-width:40rem){.kpi{grid-template-columns:1fr}}
@page{size:A4;margin:16mm 12mm 14mm}
@media print{
body{max-width:none;padding:0;font-size:9pt}
h1{font-size:16pt}
h2{font-size:12pt;margin:.8rem 0 .4rem}
.tiles{grid-template-columns:repeat(4,1fr);gap:.3rem}
.tile{font-size:7.5pt;padding:.25rem .4rem;line-height:1.3}
.tile h3{font-size:8pt}
.tile .value{font-size:12pt}
ul.context{grid-template-columns:repeat(5,1fr)}
ul.context li{padding:.2rem .4rem}
ul.context .num{font-size:14pt}
ul.context .what{font-size:8pt}
.kpi .facts{font-size:8pt}
.kpi .result{font-size:9pt}
.chairs{break-inside:avoid;page-break-inside:avoid}
.kpi{margin-bottom:.4rem;padding-top:.35rem}
table{font-size:8pt}
.tile,.rag,.narrative,.kpi .rag{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.kpi details:not(.cases){display:none}
}
)css";

// Added only with detail, so a report without it is unchanged.
constexpr absl::string_view kDetailStyle = R"css(.personal-data{
border:3px solid #b3261e;background:#fdecea;font-weight:700;
padding:.5rem .75rem;margin:0 0 1rem}
.cases th.notice{background:#fdecea;color:#8c1d18}
.cases td:nth-child(3),.cases td:nth-child(5){white-space:nowrap}
@page{@top-center{content:"Contains personal data: children's identifiers. For the council's own use; do not publish or share.";
font-size:8pt;color:#8c1d18}}
@media print{
.personal-data,.cases th.notice{-webkit-print-color-adjust:exact;
print-color-adjust:exact}
.cases thead{display:table-header-group}
.cases tr{break-inside:avoid;page-break-inside:avoid}
details.cases::details-content{content-visibility:visible}
details.cases>summary{display:block}
}
)css";

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr const char* kMonthNames[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

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

// "1 April 2019".
std::string LongDate(const Date& d) {
  const std::string iso = d.ToString();  // yyyy-mm-dd
  if (iso.size() != 10) return HtmlText(iso);
  const int month = (iso[5] - '0') * 10 + (iso[6] - '0');
  const int day = (iso[8] - '0') * 10 + (iso[9] - '0');
  if (month < 1 || month > 12) return HtmlText(iso);
  return absl::StrCat(day, " ", kMonthNames[month - 1], " ", iso.substr(0, 4));
}

// "1.5 points higher", "2 lower", "the same": the distance of `diff` in
// the KPI's unit, and which way.
std::string Distance(const KpiResult& kpi, double diff) {
  if (std::fabs(diff) < 0.005) return "the same";
  const std::string amount = Num(std::fabs(diff));
  const std::string unit =
      IsPercent(kpi) ? (amount == "1" ? " point" : " points") : "";
  return absl::StrCat(amount, unit, diff > 0 ? " higher" : " lower");
}

// ", better" or ", worse" when the target says which way is up.
std::string Better(const KpiResult& kpi, double diff) {
  if (!kpi.target || std::fabs(diff) < 0.005) return "";
  const bool higher = kpi.target->polarity == Polarity::kHigherIsBetter;
  return (diff > 0) == higher ? " (better)" : " (worse)";
}

std::string TargetText(const KpiResult& kpi) {
  const bool higher = kpi.target->polarity == Polarity::kHigherIsBetter;
  std::string out = absl::StrCat(higher ? "at least " : "at most ",
                                 Figure(kpi, kpi.target->target));
  if (kpi.target->amber_tolerance > 0) {
    absl::StrAppend(&out, "; amber within ", Num(kpi.target->amber_tolerance),
                    IsPercent(kpi) ? " points" : "");
  }
  return out;
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

// What the numerator and denominator are, in words: "1,194 of 1,213 reviews
// due were held on time".
std::string CountedText(const KpiResult& kpi, const KpiCounts& c) {
  const std::string n = Grouped(c.numerator), d = Grouped(c.denominator);
  const std::string& id = kpi.id;
  if (id == "lac_review_timeliness")
    return absl::StrCat(n, " of ", d, " LAC reviews due were held on time");
  if (id == "lac_review_participation")
    return absl::StrCat(n, " of ", d, " counted as participating");
  if (id == "icpc_timeliness")
    return absl::StrCat(n, " of ", d, " initial conferences were held on time");
  if (id == "rcpc_timeliness")
    return absl::StrCat(n, " of ", d,
                        " review conferences due were held on time");
  if (id == "cp_repeat_plans")
    return absl::StrCat(n, " of ", d,
                        " plans started were a second or later plan");
  if (id == "cp_repeat_plans_2y")
    return absl::StrCat(n, " of ", d,
                        " plans started came within 2 years of another");
  if (id == "cp_plans_open_over_18_months")
    return absl::StrCat(n, " plans open for more than 18 months");
  if (id == "cp_plans_ended_2y_plus")
    return absl::StrCat(n, " of ", d,
                        " plans ended had lasted 2 years or more");
  if (id == "lac_review_decisions_5wd")
    return absl::StrCat(n, " of ", d, " reviews had decisions sent on time");
  if (id == "lac_review_record_20wd")
    return absl::StrCat(n, " of ", d, " review records were sent on time");
  if (id == "lac_review_sw_report_24h")
    return absl::StrCat(n, " of ", d, " social worker reports arrived in time");
  return absl::StrCat(n, " of ", d, " met the measure");
}

std::string ChangeText(const KpiResult& kpi) {
  const std::optional<double> now = Finite(kpi.headline.value);
  const std::optional<double> before =
      kpi.previous ? Finite(kpi.previous->value) : std::nullopt;
  std::string out = ValueText(kpi, *kpi.previous);
  if (!now || !before) return out;
  const double diff = std::round((*now - *before) * 100.0) / 100.0;
  if (diff == 0.0) return absl::StrCat(out, ": no change");
  return absl::StrCat(out, ": this year is ", Distance(kpi, diff),
                      Better(kpi, diff));
}

// "Statistical neighbours 22.2%: ours is 0.6 points lower".
std::string BenchmarkText(const KpiResult& kpi, const std::string& name,
                          const std::pair<double, std::optional<double>>& c) {
  std::string out = absl::StrCat(HtmlText(name), " ", Figure(kpi, c.first));
  if (c.second) absl::StrAppend(&out, ": ours is ", Distance(kpi, *c.second));
  return out;
}

std::string Tile(const KpiResult& kpi) {
  std::string facts;
  if (kpi.target) {
    absl::StrAppend(&facts, "<li>Target ", TargetText(kpi), "</li>");
  }
  if (kpi.previous && kpi.previous_period) {
    absl::StrAppend(&facts, "<li>", HtmlText(kpi.previous_period->label), ": ",
                    ChangeText(kpi), "</li>");
  }
  if (!kpi.benchmarks.empty()) {
    std::vector<std::string> names;
    for (const auto& [name, comparator] : kpi.benchmarks) {
      names.push_back(
          absl::StrCat(HtmlText(name), " ", Figure(kpi, comparator.first)));
    }
    absl::StrAppend(&facts, "<li>Compare: ", absl::StrJoin(names, "; "),
                    "</li>");
  }
  return absl::StrCat(
      "<article class=\"tile ", RagClass(kpi), "\">\n<h3>", HtmlText(kpi.title),
      "</h3>\n<p class=\"value\">", ValueText(kpi, kpi.headline),
      "<span class=\"rag\">", HtmlText(RagWord(kpi)), "</span></p>\n<p>",
      CountedText(kpi, kpi.headline), "</p>\n",
      facts.empty() ? "" : absl::StrCat("<ul>", facts, "</ul>\n"),
      "</article>\n");
}

std::string Code(absl::string_view s) {
  return absl::StrCat("<code>", HtmlText(s), "</code>");
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

// ---- The chart --------------------------------------------------------------

// The drawing area inside a 560 x 236 view box: the axis labels on the
// left, the lines' labels on the right, month names and counts below.
constexpr int kWidth = 560, kHeight = 216;
constexpr double kLeft = 40, kRight = 172, kTop = 10, kBottom = 56;
constexpr double kPlotRight = kWidth - kRight;
constexpr double kPlotWidth = kPlotRight - kLeft;
constexpr double kPlotBottom = kHeight - kBottom;
constexpr double kPlotHeight = kPlotBottom - kTop;

std::string Coord(double v) { return absl::StrFormat("%.1f", v); }

// The vertical axis, [lo, hi] with a gridline every `step`.
struct Scale {
  double lo = 0;
  double hi = 100;
  double step = 20;

  double YOf(double v) const {
    const double c = v < lo ? lo : (v > hi ? hi : v);
    return kTop + kPlotHeight * (hi - c) / (hi - lo);
  }
};

// Every value the chart draws: the year to date of this and the earlier
// periods, the target and the comparators.
std::vector<double> ChartValues(const KpiResult& kpi) {
  std::vector<double> values;
  const auto add = [&](const std::optional<double>& v) {
    if (Finite(v)) values.push_back(*v);
  };
  for (const auto& month : kpi.year_to_date) add(month.second.value);
  for (const EarlierPeriod& e : kpi.earlier) {
    for (const auto& month : e.year_to_date) add(month.second.value);
  }
  if (kpi.target) add(kpi.target->target);
  for (const auto& b : kpi.benchmarks) add(b.second.first);
  return values;
}

// A percent axis spans the values, rounded out to a round step and never
// less than 10 points, so that 97% to 99% shows its trend; a count axis
// starts at 0.
Scale ScaleFor(const KpiResult& kpi) {
  const std::vector<double> values = ChartValues(kpi);
  Scale scale;
  if (values.empty()) return scale;
  const auto [lo_it, hi_it] = std::minmax_element(values.begin(), values.end());
  double a = *lo_it, b = *hi_it;
  if (IsPercent(kpi)) {
    a = std::max(0.0, a - 1);
    b = std::min(100.0, b + 1);
    if (b - a < 10) {
      const double mid = (a + b) / 2;
      a = std::max(0.0, mid - 5);
      b = std::min(100.0, a + 10);
      a = b - 10;
    }
  } else {
    a = 0;
    b = std::max(4.0, b * 1.15);
  }
  for (double step : {1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0,
                      500.0, 1000.0, 5000.0, 10000.0, 1e5, 1e6, 1e9}) {
    scale.step = step;
    if (std::ceil(b / step) - std::floor(a / step) <= 5) break;
  }
  scale.lo = std::floor(a / scale.step) * scale.step;
  scale.hi = std::ceil(b / scale.step) * scale.step;
  if (scale.hi <= scale.lo) scale.hi = scale.lo + scale.step;
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
  if (!SplitMonth(label, &month, &year)) return HtmlText(label);
  return absl::StrCat(kMonths[month - 1], " ", HtmlText(year));
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

std::string ChartFrame(const KpiResult& kpi, const Scale& scale) {
  std::string out;
  const int ticks =
      static_cast<int>(std::lround((scale.hi - scale.lo) / scale.step));
  for (int i = 0; i <= ticks; ++i) {
    const double tick = scale.lo + i * scale.step;
    const double y = scale.YOf(tick);
    absl::StrAppend(&out, Line("grid", kLeft, y, kPlotRight, y),
                    Text(kLeft - 5, y + 4, "end", Figure(kpi, tick)));
  }
  absl::StrAppend(&out, Line("axis", kLeft, kTop, kLeft, kPlotBottom),
                  Line("axis", kLeft, kPlotBottom, kPlotRight, kPlotBottom));
  return out;
}

// Month names under the axis, the year under the first and each January,
// and each month's own counts beneath: what was counted, out of how many.
// Every k-th month only when there are more than twelve.
std::string MonthLabels(const KpiResult& kpi) {
  const size_t n = kpi.monthly.size();
  const size_t step = (n + 11) / 12;
  std::string out;
  std::string last_year;
  for (size_t i = 0; i < n; i += step) {
    const auto& [label, counts] = kpi.monthly[i];
    int month = 0;
    std::string year;
    const double x = XOf(i, n);
    if (SplitMonth(label, &month, &year)) {
      absl::StrAppend(&out,
                      Text(x, kPlotBottom + 12, "middle", kMonths[month - 1]));
      if (year != last_year) {
        absl::StrAppend(&out, Text(x, kPlotBottom + 49, "middle",
                                   HtmlText(year), " class=\"small\""));
        last_year = year;
      }
    } else {
      absl::StrAppend(&out,
                      Text(x, kPlotBottom + 12, "middle", HtmlText(label)));
    }
    if (step == 1) {
      absl::StrAppend(
          &out, Text(x, kPlotBottom + 25, "middle", Grouped(counts.numerator),
                     " class=\"small\""));
      if (IsPercent(kpi)) {
        absl::StrAppend(&out,
                        Text(x, kPlotBottom + 36, "middle",
                             Grouped(counts.denominator), " class=\"small\""));
      }
    }
  }
  if (step == 1) {
    absl::StrAppend(&out, Text(kPlotRight + 6, kPlotBottom + 25, "start",
                               IsPercent(kpi) ? "counted in the month"
                                              : "at the month's end",
                               " class=\"small\""));
    if (IsPercent(kpi)) {
      absl::StrAppend(&out, Text(kPlotRight + 6, kPlotBottom + 36, "start",
                                 "out of", " class=\"small\""));
    }
  }
  return out;
}

// A label at the right of the plot, moved apart from its neighbours.
struct EndLabel {
  double y;
  std::string text;
  std::string cls;
};

std::string EndLabels(std::vector<EndLabel> labels) {
  std::sort(labels.begin(), labels.end(),
            [](const EndLabel& a, const EndLabel& b) { return a.y < b.y; });
  constexpr double kGap = 11;
  for (size_t i = 1; i < labels.size(); ++i) {
    labels[i].y = std::max(labels[i].y, labels[i - 1].y + kGap);
  }
  // Pushed below the plot: move the whole stack back up.
  const double limit = kPlotBottom + 4;
  if (!labels.empty() && labels.back().y > limit) {
    labels.back().y = limit;
    for (size_t i = labels.size() - 1; i-- > 0;) {
      labels[i].y = std::min(labels[i].y, labels[i + 1].y - kGap);
    }
  }
  std::string out;
  for (const EndLabel& label : labels) {
    absl::StrAppend(&out,
                    Text(kPlotRight + 5, label.y + 3.5, "start", label.text,
                         absl::StrCat(" class=\"end ", label.cls, "\"")));
  }
  return out;
}

// Text for an end label, cut to what fits beside the plot.
std::string Short(absl::string_view s) {
  constexpr size_t kMax = 22;
  std::string text = internal::ValidUtf8(s);
  if (text.size() <= kMax) return HtmlText(text);
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return HtmlText(text.substr(0, cut)) + "\xE2\x80\xA6";
}

// One series as polylines broken where there is no value.
std::string Polyline(absl::string_view cls,
                     const std::vector<std::pair<std::string, KpiCounts>>& s,
                     size_t n, const Scale& scale, std::string* points) {
  std::string lines;
  std::vector<std::string> run;
  const auto flush = [&]() {
    if (run.size() > 1) {
      absl::StrAppend(&lines, "<polyline class=\"", cls, "\" points=\"",
                      absl::StrJoin(run, " "), "\"/>\n");
    }
    run.clear();
  };
  for (size_t i = 0; i < s.size() && i < n; ++i) {
    const std::optional<double> v = Finite(s[i].second.value);
    if (!v) {
      flush();
      continue;
    }
    const double x = XOf(i, n), y = scale.YOf(*v);
    run.push_back(absl::StrCat(Coord(x), ",", Coord(y)));
    if (points != nullptr) {
      absl::StrAppend(points, "<circle class=\"point\" cx=\"", Coord(x),
                      "\" cy=\"", Coord(y), "\" r=\"3\"><title>",
                      MonthName(s[i].first), ", year to date: ", Percent(*v),
                      " (", Grouped(s[i].second.numerator), " of ",
                      Grouped(s[i].second.denominator), ")</title></circle>\n");
    }
  }
  flush();
  return lines;
}

// The last value of a series.
std::optional<std::pair<size_t, double>> Last(
    const std::vector<std::pair<std::string, KpiCounts>>& s, size_t n) {
  for (size_t i = std::min(s.size(), n); i-- > 0;) {
    if (const std::optional<double> v = Finite(s[i].second.value)) {
      return std::make_pair(i, *v);
    }
  }
  return std::nullopt;
}

// The reference lines: the target and each comparator.
void ReferenceLines(const KpiResult& kpi, const Scale& scale,
                    std::string* lines, std::vector<EndLabel>* labels) {
  if (kpi.target && std::isfinite(kpi.target->target)) {
    const double y = scale.YOf(kpi.target->target);
    absl::StrAppend(lines, Line("target", kLeft, y, kPlotRight, y));
    labels->push_back(
        {y, absl::StrCat("Target ", Figure(kpi, kpi.target->target)), ""});
  }
  for (const auto& [name, comparator] : kpi.benchmarks) {
    if (!std::isfinite(comparator.first)) continue;
    const double y = scale.YOf(comparator.first);
    absl::StrAppend(lines, Line("benchmark", kLeft, y, kPlotRight, y));
    labels->push_back(
        {y, absl::StrCat(Short(name), " ", Figure(kpi, comparator.first)),
         "label-benchmark"});
  }
}

// A percent KPI: the year to date as a line, each earlier period's beside
// it in grey, the target and comparators as reference lines.
std::string LineSeries(const KpiResult& kpi, const Scale& scale) {
  const size_t n = kpi.monthly.size();
  std::string lines, points;
  std::vector<EndLabel> labels;
  ReferenceLines(kpi, scale, &lines, &labels);
  for (size_t e = kpi.earlier.size(); e-- > 0;) {
    const EarlierPeriod& earlier = kpi.earlier[e];
    const std::string cls =
        absl::StrCat("earlier earlier-", std::min<size_t>(e + 1, 3));
    absl::StrAppend(&lines,
                    Polyline(cls, earlier.year_to_date, n, scale, nullptr));
    if (const auto last = Last(earlier.year_to_date, n)) {
      labels.push_back({scale.YOf(last->second),
                        absl::StrCat(HtmlText(earlier.period.label), " ",
                                     Figure(kpi, last->second)),
                        "label-earlier"});
    }
  }
  absl::StrAppend(&lines,
                  Polyline("line", kpi.year_to_date, n, scale, &points));
  if (const auto last = Last(kpi.year_to_date, n)) {
    labels.push_back({scale.YOf(last->second),
                      absl::StrCat("This year ", Percent(last->second)),
                      "label-current"});
  }
  for (size_t i = 0; i < kpi.year_to_date.size() && i < n; ++i) {
    if (!Finite(kpi.year_to_date[i].second.value)) {
      absl::StrAppend(&points, Text(XOf(i, n), kPlotBottom - 4, "middle", "n/a",
                                    " class=\"gap\""));
    }
  }
  return lines + points + EndLabels(std::move(labels));
}

// A count KPI: a bar a month (the count at its end), the earlier periods
// as grey lines, the target as a reference line.
std::string BarSeries(const KpiResult& kpi, const Scale& scale) {
  const size_t n = kpi.monthly.size();
  const double width = kPlotWidth / static_cast<double>(n) * 0.6;
  std::string bars, lines;
  std::vector<EndLabel> labels;
  for (size_t i = 0; i < n; ++i) {
    const auto& [label, counts] = kpi.monthly[i];
    const std::optional<double> v = Finite(counts.value);
    if (!v) continue;
    const double y = scale.YOf(*v);
    absl::StrAppend(&bars, "<rect class=\"bar\" x=\"",
                    Coord(XOf(i, n) - width / 2), "\" y=\"", Coord(y),
                    "\" width=\"", Coord(width), "\" height=\"",
                    Coord(kPlotBottom - y), "\"><title>", MonthName(label),
                    ": ", Num(*v), "</title></rect>\n");
  }
  for (size_t e = kpi.earlier.size(); e-- > 0;) {
    const EarlierPeriod& earlier = kpi.earlier[e];
    const std::string cls =
        absl::StrCat("earlier earlier-", std::min<size_t>(e + 1, 3));
    absl::StrAppend(&lines,
                    Polyline(cls, earlier.year_to_date, n, scale, nullptr));
    if (const auto last = Last(earlier.year_to_date, n)) {
      labels.push_back(
          {scale.YOf(last->second),
           absl::StrCat(HtmlText(earlier.period.label), " ", Num(last->second)),
           "label-earlier"});
    }
  }
  ReferenceLines(kpi, scale, &lines, &labels);
  if (const auto last = Last(kpi.monthly, n)) {
    labels.push_back({scale.YOf(last->second),
                      absl::StrCat("This year ", Num(last->second)),
                      "label-current"});
  }
  return bars + lines + EndLabels(std::move(labels));
}

std::string Chart(const KpiResult& kpi, size_t index) {
  const std::string id = absl::StrCat("chart-", index);
  const Scale scale = ScaleFor(kpi);
  const std::string from = MonthName(kpi.monthly.front().first);
  const std::string to = MonthName(kpi.monthly.back().first);
  std::string desc =
      IsPercent(kpi)
          ? absl::StrCat("Year to date, ", from, " to ", to,
                         ": each point counts everything from the start of "
                         "the period to the end of its month. Under each "
                         "month, what was counted in it and out of how many.")
          : absl::StrCat("The count at the end of each month, ", from, " to ",
                         to, ".");
  if (!kpi.earlier.empty()) {
    absl::StrAppend(&desc, " Grey lines: the same months of earlier years.");
  }
  if (kpi.target) {
    absl::StrAppend(&desc, " Dashed line: target ",
                    Figure(kpi, kpi.target->target), ".");
  }
  if (!kpi.benchmarks.empty()) absl::StrAppend(&desc, " Dotted: comparators.");
  return absl::StrCat(
      "<svg class=\"chart\" viewBox=\"0 0 ", kWidth, " ", kHeight,
      "\" role=\"img\" aria-labelledby=\"", id, "-title ", id,
      "-desc\">\n<title id=\"", id, "-title\">",
      IsPercent(kpi) ? "Year to date: " : "Month by month: ",
      HtmlText(kpi.title), "</title>\n<desc id=\"", id, "-desc\">", desc,
      "</desc>\n", ChartFrame(kpi, scale), MonthLabels(kpi),
      IsPercent(kpi) ? LineSeries(kpi, scale) : BarSeries(kpi, scale),
      "</svg>\n");
}

// ---- Per-KPI sections -------------------------------------------------------

std::string Cell(absl::string_view text, bool numeric = false) {
  return absl::StrCat(numeric ? "<td class=\"n\">" : "<td>", text, "</td>");
}

std::string HeadCell(absl::string_view text, bool numeric = false) {
  return absl::StrCat(
      numeric ? "<th scope=\"col\" class=\"n\">" : "<th scope=\"col\">", text,
      "</th>");
}

std::string MonthlyTable(const KpiResult& kpi) {
  std::string out = absl::StrCat(
      "<details class=\"monthly\">\n<summary>Month by month</summary>\n"
      "<table>\n<thead><tr>",
      HeadCell("Month"), HeadCell("In the month", true),
      HeadCell("Counted", true), HeadCell("Out of", true),
      kpi.has_overdue ? HeadCell("Overdue at its end", true) : "",
      HeadCell("Year to date", true), "</tr></thead>\n<tbody>\n");
  for (size_t i = 0; i < kpi.monthly.size(); ++i) {
    const auto& [label, counts] = kpi.monthly[i];
    absl::StrAppend(&out, "<tr>", Cell(MonthName(label)),
                    Cell(ValueText(kpi, counts), true),
                    Cell(Grouped(counts.numerator), true),
                    Cell(Grouped(counts.denominator), true),
                    kpi.has_overdue
                        ? Cell(Grouped(counts.overdue_at_period_end), true)
                        : "",
                    Cell(i < kpi.year_to_date.size()
                             ? ValueText(kpi, kpi.year_to_date[i].second)
                             : "-",
                         true),
                    "</tr>\n");
  }
  absl::StrAppend(&out, "</tbody>\n</table>\n</details>\n");
  return out;
}

// What was left out of the figure and why, in words; zero reasons are
// not named.
std::string Exclusions(const KpiCounts& counts) {
  int64_t total = 0;
  std::vector<std::string> parts;
  for (const auto& [reason, n] : counts.excluded) {
    if (n == 0) continue;
    parts.push_back(absl::StrCat(HtmlText(internal::PlainReason(reason)), " (",
                                 Grouped(n), ")"));
    total += n;
  }
  if (total == 0) return "<li>Nothing was left out of the figure.</li>";
  return absl::StrCat("<li>Left out of the figure: ", Grouped(total), ", for ",
                      absl::StrJoin(parts, "; "), ".</li>");
}

std::string EarlierText(const KpiResult& kpi) {
  if (kpi.earlier.empty()) return "";
  std::vector<std::string> parts;
  for (const EarlierPeriod& e : kpi.earlier) {
    parts.push_back(
        absl::StrCat(HtmlText(e.period.label), " ", ValueText(kpi, e.counts)));
  }
  return absl::StrCat("<li>Earlier years: ", absl::StrJoin(parts, "; "),
                      ".</li>");
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

std::string ParticipationMix(const Report& report);

std::string KpiSection(const Report& report, const KpiResult& kpi,
                       size_t index) {
  std::string out = absl::StrCat(
      "<section class=\"kpi\" id=\"kpi-", HtmlText(kpi.id), "\">\n<h3>",
      HtmlText(kpi.title), "</h3>\n<div class=\"graphic\">\n");
  if (!kpi.monthly.empty()) {
    absl::StrAppend(&out, Chart(kpi, index));
  } else {
    absl::StrAppend(&out, "<p>No months to chart.</p>\n");
  }
  absl::StrAppend(&out, "</div>\n<div class=\"facts\">\n<p class=\"result\">",
                  "<strong>", ValueText(kpi, kpi.headline),
                  "</strong> <span class=\"rag badge-", RagClass(kpi).substr(4),
                  "\">", HtmlText(RagWord(kpi)),
                  "</span></p>\n<ul>"
                  "<li>",
                  CountedText(kpi, kpi.headline), ".</li>");
  if (kpi.has_overdue) {
    absl::StrAppend(
        &out, "<li>Not held by ", LongDate(report.period.end),
        " although due: ", Grouped(kpi.headline.overdue_at_period_end),
        " (counted as late).</li>");
  }
  if (kpi.target) {
    absl::StrAppend(&out, "<li>Target ", TargetText(kpi), ".</li>");
  }
  absl::StrAppend(&out, EarlierText(kpi));
  for (const auto& [name, comparator] : kpi.benchmarks) {
    absl::StrAppend(&out, "<li>", BenchmarkText(kpi, name, comparator),
                    ".</li>");
  }
  absl::StrAppend(&out, Exclusions(kpi.headline), "</ul>\n");
  if (!kpi.narrative.empty()) {
    absl::StrAppend(&out, "<div class=\"narrative\">\n",
                    internal::NarrativeHtml(kpi.narrative), "</div>\n");
  }
  absl::StrAppend(&out, "</div>\n");
  if (kpi.id == "lac_review_participation") {
    absl::StrAppend(&out, ParticipationMix(report));
  }
  absl::StrAppend(&out, "<div class=\"wide\">\n");
  if (!kpi.monthly.empty()) absl::StrAppend(&out, MonthlyTable(kpi));
  if (report.detail) absl::StrAppend(&out, CaseList(report, kpi));
  absl::StrAppend(&out, "</div>\n</section>\n");
  return out;
}

void AppendDetails(const Report& report, std::string* out) {
  if (report.kpis.empty()) return;
  absl::StrAppend(
      out,
      "<section>\n<h2>The KPIs</h2>\n<p class=\"howto\">How to read the "
      "charts: the blue line is this year to date, each point counting "
      "everything from the start of the period to the end of its month, so "
      "the last point is the year's figure; grey lines are the same months "
      "of earlier years; the dashed line is the target and dotted lines are "
      "comparators. Under each month, what was counted in that month and "
      "out of how many. A count is shown as a bar a month.</p>\n");
  for (size_t i = 0; i < report.kpis.size(); ++i) {
    absl::StrAppend(out, KpiSection(report, report.kpis[i], i + 1));
  }
  absl::StrAppend(out, "</section>\n");
}

// ---- Context, participation, chairs -----------------------------------------

void AppendContext(const Report& report, std::string* out) {
  const ReportContext& c = report.context;
  std::vector<std::string> items;
  const auto add = [&](const std::optional<int64_t>& n,
                       const std::string& what) {
    if (!n) return;
    items.push_back(absl::StrCat("<li><span class=\"num\">", Grouped(*n),
                                 "</span><span class=\"what\">", what,
                                 "</span></li>\n"));
  };
  const std::string at = LongDate(report.period.end);
  add(c.children_in_care, absl::StrCat("children in care on ", at));
  add(c.children_on_cp_plans,
      absl::StrCat("children on a child protection plan on ", at));
  add(c.lac_reviews, "LAC reviews held in the period");
  add(c.icpcs, "initial child protection conferences held");
  add(c.rcpcs, "review child protection conferences held");
  if (items.empty()) return;
  absl::StrAppend(out,
                  "<section>\n<h2>The year in numbers</h2>\n"
                  "<ul class=\"context\">\n",
                  absl::StrJoin(items, ""), "</ul>\n</section>\n");
}

std::string ParticipationMix(const Report& report) {
  if (report.participation.empty()) return "";
  int64_t total = 0;
  for (const auto& [code, n] : report.participation) total += n;
  std::string head, counts, shares;
  for (const auto& [code, n] : report.participation) {
    std::string words = "blank or not a code";
    std::string name = "Other";
    if (const char* plain = internal::ParticipationWords(code)) {
      words = plain;
      name = code;
    }
    absl::StrAppend(&head, "<th scope=\"col\" class=\"n\">", HtmlText(name),
                    "<br><small>", HtmlText(words), "</small></th>");
    absl::StrAppend(&counts, Cell(Grouped(n), true));
    absl::StrAppend(
        &shares, Cell(absl::StrFormat(
                          "%.1f%%", total > 0 ? 100.0 * static_cast<double>(n) /
                                                    static_cast<double>(total)
                                              : 0.0),
                      true));
  }
  return absl::StrCat(
      "<div class=\"wide\">\n<table class=\"mix\">\n<caption>How children "
      "took part in the ",
      Grouped(total),
      " LAC reviews held, by participation code</caption>\n<thead><tr><td>"
      "</td>",
      head, "</tr></thead>\n<tbody>\n<tr><th scope=\"row\">Reviews</th>",
      counts, "</tr>\n<tr><th scope=\"row\">Share</th>", shares,
      "</tr>\n</tbody>\n</table>\n</div>\n");
}

std::string ChairCell(const KpiCounts& counts) {
  const std::optional<double> v = Finite(counts.value);
  return Cell(
      absl::StrCat(v ? Percent(*v) : "n/a", " (", Grouped(counts.numerator),
                   "/", Grouped(counts.denominator), ")"),
      true);
}

void AppendChairs(const Report& report, std::string* out) {
  if (report.by_chair.empty()) return;
  absl::StrAppend(
      out,
      "<section class=\"chairs\">\n<h2>By chair (IRO)</h2>\n<table>\n"
      "<thead><tr>",
      HeadCell("Chair"), HeadCell("Meetings chaired", true),
      HeadCell("Children", true), HeadCell("QA alerts", true),
      HeadCell("Alerts per 10 meetings", true),
      HeadCell("Decisions sent in 5 working days", true),
      HeadCell("Record sent in 20 working days", true),
      HeadCell("Social worker report 24 hours before", true),
      "</tr></thead>\n<tbody>\n");
  for (const ChairRow& row : report.by_chair) {
    absl::StrAppend(
        out, "<tr>", Cell(HtmlText(row.chair_id)),
        Cell(Grouped(row.meetings), true), Cell(Grouped(row.children), true),
        Cell(Grouped(row.qa_alerts), true),
        Cell(row.meetings > 0
                 ? absl::StrFormat("%.1f",
                                   10.0 * static_cast<double>(row.qa_alerts) /
                                       static_cast<double>(row.meetings))
                 : "-",
             true),
        ChairCell(row.decisions), ChairCell(row.record),
        ChairCell(row.sw_report), "</tr>\n");
  }
  absl::StrAppend(out,
                  "</tbody>\n</table>\n<p class=\"howto\">Meetings "
                  "chaired: LAC reviews and child protection conferences "
                  "in meetings.csv. The three timeliness columns are LAC "
                  "reviews, on time out of those due.</p>\n</section>\n");
}

// ---- Data quality -----------------------------------------------------------

// The file's name without its folders: the paper names files, not paths.
std::string FileName(absl::string_view path) {
  const size_t slash = path.find_last_of("/\\");
  return std::string(slash == absl::string_view::npos ? path
                                                      : path.substr(slash + 1));
}

void AppendFiles(const Report& report, std::string* out) {
  if (report.files.empty()) {
    absl::StrAppend(out, "<p>No input files.</p>\n");
    return;
  }
  absl::StrAppend(out, "<table>\n<caption>Files read</caption>\n<thead><tr>",
                  HeadCell("File"), HeadCell("Holds"), HeadCell("Rows", true),
                  HeadCell("Rejected", true), "</tr></thead>\n<tbody>\n");
  for (const InputFile& file : report.files) {
    std::string table = HtmlText(file.table);
    if (file.ignored) absl::StrAppend(&table, " (not used by the KPIs)");
    absl::StrAppend(out, "<tr>", Cell(HtmlText(FileName(file.path))),
                    Cell(table), Cell(Grouped(file.rows), true),
                    Cell(Grouped(file.rejected), true), "</tr>\n");
  }
  absl::StrAppend(out, "</tbody>\n</table>\n");
}

// A reason with what varies from row to row (quoted values, numbers) taken
// out, so that rows rejected for the same reason are summed together.
std::string ReasonKind(absl::string_view reason) {
  std::string out;
  bool quoted = false;
  for (size_t i = 0; i < reason.size(); ++i) {
    const char c = reason[i];
    if (c == '\'') {
      quoted = !quoted;
      if (quoted) out += "'...'";
      continue;
    }
    if (quoted) continue;
    if (std::isdigit(static_cast<unsigned char>(c))) {
      if (out.empty() || out.back() != '#') out += '#';
      continue;
    }
    out += c;
  }
  return out;
}

// Rejected rows summarised: one line per file and kind of reason, with the
// first reason in full and the first few lines.
void AppendProblems(absl::string_view heading,
                    const std::vector<Rejection>& rows, std::string* out) {
  if (rows.empty()) return;
  struct Group {
    std::string file;
    std::string example;
    int64_t rows = 0;
    std::vector<int64_t> lines;
  };
  std::vector<Group> groups;
  std::map<std::pair<std::string, std::string>, size_t> index;
  for (const Rejection& r : rows) {
    const std::string file = FileName(r.path);
    const auto key = std::make_pair(file, ReasonKind(r.reason));
    auto it = index.find(key);
    if (it == index.end()) {
      it = index.emplace(key, groups.size()).first;
      groups.push_back(Group{file, r.reason, 0, {}});
    }
    Group& g = groups[it->second];
    ++g.rows;
    if (g.lines.size() < 5) g.lines.push_back(r.line);
  }
  absl::StrAppend(out, "<table>\n<caption>", heading, ": ",
                  Grouped(static_cast<int64_t>(rows.size())),
                  " rows</caption>\n<thead><tr>", HeadCell("File"),
                  HeadCell("Reason (the first such row)"),
                  HeadCell("Rows", true), HeadCell("Lines"),
                  "</tr></thead>\n<tbody>\n");
  for (const Group& g : groups) {
    std::string lines = absl::StrJoin(g.lines, ", ");
    if (g.rows > static_cast<int64_t>(g.lines.size())) lines += ", ...";
    absl::StrAppend(out, "<tr>", Cell(HtmlText(g.file)),
                    Cell(HtmlText(g.example)), Cell(Grouped(g.rows), true),
                    Cell(lines), "</tr>\n");
  }
  absl::StrAppend(out, "</tbody>\n</table>\n");
}

// The judgements on the inputs as a whole, first: they say whether the
// figures can be trusted at all.
void AppendDataProblems(const Report& report, std::string* out) {
  if (report.data_problems.empty()) return;
  absl::StrAppend(out, "<h3>Figures at risk</h3>\n<ul>\n");
  for (const DataProblem& p : report.data_problems) {
    std::string message = p.message;
    // The paper names files, not paths.
    if (!p.path.empty() && message.compare(0, p.path.size(), p.path) == 0) {
      message = FileName(p.path) + message.substr(p.path.size());
    }
    absl::StrAppend(out, "<li>", HtmlText(message), "</li>\n");
  }
  absl::StrAppend(out, "</ul>\n");
}

void AppendReconciliation(const Report& report, std::string* out) {
  if (report.reconciliation.empty()) return;
  absl::StrAppend(out,
                  "<details>\n<summary>Rows by table: read = rejected + kept"
                  "</summary>\n<table>\n<thead><tr>",
                  HeadCell("Table"), HeadCell("Read", true),
                  HeadCell("Rejected", true), HeadCell("Kept", true),
                  "</tr></thead>\n<tbody>\n");
  for (const TableReconciliation& t : report.reconciliation) {
    absl::StrAppend(out, "<tr>", Cell(HtmlText(t.table)),
                    Cell(Grouped(t.read), true),
                    Cell(Grouped(t.rejected), true),
                    Cell(Grouped(t.kept), true), "</tr>\n");
  }
  absl::StrAppend(out, "</tbody>\n</table>\n</details>\n");
}

void AppendInputs(const Report& report, std::string* out) {
  absl::StrAppend(out, "<section>\n<h2>Data quality</h2>\n");
  AppendDataProblems(report, out);
  AppendFiles(report, out);
  AppendProblems("Rows rejected", report.rejections, out);
  AppendProblems("Warnings", report.warnings, out);
  AppendReconciliation(report, out);
  absl::StrAppend(out, "</section>\n");
}

std::string CoverageText(const std::optional<Date>& date) {
  return date ? LongDate(*date) : "not known";
}

void AppendFooter(const Report& report, std::string* out) {
  absl::StrAppend(
      out, "<footer>\n<h2>Method</h2>\n<ul>\n",
      "<li>Each figure is judged as at the end of ",
      LongDate(report.period.end),
      ": a review or conference due by then and not held counts as late.</li>\n"
      "<li>The data hold every review from: LAC ",
      CoverageText(report.lac_coverage_start), "; child protection ",
      CoverageText(report.cp_coverage_start),
      ". Earlier years are shown only from then.</li>\n<li>Policy: ",
      HtmlText(report.policy),
      "</li>\n<li>Calendar: ", HtmlText(report.calendar),
      "</li>\n</ul>\n</footer>\n");
}

// A CSS string literal: quotes, backslashes and control characters escaped.
std::string CssString(absl::string_view s) {
  std::string out = "\"";
  for (const char c : internal::ValidUtf8(s)) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\' || u < 0x20 || u == 0x7f) {
      absl::StrAppend(
          &out,
          absl::StrFormat("\\%x ",
                          u < 0x20 || u == 0x7f ? 0x20 : static_cast<int>(u)));
    } else if (c == '<') {
      out += "\\3c ";  // never "</style>"
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string Title(const Report& report) {
  return report.title.empty() ? std::string("IRO KPI scorecard") : report.title;
}

// The running heads of a printed page: the council and title, the period,
// the page number.
std::string PageStyle(const Report& report) {
  std::string head = Title(report);
  if (!report.council.empty()) head = report.council + " \xE2\x80\x94 " + head;
  const std::string left = report.detail ? "bottom-left" : "top-left";
  const std::string right = report.detail ? "bottom-center" : "top-right";
  return absl::StrCat(
      "@page{@", left, "{content:", CssString(head),
      ";font-size:8pt;color:#444}@", right,
      "{content:", CssString(report.period.label),
      ";font-size:8pt;color:#444;white-space:nowrap}",
      "@bottom-right{content:\"Page \" counter(page) \" of \" counter(pages);"
      "font-size:8pt;color:#444}}\n");
}

void AppendTitle(const Report& report, std::string* out) {
  absl::StrAppend(out, "<header class=\"title\">\n");
  if (!report.council.empty()) {
    absl::StrAppend(out, "<p class=\"council\">", HtmlText(report.council),
                    "</p>\n");
  }
  absl::StrAppend(out, "<h1>", HtmlText(Title(report)), "</h1>\n",
                  "<p class=\"period\">", LongDate(report.period.start), " to ",
                  LongDate(report.period.end), " (",
                  HtmlText(report.period.label),
                  "), figures as at the end of the period</p>\n"
                  "<p class=\"meta\">");
  std::vector<std::string> meta;
  if (report.generated) {
    meta.push_back(absl::StrCat("Produced ", LongDate(*report.generated)));
  }
  meta.push_back(
      report.version.empty()
          ? std::string("by timescales")
          : absl::StrCat("by timescales ", HtmlText(report.version)));
  meta.push_back(absl::StrCat("calendar ", HtmlText(report.calendar)));
  absl::StrAppend(out, absl::StrJoin(meta, " \xC2\xB7 "), "</p>\n</header>\n");
}

}  // namespace

std::string RenderHtml(const Report& report) {
  std::string title = HtmlText(Title(report));
  if (!report.council.empty()) {
    title = absl::StrCat(HtmlText(report.council), ": ", title);
  }
  std::string out = absl::StrCat(
      "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n"
      "<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\">\n<title>",
      title, " ", HtmlText(report.period.label), "</title>\n<style>", kStyle,
      PageStyle(report), report.detail ? kDetailStyle : "",
      "</style>\n</head>\n<body>\n",
      report.detail
          ? absl::StrCat("<p class=\"personal-data\" role=\"note\">",
                         HtmlText(internal::kPersonalDataNotice), "</p>\n")
          : "");
  AppendTitle(report, &out);
  absl::StrAppend(&out, "<main>\n");
  AppendContext(report, &out);
  if (!report.narrative.empty()) {
    absl::StrAppend(
        &out, "<section>\n<h2>Summary</h2>\n<div class=\"narrative\">\n",
        internal::NarrativeHtml(report.narrative), "</div>\n</section>\n");
  }
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
