// File: import/import_xml.cc
//
// SSDA903 XML (root EXPSSDA903, dd/mm/yyyy dates) and CIN census XML (root
// Message, ISO dates), read with pugixml. A record is an element that
// becomes one Dataset row: HEADER, AREVIEW and EPISODE in a 903 file;
// Section47 and ChildProtectionPlans in a census. Lines come from pugixml's
// byte offsets. A record with a bad field is rejected with the line of the
// first bad element and every reason; malformed XML rejects the file.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "base/excerpt.h"
#include "import/dataset_merge.h"
#include "import/date_field.h"
#include "import/import_owned.h"
#include "import/line_cursor.h"
#include "import/text_input.h"
#include "pugixml.hpp"
#include "timescales/import.h"

TSC_NAMESPACE_BEGIN
namespace {

absl::string_view Text(const pugi::xml_node& node) {
  return absl::StripAsciiWhitespace(node.text().get());
}

std::string Code(const pugi::xml_node& node) {
  return absl::AsciiStrToUpper(Text(node));
}

// What is wrong with one record, and the line of the first problem.
class RecordProblems {
 public:
  explicit RecordProblems(int64_t line) : line_(line) {}

  void Add(int64_t line, absl::string_view reason) {
    if (list_.empty()) line_ = line;
    list_.emplace_back(reason);
  }
  bool empty() const { return list_.empty(); }
  int64_t line() const { return line_; }
  std::string Joined() const { return absl::StrJoin(list_, "; "); }

 private:
  int64_t line_;
  std::vector<std::string> list_;
};

// pugixml's defaults, plus an element's text kept in the element itself
// rather than in a child node: a census is mostly one-text elements, so that
// halves the nodes (time and memory). xml_text reads the text either way.
constexpr unsigned kParseOptions =
    pugi::parse_default | pugi::parse_embed_pcdata;

// One XML file being imported: its parsed document, line cursor and staged
// records.
class XmlImport {
 public:
  // `buffer` holds the file, a NUL appended; its text (UTF-8, no BOM)
  // starts at `start`. pugixml parses it in place, overwriting it: the NUL
  // makes that parse, errors included, the one pugixml's load_buffer makes
  // of its own NUL-terminated copy. `lines` knows the lines of the text as
  // it was. `data` is the Dataset the file will join: its records refer to
  // the file by the index it will have there.
  XmlImport(absl::string_view name, std::string buffer, size_t start,
            internal::LineCursor lines, const Dataset& data)
      : name_(name),
        buffer_(std::move(buffer)),
        start_(start),
        lines_(std::move(lines)),
        file_index_(static_cast<int32_t>(data.files.size())) {
    file_.path = std::string(name);
  }

  // Parses the document and checks its root element.
  absl::Status Load(const char* root) {
    // pugixml skips text before the first '<'; the content sniffing of
    // ImportBuffer() takes such a file for CSV. Refused, so both agree.
    const absl::string_view text = absl::StripLeadingAsciiWhitespace(
        absl::string_view(&buffer_[start_], buffer_.size() - start_ - 1));
    if (!text.empty() && text.front() != '<') {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s: line %d: text before the XML document ('%s'): an XML return "
          "starts with '<' (its declaration or root element)",
          name_,
          lines_.LineOf(static_cast<size_t>(text.data() - &buffer_[start_])),
          internal::Excerpt(text.substr(0, text.find('<')))));
    }
    const pugi::xml_parse_result result =
        doc_.load_buffer_inplace(&buffer_[start_], buffer_.size() - start_,
                                 kParseOptions, pugi::encoding_utf8);
    if (!result) {
      return absl::InvalidArgumentError(
          absl::StrFormat("%s: line %d: malformed XML: %s", name_,
                          lines_.LineOf(static_cast<size_t>(result.offset)),
                          result.description()));
    }
    const pugi::xml_node top = doc_.document_element();
    if (absl::string_view(top.name()) != root) {
      return absl::InvalidArgumentError(
          absl::StrFormat("%s: line %d: the root element is <%s>, not <%s>",
                          name_, Line(top), top.name(), root));
    }
    return absl::OkStatus();
  }

  pugi::xml_node root() const { return doc_.document_element(); }
  Dataset& staged() { return staged_; }

  int64_t Line(const pugi::xml_node& node) {
    const ptrdiff_t offset = node.offset_debug();
    return offset < 0 ? 0 : lines_.LineOf(static_cast<size_t>(offset));
  }
  SourceRef Source(int64_t line) const { return {file_index_, line}; }

  // Counts a record; false (and a rejection) when it has problems.
  bool Accept(const RecordProblems& problems) {
    ++file_.rows;
    if (problems.empty()) return true;
    staged_.rejections.push_back({name_, problems.line(), problems.Joined()});
    ++file_.rejected;
    return false;
  }

  void Warn(const pugi::xml_node& node, std::string what) {
    staged_.warnings.push_back({name_, Line(node), std::move(what)});
  }

  // The date in `parent`'s child `element`, or nullopt (noted in `problems`
  // when it is not a date).
  std::optional<Date> DateOf(const pugi::xml_node& parent, const char* element,
                             DateFormat format, RecordProblems* problems) {
    const pugi::xml_node node = parent.child(element);
    absl::StatusOr<std::optional<Date>> date =
        internal::ParseDateField(element, Text(node), format);
    if (date.ok()) return *date;
    problems->Add(Line(node), date.status().message());
    return std::nullopt;
  }

  // A record's required identifier; when blank, the record's `line` is the
  // problem's.
  static void RequireText(int64_t line, absl::string_view name,
                          absl::string_view value, RecordProblems* problems) {
    if (value.empty()) problems->Add(line, absl::StrFormat("blank %s", name));
  }

  void Commit(std::string table, Dataset* data) {
    // The document and its text are no longer needed: free them before the
    // merge grows `data`, so the two never peak together.
    doc_.reset();
    std::string().swap(buffer_);
    file_.table = std::move(table);
    internal::MergeFile(std::move(staged_), std::move(file_), data);
  }

 private:
  std::string name_;
  std::string buffer_;
  size_t start_;
  internal::LineCursor lines_;
  int32_t file_index_;
  pugi::xml_document doc_;
  Dataset staged_;
  InputFile file_;
};

// ---- SSDA903 XML
// ---------------------------------------------------------------

constexpr DateFormat k903Dates = DateFormat::kDmy;

// CHILDID sits in HEADER; some producers put it straight in CHILD.
pugi::xml_node ChildIdNode(const pugi::xml_node& child) {
  const pugi::xml_node in_header = child.child("HEADER").child("CHILDID");
  return in_header ? in_header : child.child("CHILDID");
}

// The HEADER record; returns the child's date of birth for the reviews.
std::optional<Date> Read903Header(const pugi::xml_node& header,
                                  const pugi::xml_node& id_node,
                                  XmlImport* in) {
  const int64_t line = in->Line(header);
  RecordProblems problems(line);
  ChildHeader record;
  record.child = std::string(Text(id_node));
  XmlImport::RequireText(line, "CHILDID", record.child, &problems);
  record.sex = Code(header.child("SEX"));
  record.dob = in->DateOf(header, "DOB", k903Dates, &problems);
  if (!in->Accept(problems)) return std::nullopt;
  record.source = in->Source(line);
  std::optional<Date> dob = record.dob;
  in->staged().headers.push_back(std::move(record));
  return dob;
}

void Read903Review(const pugi::xml_node& review, const std::string& child,
                   std::optional<Date> dob, XmlImport* in) {
  const int64_t line = in->Line(review);
  RecordProblems problems(line);
  LacReviewRecord record;
  record.child = child;
  XmlImport::RequireText(line, "CHILDID", child, &problems);
  const std::optional<Date> held =
      in->DateOf(review, "REVIEW", k903Dates, &problems);
  if (!held && problems.empty()) {
    problems.Add(line, "blank REVIEW");
  }
  if (!in->Accept(problems)) return;
  record.dob = dob;
  record.review = *held;
  record.review_code = Code(review.child("REVIEW_CODE"));
  record.source = in->Source(line);
  in->staged().reviews.push_back(std::move(record));
}

void Read903Episode(const pugi::xml_node& node, const std::string& child,
                    XmlImport* in) {
  const int64_t line = in->Line(node);
  RecordProblems problems(line);
  Episode episode;
  episode.child = child;
  XmlImport::RequireText(line, "CHILDID", child, &problems);
  const std::optional<Date> start =
      in->DateOf(node, "DECOM", k903Dates, &problems);
  if (!start && problems.empty()) problems.Add(line, "blank DECOM");
  episode.dec = in->DateOf(node, "DEC", k903Dates, &problems);
  if (!in->Accept(problems)) return;
  episode.decom = *start;
  episode.rne = Code(node.child("RNE"));
  episode.ls = Code(node.child("LS"));
  episode.cin = Code(node.child("CIN"));
  // The XML calls the placement PL; accept the CSV name too.
  const pugi::xml_node place = node.child("PL");
  episode.place = Code(place ? place : node.child("PLACE"));
  episode.rec = Code(node.child("REC"));
  episode.source = in->Source(line);
  in->staged().episodes.push_back(std::move(episode));
}

void Read903Child(const pugi::xml_node& child, XmlImport* in) {
  const pugi::xml_node id_node = ChildIdNode(child);
  const std::string id(Text(id_node));
  const pugi::xml_node header = child.child("HEADER");
  std::optional<Date> dob;
  if (header) dob = Read903Header(header, id_node, in);
  // AREVIEW is nested in HEADER; accept it directly under CHILD as well.
  for (const pugi::xml_node& review : header.children("AREVIEW")) {
    Read903Review(review, id, dob, in);
  }
  for (const pugi::xml_node& review : child.children("AREVIEW")) {
    Read903Review(review, id, dob, in);
  }
  for (const pugi::xml_node& episode : child.children("EPISODE")) {
    Read903Episode(episode, id, in);
  }
}

// ---- CIN census XML
// --------------------------------------------------------------

constexpr DateFormat kCinDates = DateFormat::kIso;

// true/false/1/0 in any case; blank is false.
bool BoolOf(const pugi::xml_node& node, const char* element,
            RecordProblems* problems, XmlImport* in) {
  const std::string text = absl::AsciiStrToLower(Text(node));
  if (text.empty() || text == "false" || text == "0") return false;
  if (text == "true" || text == "1") return true;
  problems->Add(in->Line(node),
                absl::StrFormat("%s '%s' is not true, false, 1 or 0", element,
                                Text(node)));
  return false;
}

// A count >= 0 (the published schemas say >= 1, but 0 is sent and means
// "no previous plan"); blank is no value.
std::optional<int> CountOf(const pugi::xml_node& node, const char* element,
                           RecordProblems* problems, XmlImport* in) {
  const absl::string_view text = Text(node);
  if (text.empty()) return std::nullopt;
  int count = 0;
  if (!absl::SimpleAtoi(text, &count) || count < 0) {
    problems->Add(
        in->Line(node),
        absl::StrFormat("%s '%s' is not a whole number >= 0", element, text));
    return std::nullopt;
  }
  return count;
}

// Where a record sits in the census, which numbers it.
struct CinPosition {
  std::string child;  // LAchildID
  int cin_index = 0;
};

void ReadSection47(const pugi::xml_node& node, const CinPosition& at, int index,
                   XmlImport* in) {
  const int64_t line = in->Line(node);
  RecordProblems problems(line);
  Section47Record record;
  record.child = at.child;
  XmlImport::RequireText(line, "LAchildID", at.child, &problems);
  record.cin_index = at.cin_index;
  record.s47_index = index;
  record.s47_start =
      in->DateOf(node, "S47ActualStartDate", kCinDates, &problems);
  record.icpc_target =
      in->DateOf(node, "InitialCPCtarget", kCinDates, &problems);
  record.icpc = in->DateOf(node, "DateOfInitialCPC", kCinDates, &problems);
  record.icpc_not_required =
      BoolOf(node.child("ICPCnotRequired"), "ICPCnotRequired", &problems, in);
  if (!in->Accept(problems)) return;
  record.source = in->Source(line);
  in->staged().section47.push_back(std::move(record));
}

// Every CPPreviewDate of a plan, in document order.
std::vector<Date> PlanReviews(const pugi::xml_node& plan,
                              RecordProblems* problems, XmlImport* in) {
  std::vector<Date> reviews;
  for (const pugi::xml_node& group : plan.children("Reviews")) {
    for (const pugi::xml_node& node : group.children("CPPreviewDate")) {
      absl::StatusOr<std::optional<Date>> date =
          internal::ParseDateField("CPPreviewDate", Text(node), kCinDates);
      if (!date.ok()) {
        problems->Add(in->Line(node), date.status().message());
      } else if (date->has_value()) {
        reviews.push_back(**date);
      } else {
        in->Warn(node, "CPPreviewDate is blank: no review date to read");
      }
    }
  }
  return reviews;
}

void ReadPlan(const pugi::xml_node& node, const CinPosition& at, int index,
              XmlImport* in) {
  const int64_t line = in->Line(node);
  RecordProblems problems(line);
  CpPlanRecord plan;
  plan.child = at.child;
  XmlImport::RequireText(line, "LAchildID", at.child, &problems);
  plan.cin_index = at.cin_index;
  plan.plan_index = index;
  plan.start = in->DateOf(node, "CPPstartDate", kCinDates, &problems);
  // A plan is known by its start (the key its copies in later censuses
  // share); without one no KPI can place it: rejected, never guessed.
  if (!plan.start && problems.empty()) {
    const pugi::xml_node start = node.child("CPPstartDate");
    problems.Add(start ? in->Line(start) : line, "blank CPPstartDate");
  }
  plan.end = in->DateOf(node, "CPPendDate", kCinDates, &problems);
  plan.previous_plans = CountOf(node.child("NumberOfPreviousCPP"),
                                "NumberOfPreviousCPP", &problems, in);
  plan.initial_category = Code(node.child("InitialCategoryOfAbuse"));
  plan.latest_category = Code(node.child("LatestCategoryOfAbuse"));
  plan.reviews = PlanReviews(node, &problems, in);
  if (!in->Accept(problems)) return;
  plan.source = in->Source(line);
  in->staged().cp_plans.push_back(std::move(plan));
}

void ReadCinChild(const pugi::xml_node& child, XmlImport* in) {
  CinPosition at;
  at.child =
      std::string(Text(child.child("ChildIdentifiers").child("LAchildID")));
  for (const pugi::xml_node& details : child.children("CINdetails")) {
    ++at.cin_index;
    int s47 = 0;
    for (const pugi::xml_node& node : details.children("Section47")) {
      ReadSection47(node, at, ++s47, in);
    }
    int plans = 0;
    for (const pugi::xml_node& node :
         details.children("ChildProtectionPlans")) {
      ReadPlan(node, at, ++plans, in);
    }
  }
}

// CollectionDetails/ReferenceDate: a bad one is a warning, not a record.
void ReadReferenceDate(const Dataset& data, XmlImport* in) {
  const pugi::xml_node node = in->root()
                                  .child("Header")
                                  .child("CollectionDetails")
                                  .child("ReferenceDate");
  if (!node) return;
  absl::StatusOr<std::optional<Date>> date =
      internal::ParseDateField("ReferenceDate", Text(node), kCinDates);
  if (!date.ok()) {
    in->Warn(node, absl::StrFormat("%s; the collection period is unknown",
                                   date.status().message()));
    return;
  }
  // Several years' censuses are the normal case: the earliest reference
  // date is kept (the merge does that), so coverage starts with the first
  // collection.
  (void)data;
  if (!date->has_value()) return;
  in->staged().cin_reference_date = *date;
}

absl::Status NoDataset() {
  return absl::InvalidArgumentError("the Dataset to import into is null");
}

// The records of a 903 XML file: the arguments as for XmlImport.
absl::Status Import903(absl::string_view name, std::string buffer, size_t start,
                       internal::LineCursor lines, Dataset* data) {
  XmlImport in(name, std::move(buffer), start, std::move(lines), *data);
  const absl::Status loaded = in.Load("EXPSSDA903");
  if (!loaded.ok()) return loaded;
  for (const pugi::xml_node& child : in.root().children("CHILD")) {
    Read903Child(child, &in);
  }
  in.Commit("ssda903.xml", data);
  return absl::OkStatus();
}

// The records of a CIN census: the arguments as for XmlImport.
absl::Status ImportCin(absl::string_view name, std::string buffer, size_t start,
                       internal::LineCursor lines, Dataset* data) {
  XmlImport in(name, std::move(buffer), start, std::move(lines), *data);
  const absl::Status loaded = in.Load("Message");
  if (!loaded.ok()) return loaded;
  ReadReferenceDate(*data, &in);
  for (const pugi::xml_node& children : in.root().children("Children")) {
    for (const pugi::xml_node& child : children.children("Child")) {
      ReadCinChild(child, &in);
    }
  }
  in.Commit("cin.census", data);
  return absl::OkStatus();
}

using XmlImporter = absl::Status (*)(absl::string_view name, std::string buffer,
                                     size_t start, internal::LineCursor lines,
                                     Dataset* data);

// A caller's text: pugixml parses a copy (it writes into what it parses)
// while the lines are counted in the text itself, which stays as it is.
absl::Status ImportCopy(XmlImporter import, absl::string_view name,
                        absl::string_view text, Dataset* data) {
  if (data == nullptr) return NoDataset();
  absl::StatusOr<absl::string_view> utf8 = internal::Utf8Text(name, text);
  if (!utf8.ok()) return utf8.status();
  std::string copy;
  copy.reserve(utf8->size() + 1);
  copy.append(utf8->data(), utf8->size());
  copy.push_back('\0');
  return import(name, std::move(copy), 0, internal::LineCursor(*utf8), data);
}

// A text the caller gives up: parsed where it lies, its lines noted first.
absl::Status ImportInPlace(XmlImporter import, absl::string_view name,
                           std::string text, Dataset* data) {
  if (data == nullptr) return NoDataset();
  absl::StatusOr<absl::string_view> utf8 = internal::Utf8Text(name, text);
  if (!utf8.ok()) return utf8.status();
  const size_t start = static_cast<size_t>(utf8->data() - text.data());
  internal::LineCursor lines = internal::LineCursor::Snapshot(*utf8);
  text.push_back('\0');
  return import(name, std::move(text), start, std::move(lines), data);
}

}  // namespace

absl::Status ImportSsda903Xml(absl::string_view name, absl::string_view text,
                              Dataset* data) {
  return ImportCopy(Import903, name, text, data);
}

absl::Status ImportCinXml(absl::string_view name, absl::string_view text,
                          Dataset* data) {
  return ImportCopy(ImportCin, name, text, data);
}

namespace internal {

absl::Status ImportSsda903XmlOwned(absl::string_view name, std::string text,
                                   Dataset* data) {
  return ImportInPlace(Import903, name, std::move(text), data);
}

absl::Status ImportCinXmlOwned(absl::string_view name, std::string text,
                               Dataset* data) {
  return ImportInPlace(ImportCin, name, std::move(text), data);
}

}  // namespace internal

TSC_NAMESPACE_END
