// File: kpi/child_groups.cc

#include "kpi/child_groups.h"

TSC_NAMESPACE_BEGIN
namespace internal {

uint32_t ChildNumbers::Number(std::string_view child) {
  if (!ids_.empty() && child == last_) return last_number_;
  const auto [it, added] =
      numbers_.try_emplace(child, static_cast<uint32_t>(ids_.size()));
  if (added) ids_.push_back(child);
  last_ = child;
  last_number_ = it->second;
  return it->second;
}

int64_t ChildNumbers::Find(std::string_view child) const {
  const auto it = numbers_.find(child);
  return it == numbers_.end() ? -1 : static_cast<int64_t>(it->second);
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
