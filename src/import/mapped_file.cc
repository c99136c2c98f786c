// File: import/mapped_file.cc

#include "import/mapped_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <new>
#include <string>
#include <utility>

#include "absl/strings/str_format.h"

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#define TSC_HAVE_POSIX_READ 1
#endif

TSC_NAMESPACE_BEGIN
namespace internal {
namespace {

absl::Status SystemError(const std::string& path, const char* doing,
                         int error) {
  const std::string message =
      absl::StrFormat("%s: %s: %s", path, doing, std::strerror(error));
  if (error == ENOENT) return absl::NotFoundError(message);
  if (error == EACCES) return absl::PermissionDeniedError(message);
  return absl::InvalidArgumentError(message);
}

absl::Status Changed(const std::string& path, size_t opened, size_t read) {
  return absl::InvalidArgumentError(absl::StrFormat(
      "%s: the file changed while it was being read (%d bytes when opened, "
      "%d read): read it again once whatever writes it has finished",
      path, opened, read));
}

#if defined(TSC_HAVE_POSIX_READ)

// Closes a descriptor on every path out.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// What says a file changed: its size and its modification time.
struct Version {
  off_t size;
  struct timespec modified;
};

Version VersionOf(const struct stat& info) {
#if defined(__APPLE__)
  return Version{info.st_size, info.st_mtimespec};
#else
  return Version{info.st_size, info.st_mtim};
#endif
}

bool operator==(const Version& a, const Version& b) {
  return a.size == b.size && a.modified.tv_sec == b.modified.tv_sec &&
         a.modified.tv_nsec == b.modified.tv_nsec;
}

// A regular file that says it is empty: read to its end. Either it is a
// pseudo-file (/proc) whose size stays 0 while it has text, or it was empty
// when opened and has been written since: changed, unless it still is.
absl::Status ReadUnsized(const std::string& path, int fd,
                         std::string* contents) {
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      return SystemError(path, "cannot read", errno);
    }
    if (n == 0) break;
    contents->append(buffer, static_cast<size_t>(n));
  }
  struct stat after {};
  if (::fstat(fd, &after) != 0) return SystemError(path, "cannot read", errno);
  if (after.st_size != 0) return Changed(path, 0, contents->size());
  return absl::OkStatus();
}

#endif  // TSC_HAVE_POSIX_READ

}  // namespace

absl::StatusOr<MappedFile::Buffer> MappedFile::Allocate(const std::string& path,
                                                        size_t size) {
  Buffer buffer;
  if (size == 0) return buffer;
#if defined(TSC_HAVE_POSIX_READ) && defined(MADV_HUGEPAGE)
  // A big buffer from the kernel, in huge pages where it can: 50 faults for
  // 100 MB instead of 25,000 (new[] gets small pages, each faulted in as
  // read() fills it).
  constexpr size_t kMapAbove = size_t{4} << 20;
  if (size >= kMapAbove) {
    void* data = ::mmap(nullptr, size, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (data != MAP_FAILED) {
      ::madvise(data, size, MADV_HUGEPAGE);
      buffer.data = static_cast<char*>(data);
      buffer.capacity = size;
      buffer.mapped = true;
      return buffer;
    }
  }
#endif
  // Not zeroed first: every byte is about to be written by read().
  buffer.data = new (std::nothrow) char[size];
  if (buffer.data == nullptr) {
    return absl::ResourceExhaustedError(absl::StrFormat(
        "%s: out of memory reading the file (%d bytes)", path, size));
  }
  buffer.capacity = size;
  return buffer;
}

void MappedFile::Release(Buffer buffer) noexcept {
  if (buffer.data == nullptr) return;
#if defined(TSC_HAVE_POSIX_READ)
  if (buffer.mapped) {
    ::munmap(buffer.data, buffer.capacity);
    return;
  }
#endif
  delete[] buffer.data;
}

absl::StatusOr<MappedFile> MappedFile::Read(const std::string& path) {
#if defined(TSC_HAVE_POSIX_READ)
  Descriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return SystemError(path, "cannot open", errno);
  struct stat info {};
  if (::fstat(fd.get(), &info) != 0) {
    return SystemError(path, "cannot read", errno);
  }
  if (!S_ISREG(info.st_mode)) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s: not a regular file", path));
  }
  if (info.st_size == 0) {
    std::string contents;
    absl::Status read = ReadUnsized(path, fd.get(), &contents);
    if (!read.ok()) return read;
    absl::StatusOr<Buffer> buffer = Allocate(path, contents.size());
    if (!buffer.ok()) return buffer.status();
    if (!contents.empty()) {
      std::memcpy(buffer->data, contents.data(), contents.size());
    }
    return MappedFile(*buffer, contents.size());
  }
  const Version before = VersionOf(info);
  const size_t size = static_cast<size_t>(info.st_size);
#if defined(POSIX_FADV_SEQUENTIAL)
  ::posix_fadvise(fd.get(), 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  absl::StatusOr<Buffer> buffer = Allocate(path, size);
  if (!buffer.ok()) return buffer.status();
  MappedFile file(*buffer, size);  // releases the buffer on every path out
  size_t got = 0;
  while (got < size) {
    const ssize_t n = ::read(fd.get(), file.buffer_.data + got, size - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      return SystemError(path, "cannot read", errno);
    }
    if (n == 0) break;  // cut short since fstat()
    got += static_cast<size_t>(n);
  }
  // One byte more means it grew; a new size or time, that it was rewritten.
  char extra = 0;
  ssize_t more;
  do {
    more = ::read(fd.get(), &extra, 1);
  } while (more < 0 && errno == EINTR);
  struct stat after {};
  if (got != size || more != 0 || ::fstat(fd.get(), &after) != 0 ||
      !(VersionOf(after) == before)) {
    return Changed(path, size, got + (more > 0 ? 1 : 0));
  }
  return file;
#else
  // Without POSIX: stdio, and no check for a change.
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return SystemError(path, "cannot open", errno);
  std::string contents;
  char chunk[1 << 16];
  size_t n;
  while ((n = std::fread(chunk, 1, sizeof chunk, file)) > 0) {
    contents.append(chunk, n);
  }
  const bool failed = std::ferror(file) != 0;
  std::fclose(file);
  if (failed) return SystemError(path, "cannot read", EIO);
  absl::StatusOr<Buffer> buffer = Allocate(path, contents.size());
  if (!buffer.ok()) return buffer.status();
  if (!contents.empty()) {
    std::memcpy(buffer->data, contents.data(), contents.size());
  }
  return MappedFile(*buffer, contents.size());
#endif
}

std::optional<MappedFile> MappedFile::Open(const std::string& path) {
  absl::StatusOr<MappedFile> file = Read(path);
  if (!file.ok()) return std::nullopt;
  return *std::move(file);
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : buffer_(std::exchange(other.buffer_, Buffer())),
      data_(std::exchange(other.data_, nullptr)),
      size_(std::exchange(other.size_, 0)) {}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    Release(std::exchange(buffer_, std::exchange(other.buffer_, Buffer())));
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

MappedFile::~MappedFile() { Release(buffer_); }

}  // namespace internal
TSC_NAMESPACE_END
