// File: import/date_field.cc

#include "import/date_field.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "calendar/date_text.h"

TSC_NAMESPACE_BEGIN
namespace internal {
namespace {

// 1900-01-01 (kMinDate) is what some systems write for "no date".
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

// A rejection reason from a Date or Moment parse error: those quote the
// text first ("'x' is not a date"); range errors do not.
absl::Status Reason(absl::string_view field, absl::string_view text,
                    const absl::Status& error) {
  if (absl::StartsWith(error.message(), "'")) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, " ", error.message()));
  }
  return absl::InvalidArgumentError(
      absl::StrFormat("%s '%s': %s", field, text, error.message()));
}

absl::string_view FormatName(DateFormat format) {
  return format == DateFormat::kIso ? "yyyy-mm-dd" : "dd/mm/yyyy";
}

}  // namespace

absl::StatusOr<std::optional<Date>> ParseDateField(absl::string_view field,
                                                   absl::string_view text,
                                                   DateFormat format) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(text);
  if (trimmed.empty()) return std::optional<Date>();
  absl::StatusOr<Date> date = Date::Parse(trimmed, format);
  if (!date.ok()) return Reason(field, trimmed, date.status());
  if (*date == kMinDate) return std::optional<Date>();
  return std::optional<Date>(*date);
}

DateColumn::DateColumn(std::string name, bool with_time)
    : name_(std::move(name)), with_time_(with_time) {}

void DateColumn::Survey(absl::string_view value) { Count(DatePart(value)); }

void DateColumn::Count(absl::string_view date_part) const {
  if (date_part.empty() || IsPlaceholder(date_part)) return;
  CountShape(ShapeOf(date_part));
}

void DateColumn::CountShape(Shape shape) const {
  iso_ += shape == Shape::kIso ? 1 : 0;
  dmy_ += shape == Shape::kDmy ? 1 : 0;
}

DateColumn::Shape DateColumn::shape() const {
  if (iso_ > dmy_) return Shape::kIso;
  if (dmy_ > iso_) return Shape::kDmy;
  return Shape::kNone;
}

DateColumn::Shape DateColumn::ShapeOf(absl::string_view date_part) {
  // Only the separator tells the shapes apart; the strict parse that
  // follows checks the digits. (One plain loop: it runs for every cell.)
  bool slash = false;
  for (const char c : date_part) {
    if (c == '-') return Shape::kIso;
    slash = slash || c == '/';
  }
  return slash ? Shape::kDmy : Shape::kNone;
}

absl::string_view DateColumn::DatePart(absl::string_view text) const {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(text);
  if (!with_time_) return trimmed;
  return trimmed.substr(0, TimeSeparator(trimmed));
}

DateFormat DateColumn::format() const {
  switch (shape()) {
    case Shape::kIso:
      return DateFormat::kIso;
    case Shape::kDmy:
      return DateFormat::kDmy;
    case Shape::kNone:
      break;
  }
  return DateFormat::kAny;
}

absl::Status DateColumn::CheckShape(absl::string_view text,
                                    absl::string_view date_part) const {
  const Shape shape = ShapeOf(date_part);
  if (shape == Shape::kNone) return absl::OkStatus();  // the parse says why
  if (tie()) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s '%s': the column has as many dd/mm/yyyy dates as yyyy-mm-dd "
        "dates, so neither format can be trusted",
        name_, text));
  }
  if (shape != this->shape()) {
    const DateFormat value_format =
        shape == Shape::kIso ? DateFormat::kIso : DateFormat::kDmy;
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s '%s' is %s but the column's dates are %s (a column's date format "
        "is not mixed)",
        name_, text, FormatName(value_format), FormatName(format())));
  }
  return absl::OkStatus();
}

// A date in the column's format has the column's shape, and is a
// placeholder exactly when it is kMinDate, so it passes every check of the
// slow path with the same result.
DateColumn::Fixed DateColumn::ReadFixed(absl::string_view date_part,
                                        std::optional<Date>* date) const {
  DateFormat written = DateFormat::kAny;
  if (!ParseFixedDateText(date_part, &written, date)) return Fixed::kNo;
  // Survey() of this value: a placeholder is exactly 1900-01-01 written in
  // full, and the shape is the one just read.
  const Shape shape = written == DateFormat::kIso ? Shape::kIso : Shape::kDmy;
  if (survey_on_read_ && !(date->has_value() && **date == kMinDate)) {
    CountShape(shape);
  }
  // A date in the column's format is what the general path would read.
  return date->has_value() && shape == this->shape() ? Fixed::kRead
                                                     : Fixed::kSlow;
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
  if (survey_on_read_) Count(trimmed);
  if (shape() != Shape::kNone) {
    const std::optional<Date> date = ParseDateText(trimmed, format());
    if (date.has_value()) {
      return *date == kMinDate ? std::optional<Date>() : date;
    }
  }
  return ReadDateSlowly(trimmed);
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
  const size_t split = TimeSeparator(trimmed);
  if (survey_on_read_) Count(with_time_ ? trimmed.substr(0, split) : trimmed);
  if (shape() != Shape::kNone) {
    const std::optional<Date> date =
        ParseDateText(trimmed.substr(0, split), format());
    if (date.has_value()) {
      if (*date == kMinDate) return std::optional<Moment>();
      if (split == absl::string_view::npos) {
        return std::optional<Moment>(Moment::OnDate(*date));
      }
      const std::optional<int> minute =
          ParseClockText(absl::StripAsciiWhitespace(trimmed.substr(split + 1)));
      if (minute.has_value())
        return std::optional<Moment>(Moment{*date, minute});
    }
  }
  return ReadMomentSlowly(trimmed);
}

absl::StatusOr<std::optional<Date>> DateColumn::ReadDateSlowly(
    absl::string_view trimmed) const {
  if (trimmed.empty() || IsPlaceholder(trimmed)) return std::optional<Date>();
  if (shape() == Shape::kNone) read_unsettled_ = true;
  const absl::Status shape = CheckShape(trimmed, trimmed);
  if (!shape.ok()) return shape;
  return ParseDateField(name_, trimmed, format());
}

absl::StatusOr<std::optional<Moment>> DateColumn::ReadMomentSlowly(
    absl::string_view trimmed) const {
  const absl::string_view part = DatePart(trimmed);
  if (part.empty() || IsPlaceholder(part)) return std::optional<Moment>();
  if (shape() == Shape::kNone) read_unsettled_ = true;
  const absl::Status shape = CheckShape(trimmed, part);
  if (!shape.ok()) return shape;
  // The date part in the column's format first, for the same messages as a
  // date column; then Moment::Parse for the time.
  absl::StatusOr<std::optional<Date>> date =
      ParseDateField(name_, part, format());
  if (!date.ok()) return date.status();
  absl::StatusOr<Moment> moment = Moment::Parse(trimmed);
  if (!moment.ok()) return Reason(name_, trimmed, moment.status());
  return std::optional<Moment>(*moment);
}

}  // namespace internal
TSC_NAMESPACE_END
