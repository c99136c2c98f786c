// File: render/case_lists.cc

#include "render/case_lists.h"

#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/string_view.h"
#include "timescales/kpi_registry.h"

TSC_NAMESPACE_BEGIN
namespace internal {
namespace {

// Participation is the one measure whose numerator is the good outcome
// and is not about timeliness.
bool NotCountedIsTheProblem(const KpiResult& kpi) {
  return kpi.id == kpi_id::kLacReviewParticipation;
}

// What being in the numerator means for a KPI that is not about timeliness.
absl::string_view CountedWords(const KpiResult& kpi) {
  if (kpi.id == kpi_id::kCpRepeatPlans) return "a second or subsequent plan";
  if (kpi.id == kpi_id::kCpRepeatPlans2y) {
    return "within 2 years of a previous plan ending";
  }
  if (kpi.id == kpi_id::kCpPlansOpenOver18Months) {
    return "open more than 18 months";
  }
  if (kpi.id == kpi_id::kCpPlansEnded2yPlus) return "lasted 2 years or more";
  if (kpi.id == kpi_id::kLacReviewParticipation) return "child participated";
  return "";
}

}  // namespace

// The exclusion reasons of docs/kpis.md in plain words; an unknown one is
// shown with spaces for underscores.
std::string PlainReason(std::string_view reason) {
  struct Phrase {
    std::string_view reason;
    std::string_view words;
  };
  static constexpr Phrase kPhrases[] = {
      {"duplicate_review", "another review on the same date"},
      {"no_period_of_care", "in no period of care"},
      {"short_breaks", "short breaks"},
      {"previous_review_unknown", "first review in the data, previous unknown"},
      {"under_4", "child under 4 (PN0)"},
      {"missing_code", "no valid participation code"},
      {"missing_s47_start", "no s47 start date"},
      {"icpc_before_s47", "ICPC dated before the s47 start"},
      {"review_outside_plan", "outside the plan's dates"},
      {"missing_start", "plan has no start date"},
      {"not_yet_due", "not yet due"},
  };
  for (const Phrase& phrase : kPhrases) {
    if (phrase.reason == reason) return std::string(phrase.words);
  }
  return absl::StrReplaceAll(absl::string_view(reason.data(), reason.size()),
                             {{"_", " "}});
}

bool ListsCase(const KpiResult& kpi, const CaseRow& row) {
  switch (row.outcome) {
    case CaseOutcome::kExcluded:
      return true;
    case CaseOutcome::kLate:
    case CaseOutcome::kOverdue:
      return kpi.timeliness;
    case CaseOutcome::kCounted:
      return !kpi.timeliness && !NotCountedIsTheProblem(kpi);
    case CaseOutcome::kNotCounted:
      return !kpi.timeliness && NotCountedIsTheProblem(kpi);
    case CaseOutcome::kOnTime:
      return false;
  }
  return false;
}

size_t ListedCaseCount(const KpiResult& kpi) {
  size_t n = 0;
  for (const CaseRow& row : kpi.cases) n += ListsCase(kpi, row) ? 1 : 0;
  return n;
}

std::string CaseListTitle(const KpiResult& kpi) {
  if (kpi.timeliness) return "Late, overdue and excluded cases";
  if (NotCountedIsTheProblem(kpi)) return "Not counted and excluded cases";
  return "Counted and excluded cases";
}

std::string PlainCaseItem(const KpiResult& kpi, CaseItem item) {
  switch (item) {
    case CaseItem::kReview:
      return "review";
    case CaseItem::kOverdueSlot:
      return "review not held";
    case CaseItem::kS47:
      return "s47 enquiry";
    case CaseItem::kPlan:
      return "CP plan";
    case CaseItem::kAction:
      if (kpi.id == kpi_id::kLacReviewDecisions5wd) return "review decisions";
      if (kpi.id == kpi_id::kLacReviewRecord20wd) return "review record";
      if (kpi.id == kpi_id::kLacReviewSwReport24h) {
        return "social worker's report";
      }
      return "action after a review";
    case CaseItem::kChild:
      return "child";
  }
  return "";
}

std::string PlainCaseOutcome(const KpiResult& kpi, const CaseRow& row) {
  switch (row.outcome) {
    case CaseOutcome::kOnTime:
      return "on time";
    case CaseOutcome::kLate:
      return "late";
    case CaseOutcome::kOverdue:
      return "overdue: not held by the end of the period";
    case CaseOutcome::kExcluded:
      return absl::StrCat("excluded: ", PlainReason(row.reason));
    case CaseOutcome::kCounted: {
      const absl::string_view words = CountedWords(kpi);
      return words.empty() ? "counted" : absl::StrCat("counted: ", words);
    }
    case CaseOutcome::kNotCounted:
      return NotCountedIsTheProblem(kpi)
                 ? "not counted: child did not participate"
                 : "not counted";
  }
  return "";
}

const char* ParticipationWords(std::string_view code) {
  // The SSDA903 Reviews table's codes, in short words.
  static constexpr const char* kWords[] = {
      "under 4",
      "spoke for themselves",
      "an advocate spoke for them",
      "views by symbols or other means",
      "attended, views not conveyed",
      "views briefed to the chair",
      "did not attend, views sent",
      "did not attend or convey views",
  };
  if (code.size() != 3 || code[0] != 'P' || code[1] != 'N' || code[2] < '0' ||
      code[2] > '7') {
    return nullptr;
  }
  return kWords[code[2] - '0'];
}

}  // namespace internal
TSC_NAMESPACE_END
