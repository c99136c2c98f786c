// File: kpi/child_groups.h
//
// The per-child passes of the KPIs group millions of records by child id.
// Interning each id once to a dense number, then grouping record indices by
// that number with a counting sort, costs one hash lookup a record and keeps
// every group's records in their original (file) order.
//
// Example:
//
//   ChildNumbers numbers;
//   std::vector<uint32_t> child_of;
//   for (const LacReviewRecord& r : data.reviews)
//     child_of.push_back(numbers.Number(r.child));
//   const Groups by_child = GroupBy(child_of, numbers.size());
//   for (uint32_t review : by_child.Of(numbers.Find("C1")))
//     Use(data.reviews[review]);

#ifndef TSC_KPI_CHILD_GROUPS_H_
#define TSC_KPI_CHILD_GROUPS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/types/span.h"
#include "timescales/config.h"

TSC_NAMESPACE_BEGIN
namespace internal {

// Dense numbers 0, 1, ... for child ids, in order of first appearance. The
// ids are held as views: the strings must outlive the numbering.
//
// Extracts list children in order, so ids that arrive in ascending order
// are kept in a sorted list searched by a cursor that moves forward with
// the calls: a pass over sorted episodes, then one over sorted reviews,
// costs a comparison or two an id. Any other id goes to a hash map.
class ChildNumbers {
 public:
  // The id's number, numbering it when new.
  uint32_t Number(std::string_view child);
  // The id's number, or -1 when it was never numbered.
  int64_t Find(std::string_view child) const;
  size_t size() const { return ids_.size(); }
  std::string_view id(uint32_t number) const { return ids_[number]; }

 private:
  struct Numbered {
    std::string_view id;
    uint32_t number;
  };
  // The index in ordered_ of `child`, or -1; moves the cursor there.
  int64_t FindOrdered(std::string_view child) const;

  std::vector<std::string_view> ids_;  // by number
  std::vector<Numbered> ordered_;      // ascending by id
  absl::flat_hash_map<std::string_view, uint32_t> others_;
  mutable size_t cursor_ = 0;  // where the last search in ordered_ ended
  // Extracts list a child's rows together: the last id answers most calls.
  std::string_view last_;
  uint32_t last_number_ = 0;
};

// The indices 0..n-1 of a table, grouped by a number per index.
class Groups {
 public:
  // The indices i with group_of[i] == g, ascending.
  absl::Span<const uint32_t> Of(size_t g) const {
    return absl::MakeConstSpan(items_).subspan(begin_[g],
                                               begin_[g + 1] - begin_[g]);
  }
  size_t size() const { return begin_.empty() ? 0 : begin_.size() - 1; }

 private:
  friend Groups GroupBy(const std::vector<uint32_t>& group_of, size_t groups);
  std::vector<uint32_t> begin_;  // groups + 1 offsets into items_
  std::vector<uint32_t> items_;
};

// GroupBy()
//
// Every index of `group_of` (whose values are below `groups`) in its group.
Groups GroupBy(const std::vector<uint32_t>& group_of, size_t groups);

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_KPI_CHILD_GROUPS_H_
