"""Properties of every re-planning proposal, for many made-up days (hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitate.model.plan import Actual, accept, replan

from plan_helpers import item, minutes, programme

block = st.tuples(st.integers(5, 120), st.booleans(), st.floats(0.1, 1.0))


@settings(max_examples=150, deadline=None)
@given(blocks=st.lists(block, min_size=1, max_size=6), late=st.integers(1, 240))
def test_proposals_shorten_only_flexible_blocks_proportionally_never_below_minimum(
    blocks: list[tuple[int, bool, float]], late: int
) -> None:
    written = [item(10, "Intro", id="intro")]
    room = 0
    for i, (length, flexible, share) in enumerate(blocks):
        fields: dict = {"id": f"b{i}", "flexible": flexible}
        if flexible:
            fields["min_minutes"] = max(1, round(length * share))
            room += length - fields["min_minutes"]
        written.append(item(length, f"B{i}", **fields))
    anchor_at = 9 * 60 + 10 + sum(length for length, _, _ in blocks)
    written.append(
        item(30, "Anchored", id="anchored", at=f"{anchor_at // 60:02d}:{anchor_at % 60:02d}")
    )
    day = programme(*written, start="09:00")
    intro_end = minutes(9 * 60 + 10 + late)
    actuals = [Actual("intro", minutes(9 * 60), intro_end)]

    result = replan(day, actuals, intro_end)

    assert result.projection.next_anchor.slack == -minutes(late)
    if room == 0:
        assert result.proposal is None
        return
    proposal = result.proposal
    assert proposal is not None
    assert proposal.saved == minutes(min(late, room))
    for cut in proposal.cuts:
        planned = day.block(cut.key)
        assert planned.flexible and planned.anchor is None
        assert planned.min_seconds <= cut.after < cut.before == planned.seconds
    saved = {cut.key: cut.saved for cut in proposal.cuts}
    flexible = [b for b in day.blocks if b.flexible]
    share = {b.key: saved.get(b.key, 0.0) / b.seconds for b in flexible}
    free = [b for b in flexible if b.seconds - saved.get(b.key, 0.0) > b.min_seconds]
    for a in free:  # blocks not at their minimum gave the same share, to the minute
        for b in free:
            assert (
                abs(share[a.key] - share[b.key]) <= minutes(1) / a.seconds + minutes(1) / b.seconds
            )
    after = replan(day, actuals, intro_end, accept({}, proposal)).projection
    anchored = next(b for b in after.blocks if b.key == "anchored")
    assert anchored.block.anchor == minutes(anchor_at)
    assert anchored.start == minutes(anchor_at) + minutes(max(0, late - room))
