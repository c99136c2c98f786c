// File: render/schedule_json.cc
//
// A review schedule as JSON: for the C ABI (tsc_schedule_to_json), Python and
// `timescales schedule lac|cp --format json`.

#include "nlohmann/json.hpp"
#include "timescales/render.h"

TSC_NAMESPACE_BEGIN
namespace {

using OrderedJson = nlohmann::ordered_json;

OrderedJson MomentJson(const std::optional<Moment>& moment) {
  if (!moment) return nullptr;
  return moment->ToString();
}

OrderedJson DateJson(const std::optional<Date>& date) {
  if (!date) return nullptr;
  return date->ToString();
}

// The fields every slot and deadline share, from its DueDate.
void AddDueFields(const DueDate& due, OrderedJson* j) {
  (*j)["rule"] = due.rule.id;
  (*j)["anchor"] = due.anchor.ToString();
  (*j)["legal_due"] = due.legal_due.ToString();
  (*j)["practical_due"] = due.practical_due.ToString();
  (*j)["provisional"] = due.provisional;
  (*j)["working"] = due.working;
}

OrderedJson SlotJson(const Slot& slot) {
  OrderedJson j = OrderedJson::object();
  j["number"] = slot.number;
  AddDueFields(slot.due, &j);
  j["held"] = slot.review ? MomentJson(slot.review->held) : OrderedJson();
  j["status"] = std::string(SlotStatusName(slot.status));
  j["working_days_late"] = slot.working_days_late;
  OrderedJson deadlines = OrderedJson::array();
  for (const Deadline& d : slot.deadlines) {
    OrderedJson dj = OrderedJson::object();
    AddDueFields(d.due, &dj);
    dj["done"] = MomentJson(d.done);
    dj["status"] = std::string(SlotStatusName(d.status));
    deadlines.push_back(std::move(dj));
  }
  j["deadlines"] = std::move(deadlines);
  return j;
}

OrderedJson ScheduleJson(const Schedule& s) {
  OrderedJson j = OrderedJson::object();
  j["kind"] = s.kind;
  j["start"] = s.start.ToString();
  j["end"] = DateJson(s.end);
  j["as_at"] = s.as_at.ToString();
  // Every slot names the same policy and calendar; say it once.
  j["policy"] = s.slots.empty() ? std::string() : s.slots.front().due.policy;
  j["calendar"] =
      s.slots.empty() ? std::string() : s.slots.front().due.calendar;
  OrderedJson slots = OrderedJson::array();
  for (const Slot& slot : s.slots) slots.push_back(SlotJson(slot));
  j["slots"] = std::move(slots);
  j["core_group"] = s.core_group ? SlotJson(*s.core_group) : OrderedJson();
  j["next_due"] = DateJson(s.next_due);
  OrderedJson duplicates = OrderedJson::array();
  for (const HeldReview& r : s.duplicates) {
    duplicates.push_back(r.held.ToString());
  }
  j["duplicates"] = std::move(duplicates);
  return j;
}

}  // namespace

std::string RenderScheduleJson(const Schedule& schedule, int indent) {
  // Holiday and closure-day names come from callers' files: replace bad
  // UTF-8 rather than throw.
  return ScheduleJson(schedule).dump(indent, ' ', false,
                                     OrderedJson::error_handler_t::replace);
}

TSC_NAMESPACE_END
