// File: import/dataset_merge.h
//
// How one file's records join a Dataset. Importers stage a file's records
// in a Dataset of their own and merge it only once the whole file has been
// read, so a file that fails adds nothing.
//
// Episodes are where merging is more than appending: every child's episodes
// are kept sorted by DECOM, an exact repeat of an episode already held is
// dropped (a rejection, "duplicate episode", so the file's rows still
// reconcile) and reported, and an episode that starts before the previous
// one of the same child has ended is kept and reported as an overlap.

#ifndef TSC_IMPORT_DATASET_MERGE_H_
#define TSC_IMPORT_DATASET_MERGE_H_

#include "timescales/config.h"
#include "timescales/dataset.h"

TSC_NAMESPACE_BEGIN
namespace internal {

// MergeFile()
//
// Appends `staged` (every record read from the file `file` describes) to
// `data`, and `file` to `data->files` with its `rejected` count raised by
// any episode dropped as a duplicate. A staged CIN reference date replaces
// `data`'s only when earlier (the earliest census starts the coverage).
void MergeFile(Dataset staged, InputFile file, Dataset* data);

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_IMPORT_DATASET_MERGE_H_
