// File: import/date_field.cc

#include "import/date_field.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "base/excerpt.h"
#include "calendar/date_text.h"
#include "import/exported_cell.h"

TSC_NAMESPACE_BEGIN
namespace internal {
namespace {

// 1900-01-01 (kMinDate) is what some systems write for "no date": as
// yyyy-mm-dd, or 01/01/1900 (the same in either slash order).
bool IsPlaceholder(absl::string_view date_part) {
  // A cheap test first: 1900-01-01 starts with its year, 01/01/1900 (and
  // 1/1/1900) ends with it.
  const absl::string_view text = absl::StripAsciiWhitespace(date_part);
  if (!absl::StartsWith(text, "1900") && !absl::EndsWith(text, "1900")) {
    return false;
  }
  const std::optional<Date> date = ParseDateText(text, DateFormat::kAny);
  return date.has_value() && *date == kMinDate;
}

// Blank, or a marker an export writes for no value.
bool IsBlank(absl::string_view trimmed) {
  return trimmed.empty() || IsBlankMarker(trimmed);
}

// A rejection reason from a Date or Moment parse error: those quote the
// text first ("'x' is not a date"); range errors do not.
absl::Status Reason(absl::string_view field, absl::string_view text,
                    const absl::Status& error) {
  if (absl::StartsWith(error.message(), "'")) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, " ", error.message()));
  }
  return absl::InvalidArgumentError(
      absl::StrFormat("%s '%s': %s", field, Excerpt(text), error.message()));
}

absl::string_view ShapeName(bool iso) {
  return iso ? "yyyy-mm-dd" : "dd/mm/yyyy";
}

// The moment `clock` on `date` at UTC `offset`, as a Europe/London moment.
absl::StatusOr<Moment> AtOffset(Date date, int minute, int offset) {
  return MomentFromUtcOffset(date, minute, offset);
}

}  // namespace

absl::StatusOr<std::optional<Date>> ParseDateField(absl::string_view field,
                                                   absl::string_view text,
                                                   DateFormat format) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(text);
  if (IsBlank(trimmed)) return std::optional<Date>();
  absl::StatusOr<Date> date = Date::Parse(trimmed, format);
  if (!date.ok()) return Reason(field, trimmed, date.status());
  if (*date == kMinDate) return std::optional<Date>();
  return std::optional<Date>(*date);
}

DateColumn::DateColumn(std::string name, bool with_time, DateReading reading)
    : name_(std::move(name)), with_time_(with_time), reading_(reading) {}

void DateColumn::Survey(absl::string_view value) {
  SurveyCell(absl::StripAsciiWhitespace(value));
}

void DateColumn::SurveyCell(absl::string_view trimmed) const {
  ExportedDateTime cell;
  SplitDateTime(trimmed, &cell);
  Count(cell.date);
}

void DateColumn::Count(absl::string_view date_part) const {
  if (IsBlank(date_part) || IsPlaceholder(date_part)) return;
  switch (ShapeOf(date_part)) {
    case Shape::kIso:
      ++iso_;
      break;
    case Shape::kSlashed: {
      ++slashed_;
      int first = 0;
      int second = 0;
      if (SlashFields(date_part, &first, &second)) {
        CountSlashed(first, second, date_part);
      }
      break;
    }
    case Shape::kNone:
      break;
  }
}

void DateColumn::CountSlashed(int first, int second,
                              absl::string_view text) const {
  if (first > 12) {
    ++day_first_;
  } else if (second > 12) {
    if (month_first_++ == 0) month_first_example_ = Excerpt(text);
  }
}

DateColumn::Shape DateColumn::shape() const {
  if (iso_ > slashed_) return Shape::kIso;
  if (slashed_ > iso_) return Shape::kSlashed;
  return Shape::kNone;
}

bool DateColumn::day_first() const {
  return reading_.order != DateOrder::kMonthDay;
}

DateColumn::Shape DateColumn::ShapeOf(absl::string_view date_part) {
  // Only the separator tells the shapes apart; the strict parse that
  // follows checks the digits. (One plain loop: it runs for every cell.)
  bool slash = false;
  for (const char c : date_part) {
    if (c == '-') return Shape::kIso;
    slash = slash || c == '/';
  }
  return slash ? Shape::kSlashed : Shape::kNone;
}

std::vector<std::string> DateColumn::Notes() const {
  std::vector<std::string> notes;
  if (times_dropped_ > 0) {
    notes.push_back(absl::StrFormat(
        "%s: %d value%s had a time of day other than midnight (such as "
        "'%s'); a date column keeps only the date",
        name_, times_dropped_, times_dropped_ == 1 ? "" : "s",
        time_dropped_example_));
  }
  if (reading_.order == DateOrder::kAuto && slashed_ > 0 && day_first_ == 0 &&
      month_first_ == 0 && shape() == Shape::kSlashed) {
    notes.push_back(absl::StrFormat(
        "%s: every date could be day/month or month/day (no number over "
        "12); read as day/month, the English order (pass --date-order mdy "
        "if the export wrote month/day)",
        name_));
  }
  return notes;
}

// A date in the column's format has the column's shape, and is a
// placeholder exactly when it is kMinDate, so it passes every check of the
// slow path with the same result.
DateColumn::Fixed DateColumn::ReadFixed(absl::string_view date_part,
                                        std::optional<Date>* date) const {
  DateFormat written = DateFormat::kAny;
  if (!ParseFixedDateText(date_part, &written, date)) return Fixed::kNo;
  const bool iso = written == DateFormat::kIso;
  const bool placeholder = date->has_value() && **date == kMinDate;
  // Survey() of this value: a placeholder is exactly 1900-01-01 written in
  // full, and the shape is the one just read.
  if (survey_on_read_ && !placeholder) {
    if (iso) {
      ++iso_;
    } else {
      ++slashed_;
      const char* c = date_part.data();
      CountSlashed((c[0] - '0') * 10 + (c[1] - '0'),
                   (c[3] - '0') * 10 + (c[4] - '0'), date_part);
    }
  }
  if (placeholder) return Fixed::kRead;
  // A date read as the column reads it is what the general path would read.
  const Shape column = shape();
  if (!date->has_value()) return Fixed::kSlow;
  if (iso) return column == Shape::kIso ? Fixed::kRead : Fixed::kSlow;
  return column == Shape::kSlashed && day_first() && !us_order_refused()
             ? Fixed::kRead
             : Fixed::kSlow;
}

absl::StatusOr<std::optional<Date>> DateColumn::ReadDatePart(
    absl::string_view text, absl::string_view part) const {
  if (IsBlank(part) || IsPlaceholder(part)) return std::optional<Date>();
  const Shape shape = ShapeOf(part);
  if (this->shape() == Shape::kNone) read_unsettled_ = true;
  if (shape != Shape::kNone) {
    if (tie()) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s '%s': the column has as many dd/mm/yyyy dates as yyyy-mm-dd "
          "dates, so neither format can be trusted",
          name_, Excerpt(text)));
    }
    if (this->shape() != Shape::kNone && shape != this->shape()) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s '%s' is %s but the column's dates are %s (a column's date "
          "format is not mixed)",
          name_, Excerpt(text), ShapeName(shape == Shape::kIso),
          ShapeName(this->shape() == Shape::kIso)));
    }
  }
  if (shape == Shape::kSlashed && us_order_refused()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s '%s': the column's dates are in month/day order (US: no day "
        "is over 12, but '%s' has a month over 12); re-export them as "
        "yyyy-mm-dd, or pass --date-order mdy to read them so",
        name_, Excerpt(text), month_first_example_));
  }
  bool two_digit_year = false;
  const std::optional<Date> date = ParseSlashOrIsoDate(
      part, day_first() ? SlashOrder::kDayMonth : SlashOrder::kMonthDay,
      reading_.two_digit_years_from, &two_digit_year);
  if (two_digit_year) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s '%s' has a two-digit year; re-export the dates with four-digit "
        "years (yyyy-mm-dd is best), or pass --two-digit-years-from 1950 to "
        "read 17 as 2017 and 95 as 1995",
        name_, Excerpt(text)));
  }
  if (!date.has_value()) {
    // Date::Parse says why in the usual words.
    // Its own shape's format, or for a shapeless value the column's.
    const Shape said = shape != Shape::kNone ? shape : this->shape();
    const DateFormat format = said == Shape::kIso       ? DateFormat::kIso
                              : said == Shape::kSlashed ? DateFormat::kDmy
                                                        : DateFormat::kAny;
    absl::StatusOr<Date> parsed = Date::Parse(part, format);
    if (parsed.ok() && *parsed == kMinDate) return std::optional<Date>();
    return Reason(name_, Excerpt(text),
                  parsed.ok() ? absl::InvalidArgumentError(absl::StrFormat(
                                    "'%s' is not a date", Excerpt(text)))
                              : parsed.status());
  }
  if (*date == kMinDate) return std::optional<Date>();
  return date;
}

absl::StatusOr<std::optional<Date>> DateColumn::ReadDate(
    absl::string_view text) const {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(text);
  if (trimmed.empty()) return std::optional<Date>();
  // Most cells: a full date in the column's format, read at a glance.
  std::optional<Date> fixed;
  switch (ReadFixed(trimmed, &fixed)) {
    case Fixed::kRead:
      return *fixed == kMinDate ? std::optional<Date>() : fixed;
    case Fixed::kSlow:
      return ReadDateSlowly(trimmed);
    case Fixed::kNo:
      break;
  }
  if (survey_on_read_) SurveyCell(trimmed);
  return ReadDateSlowly(trimmed);
}

absl::StatusOr<std::optional<Date>> DateColumn::ReadDateSlowly(
    absl::string_view trimmed) const {
  if (IsBlank(trimmed)) return std::optional<Date>();
  ExportedDateTime cell;
  const bool split = SplitDateTime(trimmed, &cell);
  if (IsPlaceholder(cell.date)) return std::optional<Date>();
  if (!split) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s '%s' is not a date (expected a date, optionally with a time "
        "such as 00:00:00)",
        name_, Excerpt(trimmed)));
  }
  absl::StatusOr<std::optional<Date>> date = ReadDatePart(trimmed, cell.date);
  if (date.ok() && date->has_value() && cell.has_time && !cell.midnight()) {
    if (times_dropped_++ == 0) time_dropped_example_ = Excerpt(trimmed);
  }
  return date;
}

absl::StatusOr<std::optional<Moment>> DateColumn::ReadMoment(
    absl::string_view text) const {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(text);
  // Blank: nothing done yet (a third of a meetings file's cells).
  if (trimmed.empty()) return std::optional<Moment>();
  // Most cells: a full date, alone or then T (or a space) and HH:MM.
  if (with_time_ &&
      (trimmed.size() == 10 ||
       (trimmed.size() == 16 && (trimmed[10] == 'T' || trimmed[10] == ' ')))) {
    std::optional<Date> date;
    switch (ReadFixed(trimmed.substr(0, 10), &date)) {
      case Fixed::kRead: {
        if (*date == kMinDate) return std::optional<Moment>();
        if (trimmed.size() == 10) {
          return std::optional<Moment>(Moment::OnDate(*date));
        }
        const std::optional<int> minute = ParseClockText(trimmed.substr(11));
        if (minute.has_value()) {
          return std::optional<Moment>(Moment{*date, minute});
        }
        return ReadMomentSlowly(trimmed);
      }
      case Fixed::kSlow:
        return ReadMomentSlowly(trimmed);
      case Fixed::kNo:
        break;
    }
  }
  if (survey_on_read_) SurveyCell(trimmed);
  return ReadMomentSlowly(trimmed);
}

absl::StatusOr<std::optional<Moment>> DateColumn::ReadMomentSlowly(
    absl::string_view trimmed) const {
  if (IsBlank(trimmed)) return std::optional<Moment>();
  ExportedDateTime cell;
  const bool split = SplitDateTime(trimmed, &cell);
  if (IsPlaceholder(cell.date)) return std::optional<Moment>();
  if (!split) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s '%s' is not a date-time (expected a date, then a time such as "
        "10:30, 10:30:00 or 2:30 PM, optionally with Z or an offset)",
        name_, Excerpt(trimmed)));
  }
  absl::StatusOr<std::optional<Date>> date = ReadDatePart(trimmed, cell.date);
  if (!date.ok()) return date.status();
  if (!date->has_value()) return std::optional<Moment>();
  if (!cell.has_time) return std::optional<Moment>(Moment::OnDate(**date));
  if (!cell.offset_minutes) {
    return std::optional<Moment>(Moment{**date, cell.minute});
  }
  absl::StatusOr<Moment> london =
      AtOffset(**date, cell.minute, *cell.offset_minutes);
  if (!london.ok()) return Reason(name_, trimmed, london.status());
  return std::optional<Moment>(*london);
}

}  // namespace internal
TSC_NAMESPACE_END
