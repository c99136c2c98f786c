// Child numbering (kpi/child_groups.h) against a plain map over random
// sequences: sorted runs (the fast path), shuffled ids, repeats, and ids
// that fall between ones already numbered.

#include "kpi/child_groups.h"

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "gtest/gtest.h"

namespace timescales {
namespace internal {
namespace {

// Numbers in order of first appearance, the slow obvious way.
class ReferenceNumbers {
 public:
  uint32_t Number(const std::string& id) {
    return numbers_.emplace(id, static_cast<uint32_t>(numbers_.size()))
        .first->second;
  }
  int64_t Find(const std::string& id) const {
    const auto it = numbers_.find(id);
    return it == numbers_.end() ? -1 : static_cast<int64_t>(it->second);
  }

 private:
  std::map<std::string, uint32_t> numbers_;
};

std::vector<std::string> Ids(std::mt19937* rng, int count, int universe) {
  std::uniform_int_distribution<int> pick(0, universe - 1);
  std::vector<std::string> ids;
  for (int i = 0; i < count; ++i) {
    // Mixed lengths, so string order is not numeric order.
    ids.push_back(absl::StrFormat("C%d", pick(*rng)));
  }
  return ids;
}

TEST(ChildNumbers, MatchesFirstAppearanceOrderOnRandomSequences) {
  for (int seed = 0; seed < 200; ++seed) {
    std::mt19937 rng(static_cast<unsigned>(seed));
    const int universe = 1 + seed % 50 * 7;
    // Like a report: a sorted list (episodes), then another (reviews),
    // then one in any order (plans), each with repeats and runs.
    std::vector<std::string> first = Ids(&rng, 1 + seed % 40, universe);
    std::vector<std::string> second = Ids(&rng, 1 + seed % 60, universe);
    const std::vector<std::string> third = Ids(&rng, seed % 30, universe);
    if (seed % 3 != 0) std::sort(first.begin(), first.end());
    if (seed % 4 != 0) std::sort(second.begin(), second.end());
    std::vector<std::string> all = first;
    all.insert(all.end(), second.begin(), second.end());
    all.insert(all.end(), third.begin(), third.end());

    ChildNumbers numbers;
    ReferenceNumbers reference;
    for (size_t i = 0; i < all.size(); ++i) {
      ASSERT_EQ(numbers.Number(all[i]), reference.Number(all[i]))
          << "seed " << seed << ", call " << i << ", id " << all[i];
    }
    for (int probe = 0; probe < universe + 2; ++probe) {
      const std::string id = absl::StrFormat("C%d", probe);
      ASSERT_EQ(numbers.Find(id), reference.Find(id))
          << "seed " << seed << ", id " << id;
    }
    for (uint32_t n = 0; n < numbers.size(); ++n) {
      ASSERT_EQ(reference.Find(std::string(numbers.id(n))), n);
    }
  }
}

TEST(GroupBy, KeepsEachGroupInIndexOrder) {
  const std::vector<uint32_t> group_of = {2, 0, 2, 1, 0, 2};
  const Groups groups = GroupBy(group_of, 4);
  ASSERT_EQ(groups.size(), 4u);
  EXPECT_EQ(std::vector<uint32_t>(groups.Of(0).begin(), groups.Of(0).end()),
            (std::vector<uint32_t>{1, 4}));
  EXPECT_EQ(std::vector<uint32_t>(groups.Of(1).begin(), groups.Of(1).end()),
            (std::vector<uint32_t>{3}));
  EXPECT_EQ(std::vector<uint32_t>(groups.Of(2).begin(), groups.Of(2).end()),
            (std::vector<uint32_t>{0, 2, 5}));
  EXPECT_TRUE(groups.Of(3).empty());
}

}  // namespace
}  // namespace internal
}  // namespace timescales
