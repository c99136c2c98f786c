// File: kpi/child_groups.cc

#include "kpi/child_groups.h"

#include <algorithm>
#include <cstddef>

TSC_NAMESPACE_BEGIN
namespace internal {

uint32_t ChildNumbers::Number(std::string_view child) {
  if (!ids_.empty() && child == last_) return last_number_;
  uint32_t number = static_cast<uint32_t>(ids_.size());
  // Above every ordered id (so in neither list): the sorted list grows.
  // (others_ only ever takes ids below ordered_.back().)
  if (ordered_.empty() || ordered_.back().id < child) {
    ordered_.push_back({child, number});
    cursor_ = ordered_.size() - 1;
    ids_.push_back(child);
  } else if (const int64_t at = FindOrdered(child); at >= 0) {
    number = ordered_[static_cast<size_t>(at)].number;
  } else {
    const auto [it, added] = others_.try_emplace(child, number);
    if (added) ids_.push_back(child);
    number = it->second;
  }
  last_ = child;
  last_number_ = number;
  return number;
}

int64_t ChildNumbers::FindOrdered(std::string_view child) const {
  const auto less = [](const Numbered& a, std::string_view b) {
    return a.id < b;
  };
  auto at = ordered_.end();
  // Ascending calls: a few steps forward from the cursor; otherwise, or
  // when the id is further on, a binary search.
  if (cursor_ < ordered_.size() && !(child < ordered_[cursor_].id)) {
    auto from = ordered_.begin() + static_cast<std::ptrdiff_t>(cursor_);
    constexpr int kSteps = 4;
    int step = 0;
    while (from != ordered_.end() && from->id < child && step++ < kSteps) {
      ++from;
    }
    at = from == ordered_.end() || !(from->id < child)
             ? from
             : std::lower_bound(from, ordered_.end(), child, less);
  } else {
    at = std::lower_bound(
        ordered_.begin(),
        ordered_.begin() + static_cast<std::ptrdiff_t>(cursor_), child, less);
  }
  if (at == ordered_.end() || at->id != child) return -1;
  cursor_ = static_cast<size_t>(at - ordered_.begin());
  return static_cast<int64_t>(cursor_);
}

int64_t ChildNumbers::Find(std::string_view child) const {
  if (const int64_t at = FindOrdered(child); at >= 0) {
    return ordered_[static_cast<size_t>(at)].number;
  }
  const auto it = others_.find(child);
  return it == others_.end() ? -1 : static_cast<int64_t>(it->second);
}

Groups GroupBy(const std::vector<uint32_t>& group_of, size_t groups) {
  Groups out;
  out.begin_.assign(groups + 1, 0);
  for (const uint32_t g : group_of) ++out.begin_[g + 1];
  for (size_t g = 1; g <= groups; ++g) out.begin_[g] += out.begin_[g - 1];
  out.items_.resize(group_of.size());
  std::vector<uint32_t> next(out.begin_.begin(), out.begin_.end() - 1);
  for (size_t i = 0; i < group_of.size(); ++i) {
    out.items_[next[group_of[i]]++] = static_cast<uint32_t>(i);
  }
  return out;
}

}  // namespace internal
TSC_NAMESPACE_END
