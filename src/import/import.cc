// File: import/import.cc
//
// Deciding what a file or buffer holds and handing it to its importer;
// reading files and folders; Dataset::Has.

#include "timescales/import.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "absl/hash/hash.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/strip.h"
#include "import/csv_reader.h"
#include "import/import_owned.h"
#include "import/mapped_file.h"
#include "import/release_memory.h"
#include "import/text_input.h"
#include "pugixml.hpp"

TSC_NAMESPACE_BEGIN
namespace {

namespace fs = std::filesystem;

// XML when the first thing after any BOM and blanks is '<'.
bool IsXml(absl::string_view text) {
  absl::ConsumePrefix(&text, "\xEF\xBB\xBF");
  text = absl::StripLeadingAsciiWhitespace(text);
  return absl::StartsWith(text, "<");
}

// The root element's name as pugixml reads the document, "" when it cannot:
// for a document with a DOCTYPE, whose internal subset pugixml reads by
// rules of its own (lenient ones), which a scan could only approximate.
// Such returns are rare, and the parse is what the importer does anyway.
std::string RootNameParsed(absl::string_view text) {
  pugi::xml_document doc;
  if (!doc.load_buffer(text.data(), text.size(), pugi::parse_default,
                       pugi::encoding_utf8)) {
    return "";
  }
  return doc.document_element().name();
}

// The name of the root element, past the declaration, comments, processing
// instructions and DOCTYPE; "" when there is none.
std::string RootName(absl::string_view text) {
  size_t at = 0;
  while ((at = text.find('<', at)) != absl::string_view::npos) {
    const absl::string_view rest = text.substr(at);
    if (absl::StartsWith(rest, "<!DOCTYPE")) return RootNameParsed(text);
    const char* skip_to = absl::StartsWith(rest, "<!--") ? "-->"
                          : absl::StartsWith(rest, "<?") ? "?>"
                          : absl::StartsWith(rest, "<!") ? ">"
                                                         : nullptr;
    if (skip_to == nullptr) {
      const size_t end = rest.find_first_of(" \t\r\n/>", 1);
      return std::string(rest.substr(1, end == absl::string_view::npos
                                            ? absl::string_view::npos
                                            : end - 1));
    }
    at = text.find(skip_to, at + 2);
    if (at == absl::string_view::npos) return "";
  }
  return "";
}

absl::StatusOr<InputKind> XmlKind(absl::string_view name,
                                  absl::string_view text) {
  const std::string root = RootName(text);
  if (root == "EXPSSDA903") return InputKind::kSsda903;
  if (root == "Message") return InputKind::kCin;
  return absl::InvalidArgumentError(absl::StrFormat(
      "%s: the XML root element is <%s>, neither <EXPSSDA903> (SSDA903) nor "
      "<Message> (CIN census)",
      name, root));
}

// meetings.csv has meeting_type and held_at columns; other CSV is 903.
absl::StatusOr<InputKind> CsvKind(absl::string_view name,
                                  absl::string_view text) {
  absl::StatusOr<internal::CsvHeader> header =
      internal::ReadCsvHeader(name, text);
  if (!header.ok()) return header.status();
  if (header->Find("meeting_type") >= 0 && header->Find("held_at") >= 0) {
    return InputKind::kMeetings;
  }
  return InputKind::kSsda903;
}

absl::StatusOr<InputKind> KindOf(absl::string_view name,
                                 absl::string_view text) {
  // Encoding first, so a UTF-16 file gets that error, not a vaguer one.
  absl::StatusOr<absl::string_view> utf8 = internal::Utf8Text(name, text);
  if (!utf8.ok()) return utf8.status();
  return IsXml(*utf8) ? XmlKind(name, *utf8) : CsvKind(name, *utf8);
}

const char* KindName(InputKind kind) {
  switch (kind) {
    case InputKind::kSsda903:
      return "an SSDA903 extract (--ssda903)";
    case InputKind::kCin:
      return "a CIN census (--cin)";
    case InputKind::kMeetings:
      return "a meetings.csv (--meetings)";
  }
  return "";
}

// The kind to import `text` as: what its content is, which must be what
// the caller said when they said (a census passed as 903 data would
// otherwise fail with a puzzling message, or not at all). A CSV said to be
// meetings.csv is read as one even when its columns are not all there, so
// the meetings importer can name what is missing.
absl::StatusOr<InputKind> ResolveKind(absl::string_view name,
                                      absl::string_view text,
                                      std::optional<InputKind> said) {
  absl::StatusOr<InputKind> found = KindOf(name, text);
  if (!found.ok() || !said || *found == *said) return found;
  if (*said == InputKind::kMeetings && *found == InputKind::kSsda903 &&
      !IsXml(text)) {
    return *said;
  }
  return absl::InvalidArgumentError(
      absl::StrFormat("%s: this is %s, not %s; pass it as such", name,
                      KindName(*found), KindName(*said)));
}

absl::Status ImportKind(absl::string_view name, absl::string_view text,
                        InputKind kind, const ImportOptions& options,
                        Dataset* data) {
  switch (kind) {
    case InputKind::kSsda903:
      return IsXml(text) ? ImportSsda903Xml(name, text, data)
                         : ImportSsda903Csv(name, text, options, data);
    case InputKind::kCin:
      return ImportCinXml(name, text, data);
    case InputKind::kMeetings:
      return ImportMeetingsCsv(name, text, options, data);
  }
  return absl::InvalidArgumentError(
      absl::StrFormat("%s: unknown input kind", name));
}

// `import()`, unless the same bytes were imported already (the same file
// given twice, or copied into two folders): then a warning naming both,
// and nothing added, so no figure counts its records twice.
template <typename Import>
absl::Status ReadOnce(absl::string_view name, absl::string_view text,
                      Dataset* data, Import import) {
  const uint64_t fingerprint = absl::HashOf(text);
  const int64_t bytes = static_cast<int64_t>(text.size());
  for (const InputFile& earlier : data->files) {
    if (earlier.fingerprint == fingerprint && earlier.bytes == bytes &&
        bytes > 0) {
      data->warnings.push_back(
          {std::string(name), 0,
           absl::StrFormat("%s holds the same bytes as %s, read already: "
                           "given twice, it is read once",
                           name, earlier.path)});
      return absl::OkStatus();
    }
  }
  const size_t before = data->files.size();
  absl::Status status = import();
  if (status.ok() && data->files.size() > before) {
    data->files[before].bytes = bytes;
    data->files[before].fingerprint = fingerprint;
  }
  return status;
}

absl::Status ImportAs(absl::string_view name, absl::string_view text,
                      InputKind kind, const ImportOptions& options,
                      Dataset* data) {
  return ReadOnce(name, text, data,
                  [&] { return ImportKind(name, text, kind, options, data); });
}

// One read() of the whole file: a national extract is 100 MB, and reading
// through istreambuf_iterator went a byte at a time.
absl::StatusOr<std::string> ReadWholeFile(const std::string& path) {
  std::error_code error;
  if (!fs::exists(path, error)) {
    return absl::NotFoundError(
        absl::StrFormat("%s: no such file or folder", path));
  }
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s: cannot be opened for reading", path));
  }
  // tellg() fails on what cannot seek (a pipe); then read to the end.
  const std::streamoff size = in.tellg();
  std::string text;
  if (size >= 0 && in.seekg(0)) {
    // One byte spare: the XML importers parse in place after a NUL.
    text.reserve(static_cast<size_t>(size) + 1);
    text.resize(static_cast<size_t>(size));
    in.read(text.data(), size);
    text.resize(static_cast<size_t>(in.gcount()));
    // The file may have grown since tellg(): read the rest too.
    if (in) {
      text.append(std::istreambuf_iterator<char>(in),
                  std::istreambuf_iterator<char>());
    }
  } else {
    in.clear();
    text.assign(std::istreambuf_iterator<char>(in),
                std::istreambuf_iterator<char>());
  }
  if (in.bad()) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s: reading the file failed", path));
  }
  return text;
}

bool IsImportable(const fs::path& path) {
  const std::string extension =
      absl::AsciiStrToLower(path.extension().string());
  return extension == ".csv" || extension == ".xml";
}

// The .csv and .xml files directly in `folder`, in name order.
absl::StatusOr<std::vector<std::string>> FolderFiles(
    const std::string& folder) {
  std::error_code error;
  std::vector<std::string> files;
  for (fs::directory_iterator it(folder, error), end; !error && it != end;
       it.increment(error)) {
    std::error_code type_error;
    if (it->is_regular_file(type_error) && IsImportable(it->path())) {
      files.push_back(it->path().string());
    }
  }
  if (error) {
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s: cannot list the folder: %s", folder, error.message()));
  }
  if (files.empty()) {
    return absl::NotFoundError(
        absl::StrFormat("%s: the folder has no .csv or .xml files", folder));
  }
  std::sort(files.begin(), files.end());
  return files;
}

// ImportAs() for a text the importer may take: XML is parsed where it lies.
// (CSV only reads its text, and is mapped when it comes from a file.)
absl::Status ImportOwned(absl::string_view name, std::string text,
                         InputKind kind, const ImportOptions& options,
                         Dataset* data) {
  if (kind == InputKind::kCin) {
    return ReadOnce(name, text, data, [&] {
      return internal::ImportCinXmlOwned(name, std::move(text), data);
    });
  }
  if (kind == InputKind::kSsda903 && IsXml(text)) {
    return ReadOnce(name, text, data, [&] {
      return internal::ImportSsda903XmlOwned(name, std::move(text), data);
    });
  }
  return ImportAs(name, text, kind, options, data);
}

// A CSV file mapped rather than read (see mapped_file.h); nullopt when the
// file is not mapped or is XML, whose importers parse a copy in place.
std::optional<absl::Status> ImportMappedCsv(const std::string& path,
                                            std::optional<InputKind> kind,
                                            const ImportOptions& options,
                                            Dataset* data) {
  std::optional<internal::MappedFile> file = internal::MappedFile::Open(path);
  if (!file || IsXml(file->text())) return std::nullopt;
  // A large file's records go into large vectors the allocator maps
  // afresh, so free heap pages (a census document's, above all) would
  // never be reused: give them back first. (Not for small files: a folder
  // of hundreds would pay a heap walk each, for nothing.)
  constexpr size_t kReleaseAbove = size_t{16} << 20;
  if (file->text().size() >= kReleaseAbove) internal::ReleaseFreeMemory();
  return ImportBuffer(path, file->text(), kind, options, data);
}

absl::Status ImportFile(const std::string& path, std::optional<InputKind> kind,
                        const ImportOptions& options, Dataset* data) {
  if (std::optional<absl::Status> csv =
          ImportMappedCsv(path, kind, options, data)) {
    return *csv;
  }
  absl::StatusOr<std::string> text = ReadWholeFile(path);
  if (!text.ok()) return text.status();
  absl::StatusOr<InputKind> found = ResolveKind(path, *text, kind);
  if (!found.ok()) return found.status();
  return ImportOwned(path, *std::move(text), *found, options, data);
}

// Every file is tried, so one bad file does not hide the others' problems;
// the error lists each file that failed (the others are imported).
absl::Status ImportFolder(const std::string& folder,
                          std::optional<InputKind> kind,
                          const ImportOptions& options, Dataset* data) {
  absl::StatusOr<std::vector<std::string>> files = FolderFiles(folder);
  if (!files.ok()) return files.status();
  std::vector<absl::Status> failures;
  for (const std::string& file : *files) {
    absl::Status status = ImportFile(file, kind, options, data);
    if (!status.ok()) failures.push_back(std::move(status));
  }
  if (failures.empty()) return absl::OkStatus();
  if (failures.size() == 1) return failures.front();
  std::vector<std::string> messages;
  for (const absl::Status& failure : failures) {
    messages.emplace_back(failure.message());
  }
  return absl::Status(
      failures.front().code(),
      absl::StrFormat("%s: %d of %d files could not be imported: %s", folder,
                      failures.size(), files->size(),
                      absl::StrJoin(messages, "; ")));
}

}  // namespace

absl::Status ImportPath(const std::string& path, std::optional<InputKind> kind,
                        const ImportOptions& options, Dataset* data) {
  if (data == nullptr) {
    return absl::InvalidArgumentError("the Dataset to import into is null");
  }
  std::error_code error;
  if (fs::is_directory(path, error)) {
    return ImportFolder(path, kind, options, data);
  }
  return ImportFile(path, kind, options, data);
}

absl::Status ImportPath(const std::string& path, Dataset* data) {
  return ImportPath(path, std::nullopt, ImportOptions(), data);
}

absl::Status ImportPath(const std::string& path, InputKind kind,
                        Dataset* data) {
  return ImportPath(path, kind, ImportOptions(), data);
}

absl::Status ImportBuffer(absl::string_view name, absl::string_view text,
                          std::optional<InputKind> kind,
                          const ImportOptions& options, Dataset* data) {
  absl::StatusOr<InputKind> found = ResolveKind(name, text, kind);
  if (!found.ok()) return found.status();
  return ImportAs(name, text, *found, options, data);
}

absl::Status ImportBuffer(absl::string_view name, absl::string_view text,
                          Dataset* data) {
  return ImportBuffer(name, text, std::nullopt, ImportOptions(), data);
}

bool Dataset::Has(const std::string& table) const {
  // A 903 XML file carries all three 903 tables; a census both CIN ones.
  auto covers = [&](const std::string& file_table) {
    if (file_table == table) return true;
    if (file_table == "ssda903.xml") {
      return table == "ssda903.header" || table == "ssda903.episodes" ||
             table == "ssda903.reviews";
    }
    if (file_table == "cin.census") {
      return table == "cin.section47" || table == "cin.cp_plans";
    }
    return false;
  };
  return std::any_of(files.begin(), files.end(),
                     [&](const InputFile& file) { return covers(file.table); });
}

const char* MeetingTypeName(MeetingType type) {
  switch (type) {
    case MeetingType::kLacReview:
      return "lac_review";
    case MeetingType::kIcpc:
      return "icpc";
    case MeetingType::kRcpc:
      return "rcpc";
  }
  return "";
}

const std::string& Dataset::PathOf(const SourceRef& source) const {
  static const std::string* const kNone = new std::string();
  if (source.file < 0 || static_cast<size_t>(source.file) >= files.size()) {
    return *kNone;
  }
  return files[static_cast<size_t>(source.file)].path;
}

TSC_NAMESPACE_END
