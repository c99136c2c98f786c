// File: render/cases.cc
//
// Case-level detail (docs/kpis.md#case-level-detail): the rows behind the
// figures as a tidy CSV, JSON, an aligned text table, and one child's rows
// with their working (`timescales explain`).
//
// Conventions, shared with the report's renderers:
//  * CSV: one row a case, `kpi` first, the members of the report's case
//    objects after it in the same order. A value that does not apply (no
//    reason, no due date, slot 0, no chair) is the empty cell; booleans are
//    true/false. Fields are quoted by internal::CsvField as report_csv.cc
//    does (RFC 4180, LF line ends, UTF-8). No comment line says the file is
//    personal data: readers such as Power BI would take it for a row.
//  * JSON: the same members, null where the CSV cell is empty; a case a
//    line, as in the report's `cases`.
//  * Text and explanation: a first line that says the output names
//    children, for a person who pastes it somewhere.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "calendar/civil.h"
#include "nlohmann/json.hpp"
#include "render/case_json.h"
#include "render/text.h"
#include "timescales/render.h"

TSC_NAMESPACE_BEGIN
namespace {

using Json = nlohmann::ordered_json;

// The first line of the text and the explanation, and the JSON's
// `personal_data`: worded as the detail report's JSON says it.
constexpr char kPersonalData[] =
    "Contains personal data: children's identifiers. For the council's own "
    "use; do not publish or share.";

// The row's static strings are std::string_view, which this Abseil's
// string_view (not an alias of it) does not convert from.
absl::string_view Sv(std::string_view s) { return {s.data(), s.size()}; }

constexpr absl::string_view kCsvHeader =
    "kpi,child,item,date,month,outcome,in_numerator,in_denominator,reason,"
    "rule,slot,anchor,due,practical_due,late_working_days,chair_id,source\n";

// Calls f(kpi, row) for every row of `kpi_id` (every KPI when empty) that
// `filter` matches, in report order and each KPI's date order.
template <typename F>
void ForEachCase(const Report& report, std::string_view kpi_id,
                 const CaseFilter& filter, F&& f) {
  for (const KpiResult& kpi : report.kpis) {
    if (!kpi_id.empty() && kpi.id != kpi_id) continue;
    for (const CaseRow& row : kpi.cases) {
      if (filter.Matches(row)) f(kpi, row);
    }
  }
}

std::string DateText(const std::optional<Date>& date) {
  return date ? date->ToString() : std::string();
}

// Slot 0 is "no slot" (cases.h), so it is absent rather than a number.
std::string SlotText(int32_t slot) {
  return slot > 0 ? absl::StrCat(slot) : std::string();
}

std::string DaysText(const std::optional<int32_t>& days) {
  return days ? absl::StrCat(*days) : std::string();
}

// Null for a row with no record behind it, rather than SourceOf's
// "(unknown):0".
std::string SourceText(const Report& report, const SourceRef& source) {
  return source.file >= 0 ? report.SourceOf(source) : std::string();
}

// The CSV rows, written into a buffer with as little work per row as an
// England-sized table (millions of rows) allows: a field is quoted only
// when it needs it, dates are written without a format string, and the
// "path:" of a source is built once per file.
class CsvWriter {
 public:
  explicit CsvWriter(const Report& report) : report_(report) {}

  void Append(const KpiResult& kpi, const CaseRow& row, std::string* out) {
    Field(kpi.id, out);
    out->push_back(',');
    Field(row.child, out);
    absl::StrAppend(out, ",", CaseItemName(row.item), ",");
    internal::AppendIsoDate(row.date.serial(), 10, out);
    out->push_back(',');
    internal::AppendIsoDate(row.date.serial(), 7, out);
    absl::StrAppend(out, ",", CaseOutcomeName(row.outcome), ",",
                    row.in_numerator ? "true" : "false", ",",
                    row.in_denominator ? "true" : "false", ",");
    Field(Sv(row.reason), out);
    out->push_back(',');
    Field(Sv(row.rule), out);
    out->push_back(',');
    if (row.slot > 0) absl::StrAppend(out, row.slot);
    for (const std::optional<Date>& date :
         {row.anchor, row.due, row.practical_due}) {
      out->push_back(',');
      if (date) internal::AppendIsoDate(date->serial(), 10, out);
    }
    out->push_back(',');
    if (row.late_working_days) absl::StrAppend(out, *row.late_working_days);
    out->push_back(',');
    if (row.chair_id) Field(*row.chair_id, out);
    out->push_back(',');
    Source(row.source, out);
    out->push_back('\n');
  }

 private:
  // Plain ASCII with nothing to quote goes as it is; anything else through
  // CsvField (quotes, and U+FFFD for bytes that are not UTF-8).
  static bool Plain(absl::string_view s) {
    for (char c : s) {
      const auto u = static_cast<unsigned char>(c);
      if (u >= 0x80 || c == ',' || c == '"' || c == '\r' || c == '\n') {
        return false;
      }
    }
    return true;
  }

  static void Field(absl::string_view s, std::string* out) {
    if (Plain(s)) {
      out->append(s.data(), s.size());
    } else {
      out->append(internal::CsvField(s));
    }
  }

  // Report::SourceOf(), its "path:" kept from the row before: a KPI's rows
  // come from one or two files. Empty for a row with no record behind it.
  void Source(const SourceRef& source, std::string* out) {
    if (source.file < 0) return;
    if (source.file != prefix_file_) {
      prefix_file_ = source.file;
      prefix_ = report_.SourceOf(SourceRef{source.file, 0});
      // Only a plain "path:0" can be reused; otherwise ask every time.
      prefix_ok_ = absl::EndsWith(prefix_, ":0") && Plain(prefix_);
      if (prefix_ok_) prefix_.pop_back();
    }
    if (prefix_ok_) {
      absl::StrAppend(out, prefix_, source.line);
    } else {
      Field(report_.SourceOf(source), out);
    }
  }

  const Report& report_;
  int32_t prefix_file_ = -1;
  std::string prefix_;
  bool prefix_ok_ = false;
};

// Identifiers and file names come from user data and need not be UTF-8:
// bad bytes become U+FFFD rather than an exception.
std::string Dump(const Json& value) {
  return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// An object on one line, `{"child": "1000134", "item": "review", ...}`, as
// the report's cases are: a case a line, and no document of millions of
// objects held while it is written.
std::string OneLine(const Json& object) {
  std::string out = "{";
  for (auto it = object.begin(); it != object.end(); ++it) {
    absl::StrAppend(&out, it == object.begin() ? "" : ", ", Dump(it.key()),
                    ": ", Dump(*it));
  }
  out += "}";
  return out;
}

// Text for a terminal cell: valid UTF-8, and no control character (a line
// break in a chair's name would break the table).
std::string Cell(absl::string_view s) {
  std::string out = internal::ValidUtf8(s);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  return out;
}

// Columns line up by code points, not bytes ("Siân Evans" is 10 wide).
size_t Width(absl::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string Dash(std::string s) { return s.empty() ? "-" : s; }

std::string OutcomeText(const CaseRow& row) {
  std::string out = CaseOutcomeName(row.outcome);
  if (!row.reason.empty()) absl::StrAppend(&out, " (", Sv(row.reason), ")");
  return out;
}

// Where a row counts, in words.
std::string CountsText(const CaseRow& row) {
  if (row.in_numerator && row.in_denominator) {
    return "in the numerator and the denominator";
  }
  if (row.in_denominator) return "in the denominator, not the numerator";
  if (row.in_numerator) return "in the numerator, not the denominator";
  return "in neither the numerator nor the denominator";
}

std::string PeriodText(const ReportingPeriod& period) {
  return absl::StrCat(period.label, " (", period.start.ToLongString(), " to ",
                      period.end.ToLongString(), ")");
}

}  // namespace

std::string RenderCasesCsv(const Report& report, std::string_view kpi_id,
                           const CaseFilter& filter) {
  std::string out(kCsvHeader);
  CsvWriter writer(report);
  ForEachCase(report, kpi_id, filter,
              [&](const KpiResult& kpi, const CaseRow& row) {
                writer.Append(kpi, row, &out);
              });
  return out;
}

void RenderCasesCsv(const Report& report, std::string_view kpi_id,
                    const CaseFilter& filter, std::ostream& out) {
  // Written in blocks of 64 KiB: an England-sized table never sits in
  // memory as text.
  constexpr size_t kFlushAt = 1 << 16;
  std::string buffer(kCsvHeader);
  CsvWriter writer(report);
  const auto flush = [&] {
    out.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    buffer.clear();
  };
  ForEachCase(report, kpi_id, filter,
              [&](const KpiResult& kpi, const CaseRow& row) {
                writer.Append(kpi, row, &buffer);
                if (buffer.size() >= kFlushAt) flush();
              });
  flush();
}

std::string RenderCasesJson(const Report& report, std::string_view kpi_id,
                            const CaseFilter& filter) {
  Json period = Json::object();
  period["start"] = report.period.start.ToString();
  period["end"] = report.period.end.ToString();
  period["label"] = report.period.label;
  std::string out =
      absl::StrCat("{\n  \"personal_data\": ", Dump(Json(kPersonalData)),
                   ",\n  \"period\": ", OneLine(period), ",\n  \"kpi\": ",
                   kpi_id.empty() ? "null" : Dump(Json(std::string(kpi_id))),
                   ",\n  \"cases\": [");
  bool first = true;
  internal::CaseJsonWriter cases(report);
  ForEachCase(report, kpi_id, filter,
              [&](const KpiResult& kpi, const CaseRow& row) {
                out.append(first ? "\n    " : ",\n    ");
                cases.Append(row, kpi.id, &out);
                first = false;
              });
  absl::StrAppend(&out, first ? "]\n}\n" : "\n  ]\n}\n");
  return out;
}

std::string RenderCasesText(const Report& report, std::string_view kpi_id,
                            const CaseFilter& filter) {
  // The kpi column only when the rows may come from several KPIs.
  const bool with_kpi = kpi_id.empty();
  std::vector<std::string> header = {"child"};
  if (with_kpi) header.push_back("kpi");
  for (const char* name : {"item", "date", "outcome", "rule", "slot", "due",
                           "practical due", "late wd", "chair", "source"}) {
    header.push_back(name);
  }
  // Numbers line up on the right.
  std::vector<bool> right(header.size(), false);
  right[header.size() - 6] = true;  // slot
  right[header.size() - 3] = true;  // late wd

  std::vector<std::vector<std::string>> rows;
  ForEachCase(report, kpi_id, filter,
              [&](const KpiResult& kpi, const CaseRow& row) {
                std::vector<std::string> cells = {Cell(row.child)};
                if (with_kpi) cells.push_back(kpi.id);
                cells.push_back(CaseItemName(row.item));
                cells.push_back(row.date.ToString());
                cells.push_back(OutcomeText(row));
                cells.push_back(Dash(std::string(row.rule)));
                cells.push_back(Dash(SlotText(row.slot)));
                cells.push_back(Dash(DateText(row.due)));
                cells.push_back(Dash(DateText(row.practical_due)));
                cells.push_back(Dash(DaysText(row.late_working_days)));
                cells.push_back(Dash(row.chair_id ? Cell(*row.chair_id) : ""));
                cells.push_back(Dash(Cell(SourceText(report, row.source))));
                rows.push_back(std::move(cells));
              });

  std::string out = absl::StrCat(kPersonalData, "\n");
  if (!rows.empty()) {
    std::vector<size_t> widths(header.size(), 0);
    for (size_t c = 0; c < header.size(); ++c) widths[c] = Width(header[c]);
    for (const auto& cells : rows) {
      for (size_t c = 0; c < cells.size(); ++c) {
        widths[c] = std::max(widths[c], Width(cells[c]));
      }
    }
    const auto append_line = [&](const std::vector<std::string>& cells) {
      std::string line;
      for (size_t c = 0; c < cells.size(); ++c) {
        const std::string pad(widths[c] - Width(cells[c]), ' ');
        if (c > 0) line += "  ";
        absl::StrAppend(&line, right[c] ? pad : "", cells[c],
                        right[c] ? "" : pad);
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      absl::StrAppend(&out, line, "\n");
    };
    append_line(header);
    for (const auto& cells : rows) append_line(cells);
  }
  absl::StrAppend(&out, rows.size(), rows.size() == 1 ? " case" : " cases",
                  "\n");
  return out;
}

std::string RenderExplanation(const Report& report) {
  // The report was computed for one child (ReportOptions::detail_child);
  // the header names every child its rows hold, should there be more.
  std::vector<std::string> children;
  for (const KpiResult& kpi : report.kpis) {
    for (const CaseRow& row : kpi.cases) {
      const std::string child = Cell(row.child);
      if (std::find(children.begin(), children.end(), child) ==
          children.end()) {
        children.push_back(child);
      }
    }
  }
  if (children.empty()) {
    return absl::StrCat("no records of the child in the period's KPIs (",
                        PeriodText(report.period), ")\n");
  }
  std::string out = absl::StrCat(kPersonalData, "\n");
  absl::StrAppend(&out, children.size() == 1 ? "child " : "children ",
                  absl::StrJoin(children, ", "), "\n", "period ",
                  PeriodText(report.period), "\n");
  std::vector<std::string> without;
  for (const KpiResult& kpi : report.kpis) {
    if (kpi.cases.empty()) {
      without.push_back(kpi.id);
      continue;
    }
    absl::StrAppend(&out, "\n", Cell(kpi.title), " (", kpi.id,
                    "): ", kpi.cases.size(),
                    kpi.cases.size() == 1 ? " record\n" : " records\n");
    for (const CaseRow& row : kpi.cases) {
      absl::StrAppend(&out, "  ", row.date.ToLongString(), ", ",
                      CaseItemName(row.item), ": ", OutcomeText(row), "; ",
                      CountsText(row), "\n");
      for (absl::string_view line :
           absl::StrSplit(row.explanation, '\n', absl::SkipEmpty())) {
        absl::StrAppend(&out, "    ", Cell(line), "\n");
      }
    }
  }
  if (!without.empty()) {
    absl::StrAppend(&out, "\nno records in ", absl::StrJoin(without, ", "),
                    "\n");
  }
  if (!report.missing.empty()) {
    absl::StrAppend(&out, "not computed (their input was not given): ",
                    absl::StrJoin(report.missing, ", "), "\n");
  }
  return out;
}

TSC_NAMESPACE_END
