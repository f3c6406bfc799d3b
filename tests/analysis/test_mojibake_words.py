"""Names written in UTF-8 and read as Windows-1252 ("RenÃ©e") stay one word and speak."""

from __future__ import annotations

from reader.analysis import analyze
from reader.analysis.text_units import tokens


def _words(text: str) -> list[str]:
    return [t.text for t in tokens(text, 0, len(text)) if t.is_word]


def test_a_mojibake_letter_does_not_cut_the_word() -> None:
    text = "Yesterday MarÃ­a and ZoÃ« met BenoÃ®t, then JosÃÂ©."
    assert _words(text) == ["Yesterday", "MarÃ­a", "and", "ZoÃ«", "met", "BenoÃ®t", "then", "JosÃÂ©"]


def test_a_symbol_away_from_a_lead_still_cuts() -> None:
    # "®" after a plain letter is a mark, not half of a letter.
    assert _words("Acme® said so") == ["Acme", "said", "so"]


def test_a_name_with_mojibake_is_found_and_speaks() -> None:
    text = '"The bridge opens in May," GaÃ«lle TrÃ©panier said at the depot on Friday.'
    analysis = analyze(text)
    assert [e.text for e in analysis.entities] == ["GaÃ«lle TrÃ©panier"]
    assert [q.speaker for q in analysis.quotes] == ["GaÃ«lle TrÃ©panier"]


def test_the_text_is_not_repaired() -> None:
    text = '"We are ready," said FrÃÂ©dÃÂ©ric Lamont.'
    analysis = analyze(text)
    entity = analysis.entities[0]
    assert text[entity.start : entity.end] == "FrÃÂ©dÃÂ©ric Lamont"


def test_a_guillemet_after_a_lead_is_half_a_letter() -> None:
    text = "«Nous restons», a dit NoÃ«l Gagnon, whose son RaphaÃ«l agreed."
    assert [(q.start, q.end) for q in analyze(text).quotes] == [(0, 14)]


def test_a_letter_written_twice_over_keeps_the_word_whole_and_speaks() -> None:
    # Written for issue 16: UTF-8 read as Latin-1 twice ("RenÃ\x83Â©e" for "Renée")
    # puts a C1 control between the lead and the symbol; the word stays one.
    name = "RenÃ\x83Â©e TrÃ\x83Â©panier"
    assert _words(f"Yesterday {name} met us.") == ["Yesterday", *name.split(), "met", "us"]
    text = f'"The bridge opens in May," {name} said at the depot on Friday.'
    assert [q.speaker for q in analyze(text).quotes] == [name]
