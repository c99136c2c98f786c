// File: import/release_memory.h
//
// Hands freed heap memory back to the operating system. pugixml builds a
// census document from many small pages on the heap; once the document is
// freed the allocator keeps those pages (anything still allocated above
// them pins them), and records that go into large mapped vectors never
// reuse them: after four national census files the process stayed a
// quarter of a gigabyte larger for the rest of the report, and the
// meetings' records came on top.

#ifndef TSC_IMPORT_RELEASE_MEMORY_H_
#define TSC_IMPORT_RELEASE_MEMORY_H_

#include "timescales/config.h"

TSC_NAMESPACE_BEGIN
namespace internal {

// ReleaseFreeMemory()
//
// Returns the heap's free pages to the system where the C library can
// (glibc's malloc_trim); does nothing elsewhere.
void ReleaseFreeMemory();

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_IMPORT_RELEASE_MEMORY_H_
