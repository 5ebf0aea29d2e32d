"""The search index keeps its texts in joined blocks: every item comes back as it went in."""

from __future__ import annotations

from trygghetspris_desktop.core.search import TEXT_BLOCK, SearchIndex, SearchItem


def _items(count: int) -> list[SearchItem]:
    return [
        SearchItem(
            2000 + number % 7,
            "Nominering" if number % 3 else "Jury",
            f"Påhittad {number}",
            f"Påhittad {number} grannsamverkan nr-{number} ✓" if number % 3 else f"Jury {number}",
            number if number % 3 else None,
        )
        for number in range(count)
    ]


def test_items_across_block_boundaries_come_back_whole() -> None:
    items = _items(2 * TEXT_BLOCK + 5)
    index = SearchIndex(items)
    assert len(index) == len(items)
    edges = (0, 1, TEXT_BLOCK - 1, TEXT_BLOCK, TEXT_BLOCK + 1, 2 * TEXT_BLOCK, len(items) - 1)
    for number in edges:
        assert index.item(number) == items[number]
    hits, total = index.search(f"nr-{TEXT_BLOCK + 1}")  # punctuation: checked in the texts
    assert total == 1 and hits[0].item == items[TEXT_BLOCK + 1]
    hits, total = index.search("grannsamverkan")
    assert total == sum(1 for item in items if "grannsamverkan" in item.text)
    assert [hit.item for hit in hits] == [i for i in items if "grannsamverkan" in i.text][:200]


def test_an_empty_index() -> None:
    index = SearchIndex([])
    assert len(index) == 0
    assert index.search("trygghet") == ([], 0)


def test_hits_are_made_when_asked_for_and_equal_the_items_found() -> None:
    items = _items(3 * TEXT_BLOCK)
    index = SearchIndex(items)
    made: list[int] = []
    original = index.hit

    def counting(number: int, word: str):  # type: ignore[no-untyped-def]
        made.append(number)
        return original(number, word)

    index.hit = counting  # type: ignore[method-assign]
    hits, total = index.search("grannsamverkan", 500)
    expected = [i for i in items if "grannsamverkan" in i.text]
    assert total == len(expected) and len(hits) == 500
    assert made == []  # nothing made until a row is shown
    first, last = hits[0], hits[-1]
    assert (first.item, last.item) == (expected[0], expected[499])
    assert "grannsamverkan" in first.snippet
    assert hits[0] is first and len(made) == 2  # made once, kept
    assert [hit.item for hit in hits[1:4]] == expected[1:4]
    assert [hit.item for hit in hits] == expected[:500]
    assert len(made) == 500
    try:
        hits[500]
    except IndexError:
        pass
    else:
        raise AssertionError("a hit past the end")
    assert hits == list(hits) and hits != []
