#!/usr/bin/env python3
"""Writes the seeds larger than the CSV reader's 64 KB piece (kPiece in
src/import/csv_reader.cc), so the fuzzers and the corpus replays cross the
boundary between two calls to libcsv: a quoted field with a line break
open across it, a CRLF split by it, a malformed quote just past it. The
files are committed; rerun this only to change them:

    tests/fuzz/make_large_seeds.py
"""

import os

PIECE = 1 << 16
HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")


def pad_rows(header, row, until, newline):
    """header, then copies of row (a function of i) until `until` bytes."""
    out = header + newline
    i = 0
    while True:
        line = row(i) + newline
        if len(out) + len(line) > until:
            return out, i
        out += line
        i += 1


def filler(out, row, newline, until):
    i = 1000000
    while len(out) < until:
        out += row(i) + newline
        i += 1
    return out


def write(target, name, text):
    path = os.path.join(HERE, target, name)
    with open(path, "w", newline="") as f:
        f.write(text)
    print(f"{path}: {len(text.encode())} bytes")


def episodes():
    header = ("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,"
              "REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN")
    row = lambda i: (f"{100000 + i},01/04/2019,S,C2,N1,U1,PR1,10/03/2020,X1,"
                     ",,,")
    # A quoted PLACE_PROVIDER with a line break, opened before the piece
    # boundary and closed after it.
    out, _ = pad_rows(header, row, PIECE - 40, "\n")
    out += '200000,01/04/2019,S,C2,N1,U1,"PR1 across the'
    out += " " * (PIECE + 5 - len(out)) + 'boundary\nstill quoted ""here""",'
    out += "10/03/2020,X1,,,,\n"
    out += "200001,02/04/2019,P,C2,N1,U1,PR1,,,,,,\n"
    write("ssda903_csv", "large_episodes_quote_across_64k.csv",
          filler(out, row, "\n", PIECE + 6000))


def reviews():
    header = "CHILD,DOB,REVIEW,REVIEW_CODE"
    row = lambda i: f"{300000 + i},01/02/2010,10/01/2020,PN1"
    # CRLF line ends, one of them split by the boundary (CR the last byte
    # of the first piece); then a stray quote just past it, then good rows.
    out, _ = pad_rows(header, row, PIECE - 30, "\r\n")
    line = "399999,01/02/2010,10/07/2020,PN2"
    out += line + " " * (PIECE - 1 - len(out) - len(line)) + "\r\n"
    assert out[PIECE - 1] == "\r" and out[PIECE] == "\n"
    out += '399998,01/02/2010,11/07/2020,PN"3"x\r\n'
    write("ssda903_csv", "large_reviews_crlf_split_stray_quote_64k.csv",
          filler(out, row, "\r\n", PIECE + 5000))


def meetings():
    header = ("child_id,meeting_type,held_at,sw_report_received_at,"
              "decisions_sent_at,record_distributed_at,chair_id,qa_alerts")
    row = lambda i: (f"M{i},lac_review,2019-06-03T10:30,2019-06-01T09:00,"
                     "2019-06-07,2019-06-20,IRO1,0")
    out, _ = pad_rows(header, row, PIECE - 50, "\n")
    out += 'M900000,icpc,2019-07-01 14:00,,,,"IRO across'
    out += "\n" * (PIECE + 3 - len(out)) + 'the boundary",1\n'
    write("meetings_csv", "large_meetings_quote_across_64k.csv",
          filler(out, row, "\n", PIECE + 4000))


if __name__ == "__main__":
    episodes()
    reviews()
    meetings()
