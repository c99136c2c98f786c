// File: calendar/calendar_builder.cc
//
// Assembles a calendar's holidays (published years, rule-projected years,
// closure days) and precomputes its tables once.

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "calendar/calendar_tables.h"
#include "calendar/england_and_wales.h"
#include "calendar/govuk_json.h"
#include "timescales/calendar.h"

TSC_NAMESPACE_BEGIN
namespace {

Date FirstDayOf(int year) { return *Date::FromYmd(year, 1, 1); }
Date LastDayOf(int year) { return *Date::FromYmd(year, 12, 31); }

std::shared_ptr<const internal::CalendarTables> BuildTables(
    CalendarInfo info, std::vector<Holiday> holidays) {
  auto tables = std::make_shared<internal::CalendarTables>();
  // Stable: one entry a day, the first listed wins (bank holidays before
  // closures, and a file's first title for a date listed twice).
  std::stable_sort(
      holidays.begin(), holidays.end(),
      [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  holidays.erase(std::unique(holidays.begin(), holidays.end(),
                             [](const Holiday& a, const Holiday& b) {
                               return a.date == b.date;
                             }),
                 holidays.end());

  const int32_t base = kMinDate.serial();
  const size_t days = static_cast<size_t>(kMaxDate.serial() - base) + 1;
  std::vector<uint8_t> closed(days, 0);
  for (const Holiday& h : holidays) {
    closed[static_cast<size_t>(h.date.serial() - base)] = 1;
  }
  tables->before.resize(days + 1);
  tables->working.reserve(days * 5 / 7);
  int32_t count = 0;
  for (size_t i = 0; i < days; ++i) {
    tables->before[i] = count;
    const Date day = Date::FromSerial(base + static_cast<int32_t>(i));
    if (!closed[i] && !day.is_weekend()) {
      tables->working.push_back(day.serial());
      ++count;
    }
  }
  tables->before[days] = count;
  tables->horizon = info.strict ? std::min(info.known_until, kMaxDate).serial()
                                : kMaxDate.serial();
  tables->info = std::move(info);
  tables->holidays = std::move(holidays);
  return tables;
}

}  // namespace

CalendarBuilder CalendarBuilder::EnglandAndWales() {
  CalendarBuilder b;
  b.info_.name = "england-and-wales";
  b.info_.data_version = internal::kEnglandAndWalesDataVersion;
  b.info_.exact_from = FirstDayOf(internal::kEnglandAndWalesFirstYear);
  b.info_.known_until = LastDayOf(internal::kEnglandAndWalesLastYear);
  b.info_.sources = {
      absl::StrFormat("GOV.UK bank-holidays.json (england-and-wales), %s: "
                      "2012-%d",
                      internal::kEnglandAndWalesDataVersion,
                      internal::kEnglandAndWalesLastYear),
      // The moved and one-off days are listed in
      // docs/conventions.md#moved-and-one-off-days.
      "python-holidays GB_ENG snapshot, checked by hand against the "
      "proclamations (moved and one-off days): 1995-2011",
      absl::StrFormat(
          "standing rules (BFDA 1971 Sch 1, Royal Proclamations, Easter "
          "computed): before %d, and after %d as provisional",
          internal::kEnglandAndWalesFirstYear,
          internal::kEnglandAndWalesLastYear)};
  for (size_t i = 0; i < internal::kEnglandAndWalesTableSize; ++i) {
    const internal::PublishedHoliday& row = internal::kEnglandAndWalesTable[i];
    b.published_[row.year].push_back(
        Holiday{*Date::FromYmd(row.year, row.month, row.day), row.title,
                internal::KindFromGovUkNotes(row.notes), false});
  }
  b.project_rules_ = true;
  return b;
}

CalendarBuilder CalendarBuilder::WeekendsOnly(std::string name) {
  CalendarBuilder b;
  b.info_.name = std::move(name);
  b.info_.data_version = "weekends only";
  b.info_.exact_from = kMinDate;
  b.info_.known_until = kMaxDate;
  b.info_.sources = {"Saturdays and Sundays only"};
  return b;
}

absl::Status CalendarBuilder::LoadGovUkJson(absl::string_view json,
                                            absl::string_view division,
                                            JsonMerge merge) {
  absl::StatusOr<internal::GovUkDivision> file =
      internal::ParseGovUkJson(json, division);
  if (!file.ok()) return file.status();
  const Date file_from = FirstDayOf(file->first_year);
  const Date file_until = LastDayOf(file->last_year);
  const std::string source = absl::StrFormat(
      "GOV.UK bank-holidays.json (%s) loaded at run time: %d-%d", file->name,
      file->first_year, file->last_year);
  const bool had_holidays = !published_.empty() || project_rules_;
  if (merge == JsonMerge::kReplace || !had_holidays) {
    published_.clear();
    project_rules_ = false;
    info_.name = file->name.empty() ? info_.name : file->name;
    info_.data_version =
        absl::StrFormat("GOV.UK file %d-%d", file->first_year, file->last_year);
    info_.exact_from = file_from;
    info_.known_until = file_until;
    info_.sources = {source};
  } else {
    info_.data_version += absl::StrFormat(" + GOV.UK file %d-%d",
                                          file->first_year, file->last_year);
    info_.exact_from = std::min(info_.exact_from, file_from);
    info_.known_until = std::max(info_.known_until, file_until);
    info_.sources.push_back(source);
  }
  // Every year the file spans is taken from it whole: a newer file may move
  // a day (2020's VE day) as well as add one.
  for (int year = file->first_year; year <= file->last_year; ++year) {
    published_[year].clear();
  }
  for (Holiday& h : file->holidays) {
    published_[h.date.year()].push_back(std::move(h));
  }
  return absl::OkStatus();
}

absl::Status CalendarBuilder::AddClosureDay(Date day, std::string name) {
  if (!day.in_range()) {
    return absl::OutOfRangeError(absl::StrFormat(
        "closure day %s is outside the supported range 1900-01-01 to "
        "2199-12-31",
        day.ToString()));
  }
  if (name.empty()) name = "Local closure day";
  closures_.push_back(
      Holiday{day, std::move(name), HolidayKind::kLocalClosure, false});
  return absl::OkStatus();
}

absl::Status CalendarBuilder::LoadClosureDays(absl::string_view text,
                                              absl::string_view source) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // BOM
  int line_number = 0;
  std::vector<Holiday> parsed;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    const size_t hash = line.find('#');
    if (hash != absl::string_view::npos) line = line.substr(0, hash);
    line = absl::StripAsciiWhitespace(line);  // also drops a CR
    if (line.empty()) continue;
    const size_t split = line.find_first_of(", \t");
    const absl::string_view date_text = line.substr(0, split);
    absl::string_view name = split == absl::string_view::npos
                                 ? absl::string_view()
                                 : line.substr(split + 1);
    name = absl::StripAsciiWhitespace(name);
    if (!name.empty() && name.front() == ',') {
      name = absl::StripAsciiWhitespace(name.substr(1));
    }
    absl::StatusOr<Date> day = Date::Parse(date_text);
    if (!day.ok()) {
      return absl::Status(day.status().code(),
                          absl::StrFormat("%s:%d: %s", source, line_number,
                                          day.status().message()));
    }
    parsed.push_back(
        Holiday{*day, name.empty() ? "Local closure day" : std::string(name),
                HolidayKind::kLocalClosure, false});
  }
  // All or nothing: a bad line adds none of the file.
  closures_.insert(closures_.end(), parsed.begin(), parsed.end());
  return absl::OkStatus();
}

CalendarBuilder& CalendarBuilder::SetStrict(bool strict) noexcept {
  info_.strict = strict;
  return *this;
}

absl::StatusOr<Calendar> CalendarBuilder::Build() const {
  std::vector<Holiday> holidays;
  const int last_known_year = info_.known_until.year();
  for (int year = kMinDate.year(); year <= kMaxDate.year(); ++year) {
    const auto published = published_.find(year);
    if (published != published_.end()) {
      holidays.insert(holidays.end(), published->second.begin(),
                      published->second.end());
    } else if (project_rules_) {
      for (Holiday& h : internal::EnglandAndWalesRuleHolidays(year)) {
        h.provisional = year > last_known_year;
        holidays.push_back(std::move(h));
      }
    }
  }
  // Closure days come after the holidays so a bank holiday keeps its name.
  for (const Holiday& closure : closures_) {
    if (!closure.date.is_weekend()) holidays.push_back(closure);
  }
  CalendarInfo info = info_;
  info.closure_days = static_cast<int>(closures_.size());
  return Calendar(BuildTables(std::move(info), std::move(holidays)));
}

absl::StatusOr<Calendar> Calendar::EnglandAndWales(bool strict) {
  // The built-in calendars are immutable: build each once, share the tables.
  if (strict) {
    static const absl::StatusOr<Calendar>* const kStrict =
        new absl::StatusOr<Calendar>(
            CalendarBuilder::EnglandAndWales().SetStrict(true).Build());
    return *kStrict;
  }
  static const absl::StatusOr<Calendar>* const kLenient =
      new absl::StatusOr<Calendar>(CalendarBuilder::EnglandAndWales().Build());
  return *kLenient;
}

absl::StatusOr<Calendar> Calendar::FromGovUkJson(absl::string_view json,
                                                 absl::string_view division,
                                                 bool strict) {
  CalendarBuilder builder = CalendarBuilder::WeekendsOnly("");
  absl::Status loaded =
      builder.LoadGovUkJson(json, division, JsonMerge::kReplace);
  if (!loaded.ok()) return loaded;
  return builder.SetStrict(strict).Build();
}

TSC_NAMESPACE_END
