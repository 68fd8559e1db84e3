"""The one rating scale: four anchored levels and "no evidence", each with a one-line description."""

from __future__ import annotations

from mockint.core.ratings import LEVELS, SCALE, Rating


def test_the_four_levels_run_from_poor_to_excellent_and_no_evidence_has_no_points() -> None:
    assert [level.value for level in LEVELS] == ["poor", "mixed", "good", "excellent"]
    assert [level.points for level in LEVELS] == [1, 2, 3, 4]
    assert Rating.NO_EVIDENCE.points is None
    assert set(SCALE) == set(Rating)


def test_every_rating_has_a_label_and_a_one_line_description() -> None:
    for rating in Rating:
        assert rating.label and rating.label[0].isupper()
        assert rating.description and "\n" not in rating.description
    assert len({rating.description for rating in Rating}) == len(Rating)
