// File: render/monitoring.cc
//
// The monitoring list as CSV (one row a child), JSON and Markdown.

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "nlohmann/json.hpp"
#include "render/text.h"
#include "timescales/render.h"

TSC_NAMESPACE_BEGIN
namespace {

std::string DateText(const std::optional<Date>& d) {
  return d ? d->ToString() : std::string();
}

nlohmann::ordered_json DateJson(const std::optional<Date>& d) {
  return d ? nlohmann::ordered_json(d->ToString()) : nlohmann::ordered_json();
}

std::string DaysText(const std::optional<int32_t>& days) {
  return days ? absl::StrCat(*days) : std::string();
}

}  // namespace

std::string RenderMonitoringCsv(const MonitoringList& list) {
  std::string out =
      "child,status,next_due,practical_due,working_days_to_due,rule_id,"
      "last_review,reviews_in_period,period_start\n";
  for (const MonitoringRow& r : list.rows) {
    absl::StrAppend(&out, internal::CsvField(r.child), ",",
                    MonitoringStatusName(r.status), ",", DateText(r.next_due),
                    ",", DateText(r.practical_due), ",",
                    DaysText(r.working_days_to_due), ",", r.rule_id, ",",
                    DateText(r.last_review), ",", r.reviews_in_period, ",",
                    DateText(r.period_start), "\n");
  }
  return out;
}

std::string RenderMonitoringJson(const MonitoringList& list) {
  nlohmann::ordered_json doc;
  doc["as_at"] = list.as_at.ToString();
  doc["policy"] = list.policy;
  doc["calendar"] = list.calendar;
  doc["short_breaks"] = list.short_breaks;
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const MonitoringRow& r : list.rows) {
    nlohmann::ordered_json row;
    row["child"] = internal::ValidUtf8(r.child);
    row["status"] = std::string(MonitoringStatusName(r.status));
    row["next_due"] = DateJson(r.next_due);
    row["practical_due"] = DateJson(r.practical_due);
    row["working_days_to_due"] =
        r.working_days_to_due ? nlohmann::ordered_json(*r.working_days_to_due)
                              : nlohmann::ordered_json();
    row["rule_id"] = r.rule_id;
    row["last_review"] = DateJson(r.last_review);
    row["reviews_in_period"] = r.reviews_in_period;
    row["period_start"] = DateJson(r.period_start);
    rows.push_back(std::move(row));
  }
  doc["children"] = std::move(rows);
  return doc.dump(2) + "\n";
}

std::string RenderMonitoringMarkdown(const MonitoringList& list) {
  std::string out = absl::StrFormat("# LAC reviews as at the end of %s\n\n",
                                    list.as_at.ToLongString());
  if (static_cast<int>(list.rows.size()) == list.in_care) {
    absl::StrAppendFormat(&out, "%d children in care", list.in_care);
  } else {
    absl::StrAppendFormat(&out, "%d of the %d children in care (by status)",
                          list.rows.size(), list.in_care);
  }
  if (list.short_breaks > 0) {
    absl::StrAppendFormat(&out,
                          " (and %d on short breaks only, who have no "
                          "review schedule)",
                          list.short_breaks);
  }
  absl::StrAppend(&out,
                  ".\n\n| child | status | next review due | working "
                  "days | last review (this period) | period of care "
                  "from |\n"
                  "|---|---|---|---|---|---|\n");
  for (const MonitoringRow& r : list.rows) {
    std::string due = r.next_due ? r.next_due->ToLongString() : "unknown";
    if (r.practical_due && r.next_due && *r.practical_due != *r.next_due) {
      absl::StrAppend(&due, " (practical ", r.practical_due->ToLongString(),
                      ")");
    }
    absl::StrAppendFormat(
        &out, "| %s | %s | %s | %s | %s | %s |\n",
        internal::MarkdownText(r.child), MonitoringStatusName(r.status), due,
        DaysText(r.working_days_to_due),
        r.last_review    ? r.last_review->ToString()
        : r.period_start ? "none in this period of care"
                         : "none in the data",
        r.period_start ? r.period_start->ToString() : "before the data");
  }
  absl::StrAppendFormat(&out, "\nPolicy: %s. Calendar: %s.\n",
                        internal::MarkdownText(list.policy),
                        internal::MarkdownText(list.calendar));
  return out;
}

TSC_NAMESPACE_END
