"""diff-match-patch on two files, for akaji's peer benchmark (benches/peers.rs).

Prints one hunk a line, `old_start old_end new_start new_end`, in code points (as akaji's JSON
counts chars). No timeout (its default of 1 s silently returns a coarse diff), then the
semantic clean-up that its users run.
"""
import sys

import diff_match_patch

old = open(sys.argv[1], encoding="utf-8", newline="").read()
new = open(sys.argv[2], encoding="utf-8", newline="").read()
dmp = diff_match_patch.diff_match_patch()
dmp.Diff_Timeout = 0
diffs = dmp.diff_main(old, new)
dmp.diff_cleanupSemantic(diffs)
o = n = 0
hunk = None
out = []
for op, text in diffs:
    if op == 0:
        if hunk:
            out.append(hunk)
            hunk = None
        o += len(text)
        n += len(text)
        continue
    if hunk is None:
        hunk = [o, o, n, n]
    if op < 0:
        o += len(text)
        hunk[1] = o
    else:
        n += len(text)
        hunk[3] = n
if hunk:
    out.append(hunk)
sys.stdout.write("".join("%d %d %d %d\n" % tuple(h) for h in out))
