// File: render/narrative.h
//
// The narrative an IRO writes in the configuration
// (docs/configuration.md#narrative): a small, fixed subset of Markdown, rendered safely. Blocks are
// paragraphs (separated by a blank line) and lists (lines starting "- " or
// "* ", or "1. " for a numbered list); inside them, **strong** and *emphasis*.
// Everything else is text: HTML is escaped, never passed through; links,
// headings, images and code are shown as the characters typed.

#ifndef TSC_RENDER_NARRATIVE_H_
#define TSC_RENDER_NARRATIVE_H_

#include <string>

#include "absl/strings/string_view.h"
#include "timescales/config.h"

TSC_NAMESPACE_BEGIN
namespace internal {

// <p>, <ul>/<ol> with <li>, <strong> and <em>; all text escaped.
std::string NarrativeHtml(absl::string_view text);

// The same blocks as Markdown, text escaped (internal::MarkdownText) but
// the emphasis kept, each block followed by a blank line.
std::string NarrativeMarkdown(absl::string_view text);

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_RENDER_NARRATIVE_H_
