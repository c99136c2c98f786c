// File: kpi/lac_view.cc

#include "kpi/lac_view.h"

#include <algorithm>

#include "absl/container/flat_hash_set.h"
#include "kpi/child_groups.h"

TSC_NAMESPACE_BEGIN
namespace internal {
namespace {

// Marks each of one child's reviews that repeats an earlier one's date. A
// child has a handful of reviews, so a scan is cheapest; a hash set keeps
// a pathological file with thousands for one child linear.
void MarkDuplicates(absl::Span<ChildReview> reviews) {
  constexpr size_t kScanUpTo = 64;
  if (reviews.size() <= kScanUpTo) {
    for (size_t i = 0; i < reviews.size(); ++i) {
      for (size_t j = 0; j < i && !reviews[i].duplicate; ++j) {
        reviews[i].duplicate = reviews[j].date == reviews[i].date;
      }
    }
    return;
  }
  absl::flat_hash_set<int32_t> seen;
  for (ChildReview& r : reviews) {
    r.duplicate = !seen.insert(r.date.serial()).second;
  }
}

}  // namespace

LacView::LacView(const Dataset& data) {
  ChildNumbers numbers;
  std::vector<uint32_t> episode_child;
  episode_child.reserve(data.episodes.size());
  for (const Episode& e : data.episodes) {
    episode_child.push_back(numbers.Number(e.child));
  }
  std::vector<uint32_t> review_child;
  review_child.reserve(data.reviews.size());
  for (const LacReviewRecord& r : data.reviews) {
    review_child.push_back(numbers.Number(r.child));
  }
  const Groups episodes = GroupBy(episode_child, numbers.size());
  const Groups reviews = GroupBy(review_child, numbers.size());

  ids_.reserve(numbers.size());
  for (uint32_t child = 0; child < numbers.size(); ++child) {
    ids_.push_back(numbers.id(child));
  }
  periods_.reserve(data.episodes.size());
  reviews_.reserve(data.reviews.size());
  period_begin_.reserve(numbers.size() + 1);
  review_begin_.reserve(numbers.size() + 1);
  std::vector<const Episode*> list;
  for (size_t child = 0; child < numbers.size(); ++child) {
    // Merged files hold each child's episodes in DECOM order already.
    list.clear();
    for (const uint32_t i : episodes.Of(child)) {
      list.push_back(&data.episodes[i]);
    }
    const auto by_decom = [](const Episode* a, const Episode* b) {
      return a->decom < b->decom;
    };
    if (!std::is_sorted(list.begin(), list.end(), by_decom)) {
      std::stable_sort(list.begin(), list.end(), by_decom);
    }
    period_begin_.push_back(static_cast<uint32_t>(periods_.size()));
    AppendPeriodsOfCare(list, &periods_);

    const size_t first_review = reviews_.size();
    review_begin_.push_back(static_cast<uint32_t>(first_review));
    for (const uint32_t i : reviews.Of(child)) {
      const LacReviewRecord& r = data.reviews[i];
      reviews_.push_back(ChildReview{r.review, &r, false});
    }
    MarkDuplicates(absl::MakeSpan(reviews_).subspan(first_review));
  }
  period_begin_.push_back(static_cast<uint32_t>(periods_.size()));
  review_begin_.push_back(static_cast<uint32_t>(reviews_.size()));
}

absl::Span<const PeriodOfCare> LacView::Periods(size_t child) const {
  return absl::MakeConstSpan(periods_).subspan(
      period_begin_[child], period_begin_[child + 1] - period_begin_[child]);
}

absl::Span<const ChildReview> LacView::Reviews(size_t child) const {
  return absl::MakeConstSpan(reviews_).subspan(
      review_begin_[child], review_begin_[child + 1] - review_begin_[child]);
}

}  // namespace internal
TSC_NAMESPACE_END
