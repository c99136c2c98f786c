#!/usr/bin/env python3
"""Every extern "C" function of capi/c_api.cc runs its work inside Guard().

Guard() turns any C++ exception into a status, so none crosses the C ABI
(a host process would be ended by one). A function passes when its body
calls Guard( itself, or calls a helper of c_api.cc whose body does, or it
is one of the few that cannot throw (versions, static strings, frees).

  guard_check.py path/to/c_api.cc
"""

import re
import sys

# Bodies that only return constants or free memory: nothing to throw.
CANNOT_THROW = {
    "tsc_version_number", "tsc_version_string", "tsc_abi_version",
    "tsc_status_string", "tsc_last_error_message", "tsc_clear_last_error",
    "tsc_free", "tsc_slot_status_string", "tsc_holiday_list_size",
}


def bodies(source, pattern):
    """(name, body) for every function whose header matches `pattern`."""
    for match in re.finditer(pattern, source):
        i = match.end()
        depth = 1
        while depth:
            depth += {"{": 1, "}": -1}.get(source[i], 0)
            i += 1
        yield match.group("name"), source[match.end():i]


def main():
    source = open(sys.argv[1], encoding="utf-8").read()
    # Helpers: functions of the capi namespace whose body calls Guard(.
    guarded_helpers = {
        name for name, body in bodies(
            source, r"\n(?:int|template[^\n]*\n\s*int) (?P<name>[A-Z]\w*)\([^{;]*\)\s*(?:noexcept\s*)?\{")
        if "Guard(" in body
    }
    failures = []
    count = 0
    for name, body in bodies(
            source, r'extern "C" [^{;(]*?\b(?P<name>tsc_\w+)\s*\([^)]*\)\s*\{'):
        count += 1
        if name in CANNOT_THROW or "Guard(" in body:
            continue
        if re.fullmatch(r"\s*delete \w+;\s*\}", body):
            continue
        called = set(re.findall(r"\b([A-Z]\w*)\(", body))
        if called & guarded_helpers:
            continue
        failures.append(name)
    if count < 100:
        print(f"found only {count} extern \"C\" functions: is the pattern stale?")
        return 1
    for name in failures:
        print(f"{name}: its body is not run inside Guard()")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
