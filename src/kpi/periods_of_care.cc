// File: kpi/periods_of_care.cc

#include "kpi/periods_of_care.h"

#include "kpi/codes.h"

TSC_NAMESPACE_BEGIN
namespace internal {
namespace {

bool EndsPeriod(const Episode& e) {
  return e.dec.has_value() && !IsCode(e.rec, "X1");
}

bool IsShortBreakStatus(const std::string& ls) {
  return IsCode(ls, "V3") || IsCode(ls, "V4");
}

}  // namespace

void AppendPeriodsOfCare(absl::Span<const Episode* const> episodes,
                         std::vector<PeriodOfCare>* out) {
  const Episode* previous = nullptr;
  for (const Episode* e : episodes) {
    if (previous == nullptr || IsCode(e->rne, "S") || EndsPeriod(*previous)) {
      // An X1 episode continues its period only when nothing follows it;
      // followed by a new period (RNE = S), its DEC ends this one.
      if (previous != nullptr && previous->dec) out->back().end = previous->dec;
      PeriodOfCare p;
      p.first_decom = e->decom;
      p.start_known = IsCode(e->rne, "S");
      p.short_break = true;
      p.source = e->source;
      out->push_back(p);
    }
    PeriodOfCare& current = out->back();
    current.short_break = current.short_break && IsShortBreakStatus(e->ls);
    current.end = EndsPeriod(*e) ? e->dec : std::nullopt;
    previous = e;
  }
}

int FindPeriod(absl::Span<const PeriodOfCare> periods, Date day) {
  for (size_t i = 0; i < periods.size(); ++i) {
    if (periods[i].Holds(day)) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace internal
TSC_NAMESPACE_END
