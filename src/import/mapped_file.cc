// File: import/mapped_file.cc

#include "import/mapped_file.h"

#include <utility>

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define TSC_HAVE_MMAP 1
#endif

TSC_NAMESPACE_BEGIN
namespace internal {

std::optional<MappedFile> MappedFile::Open(const std::string& path) {
#if defined(TSC_HAVE_MMAP)
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    return std::nullopt;
  }
  const size_t size = static_cast<size_t>(info.st_size);
  if (size == 0) {
    ::close(fd);
    return MappedFile(nullptr, 0);
  }
  void* data = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);  // the mapping keeps the file
  if (data == MAP_FAILED) return std::nullopt;
  // Read front to back: ask for read-ahead, and early reuse of read pages.
  ::madvise(data, size, MADV_SEQUENTIAL);
  return MappedFile(data, size);
#else
  (void)path;
  return std::nullopt;
#endif
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    MappedFile gone(std::move(*this));
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

MappedFile::~MappedFile() {
#if defined(TSC_HAVE_MMAP)
  if (data_ != nullptr) ::munmap(data_, size_);
#endif
}

}  // namespace internal
TSC_NAMESPACE_END
