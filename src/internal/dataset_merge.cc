// File: internal/dataset_merge.cc

#include "internal/dataset_merge.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_format.h"

TSC_NAMESPACE_BEGIN
namespace internal {
namespace {

template <typename T>
void Append(std::vector<T>&& from, std::vector<T>* to) {
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

struct Tagged {
  Episode episode;
  bool incoming = false;  // from the file being merged
};

// The kept episode of the current child's run that `episode` repeats.
const Episode* FindRepeat(const std::vector<Episode>& kept, size_t run_start,
                          const Episode& episode) {
  for (size_t i = kept.size();
       i > run_start && kept[i - 1].decom == episode.decom; --i) {
    if (SameEpisode(kept[i - 1], episode)) return &kept[i - 1];
  }
  return nullptr;
}

// Merges `incoming` into data->episodes (already sorted and free of
// repeats); reports only on pairs that involve an incoming episode, so
// earlier files are not reported twice.
void MergeEpisodes(std::vector<Episode> incoming, InputFile* file,
                   Dataset* data) {
  if (incoming.empty()) return;
  std::vector<Tagged> all;
  all.reserve(data->episodes.size() + incoming.size());
  for (Episode& e : data->episodes) all.push_back({std::move(e), false});
  for (Episode& e : incoming) all.push_back({std::move(e), true});
  // Stable: equal (child, DECOM) keep file order, earlier files first.
  std::stable_sort(all.begin(), all.end(),
                   [](const Tagged& a, const Tagged& b) {
                     if (a.episode.child != b.episode.child) {
                       return a.episode.child < b.episode.child;
                     }
                     return a.episode.decom < b.episode.decom;
                   });
  std::vector<Episode> kept;
  std::vector<bool> kept_incoming;
  kept.reserve(all.size());
  size_t run_start = 0;  // where the current child's episodes begin in kept
  for (Tagged& t : all) {
    if (kept.empty() || kept.back().child != t.episode.child) {
      run_start = kept.size();
    }
    const Episode* repeat = FindRepeat(kept, run_start, t.episode);
    if (repeat != nullptr && t.incoming) {
      const std::string& path = data->PathOf(t.episode.source);
      data->warnings.push_back({path, t.episode.source.line,
                                DuplicateWarning(*data, *repeat, t.episode)});
      data->rejections.push_back(
          {path, t.episode.source.line,
           absl::StrFormat("duplicate episode (repeats %s)",
                           Where(*data, repeat->source, t.episode.source))});
      ++file->rejected;
      continue;
    }
    if (kept.size() > run_start && (t.incoming || kept_incoming.back()) &&
        Overlaps(kept.back(), t.episode)) {
      data->warnings.push_back({data->PathOf(t.episode.source),
                                t.episode.source.line,
                                OverlapWarning(*data, kept.back(), t.episode)});
    }
    kept.push_back(std::move(t.episode));
    kept_incoming.push_back(t.incoming);
  }
  data->episodes = std::move(kept);
}

}  // namespace

void MergeFile(Dataset staged, InputFile file, Dataset* data) {
  Append(std::move(staged.headers), &data->headers);
  Append(std::move(staged.reviews), &data->reviews);
  Append(std::move(staged.section47), &data->section47);
  Append(std::move(staged.cp_plans), &data->cp_plans);
  Append(std::move(staged.meetings), &data->meetings);
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
}

}  // namespace internal
TSC_NAMESPACE_END
