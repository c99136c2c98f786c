// File: cli/report_command.cc
//
// `timescales report`: the IRO annual report's KPIs from the extracts a
// council already has.

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
  context.SetAction(report, [&context, args](std::ostream& out) {
    absl::StatusOr<Dataset> data;
    absl::StatusOr<Report> result =
        ComputeFromInputs(context, *args, args->period, nullptr, &data);
    if (!result.ok()) return result.status();
    const std::string text = args->format == "csv" ? RenderCsv(*result)
                             : args->format == "markdown"
                                 ? RenderMarkdown(*result)
                             : args->format == "html" ? RenderHtml(*result)
                                                      : RenderJson(*result);
    KeepUntilExit(&data);
    return Write(*args, text, out);
  });
}

}  // namespace cli
}  // namespace timescales
