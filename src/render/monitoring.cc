// File: render/monitoring.cc
//
// The monitoring list as CSV (one row a slot), JSON and Markdown. The list
// names children: the JSON and the Markdown say so at the top (CSV readers
// expect the header on line 1, so the CSV cannot).

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "nlohmann/json.hpp"
#include "render/text.h"
#include "timescales/render.h"

TSC_NAMESPACE_BEGIN
namespace {

constexpr char kPersonalData[] =
    "This list names children: it is personal data. Keep it, share it and "
    "delete it as your data protection policy says.";

std::string DateText(const std::optional<Date>& d) {
  return d ? d->ToString() : std::string();
}

nlohmann::ordered_json DateJson(const std::optional<Date>& d) {
  return d ? nlohmann::ordered_json(d->ToString()) : nlohmann::ordered_json();
}

std::string DaysText(const std::optional<int32_t>& days) {
  return days ? absl::StrCat(*days) : std::string();
}

nlohmann::ordered_json DaysJson(const std::optional<int32_t>& days) {
  return days ? nlohmann::ordered_json(*days) : nlohmann::ordered_json();
}

bool HeldLate(const MonitoringRow& r) {
  return r.status == MonitoringStatus::kHeldLate;
}

// The open slots of one kind ("lac" or "cp"), in list order.
std::vector<const MonitoringRow*> OpenRows(const MonitoringList& list,
                                           absl::string_view kind) {
  std::vector<const MonitoringRow*> out;
  for (const MonitoringRow& r : list.rows) {
    if (r.kind == kind && !HeldLate(r)) out.push_back(&r);
  }
  return out;
}

// "N things" or, when a caller kept only some statuses, "n of the N things
// (by status)".
std::string Shown(size_t shown, int total, absl::string_view things) {
  if (static_cast<int>(shown) == total) {
    return absl::StrFormat("%d %s", total, things);
  }
  return absl::StrFormat("%d of the %d %s (by status)", shown, total, things);
}

std::string DueText(const MonitoringRow& r) {
  std::string due = r.next_due ? r.next_due->ToLongString() : "unknown";
  if (r.practical_due && r.next_due && *r.practical_due != *r.next_due) {
    absl::StrAppend(&due, " (practical ", r.practical_due->ToLongString(), ")");
  }
  return due;
}

// "| chair " when meetings were given, else nothing.
std::string ChairCell(const MonitoringList& list, const MonitoringRow& r) {
  if (!list.has_meetings) return std::string();
  return absl::StrCat(
      " ", r.last_chair.empty() ? "-" : internal::MarkdownText(r.last_chair),
      " |");
}

void AppendLac(const MonitoringList& list, std::string* out) {
  const std::vector<const MonitoringRow*> rows = OpenRows(list, "lac");
  absl::StrAppend(
      out, Shown(rows.size(), list.in_care,
                 list.in_care == 1 ? "child in care" : "children in care"));
  if (list.short_breaks > 0) {
    absl::StrAppendFormat(out,
                          " (and %d on short breaks only, who have no "
                          "review schedule)",
                          list.short_breaks);
  }
  absl::StrAppend(out,
                  ".\n\n| child | status | next review due | working "
                  "days | last review (this period) | period of care "
                  "from |",
                  list.has_meetings ? " last chair |" : "",
                  "\n|---|---|---|---|---|---|",
                  list.has_meetings ? "---|" : "", "\n");
  for (const MonitoringRow* r : rows) {
    absl::StrAppendFormat(
        out, "| %s | %s | %s | %s | %s | %s |%s\n",
        internal::MarkdownText(r->child), MonitoringStatusName(r->status),
        DueText(*r), DaysText(r->working_days_to_due),
        r->last_review    ? r->last_review->ToString()
        : r->period_start ? "none in this period of care"
                          : "none in the data",
        r->period_start ? r->period_start->ToString() : "before the data",
        ChairCell(list, *r));
  }
}

void AppendCp(const MonitoringList& list, std::string* out) {
  const std::vector<const MonitoringRow*> rows = OpenRows(list, "cp");
  absl::StrAppend(
      out,
      Shown(rows.size(), list.cp_plans,
            list.cp_plans == 1 ? "child protection plan open"
                               : "child protection plans open"),
      ".\n\n| child | status | next review conference due | working days | "
      "last conference (this plan) | plan from |",
      list.has_meetings ? " last chair |" : "", "\n|---|---|---|---|---|---|",
      list.has_meetings ? "---|" : "", "\n");
  for (const MonitoringRow* r : rows) {
    absl::StrAppendFormat(
        out, "| %s | %s | %s | %s | %s | %s |%s\n",
        internal::MarkdownText(r->child), MonitoringStatusName(r->status),
        DueText(*r), DaysText(r->working_days_to_due),
        r->last_review                            ? r->last_review->ToString()
        : r->status == MonitoringStatus::kUnknown ? "none in the data"
                                                  : "none yet",
        DateText(r->period_start), ChairCell(list, *r));
  }
}

void AppendHeldLate(const MonitoringList& list, std::string* out) {
  std::vector<const MonitoringRow*> rows;
  for (const MonitoringRow& r : list.rows) {
    if (HeldLate(r)) rows.push_back(&r);
  }
  absl::StrAppend(
      out,
      Shown(rows.size(), list.held_late,
            absl::StrFormat("%s held late from %s to %s",
                            list.held_late == 1 ? "review or conference"
                                                : "reviews and conferences",
                            list.late_since->ToLongString(),
                            list.as_at.ToLongString())),
      ".\n\n| child | review | rule | due | held | working days late |",
      list.has_meetings ? " chair |" : "", "\n|---|---|---|---|---|---|",
      list.has_meetings ? "---|" : "", "\n");
  for (const MonitoringRow* r : rows) {
    absl::StrAppendFormat(
        out, "| %s | %s | %s | %s | %s | %s |%s\n",
        internal::MarkdownText(r->child),
        r->kind == "cp" ? "CP review conference" : "LAC review", r->rule_id,
        DueText(*r), r->held ? r->held->ToLongString() : std::string(),
        DaysText(r->working_days_late), ChairCell(list, *r));
  }
}

}  // namespace

std::string RenderMonitoringCsv(const MonitoringList& list) {
  // New columns go at the end: readers of the first nine keep working.
  std::string out =
      "child,status,next_due,practical_due,working_days_to_due,rule_id,"
      "last_review,reviews_in_period,period_start,kind,last_chair,held,"
      "working_days_late\n";
  for (const MonitoringRow& r : list.rows) {
    absl::StrAppend(&out, internal::CsvField(r.child), ",",
                    MonitoringStatusName(r.status), ",", DateText(r.next_due),
                    ",", DateText(r.practical_due), ",",
                    DaysText(r.working_days_to_due), ",", r.rule_id, ",",
                    DateText(r.last_review), ",", r.reviews_in_period, ",",
                    DateText(r.period_start), ",", r.kind, ",",
                    internal::CsvField(r.last_chair), ",", DateText(r.held),
                    ",", DaysText(r.working_days_late), "\n");
  }
  return out;
}

std::string RenderMonitoringJson(const MonitoringList& list) {
  nlohmann::ordered_json doc;
  doc["personal_data"] = kPersonalData;
  doc["as_at"] = list.as_at.ToString();
  doc["late_since"] = DateJson(list.late_since);
  doc["policy"] = list.policy;
  doc["calendar"] = list.calendar;
  doc["short_breaks"] = list.short_breaks;
  doc["in_care"] = list.in_care;
  doc["cp_plans"] = list.cp_plans;
  doc["held_late"] = list.held_late;
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const MonitoringRow& r : list.rows) {
    nlohmann::ordered_json row;
    row["child"] = internal::ValidUtf8(r.child);
    row["status"] = std::string(MonitoringStatusName(r.status));
    row["next_due"] = DateJson(r.next_due);
    row["practical_due"] = DateJson(r.practical_due);
    row["working_days_to_due"] = DaysJson(r.working_days_to_due);
    row["rule_id"] = r.rule_id;
    row["last_review"] = DateJson(r.last_review);
    row["reviews_in_period"] = r.reviews_in_period;
    row["period_start"] = DateJson(r.period_start);
    row["kind"] = r.kind;
    row["last_chair"] =
        r.last_chair.empty()
            ? nlohmann::ordered_json()
            : nlohmann::ordered_json(internal::ValidUtf8(r.last_chair));
    row["held"] = DateJson(r.held);
    row["working_days_late"] = DaysJson(r.working_days_late);
    rows.push_back(std::move(row));
  }
  doc["children"] = std::move(rows);
  return doc.dump(2) + "\n";
}

std::string RenderMonitoringMarkdown(const MonitoringList& list) {
  // A list with neither input keeps the LAC form it always had.
  const bool lac = list.has_lac || !list.has_cp;
  const bool cp = list.has_cp;
  const bool late = list.late_since.has_value();
  const char* what = lac && cp ? "LAC reviews and CP review conferences"
                     : cp      ? "CP review conferences"
                               : "LAC reviews";
  std::string out =
      absl::StrFormat("# %s as at the end of %s\n\n**Personal data.** %s\n\n",
                      what, list.as_at.ToLongString(), kPersonalData);
  // Headings only when there is more than one section.
  const bool headed = (lac ? 1 : 0) + (cp ? 1 : 0) + (late ? 1 : 0) > 1;
  if (lac) {
    if (headed) absl::StrAppend(&out, "## LAC reviews\n\n");
    AppendLac(list, &out);
  }
  if (cp) {
    if (lac) absl::StrAppend(&out, "\n");
    if (headed) absl::StrAppend(&out, "## CP review conferences\n\n");
    AppendCp(list, &out);
  }
  if (late) {
    if (lac || cp) absl::StrAppend(&out, "\n");
    absl::StrAppend(&out, "## Held late since ",
                    list.late_since->ToLongString(), "\n\n");
    AppendHeldLate(list, &out);
  }
  absl::StrAppendFormat(&out, "\nPolicy: %s. Calendar: %s.\n",
                        internal::MarkdownText(list.policy),
                        internal::MarkdownText(list.calendar));
  return out;
}

TSC_NAMESPACE_END
