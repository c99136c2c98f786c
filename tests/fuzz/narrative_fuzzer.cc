// File: fuzz/narrative_fuzzer.cc
//
// The narrative of the configuration (docs/configuration.md#narrative), a
// small subset of Markdown that the report renders, over arbitrary bytes.
// Beyond not crashing:
//
//   * the HTML holds no markup but the subset's own elements (<p>, <ul>,
//     <ol>, <li>, <strong>, <em>), each opened and closed as often: any
//     other `<` of the input arrives escaped, so a narrative cannot inject
//     markup, scripts or links into the committee paper;
//   * both renderings stay proportional to the input (no blow-up).

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "absl/strings/string_view.h"
#include "fuzz/fuzz_check.h"
#include "render/narrative.h"

namespace timescales {
namespace fuzz {
namespace {

constexpr const char* kElements[] = {"p", "ul", "ol", "li", "strong", "em"};

void CheckNarrative(absl::string_view text) {
  const std::string html = internal::NarrativeHtml(text);
  Check(html.size() <= 16 * text.size() + 64,
        "the HTML is out of proportion to " + Shown(text));
  for (size_t at = html.find('<'); at != std::string::npos;
       at = html.find('<', at + 1)) {
    const size_t end = html.find('>', at);
    Check(end != std::string::npos,
          "an unclosed tag in the HTML of " + Shown(text));
    absl::string_view tag(html.data() + at + 1, end - at - 1);
    absl::ConsumePrefix(&tag, "/");
    bool known = false;
    for (const char* element : kElements) known = known || tag == element;
    Check(known, absl::StrCat("markup <", Shown(tag),
                              "> not of the subset, from ", Shown(text)));
  }
  for (const char* element : kElements) {
    const std::string open = absl::StrCat("<", element, ">");
    const std::string close = absl::StrCat("</", element, ">");
    size_t opened = 0;
    size_t closed = 0;
    for (size_t at = html.find(open); at != std::string::npos;
         at = html.find(open, at + 1)) {
      ++opened;
    }
    for (size_t at = html.find(close); at != std::string::npos;
         at = html.find(close, at + 1)) {
      ++closed;
    }
    Check(opened == closed,
          absl::StrCat("<", element, "> opened ", opened, " times, closed ",
                       closed, ", for ", Shown(text)));
  }
  const std::string markdown = internal::NarrativeMarkdown(text);
  Check(markdown.size() <= 16 * text.size() + 64,
        "the Markdown is out of proportion to " + Shown(text));
}

}  // namespace
}  // namespace fuzz
}  // namespace timescales

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  timescales::fuzz::CheckNarrative(
      absl::string_view(reinterpret_cast<const char*>(bytes), size));
  return 0;
}
