"""The demo modules' text: five modules, 2-4 lessons each, every block type, three languages."""

from home.demo.course_content import MODULES
from home.demo.courses import Collector, _body

BLOCK_TYPES = {
    "heading",
    "text",
    "image",
    "video",
    "callout",
    "encounter_scenario",
    "plain_language_rewrite",
    "phrase_card",
    "document",
    "key_takeaways",
}


def test_five_modules_with_two_to_four_lessons():
    assert len(MODULES) == 5
    for module in MODULES:
        assert 2 <= len(module["lessons"]) <= 4


def test_every_module_uses_every_block_type_with_all_three_languages():
    for module in MODULES:
        used = set()
        for lesson in module["lessons"]:
            collector = Collector()
            body = _body(lesson["body"], collector, {"image": None, "document": None})
            used |= {kind for kind, _value in body}
            for triple in collector.triples:
                assert len(triple) == 3
                fi, sv, en = triple
                if fi:
                    assert sv and en, triple
        assert used == BLOCK_TYPES, module["key"]
