// File: calendar/govuk_json.cc

#include "calendar/govuk_json.h"

#include <algorithm>
#include <exception>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "base/excerpt.h"
#include "base/json.h"
#include "calendar/england_and_wales.h"

TSC_NAMESPACE_BEGIN
namespace internal {
namespace {

// "a, b, c": the first names, and how many more there are.
std::string SomeNames(const std::vector<std::string>& names) {
  constexpr size_t kListed = 20;
  std::vector<std::string> shown;
  for (size_t i = 0; i < names.size() && i < kListed; ++i) {
    shown.push_back(Excerpt(names[i]));
  }
  std::string text = absl::StrJoin(shown, ", ");
  if (names.size() > kListed) {
    text += absl::StrFormat(" and %d more", names.size() - kListed);
  }
  return text;
}

absl::Status EventError(size_t index, absl::string_view problem) {
  return absl::InvalidArgumentError(
      absl::StrFormat("GOV.UK bank holidays: events[%d]: %s", index, problem));
}

absl::StatusOr<std::string> StringField(const Json& event, size_t index,
                                        const char* key, bool required) {
  const auto it = event.find(key);
  if (it == event.end()) {
    if (!required) return std::string();
    return EventError(index, absl::StrFormat("missing \"%s\"", key));
  }
  if (!it->is_string()) {
    return EventError(index, absl::StrFormat("\"%s\" is not a string", key));
  }
  return *it->get_ptr<const std::string*>();
}

absl::StatusOr<GovUkDivision> ReadDivision(const Json& object,
                                           std::string name) {
  const auto events = object.find("events");
  if (events == object.end() || !events->is_array()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "GOV.UK bank holidays: division '%s' has no \"events\" array",
        Excerpt(name)));
  }
  GovUkDivision out;
  out.name = std::move(name);
  out.first_year = INT32_MAX;
  out.last_year = INT32_MIN;
  for (size_t i = 0; i < events->size(); ++i) {
    const Json& event = (*events)[i];
    if (!event.is_object()) return EventError(i, "not an object");
    absl::StatusOr<std::string> date_text = StringField(event, i, "date", true);
    if (!date_text.ok()) return date_text.status();
    absl::StatusOr<std::string> title = StringField(event, i, "title", true);
    if (!title.ok()) return title.status();
    absl::StatusOr<std::string> notes = StringField(event, i, "notes", false);
    if (!notes.ok()) return notes.status();
    absl::StatusOr<Date> date = Date::Parse(*date_text, DateFormat::kIso);
    if (!date.ok()) return EventError(i, date.status().message());
    out.first_year = std::min(out.first_year, date->year());
    out.last_year = std::max(out.last_year, date->year());
    // A holiday on a weekend changes nothing: GOV.UK lists weekdays only.
    if (date->is_weekend()) continue;
    out.holidays.push_back(
        Holiday{*date, *std::move(title), KindFromGovUkNotes(*notes), false});
  }
  if (out.first_year > out.last_year) {
    return absl::InvalidArgumentError(
        absl::StrFormat("GOV.UK bank holidays: division '%s' has no events",
                        Excerpt(out.name)));
  }
  // Stable, so a date listed twice keeps its first title.
  std::stable_sort(
      out.holidays.begin(), out.holidays.end(),
      [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  return out;
}

}  // namespace

namespace {

absl::StatusOr<GovUkDivision> ParseGovUkJsonImpl(absl::string_view json,
                                                 absl::string_view division) {
  absl::StatusOr<Json> parsed = ParseJson(json, "GOV.UK bank holidays");
  if (!parsed.ok()) return parsed.status();
  const Json& doc = *parsed;
  if (!doc.is_object()) {
    return absl::InvalidArgumentError(
        "GOV.UK bank holidays: the document is not a JSON object");
  }
  if (doc.contains("events")) {  // one division object
    std::string name;
    const auto field = doc.find("division");
    if (field != doc.end() && field->is_string())
      name = *field->get_ptr<const std::string*>();
    if (!division.empty() && name != division) {
      return absl::NotFoundError(absl::StrFormat(
          "GOV.UK bank holidays: the file holds division '%s', not '%s'",
          Excerpt(name), Excerpt(division)));
    }
    return ReadDivision(doc, name);
  }
  std::vector<std::string> names;
  for (auto it = doc.begin(); it != doc.end(); ++it) names.push_back(it.key());
  if (division.empty()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "GOV.UK bank holidays: name a division (the file has: %s)",
        SomeNames(names)));
  }
  const auto it = doc.find(std::string(division));
  if (it == doc.end() || !it->is_object()) {
    return absl::NotFoundError(absl::StrFormat(
        "GOV.UK bank holidays: no division '%s' (the file has: %s)",
        Excerpt(division), SomeNames(names)));
  }
  return ReadDivision(*it, std::string(division));
}

}  // namespace

absl::StatusOr<GovUkDivision> ParseGovUkJson(absl::string_view json,
                                             absl::string_view division) {
  try {
    return ParseGovUkJsonImpl(json, division);
  } catch (const std::exception& e) {
    // Nothing in it throws but an allocation; say so rather than escape.
    return absl::ResourceExhaustedError(
        absl::StrFormat("GOV.UK bank holidays: %s", Excerpt(e.what())));
  }
}

}  // namespace internal
TSC_NAMESPACE_END
