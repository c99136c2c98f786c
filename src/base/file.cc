// File: base/file.cc

#include "base/file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "absl/strings/str_cat.h"

#if defined(__unix__) || defined(__APPLE__)
#include <sys/stat.h>
#define TSC_HAVE_FSTAT 1
#endif

TSC_NAMESPACE_BEGIN
namespace internal {
namespace {

// "64 MB" for whole megabytes, else the bytes.
std::string Size(size_t bytes) {
  constexpr size_t kMb = size_t{1} << 20;
  if (bytes % kMb == 0) return absl::StrCat(bytes / kMb, " MB");
  return absl::StrCat(bytes, " bytes");
}

}  // namespace

absl::StatusOr<std::string> ReadFile(const std::string& path,
                                     size_t max_bytes) {
  // stdio rather than iostreams: errno then says why a read failed (a
  // directory opens fine as an ifstream and only fails to read).
  auto fail = [&path](int error) -> absl::Status {
    std::string message =
        absl::StrCat("cannot read ", path, ": ", std::strerror(error));
    if (error == ENOENT) return absl::NotFoundError(message);
    if (error == EACCES) return absl::PermissionDeniedError(message);
    return absl::InvalidArgumentError(message);
  };
  auto too_big = [&path, max_bytes]() -> absl::Status {
    return absl::InvalidArgumentError(absl::StrCat(
        "cannot read ", path, ": the file is larger than ", Size(max_bytes),
        ", the most a configuration, rules, policy, holidays or closure-days "
        "file may hold"));
  };
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) return fail(errno);
  std::string contents;
#if defined(TSC_HAVE_FSTAT)
  // A regular file says its size: refuse a big one before reading it. Others
  // (/proc files say 0, devices and pipes nothing) are read up to the limit.
  struct stat info {};
  if (::fstat(fileno(file), &info) == 0 && S_ISREG(info.st_mode) &&
      info.st_size > 0) {
    if (static_cast<unsigned long long>(info.st_size) > max_bytes) {
      std::fclose(file);
      return too_big();
    }
    contents.reserve(static_cast<size_t>(info.st_size));
  }
#endif
  char buffer[1 << 16];
  size_t read;
  while ((read = std::fread(buffer, 1, sizeof buffer, file)) > 0) {
    if (read > max_bytes - contents.size()) {
      std::fclose(file);
      return too_big();
    }
    contents.append(buffer, read);
  }
  const int error = std::ferror(file) ? errno : 0;
  std::fclose(file);
  if (error != 0) return fail(error);
  return contents;
}

std::string ResolvePath(const std::string& path, const std::string& base_dir) {
  if (path.empty() || path[0] == '/' || base_dir.empty()) return path;
  return absl::StrCat(base_dir, "/", path);
}

std::string DirectoryOf(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return "";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace internal
TSC_NAMESPACE_END
