// File: cli/report_command.cc
//
// `timescales report`: the IRO annual report's KPIs from the extracts a
// council already has. With --detail, the cases behind each figure
// (docs/kpis.md#case-level-detail): personal data, so never by default.

#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "command.h"
#include "report_inputs.h"
#include "timescales/render.h"
#include "timescales/report.h"

namespace timescales {
namespace cli {

void RegisterReportCommand(CLI::App& app, CommandContext& context) {
  struct Args : InputArgs {
    std::string period;
    bool detail = false;
  };
  auto args = std::make_shared<Args>();
  args->format = "json";
  CLI::App* report = app.add_subcommand(
      "report",
      "The KPIs of an IRO annual report from SSDA903, CIN census and "
      "meetings extracts");
  AddInputOptions(*report, *args);
  report
      ->add_option("--period", args->period,
                   "2019-20, 2019-20-Q3, 2019-10 or 2019-04-01..2020-03-31")
      ->type_name("PERIOD")
      ->required();
  report->add_option("--format", args->format, "json, csv, markdown or html")
      ->check(CLI::IsMember({"json", "csv", "markdown", "html"}))
      ->type_name("FORMAT")
      ->default_str("json");
  report->add_flag(
      "--detail", args->detail,
      "Add the cases behind each figure (children's identifiers: the output "
      "then contains personal data, for the council's own use). JSON: each "
      "KPI's cases; csv: the case table instead of the figures; markdown "
      "and html: each KPI's late, overdue and excluded cases");
  context.SetAction(report, [&context, args](std::ostream& out) {
    absl::StatusOr<Dataset> data;
    const std::function<void(ReportOptions&)> adjust =
        [detail = args->detail](ReportOptions& options) {
          options.detail = detail;
        };
    absl::StatusOr<Report> result =
        ComputeFromInputs(context, *args, args->period, adjust, &data);
    if (!result.ok()) return result.status();
    KeepUntilExit(&data);
    const Report& computed = *result;
    // Streamed: a detail report of a big authority runs to hundreds of
    // megabytes.
    if (args->format == "json") {
      return WriteStream(
          *args, [&computed](std::ostream& o) { RenderJson(computed, o); },
          out);
    }
    if (args->format == "csv" && args->detail) {
      return WriteStream(
          *args,
          [&computed](std::ostream& o) {
            RenderCasesCsv(computed, "", CaseFilter{}, o);
          },
          out);
    }
    const std::string text = args->format == "csv" ? RenderCsv(computed)
                             : args->format == "markdown"
                                 ? RenderMarkdown(computed)
                                 : RenderHtml(computed);
    return Write(*args, text, out);
  });
}

}  // namespace cli
}  // namespace timescales
