// File: kpi/cin_records.h
//
// One record per real plan and enquiry across several CIN census files.
// Each year's census repeats every plan open during that year (with the
// conferences held so far, and no end date while it is open), so a plan
// open across three years arrives three times. Copies are the same plan
// when the child and the start date agree.

#ifndef TSC_KPI_CIN_RECORDS_H_
#define TSC_KPI_CIN_RECORDS_H_

#include <vector>

#include "timescales/dataset.h"

TSC_NAMESPACE_BEGIN
namespace internal {

// Plans merged across census years: the latest end date any copy gives,
// the largest NumberOfPreviousCPP, and every review date (a date repeated
// within one copy stays repeated, so true duplicates are still seen).
// Plans with no start date cannot be matched and are kept as they are.
std::vector<CpPlanRecord> DistinctPlans(const std::vector<CpPlanRecord>& all);

// Section 47 enquiries merged the same way, by child and s47 start date
// (or, with no start date, by child and ICPC date): the ICPC date from
// whichever copy has one.
std::vector<Section47Record> DistinctSection47(
    const std::vector<Section47Record>& all);

}  // namespace internal
TSC_NAMESPACE_END

#endif  // TSC_KPI_CIN_RECORDS_H_
