// File: import/mapped_file.h
//
// A file's bytes mapped read-only into memory. A national CSV extract is
// 100 MB: reading it means a zeroed buffer of that size, a copy, and a
// fault for every fresh page; a mapping shares the page cache's pages,
// faulted in sixteen at a time. The CSV importers only read their text, so
// they take it mapped; the XML ones parse in place and still read a copy.
// As with any mapping, a file cut short by another process while it is
// being read ends this one (SIGBUS): extracts are written, then read.
//
// Example:
//
//   if (std::optional<MappedFile> file = MappedFile::Open(path)) {
//     Use(file->text());
//   }  // else read the file some other way (a pipe cannot be mapped)

#ifndef TSC_IMPORT_MAPPED_FILE_H_
#define TSC_IMPORT_MAPPED_FILE_H_

#include <cstddef>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "timescales/config.h"

TSC_NAMESPACE_BEGIN
namespace internal {

class MappedFile {
 public:
  // The file at `path` mapped, or nullopt when it cannot be (it does not
  // exist, is not a regular file, the system has no mmap...): the caller
  // then reads it, and reports any error with its own words.
  static std::optional<MappedFile> Open(const std::string& path);

  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  absl::string_view text() const {
    return absl::string_view(static_cast<const char*>(data_), size_);
  }

 private:
  MappedFile(void* data, size_t size) : data_(data), size_(size) {}

  void* data_ = nullptr;  // null for an empty file
  size_t size_ = 0;
};

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_IMPORT_MAPPED_FILE_H_
