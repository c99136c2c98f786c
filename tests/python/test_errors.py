"""The exception hierarchy, and the per-thread last error under threads that
really run at once (ctypes.CDLL releases the GIL during each call)."""

import datetime
import threading
import unittest

import timescales
from timescales import errors

D = datetime.date


class HierarchyTest(unittest.TestCase):

    def test_codes_map_to_classes(self):
        # tsc_status values from c.h.
        cases = [
            (3, errors.InvalidArgumentError, ValueError),
            (5, errors.NotFoundError, LookupError),
            (8, errors.ResourceExhaustedError, MemoryError),
            (9, errors.FailedPreconditionError, RuntimeError),
            (11, errors.OutOfRangeError, ValueError),
            (12, errors.UnimplementedError, NotImplementedError),
            (13, errors.InternalError, RuntimeError),
            (100, errors.BufferTooSmallError, errors.TimescalesError),
        ]
        for code, cls, builtin in cases:
            with self.subTest(code=code):
                e = errors.from_status(code, "boom")
                self.assertIs(type(e), cls)
                self.assertIsInstance(e, builtin)
                self.assertIsInstance(e, errors.TimescalesError)
                self.assertEqual((e.code, e.message, str(e)),
                                 (code, "boom", "boom"))

    def test_unknown_codes_are_the_base_class(self):
        for code in (1, 2, 6, 42):
            with self.subTest(code=code):
                self.assertIs(type(errors.from_status(code, "x")),
                              errors.TimescalesError)

    def test_exported_from_the_package(self):
        self.assertIs(timescales.InvalidArgumentError,
                      errors.InvalidArgumentError)
        self.assertIs(timescales.TimescalesError, errors.TimescalesError)

    def test_builtin_idioms_work(self):
        # A caller who knows nothing of timescales can still catch these.
        with self.assertRaises(ValueError):
            timescales.parse_date("31/02/2024")
        with self.assertRaises(LookupError):
            timescales.Calendar.from_govuk_json(
                '{"england-and-wales": {"division": "england-and-wales", '
                '"events": []}}', "atlantis")


class ThreadedLastErrorTest(unittest.TestCase):
    """Each thread must see the message of its own failure, even while
    other threads fail differently inside the library at the same time."""

    ROUNDS = 300

    def test_threads_see_their_own_errors(self):
        cal = timescales.Calendar.england_and_wales()
        bad_json = '{\n\n  "division": ,\n}'   # the error is on line 3

        # Each job fails its own way; `check` says whether the exception
        # (type and message) belongs to that job.
        jobs = {
            "bad day": (
                lambda: timescales.parse_date("2023-02-31"),
                lambda e: type(e) is timescales.InvalidArgumentError
                and "2023-02-31" in e.message),
            "out of range": (
                lambda: cal.add_working_days(D(1899, 12, 31), 1),
                lambda e: type(e) is timescales.OutOfRangeError),
            "bad json": (
                lambda: timescales.Calendar.from_govuk_json(bad_json),
                lambda e: type(e) is timescales.InvalidArgumentError
                and "line 3" in e.message.lower()),
            "no division": (
                lambda: timescales.Calendar.from_govuk_json(
                    '{"a": {"division": "a", "events": []}}', "zzz"),
                lambda e: type(e) is timescales.NotFoundError
                and "zzz" in e.message),
        }
        # Reference messages, one thread at a time.
        reference = {}
        for name, (call, check) in jobs.items():
            try:
                call()
            except timescales.TimescalesError as e:
                self.assertTrue(check(e), "%s: %r" % (name, e))
                reference[name] = (type(e), e.message)
            else:
                self.fail("%s did not fail" % name)
        # Distinct messages, or the test could not tell them apart.
        self.assertEqual(len({m for _, m in reference.values()}), len(jobs))

        barrier = threading.Barrier(len(jobs) * 2)
        wrong = []

        def worker(name):
            call, _ = jobs[name]
            barrier.wait()
            for _ in range(self.ROUNDS):
                try:
                    call()
                except timescales.TimescalesError as e:
                    if (type(e), e.message) != reference[name]:
                        wrong.append((name, type(e).__name__, e.message))
                        return
                else:
                    wrong.append((name, "no exception", ""))
                    return

        threads = [threading.Thread(target=worker, args=(name,))
                   for name in jobs for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        cal.close()
        self.assertEqual(wrong, [])


if __name__ == "__main__":
    unittest.main()
