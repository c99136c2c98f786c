// `timescales calendar info [--format json]`: where the chosen calendar's
// holidays come from and how far they are exact.

#include <memory>
#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "command.h"
#include "nlohmann/json.hpp"
#include "timescales/calendar.h"
#include "timescales/render.h"

namespace timescales {
namespace cli {
namespace {

void PrintInfo(const CalendarInfo& info, OutputFormat format,
               std::ostream& out) {
  if (format == OutputFormat::kJson) {
    out << RenderCalendarInfoJson(info) << "\n";
    return;
  }
  out << "name          " << info.name << "\n"
      << "data version  " << info.data_version << "\n"
      << "exact from    " << info.exact_from.ToString() << "\n"
      << "known until   " << info.known_until.ToString() << "\n";
  const char* label = "sources       ";
  if (info.sources.empty()) out << label << "(none)\n";
  for (const std::string& source : info.sources) {
    out << label << source << "\n";
    label = "              ";
  }
  out << "strict        " << (info.strict ? "yes" : "no") << "\n"
      << "closure days  " << info.closure_days << "\n";
}

}  // namespace

void RegisterCalendarCommand(CLI::App& app, CommandContext& context) {
  CLI::App* calendar =
      app.add_subcommand("calendar", "The working-day calendar itself");
  calendar->require_subcommand(0, 1);  // main() reports a missing one

  auto format = std::make_shared<OutputFormat>(OutputFormat::kText);
  CLI::App* info = calendar->add_subcommand(
      "info", "Name, data version, exact range, sources and closure days");
  AddFormatOption(*info, *format);
  context.SetAction(info, [&context, format](std::ostream& out) {
    absl::StatusOr<Calendar> loaded = context.LoadCalendar();
    if (!loaded.ok()) return loaded.status();
    PrintInfo(loaded->info(), *format, out);
    return absl::OkStatus();
  });
}

}  // namespace cli
}  // namespace timescales
