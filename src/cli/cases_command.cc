// File: cli/cases_command.cc
//
// `timescales cases` and `timescales explain`: the case-level detail behind
// the report's figures (docs/kpis.md#case-level-detail). `cases` lists a
// KPI's rows for a manager (late reviews, a chair's, a month's); `explain`
// shows one child's rows in every KPI with the working of each.

#include <algorithm>
#include <iostream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "base/excerpt.h"
#include "command.h"
#include "exit_status.h"
#include "report_inputs.h"
#include "timescales/cases.h"
#include "timescales/kpi_registry.h"
#include "timescales/render.h"
#include "timescales/report.h"

namespace timescales {
namespace cli {
namespace {

constexpr const char* kOutcomes[] = {"on_time",  "late",    "overdue",
                                     "excluded", "counted", "not_counted"};

// Mistakes in the command line itself exit 2, as a bad --period does.
absl::Status UsageError(std::string message) {
  return WithExitStatus(absl::InvalidArgumentError(std::move(message)),
                        kExitUsageError);
}

std::string KpiIds() {
  std::vector<std::string> ids;
  for (const KpiDefinition& kpi : KpiRegistry()) ids.push_back(kpi.id);
  return absl::StrJoin(ids, ", ");
}

absl::StatusOr<std::vector<CaseOutcome>> ParseOutcomes(
    const std::string& text) {
  std::vector<CaseOutcome> out;
  for (absl::string_view name :
       absl::StrSplit(text, ',', absl::SkipWhitespace())) {
    name = absl::StripAsciiWhitespace(name);
    std::optional<CaseOutcome> outcome =
        ParseCaseOutcome(std::string_view(name.data(), name.size()));
    if (!outcome) {
      return UsageError(
          absl::StrCat("--outcome: unknown outcome '", internal::Excerpt(name),
                       "'; the outcomes are ", absl::StrJoin(kOutcomes, ", ")));
    }
    out.push_back(*outcome);
  }
  return out;
}

// yyyy-mm, the form of CaseRow::Month: anything else would match no row
// without saying why.
absl::Status CheckMonth(const std::string& month) {
  const bool ok =
      month.size() == 7 && month[4] == '-' &&
      std::all_of(month.begin(), month.begin() + 4, absl::ascii_isdigit) &&
      absl::ascii_isdigit(month[5]) && absl::ascii_isdigit(month[6]) &&
      month.substr(5) >= "01" && month.substr(5) <= "12";
  if (ok) return absl::OkStatus();
  return UsageError(absl::StrCat("--month: '", internal::Excerpt(month),
                                 "' is not a month: write it yyyy-mm, as "
                                 "2019-10"));
}

// The option that gives a table: "ssda903.reviews" comes from --ssda903.
std::string OptionOf(const std::string& table) {
  if (absl::StartsWith(table, "ssda903.")) return "--ssda903";
  if (absl::StartsWith(table, "cin.")) return "--cin";
  if (table == "meetings") return "--meetings";
  return "";
}

// Why `definition` is not among the report's KPIs: the tables it needs
// that the inputs lack, with the option that gives each.
absl::Status NotComputed(const KpiDefinition& definition, const Dataset& data) {
  std::vector<std::string> absent;
  for (const char* table : definition.tables) {
    if (data.Has(table)) continue;
    const std::string option = OptionOf(table);
    absent.push_back(option.empty() ? std::string(table)
                                    : absl::StrCat(table, " (", option, ")"));
  }
  if (absent.empty()) {
    return absl::InternalError(absl::StrCat(
        definition.id, " was not computed, though its inputs are present"));
  }
  return absl::InvalidArgumentError(absl::StrCat(
      definition.id, " is not computed: it needs ",
      absl::StrJoin(absent, " and "), ", which the inputs do not hold"));
}

struct CasesArgs : InputArgs {
  std::string kpi;
  std::string period;
  std::string outcome;
  std::string chair;
  std::string month;
  std::string child;
};

absl::Status RunCases(const CommandContext& context, const CasesArgs& args,
                      std::ostream& out) {
  // Everything the command line says is checked before the inputs are read.
  const KpiDefinition* definition = FindKpi(args.kpi);
  if (definition == nullptr) {
    return UsageError(absl::StrCat("unknown KPI '", internal::Excerpt(args.kpi),
                                   "'; the KPIs are ", KpiIds()));
  }
  CaseFilter filter;
  absl::StatusOr<std::vector<CaseOutcome>> outcomes =
      ParseOutcomes(args.outcome);
  if (!outcomes.ok()) return outcomes.status();
  filter.outcomes = *std::move(outcomes);
  if (!args.month.empty()) {
    absl::Status month = CheckMonth(args.month);
    if (!month.ok()) return month;
  }
  filter.chair_id = args.chair;
  filter.month = args.month;
  filter.child = args.child;

  absl::StatusOr<Dataset> data;
  absl::StatusOr<Report> report = ComputeFromInputs(
      context, args, args.period,
      [&args](ReportOptions& options) {
        options.detail = true;
        // One child's rows only: far less to hold for a national extract.
        options.detail_child = args.child;
      },
      &data);
  if (!report.ok()) return report.status();
  const KpiResult* kpi = nullptr;
  for (const KpiResult& k : report->kpis) {
    if (k.id == args.kpi) kpi = &k;
  }
  if (kpi == nullptr) return NotComputed(*definition, *data);

  if (!args.month.empty()) {
    bool in_period = false;
    for (const ReportingPeriod& month : report->period.Months()) {
      in_period = in_period || month.label == args.month;
    }
    if (!in_period) {
      std::cerr << "timescales: note: " << args.month
                << " is not a month of the period " << report->period.label
                << ": no case can match\n";
    }
  }

  const std::string_view id = kpi->id;
  absl::Status written;
  if (args.format == "csv") {
    written = WriteStream(
        args,
        [&](std::ostream& stream) {
          RenderCasesCsv(*report, id, filter, stream);
        },
        out);
  } else {
    written =
        Write(args,
              args.format == "json" ? RenderCasesJson(*report, id, filter)
                                    : RenderCasesText(*report, id, filter),
              out);
  }
  KeepUntilExit(&data);
  return written;
}

struct ExplainArgs : InputArgs {
  std::string child;
  std::string period;
};

absl::Status RunExplain(const CommandContext& context, const ExplainArgs& args,
                        std::ostream& out) {
  absl::StatusOr<Dataset> data;
  absl::StatusOr<Report> report = ComputeFromInputs(
      context, args, args.period,
      [&args](ReportOptions& options) {
        options.detail = true;
        options.detail_child = args.child;
      },
      &data);
  if (!report.ok()) return report.status();
  CaseFilter filter;
  filter.child = args.child;
  bool any = false;
  for (const KpiResult& kpi : report->kpis) {
    for (const CaseRow& row : kpi.cases) any = any || filter.Matches(row);
  }
  const std::string none =
      absl::StrCat("no records of child ", internal::Excerpt(args.child),
                   " in the period's KPIs (", report->period.label, ")");
  std::string text;
  if (args.format == "json") {
    // The JSON stays a document with an empty `cases`; the words go to
    // stderr.
    if (!any) std::cerr << "timescales: note: " << none << "\n";
    text = RenderCasesJson(*report, "", filter);
  } else {
    text = any ? RenderExplanation(*report) : none + "\n";
  }
  KeepUntilExit(&data);
  return Write(args, text, out);
}

void AddPeriodOption(CLI::App& command, std::string& period) {
  command
      .add_option("--period", period,
                  "2019-20, 2019-20-Q3, 2019-10 or 2019-04-01..2020-03-31")
      ->type_name("PERIOD")
      ->required();
}

}  // namespace

void RegisterCasesCommand(CLI::App& app, CommandContext& context) {
  auto cases_args = std::make_shared<CasesArgs>();
  cases_args->format = "table";
  CLI::App* cases = app.add_subcommand(
      "cases",
      "The cases behind a KPI of the report: the reviews, conferences, "
      "plans or actions it counted, late or excluded (personal data)");
  cases->add_option("kpi", cases_args->kpi, "The KPI's id, as in the report")
      ->type_name("KPI")
      ->required();
  AddInputOptions(*cases, *cases_args);
  AddPeriodOption(*cases, cases_args->period);
  cases
      ->add_option("--outcome", cases_args->outcome,
                   "Only these outcomes, comma-separated: on_time, late, "
                   "overdue, excluded, counted, not_counted")
      ->type_name("LIST");
  cases->add_option("--chair", cases_args->chair, "Only this chair's cases")
      ->type_name("ID");
  cases->add_option("--month", cases_args->month, "Only this month's cases")
      ->type_name("YYYY-MM");
  cases->add_option("--child", cases_args->child, "Only this child's cases")
      ->type_name("ID");
  cases->add_option("--format", cases_args->format, "table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}))
      ->type_name("FORMAT")
      ->default_str("table");
  context.SetAction(cases, [&context, cases_args](std::ostream& out) {
    return RunCases(context, *cases_args, out);
  });

  auto explain_args = std::make_shared<ExplainArgs>();
  explain_args->format = "text";
  CLI::App* explain = app.add_subcommand(
      "explain",
      "One child's cases in every KPI of the report, with the working: "
      "the period of care, the due dates, why each counts (personal data)");
  explain->add_option("--child", explain_args->child, "The child's id")
      ->type_name("ID")
      ->required();
  AddInputOptions(*explain, *explain_args);
  AddPeriodOption(*explain, explain_args->period);
  explain->add_option("--format", explain_args->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->type_name("FORMAT")
      ->default_str("text");
  context.SetAction(explain, [&context, explain_args](std::ostream& out) {
    return RunExplain(context, *explain_args, out);
  });
}

}  // namespace cli
}  // namespace timescales
