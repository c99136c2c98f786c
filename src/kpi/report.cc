// File: kpi/report.cc
//
// ComputeReport: builds every KPI whose source table is present, counts the
// period, each month and the previous period, and adds RAG ratings,
// benchmarks, the per-chair breakdown and the input reconciliation.

#include "timescales/report.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <iterator>
#include <map>
#include <set>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "kpi/builders.h"
#include "timescales/kpi_registry.h"
#include "timescales/version.h"

TSC_NAMESPACE_BEGIN
namespace {

using internal::KpiContext;
using internal::KpiPtr;

using Builder = absl::StatusOr<KpiPtr> (*)(const KpiContext&);

// The builder of each KPI of the registry.
Builder BuilderOf(absl::string_view id) {
  static const std::pair<const char*, Builder> kBuilders[] = {
      {kpi_id::kLacReviewTimeliness, internal::BuildLacReviewTimeliness},
      {kpi_id::kLacReviewParticipation, internal::BuildLacReviewParticipation},
      {kpi_id::kIcpcTimeliness, internal::BuildIcpcTimeliness},
      {kpi_id::kRcpcTimeliness, internal::BuildRcpcTimeliness},
      {kpi_id::kCpRepeatPlans, internal::BuildCpRepeatPlans},
      {kpi_id::kCpRepeatPlans2y, internal::BuildCpRepeatPlans2y},
      {kpi_id::kCpPlansOpenOver18Months,
       internal::BuildCpPlansOpenOver18Months},
      {kpi_id::kCpPlansEnded2yPlus, internal::BuildCpPlansEnded2yPlus},
      {kpi_id::kLacReviewDecisions5wd, internal::BuildDecisions5wd},
      {kpi_id::kLacReviewRecord20wd, internal::BuildRecord20wd},
      {kpi_id::kLacReviewSwReport24h, internal::BuildSwReport24h},
  };
  for (const auto& [kpi, builder] : kBuilders) {
    if (id == kpi) return builder;
  }
  return nullptr;
}

// green: at or better than target; amber: worse by no more than the
// tolerance; red: otherwise.
std::optional<std::string> Rag(const std::optional<double>& value,
                               const KpiTarget& target) {
  if (!value) return std::nullopt;
  const double better_by = target.polarity == Polarity::kHigherIsBetter
                               ? *value - target.target
                               : target.target - *value;
  // Compare in hundredths: values are reported to 2 dp.
  const double eps = 1e-9;
  if (better_by >= -eps) return std::string("green");
  if (-better_by <= target.amber_tolerance + eps) return std::string("amber");
  return std::string("red");
}

double Round2(double v) { return std::round(v * 100.0) / 100.0; }

// Whether `rows` make the counts of `headline` (CountCases).
bool RowsMakeTheFigure(const KpiResult& kpi, const std::vector<CaseRow>& rows) {
  const KpiCounts made = CountCases(kpi, rows);
  return made.numerator == kpi.headline.numerator &&
         made.denominator == kpi.headline.denominator &&
         made.excluded == kpi.headline.excluded &&
         made.overdue_at_period_end == kpi.headline.overdue_at_period_end;
}

// From the start of `period` to the end of each of its months; the last
// is the whole period.
std::vector<std::pair<std::string, KpiCounts>> YearToDate(
    const internal::Kpi& kpi, const ReportingPeriod& period, Date horizon) {
  std::vector<std::pair<std::string, KpiCounts>> out;
  for (const ReportingPeriod& month : period.Months()) {
    out.emplace_back(month.label, kpi.Count(period.start, month.end, horizon));
  }
  return out;
}

absl::StatusOr<KpiResult> Evaluate(const internal::Kpi& kpi,
                                   const ReportingPeriod& period,
                                   const ReportConfig& config,
                                   const internal::CaseContext* cases) {
  KpiResult result;
  result.id = kpi.id();
  result.title = kpi.title();
  result.unit = kpi.unit();
  result.has_overdue = kpi.has_overdue();
  result.timeliness = kpi.timeliness();
  // Actions with no timestamp are judged as at the headline's end in every
  // count, so the months partition the headline (docs: meeting KPIs).
  const Date horizon = period.end;
  result.headline = kpi.Count(period.start, period.end, horizon);
  if (cases != nullptr) {
    result.cases = kpi.Cases(period.start, period.end, horizon, *cases);
    // Every row of every child, unless one child is being explained: then
    // its rows are only part of the figure.
    if (!cases->explain && !RowsMakeTheFigure(result, result.cases)) {
      return absl::InternalError(absl::StrCat(
          "the case rows of ", kpi.id(),
          " do not add up to its figure; please report this as a bug"));
    }
  }
  for (const ReportingPeriod& month : period.Months()) {
    result.monthly.emplace_back(month.label,
                                kpi.Count(month.start, month.end, horizon));
  }
  result.year_to_date = YearToDate(kpi, period, horizon);
  absl::StatusOr<ReportingPeriod> previous = period.Previous();
  if (previous.ok() && kpi.coverage_start &&
      previous->start >= *kpi.coverage_start) {
    result.previous_period = *previous;
    result.previous = kpi.Count(previous->start, previous->end, horizon);
  }
  // The earlier periods the charts show, the latest first: each covered by
  // the data (docs/kpis.md#earlier-periods). The first is `previous`.
  for (int i = 0; i < config.report.previous_years && previous.ok() &&
                  kpi.coverage_start && previous->start >= *kpi.coverage_start;
       ++i) {
    EarlierPeriod earlier;
    earlier.period = *previous;
    earlier.year_to_date = YearToDate(kpi, *previous, horizon);
    earlier.counts = i == 0
                         ? *result.previous
                         : kpi.Count(previous->start, previous->end, horizon);
    result.earlier.push_back(std::move(earlier));
    previous = previous->Previous();
  }
  const auto settings = config.kpis.find(kpi.id());
  if (settings != config.kpis.end()) {
    result.narrative = settings->second.narrative;
    if (settings->second.target) {
      result.target = settings->second.target;
      result.rag = Rag(result.headline.value, *settings->second.target);
    }
    for (const auto& [name, comparator] : settings->second.benchmarks) {
      std::optional<double> difference;
      if (result.headline.value) {
        difference = Round2(*result.headline.value - comparator);
      }
      result.benchmarks.push_back({name, {comparator, difference}});
    }
  }
  return result;
}

// One row a chair with meetings or reviews in the period, from the meeting
// KPIs' counts per chair (`by_kpi`, keyed by KPI id).
std::vector<ChairRow> ByChair(
    const KpiContext& ctx, const ReportingPeriod& period,
    const std::map<std::string, std::vector<KpiCounts>>& by_kpi) {
  const internal::MeetingChairs& chairs = internal::Chairs(ctx);
  std::vector<ChairRow> rows(chairs.names.size());
  std::vector<std::set<std::string_view>> children(chairs.names.size());
  for (size_t i = 0; i < ctx.data.meetings.size(); ++i) {
    const MeetingRecord& m = ctx.data.meetings[i];
    if (!period.Contains(m.held.date)) continue;
    const size_t chair = static_cast<size_t>(chairs.of_meeting[i]);
    ChairRow& row = rows[chair];
    ++row.meetings;
    row.qa_alerts += m.qa_alerts;
    if (children[chair].insert(m.child).second) ++row.children;
  }
  auto counts = [&](const char* id, size_t chair) {
    const auto it = by_kpi.find(id);
    return it == by_kpi.end() ? KpiCounts() : it->second[chair];
  };
  std::vector<ChairRow> out;
  for (size_t chair = 0; chair < rows.size(); ++chair) {
    ChairRow& row = rows[chair];
    row.chair_id = chairs.names[chair].empty()
                       ? "(none)"
                       : std::string(chairs.names[chair]);
    row.decisions = counts(kpi_id::kLacReviewDecisions5wd, chair);
    row.record = counts(kpi_id::kLacReviewRecord20wd, chair);
    row.sw_report = counts(kpi_id::kLacReviewSwReport24h, chair);
    if (row.meetings == 0 && row.decisions.denominator == 0) continue;
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<TableReconciliation> Reconcile(const Dataset& data) {
  std::map<std::string, TableReconciliation> by_table;
  for (const InputFile& f : data.files) {
    TableReconciliation& t = by_table[f.table];
    t.table = f.table;
    t.read += f.rows;
    t.rejected += f.rejected;
    t.kept += f.rows - f.rejected;
  }
  std::vector<TableReconciliation> out;
  for (auto& [name, t] : by_table) out.push_back(std::move(t));
  return out;
}

// "1,194"
std::string Grouped(int64_t n) {
  std::string digits = absl::StrCat(n < 0 ? -n : n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<size_t>(i), ",");
  }
  return n < 0 ? "-" + digits : digits;
}

std::string Share(int64_t part, int64_t whole) {
  return absl::StrFormat(
      "%.1f%%",
      whole > 0 ? 100.0 * static_cast<double>(part) / static_cast<double>(whole)
                : 0.0);
}

// The columns and tables that lost more rows than `max_share` allows.
void JudgeRejections(const Dataset& data, double max_share,
                     std::vector<DataProblem>* out) {
  auto over = [max_share](int64_t rejected, int64_t rows) {
    return rows > 0 && rejected > 0 &&
           static_cast<double>(rejected) >
               max_share * static_cast<double>(rows);
  };
  for (const InputFile& file : data.files) {
    if (file.ignored) continue;
    for (const ColumnRejections& column : file.rejections_by_column) {
      if (!over(column.rejected, file.rows)) continue;
      const std::string what = column.column.empty()
                                   ? std::string("rows that cannot be read")
                                   : column.column;
      out->push_back(DataProblem{
          "column", file.path, file.table, column.column, column.rejected,
          file.rows,
          absl::StrFormat("%s: %s: %s of %s rows rejected (%s), such as line "
                          "%d: %s",
                          file.path, what, Grouped(column.rejected),
                          Grouped(file.rows), Share(column.rejected, file.rows),
                          column.first_line, column.first_reason)});
    }
  }
  for (const TableReconciliation& table : Reconcile(data)) {
    if (!over(table.rejected, table.read)) continue;
    out->push_back(DataProblem{
        "table", "", table.table, "", table.rejected, table.read,
        absl::StrFormat("%s: %s of %s rows rejected (%s), more than the %s "
                        "allowed",
                        table.table, Grouped(table.rejected),
                        Grouped(table.read), Share(table.rejected, table.read),
                        absl::StrFormat("%g%%", 100 * max_share))});
  }
}

// A KPI with no cases while rows of its tables were rejected: its "n/a"
// may be the rejections' doing, not the period's.
void JudgeEmptiedKpis(const Report& report, const Dataset& data,
                      std::vector<DataProblem>* out) {
  const std::vector<TableReconciliation> tables = Reconcile(data);
  for (const KpiResult& kpi : report.kpis) {
    if (kpi.headline.denominator > 0) continue;
    const KpiDefinition* definition = FindKpi(kpi.id);
    if (definition == nullptr) continue;
    int64_t rejected = 0;
    int64_t read = 0;
    for (const TableReconciliation& table : tables) {
      for (const char* needed : definition->tables) {
        // A census or 903 XML file stands for the tables it holds.
        if (table.table == needed ||
            (table.table == "cin.census" && absl::StartsWith(needed, "cin.")) ||
            (table.table == "ssda903.xml" &&
             absl::StartsWith(needed, "ssda903."))) {
          rejected += table.rejected;
          read += table.read;
        }
      }
    }
    if (rejected == 0) continue;
    out->push_back(DataProblem{
        "kpi", "", "", kpi.id, rejected, read,
        absl::StrFormat("%s has no cases in %s, and %s of the %s rows of its "
                        "input were rejected: the empty figure may be theirs",
                        kpi.id, report.period.label, Grouped(rejected),
                        Grouped(read))});
  }
}

// The counts of docs/kpis.md#context.
ReportContext Context(const KpiContext& ctx, const ReportingPeriod& period) {
  ReportContext out;
  const Dataset& data = ctx.data;
  const Date s = period.start, e = period.end;
  if (data.Has("ssda903.episodes")) {
    const internal::LacView& lac = internal::Lac(ctx);
    int64_t in_care = 0;
    for (size_t child = 0; child < lac.children(); ++child) {
      for (const internal::PeriodOfCare& p : lac.Periods(child)) {
        if (p.short_break || p.first_decom > e) continue;
        if (!p.end || *p.end > e) {
          ++in_care;
          break;
        }
      }
    }
    out.children_in_care = in_care;
  }
  if (data.Has("ssda903.reviews")) {
    const internal::LacView& lac = internal::Lac(ctx);
    int64_t held = 0;
    for (size_t child = 0; child < lac.children(); ++child) {
      for (const internal::ChildReview& r : lac.Reviews(child)) {
        if (!r.duplicate && r.date >= s && r.date <= e) ++held;
      }
    }
    out.lac_reviews = held;
  }
  if (data.Has("cin.cp_plans")) {
    std::set<std::string_view> on_plans;
    int64_t rcpcs = 0;
    for (const CpPlanRecord& plan : internal::Plans(ctx)) {
      if (plan.start && *plan.start <= e && (!plan.end || *plan.end > e)) {
        on_plans.insert(plan.child);
      }
      std::set<Date> dates;
      for (const Date& d : plan.reviews) {
        if (d >= s && d <= e) dates.insert(d);
      }
      rcpcs += static_cast<int64_t>(dates.size());
    }
    out.children_on_cp_plans = static_cast<int64_t>(on_plans.size());
    out.rcpcs = rcpcs;
  }
  if (data.Has("cin.section47")) {
    std::set<std::pair<std::string_view, Date>> icpcs;
    for (const Section47Record& s47 : internal::Enquiries(ctx)) {
      if (s47.icpc && *s47.icpc >= s && *s47.icpc <= e) {
        icpcs.insert({s47.child, *s47.icpc});
      }
    }
    out.icpcs = static_cast<int64_t>(icpcs.size());
  }
  return out;
}

// LAC reviews held in the period by participation code
// (docs/kpis.md#participation-mix).
std::vector<std::pair<std::string, int64_t>> ParticipationMix(
    const KpiContext& ctx, const ReportingPeriod& period) {
  std::vector<std::pair<std::string, int64_t>> out;
  if (!ctx.data.Has("ssda903.reviews")) return out;
  int64_t by_code[9] = {};
  const internal::LacView& lac = internal::Lac(ctx);
  for (size_t child = 0; child < lac.children(); ++child) {
    for (const internal::ChildReview& r : lac.Reviews(child)) {
      if (r.duplicate || r.date < period.start || r.date > period.end) {
        continue;
      }
      const std::string& code = r.record->review_code;
      const bool pn = code.size() == 3 && code[0] == 'P' && code[1] == 'N' &&
                      code[2] >= '0' && code[2] <= '7';
      ++by_code[pn ? code[2] - '0' : 8];
    }
  }
  for (int i = 0; i < 9; ++i) {
    if (by_code[i] == 0) continue;
    out.emplace_back(i < 8 ? absl::StrCat("PN", i) : "other", by_code[i]);
  }
  return out;
}

// Today (UTC), or the day of SOURCE_DATE_EPOCH when it is set, so that a
// build can reproduce a page byte for byte.
std::optional<Date> Today() {
  int64_t seconds = static_cast<int64_t>(std::time(nullptr));
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
      epoch != nullptr && *epoch != '\0') {
    char* end = nullptr;
    errno = 0;
    const long long v = std::strtoll(epoch, &end, 10);
    if (errno == 0 && end != nullptr && *end == '\0' && v >= 0) seconds = v;
  }
  const int64_t days = seconds / 86400;
  if (days < 0 || days > 100000) return std::nullopt;
  return Date::FromSerial(static_cast<int32_t>(days));
}

}  // namespace

absl::StatusOr<Report> ComputeReport(const Dataset& data,
                                     const ReportingPeriod& period,
                                     const ReportConfig& config,
                                     const ReportOptions& options) {
  absl::StatusOr<Timescales> built = config.BuildTimescales();
  if (!built.ok()) return built.status();
  const Timescales& ts = *built;
  KpiContext ctx(data, ts, options.data_from);
  ctx.detail = options.detail;
  ctx.detail_start = period.start;
  ctx.detail_end = period.end;
  ctx.detail_child = options.detail_child;

  Report report;
  report.period = period;
  report.files = data.files;
  report.rejections = data.rejections;
  report.warnings = data.warnings;
  report.reconciliation = Reconcile(data);
  report.detail = options.detail;
  report.title = config.report.title;
  report.council = config.report.council;
  report.narrative = config.report.narrative;
  report.generated = Today();
  report.version = TSC_VERSION_STRING;
  report.policy = ts.policy().Describe();
  const CalendarInfo& info = ts.calendar().info();
  report.calendar =
      absl::StrFormat("%s (data %s, known until %s)", info.name,
                      info.data_version, info.known_until.ToString());
  std::map<std::string, std::vector<KpiCounts>> by_chair;
  for (const KpiDefinition& definition : KpiRegistry()) {
    const bool present =
        std::all_of(definition.tables.begin(), definition.tables.end(),
                    [&](const char* table) { return data.Has(table); });
    if (!present) {
      report.missing.push_back(definition.id);
      continue;
    }
    const Builder build = BuilderOf(definition.id);
    if (build == nullptr) {
      return absl::InternalError(
          absl::StrCat("no builder for KPI ", definition.id));
    }
    absl::StatusOr<KpiPtr> kpi = build(ctx);
    if (!kpi.ok()) return kpi.status();
    std::optional<internal::CaseContext> cases;
    if (options.detail) {
      cases.emplace(internal::CaseContext{
          ts, data.meetings.empty() ? nullptr : &internal::Chairs(ctx).names,
          !options.detail_child.empty()});
    }
    absl::StatusOr<KpiResult> result =
        Evaluate(**kpi, period, config, cases ? &*cases : nullptr);
    if (!result.ok()) return result.status();
    report.kpis.push_back(*std::move(result));
    if (definition.by_chair) {
      by_chair[definition.id] = (*kpi)->CountByGroup(
          period.start, period.end, period.end,
          static_cast<int32_t>(internal::Chairs(ctx).names.size()));
    }
  }
  if (data.Has("ssda903.reviews")) {
    report.lac_coverage_start = internal::LacCoverageStart(ctx);
  }
  if (data.Has("cin.cp_plans")) {
    std::vector<Rejection> open = internal::OpenEarlierPlanWarnings(ctx);
    report.warnings.insert(report.warnings.end(),
                           std::make_move_iterator(open.begin()),
                           std::make_move_iterator(open.end()));
  }
  if (data.Has("cin.cp_plans") || data.Has("cin.section47")) {
    report.cp_coverage_start = internal::CpCoverageStart(ctx);
  }
  if (data.Has("meetings")) report.by_chair = ByChair(ctx, period, by_chair);
  report.context = Context(ctx, period);
  report.participation = ParticipationMix(ctx, period);
  JudgeRejections(data, options.max_rejected_share, &report.data_problems);
  JudgeEmptiedKpis(report, data, &report.data_problems);
  return report;
}

TSC_NAMESPACE_END
