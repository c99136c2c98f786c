// The first statutory timescales of a child's time in care, with the
// working shown: which bank holidays each due date skipped.
//
//   first_review [LOOKED_AFTER_DATE]     (default 2019-12-20)
//
// Prints the first LAC review due date (20 working days, CPPCR 2010 reg
// 33(1)), the second (3 months after the first, assuming it is held on its
// due date) and the third (6 months after that), the practical due date
// when a legal due date falls on a non-working day, and a few more
// working-day timescales from docs/conventions.md#worked-examples.

#include <iostream>
#include <string>

#include "timescales/timescales.h"

namespace {

using timescales::Calendar;
using timescales::Date;

// Prints "label: due date", and the holidays skipped on the way.
void Explain(const Calendar& cal, const std::string& label, Date from,
             Date due) {
  std::cout << label << ": " << due.ToLongString();
  absl::StatusOr<Date> practical =
      cal.Adjust(due, timescales::Roll::kPreceding);
  if (practical.ok() && *practical != due) {
    std::cout << " (a non-working day: practical due date "
              << practical->ToLongString() << ")";
  }
  std::cout << "\n";
  absl::StatusOr<std::vector<timescales::Holiday>> skipped =
      cal.HolidaysBetween(from, due);
  if (!skipped.ok()) return;
  for (const timescales::Holiday& h : *skipped) {
    if (h.date == from) continue;
    std::cout << "    skipping " << h.date.ToLongString() << " " << h.name
              << (h.provisional ? " (provisional)" : "") << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::string text = argc > 1 ? argv[1] : "2019-12-20";
  absl::StatusOr<Date> start = Date::Parse(text);
  if (!start.ok()) {
    std::cerr << "first_review: " << start.status().message() << "\n";
    return 1;
  }
  absl::StatusOr<Calendar> cal = Calendar::EnglandAndWales();
  if (!cal.ok()) {
    std::cerr << "first_review: " << cal.status().message() << "\n";
    return 1;
  }
  std::cout << "Child looked after from " << start->ToLongString()
            << " (calendar " << cal->info().name << ", data "
            << cal->info().data_version << ")\n";

  absl::StatusOr<Date> first = cal->AddWorkingDays(*start, 20);
  if (!first.ok()) {
    std::cerr << "first_review: " << first.status().message() << "\n";
    return 1;
  }
  Explain(*cal, "First review due (20 working days)", *start, *first);
  std::cout << "  ISO: " << first->ToString() << "\n";

  absl::StatusOr<Date> second = timescales::AddMonths(*first, 3);
  absl::StatusOr<Date> third =
      second.ok() ? timescales::AddMonths(*second, 6) : second;
  if (second.ok() && third.ok()) {
    Explain(*cal, "Second review due (3 months after the first)", *first,
            *second);
    Explain(*cal, "Third review due (6 months after the second)", *second,
            *third);
  }

  absl::StatusOr<Date> decisions = cal->AddWorkingDays(*first, 5);
  absl::StatusOr<Date> record = cal->AddWorkingDays(*first, 20);
  if (decisions.ok() && record.ok()) {
    Explain(*cal, "First review decisions due (5 working days)", *first,
            *decisions);
    Explain(*cal, "First review record due (20 working days)", *first, *record);
  }
  return 0;
}
