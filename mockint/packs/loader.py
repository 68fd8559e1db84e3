"""Loading and validating round files and interview.yaml.

Files are composed into YAML nodes (see yamlsource) and checked here key by
key, so that every problem in a file is reported at once, each as
`FILE:LINE:COL: key.path[2].ask: message`. Nothing is constructed from YAML
tags; model objects are built only from values that passed the checks.

Pure module: no textual import.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from yaml.nodes import Node

from mockint.core.diagnostics import WARNING, Diagnostic, Report, RoundFileError
from mockint.core.durations import format_duration
from mockint.core.model import INTERVIEW_FILE, Challenge, InterviewMeta, Interviewer, Question, Round
from mockint.core.ratings import LEVELS, Rating
from mockint.core.textmatch import fold, mentions, term_key
from mockint.packs.nodecheck import Alternative, LocatedTerm, NodeChecker, check_strings, join
from mockint.packs.yamlsource import STR_TAG, read_document

__all__ = [
    "INTERVIEW_FILE",
    "Diagnostic",
    "InterviewMeta",
    "RoundFileError",
    "check_file",
    "load_interview_meta",
    "load_round",
]

ROUND_KEYS = ("title", "interviewer", "intro", "time", "questions", "checklist")
QUESTION_KEYS = (
    "id", "ask", "time", "guide", "keywords", "hint", "hint_after", "challenges", "checklist",
    "anchors", "reference", "facts",
)  # fmt: skip
CHALLENGE_KEYS = ("ask", "time", "at", "unless_mentioned", "guide")
LEVEL_NAMES = tuple(level.value for level in LEVELS)
INTERVIEWER_KEYS = ("name", "style")
INTERVIEW_KEYS = ("title", "role", "description", "checklist")

QUESTION_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")
"""Ids appear in journals and on the command line: keep them to one plain word."""


def load_round(path: Path) -> Round:
    """The round in `path` (its id is the file stem), or RoundFileError with every error."""
    round_, report = _read(path, _Checker.round)
    if report.has_errors or round_ is None:
        raise RoundFileError(report.errors_in_file_order())
    return round_


def load_interview_meta(path: Path) -> InterviewMeta:
    """The pack description in an interview.yaml, or RoundFileError with every error."""
    meta, report = _read(path, _Checker.interview)
    if report.has_errors or meta is None:
        raise RoundFileError(report.errors_in_file_order())
    return meta


def check_file(path: Path) -> list[Diagnostic]:
    """Every problem in a round file, or in an interview.yaml (told apart by name): errors and warnings."""
    build = _Checker.interview if path.name == INTERVIEW_FILE else _Checker.round
    return _read(path, build)[1].in_file_order()


Built = TypeVar("Built", Round, InterviewMeta)


def _read(path: Path, build: Callable[[_Checker, Node | None, Path], Built | None]) -> tuple[Built | None, Report]:
    """What `build` makes of the file's document, and the report of every problem in it."""
    report = Report(path)
    root = read_document(path, report)
    if report.has_errors:
        return None, report
    built = build(_Checker(report), root, path)
    if root is not None:
        check_strings(root, report)
    return built, report


ROUND_TOP = "a mapping with 'title' and 'questions' at the top level"
INTERVIEW_TOP = "a mapping with 'title', 'role', 'description' or 'checklist' at the top level"


class _Checker(NodeChecker):
    """The round-file and interview.yaml shapes, built on the generic node checks.

    Model objects are built even from partly wrong input (with placeholders);
    the public functions discard them whenever the report has errors.
    """

    def round(self, root: Node | None, path: Path) -> Round | None:
        if root is None:
            self.report.at(1, 1, "", "file is empty: a round needs at least 'title' and 'questions'")
            return None
        fields = self.mapping(root, "", ROUND_KEYS, ("title", "questions"), ROUND_TOP)
        if fields is None:
            return None
        interviewer = fields.get("interviewer")
        return Round(
            id=path.stem,
            title=self.optional_text(fields, "title", "") or "",
            questions=self.questions(fields.get("questions")),
            interviewer=self.interviewer(interviewer) if interviewer is not None else Interviewer(),
            intro=self.optional_text(fields, "intro", "") or "",
            time=self.optional_duration(fields, "time", ""),
            checklist=self.optional_texts(fields, "checklist", ""),
            source=path,
        )

    def interview(self, root: Node | None, path: Path) -> InterviewMeta | None:
        if root is None:
            self.report.at(1, 1, "", "file is empty: give at least a 'title', or remove the file")
            return None
        fields = self.mapping(root, "", INTERVIEW_KEYS, (), INTERVIEW_TOP)
        if fields is None:
            return None
        return InterviewMeta(
            title=self.optional_text(fields, "title", ""),
            role=self.optional_text(fields, "role", "") or "",
            description=self.optional_text(fields, "description", "") or "",
            checklist=self.optional_texts(fields, "checklist", ""),
            source=path,
        )

    def interviewer(self, node: Node) -> Interviewer:
        fields = self.mapping(node, "interviewer", INTERVIEWER_KEYS, ()) or {}
        return Interviewer(
            name=self.optional_text(fields, "name", "interviewer") or Interviewer().name,
            style=self.optional_text(fields, "style", "interviewer") or "",
        )

    def questions(self, node: Node | None) -> tuple[Question, ...]:
        if node is None:
            return ()
        items = self.items(node, "questions", "a list of questions")
        if items is None:
            return ()
        if not node.value:
            self.report.at_node(node, "questions", "must have at least one question")
        questions = [(index, item, self.question(item, index)) for index, item in items]
        self.check_unique_ids(questions)
        return tuple(question for _, _, question in questions if question is not None)

    def question(self, node: Node, index: int) -> Question | None:
        path = f"questions[{index}]"
        fields = self.mapping(node, path, QUESTION_KEYS, ("ask", "time"))
        if fields is None:
            return None
        time = self.optional_duration(fields, "time", path)
        ask = self.optional_text(fields, "ask", path)
        keywords = self.optional_terms(fields, "keywords", path)
        self.check_terms(keywords, ask, "an answer that repeats the question counts it as mentioned")
        anchors = fields.get("anchors")
        return Question(
            id=self.question_id(fields.get("id"), join(path, "id")) or f"q{index + 1}",
            explicit_id="id" in fields,
            id_at=(fields["id"].start_mark.line + 1, fields["id"].start_mark.column + 1) if "id" in fields else None,
            ask=ask or "",
            time=time or 0,
            guide=self.optional_texts(fields, "guide", path),
            keywords=tuple(located.term for located in keywords),
            hint=self.optional_text(fields, "hint", path),
            challenges=self.challenges(fields.get("challenges"), join(path, "challenges"), time, ask),
            checklist=self.optional_texts(fields, "checklist", path),
            anchors=self.anchors(anchors, join(path, "anchors")) if anchors is not None else {},
            reference=self.optional_text(fields, "reference", path),
            facts=self.optional_texts(fields, "facts", path, non_empty=True),
            hint_after=self.hint_after(fields, path, time),
        )

    def hint_after(self, fields: dict[str, Node], path: str, question_time: int | None) -> int | None:
        hint_after = self.optional_duration(fields, "hint_after", path)
        if hint_after is None:
            return None
        node, key_path = fields["hint_after"], join(path, "hint_after")
        if question_time is not None and hint_after > question_time:
            message = (
                f"hint_after {format_duration(hint_after)} must not be longer than the question's time "
                f"{format_duration(question_time)}"
            )
            self.report.at_node(node, key_path, message)
        if "hint" not in fields:
            self.report.at_node(node, key_path, "has no effect: the question has no 'hint'", WARNING)
        return hint_after

    def anchors(self, node: Node, path: str) -> dict[Rating, str]:
        """What an answer at each level contains: all four levels, nothing else."""
        fields = self.mapping(node, path, LEVEL_NAMES, (), "a mapping with the levels poor, mixed, good and excellent")
        if fields is None:
            return {}
        missing = [repr(level) for level in LEVEL_NAMES if level not in fields]
        all_four = f"all four levels ({', '.join(LEVEL_NAMES)})"
        if len(missing) == len(LEVEL_NAMES):
            self.report.at_node(node, path, f"must describe {all_four}")
        elif missing:
            levels = f"level {missing[0]}" if len(missing) == 1 else f"levels {', '.join(missing)}"
            self.report.at_node(node, path, f"missing {levels}: anchors describe {all_four}")
        texts = {level: self.optional_text(fields, level.value, path) for level in LEVELS}
        return {level: text for level, text in texts.items() if text is not None}

    def check_terms(self, terms: list[LocatedTerm], ask: str | None, echo_effect: str) -> None:
        """Warn of an alternative listed twice, and of one the question's own text already says."""
        first_seen: dict[tuple[str, ...], tuple[str, str]] = {}
        for located in terms:
            for alternative in located.alternatives:
                key = term_key(alternative.text)
                if key in first_seen:
                    self.warn_listed_twice(alternative, *first_seen[key])
                    continue
                first_seen[key] = (alternative.text, alternative.path)
                if ask is not None and mentions(ask, alternative.text):
                    message = f"{alternative.text!r} is in the question itself: {echo_effect}"
                    self.report.at_node(alternative.node, alternative.path, message, WARNING)

    def warn_listed_twice(self, alternative: Alternative, first: str, first_path: str) -> None:
        if fold(first) == fold(alternative.text):
            message = f"{alternative.text!r} is listed twice (first at {first_path}); list each alternative once"
        else:
            message = (
                f"{alternative.text!r} matches the same words as {first!r} (at {first_path}); "
                "list each alternative once"
            )
        self.report.at_node(alternative.node, alternative.path, message, WARNING)

    def question_id(self, node: Node | None, path: str) -> str | None:
        value = self.text(node, path) if node is not None else None
        if node is not None and value is not None and not QUESTION_ID.fullmatch(value):
            message = f"id {value!r} must be one word of letters, digits, '-', '_' or '.'"
            self.report.at_node(node, path, message)
        return value

    def check_unique_ids(self, questions: list[tuple[int, Node, Question | None]]) -> None:
        """Ids default to q1, q2... by position, so an explicit `q2` can clash with a default."""
        first_use: dict[str, str] = {}
        for index, node, question in questions:
            if question is None:
                continue
            path, qid = f"questions[{index}]", question.id
            id_node = next((value for key, value in node.value if key.value == "id"), None)
            if qid not in first_use:
                first_use[qid] = f"{path} at line {node.start_mark.line + 1}"
            elif id_node is not None:
                if id_node.tag == STR_TAG and id_node.value.strip() == qid:  # else already reported
                    message = f"duplicate question id {qid!r} (first used by {first_use[qid]})"
                    self.report.at_node(id_node, join(path, "id"), message)
            else:
                message = (
                    f"this question's default id {qid!r} is already used by {first_use[qid]}; "
                    "give it an explicit 'id'"
                )
                self.report.at_node(node, path, message)

    def challenges(
        self, node: Node | None, path: str, question_time: int | None, ask: str | None
    ) -> tuple[Challenge, ...]:
        items = self.items(node, path, "a list of challenges") if node is not None else None
        found = (self.challenge(item, f"{path}[{index}]", question_time, ask) for index, item in items or ())
        return tuple(challenge for challenge in found if challenge is not None)

    def challenge(self, node: Node, path: str, question_time: int | None, ask: str | None) -> Challenge | None:
        fields = self.mapping(node, path, CHALLENGE_KEYS, ("ask", "time"))
        if fields is None:
            return None
        at = self.optional_duration(fields, "at", path)
        if at is not None and question_time is not None and at >= question_time:
            message = (
                f"at {format_duration(at)} must be shorter than the question's time "
                f"{format_duration(question_time)}"
            )
            self.report.at_node(fields["at"], join(path, "at"), message)
        unless = self.optional_terms(fields, "unless_mentioned", path, non_empty=True)
        self.check_terms(unless, ask, "an answer that repeats the question is spared this challenge")
        return Challenge(
            ask=self.optional_text(fields, "ask", path) or "",
            time=self.optional_duration(fields, "time", path) or 0,
            at=at,
            unless_mentioned=tuple(located.term for located in unless),
            guide=self.optional_texts(fields, "guide", path, non_empty=True),
        )
