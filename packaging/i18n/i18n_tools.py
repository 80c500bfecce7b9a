"""Extracting the GUI's strings into Qt .ts files and merging them with the translations already made.

`pyside6-lupdate` finds ``self.tr(...)`` and ``QCoreApplication.translate("Context", "text")``.
Modules also use one-line helpers such as ``def _t(text): return QCoreApplication.translate("Help",
text)``; lupdate cannot see through them (it skips ``_t("…")`` and files a module-level ``tr("…")``
under the wrong context), so an AST pass finds those helpers, their calls with a literal text, and
fixes the extraction. Used by update_translations.py and by tests/ui/test_translations.py.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

TOP = Path(__file__).resolve().parents[2]
UI_SOURCES = TOP / "src" / "msp_console" / "ui"
TRANSLATIONS = TOP / "resources" / "translations"
LANGUAGES = ("it",)
PLACEHOLDER = re.compile(r"%(?:L?\d+|n|[sd]|\([a-z_]+\)[sd])|\{[A-Za-z_][A-Za-z_0-9]*\}")


@dataclass
class Message:
    context: str
    source: str
    comment: str = ""
    numerus: bool = False
    locations: list[tuple[str, int]] = field(default_factory=list)
    translation: str = ""
    forms: list[str] = field(default_factory=list)  # numerus forms
    finished: bool = False
    span: tuple[int, int] = (0, 0)  # lines of a wrapper call (lupdate may report any of them)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)

    def where(self) -> str:
        return ", ".join(f"{f}:{line}" for f, line in self.locations[:3])


def ui_files(root: Path = UI_SOURCES) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def _lupdate() -> str:
    exe = Path(sys.executable).with_name("pyside6-lupdate")
    return str(exe) if exe.exists() else "pyside6-lupdate"


# -- wrappers: def NAME(text, ...): return QCoreApplication.translate("CTX", text) ----------------
def _wrapper_context(fn: ast.FunctionDef) -> str | None:
    body = [s for s in fn.body if not (isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant))]
    if len(body) != 1 or not isinstance(body[0], ast.Return) or not fn.args.args:
        return None
    call = body[0].value
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)):
        return None
    if call.func.attr != "translate" or len(call.args) < 2:
        return None
    ctx, text = call.args[0], call.args[1]
    first = fn.args.args[0].arg
    if isinstance(ctx, ast.Constant) and isinstance(ctx.value, str) and isinstance(text, ast.Name):
        return ctx.value if text.id == first else None
    return None


def _module_name(path: Path) -> str:
    rel = path.resolve().relative_to(TOP / "src").with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def find_wrappers(files: list[Path]) -> dict[tuple[str, str], str]:
    """(module, function) → context, for every module-level translate helper."""
    found: dict[tuple[str, str], str] = {}
    for path in files:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                ctx = _wrapper_context(node)
                if ctx is not None:
                    found[(_module_name(path), node.name)] = ctx
    return found


def wrapper_calls(files: list[Path], base: Path) -> list[Message]:
    wrappers = find_wrappers(files)
    out: list[Message] = []
    for path in files:
        module = _module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {name: ctx for (mod, name), ctx in wrappers.items() if mod == module}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    ctx = wrappers.get((node.module, alias.name))
                    if ctx is not None:
                        names[alias.asname or alias.name] = ctx
        rel = _rel(path, base)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in names
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                msg = Message(names[node.func.id], node.args[0].value, locations=[(rel, node.lineno)])
                msg.span = (node.lineno, node.end_lineno or node.lineno)
                out.append(msg)
    return out


def runtime_contexts(files: list[Path]) -> set[str]:
    """Contexts Qt looks up: class names (``self.tr``) and literal ``translate("Context", …)`` ones."""
    names = {"QObject"}
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                names.add(node.name)
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "translate"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                names.add(node.args[0].value)
    return names


def _rel(path: Path, base: Path) -> str:
    return Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()


# -- reading and writing .ts ------------------------------------------------------------------------
def read_ts(path: Path) -> list[Message]:
    if not path.is_file():
        return []
    root = ET.parse(path).getroot()
    out: list[Message] = []
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            tr = m.find("translation")
            kind = tr.get("type", "") if tr is not None else "unfinished"
            forms = [f.text or "" for f in tr.iter("numerusform")] if tr is not None else []
            text = (tr.text or "") if tr is not None else ""
            msg = Message(
                context=name,
                source=m.findtext("source") or "",
                comment=m.findtext("comment") or "",
                numerus=m.get("numerus") == "yes",
                locations=[
                    (loc.get("filename", ""), int(loc.get("line", "0") or 0)) for loc in m.iter("location")
                ],
                translation=text.strip() if forms else text,
                forms=forms,
            )
            msg.finished = kind not in ("unfinished", "vanished", "obsolete") and (
                all(forms) if msg.numerus else bool(text)
            )
            out.append(msg)
    return out


def write_ts(path: Path, messages: list[Message], language: str) -> None:
    root = ET.Element("TS", {"version": "2.1", "language": f"{language}_IT" if language == "it" else language,
                             "sourcelanguage": "en"})  # fmt: skip
    by_context: dict[str, list[Message]] = {}
    for m in messages:
        by_context.setdefault(m.context, []).append(m)
    for name in sorted(by_context):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = name
        for m in by_context[name]:
            el = ET.SubElement(ctx, "message", {"numerus": "yes"} if m.numerus else {})
            for filename, line in m.locations:
                ET.SubElement(el, "location", {"filename": filename, "line": str(line)})
            ET.SubElement(el, "source").text = m.source
            if m.comment:
                ET.SubElement(el, "comment").text = m.comment
            tr = ET.SubElement(el, "translation", {} if m.finished else {"type": "unfinished"})
            if m.numerus:
                forms = m.forms or ["", ""]
                for form in forms:
                    ET.SubElement(tr, "numerusform").text = form
            else:
                tr.text = m.translation
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


# -- extraction -------------------------------------------------------------------------------------
def extract(files: list[Path] | None = None, base: Path = TRANSLATIONS) -> list[Message]:
    """Every translatable string of the given sources (default: all of msp_console.ui), merged
    by (context, source, comment), with locations relative to ``base``."""
    files = files if files is not None else ui_files()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "extract.ts"
        listing = Path(tmp) / "files.lst"
        listing.write_text("\n".join(str(f) for f in files) + "\n", encoding="utf-8")
        subprocess.run(
            [_lupdate(), "-silent", "-locations", "absolute", "-no-obsolete", f"@{listing}", "-ts", str(out)],
            check=True,
            capture_output=True,
        )
        found = read_ts(out)
        for m in found:  # lupdate names each file relative to the .ts it writes, not to the cwd
            m.locations = [(str((out.parent / f).resolve()), line) for f, line in m.locations]
    wrapped = wrapper_calls(files, base)
    wrapped_at = {
        (m.locations[0][0], line, m.source) for m in wrapped for line in range(m.span[0], m.span[1] + 1)
    }
    known = runtime_contexts(files)
    merged: dict[tuple[str, str, str], Message] = {}
    for m in found:
        locs = [(_rel(Path(f), base), line) for f, line in m.locations]
        locs = [(f, line) for f, line in locs if (f, line, m.source) not in wrapped_at]
        if not locs and m.locations:
            continue  # a wrapper call lupdate filed under the wrong context
        if m.context not in known:
            # `other.tr("…")`: lupdate files it under the variable's name, Qt looks it up under the
            # object's classes, ending with QObject — so QObject is where it is found at run time.
            m.context = "QObject"
        m.locations = locs
        m.translation, m.forms, m.finished = "", [], False
        if m.key in merged:
            merged[m.key].locations += locs
        else:
            merged[m.key] = m
    for m in wrapped:
        if m.key in merged:
            merged[m.key].locations += m.locations
        else:
            merged[m.key] = m
    return list(merged.values())


def merge(messages: list[Message], old: list[Message]) -> list[Message]:
    """The extracted strings, each with the translation it had before (if any)."""
    known = {m.key: m for m in old}
    for m in messages:
        prev = known.get(m.key)
        if prev is not None:
            m.translation, m.forms, m.finished = prev.translation, list(prev.forms), prev.finished
            if m.numerus and not m.forms:
                m.forms = ["", ""]
                m.finished = False
    return messages


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"msp_console_{language}.ts"


def untranslated(messages: list[Message]) -> list[Message]:
    return [m for m in messages if not m.finished]


def placeholders(text: str) -> list[str]:
    """Qt's %1 / %n and {name} in any order; Python's positional %s / %d in their order."""
    found = PLACEHOLDER.findall(text.replace("%L", "%"))
    positional = [p for p in found if p in ("%s", "%d")]
    return sorted(p for p in found if p not in ("%s", "%d")) + positional
