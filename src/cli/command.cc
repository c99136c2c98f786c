#include "command.h"

#include <cstdio>
#include <iostream>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace timescales {
namespace cli {

absl::StatusOr<Calendar> CommandContext::LoadCalendar() const {
  return cli::LoadCalendar(calendar_options_);
}

void CommandContext::SetAction(CLI::App* command, Action action) {
  // CLI11 runs the callback of the (innermost) subcommand that was chosen;
  // the action itself waits until parsing has fully succeeded.
  command->callback([this, action = std::move(action)]() { action_ = action; });
}

void CommandContext::SetActionUnlessSubcommand(CLI::App* command,
                                               Action action) {
  command->callback([this, command, action = std::move(action)]() {
    if (command->get_subcommands().empty()) action_ = action;
  });
}

absl::Status CommandContext::Run(std::ostream& out) const {
  if (!action_) return absl::InternalError("no command was chosen");
  return action_(out);
}

void AddFormatOption(CLI::App& command, OutputFormat& format) {
  command
      .add_option_function<std::string>(
          "--format",
          [&format](const std::string& value) {
            format = absl::EqualsIgnoreCase(value, "json")
                         ? OutputFormat::kJson
                         : OutputFormat::kText;
          },
          "Output format")
      ->check(CLI::IsMember({"text", "json"}, CLI::ignore_case))
      ->type_name("FORMAT")
      ->default_str("text");
}

std::string DumpJson(const nlohmann::json& document) {
  return document.dump(2, ' ', /*ensure_ascii=*/false,
                       nlohmann::json::error_handler_t::replace);
}

absl::StatusOr<Date> ParseDateArgument(absl::string_view text) {
  absl::StatusOr<Date> date = Date::Parse(text);
  if (date.ok()) return date;
  // Date::Parse quotes the text; make sure whatever happens the user sees it.
  if (absl::StrContains(date.status().message(), text)) return date.status();
  return absl::Status(
      date.status().code(),
      absl::StrCat("\"", text, "\": ", date.status().message()));
}

std::string DescribeHoliday(const Holiday& holiday) {
  std::string text = holiday.name;
  // GOV.UK titles rarely say what kind of day it is; say it unless they do.
  const std::string lower = absl::AsciiStrToLower(holiday.name);
  switch (holiday.kind) {
    case HolidayKind::kBankHoliday:
      break;
    case HolidayKind::kSubstitute:
      if (!absl::StrContains(lower, "substitute")) {
        absl::StrAppend(&text, " (substitute day)");
      }
      break;
    case HolidayKind::kExtra:
      if (!absl::StrContains(lower, "extra")) {
        absl::StrAppend(&text, " (extra bank holiday)");
      }
      break;
    case HolidayKind::kLocalClosure:
      if (!absl::StrContains(lower, "closure")) {
        absl::StrAppend(&text, " (local closure day)");
      }
      break;
  }
  if (holiday.provisional) absl::StrAppend(&text, " [provisional]");
  return text;
}

void WarnIfProvisional(const Calendar& calendar, Date day) {
  if (!calendar.IsProvisional(day)) return;
  std::cerr << "timescales: note: " << day.ToString() << " is after "
            << calendar.info().known_until.ToString()
            << ", the end of the published bank holidays; later holidays "
               "are projected and may change\n";
}

}  // namespace cli
}  // namespace timescales
