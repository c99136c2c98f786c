// File: render/calendar_info.cc
//
// The calendar's description as JSON, for `timescales calendar info` and
// tsc_calendar_info_json().

#include "nlohmann/json.hpp"
#include "timescales/render.h"

TSC_NAMESPACE_BEGIN

std::string RenderCalendarInfoJson(const CalendarInfo& info, int indent) {
  const nlohmann::json document = {
      {"name", info.name},
      {"data_version", info.data_version},
      {"exact_from", info.exact_from.ToString()},
      {"known_until", info.known_until.ToString()},
      {"sources", info.sources},
      {"strict", info.strict},
      {"closure_days", info.closure_days},
  };
  // Names come from callers' files: replace bad UTF-8 rather than throw.
  return document.dump(indent, ' ', false,
                       nlohmann::json::error_handler_t::replace);
}

TSC_NAMESPACE_END
