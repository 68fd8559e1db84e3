"""A scan of the UI's source for text that reaches the screen without going through `plain`.

Every text a widget, a title, a notification or a piece of Content shows must
be written in the code (a string literal, an f-string of literals, or an
UPPER_CASE constant) or pass through `mockint.ui.widgets.plain.plain` (for a
screen's title and sub-title, which Textual keeps as a plain string,
`mockint.core.safetext.printable`). Anything else could be pack text, a file name
or typed text: markup in it would be parsed (a stray `[/]` crashes the screen,
`[@click=...]` runs an action) and control characters would reach the
terminal. The few exceptions are listed in ALLOWED, each with its reason.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "mockint" / "ui"
UI_FILES = sorted(
    path
    for path in [PACKAGE / "app.py", *(PACKAGE / "screens").glob("*.py"), *(PACKAGE / "widgets").glob("*.py")]
    # The helper itself: printable first, then Content, which parses no markup.
    if path.name != "plain.py"
)

TEXT_CLASSES = {
    "Static", "Label", "Button", "Option", "Selection", "RadioButton", "Checkbox", "Toast",
    "Content", "Text", "Header", "Footer", "Tooltip",
}
"""Classes whose first argument (or `label=`, `prompt=`, `renderable=`, `content=`) is shown as text.

Subclasses defined in the UI modules are found and added by the scan."""
TEXT_KEYWORDS = {"label", "prompt", "renderable", "content", "text", "message", "title", "question"}
TEXT_METHODS = {"update", "styled", "notify"}
"""`widget.update(text)`, `Content.styled(text, style)`, `notify(message, title=...)`."""
MARKUP_PARSERS = {"from_markup"}
"""Content.from_markup and Text.from_markup: only ever a literal."""
TEXT_ATTRIBUTES = {"border_title", "border_subtitle", "title", "sub_title", "tooltip"}
STRING_TITLES = {"title", "sub_title"}
"""Textual keeps these as str (shown without markup): `printable(...)` is the way for them."""

SHOWN_THROUGH_PLAIN = {
    "WrappingTickBox": "its __init__ passes the label through plain",
    "ItemCheckbox": "keeps its checklist item as data and shows it as a WrappingTickBox",
    "AnswerExcerpt": "keeps the question as data and draws its answer with plain (reveal.answer_excerpt)",
}
"""Text classes that apply plain themselves: their callers pass the raw text."""
UNFOLLOWED_ALLOWED: dict[tuple[str, str], str] = {
    ("review.py", "hanging_bullets"): "re-assembles lines cut from items the caller made with plain",
    ("review.py", "review_content"): "joins sections, each made with plain or from literals",
    ("review.py", "evidence_content"): "joins lines, each made with plain or a literal",
    ("review.py", "own_answer"): "joins a heading made with plain and the answer made with plain or a literal",
    ("review.py", "bulleted"): "joins a heading made with plain and items its callers made with plain",
    ("reveal.py", "answer_excerpt"): "joins a heading made with plain and lines cut from the answer made with plain",
    ("toggles.py", "_lines"): "re-assembles lines cut from the label, which _make_label made with plain",
    ("toggles.py", "render"): "joins the lines _lines made",
    ("pair.py", "reveal_text"): "joins lines made with plain or a literal",
    ("pair_console.py", "kit_text"): "joins lines made with plain, _heading (plain) or the line helpers (plain)",
    ("hosting_status.py", "status_text"): "joins the lines packed made of parts made with plain",
    ("hosting_status.py", "packed"): "joins with a literal the parts its caller made with plain",
}
"""(file, function) -> why the parts it joins or assembles from variables are safe.

The scan checks parts written inline; a list built up in steps (or lines cut
from Content) is not followed, and only these functions may rely on that."""
UNFOLLOWED = "parts the scan cannot follow"


@dataclass(frozen=True)
class Finding:
    file: str
    line: int
    function: str
    what: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line} in {self.function}: {self.what}"


def is_code_text(node: ast.expr) -> bool:
    """Text written in the code: a literal, an f-string of literals, a constant, or a join of those."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.JoinedStr):
        return all(isinstance(part, ast.Constant) for part in node.values)
    if isinstance(node, ast.Name):
        return node.id.isupper()
    if isinstance(node, ast.Attribute):
        return node.attr.isupper()
    if isinstance(node, ast.Subscript):
        return is_code_text(node.value)  # LABELS[choice]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return is_code_text(node.left) and is_code_text(node.right)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
        return is_code_text(node.left)  # " " * indent
    if isinstance(node, ast.IfExp):
        return is_code_text(node.body) and is_code_text(node.orelse)
    return False


def called_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


class Scanner(ast.NodeVisitor):
    def __init__(self, file: str, classes: set[str], content_functions: set[str]) -> None:
        self.file = file
        self.classes = classes
        self.content_functions = content_functions
        self.function = "<module>"
        self.findings: list[Finding] = []

    def flag(self, node: ast.AST, what: str) -> None:
        if what.endswith(UNFOLLOWED) and (self.file, self.function) in UNFOLLOWED_ALLOWED:
            return
        self.findings.append(Finding(self.file, getattr(node, "lineno", 0), self.function, what))

    def is_safe(self, node: ast.expr, *, allow_printable: bool = False) -> bool:
        """Text written in the code, or made safe: plain(...), a UI function returning Content."""
        if is_code_text(node):
            return True
        if isinstance(node, ast.Call):
            name = called_name(node)
            if name == "plain" or (allow_printable and name == "printable"):
                return True
            if name in self.content_functions and is_own_call(node):
                return True  # built from parts this scan checks in its own body
            if name in ("stylize", "stylize_before") and isinstance(node.func, ast.Attribute):
                return self.is_safe(node.func.value)  # plain(x).stylize("bold")
            if name == "styled" and node.args:
                return self.is_safe(node.args[0])  # Content.styled(LABEL, "bold")
            if name in ("assemble", "from_markup") or (name == "join" and is_content(node.func)):
                return True  # Content built from parts visit_Call checks
        if isinstance(node, ast.IfExp):
            return self.is_safe(node.body) and self.is_safe(node.orelse)
        return False

    def check_parts(self, call: ast.Call, parts: list[ast.expr], what: str) -> None:
        """Content.assemble's or Content.join's parts: each part written inline must be safe."""
        for part in parts:
            if isinstance(part, ast.Starred):
                self.check_parts(call, [part.value], what)
            elif isinstance(part, ast.List) or (isinstance(part, ast.Tuple) and what == "join"):
                self.check_parts(call, part.elts, what)
            elif isinstance(part, (ast.ListComp, ast.GeneratorExp)):
                self.check_parts(call, [part.elt], what)
            elif isinstance(part, ast.IfExp):
                self.check_parts(call, [part.body, part.orelse], what)
            elif isinstance(part, ast.Tuple) and part.elts:  # assemble's (text, style): text is a str
                if not is_code_text(part.elts[0]):
                    self.flag(call, f"Content.{what}() part not through plain")
            elif self.is_safe(part):
                continue
            elif is_variable(part):
                self.flag(call, f"Content.{what}() of {UNFOLLOWED}")
            else:
                self.flag(call, f"Content.{what}() part not through plain")

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        outer, self.function = self.function, node.name
        self.generic_visit(node)
        self.function = outer

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_Call(self, node: ast.Call) -> None:
        name = called_name(node)
        if name in MARKUP_PARSERS:
            for argument in node.args[:1]:
                if not is_code_text(argument):
                    self.flag(node, f"{name}() of text not written in the code")
        elif name == "assemble":
            self.check_parts(node, node.args, "assemble")
        elif name == "join" and is_content(getattr(node.func, "value", None)):
            self.check_parts(node, node.args, "join")
        elif name == "notify":
            self.check_notification(node)
        elif name in SHOWN_THROUGH_PLAIN:
            pass
        elif name in self.classes or name in TEXT_METHODS:
            for argument in [*node.args[:1], *(k.value for k in node.keywords if k.arg in TEXT_KEYWORDS)]:
                if not self.is_safe(argument):
                    self.flag(node, f"{name}() of text not through plain")
        self.generic_visit(node)

    def check_notification(self, node: ast.Call) -> None:
        keywords = {k.arg: k.value for k in node.keywords}
        markup = keywords.get("markup")
        markup_off = isinstance(markup, ast.Constant) and markup.value is False
        for argument in [*node.args[:1], *(v for k, v in keywords.items() if k in ("message", "title"))]:
            if is_code_text(argument):
                continue
            printable_text = isinstance(argument, ast.Call) and called_name(argument) == "printable"
            if not (markup_off and printable_text):
                self.flag(node, "notify() of text not through printable with markup=False")

    def visit_Assign(self, node: ast.Assign) -> None:
        for target in node.targets:
            if isinstance(target, ast.Attribute) and target.attr in TEXT_ATTRIBUTES:
                if not self.is_safe(node.value, allow_printable=target.attr in STRING_TITLES):
                    self.flag(node, f"{target.attr} set to text not through plain")
        self.generic_visit(node)


def is_variable(node: ast.expr) -> bool:
    """A local variable, an item or slice of one, or a method's result on one: `lines`, `line[2:]`, `line.pad(1)`."""
    while True:
        if isinstance(node, ast.Subscript):
            node = node.value
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            node = node.func.value
        else:
            return isinstance(node, ast.Name) and not node.id.isupper()


def is_content(node: ast.expr | None) -> bool:
    """`Content(...)`, `Content.styled(...)` or an attribute of one: a receiver whose join makes Content."""
    while isinstance(node, (ast.Call, ast.Attribute)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return isinstance(node, ast.Name) and node.id == "Content"


def text_classes(trees: list[ast.Module]) -> set[str]:
    """TEXT_CLASSES and every class in the scanned modules that derives from one."""
    found = set(TEXT_CLASSES)
    classes = [node for tree in trees for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    grew = True
    while grew:
        grew = False
        for cls in classes:
            bases = {base.id if isinstance(base, ast.Name) else getattr(base, "attr", "") for base in cls.bases}
            if cls.name not in found and bases & found:
                found.add(cls.name)
                grew = True
    return found


def content_functions(trees: list[ast.Module]) -> set[str]:
    """UI functions and methods annotated `-> Content`: the scan checks how their bodies build it."""
    return {
        node.name
        for tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and isinstance(node.returns, ast.Name) and node.returns.id == "Content"
    }


def is_own_call(node: ast.Call) -> bool:
    """`name(...)` or `self.name(...)`: a function or method of the scanned code, not another object's."""
    func = node.func
    return isinstance(func, ast.Name) or (
        isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "self"
    )


def scan(files: list[Path]) -> list[Finding]:
    trees = [ast.parse(path.read_text(encoding="utf-8"), str(path)) for path in files]
    classes, functions = text_classes(trees), content_functions(trees)
    findings: list[Finding] = []
    for path, tree in zip(files, trees):
        scanner = Scanner(path.name, classes, functions)
        scanner.visit(tree)
        findings += scanner.findings
    return findings


def test_the_scan_covers_the_ui() -> None:
    names = {path.name for path in UI_FILES}
    assert {"app.py", "home.py", "setup.py", "interview.py", "export_dialog.py", "question_card.py"} <= names


def test_every_text_shown_by_the_ui_is_literal_or_through_plain() -> None:
    findings = scan(UI_FILES)
    assert not findings, "text shown without plain():\n" + "\n".join(map(str, findings))


def test_every_allowed_exception_still_exists() -> None:
    functions = {
        (path.name, node.name)
        for path in UI_FILES
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef)
    }
    assert set(UNFOLLOWED_ALLOWED) <= functions


UNSAFE_EXAMPLES = {
    "Static(pack.title)": "Static() of text not through plain",
    "Label(f'{name} pushes back')": "Label() of text not through plain",
    "widget.update(question.ask)": "update() of text not through plain",
    "self.notify(str(error))": "notify() of text not through printable with markup=False",
    "self.notify(printable(str(error)))": "notify() of text not through printable with markup=False",
    "box.border_title = f'Your answer to {interviewer}'": "border_title set to text not through plain",
    "self.sub_title = pack.title": "sub_title set to text not through plain",
    "Content.from_markup(message)": "from_markup() of text not written in the code",
    "Content.assemble((pack.title, 'bold'))": "Content.assemble() part not through plain",
    "Option(pack.title, id=pack.name)": "Option() of text not through plain",
    "Content(pack.title)": "Content() of text not through plain",
    "Selection(label, round_.id)": "Selection() of text not through plain",
    "Content('\\n').join([pack.title, 'x'])": "Content.join() part not through plain",
    "Content('\\n').join(lines)": "Content.join() of parts the scan cannot follow",
    "Content.assemble(f'{pack.title}', 'x')": "Content.assemble() part not through plain",
    "Notice(path)": "Notice() of text not through plain",
}
SAFE_EXAMPLES = [
    "Static('Press enter')",
    "Static(f'Round 1')",
    "Static(QUIT_QUESTION)",
    "Static(plain(pack.title), id='title')",
    "widget.update(plain(f'Round {number} of {count}'))",
    "self.notify(printable(str(error)), markup=False)",
    "self.notify('Saved', title='Exported')",
    "box.border_title = plain(f'Your answer to {interviewer}')",
    "self.sub_title = printable(pack.title, single_line=True)",
    "Content.assemble(plain(pack.title).stylize('bold'), '\\n', ('Rounds', 'bold'))",
    "Static(id='question-text', markup=False)",
    "Content('\\n').join([plain(a), *(plain(b) for b in bs), 'literal'])",
    "Static(pack_details(pack))",
    "RadioButton(LABELS[choice])",
]


@pytest.mark.parametrize("source", sorted(UNSAFE_EXAMPLES))
def test_the_scan_flags_unsafe_text(tmp_path: Path, source: str) -> None:
    module = tmp_path / "example.py"
    module.write_text(f"class Notice(Static):\n    pass\n\n\ndef show():\n    {source}\n", encoding="utf-8")
    assert [finding.what for finding in scan([module])] == [UNSAFE_EXAMPLES[source]]


@pytest.mark.parametrize("source", SAFE_EXAMPLES)
def test_the_scan_passes_safe_text(tmp_path: Path, source: str) -> None:
    module = tmp_path / "example.py"
    content_function = "def pack_details(pack) -> Content:\n    pass\n\n\n"
    module.write_text(f"{content_function}def show():\n    {source}\n", encoding="utf-8")
    assert scan([module]) == []
