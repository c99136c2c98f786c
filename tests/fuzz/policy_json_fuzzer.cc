// File: fuzz/policy_json_fuzzer.cc
//
// Policy::FromJson() over arbitrary bytes. Beyond not crashing:
//
//   * an error says it is the policy's ("policy: ...");
//   * a policy read is one the documented settings can hold (counts 0-1000)
//     and can describe;
//   * it round-trips: written back as JSON (policy_fields.h) and read again,
//     it is the same policy, field by field;
//   * the configuration file's "policy" key reads the same bytes into the
//     same policy (ReportConfig::FromJson re-serialises the object first).

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "fuzz/fuzz_check.h"
#include "fuzz/policy_fields.h"
#include "timescales/policy.h"
#include "timescales/report_config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  namespace ts = ::timescales;
  using ts::fuzz::Check;
  const absl::string_view text(reinterpret_cast<const char*>(bytes), size);
  const absl::StatusOr<ts::Policy> policy = ts::Policy::FromJson(text);
  if (!policy.ok()) {
    Check(absl::StartsWith(policy.status().message(), "policy"),
          "a policy error does not say so: " + policy.status().ToString());
    return 0;
  }
  Check(policy->sw_report_working_days >= 0 &&
            policy->sw_report_working_days <= 1000 &&
            policy->due_soon_working_days >= 0 &&
            policy->due_soon_working_days <= 1000,
        "a policy count is outside 0-1000");
  Check(absl::StrContains(policy->Describe(), policy->name),
        "Describe() does not name the policy");

  const std::string written = ts::fuzz::PolicyToJson(*policy).dump();
  const absl::StatusOr<ts::Policy> again = ts::Policy::FromJson(written);
  Check(again.ok(), "a policy written back is refused: " +
                        again.status().ToString() + " for " + written);
  Check(ts::fuzz::SamePolicy(*policy, *again),
        "a policy written back reads differently: " + written);

  // As the configuration's "policy" key (a BOM is only allowed at the start
  // of a document). A text with a NUL byte is refused above, and could not
  // be embedded in another document anyway.
  if (text.find('\0') != absl::string_view::npos) return 0;
  absl::string_view object = text;
  absl::ConsumePrefix(&object, "\xEF\xBB\xBF");
  const absl::StatusOr<ts::ReportConfig> config =
      ts::ReportConfig::FromJson("{\"policy\": " + std::string(object) + "\n}");
  Check(config.ok(), "a policy is refused inside a configuration: " +
                         config.status().ToString());
  Check(ts::fuzz::SamePolicy(config->policy, *policy),
        "a configuration reads its policy differently");
  return 0;
}
