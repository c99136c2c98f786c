// File: capi/sqlite/timescales_sqlite.cc
//
// The SQLite loadable extension (docs/sql.md): the project's working days,
// months, due dates and review schedules as SQL functions on ISO date text,
// so that the queries analysts already write stop counting "3 months" as 91
// days and working days from hand-kept holiday lists.
//
//   .load libtimescales_sqlite
//   SELECT tsc_due('lac.first_review', '2019-12-20');   -- 2020-01-22
//
// Scalar functions (NULL in a date, rule or number gives NULL; a NULL
// convention, counting or policy means the default):
//
//   tsc_add_working_days(date, n [, counting])
//   tsc_working_days_between(a, b [, counting])
//   tsc_is_working_day(date)                      1 or 0
//   tsc_add_months(date, n [, convention])
//   tsc_due(rule, anchor [, policy_json])         the legal due date
//   tsc_practical_due(rule, anchor [, policy_json])
//   tsc_explain(rule, anchor [, policy_json])
//   tsc_on_time(rule, anchor, done [, policy_json])   1 or 0
//   tsc_lateness(rule, anchor, done [, policy_json])  working days
//
// Table-valued functions (eponymous virtual tables):
//
//   tsc_holidays(from, to)       date, name, kind, provisional
//   tsc_rules                    id, description, anchor, offset, unit,
//                                length, source, local
//   tsc_schedule(kind, start, reviews_json, as_at [, end [, policy_json]])
//                                slot, rule, due, practical_due, held,
//                                status, working_days_late
//
// Dates are read by the library's own Date::Parse (`yyyy-mm-dd`, or
// `dd/mm/yyyy` as the DfE returns write it) and, failing that, Moment::Parse
// (a date and a time, as SQLite's datetime() writes it): the extension has
// no parser of its own. Dates are written `yyyy-mm-dd`; a due instant of an
// hour rule with a timed anchor `yyyy-mm-ddTHH:MM`.
//
// One engine (Timescales::Default(): England and Wales, the built-in rules,
// the default policy) is built when the extension is loaded into a
// connection and shared by its functions (their user data), freed when the
// last of them goes. A rule argument is looked up once per statement
// (sqlite3_get_auxdata); a policy is built once per distinct JSON text.
// Errors come back as SQLite errors carrying the library's message; no
// exception leaves a callback.

#include <sqlite3ext.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "base/json.h"
#include "timescales/calendar.h"
#include "timescales/date.h"
#include "timescales/due.h"
#include "timescales/moment.h"
#include "timescales/policy.h"
#include "timescales/rules.h"
#include "timescales/schedule.h"

SQLITE_EXTENSION_INIT1

namespace {

using timescales::AddMonths;
using timescales::AtOrBefore;
using timescales::Calendar;
using timescales::Counting;
using timescales::Date;
using timescales::DateFormat;
using timescales::Moment;
using timescales::MonthConvention;
using timescales::Policy;
using timescales::Roll;
using timescales::Rule;
using timescales::Timescales;

// ---- The engine ----------------------------------------------------------

// One a connection: the default engine and the engines of the policies the
// connection's queries named. Shared by every function and module of the
// extension, freed when the last of them is.
class Engine {
 public:
  explicit Engine(Timescales ts) : ts_(std::move(ts)) {}

  const Timescales& ts() const { return ts_; }

  // The engine of a policy JSON text, built once per distinct text (at most
  // kMaxPolicies are kept; past that, `scratch` holds a fresh one).
  absl::StatusOr<const Timescales*> WithPolicy(
      absl::string_view json, std::unique_ptr<Timescales>* scratch) {
    std::lock_guard<std::mutex> lock(mutex_);
    const auto found = policies_.find(std::string(json));
    if (found != policies_.end()) return found->second.get();
    absl::StatusOr<Policy> policy = Policy::FromJson(json);
    if (!policy.ok()) return policy.status();
    auto built = std::make_unique<Timescales>(ts_.calendar(), ts_.rules(),
                                              *std::move(policy));
    if (policies_.size() >= kMaxPolicies) {
      *scratch = std::move(built);
      return scratch->get();
    }
    const Timescales* out = built.get();
    policies_.emplace(std::string(json), std::move(built));
    return out;
  }

  void Ref() { refs_.fetch_add(1, std::memory_order_relaxed); }
  static void Unref(void* p) {
    auto* engine = static_cast<Engine*>(p);
    if (engine->refs_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
      delete engine;
    }
  }

 private:
  static constexpr size_t kMaxPolicies = 64;
  Timescales ts_;
  std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Timescales>> policies_;
  std::atomic<int> refs_{0};
};

Engine* EngineOf(sqlite3_context* ctx) {
  return static_cast<Engine*>(sqlite3_user_data(ctx));
}

// ---- Results and errors ----------------------------------------------------

void ResultError(sqlite3_context* ctx, const char* function,
                 absl::string_view message) {
  const std::string text = absl::StrCat(function, ": ", message);
  sqlite3_result_error(ctx, text.data(), static_cast<int>(text.size()));
}

void ResultStatus(sqlite3_context* ctx, const char* function,
                  const absl::Status& status) {
  ResultError(ctx, function, status.message());
}

// `yyyy-mm-dd` without an allocation (years are 1900..2199).
void ResultDate(sqlite3_context* ctx, Date date) {
  const int y = date.year();
  const int m = date.month();
  const int d = date.day();
  char text[10] = {static_cast<char>('0' + y / 1000),
                   static_cast<char>('0' + y / 100 % 10),
                   static_cast<char>('0' + y / 10 % 10),
                   static_cast<char>('0' + y % 10),
                   '-',
                   static_cast<char>('0' + m / 10),
                   static_cast<char>('0' + m % 10),
                   '-',
                   static_cast<char>('0' + d / 10),
                   static_cast<char>('0' + d % 10)};
  sqlite3_result_text(ctx, text, 10, SQLITE_TRANSIENT);
}

void ResultMoment(sqlite3_context* ctx, const Moment& moment) {
  if (!moment.has_time()) return ResultDate(ctx, moment.date);
  const std::string text = moment.ToString();
  sqlite3_result_text(ctx, text.data(), static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
}

void ResultText(sqlite3_context* ctx, absl::string_view text) {
  sqlite3_result_text(ctx, text.data(), static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
}

// Runs `body`, turning any exception into an SQLite error: none may unwind
// into SQLite's C frames.
template <typename Body>
void Guarded(sqlite3_context* ctx, const char* function, Body&& body) {
  try {
    body();
  } catch (const std::bad_alloc&) {
    sqlite3_result_error_nomem(ctx);
  } catch (const std::exception& e) {
    ResultError(ctx, function, e.what());
  } catch (...) {
    ResultError(ctx, function, "unexpected error");
  }
}

// ---- Arguments
// ---------------------------------------------------------------

bool IsNull(sqlite3_value* v) { return sqlite3_value_type(v) == SQLITE_NULL; }

bool AnyNull(int argc, sqlite3_value** argv, int count) {
  for (int i = 0; i < count && i < argc; ++i) {
    if (IsNull(argv[i])) return true;
  }
  return false;
}

// The text of a value (SQLite converts numbers); false only when out of
// memory, which is then reported.
bool TextArg(sqlite3_context* ctx, sqlite3_value* v, absl::string_view* out) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(v));
  if (text == nullptr) {
    sqlite3_result_error_nomem(ctx);
    return false;
  }
  *out = absl::string_view(text, static_cast<size_t>(sqlite3_value_bytes(v)));
  return true;
}

// A date or date-time: Date::Parse, then Moment::Parse for a date with a
// time; the error is Date::Parse's (or Moment::Parse's for text that has a
// time).
absl::StatusOr<Moment> ParseMoment(absl::string_view text) {
  absl::StatusOr<Date> date = Date::Parse(text);
  if (date.ok()) return Moment::OnDate(*date);
  absl::StatusOr<Moment> moment = Moment::Parse(text);
  if (moment.ok()) return moment;
  const absl::string_view trimmed = absl::StripAsciiWhitespace(text);
  if (trimmed.find_first_of("T ") != absl::string_view::npos) return moment;
  return date.status();
}

bool MomentArg(sqlite3_context* ctx, const char* function, sqlite3_value* v,
               Moment* out) {
  absl::string_view text;
  if (!TextArg(ctx, v, &text)) return false;
  // The common case, a plain date, without building a Status.
  if (text.size() == 10) {
    absl::StatusOr<Date> date = Date::Parse(text);
    if (date.ok()) {
      *out = Moment::OnDate(*date);
      return true;
    }
  }
  absl::StatusOr<Moment> moment = ParseMoment(text);
  if (!moment.ok()) {
    ResultStatus(ctx, function, moment.status());
    return false;
  }
  *out = *moment;
  return true;
}

bool DateArg(sqlite3_context* ctx, const char* function, sqlite3_value* v,
             Date* out) {
  Moment moment;
  if (!MomentArg(ctx, function, v, &moment)) return false;
  *out = moment.date;
  return true;
}

// A whole number that fits an int32_t.
bool IntArg(sqlite3_context* ctx, const char* function, const char* name,
            sqlite3_value* v, int32_t* out) {
  if (sqlite3_value_numeric_type(v) != SQLITE_INTEGER) {
    ResultError(ctx, function, absl::StrCat(name, " must be a whole number"));
    return false;
  }
  const sqlite3_int64 n = sqlite3_value_int64(v);
  if (n < std::numeric_limits<int32_t>::min() ||
      n > std::numeric_limits<int32_t>::max()) {
    ResultError(ctx, function,
                absl::StrCat(name, " ", n, " is outside the 32-bit range"));
    return false;
  }
  *out = static_cast<int32_t>(n);
  return true;
}

// The counting convention of argument `i`, when given and not NULL.
bool CountingArg(sqlite3_context* ctx, const char* function, int argc,
                 sqlite3_value** argv, int i, Counting* out) {
  *out = Counting::kStartExcluded;
  if (argc <= i || IsNull(argv[i])) return true;
  absl::string_view text;
  if (!TextArg(ctx, argv[i], &text)) return false;
  absl::StatusOr<Counting> counting = timescales::ParseCounting(text);
  if (!counting.ok()) {
    ResultStatus(ctx, function, counting.status());
    return false;
  }
  *out = *counting;
  return true;
}

// The rule named by argument `i`, looked up in the connection's catalogue
// once per statement when the argument is constant (the pointer stays
// valid while the engine lives, which is longer than any statement).
const Rule* RuleArg(sqlite3_context* ctx, const char* function, Engine* engine,
                    sqlite3_value** argv, int i) {
  if (void* cached = sqlite3_get_auxdata(ctx, i)) {
    return static_cast<const Rule*>(cached);
  }
  absl::string_view id;
  if (!TextArg(ctx, argv[i], &id)) return nullptr;
  const Rule* rule = engine->ts().rules().Find(id);
  if (rule == nullptr) {
    ResultStatus(ctx, function, engine->ts().rules().Get(id).status());
    return nullptr;
  }
  sqlite3_set_auxdata(ctx, i, const_cast<Rule*>(rule), nullptr);
  return rule;
}

// The engine of the policy in argument `i`, or the default one when the
// argument is absent or NULL.
const Timescales* PolicyArg(sqlite3_context* ctx, const char* function,
                            Engine* engine, int argc, sqlite3_value** argv,
                            int i, std::unique_ptr<Timescales>* scratch) {
  if (argc <= i || IsNull(argv[i])) return &engine->ts();
  absl::string_view json;
  if (!TextArg(ctx, argv[i], &json)) return nullptr;
  absl::StatusOr<const Timescales*> ts = engine->WithPolicy(json, scratch);
  if (!ts.ok()) {
    ResultError(ctx, function, absl::StrCat("policy: ", ts.status().message()));
    return nullptr;
  }
  return *ts;
}

// ---- Calendar functions ----------------------------------------------------

void AddWorkingDaysFn(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  static constexpr char kName[] = "tsc_add_working_days";
  Guarded(ctx, kName, [&] {
    if (AnyNull(argc, argv, 2)) return sqlite3_result_null(ctx);
    Date day;
    int32_t n;
    Counting counting;
    if (!DateArg(ctx, kName, argv[0], &day) ||
        !IntArg(ctx, kName, "n", argv[1], &n) ||
        !CountingArg(ctx, kName, argc, argv, 2, &counting)) {
      return;
    }
    const Calendar& calendar = EngineOf(ctx)->ts().calendar();
    Date out;
    if (calendar.TryAddWorkingDays(day, n, &out, counting)) {
      return ResultDate(ctx, out);
    }
    absl::StatusOr<Date> due = calendar.AddWorkingDays(day, n, counting);
    if (!due.ok()) return ResultStatus(ctx, kName, due.status());
    ResultDate(ctx, *due);
  });
}

void WorkingDaysBetweenFn(sqlite3_context* ctx, int argc,
                          sqlite3_value** argv) {
  static constexpr char kName[] = "tsc_working_days_between";
  Guarded(ctx, kName, [&] {
    if (AnyNull(argc, argv, 2)) return sqlite3_result_null(ctx);
    Date from;
    Date to;
    Counting counting;
    if (!DateArg(ctx, kName, argv[0], &from) ||
        !DateArg(ctx, kName, argv[1], &to) ||
        !CountingArg(ctx, kName, argc, argv, 2, &counting)) {
      return;
    }
    absl::StatusOr<int32_t> n =
        EngineOf(ctx)->ts().calendar().WorkingDaysBetween(from, to, counting);
    if (!n.ok()) return ResultStatus(ctx, kName, n.status());
    sqlite3_result_int(ctx, *n);
  });
}

void IsWorkingDayFn(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  static constexpr char kName[] = "tsc_is_working_day";
  Guarded(ctx, kName, [&] {
    if (AnyNull(argc, argv, 1)) return sqlite3_result_null(ctx);
    Date day;
    if (!DateArg(ctx, kName, argv[0], &day)) return;
    absl::StatusOr<bool> working =
        EngineOf(ctx)->ts().calendar().IsWorkingDay(day);
    if (!working.ok()) return ResultStatus(ctx, kName, working.status());
    sqlite3_result_int(ctx, *working ? 1 : 0);
  });
}

void AddMonthsFn(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  static constexpr char kName[] = "tsc_add_months";
  Guarded(ctx, kName, [&] {
    if (AnyNull(argc, argv, 2)) return sqlite3_result_null(ctx);
    Date day;
    int32_t n;
    if (!DateArg(ctx, kName, argv[0], &day) ||
        !IntArg(ctx, kName, "n", argv[1], &n)) {
      return;
    }
    MonthConvention convention = MonthConvention::kCorrespondingDate;
    if (argc > 2 && !IsNull(argv[2])) {
      absl::string_view name;
      if (!TextArg(ctx, argv[2], &name)) return;
      absl::StatusOr<MonthConvention> parsed =
          timescales::ParseMonthConvention(name);
      if (!parsed.ok()) return ResultStatus(ctx, kName, parsed.status());
      convention = *parsed;
    }
    absl::StatusOr<Date> out = AddMonths(day, n, convention);
    if (!out.ok()) return ResultStatus(ctx, kName, out.status());
    ResultDate(ctx, *out);
  });
}

// ---- Due dates -------------------------------------------------------------

enum class DueWhat { kLegal, kPractical, kExplain, kOnTime, kLateness };

template <DueWhat kWhat>
void DueFn(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  constexpr bool kHasDone =
      kWhat == DueWhat::kOnTime || kWhat == DueWhat::kLateness;
  constexpr int kPolicyArg = kHasDone ? 3 : 2;
  static constexpr const char* kName =
      kWhat == DueWhat::kLegal       ? "tsc_due"
      : kWhat == DueWhat::kPractical ? "tsc_practical_due"
      : kWhat == DueWhat::kExplain   ? "tsc_explain"
      : kWhat == DueWhat::kOnTime    ? "tsc_on_time"
                                     : "tsc_lateness";
  Guarded(ctx, kName, [&] {
    if (AnyNull(argc, argv, kPolicyArg)) return sqlite3_result_null(ctx);
    Engine* engine = EngineOf(ctx);
    std::unique_ptr<Timescales> scratch;
    const Timescales* ts =
        PolicyArg(ctx, kName, engine, argc, argv, kPolicyArg, &scratch);
    if (ts == nullptr) return;
    const Rule* rule = RuleArg(ctx, kName, engine, argv, 0);
    if (rule == nullptr) return;
    Moment anchor;
    if (!MomentArg(ctx, kName, argv[1], &anchor)) return;
    if constexpr (kWhat == DueWhat::kExplain) {
      absl::StatusOr<timescales::DueDate> due = ts->Due(*rule, anchor);
      if (!due.ok()) return ResultStatus(ctx, kName, due.status());
      return ResultText(ctx, due->Explain());
    }
    // The legal due date (or instant), without the explanation.
    Moment legal;
    if (!anchor.has_time()) {
      absl::StatusOr<Date> due =
          ts->LegalDueDate(ts->EffectiveOffset(*rule), anchor.date);
      if (!due.ok()) return ResultStatus(ctx, kName, due.status());
      legal = Moment::OnDate(*due);
    } else {
      absl::StatusOr<Moment> due = ts->LegalDue(*rule, anchor);
      if (!due.ok()) return ResultStatus(ctx, kName, due.status());
      legal = *due;
    }
    if constexpr (kWhat == DueWhat::kLegal) {
      return ResultMoment(ctx, legal);
    } else if constexpr (kWhat == DueWhat::kPractical) {
      // The last working day on or before the legal due date, as
      // DueDate::practical_due.
      absl::StatusOr<Date> practical =
          ts->calendar().Adjust(legal.date, Roll::kPreceding);
      if (!practical.ok()) return ResultStatus(ctx, kName, practical.status());
      return ResultDate(ctx, *practical);
    } else {
      Moment done;
      if (!MomentArg(ctx, kName, argv[2], &done)) return;
      if constexpr (kWhat == DueWhat::kOnTime) {
        // As Timescales::OnTime: done at or before the legal due date.
        return sqlite3_result_int(ctx, AtOrBefore(done, legal) ? 1 : 0);
      } else {
        // As Timescales::LatenessWorkingDays.
        absl::StatusOr<int32_t> late =
            ts->calendar().WorkingDaysBetween(legal.date, done.date);
        if (!late.ok()) return ResultStatus(ctx, kName, late.status());
        return sqlite3_result_int(ctx, *late);
      }
    }
  });
}

// ---- Table-valued functions ------------------------------------------------
//
// Each materialises its rows in xFilter (a holiday range, the catalogue, one
// schedule: small) and hands them out from the cursor. Arguments are hidden
// columns; xBestIndex passes the constrained ones to xFilter in order.

struct Cell {
  enum Type { kNull, kInt, kText } type = kNull;
  int64_t i = 0;
  std::string s;

  static Cell Null() { return Cell(); }
  static Cell Int(int64_t v) {
    Cell c;
    c.type = kInt;
    c.i = v;
    return c;
  }
  static Cell Text(std::string v) {
    Cell c;
    c.type = kText;
    c.s = std::move(v);
    return c;
  }
};
using Row = std::vector<Cell>;

// What a table-valued function is: its schema, its arguments (hidden
// columns after the visible ones), how many are required, and its rows.
struct TableFunction {
  const char* name;
  const char* usage;   // "tsc_holidays(from, to)"
  const char* schema;  // CREATE TABLE x(...)
  int visible;         // visible columns; the hidden ones follow
  int arguments;       // hidden columns
  int required;        // the first `required` arguments must be given
  // Fills `rows` from the arguments (argv[k] is argument k, or nullptr when
  // not given); an error's message otherwise.
  absl::Status (*fill)(const Engine& engine, sqlite3_value* const* args,
                       std::vector<Row>* rows);
};

struct VTab : sqlite3_vtab {
  const TableFunction* function = nullptr;
  Engine* engine = nullptr;
};

struct Cursor : sqlite3_vtab_cursor {
  std::vector<Row> rows;
  size_t at = 0;
};

void SetVTabError(sqlite3_vtab* vtab, absl::string_view message) {
  sqlite3_free(vtab->zErrMsg);
  vtab->zErrMsg =
      sqlite3_mprintf("%.*s", static_cast<int>(message.size()), message.data());
}

struct ModuleData {
  const TableFunction* function;
  Engine* engine;
  static void Destroy(void* p) {
    auto* data = static_cast<ModuleData*>(p);
    Engine::Unref(data->engine);
    delete data;
  }
};

int VConnect(sqlite3* db, void* aux, int /*argc*/, const char* const* /*argv*/,
             sqlite3_vtab** out, char** error) {
  auto* data = static_cast<ModuleData*>(aux);
  const int rc = sqlite3_declare_vtab(db, data->function->schema);
  if (rc != SQLITE_OK) return rc;
  auto* vtab = new (std::nothrow) VTab();
  if (vtab == nullptr) return SQLITE_NOMEM;
  vtab->function = data->function;
  vtab->engine = data->engine;
  *out = vtab;
  (void)error;
  return SQLITE_OK;
}

int VDisconnect(sqlite3_vtab* vtab) {
  delete static_cast<VTab*>(vtab);
  return SQLITE_OK;
}

int VBestIndex(sqlite3_vtab* base, sqlite3_index_info* info) {
  const TableFunction& f = *static_cast<VTab*>(base)->function;
  int given[16];
  std::fill(std::begin(given), std::end(given), -1);
  int unusable = 0;
  for (int i = 0; i < info->nConstraint; ++i) {
    const auto& c = info->aConstraint[i];
    const int arg = c.iColumn - f.visible;
    if (arg < 0 || arg >= f.arguments) continue;
    if (c.op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (!c.usable) {
      unusable |= 1 << arg;
      continue;
    }
    given[arg] = i;
  }
  int mask = 0;
  int next = 1;
  for (int arg = 0; arg < f.arguments; ++arg) {
    if (given[arg] < 0) continue;
    mask |= 1 << arg;
    info->aConstraintUsage[given[arg]].argvIndex = next++;
    info->aConstraintUsage[given[arg]].omit = 1;
  }
  // An argument that is there but not yet usable: another join order must
  // supply it first.
  if ((unusable & ~mask) != 0) return SQLITE_CONSTRAINT;
  info->idxNum = mask;
  info->estimatedCost = 10;
  info->estimatedRows = 10;
  return SQLITE_OK;
}

int VOpen(sqlite3_vtab* /*vtab*/, sqlite3_vtab_cursor** out) {
  auto* cursor = new (std::nothrow) Cursor();
  if (cursor == nullptr) return SQLITE_NOMEM;
  *out = cursor;
  return SQLITE_OK;
}

int VClose(sqlite3_vtab_cursor* cursor) {
  delete static_cast<Cursor*>(cursor);
  return SQLITE_OK;
}

int VFilter(sqlite3_vtab_cursor* base, int mask, const char* /*idx*/, int argc,
            sqlite3_value** argv) {
  auto* cursor = static_cast<Cursor*>(base);
  auto* vtab = static_cast<VTab*>(base->pVtab);
  const TableFunction& f = *vtab->function;
  try {
    sqlite3_value* args[16] = {};
    int next = 0;
    for (int arg = 0; arg < f.arguments; ++arg) {
      if ((mask & (1 << arg)) != 0 && next < argc) args[arg] = argv[next++];
    }
    for (int arg = 0; arg < f.required; ++arg) {
      if (args[arg] == nullptr) {
        SetVTabError(vtab,
                     absl::StrCat(f.name, ": missing arguments: ", f.usage));
        return SQLITE_ERROR;
      }
    }
    cursor->rows.clear();
    cursor->at = 0;
    const absl::Status status = f.fill(*vtab->engine, args, &cursor->rows);
    if (!status.ok()) {
      cursor->rows.clear();
      SetVTabError(vtab, absl::StrCat(f.name, ": ", status.message()));
      return SQLITE_ERROR;
    }
    return SQLITE_OK;
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (const std::exception& e) {
    SetVTabError(vtab, absl::StrCat(f.name, ": ", e.what()));
    return SQLITE_ERROR;
  } catch (...) {
    SetVTabError(vtab, absl::StrCat(f.name, ": unexpected error"));
    return SQLITE_ERROR;
  }
}

int VNext(sqlite3_vtab_cursor* cursor) {
  ++static_cast<Cursor*>(cursor)->at;
  return SQLITE_OK;
}

int VEof(sqlite3_vtab_cursor* base) {
  const auto* cursor = static_cast<Cursor*>(base);
  return cursor->at >= cursor->rows.size() ? 1 : 0;
}

int VColumn(sqlite3_vtab_cursor* base, sqlite3_context* ctx, int column) {
  const auto* cursor = static_cast<Cursor*>(base);
  const Row& row = cursor->rows[cursor->at];
  if (column < 0 || static_cast<size_t>(column) >= row.size()) {
    sqlite3_result_null(ctx);  // a hidden argument column
    return SQLITE_OK;
  }
  const Cell& cell = row[static_cast<size_t>(column)];
  switch (cell.type) {
    case Cell::kNull:
      sqlite3_result_null(ctx);
      break;
    case Cell::kInt:
      sqlite3_result_int64(ctx, cell.i);
      break;
    case Cell::kText:
      sqlite3_result_text(ctx, cell.s.data(), static_cast<int>(cell.s.size()),
                          SQLITE_TRANSIENT);
      break;
  }
  return SQLITE_OK;
}

int VRowid(sqlite3_vtab_cursor* base, sqlite_int64* rowid) {
  *rowid = static_cast<sqlite_int64>(static_cast<Cursor*>(base)->at) + 1;
  return SQLITE_OK;
}

// A table-valued function's argument as text (NULL: absent).
std::optional<std::string> TextOf(sqlite3_value* v) {
  if (v == nullptr || IsNull(v)) return std::nullopt;
  const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(v));
  if (text == nullptr) throw std::bad_alloc();
  return std::string(text, static_cast<size_t>(sqlite3_value_bytes(v)));
}

absl::StatusOr<Moment> MomentOf(absl::string_view what,
                                const std::string& text) {
  absl::StatusOr<Moment> moment = ParseMoment(text);
  if (!moment.ok()) {
    return absl::Status(moment.status().code(),
                        absl::StrCat(what, ": ", moment.status().message()));
  }
  return moment;
}

Cell DateCell(Date date) { return Cell::Text(date.ToString()); }

// tsc_holidays(from, to)
absl::Status FillHolidays(const Engine& engine, sqlite3_value* const* args,
                          std::vector<Row>* rows) {
  const std::optional<std::string> from_text = TextOf(args[0]);
  const std::optional<std::string> to_text = TextOf(args[1]);
  if (!from_text || !to_text) return absl::OkStatus();  // NULL in, no rows
  absl::StatusOr<Moment> from = MomentOf("from", *from_text);
  if (!from.ok()) return from.status();
  absl::StatusOr<Moment> to = MomentOf("to", *to_text);
  if (!to.ok()) return to.status();
  const Calendar& calendar = engine.ts().calendar();
  absl::StatusOr<std::vector<timescales::Holiday>> holidays =
      calendar.HolidaysBetween(from->date, to->date);
  if (!holidays.ok()) return holidays.status();
  for (const timescales::Holiday& h : *holidays) {
    rows->push_back({DateCell(h.date), Cell::Text(h.name),
                     Cell::Text(std::string(HolidayKindName(h.kind))),
                     Cell::Int(h.provisional ? 1 : 0)});
  }
  return absl::OkStatus();
}

// tsc_rules
absl::Status FillRules(const Engine& engine, sqlite3_value* const* /*args*/,
                       std::vector<Row>* rows) {
  for (const Rule& r : engine.ts().rules().rules()) {
    rows->push_back({Cell::Text(r.id), Cell::Text(r.description),
                     Cell::Text(r.anchor), Cell::Int(r.offset),
                     Cell::Text(std::string(timescales::UnitName(r.unit))),
                     Cell::Text(timescales::DescribeLength(r.offset, r.unit)),
                     Cell::Text(r.source), Cell::Int(r.local ? 1 : 0)});
  }
  return absl::OkStatus();
}

// The review dates of a JSON array: strings, a date or a date and time each.
absl::StatusOr<std::vector<timescales::HeldReview>> ReviewsFromJson(
    const std::string& text) {
  absl::StatusOr<timescales::internal::Json> json =
      timescales::internal::ParseJson(text, "reviews");
  if (!json.ok()) return json.status();
  if (!json->is_array()) {
    return absl::InvalidArgumentError(
        "reviews: expected a JSON array of review dates, e.g. "
        "'[\"2020-01-22\",\"2020-04-23\"]'");
  }
  std::vector<timescales::HeldReview> reviews;
  reviews.reserve(json->size());
  for (size_t i = 0; i < json->size(); ++i) {
    const timescales::internal::Json& item = (*json)[i];
    if (item.is_null()) continue;  // json_group_array over a NULL date
    if (!item.is_string()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "reviews[", i, "]: expected a date as a string, got ", item.dump()));
    }
    absl::StatusOr<Moment> held =
        MomentOf(absl::StrCat("reviews[", i, "]"), item.get<std::string>());
    if (!held.ok()) return held.status();
    reviews.push_back(timescales::HeldReview{*held, {}, {}, {}});
  }
  return reviews;
}

// tsc_schedule(kind, start, reviews_json, as_at [, end [, policy_json]])
absl::Status FillSchedule(const Engine& engine, sqlite3_value* const* args,
                          std::vector<Row>* rows) {
  const std::optional<std::string> kind = TextOf(args[0]);
  const std::optional<std::string> start_text = TextOf(args[1]);
  const std::optional<std::string> reviews_text = TextOf(args[2]);
  const std::optional<std::string> as_at_text = TextOf(args[3]);
  if (!kind || !start_text || !as_at_text) return absl::OkStatus();
  absl::StatusOr<Moment> start = MomentOf("start", *start_text);
  if (!start.ok()) return start.status();
  absl::StatusOr<Moment> as_at = MomentOf("as_at", *as_at_text);
  if (!as_at.ok()) return as_at.status();
  std::optional<Date> end;
  if (const std::optional<std::string> end_text = TextOf(args[4])) {
    absl::StatusOr<Moment> parsed = MomentOf("end", *end_text);
    if (!parsed.ok()) return parsed.status();
    end = parsed->date;
  }
  std::vector<timescales::HeldReview> reviews;
  if (reviews_text) {  // NULL: no review yet
    absl::StatusOr<std::vector<timescales::HeldReview>> parsed =
        ReviewsFromJson(*reviews_text);
    if (!parsed.ok()) return parsed.status();
    reviews = *std::move(parsed);
  }
  const Timescales* ts = &engine.ts();
  std::optional<Timescales> with_policy;
  if (const std::optional<std::string> policy = TextOf(args[5])) {
    absl::StatusOr<Policy> parsed = Policy::FromJson(*policy);
    if (!parsed.ok()) {
      return absl::Status(parsed.status().code(),
                          absl::StrCat("policy: ", parsed.status().message()));
    }
    with_policy.emplace(ts->calendar(), ts->rules(), *std::move(parsed));
    ts = &*with_policy;
  }
  absl::StatusOr<timescales::Schedule> schedule;
  if (*kind == "lac" || *kind == "lac_short_break") {
    schedule = timescales::LacSchedule(
        *ts, timescales::LacPeriod{start->date, end, *kind != "lac"},
        std::move(reviews), as_at->date);
  } else if (*kind == "cp") {
    schedule = timescales::CpSchedule(
        *ts, timescales::CpPlan{start->date, end, std::nullopt},
        std::move(reviews), as_at->date);
  } else {
    return absl::InvalidArgumentError(absl::StrCat(
        "unknown schedule kind '", *kind, "' (lac, lac_short_break or cp)"));
  }
  if (!schedule.ok()) return schedule.status();
  for (const timescales::Slot& slot : schedule->slots) {
    Row row;
    row.push_back(Cell::Int(slot.number));
    row.push_back(Cell::Text(slot.due.rule.id));
    row.push_back(Cell::Text(slot.due.legal_due.ToString()));
    row.push_back(DateCell(slot.due.practical_due));
    row.push_back(slot.review ? Cell::Text(slot.review->held.ToString())
                              : Cell::Null());
    row.push_back(
        Cell::Text(std::string(timescales::SlotStatusName(slot.status))));
    row.push_back(Cell::Int(slot.working_days_late));
    rows->push_back(std::move(row));
  }
  return absl::OkStatus();
}

constexpr TableFunction kHolidays = {
    "tsc_holidays",
    "tsc_holidays(from, to)",
    "CREATE TABLE x(date TEXT, name TEXT, kind TEXT, provisional INTEGER, "
    "from_date HIDDEN, to_date HIDDEN)",
    4,
    2,
    2,
    FillHolidays};
constexpr TableFunction kRules = {
    "tsc_rules",
    "tsc_rules",
    "CREATE TABLE x(id TEXT, description TEXT, anchor TEXT, \"offset\" "
    "INTEGER, unit TEXT, length TEXT, source TEXT, local INTEGER)",
    8,
    0,
    0,
    FillRules};
constexpr TableFunction kSchedule = {
    "tsc_schedule",
    "tsc_schedule(kind, start, reviews_json, as_at [, end [, policy_json]])",
    "CREATE TABLE x(slot INTEGER, rule TEXT, due TEXT, practical_due TEXT, "
    "held TEXT, status TEXT, working_days_late INTEGER, kind HIDDEN, "
    "start HIDDEN, reviews HIDDEN, as_at HIDDEN, end_date HIDDEN, "
    "policy HIDDEN)",
    7,
    6,
    4,
    FillSchedule};

sqlite3_module MakeModule() {
  sqlite3_module m;
  std::memset(&m, 0, sizeof(m));
  m.iVersion = 0;
  m.xCreate = nullptr;  // eponymous only: tsc_holidays(...) in a FROM
  m.xConnect = VConnect;
  m.xBestIndex = VBestIndex;
  m.xDisconnect = VDisconnect;
  m.xDestroy = VDisconnect;
  m.xOpen = VOpen;
  m.xClose = VClose;
  m.xFilter = VFilter;
  m.xNext = VNext;
  m.xEof = VEof;
  m.xColumn = VColumn;
  m.xRowid = VRowid;
  return m;
}

const sqlite3_module kModule = MakeModule();

// ---- Registration ----------------------------------------------------------

struct ScalarSpec {
  const char* name;
  int min_args;
  int max_args;
  void (*fn)(sqlite3_context*, int, sqlite3_value**);
};

constexpr ScalarSpec kScalars[] = {
    {"tsc_add_working_days", 2, 3, AddWorkingDaysFn},
    {"tsc_working_days_between", 2, 3, WorkingDaysBetweenFn},
    {"tsc_is_working_day", 1, 1, IsWorkingDayFn},
    {"tsc_add_months", 2, 3, AddMonthsFn},
    {"tsc_due", 2, 3, DueFn<DueWhat::kLegal>},
    {"tsc_practical_due", 2, 3, DueFn<DueWhat::kPractical>},
    {"tsc_explain", 2, 3, DueFn<DueWhat::kExplain>},
    {"tsc_on_time", 3, 4, DueFn<DueWhat::kOnTime>},
    {"tsc_lateness", 3, 4, DueFn<DueWhat::kLateness>},
};

int Register(sqlite3* db, char** error) {
  absl::StatusOr<Timescales> ts = Timescales::Default();
  if (!ts.ok()) {
    const std::string message = absl::StrCat(
        "timescales: cannot build the engine: ", ts.status().message());
    *error = sqlite3_mprintf("%s", message.c_str());
    return SQLITE_ERROR;
  }
  auto* engine = new Engine(*std::move(ts));
  engine->Ref();  // held by this function until registration ends
#ifdef SQLITE_INNOCUOUS
  constexpr int kFlags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
#else
  constexpr int kFlags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
#endif
  int rc = SQLITE_OK;
  for (const ScalarSpec& s : kScalars) {
    for (int n = s.min_args; n <= s.max_args && rc == SQLITE_OK; ++n) {
      engine->Ref();  // sqlite3_create_function_v2 calls Unref even on error
      rc = sqlite3_create_function_v2(db, s.name, n, kFlags, engine, s.fn,
                                      nullptr, nullptr, Engine::Unref);
    }
  }
  for (const TableFunction* f : {&kHolidays, &kRules, &kSchedule}) {
    if (rc != SQLITE_OK) break;
    engine->Ref();
    auto* data = new ModuleData{f, engine};
    rc = sqlite3_create_module_v2(db, f->name, &kModule, data,
                                  ModuleData::Destroy);
  }
  Engine::Unref(engine);
  if (rc != SQLITE_OK) {
    *error = sqlite3_mprintf("timescales: cannot register the functions: %s",
                             sqlite3_errmsg(db));
  }
  return rc;
}

}  // namespace

extern "C" {

// The entry point. `.load libtimescales_sqlite` in the shell and
// `load_extension()` derive the name sqlite3_timescalessqlite_init from the
// file name; both names are exported.
__attribute__((visibility("default"))) int sqlite3_timescales_init(
    sqlite3* db, char** error, const sqlite3_api_routines* api) {
  SQLITE_EXTENSION_INIT2(api);
  try {
    return Register(db, error);
  } catch (const std::bad_alloc&) {
    return SQLITE_NOMEM;
  } catch (...) {
    *error = sqlite3_mprintf("timescales: cannot build the engine");
    return SQLITE_ERROR;
  }
}

__attribute__((visibility("default"))) int sqlite3_timescalessqlite_init(
    sqlite3* db, char** error, const sqlite3_api_routines* api) {
  return sqlite3_timescales_init(db, error, api);
}

}  // extern "C"
