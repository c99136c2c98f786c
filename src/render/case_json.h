// File: render/case_json.h
//
// A case row as the JSON of docs/kpis.md#case-level-detail, one object on
// one line, members in the contract's order: {"child": "1000134", "item":
// "review", ...}. Shared by the report's JSON (RenderJson) and the cases'
// (RenderCasesJson), and fast, for an England-sized report writes millions
// of them: plain text is copied, anything to escape goes through
// nlohmann's escaping (and its U+FFFD for bytes that are not UTF-8).

#ifndef TSC_RENDER_CASE_JSON_H_
#define TSC_RENDER_CASE_JSON_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "timescales/report.h"

TSC_NAMESPACE_BEGIN
namespace internal {

class CaseJsonWriter {
 public:
  // `report` (for Report::SourceOf) must outlive the writer.
  explicit CaseJsonWriter(const Report& report);

  // Appends `row` to `out`; with `kpi` not empty, a "kpi" member first. A
  // row with no record behind it has "source": null.
  void Append(const CaseRow& row, std::string_view kpi, std::string* out);

 private:
  void AppendDate(const std::optional<Date>& date);
  // Report::SourceOf(), with the "path:" of the last file kept: the rows of
  // a KPI come from one or two files.
  void AppendSource(const SourceRef& source);
  void AppendStringOrNull(std::string_view s);
  void AppendString(std::string_view s);

  const Report* report_;
  std::string* out_ = nullptr;
  int32_t prefix_file_ = -2;  // no file yet (-1 is a record without one)
  std::string prefix_;
  bool prefix_ok_ = false;
};

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_RENDER_CASE_JSON_H_
