// File: import/date_field.h
//
// Dates in text fields, read the way docs/inputs.md#dates asks: blank and the
// `1900-01-01` / `01/01/1900` placeholder both mean "no date"; a date that
// does not exist is a rejection reason naming the field and quoting the
// text (`REVIEW '31/02/2020' is not a date`); and in a CSV column the
// format, dd/mm/yyyy or yyyy-mm-dd, is decided once for the whole column
// from its values, never guessed value by value.
//
// Example:
//
//   DateColumn decom("DECOM", /*with_time=*/false);
//   for (absl::string_view cell : column) decom.Survey(cell);
//   absl::StatusOr<std::optional<Date>> d = decom.ReadDate(cell);
//   if (!d.ok()) Reject(row, d.status().message());

#ifndef TSC_IMPORT_DATE_FIELD_H_
#define TSC_IMPORT_DATE_FIELD_H_

#include <cstdint>
#include <optional>
#include <string>

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
//
// Every value of the column goes through Survey() before the first Read,
// or, to read a file in one pass, each value just before its own Read: the
// reads stand when Settled() says the format never changed under them.
// A read parses a cell once, in the column's format, and builds a message
// only for a cell it rejects.
class DateColumn {
 public:
  DateColumn(std::string name, bool with_time);

  // Counts the shape of one value of the column.
  void Survey(absl::string_view value);
  // From now on each read first counts its own value, as Survey() would:
  // one pass over a file, the reads standing when Settled(). Every value of
  // the column must then be read (a row's date cells are, rejected or not).
  void SurveyWhileReading() { survey_on_read_ = true; }

  // A cell of a date column (nullopt: blank or placeholder).
  absl::StatusOr<std::optional<Date>> ReadDate(absl::string_view text) const;
  // A cell of a date-time column (nullopt: blank or placeholder).
  absl::StatusOr<std::optional<Moment>> ReadMoment(
      absl::string_view text) const;

  const std::string& name() const { return name_; }

  // Whether every read so far used the format all the surveyed values
  // decide: false when the values have both shapes, or when a dated value
  // was read before any value had a shape (it was read as either format).
  bool Settled() const { return (iso_ == 0 || dmy_ == 0) && !read_unsettled_; }

 private:
  enum class Shape { kNone, kIso, kDmy };
  static Shape ShapeOf(absl::string_view date_part);
  // Survey() of a value's date part (trimmed). (Const: a read calls it,
  // and only the counts change.)
  void Count(absl::string_view date_part) const;
  // One more value of `shape` (kNone counts for neither).
  void CountShape(Shape shape) const;
  // The fast path for a date part written in full (dd/mm/yyyy, yyyy-mm-dd):
  // kNo, not so written (nothing done); otherwise surveyed as a read
  // surveys, and kRead with `date` set when it is a date in the column's
  // format, kSlow when the general path must say why not.
  enum class Fixed { kNo, kRead, kSlow };
  Fixed ReadFixed(absl::string_view date_part, std::optional<Date>* date) const;
  absl::string_view DatePart(absl::string_view text) const;
  // The column's shape, decided by the values surveyed.
  Shape shape() const;
  // Both shapes present in equal numbers.
  bool tie() const { return iso_ > 0 && iso_ == dmy_; }
  // OK when `date_part` may be parsed in this column's format.
  absl::Status CheckShape(absl::string_view text,
                          absl::string_view date_part) const;
  DateFormat format() const;
  // The reads for any cell, messages and all; the fast paths of ReadDate()
  // and ReadMoment() hand over every cell they do not simply accept.
  absl::StatusOr<std::optional<Date>> ReadDateSlowly(
      absl::string_view trimmed) const;
  absl::StatusOr<std::optional<Moment>> ReadMomentSlowly(
      absl::string_view trimmed) const;

  std::string name_;
  bool with_time_;
  bool survey_on_read_ = false;
  // The counts and the flag are mutable: reads are const, and only this
  // bookkeeping changes.
  mutable int64_t iso_ = 0;  // surveyed values shaped yyyy-mm-dd
  mutable int64_t dmy_ = 0;  // and dd/mm/yyyy
  // A dated value was read while the format was undecided.
  mutable bool read_unsettled_ = false;
};

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_IMPORT_DATE_FIELD_H_
