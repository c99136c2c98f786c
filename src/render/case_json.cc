// File: render/case_json.cc

#include "render/case_json.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "calendar/civil.h"
#include "nlohmann/json.hpp"

TSC_NAMESPACE_BEGIN
namespace internal {

using Json = nlohmann::json;

CaseJsonWriter::CaseJsonWriter(const Report& report) : report_(&report) {}

void CaseJsonWriter::Append(const CaseRow& row, std::string_view kpi,
                            std::string* out) {
  out_ = out;
  out_->push_back('{');
  if (!kpi.empty()) {
    out_->append("\"kpi\": ");
    AppendString(kpi);
    out_->append(", ");
  }
  out_->append("\"child\": ");
  AppendString(row.child);
  out_->append(", \"item\": ");
  AppendString(CaseItemName(row.item));
  out_->append(", \"date\": ");
  AppendDate(std::optional<Date>(row.date));
  out_->append(", \"month\": \"");
  internal::AppendIsoDate(row.date.serial(), 7, out_);
  out_->push_back('"');
  out_->append(", \"outcome\": ");
  AppendString(CaseOutcomeName(row.outcome));
  out_->append(", \"in_numerator\": ");
  out_->append(row.in_numerator ? "true" : "false");
  out_->append(", \"in_denominator\": ");
  out_->append(row.in_denominator ? "true" : "false");
  out_->append(", \"reason\": ");
  AppendStringOrNull(row.reason);
  out_->append(", \"rule\": ");
  AppendStringOrNull(row.rule);
  out_->append(", \"slot\": ");
  if (row.slot == 0) {
    out_->append("null");
  } else {
    absl::StrAppend(out_, row.slot);
  }
  out_->append(", \"anchor\": ");
  AppendDate(row.anchor);
  out_->append(", \"due\": ");
  AppendDate(row.due);
  out_->append(", \"practical_due\": ");
  AppendDate(row.practical_due);
  out_->append(", \"late_working_days\": ");
  if (row.late_working_days) {
    absl::StrAppend(out_, *row.late_working_days);
  } else {
    out_->append("null");
  }
  out_->append(", \"chair_id\": ");
  if (row.chair_id) {
    AppendString(*row.chair_id);
  } else {
    out_->append("null");
  }
  out_->append(", \"source\": ");
  AppendSource(row.source);
  out_->append("}");
}

void CaseJsonWriter::AppendDate(const std::optional<Date>& date) {
  if (!date) {
    out_->append("null");
    return;
  }
  out_->push_back('"');
  internal::AppendIsoDate(date->serial(), 10, out_);
  out_->push_back('"');
}

// Report::SourceOf(), with the "path:" of the last file kept: the rows of
// a KPI come from one or two files, and SourceOf builds the path anew.
void CaseJsonWriter::AppendSource(const SourceRef& source) {
  if (source.file < 0) {  // a row with no record behind it
    out_->append("null");
    return;
  }
  if (source.file != prefix_file_) {
    prefix_file_ = source.file;
    prefix_ = report_->SourceOf(SourceRef{source.file, 0});
    // Not "path:0": SourceOf writes something else; ask it every time.
    prefix_ok_ = absl::EndsWith(prefix_, ":0");
    if (prefix_ok_) prefix_.pop_back();
  }
  if (!prefix_ok_) {
    AppendString(report_->SourceOf(source));
    return;
  }
  AppendString(prefix_);
  out_->pop_back();  // the closing quote
  absl::StrAppend(out_, source.line);
  out_->push_back('"');
}

void CaseJsonWriter::AppendStringOrNull(std::string_view s) {
  if (s.empty()) {
    out_->append("null");
  } else {
    AppendString(s);
  }
}

// A JSON string. Ids and file names are nearly always printable ASCII
// with nothing to escape; anything else goes through nlohmann's escaping
// (and its U+FFFD for bytes that are not UTF-8).
void CaseJsonWriter::AppendString(std::string_view s) {
  bool plain = true;
  for (const char c : s) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7f || c == '"' || c == '\\') {
      plain = false;
      break;
    }
  }
  if (plain) {
    out_->push_back('"');
    out_->append(s.data(), s.size());
    out_->push_back('"');
    return;
  }
  out_->append(Json(std::string(s))
                   .dump(-1, ' ', false, Json::error_handler_t::replace));
}

}  // namespace internal
TSC_NAMESPACE_END
