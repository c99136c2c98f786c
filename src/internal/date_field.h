// File: internal/date_field.h
//
// Dates in text fields, read the way DATA.md asks: blank and the
// `1900-01-01` / `01/01/1900` placeholder both mean "no date"; a date that
// does not exist is a rejection reason naming the field and quoting the
// text (`REVIEW '31/02/2020' is not a date`); and in a CSV column the
// format, dd/mm/yyyy or yyyy-mm-dd, is decided once for the whole column
// from its values, never guessed value by value.
//
// Example:
//
//   DateColumn decom("DECOM", values_of_the_column, /*with_time=*/false);
//   absl::StatusOr<std::optional<Date>> d = decom.ReadDate(cell);
//   if (!d.ok()) Reject(row, d.status().message());

#ifndef TSC_INTERNAL_DATE_FIELD_H_
#define TSC_INTERNAL_DATE_FIELD_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "timescales/config.h"
#include "timescales/date.h"
#include "timescales/moment.h"

TSC_NAMESPACE_BEGIN
namespace internal {

// ParseDateField()
//
// `text` as a date in `format`: nullopt when blank or a 1900-01-01
// placeholder; otherwise InvalidArgument whose message is the rejection
// reason, starting with `field`.
absl::StatusOr<std::optional<Date>> ParseDateField(absl::string_view field,
                                                   absl::string_view text,
                                                   DateFormat format);

// A CSV column of dates, or of date-times (`with_time`: a date, then
// optionally `T` or a space and HH:MM). The date format is the one most of
// its non-blank values have; a value of the other shape is rejected, and
// when both shapes are equally common, every dated value is rejected.
class DateColumn {
 public:
  DateColumn(std::string name, const std::vector<absl::string_view>& values,
             bool with_time);

  // A cell of a date column (nullopt: blank or placeholder).
  absl::StatusOr<std::optional<Date>> ReadDate(absl::string_view text) const;
  // A cell of a date-time column (nullopt: blank or placeholder).
  absl::StatusOr<std::optional<Moment>> ReadMoment(
      absl::string_view text) const;

  const std::string& name() const { return name_; }

 private:
  enum class Shape { kNone, kIso, kDmy };
  static Shape ShapeOf(absl::string_view date_part);
  absl::string_view DatePart(absl::string_view text) const;
  // OK when `date_part` may be parsed in this column's format.
  absl::Status CheckShape(absl::string_view text,
                          absl::string_view date_part) const;
  DateFormat format() const;

  std::string name_;
  bool with_time_;
  Shape shape_ = Shape::kNone;
  bool tie_ = false;  // both shapes present in equal numbers
};

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_INTERNAL_DATE_FIELD_H_
