// File: render/narrative.cc

#include "render/narrative.h"

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "render/text.h"

TSC_NAMESPACE_BEGIN
namespace internal {
namespace {

enum class BlockKind { kParagraph, kBullets, kNumbers };

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  std::vector<std::string> items;  // one for a paragraph
};

// The text after a list marker ("- ", "* ", "12. "), or false.
bool ListItem(absl::string_view line, BlockKind* kind,
              absl::string_view* rest) {
  if (line.size() >= 2 && (line[0] == '-' || line[0] == '*') &&
      line[1] == ' ') {
    *kind = BlockKind::kBullets;
    *rest = absl::StripAsciiWhitespace(line.substr(2));
    return true;
  }
  size_t i = 0;
  while (i < line.size() && i < 3 && absl::ascii_isdigit(line[i])) ++i;
  if (i > 0 && i + 1 < line.size() && line[i] == '.' && line[i + 1] == ' ') {
    *kind = BlockKind::kNumbers;
    *rest = absl::StripAsciiWhitespace(line.substr(i + 2));
    return true;
  }
  return false;
}

std::vector<Block> Parse(absl::string_view text) {
  std::vector<Block> blocks;
  bool open = false;  // the last block can take the next line
  for (absl::string_view raw : absl::StrSplit(text, '\n')) {
    const absl::string_view line = absl::StripAsciiWhitespace(raw);
    if (line.empty()) {
      open = false;
      continue;
    }
    BlockKind kind;
    absl::string_view rest;
    if (ListItem(line, &kind, &rest)) {
      if (!open || blocks.back().kind != kind)
        blocks.push_back(Block{kind, {}});
      blocks.back().items.emplace_back(rest);
    } else if (open) {
      // A continuation of the paragraph or of the last list item.
      absl::StrAppend(&blocks.back().items.back(), " ", line);
    } else {
      blocks.push_back(Block{BlockKind::kParagraph, {std::string(line)}});
    }
    open = true;
  }
  return blocks;
}

// A run of text with its emphasis.
struct Span {
  std::string text;
  int strength = 0;  // 0 plain, 1 emphasis, 2 strong
};

// Splits `s` at **strong** and *emphasis* pairs whose marks touch the text
// they hold; an unmatched mark is text.
std::vector<Span> Spans(absl::string_view s) {
  std::vector<Span> out;
  std::string plain;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == '*') {
      const size_t marks = s.substr(i, 2) == "**" ? 2 : 1;
      const size_t start = i + marks;
      const absl::string_view mark = s.substr(i, marks);
      const size_t end = s.find(mark, start);
      if (start < s.size() && s[start] != ' ' &&
          end != absl::string_view::npos && end > start && s[end - 1] != ' ') {
        if (!plain.empty()) out.push_back(Span{std::move(plain), 0});
        plain.clear();
        out.push_back(Span{std::string(s.substr(start, end - start)),
                           static_cast<int>(marks)});
        i = end + marks;
        continue;
      }
    }
    plain += s[i++];
  }
  if (!plain.empty()) out.push_back(Span{std::move(plain), 0});
  return out;
}

std::string InlineHtml(absl::string_view s) {
  std::string out;
  for (const Span& span : Spans(s)) {
    const std::string text = HtmlText(span.text);
    if (span.strength == 2) {
      absl::StrAppend(&out, "<strong>", text, "</strong>");
    } else if (span.strength == 1) {
      absl::StrAppend(&out, "<em>", text, "</em>");
    } else {
      absl::StrAppend(&out, text);
    }
  }
  return out;
}

std::string InlineMarkdown(absl::string_view s) {
  std::string out;
  for (const Span& span : Spans(s)) {
    const std::string marks(static_cast<size_t>(span.strength), '*');
    absl::StrAppend(&out, marks, MarkdownText(span.text), marks);
  }
  return out;
}

}  // namespace

std::string NarrativeHtml(absl::string_view text) {
  std::string out;
  for (const Block& block : Parse(ValidUtf8(text))) {
    if (block.kind == BlockKind::kParagraph) {
      absl::StrAppend(&out, "<p>", InlineHtml(block.items[0]), "</p>\n");
      continue;
    }
    const char* tag = block.kind == BlockKind::kBullets ? "ul" : "ol";
    absl::StrAppend(&out, "<", tag, ">\n");
    for (const std::string& item : block.items) {
      absl::StrAppend(&out, "<li>", InlineHtml(item), "</li>\n");
    }
    absl::StrAppend(&out, "</", tag, ">\n");
  }
  return out;
}

std::string NarrativeMarkdown(absl::string_view text) {
  std::string out;
  for (const Block& block : Parse(ValidUtf8(text))) {
    if (block.kind == BlockKind::kParagraph) {
      absl::StrAppend(&out, InlineMarkdown(block.items[0]), "\n\n");
      continue;
    }
    int n = 0;
    for (const std::string& item : block.items) {
      absl::StrAppend(&out,
                      block.kind == BlockKind::kBullets
                          ? std::string("- ")
                          : absl::StrCat(++n, ". "),
                      InlineMarkdown(item), "\n");
    }
    absl::StrAppend(&out, "\n");
  }
  return out;
}

}  // namespace internal
TSC_NAMESPACE_END
