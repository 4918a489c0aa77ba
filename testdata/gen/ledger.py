"""Ledgers: writing them as TOML, and resolving their edits against a draft's content.

The resolver follows the ledger contract of shared/DESIGN.md: a quote matches the draft's
content (white space and layout out, radicals folded, widths folded when `match_width`), a
match is in scope when it starts on `page` (one of `pages`), touches `line` of that page (1 at
the top, -1 at the bottom, body lines only), and has `prefix` right before it and `suffix`
right after it; the matches in scope must number `count` (default 1, "all": at least one).
It is this generator's own reading of the contract, used to state which edits resolve (and
where) and which are unanchored; it is not akaji's code.
"""

from content import fold, width_fold


def toml_string(s):
    out = ['"']
    for c in s:
        if c == '"':
            out.append('\\"')
        elif c == "\\":
            out.append("\\\\")
        elif ord(c) < 0x20:
            out.append(f"\\u{ord(c):04x}")
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def toml_value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return toml_string(v)
    if isinstance(v, list):
        return "[" + ", ".join(toml_value(x) for x in v) + "]"
    raise TypeError(v)


def quote_of(edit):
    for key in ("old", "after", "before"):
        if key in edit:
            return key, edit[key]
    return None, None


class Resolver:
    def __init__(self, content, match_width):
        self.content = content
        self.match_width = match_width
        self.text = self.key(content.text)

    def key(self, s):
        s = fold(s)
        return width_fold(s) if self.match_width else s

    def find_all(self, quote):
        q = self.key(quote)
        out, i = [], self.text.find(q)
        while i >= 0:
            out.append((i, i + len(q)))
            i = self.text.find(q, i + 1)
        return out

    def in_scope(self, edit, s, e):
        """None when the match at [s, e) is in the edit's scope, else the rule that excludes it."""
        where = self.content.where
        page = where[s].page
        if "page" in edit and page != edit["page"]:
            return "page"
        if "pages" in edit and page not in edit["pages"]:
            return "pages"
        if "line" in edit:
            n = self.content.body_lines[edit["page"]]
            line = edit["line"] if edit["line"] > 0 else n + edit["line"] + 1
            if not any(where[k].page == edit["page"] and where[k].line == line for k in range(s, e)):
                return "line"
        if "prefix" in edit:
            p = self.key(edit["prefix"])
            if self.text[max(0, s - len(p)) : s] != p:
                return "prefix"
        if "suffix" in edit:
            p = self.key(edit["suffix"])
            if self.text[e : e + len(p)] != p:
                return "suffix"
        return None

    def resolve(self, edit):
        """(matches in scope, problem): problem is None when the edit resolves."""
        key, quote = quote_of(edit)
        if key is None:
            return [], "todo"
        found = self.find_all(quote)
        if not found:
            return [], "no match"
        kept = [(s, e) for s, e in found if self.in_scope(edit, s, e) is None]
        excluded = sorted({self.in_scope(edit, s, e) for s, e in found} - {None})
        count = edit.get("count", 1)
        if count == "all":
            ok = len(kept) >= 1
        else:
            ok = len(kept) == count
        if ok:
            return kept, None
        why = f"{len(kept)} match(es) in scope, count is {count}"
        if excluded:
            why += f"; the scope rule(s) {', '.join(excluded)} exclude {len(found) - len(kept)} other match(es)"
        return kept, why
