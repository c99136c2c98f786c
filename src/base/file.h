// File: base/file.h
//
// Reading a whole (small) file: the configuration, a GOV.UK holidays file,
// closure days. One reader, so every surface says the same thing when a
// file cannot be read.

#ifndef TSC_BASE_FILE_H_
#define TSC_BASE_FILE_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "timescales/config.h"

TSC_NAMESPACE_BEGIN
namespace internal {

// The most ReadFile() reads: these files are small (a national GOV.UK file
// is 20 kB), and a path such as /dev/zero or a runaway generator would
// otherwise be read until memory ran out.
inline constexpr size_t kMaxSmallFileBytes = size_t{64} << 20;

// The whole of the file at `path`. NotFound or PermissionDenied naming the
// file and the system's reason ("cannot read x.json: No such file or
// directory"); InvalidArgument for any other failure (a directory, say),
// and for a file larger than `max_bytes`, naming the limit. Files that
// report no size (/proc, pipes, devices) are read up to the limit.
absl::StatusOr<std::string> ReadFile(const std::string& path,
                                     size_t max_bytes = kMaxSmallFileBytes);

// `path` resolved against `base_dir` when it is relative and `base_dir` is
// not empty; otherwise `path` as it is.
std::string ResolvePath(const std::string& path, const std::string& base_dir);

// The folder part of `path` ("" for a bare file name).
std::string DirectoryOf(const std::string& path);

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_BASE_FILE_H_
