"""Sentence and paragraph splitting on the hard cases of the shipped corpus."""
from araz.text import is_heading, split_paragraphs, split_sentences


def sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_titles_do_not_end_a_sentence():
    assert sentences("Ms. Rafiga met Mr. Mousavi and Dr. Smith. They talked.") == [
        "Ms. Rafiga met Mr. Mousavi and Dr. Smith.", "They talked."]


def test_us_inside_a_sentence_does_not_split():
    assert sentences("The U.S. administration proposed a route. Iran agreed.") == [
        "The U.S. administration proposed a route.", "Iran agreed."]


def test_us_at_the_end_of_a_sentence_splits_before_an_opener():
    assert sentences("He flew to the U.S. The talks began.") == ["He flew to the U.S.", "The talks began."]


def test_initials_do_not_end_a_sentence():
    assert sentences("A report by J. R. Smith was cited. It said more.") == [
        "A report by J. R. Smith was cited.", "It said more."]


def test_closing_quote_after_full_stop_ends_the_sentence():
    text = "He agreed it “has become a bridge.” Altogether, it worked."
    assert sentences(text) == ["He agreed it “has become a bridge.”", "Altogether, it worked."]


def test_comma_inside_quote_does_not_end_the_sentence():
    text = "“We share many interests,” he said, “but there are disagreements.” He added more."
    assert sentences(text) == ["“We share many interests,” he said, “but there are disagreements.”", "He added more."]


def test_decimal_numbers_do_not_split():
    assert sentences("It is licensed under Creative Commons 4.0 International. Fine.") == [
        "It is licensed under Creative Commons 4.0 International.", "Fine."]


def test_lower_case_after_full_stop_does_not_split():
    assert len(sentences("See fig. three for details.")) == 1


def test_persian_and_russian_split_without_error():
    assert sentences("ایران و آذربایجان همکاری می‌کنند. باکو موافقت کرد.") == [
        "ایران و آذربایجان همکاری می‌کنند.", "باکو موافقت کرد."]
    assert sentences("Баку и Тегеран подписали соглашение. Визит завершён.") == [
        "Баку и Тегеран подписали соглашение.", "Визит завершён."]


def test_offsets_point_into_the_text():
    text = "  First one.  Second one.  "
    spans = split_sentences(text, offset=100)
    assert spans == [(102, 112), (114, 125)]


def test_paragraphs_are_lines_and_blank_lines_are_ignored():
    text = "One.\n\nTwo here\n  Three.  \n"
    assert [text[a:b] for a, b in split_paragraphs(text)] == ["One.", "Two here", "Three."]


def test_heading_detection():
    assert is_heading("Yes to cooperation, no to confrontation")
    assert not is_heading("This is a sentence that ends.")
