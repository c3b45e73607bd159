"""Sentence and paragraph splitting on the hard cases of the shipped corpus."""
from araz.text import heading_flags, is_heading, split_document, split_paragraphs, split_sentences


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


# ---- split_document: the whole text at once gives what paragraph-by-paragraph splitting gives
def paragraph_by_paragraph(text):
    pa, pb, sa, sb = [], [], [], []
    for a, b in split_paragraphs(text):
        pa.append(a)
        pb.append(b)
        for x, y in split_sentences(text[a:b], a):
            sa.append(x)
            sb.append(y)
    return pa, pb, sa, sb


def test_split_document_matches_paragraph_by_paragraph_on_the_shipped_corpus(corpus):
    for doc in corpus:
        assert split_document(doc.text) == paragraph_by_paragraph(doc.text), doc.doc_id


HARD_CASES = [
    "Ms. Rafiga met Mr. Mousavi.\nThe end. “Quoted.” Next one",
    "He flew to the U.S.\nThe talks began.",  # a line break is no sentence end: the line is the paragraph
    "Mr.\n. Smith arrived.",  # nor is a word on the line before: ". Smith" starts a paragraph
    "It ended. “ \nNext paragraph.",  # opening marks, then only spaces to the end of the line
    "See fig.   three. Then it went on.\t\nAnd on.",
    "Talks in the U.\u212a. The end.",  # the Kelvin sign's lower() is k: "U.K"
    "The \u017ft. Then more.",  # the long s is no "st"
    "A report by É. Smith. Б. Petrov. J.R. Tolkien. It ended.",
    "One!  Two?\u00a0Three… Four؟ Five.\u2028Six.\x0cSeven.",
    "End.” (" + "“" * 39 + "The next.) End. " + "(" * 40 + "x",
    "Number 4.0 and 3. Five. No. 7 is etc. The end. Smith et al. It works.",
]


def test_split_document_matches_on_hard_cases():
    for text in HARD_CASES:
        assert split_document(text) == paragraph_by_paragraph(text), text


def test_split_document_matches_on_generated_texts():
    import random

    tokens = ["Mr", "mr", "U.S", "U.\u212a", "\u017ft", "e.g", "etc", "al", "No", "approx", "J", "j", "É", "é", "Б",
              "ب", "ǅ", "ß", "4", "4.0", "_", "The", "It", "the", "Baku", "relations", "a.b.c", "ª", "Σ"]
    punct = [".", ".", ".", "!", "?", "…", "؟", "..", ".”", ".\"", ".’", ".»", ".)", ".]", ",", ";", "”"]
    spaces = [" ", " ", "  ", "\t", "\n", "\n\n", " \n", "\n ", "\xa0", "\u2028", "\x0c", "\x85", "\u200b"]
    opening = ["“", "\"", "‘", "«", "(", "[", "*", "—", "-", " "]
    rng = random.Random(0)
    for i in range(6000):
        marks = punct if i % 2 else [p for p in punct if not any(c in p for c in "!?…؟")]  # both regexes
        parts = []
        for _ in range(rng.randint(1, 40)):
            r = rng.random()
            parts.append(rng.choice(tokens) if r < 0.45 else rng.choice(marks) if r < 0.65 else
                         rng.choice(spaces) if r < 0.9 else rng.choice(opening) * rng.choice([1, 2, 39, 40, 41]))
        text = "".join(parts)
        assert split_document(text) == paragraph_by_paragraph(text), text


def test_heading_flags_are_is_heading(corpus):
    texts = corpus.paragraphs["text"].tolist() + ["a b c d e f g h i j k l", "a b c d e f g h i j k l m", "Short:"]
    assert heading_flags(texts) == [is_heading(t) for t in texts]
