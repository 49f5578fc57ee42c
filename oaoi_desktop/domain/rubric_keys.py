"""Key paths of a rubric file (``stages[0].criteria[2].weight``) and the lines they are defined on.

Pure Python: no Qt, no database, no I/O.
"""

from __future__ import annotations

import json
import re

KeyPath = tuple[str | int, ...]

_BARE_KEY_RE = re.compile(r"[A-Za-z0-9_-]+")


def format_key_path(path: KeyPath) -> str:
    """``("stages", 0, "weight")`` → ``"stages[0].weight"``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            seg = part if _BARE_KEY_RE.fullmatch(part) else json.dumps(part, ensure_ascii=False)
            out += f".{seg}" if out else seg
    return out


def _parse_key(text: str, i: int) -> tuple[list[str], int]:
    """Parse a (dotted) TOML key starting at ``text[i]``; return parts and end."""
    parts: list[str] = []
    n = len(text)
    while True:
        while i < n and text[i] in " \t":
            i += 1
        if i < n and text[i] == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            raw = text[i : j + 1]
            try:
                parts.append(json.loads(raw))
            except ValueError:
                parts.append(raw[1:-1])
            i = j + 1
        elif i < n and text[i] == "'":
            j = text.index("'", i + 1)
            parts.append(text[i + 1 : j])
            i = j + 1
        else:
            m = _BARE_KEY_RE.match(text, i)
            if not m:
                raise ValueError("bad key")
            parts.append(m.group(0))
            i = m.end()
        while i < n and text[i] in " \t":
            i += 1
        if i < n and text[i] == ".":
            i += 1
            continue
        return parts, i


def _skip_value(text: str, i: int, line: int) -> tuple[int, int]:
    """Skip a value (which may span lines); stop after its line's newline."""
    n = len(text)
    depth = 0
    while i < n:
        c = text[i]
        if c == "\n":
            line += 1
            i += 1
            if depth <= 0:
                return i, line
        elif c == "#":
            while i < n and text[i] != "\n":
                i += 1
        elif text.startswith('"""', i) or text.startswith("'''", i):
            quote = text[i : i + 3]
            j = i + 3
            while j < n and not text.startswith(quote, j):
                if text[j] == "\n":
                    line += 1
                j += 2 if quote == '"""' and text[j] == "\\" and text[j + 1 : j + 2] != "\n" else 1
            j += 3
            while j < n and text[j] == quote[0]:  # up to two quotes before the closer
                j += 1
            i = j
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            i = j + 1
        elif c == "'":
            i = text.index("'", i + 1) + 1
        elif c in "[{":
            depth += 1
            i += 1
        elif c in "]}":
            depth -= 1
            i += 1
        else:
            i += 1
    return i, line


def key_lines(text: str) -> dict[KeyPath, int]:
    """Map key paths of a *valid* TOML text to the line where each is defined.

    Best effort for error messages: table headers, ``[[array]]`` elements
    (counted the way TOML counts them) and ``key = value`` lines, including
    dotted keys.  Elements of inline arrays are not mapped.  Never raises.
    """
    lines: dict[KeyPath, int] = {}
    counts: dict[KeyPath, int] = {}
    current: KeyPath = ()
    i, n, line = 0, len(text), 1
    try:
        while i < n:
            c = text[i]
            if c in " \t\r\ufeff":
                i += 1
            elif c == "\n":
                line += 1
                i += 1
            elif c == "#":
                while i < n and text[i] != "\n":
                    i += 1
            elif c == "[":
                double = text.startswith("[[", i)
                keys, i = _parse_key(text, i + (2 if double else 1))
                i += 2 if double else 1
                resolved: KeyPath = ()
                for pos, key in enumerate(keys):
                    resolved += (key,)
                    if resolved in counts and pos < len(keys) - 1:
                        resolved += (counts[resolved] - 1,)
                if double:
                    index = counts.get(resolved, 0)
                    counts[resolved] = index + 1
                    lines.setdefault(resolved, line)
                    resolved += (index,)
                current = resolved
                lines.setdefault(current, line)
            else:
                keys, i = _parse_key(text, i)
                i += 1  # the "="
                for k in range(1, len(keys) + 1):
                    lines.setdefault(current + tuple(keys[:k]), line)
                i, line = _skip_value(text, i, line)
    except (ValueError, IndexError):
        pass
    return lines


def line_for(lines: dict[KeyPath, int], path: KeyPath) -> int | None:
    """The line of ``path`` or of its nearest ancestor that has one."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return None
