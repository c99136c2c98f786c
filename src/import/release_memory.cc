// File: import/release_memory.cc

#include "import/release_memory.h"

#include <cstdlib>  // defines __GLIBC__ under glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

TSC_NAMESPACE_BEGIN
namespace internal {

void ReleaseFreeMemory() {
#if defined(__GLIBC__)
  // Also releases free pages in the middle of the heap, not only its top.
  malloc_trim(0);
#endif
}

}  // namespace internal
TSC_NAMESPACE_END
