// `timescales due RULE ANCHOR` and `timescales rules`: statutory due dates
// with their working, and the rule catalogue.

#include <iostream>
#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "command.h"
#include "engine_options.h"
#include "timescales/due.h"

namespace timescales {
namespace cli {
namespace {

// The legal due date, or date and time for an hour rule with a timed
// anchor: `2020-01-22`, `2024-10-26T11:00`.
absl::StatusOr<DueDate> DueFor(const Timescales& ts, const std::string& rule,
                               absl::string_view anchor_text) {
  absl::StatusOr<Moment> anchor = Moment::Parse(anchor_text);
  if (!anchor.ok()) return anchor.status();
  return ts.Due(rule, *anchor);
}

// The longest stdin line read: an anchor is a date and a time, and an
// endless line (`< /dev/zero`) must not be read until memory runs out.
constexpr size_t kMaxLineBytes = size_t{1} << 20;

enum class LineRead { kLine, kEnd, kTooLong };

// The next line of `in` (without its line end) into `line`.
LineRead ReadLine(std::istream& in, std::string* line) {
  line->clear();
  std::streambuf* buffer = in.rdbuf();
  bool any = false;
  for (;;) {
    const int c = buffer->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      return any ? LineRead::kLine : LineRead::kEnd;
    }
    any = true;
    if (c == '\n') return LineRead::kLine;
    if (line->size() == kMaxLineBytes) return LineRead::kTooLong;
    line->push_back(static_cast<char>(c));
  }
}

// One anchor a line from stdin, one due date a line out, in order.
absl::Status DueFromStdin(const Timescales& ts, const std::string& rule,
                          std::ostream& out) {
  std::string line;
  int number = 0;
  for (LineRead read; (read = ReadLine(std::cin, &line)) != LineRead::kEnd;) {
    ++number;
    if (read == LineRead::kTooLong) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "stdin:%d: the line is longer than %d bytes", number, kMaxLineBytes));
    }
    absl::StatusOr<DueDate> due = DueFor(ts, rule, line);
    if (!due.ok()) {
      return absl::Status(
          due.status().code(),
          absl::StrFormat("stdin:%d: %s", number, due.status().message()));
    }
    out << due->legal_due.ToString() << "\n";
  }
  return absl::OkStatus();
}

void RegisterDue(CLI::App& app, CommandContext& context) {
  struct Args {
    std::string rule;
    std::string anchor;
    bool explain = false;
    EngineOptions engine;
  };
  auto args = std::make_shared<Args>();
  CLI::App* due = app.add_subcommand(
      "due",
      "The legal due date of RULE from ANCHOR (a date, or a date and time "
      "for hour rules); - reads one anchor a line from stdin");
  due->add_option("rule", args->rule,
                  "A rule id; `timescales rules` lists them")
      ->type_name("RULE")
      ->required();
  due->add_option("anchor", args->anchor, "The anchor event, or - for stdin")
      ->type_name("ANCHOR")
      ->required();
  due->add_flag("--explain", args->explain,
                "Show the working: holidays skipped, practical due date, "
                "policy and calendar");
  AddEngineOptions(*due, args->engine);
  context.SetAction(due, [&context, args](std::ostream& out) -> absl::Status {
    absl::StatusOr<Timescales> ts = LoadTimescales(context, args->engine);
    if (!ts.ok()) return ts.status();
    absl::StatusOr<const Rule*> rule = ts->rules().Get(args->rule);
    if (!rule.ok()) return rule.status();
    if (args->anchor == "-") return DueFromStdin(*ts, args->rule, out);
    absl::StatusOr<DueDate> answer = DueFor(*ts, args->rule, args->anchor);
    if (!answer.ok()) return answer.status();
    out << answer->legal_due.ToString() << "\n";
    if (args->explain) out << answer->Explain();
    if (answer->provisional && !args->explain) {
      std::cerr << "timescales: note: provisional: the due date is past the "
                   "published holiday data\n";
    }
    return absl::OkStatus();
  });
}

void RegisterRules(CLI::App& app, CommandContext& context) {
  struct Args {
    OutputFormat format = OutputFormat::kText;
    EngineOptions engine;
  };
  auto args = std::make_shared<Args>();
  CLI::App* rules =
      app.add_subcommand("rules", "The rule catalogue, with sources");
  AddFormatOption(*rules, args->format);
  rules
      ->add_option("--rules", args->engine.rules_file,
                   "A rules JSON file with local overrides and additions")
      ->type_name("FILE");
  context.SetAction(rules, [&context, args](std::ostream& out) -> absl::Status {
    absl::StatusOr<Timescales> ts = LoadTimescales(context, args->engine);
    if (!ts.ok()) return ts.status();
    if (args->format == OutputFormat::kJson) {
      nlohmann::json list = nlohmann::json::array();
      for (const Rule& r : ts->rules().rules()) {
        list.push_back({{"id", r.id},
                        {"description", r.description},
                        {"anchor", r.anchor},
                        {"offset", r.offset},
                        {"unit", std::string(UnitName(r.unit))},
                        {"source", r.source},
                        {"local", r.local}});
      }
      out << DumpJson(list) << "\n";
      return absl::OkStatus();
    }
    for (const Rule& r : ts->rules().rules()) {
      out << absl::StrFormat(
          "%-34s %+5d %-12s %s%s\n%34s anchor: %s\n%34s "
          "source: %s\n",
          r.id, r.offset, UnitName(r.unit), r.description,
          r.local ? " (local)" : "", "", r.anchor, "", r.source);
    }
    return absl::OkStatus();
  });
}

}  // namespace

void RegisterDueCommand(CLI::App& app, CommandContext& context) {
  RegisterDue(app, context);
  RegisterRules(app, context);
}

}  // namespace cli
}  // namespace timescales
