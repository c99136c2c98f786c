// File: base/status_macros.h
//
// Early-return helpers for absl::Status. The pinned Abseil (Debian 12,
// 20220623) predates absl/status/status_macros.h, so we keep our own.

#ifndef TSC_BASE_STATUS_MACROS_H_
#define TSC_BASE_STATUS_MACROS_H_

#include <utility>

#include "absl/status/status.h"

#define TSC_RETURN_IF_ERROR(expr)              \
  do {                                         \
    ::absl::Status tsc_status_ = (expr);       \
    if (!tsc_status_.ok()) return tsc_status_; \
  } while (false)

#define TSC_STATUS_CONCAT_INNER_(a, b) a##b
#define TSC_STATUS_CONCAT_(a, b) TSC_STATUS_CONCAT_INNER_(a, b)

// TSC_ASSIGN_OR_RETURN(lhs, expr): evaluates a StatusOr expression; returns
// its status on error, otherwise assigns the value to `lhs` (which may be a
// declaration such as `Date due`).
#define TSC_ASSIGN_OR_RETURN(lhs, expr)                                        \
  TSC_ASSIGN_OR_RETURN_IMPL_(TSC_STATUS_CONCAT_(tsc_statusor_, __LINE__), lhs, \
                             expr)
#define TSC_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr)    \
  auto statusor = (expr);                                  \
  if (!statusor.ok()) return std::move(statusor).status(); \
  lhs = *std::move(statusor)

#endif  // TSC_BASE_STATUS_MACROS_H_
