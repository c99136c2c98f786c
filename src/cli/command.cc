#include "command.h"

#include <cstdio>
#include <iostream>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "base/excerpt.h"

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
      ->check(
          [](const std::string& value) -> std::string {
            if (absl::EqualsIgnoreCase(value, "text") ||
                absl::EqualsIgnoreCase(value, "json")) {
              return std::string();
            }
            return absl::StrCat("'", internal::Excerpt(value),
                                "' is not text or json");
          },
          "{text,json}", "FORMAT")
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
  // Date::Parse quotes the text; make sure whatever happens the user sees it
  // (as much of it as a message quotes).
  const std::string quoted = internal::Excerpt(text);
  if (absl::StrContains(date.status().message(), quoted)) {
    return date.status();
  }
  return absl::Status(
      date.status().code(),
      absl::StrCat("\"", quoted, "\": ", date.status().message()));
}

CLI::Option* Decimal(CLI::Option* option) {
  return option->transform(CLI::Validator(
      [](std::string& value) -> std::string {
        absl::string_view digits = value;
        const bool negative = absl::ConsumePrefix(&digits, "-");
        if (!negative) absl::ConsumePrefix(&digits, "+");
        if (digits.empty() ||
            digits.find_first_not_of("0123456789") != absl::string_view::npos) {
          return absl::StrCat("'", internal::Excerpt(value),
                              "' is not a decimal whole number (digits 0-9, "
                              "optionally after + or -)");
        }
        // "010" is ten: drop the zeros strtoll would read as octal.
        const size_t first = digits.find_first_not_of('0');
        digits = first == absl::string_view::npos ? "0" : digits.substr(first);
        // Past any option's range, and CLI11's own messages would quote it
        // whole.
        if (digits.size() > 18) {
          return absl::StrCat("'", internal::Excerpt(value),
                              "' is out of range");
        }
        value = absl::StrCat(negative && digits != "0" ? "-" : "", digits);
        return std::string();
      },
      /*validator_desc=*/"", /*validator_name=*/"DECIMAL"));
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
