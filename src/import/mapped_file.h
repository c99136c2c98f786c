// File: import/mapped_file.h
//
// A file's bytes in memory, read once: what the CSV importers parse. (The
// name is historical: the file used to be mapped. A mapping of a file that
// another process cut short while it was read ended this process with
// SIGBUS, inside the parser, and a host process with it through the C ABI;
// a plain read() into a buffer is as fast for a file read front to back,
// and a file that changes under it is an error instead.)
//
// Example:
//
//   absl::StatusOr<MappedFile> file = MappedFile::Read(path);
//   if (!file.ok()) return file.status();  // names the file
//   Use(file->text());

#ifndef TSC_IMPORT_MAPPED_FILE_H_
#define TSC_IMPORT_MAPPED_FILE_H_

#include <cstddef>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "timescales/config.h"

TSC_NAMESPACE_BEGIN
namespace internal {

class MappedFile {
 public:
  // The regular file at `path`, read whole. Errors name the file: NotFound,
  // PermissionDenied, InvalidArgument for anything else that is not a
  // regular file, a failed read, or a file whose size or modification time
  // changed while it was read (a truncated or still-growing file is not
  // parsed as if whole).
  static absl::StatusOr<MappedFile> Read(const std::string& path);

  // Read(), or nullopt when it fails: the caller then reads the file some
  // other way (a pipe is not a regular file) and reports any error in its
  // own words.
  static std::optional<MappedFile> Open(const std::string& path);

  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  ~MappedFile();

  absl::string_view text() const { return absl::string_view(data_, size_); }

 private:
  // `capacity` bytes at `data`: from new[], or for a big file an anonymous
  // mapping (`mapped`) the kernel may back with huge pages, which halves
  // the cost of faulting in a buffer of 100 MB.
  struct Buffer {
    char* data = nullptr;
    size_t capacity = 0;
    bool mapped = false;
  };
  static absl::StatusOr<Buffer> Allocate(const std::string& path, size_t size);
  static void Release(Buffer buffer) noexcept;

  MappedFile(Buffer buffer, size_t size) : buffer_(buffer), size_(size) {
    data_ = buffer_.data;
  }

  Buffer buffer_;
  const char* data_ = nullptr;  // null for an empty file
  size_t size_ = 0;
};

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_IMPORT_MAPPED_FILE_H_
