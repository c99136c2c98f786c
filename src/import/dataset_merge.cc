// File: import/dataset_merge.cc

#include "import/dataset_merge.h"

#include <algorithm>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"
#include "absl/strings/str_format.h"

TSC_NAMESPACE_BEGIN
namespace internal {
namespace {

template <typename T>
void Append(std::vector<T>&& from, std::vector<T>* to) {
  // Taking the vector whole spares a second copy of a file's records.
  if (to->empty()) {
    *to = std::move(from);
    return;
  }
  to->insert(to->end(), std::make_move_iterator(from.begin()),
             std::make_move_iterator(from.end()));
}

// Identical in every field the library keeps.
bool SameEpisode(const Episode& a, const Episode& b) {
  return a.child == b.child && a.decom == b.decom && a.rne == b.rne &&
         a.ls == b.ls && a.cin == b.cin && a.place == b.place &&
         a.dec == b.dec && a.rec == b.rec;
}

// `next` starts before `prev` (the same child's previous episode) ends; an
// open episode (no DEC) followed by another is an overlap too.
bool Overlaps(const Episode& prev, const Episode& next) {
  return !prev.dec.has_value() || next.decom < *prev.dec;
}

// "line 12", or "other.csv line 12" when the episode came from another file.
std::string Where(const Dataset& data, const SourceRef& of,
                  const SourceRef& from) {
  if (of.file == from.file) return absl::StrFormat("line %d", of.line);
  return absl::StrFormat("%s line %d", data.PathOf(of), of.line);
}

std::string DuplicateWarning(const Dataset& data, const Episode& kept,
                             const Episode& repeat) {
  return absl::StrFormat(
      "CHILD '%s': the episode starting %s repeats the one at %s exactly; "
      "the repeat is dropped",
      repeat.child, repeat.decom.ToString(),
      Where(data, kept.source, repeat.source));
}

std::string OverlapWarning(const Dataset& data, const Episode& prev,
                           const Episode& next) {
  if (!prev.dec.has_value()) {
    return absl::StrFormat(
        "CHILD '%s': the episode starting %s begins while the previous one "
        "(%s, from %s) is still open (no DEC)",
        next.child, next.decom.ToString(),
        Where(data, prev.source, next.source), prev.decom.ToString());
  }
  return absl::StrFormat(
      "CHILD '%s': the episode starting %s begins before the previous one "
      "(%s, %s to %s) ends",
      next.child, next.decom.ToString(), Where(data, prev.source, next.source),
      prev.decom.ToString(), prev.dec->ToString());
}

// The merge order: by child, then DECOM.
bool Before(const Episode& a, const Episode& b) {
  if (a.child != b.child) return a.child < b.child;
  return a.decom < b.decom;
}

// An episode's place in the merge order, cheap to compare: most CHILD
// codes are at most 8 bytes, and their first 8 bytes as a big-endian number
// order them as the strings do.
struct SortKey {
  uint64_t child_prefix;
  const std::string* child;
  Date decom;
  size_t index;  // breaks ties: equal episodes keep their order
};

uint64_t Prefix(const std::string& text) {
  uint64_t prefix = 0;
  for (size_t i = 0; i < 8; ++i) {
    const auto byte =
        i < text.size() ? static_cast<unsigned char>(text[i]) : 0u;
    prefix = (prefix << 8) | byte;
  }
  return prefix;
}

bool operator<(const SortKey& a, const SortKey& b) {
  if (a.child_prefix != b.child_prefix) return a.child_prefix < b.child_prefix;
  // Equal prefixes: the strings may still differ past byte 8 (or in
  // length, were a code to hold a NUL).
  if (a.child->size() != b.child->size() || a.child->size() > 8) {
    const int order = a.child->compare(*b.child);
    if (order != 0) return order < 0;
  }
  if (a.decom != b.decom) return a.decom < b.decom;
  return a.index < b.index;
}

// When the children are in order already, each with its episodes
// together, as in one file that lists a child's episodes in any order:
// sorts each child's episodes by DECOM (stably), noting in `order` where
// each came from, and returns true. Otherwise changes nothing.
bool SortWithinChildren(std::vector<Episode>* episodes,
                        std::vector<size_t>* order) {
  std::vector<Episode>& all = *episodes;
  for (size_t i = 1; i < all.size(); ++i) {
    if (all[i].child < all[i - 1].child) return false;
  }
  const auto by_decom = [&](size_t a, size_t b) {
    return all[a].decom < all[b].decom;
  };
  std::vector<Episode> moved;
  for (size_t begin = 0, end = 0; begin < all.size(); begin = end) {
    end = begin + 1;
    while (end < all.size() && all[end].child == all[begin].child) ++end;
    const auto first = order->begin() + static_cast<std::ptrdiff_t>(begin);
    const auto last = order->begin() + static_cast<std::ptrdiff_t>(end);
    if (std::is_sorted(first, last, by_decom)) continue;
    std::stable_sort(first, last, by_decom);
    moved.clear();
    for (auto from = first; from != last; ++from) {
      moved.push_back(std::move(all[*from]));
    }
    std::move(moved.begin(), moved.end(),
              all.begin() + static_cast<std::ptrdiff_t>(begin));
  }
  return true;
}

// Sorts `episodes` by child and DECOM, equal ones kept in their order (a
// stable sort), and returns where each now sits came from. Moves nothing
// when they are in order already, as a single file usually is.
std::vector<size_t> SortStably(std::vector<Episode>* episodes) {
  const size_t n = episodes->size();
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  if (std::is_sorted(episodes->begin(), episodes->end(), Before)) return order;
  if (SortWithinChildren(episodes, &order)) return order;
  // Sort small keys, not the episodes (each is six strings and more).
  std::vector<SortKey> keys(n);
  for (size_t i = 0; i < n; ++i) {
    const Episode& episode = (*episodes)[i];
    keys[i] = {Prefix(episode.child), &episode.child, episode.decom, i};
  }
  std::sort(keys.begin(), keys.end());
  for (size_t i = 0; i < n; ++i) order[i] = keys[i].index;
  std::vector<SortKey>().swap(keys);
  // Put the episodes in that order in place, one cycle of the
  // permutation at a time.
  std::vector<bool> placed(n, false);
  for (size_t start = 0; start < n; ++start) {
    if (placed[start] || order[start] == start) continue;
    Episode carried = std::move((*episodes)[start]);
    size_t to = start;
    while (true) {
      placed[to] = true;
      const size_t from = order[to];
      if (from == start) {
        (*episodes)[to] = std::move(carried);
        break;
      }
      (*episodes)[to] = std::move((*episodes)[from]);
      to = from;
    }
  }
  return order;
}

// The kept episode of the current child's run that `episode` repeats.
const Episode* FindRepeat(const std::vector<Episode>& kept, size_t run_start,
                          size_t kept_end, const Episode& episode) {
  for (size_t i = kept_end; i > run_start && kept[i - 1].decom == episode.decom;
       --i) {
    if (SameEpisode(kept[i - 1], episode)) return &kept[i - 1];
  }
  return nullptr;
}

// Merges `incoming` into data->episodes (already sorted and free of
// repeats); reports only on pairs that involve an incoming episode, so
// earlier files are not reported twice.
//
// Everything happens in data->episodes: the file's episodes are appended,
// the whole is sorted stably (held ones first among equals), and a single
// pass keeps each episode or drops it as a repeat, compacting as it goes.
void MergeEpisodes(std::vector<Episode> incoming, InputFile* file,
                   Dataset* data) {
  if (incoming.empty()) return;
  std::vector<Episode>& all = data->episodes;
  const size_t held = all.size();
  Append(std::move(incoming), &all);
  std::vector<Episode>().swap(incoming);  // free the moved-from records
  const std::vector<size_t> order = SortStably(&all);
  // is_incoming[i]: whether all[i] came from the file being merged;
  // compacted along with the kept episodes.
  std::vector<bool> is_incoming(all.size());
  for (size_t i = 0; i < all.size(); ++i) is_incoming[i] = order[i] >= held;

  size_t kept = 0;       // all[0, kept) are the episodes kept so far
  size_t run_start = 0;  // where the current child's episodes begin
  for (size_t i = 0; i < all.size(); ++i) {
    Episode& episode = all[i];
    const bool incoming_episode = is_incoming[i];
    if (kept == 0 || all[kept - 1].child != episode.child) run_start = kept;
    const Episode* repeat = FindRepeat(all, run_start, kept, episode);
    if (repeat != nullptr && incoming_episode) {
      const std::string& path = data->PathOf(episode.source);
      data->warnings.push_back({path, episode.source.line,
                                DuplicateWarning(*data, *repeat, episode)});
      data->rejections.push_back(
          {path, episode.source.line,
           absl::StrFormat("duplicate episode (repeats %s)",
                           Where(*data, repeat->source, episode.source))});
      ++file->rejected;
      continue;
    }
    if (kept > run_start && (incoming_episode || is_incoming[kept - 1]) &&
        Overlaps(all[kept - 1], episode)) {
      data->warnings.push_back({data->PathOf(episode.source),
                                episode.source.line,
                                OverlapWarning(*data, all[kept - 1], episode)});
    }
    if (kept != i) {
      all[kept] = std::move(episode);
      is_incoming[kept] = incoming_episode;
    }
    ++kept;
  }
  all.erase(all.begin() + static_cast<std::ptrdiff_t>(kept), all.end());
}

// Meetings compared in every field the library keeps (by pointer: a
// national file has over a million, and no key is built for any).
struct MeetingHash {
  size_t operator()(const MeetingRecord* m) const {
    auto moment = [](const std::optional<Moment>& t) {
      return t ? std::pair<int32_t, int>(t->date.serial(),
                                         t->minute_of_day.value_or(-1))
               : std::pair<int32_t, int>(INT32_MIN, -2);
    };
    return absl::HashOf(m->child, static_cast<int>(m->type), moment(m->held),
                        moment(m->sw_report_received),
                        moment(m->decisions_sent),
                        moment(m->record_distributed), m->chair, m->qa_alerts);
  }
};
struct MeetingEq {
  bool operator()(const MeetingRecord* a, const MeetingRecord* b) const {
    return a->child == b->child && a->type == b->type && a->held == b->held &&
           a->sw_report_received == b->sw_report_received &&
           a->decisions_sent == b->decisions_sent &&
           a->record_distributed == b->record_distributed &&
           a->chair == b->chair && a->qa_alerts == b->qa_alerts;
  }
};

// Appends `incoming` to data->meetings, dropping each meeting that repeats
// one already there (or earlier in the file) in every field: a row
// exported twice would count a meeting twice. Each drop is a rejection
// naming the row it repeats.
void MergeMeetings(std::vector<MeetingRecord> incoming, InputFile* file,
                   Dataset* data) {
  if (incoming.empty()) return;
  std::vector<MeetingRecord>& all = data->meetings;
  // Reserved first: the set points into `all`, which must not move.
  all.reserve(all.size() + incoming.size());
  absl::flat_hash_set<const MeetingRecord*, MeetingHash, MeetingEq> seen;
  seen.reserve(all.size() + incoming.size());
  for (const MeetingRecord& m : all) seen.insert(&m);
  for (MeetingRecord& m : incoming) {
    const auto repeat = seen.find(&m);
    if (repeat != seen.end()) {
      data->rejections.push_back(
          {data->PathOf(m.source), m.source.line,
           absl::StrFormat("duplicate meeting (repeats %s)",
                           Where(*data, (*repeat)->source, m.source))});
      ++file->rejected;
      continue;
    }
    all.push_back(std::move(m));
    seen.insert(&all.back());
  }
}

}  // namespace

void MergeFile(Dataset staged, InputFile file, Dataset* data) {
  Append(std::move(staged.headers), &data->headers);
  Append(std::move(staged.reviews), &data->reviews);
  Append(std::move(staged.section47), &data->section47);
  Append(std::move(staged.cp_plans), &data->cp_plans);
  Append(std::move(staged.rejections), &data->rejections);
  Append(std::move(staged.warnings), &data->warnings);
  if (staged.cin_reference_date &&
      (!data->cin_reference_date ||
       *staged.cin_reference_date < *data->cin_reference_date)) {
    data->cin_reference_date = staged.cin_reference_date;
  }
  // The file joins first: the merge's messages name it through its records.
  data->files.push_back(std::move(file));
  MergeEpisodes(std::move(staged.episodes), &data->files.back(), data);
  MergeMeetings(std::move(staged.meetings), &data->files.back(), data);
}

}  // namespace internal
TSC_NAMESPACE_END
