// File: render/report_markdown.cc
//
// RenderMarkdown(): the scorecard as GitHub-flavoured Markdown, for a
// terminal or for pasting into a committee paper. It reads top-down the way
// an IRO annual report does: the headline table (value, target and RAG,
// last year, comparators), then each KPI with its exclusions and monthly
// trend, the per-chair breakdown, and what was read from which file.
//
// Text from the data (file names, rejection reasons) is escaped: Markdown
// punctuation is backslash-escaped, so a `|` cannot split a table cell and
// `<script>` shows as text, and line breaks become spaces.
//
// With Report::detail the page opens with a personal-data notice and each
// KPI lists the cases to act on (render/case_lists.h), at most
// kListedCases of them: the page is for reading, the CSV for the full list.

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
#include "render/narrative.h"
#include "render/text.h"
#include "timescales/render.h"

TSC_NAMESPACE_BEGIN
namespace {

using internal::Grouped;
using internal::Num;
using internal::Percent;

// How many rejections and warnings are listed before "... and N more".
constexpr size_t kListed = 20;

// Our own identifiers (KPI ids, reasons) as code: they hold no backticks.
std::string Code(absl::string_view s) { return absl::StrCat("`", s, "`"); }

bool IsPercent(const KpiResult& kpi) { return kpi.unit == "percent"; }

// A figure in the KPI's unit: "98.43%" or "7".
std::string Figure(const KpiResult& kpi, double v) {
  return IsPercent(kpi) ? Num(v) + "%" : Num(v);
}

std::string ValueText(const KpiResult& kpi, const KpiCounts& counts) {
  if (!counts.value || !std::isfinite(*counts.value)) return "n/a";
  return IsPercent(kpi) ? Percent(*counts.value) : Num(*counts.value);
}

std::string Fraction(const KpiCounts& counts) {
  return absl::StrCat(Grouped(counts.numerator), " / ",
                      Grouped(counts.denominator));
}

// "1.5 points higher", "2 lower", "the same".
std::string Distance(const KpiResult& kpi, double diff) {
  if (std::fabs(diff) < 0.005) return "the same";
  const std::string amount = Num(std::fabs(diff));
  const std::string unit =
      IsPercent(kpi) ? (amount == "1" ? " point" : " points") : "";
  return absl::StrCat(amount, unit, diff > 0 ? " higher" : " lower");
}

std::string TargetText(const KpiResult& kpi) {
  if (!kpi.target) return "-";
  const bool higher = kpi.target->polarity == Polarity::kHigherIsBetter;
  return absl::StrCat(higher ? "at least " : "at most ",
                      Figure(kpi, kpi.target->target));
}

std::string RagText(const KpiResult& kpi) {
  if (kpi.rag) {
    std::string word = *kpi.rag;
    for (char& c : word) {
      c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return internal::MarkdownText(word);
  }
  return kpi.target ? "not rated" : "-";
}

// Better or worse is only known when the target says which way is up.
std::string Direction(const KpiResult& kpi, double diff) {
  if (!kpi.target || diff == 0.0) return "";
  const bool up = diff > 0;
  const bool higher = kpi.target->polarity == Polarity::kHigherIsBetter;
  return up == higher ? " (better)" : " (worse)";
}

std::optional<double> Change(const KpiResult& kpi) {
  if (!kpi.previous || !kpi.previous->value || !kpi.headline.value) {
    return std::nullopt;
  }
  return std::round((*kpi.headline.value - *kpi.previous->value) * 100.0) /
         100.0;
}

std::string PreviousText(const KpiResult& kpi) {
  if (!kpi.previous) return "-";
  std::string out = ValueText(kpi, *kpi.previous);
  if (kpi.previous_period) {
    absl::StrAppend(&out, " (",
                    internal::MarkdownText(kpi.previous_period->label), ")");
  }
  return out;
}

std::string ChangeText(const KpiResult& kpi) {
  const std::optional<double> diff = Change(kpi);
  if (!diff) return "-";
  if (*diff == 0.0) return "no change";
  return absl::StrCat(
      *diff > 0 ? "up " : "down ",
      Distance(kpi, *diff).substr(0, Distance(kpi, *diff).rfind(' ')),
      Direction(kpi, *diff));
}

std::string BenchmarksText(const KpiResult& kpi) {
  if (kpi.benchmarks.empty()) return "-";
  std::vector<std::string> parts;
  for (const auto& [name, comparator] : kpi.benchmarks) {
    std::string part = absl::StrCat(internal::MarkdownText(name), " ",
                                    Figure(kpi, comparator.first));
    if (comparator.second) {
      absl::StrAppend(&part, " (ours ", Distance(kpi, *comparator.second), ")");
    }
    parts.push_back(std::move(part));
  }
  return absl::StrJoin(parts, "; ");
}

std::string Row(const std::vector<std::string>& cells) {
  return absl::StrCat("| ", absl::StrJoin(cells, " | "), " |\n");
}

// "2019-04" -> "Apr 2019"; anything else is shown as it is.
std::string MonthName(absl::string_view label) {
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr",
                                            "May", "Jun", "Jul", "Aug",
                                            "Sep", "Oct", "Nov", "Dec"};
  if (label.size() != 7 || label[4] != '-')
    return internal::MarkdownText(label);
  const int month = (label[5] - '0') * 10 + (label[6] - '0');
  if (month < 1 || month > 12) return internal::MarkdownText(label);
  return absl::StrCat(kMonths[month - 1], " ",
                      internal::MarkdownText(label.substr(0, 4)));
}

void AppendTitle(const Report& report, std::string* out) {
  if (report.detail) {
    absl::StrAppend(out, "> **",
                    internal::MarkdownText(internal::kPersonalDataNotice),
                    "**\n\n");
  }
  const std::string title =
      report.title.empty() ? std::string("IRO KPI scorecard") : report.title;
  absl::StrAppend(out, "# ", internal::MarkdownText(title), ": ",
                  internal::MarkdownText(report.period.label), "\n\n");
  if (!report.council.empty()) {
    absl::StrAppend(out, "**", internal::MarkdownText(report.council),
                    "**\n\n");
  }
  absl::StrAppend(out, "Reporting period ", report.period.start.ToString(),
                  " to ", report.period.end.ToString(),
                  ", as at the end of the period.");
  if (report.generated) {
    absl::StrAppend(out, " Produced ", report.generated->ToString());
    if (!report.version.empty()) {
      absl::StrAppend(out, " by timescales ",
                      internal::MarkdownText(report.version));
    }
    absl::StrAppend(out, ".");
  }
  absl::StrAppend(out, "\n\n");
}

void AppendContext(const Report& report, std::string* out) {
  const ReportContext& c = report.context;
  std::vector<std::string> rows;
  const std::string at = report.period.end.ToString();
  const auto add = [&](const std::optional<int64_t>& n,
                       const std::string& what) {
    if (n) rows.push_back(Row({what, Grouped(*n)}));
  };
  add(c.children_in_care, "Children in care at " + at);
  add(c.children_on_cp_plans, "Children on a child protection plan at " + at);
  add(c.lac_reviews, "LAC reviews held in the period");
  add(c.icpcs, "Initial child protection conferences held");
  add(c.rcpcs, "Review child protection conferences held");
  if (rows.empty()) return;
  absl::StrAppend(out, "## The year in numbers\n\n", Row({"", "Number"}),
                  "|:---|---:|\n", absl::StrJoin(rows, ""), "\n");
}

void AppendNarrative(const Report& report, std::string* out) {
  if (report.narrative.empty()) return;
  absl::StrAppend(out, "## Summary\n\n",
                  internal::NarrativeMarkdown(report.narrative));
}

void AppendScorecard(const Report& report, std::string* out) {
  absl::StrAppend(out, "## Scorecard\n\n");
  if (report.kpis.empty()) {
    absl::StrAppend(out, "No KPI could be computed from the inputs.\n\n");
  } else {
    absl::StrAppend(out,
                    Row({"KPI", "Value", "Numerator / denominator", "Target",
                         "RAG", "Previous", "Change", "Benchmarks"}),
                    "|:---|---:|---:|:---|:---|---:|---:|:---|\n");
    for (const KpiResult& kpi : report.kpis) {
      absl::StrAppend(
          out,
          Row({internal::MarkdownText(kpi.title), ValueText(kpi, kpi.headline),
               Fraction(kpi.headline), TargetText(kpi), RagText(kpi),
               PreviousText(kpi), ChangeText(kpi), BenchmarksText(kpi)}));
    }
    absl::StrAppend(out, "\n");
  }
  if (!report.missing.empty()) {
    std::vector<std::string> ids;
    for (const std::string& id : report.missing) ids.push_back(Code(id));
    absl::StrAppend(out, "Not reported (their source table is absent from ",
                    "the inputs): ", absl::StrJoin(ids, ", "), ".\n\n");
  }
}

// What was left out and why, in words; zero reasons are not named.
std::string ExcludedText(const KpiCounts& counts) {
  int64_t total = 0;
  std::vector<std::string> parts;
  for (const auto& [reason, n] : counts.excluded) {
    if (n == 0) continue;
    parts.push_back(
        absl::StrCat(internal::MarkdownText(internal::PlainReason(reason)),
                     " (", Grouped(n), ")"));
    total += n;
  }
  if (total == 0) return "Nothing was left out of the figure.";
  return absl::StrCat("Left out of the figure: ", Grouped(total), ", for ",
                      absl::StrJoin(parts, "; "), ".");
}

std::string EarlierText(const KpiResult& kpi) {
  std::vector<std::string> parts;
  for (const EarlierPeriod& e : kpi.earlier) {
    parts.push_back(absl::StrCat(internal::MarkdownText(e.period.label), " ",
                                 ValueText(kpi, e.counts), " (",
                                 Grouped(e.counts.numerator), " of ",
                                 Grouped(e.counts.denominator), ")"));
  }
  if (parts.empty()) return "";
  return absl::StrCat("Earlier years: ", absl::StrJoin(parts, "; "), ".\n\n");
}

void AppendParticipation(const Report& report, std::string* out) {
  if (report.participation.empty()) return;
  int64_t total = 0;
  for (const auto& [code, n] : report.participation) total += n;
  absl::StrAppend(out, "\nHow children took part in the ", Grouped(total),
                  " LAC reviews held:\n\n",
                  Row({"Participation code", "Reviews", "Share"}),
                  "|:---|---:|---:|\n");
  for (const auto& [code, n] : report.participation) {
    std::string words = "Other: blank or not a code";
    if (const char* plain = internal::ParticipationWords(code)) {
      words = absl::StrCat(code, ": ", plain);
    }
    absl::StrAppend(
        out, Row({internal::MarkdownText(words), Grouped(n),
                  absl::StrFormat("%.1f%%",
                                  total > 0 ? 100.0 * static_cast<double>(n) /
                                                  static_cast<double>(total)
                                            : 0.0)}));
  }
}

void AppendMonthly(const KpiResult& kpi, std::string* out) {
  if (kpi.monthly.empty()) return;
  std::vector<std::string> head = {"Month", "Value", "Numerator / denominator"};
  std::string align = "|:---|---:|---:|";
  if (kpi.has_overdue) {
    head.push_back("Overdue");
    align += "---:|";
  }
  absl::StrAppend(out, "\n", Row(head), align, "\n");
  for (const auto& [month, counts] : kpi.monthly) {
    std::vector<std::string> cells = {MonthName(month), ValueText(kpi, counts),
                                      Fraction(counts)};
    if (kpi.has_overdue) {
      cells.push_back(Grouped(counts.overdue_at_period_end));
    }
    absl::StrAppend(out, Row(cells));
  }
}

std::string DueText(const CaseRow& row) {
  if (!row.due) return "-";
  std::string out = row.due->ToString();
  if (row.practical_due && *row.practical_due != *row.due) {
    absl::StrAppend(&out, " (practical ", row.practical_due->ToString(), ")");
  }
  return out;
}

void AppendCases(const Report& report, const KpiResult& kpi, std::string* out) {
  const size_t listed = internal::ListedCaseCount(kpi);
  absl::StrAppend(out, "\n#### ", internal::CaseListTitle(kpi), " (",
                  Grouped(static_cast<int64_t>(listed)), ")\n\n");
  if (listed == 0) {
    absl::StrAppend(out, "None.\n");
    return;
  }
  absl::StrAppend(out,
                  Row({"Child", "Item", "Date", "Outcome", "Due",
                       "Late (working days)", "Chair", "Source"}),
                  "|:---|:---|:---|:---|:---|---:|:---|:---|\n");
  size_t shown = 0;
  for (const CaseRow& row : kpi.cases) {
    if (shown == internal::kListedCases) break;
    if (!internal::ListsCase(kpi, row)) continue;
    ++shown;
    absl::StrAppend(
        out,
        Row({internal::MarkdownText(row.child),
             internal::MarkdownText(internal::PlainCaseItem(kpi, row.item)),
             row.date.ToString(),
             internal::MarkdownText(internal::PlainCaseOutcome(kpi, row)),
             DueText(row),
             row.late_working_days ? absl::StrCat(*row.late_working_days) : "-",
             row.chair_id ? internal::MarkdownText(*row.chair_id) : "-",
             internal::MarkdownText(report.SourceOf(row.source))}));
  }
  if (listed > shown) {
    absl::StrAppend(out, "\n... and ",
                    Grouped(static_cast<int64_t>(listed - shown)),
                    " more: the full list is in the CSV (",
                    Code(internal::kFullListCommand), " or ",
                    Code(internal::kCasesCommand), ").\n");
  }
}

void AppendKpi(const Report& report, const KpiResult& kpi, std::string* out) {
  absl::StrAppend(out, "### ", internal::MarkdownText(kpi.title), "\n\n",
                  Code(kpi.id), ": ", ValueText(kpi, kpi.headline), " (",
                  Grouped(kpi.headline.numerator), " of ",
                  Grouped(kpi.headline.denominator), ").");
  if (kpi.has_overdue) {
    absl::StrAppend(out, " Overdue at the end of the period: ",
                    Grouped(kpi.headline.overdue_at_period_end), ".");
  }
  if (kpi.target) {
    absl::StrAppend(out, " Target ", TargetText(kpi), ", amber within ",
                    Num(kpi.target->amber_tolerance),
                    IsPercent(kpi) ? " pp" : "", ": ", RagText(kpi), ".");
  }
  absl::StrAppend(out, "\n\n", EarlierText(kpi), ExcludedText(kpi.headline),
                  "\n");
  if (!kpi.narrative.empty()) {
    absl::StrAppend(out, "\n", internal::NarrativeMarkdown(kpi.narrative));
  }
  if (kpi.id == "lac_review_participation") AppendParticipation(report, out);
  AppendMonthly(kpi, out);
  if (report.detail) AppendCases(report, kpi, out);
  absl::StrAppend(out, "\n");
}

void AppendDetails(const Report& report, std::string* out) {
  if (report.kpis.empty()) return;
  absl::StrAppend(out, "## KPI details\n\n");
  for (const KpiResult& kpi : report.kpis) AppendKpi(report, kpi, out);
}

std::string ChairCell(const KpiCounts& counts) {
  const std::string value = counts.value && std::isfinite(*counts.value)
                                ? Percent(*counts.value)
                                : "n/a";
  return absl::StrCat(value, " (", Fraction(counts), ")");
}

void AppendChairs(const Report& report, std::string* out) {
  if (report.by_chair.empty()) return;
  absl::StrAppend(
      out, "## By chair\n\n",
      Row({"Chair", "Meetings chaired", "Children", "QA alerts",
           "Alerts per 10 meetings", "Decisions within 5 working days",
           "Record within 20 working days",
           "Social worker report 24 hours before"}),
      "|:---|---:|---:|---:|---:|---:|---:|---:|\n");
  for (const ChairRow& row : report.by_chair) {
    const std::string rate =
        row.meetings > 0
            ? absl::StrFormat("%.1f", 10.0 *
                                          static_cast<double>(row.qa_alerts) /
                                          static_cast<double>(row.meetings))
            : "-";
    absl::StrAppend(
        out, Row({internal::MarkdownText(row.chair_id), Grouped(row.meetings),
                  Grouped(row.children), Grouped(row.qa_alerts), rate,
                  ChairCell(row.decisions), ChairCell(row.record),
                  ChairCell(row.sw_report)}));
  }
  absl::StrAppend(out, "\n");
}

// The file's name without its folders: the paper names files, not paths.
std::string FileName(absl::string_view path) {
  const size_t slash = path.find_last_of("/\\");
  return std::string(slash == absl::string_view::npos ? path
                                                      : path.substr(slash + 1));
}

void AppendFiles(const Report& report, std::string* out) {
  if (report.files.empty()) {
    absl::StrAppend(out, "No input files.\n\n");
    return;
  }
  absl::StrAppend(out, Row({"File", "Table", "Rows", "Rejected"}),
                  "|:---|:---|---:|---:|\n");
  for (const InputFile& file : report.files) {
    std::string table = internal::MarkdownText(file.table);
    if (file.ignored) absl::StrAppend(&table, " (not used by the KPIs)");
    absl::StrAppend(out,
                    Row({internal::MarkdownText(FileName(file.path)), table,
                         Grouped(file.rows), Grouped(file.rejected)}));
  }
  absl::StrAppend(out, "\n");
}

void AppendReconciliation(const Report& report, std::string* out) {
  if (report.reconciliation.empty()) return;
  absl::StrAppend(out, Row({"Table", "Read", "Rejected", "Kept"}),
                  "|:---|---:|---:|---:|\n");
  for (const TableReconciliation& t : report.reconciliation) {
    absl::StrAppend(out, Row({internal::MarkdownText(t.table), Grouped(t.read),
                              Grouped(t.rejected), Grouped(t.kept)}));
  }
  absl::StrAppend(out, "\n");
}

void AppendProblems(absl::string_view heading,
                    const std::vector<Rejection>& rows, std::string* out) {
  if (rows.empty()) return;
  absl::StrAppend(out, "### ", heading, " (",
                  Grouped(static_cast<int64_t>(rows.size())), ")\n\n",
                  Row({"File", "Line", "Reason"}), "|:---|---:|:---|\n");
  for (size_t i = 0; i < rows.size() && i < kListed; ++i) {
    absl::StrAppend(out, Row({internal::MarkdownText(FileName(rows[i].path)),
                              absl::StrCat(rows[i].line),
                              internal::MarkdownText(rows[i].reason)}));
  }
  if (rows.size() > kListed) {
    absl::StrAppend(out, "\n... and ",
                    Grouped(static_cast<int64_t>(rows.size() - kListed)),
                    " more (the JSON output lists them all).\n");
  }
  absl::StrAppend(out, "\n");
}

// The judgements on the inputs as a whole, first: they say whether the
// figures can be trusted at all.
void AppendDataProblems(const Report& report, std::string* out) {
  if (report.data_problems.empty()) return;
  absl::StrAppend(out, "### Data quality: figures at risk\n\n");
  for (const DataProblem& p : report.data_problems) {
    absl::StrAppend(out, "- ", internal::MarkdownText(p.message), "\n");
  }
  absl::StrAppend(out, "\n");
}

void AppendInputs(const Report& report, std::string* out) {
  absl::StrAppend(out, "## Inputs\n\n");
  AppendDataProblems(report, out);
  AppendFiles(report, out);
  AppendReconciliation(report, out);
  AppendProblems("Rejected rows", report.rejections, out);
  AppendProblems("Warnings", report.warnings, out);
}

std::string CoverageText(const std::optional<Date>& date) {
  return date ? date->ToString() : "not known";
}

void AppendMethod(const Report& report, std::string* out) {
  absl::StrAppend(
      out, "## Method\n\n",
      "- Coverage start (first date the data hold every review): ", "LAC ",
      CoverageText(report.lac_coverage_start), ", CP ",
      CoverageText(report.cp_coverage_start), ".\n",
      "- Policy: ", internal::MarkdownText(report.policy), "\n",
      "- Calendar: ", internal::MarkdownText(report.calendar), "\n");
  if (!report.version.empty()) {
    absl::StrAppend(out, "- Tool: timescales ",
                    internal::MarkdownText(report.version), "\n");
  }
}

}  // namespace

std::string RenderMarkdown(const Report& report) {
  std::string out;
  AppendTitle(report, &out);
  AppendContext(report, &out);
  AppendNarrative(report, &out);
  AppendScorecard(report, &out);
  AppendDetails(report, &out);
  AppendChairs(report, &out);
  AppendInputs(report, &out);
  AppendMethod(report, &out);
  return out;
}

TSC_NAMESPACE_END
