// Uses the installed C++ API: the first LAC review for a child looked after
// on Fri 20 Dec 2019.
#include <iostream>

#include "timescales/timescales.h"

int main() {
  absl::StatusOr<timescales::Calendar> cal =
      timescales::Calendar::EnglandAndWales();
  absl::StatusOr<timescales::Date> start =
      timescales::Date::FromYmd(2019, 12, 20);
  if (!cal.ok() || !start.ok()) return 1;
  absl::StatusOr<timescales::Date> due = cal->AddWorkingDays(*start, 20);
  if (!due.ok()) {
    std::cerr << due.status() << "\n";
    return 1;
  }
  std::cout << "cpp " << due->ToString() << " " << TSC_VERSION_STRING << "\n";
  return 0;
}
