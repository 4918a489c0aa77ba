"""What a plan module declares: its decisions and edits, the changes no decision records, the
finals of the verify set and the final and table of the reconcile set.

An `Edit` is the true change a decision promises (old/after/before and new), how its ledger
entry is written (scope keys, or as a todo, or with a mistake that leaves it unanchored), and
the texts a final may hold at its place when the change was "made differently". Places are not
written by hand: `at` (a unique stretch of the draft containing the quote) or `pick` (which
occurrences, in reading order) says which occurrences are meant, and the generator computes
their pages and lines, writes them into the ledger and the answers, and checks that the
ledger's scope picks exactly those occurrences.
"""

import re


class Edit:
    def __init__(
        self,
        old=None,
        new=None,
        after=None,
        before=None,
        scope=(),
        prefix=None,
        suffix=None,
        count=None,
        at=None,
        pick=None,
        todo=None,
        todo_new=False,
        unanchored=None,
        alts=None,
        shapes=(),
        fix=None,
    ):
        self.old, self.new, self.after, self.before = old, new, after, before
        self.scope = scope  # of "page", "pages", "line", "line-neg"
        self.prefix, self.suffix, self.count = prefix, suffix, count
        self.at, self.pick = at, pick
        self.todo, self.todo_new = todo, todo_new
        self.unanchored = unanchored  # ("page", delta) | ("prefix", text) | ("count", n)
        self.alts = alts or {}  # name -> what the final holds in place of the quote (and insertion)
        self.shapes = list(shapes)  # extra tags for the truth (kana_kanji, url, unification, ...)
        self.fix = fix  # for the reconcile truth: the entry the answer really states, when the ledger's is wrong
        self.ledger = None  # the ledger entry as written (a dict), set by the builder
        self.places = []  # [(start, end)] in the draft's content, set by the builder
        self.key = None

    @property
    def kind(self):
        if self.old is not None:
            return "replace" if self.new else "delete"
        return "insert_after" if self.after is not None else "insert_before"

    @property
    def quote(self):
        return next(q for q in (self.old, self.after, self.before) if q is not None)

    @classmethod
    def from_ledger(cls, entry, alts=None, shapes=()):
        """An edit read from a ledger written by hand (the sample's)."""
        scope = tuple(k for k in ("page", "pages", "line") if k in entry)
        e = cls(
            old=entry.get("old"),
            new=entry.get("new"),
            after=entry.get("after"),
            before=entry.get("before"),
            scope=scope,
            prefix=entry.get("prefix"),
            suffix=entry.get("suffix"),
            count=entry.get("count"),
            alts=alts,
            shapes=shapes,
        )
        e.ledger = dict(entry)
        return e


class Decision:
    """A decision of the ledger, and its row in the comment table.

    answer: how the published answer states the change ("both": old and new quoted, "new": only
    the new wording, "none": no text, e.g. 「P9に追記をいたします」). request and response may hold
    {p1} {l1} {lb1} {up1} {pp1} (page, line, line from the bottom, lines above the last line,
    「P4、P10」 of the decision's edit 1) and {p:TEXT} {l:TEXT} (page, line of TEXT in the draft).
    """

    def __init__(self, id, by, at, request, response, edits, answer="both", mark=None, note=""):
        self.id, self.by, self.at = id, by, at
        self.request, self.response = request, response
        self.edits = edits
        self.answer = answer
        self.mark = mark  # 修正の有無 cell, when the table has that column
        self.note = note  # for the reconcile truth
        for i, e in enumerate(edits, 1):
            e.key = f"{id}.{i}"


class Row:
    """A row of the comment table whose answer promises nothing."""

    def __init__(self, id, by, at, request, response, mark=None):
        self.id, self.by, self.at = id, by, at
        self.request, self.response = request, response
        self.mark = mark


class Change:
    """A change of the draft that no decision records: in the unique stretch `at` of the draft,
    `old` (once inside `at`) becomes `new`. `near` names the edit whose lock context it
    breaks (a change meant to make that edit unclear without the draft)."""

    def __init__(self, at, old, new, near=None, note=""):
        self.at, self.old, self.new, self.near, self.note = at, old, new, near, note


class Final:
    """One final of the verify set. out maps an edit key ("12.1") to its outcome: "a" (made as
    promised), "m" (not made), the name of one of the edit's alts (made differently), or a list
    of those, one per place. Edits not named get `default`."""

    def __init__(self, name, width, lines, out=None, default="a", changes=(), radical_seed=None, note=""):
        self.name, self.width, self.lines = name, width, lines
        self.out = out or {}
        self.default = default
        self.changes = list(changes)
        self.radical_seed = radical_seed
        self.note = note


class Reconcile:
    """The reconcile set's case for a plan: the final keeps every promise but those of
    `not_kept` (decision ids) and holds the `changes` no answer records."""

    def __init__(self, width, lines, not_kept, changes, rows, title, header, mark_column=False, radical_seed=None):
        self.width, self.lines = width, lines
        self.not_kept = not_kept
        self.changes = changes
        self.rows = rows
        self.title = title
        self.header = header
        self.mark_column = mark_column
        self.radical_seed = radical_seed


class Plan:
    def __init__(self, name, title, layout, decisions, changes, finals, reconcile=None,
                 source=None, match_width=False, about="", sample=None):
        self.name, self.title = name, title
        self.layout = layout
        self.decisions = decisions
        self.changes = changes  # name -> Change
        self.finals = finals
        self.reconcile = reconcile
        self.source = source
        self.match_width = match_width
        self.about = about
        self.sample = sample  # for the sample plan: its draft and ledger paths

    def edits(self):
        return [e for d in self.decisions for e in d.edits]


TEMPLATE = re.compile(r"\{(p|l|lb|up|pp)(\d+)\}|\{(p|l):([^}]+)\}")
