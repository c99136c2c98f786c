// File: kpi/cin_records.cc

#include "kpi/cin_records.h"

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <utility>

#include "absl/container/flat_hash_map.h"

TSC_NAMESPACE_BEGIN
namespace internal {
namespace {

// child, start serial: a view of the input records' ids, which outlive it
using Key = std::pair<std::string_view, int32_t>;

// `scratch` holds the sorted copy: one buffer for every merge.
void MergeReviews(const std::vector<Date>& copy, std::vector<Date>* merged,
                  std::vector<Date>* scratch) {
  std::vector<Date>& sorted = *scratch;
  sorted.assign(copy.begin(), copy.end());
  std::sort(sorted.begin(), sorted.end());
  // Each date as many times as the copy that repeats it most has it.
  for (size_t i = 0; i < sorted.size();) {
    size_t j = i;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    const auto have = std::count(merged->begin(), merged->end(), sorted[i]);
    for (auto k = have; k < static_cast<std::ptrdiff_t>(j - i); ++k) {
      merged->push_back(sorted[i]);
    }
    i = j;
  }
}

}  // namespace

std::vector<CpPlanRecord> DistinctPlans(const std::vector<CpPlanRecord>& all) {
  std::vector<CpPlanRecord> out;
  // Room for every record: a census repeats most plans, but growing the
  // vector would move each distinct plan several times over.
  out.reserve(all.size());
  absl::flat_hash_map<Key, size_t> index;
  index.reserve(all.size());
  std::vector<Date> scratch;
  for (const CpPlanRecord& plan : all) {
    if (!plan.start) {
      out.push_back(plan);
      continue;
    }
    const Key key{plan.child, plan.start->serial()};
    const auto found = index.find(key);
    if (found == index.end()) {
      index.emplace(key, out.size());
      out.push_back(plan);
      continue;
    }
    CpPlanRecord& merged = out[found->second];
    if (plan.end && (!merged.end || *plan.end > *merged.end)) {
      merged.end = plan.end;
    }
    if (plan.previous_plans &&
        (!merged.previous_plans ||
         *plan.previous_plans > *merged.previous_plans)) {
      merged.previous_plans = plan.previous_plans;
    }
    if (!plan.latest_category.empty()) {
      merged.latest_category = plan.latest_category;
    }
    MergeReviews(plan.reviews, &merged.reviews, &scratch);
  }
  for (CpPlanRecord& plan : out) {
    std::stable_sort(plan.reviews.begin(), plan.reviews.end());
  }
  return out;
}

std::vector<Section47Record> DistinctSection47(
    const std::vector<Section47Record>& all) {
  std::vector<Section47Record> out;
  absl::flat_hash_map<Key, size_t> index;
  // Enquiries with no start date, known by their ICPC date instead (the
  // ICPC KPI counts them under missing_s47_start, once each).
  absl::flat_hash_map<Key, size_t> index_by_icpc;
  index.reserve(all.size());
  for (const Section47Record& s47 : all) {
    if (!s47.s47_start && !s47.icpc) {
      out.push_back(s47);
      continue;
    }
    const Key key = s47.s47_start ? Key{s47.child, s47.s47_start->serial()}
                                  : Key{s47.child, s47.icpc->serial()};
    auto& by = s47.s47_start ? index : index_by_icpc;
    const auto found = by.find(key);
    if (found == by.end()) {
      by.emplace(key, out.size());
      out.push_back(s47);
      continue;
    }
    Section47Record& merged = out[found->second];
    if (!merged.icpc && s47.icpc) merged.icpc = s47.icpc;
    if (!merged.icpc_target && s47.icpc_target) {
      merged.icpc_target = s47.icpc_target;
    }
    merged.icpc_not_required =
        merged.icpc_not_required || s47.icpc_not_required;
  }
  return out;
}

}  // namespace internal
TSC_NAMESPACE_END
