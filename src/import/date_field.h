// File: import/date_field.h
//
// Dates in text fields, read the way docs/inputs.md#dates asks: blank, the
// markers exports write for no value (`NULL`, `NaT`, `nan`) and the
// `1900-01-01` / `01/01/1900` placeholder all mean "no date"; a date that
// does not exist is a rejection reason naming the field and quoting the
// text (`REVIEW '31/02/2020' is not a date`); and in a CSV column the
// format, yyyy-mm-dd or one with slashes, and the order of a slashed date
// (day/month, the English order, or month/day) are decided once for the
// whole column from its values, never guessed value by value.
//
// Example:
//
//   DateColumn decom("DECOM", /*with_time=*/false, DateReading{});
//   for (absl::string_view cell : column) decom.Survey(cell);
//   absl::StatusOr<std::optional<Date>> d = decom.ReadDate(cell);
//   if (!d.ok()) Reject(row, d.status().message());

#ifndef TSC_IMPORT_DATE_FIELD_H_
#define TSC_IMPORT_DATE_FIELD_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "timescales/config.h"
#include "timescales/date.h"
#include "timescales/import.h"
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

// How the dates of a file are to be read (from ImportOptions).
struct DateReading {
  DateOrder order = DateOrder::kAuto;
  std::optional<int> two_digit_years_from;
};

// A CSV column of dates, or of date-times (`with_time`: a date, then
// optionally `T` or spaces and a time: HH:MM[:SS[.fff]], 12-hour with
// AM/PM, then optionally Z or an offset, read as Europe/London). A date
// column takes a date written with a time too (`2017-06-07 00:00:00`, as
// SQL Server and pandas write it): at midnight it is the date; at another
// time it is still read as its date, and noted.
//
// The shape (yyyy-mm-dd or slashes) is the one most of its non-blank values
// have; a value of the other shape is rejected, and when both shapes are
// equally common, every dated value is rejected. A slashed date is
// day/month unless told otherwise; when no value has a day over 12 but
// some have a "month" over 12, the column is in month/day order and every
// slashed value is refused with the remedy, unless DateOrder::kMonthDay
// says to read it so. A two-digit year is refused with the remedy unless
// `two_digit_years_from` gives the window.
//
// Every value of the column goes through Survey() before the first Read,
// or, to read a file in one pass, each value just before its own Read: the
// reads stand when Settled() says the decisions never changed under them.
// A read parses a cell once and builds a message only for a cell it
// rejects.
class DateColumn {
 public:
  DateColumn(std::string name, bool with_time, DateReading reading);

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

  // Whether every read so far used the decisions all the surveyed values
  // make: false when the values have both shapes, when a dated value was
  // read before any value had a shape, or when the column may be in
  // month/day order (its earlier reads assumed day/month).
  bool Settled() const {
    return (iso_ == 0 || slashed_ == 0) && !read_unsettled_ &&
           !(reading_.order == DateOrder::kAuto && month_first_ > 0);
  }

  // What the reads noticed that the user should know though no row was
  // rejected for it: times dropped from a date column, a day/month order
  // assumed for a column whose every date could be either.
  std::vector<std::string> Notes() const;

 private:
  enum class Shape { kNone, kIso, kSlashed };
  static Shape ShapeOf(absl::string_view date_part);
  // Survey() of a trimmed cell, and of its date part. (Const: a read calls
  // them, and only the counts change.)
  void SurveyCell(absl::string_view trimmed) const;
  void Count(absl::string_view date_part) const;
  void CountSlashed(int first, int second, absl::string_view text) const;
  // The fast path for a date part written in full (dd/mm/yyyy, yyyy-mm-dd):
  // kNo, not so written (nothing done); otherwise surveyed as a read
  // surveys, and kRead with `date` set when it is a date as the column
  // reads it, kSlow when the general path must say why not.
  enum class Fixed { kNo, kRead, kSlow };
  Fixed ReadFixed(absl::string_view date_part, std::optional<Date>* date) const;
  // The column's shape, decided by the values surveyed.
  Shape shape() const;
  // Both shapes present in equal numbers.
  bool tie() const { return iso_ > 0 && iso_ == slashed_; }
  // Slashed dates read day/month (false: month/day; refused, unless the
  // order was given).
  bool day_first() const;
  bool us_order_refused() const {
    return reading_.order == DateOrder::kAuto && month_first_ > 0 &&
           day_first_ == 0;
  }
  // The date of `part` (trimmed, no time) as the column reads it, or the
  // rejection reason; `text` is the whole cell, for messages.
  absl::StatusOr<std::optional<Date>> ReadDatePart(
      absl::string_view text, absl::string_view part) const;
  absl::StatusOr<std::optional<Date>> ReadDateSlowly(
      absl::string_view trimmed) const;
  absl::StatusOr<std::optional<Moment>> ReadMomentSlowly(
      absl::string_view trimmed) const;

  std::string name_;
  bool with_time_;
  DateReading reading_;
  bool survey_on_read_ = false;
  // The counts and the flags are mutable: reads are const, and only this
  // bookkeeping changes.
  mutable int64_t iso_ = 0;          // surveyed values shaped yyyy-mm-dd
  mutable int64_t slashed_ = 0;      // and with slashes
  mutable int64_t day_first_ = 0;    // slashed, the first number over 12
  mutable int64_t month_first_ = 0;  // slashed, only the second over 12
  mutable std::string month_first_example_;
  // A dated value was read while the format was undecided.
  mutable bool read_unsettled_ = false;
  // Times of day a date column dropped, and one of them.
  mutable int64_t times_dropped_ = 0;
  mutable std::string time_dropped_example_;
};

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_IMPORT_DATE_FIELD_H_
