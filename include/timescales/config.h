// File: config.h
// -----------------------------------------------------------------------------
//
// Namespace macros shared by every public header. The C++ API lives in
// `timescales::v1` (an inline namespace), so two incompatible versions linked
// into one program fail at link time instead of silently violating the ODR.

#ifndef TSC_CONFIG_H_
#define TSC_CONFIG_H_

#define TSC_NAMESPACE_BEGIN \
  namespace timescales {    \
  inline namespace v1 {
#define TSC_NAMESPACE_END \
  }                       \
  }

#endif  // TSC_CONFIG_H_
