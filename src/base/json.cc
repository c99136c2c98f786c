// File: base/json.cc
//
// nlohmann's SAX parser drives a builder of our own (see json.h for why):
// each open array or object is a frame on a stack, members are appended in
// document order without a search, and a hash set (past a few keys) finds
// a repeated key. Nothing here throws to the caller: nlohmann reports every
// problem through parse_error(), and ParseJson() catches what an allocation
// might throw.

#include "base/json.h"

#include <cstring>
#include <exception>
#include <iterator>
#include <limits>
#include <new>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "base/excerpt.h"

TSC_NAMESPACE_BEGIN
namespace internal {
namespace {

// A pointer into the text that also records, in `*latest`, how far the
// parser has read: the builder's events carry no position, and a repeated
// key should be reported where it is.
class TrackedIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  TrackedIterator(const char* at, const char** latest)
      : at_(at), latest_(latest) {}

  reference operator*() const { return *at_; }
  TrackedIterator& operator++() {
    *latest_ = ++at_;
    return *this;
  }
  TrackedIterator operator++(int) {
    TrackedIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const TrackedIterator& other) const {
    return at_ == other.at_;
  }
  bool operator!=(const TrackedIterator& other) const {
    return at_ != other.at_;
  }

 private:
  const char* at_;
  const char** latest_;
};

// Line and column (1-based, columns in bytes as nlohmann counts them) of
// byte `offset` of `text`.
std::string Where(absl::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  const absl::string_view before = text.substr(0, offset);
  size_t line = 1;
  size_t line_start = 0;
  for (size_t i = before.find('\n'); i != absl::string_view::npos;
       i = before.find('\n', i + 1)) {
    ++line;
    line_start = i + 1;
  }
  return absl::StrFormat("line %d, column %d", line, offset - line_start + 1);
}

class Builder : public nlohmann::json_sax<Json> {
 public:
  Builder(absl::string_view text, const char* const* latest)
      : text_(text), latest_(latest) {}

  bool null() override { return Add(Json(nullptr)); }
  bool boolean(bool value) override { return Add(Json(value)); }
  bool number_integer(number_integer_t value) override {
    return Add(Json(value));
  }
  bool number_unsigned(number_unsigned_t value) override {
    return Add(Json(value));
  }
  bool number_float(number_float_t value, const string_t&) override {
    return Add(Json(value));
  }
  bool string(string_t& value) override { return Add(Json(std::move(value))); }
  bool binary(binary_t& value) override {
    return Add(Json::binary(std::move(value)));
  }

  bool start_object(std::size_t) override { return Open(true); }
  bool start_array(std::size_t) override { return Open(false); }

  bool key(string_t& key) override {
    Frame& frame = frames_.back();
    if (frame.Has(key)) {
      const std::string object = Path(frames_.size() - 1);
      return Fail(
          KeyStart(),
          absl::StrFormat("duplicate key \"%s\"%s (a key may appear "
                          "only once in an object)",
                          Excerpt(key), object.empty() ? "" : " in " + object));
    }
    frame.members.emplace_back(std::move(key), Json());
    return true;
  }

  bool end_object() override { return Close(); }
  bool end_array() override { return Close(); }

  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::detail::exception& ex) override {
    if (ex.id == 406) {  // out_of_range: a number no double can hold
      const size_t start =
          position >= last_token.size() ? position - last_token.size() : 0;
      const std::string key = Path(frames_.size());
      return Fail(start, absl::StrFormat("the number %s%s is out of range",
                                         Excerpt(last_token),
                                         key.empty() ? "" : " at " + key));
    }
    // nlohmann's message already says "parse error at line L, column C:
    // ...": drop its "[json.exception.parse_error.101] " and shorten the
    // token it quotes.
    std::string message = ex.what();
    const size_t bracket = message.find("] ");
    if (bracket != std::string::npos) message.erase(0, bracket + 2);
    if (last_token.size() > kExcerptBytes) {
      const size_t at = message.rfind(last_token);
      if (at != std::string::npos) {
        message.replace(at, last_token.size(), Excerpt(last_token));
      }
    }
    error_ = std::move(message);
    return false;
  }

  // The document, once sax_parse() has returned true.
  Json TakeRoot() { return std::move(root_); }
  // The problem, once sax_parse() has returned false.
  const std::string& error() const { return error_; }

 private:
  struct Frame {
    explicit Frame(bool object) : is_object(object) {}

    bool Has(const std::string& key) {
      // A few keys: compare them all; more: a hash set of them all.
      constexpr size_t kLinear = 16;
      if (members.size() < kLinear) {
        for (const auto& member : members) {
          if (member.first == key) return true;
        }
        if (members.size() + 1 == kLinear) {
          for (const auto& member : members) keys.insert(member.first);
          keys.insert(key);
        }
        return false;
      }
      return !keys.insert(key).second;
    }

    bool is_object;
    std::vector<std::pair<std::string, Json>> members;  // an object's
    Json::array_t items;                                // an array's
    std::unordered_set<std::string> keys;  // from kLinear members on
  };

  bool Open(bool object) {
    if (frames_.size() >= kMaxJsonDepth) {
      return Fail(Consumed() - 1,
                  absl::StrFormat("arrays and objects nested more than %d "
                                  "deep",
                                  kMaxJsonDepth));
    }
    frames_.emplace_back(object);
    return true;
  }

  bool Close() {
    Frame frame = std::move(frames_.back());
    frames_.pop_back();
    if (!frame.is_object) return Add(Json(std::move(frame.items)));
    return Add(JsonObject(std::move(frame.members)));
  }

  bool Add(Json value) {
    if (frames_.empty()) {
      root_ = std::move(value);
    } else if (frames_.back().is_object) {
      frames_.back().members.back().second = std::move(value);
    } else {
      frames_.back().items.push_back(std::move(value));
    }
    return true;
  }

  // "a.b[2]": the value being read in the first `depth` frames ("" at the
  // top level).
  std::string Path(size_t depth) const {
    std::string path;
    for (size_t i = 0; i < depth; ++i) {
      const Frame& frame = frames_[i];
      if (frame.is_object) {
        if (frame.members.empty()) break;
        absl::StrAppend(&path, path.empty() ? "" : ".",
                        Excerpt(frame.members.back().first));
      } else {
        absl::StrAppend(&path, "[", frame.items.size(), "]");
      }
    }
    return path;
  }

  size_t Consumed() const {
    return static_cast<size_t>(*latest_ - text_.data());
  }

  // Where the key just read begins: its opening quote, the first unescaped
  // quote before the closing one.
  size_t KeyStart() const {
    const size_t at = Consumed();
    if (at >= 2) {
      // From the byte before the closing quote (at - 1) backwards.
      for (size_t q = at - 1; q-- > 0;) {
        if (text_[q] != '"') continue;
        size_t backslashes = 0;
        while (backslashes < q && text_[q - 1 - backslashes] == '\\') {
          ++backslashes;
        }
        if (backslashes % 2 == 0) return q;
      }
    }
    return at;
  }

  bool Fail(size_t offset, std::string problem) {
    error_ =
        absl::StrCat("parse error at ", Where(text_, offset), ": ", problem);
    return false;
  }

  absl::string_view text_;
  const char* const* latest_;
  std::vector<Frame> frames_;
  Json root_;
  std::string error_;
};

}  // namespace

absl::StatusOr<Json> ParseJson(absl::string_view text, absl::string_view what) {
  // nlohmann's lexer takes a NUL byte for the end of the input: a file cut
  // or padded with NULs would be read as its first part, silently.
  const size_t nul = text.find('\0');
  if (nul != absl::string_view::npos) {
    int64_t line = 1;
    for (size_t i = 0; i < nul; ++i) line += text[i] == '\n' ? 1 : 0;
    return absl::InvalidArgumentError(absl::StrFormat(
        "%s: a NUL byte at offset %d (line %d): not JSON text", what, nul,
        line));
  }
  try {
    const char* latest = text.data();
    Builder builder(text, &latest);
    const bool parsed = Json::sax_parse(
        TrackedIterator(text.data(), &latest),
        TrackedIterator(text.data() + text.size(), &latest), &builder);
    if (!parsed) {
      return absl::InvalidArgumentError(absl::StrFormat(
          "%s: %s", what,
          builder.error().empty() ? "parse error" : builder.error()));
    }
    return builder.TakeRoot();
  } catch (const std::bad_alloc&) {
    return absl::ResourceExhaustedError(
        absl::StrFormat("%s: out of memory reading the JSON", what));
  } catch (const std::exception& e) {
    return absl::InvalidArgumentError(
        absl::StrFormat("%s: %s", what, Excerpt(e.what(), 200)));
  }
}

Json JsonObject(std::vector<std::pair<std::string, Json>> members) {
  Json object(Json::value_t::object);
  object.get_ref<Json::object_t&>() =
      Json::object_t(std::make_move_iterator(members.begin()),
                     std::make_move_iterator(members.end()));
  return object;
}

std::optional<int64_t> JsonInt64(const Json& value) noexcept {
  if (value.is_number_unsigned()) {
    const uint64_t n = *value.get_ptr<const Json::number_unsigned_t*>();
    if (n > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) {
      return std::nullopt;
    }
    return static_cast<int64_t>(n);
  }
  if (value.is_number_integer()) {
    return *value.get_ptr<const Json::number_integer_t*>();
  }
  return std::nullopt;
}

std::optional<double> JsonDouble(const Json& value) noexcept {
  if (value.is_number_float()) {
    return *value.get_ptr<const Json::number_float_t*>();
  }
  if (value.is_number_unsigned()) {
    return static_cast<double>(
        *value.get_ptr<const Json::number_unsigned_t*>());
  }
  if (value.is_number_integer()) {
    return static_cast<double>(*value.get_ptr<const Json::number_integer_t*>());
  }
  return std::nullopt;
}

}  // namespace internal
TSC_NAMESPACE_END
