from db.sanitize import clean_field, for_terminal, has_control, strip_controls


def test_clean_field_removes_escape_sequences_and_nul():
    assert clean_field("Title\x1b[2J\x00 here\x07") == "Title[2J here"


def test_clean_field_turns_line_breaks_into_spaces_and_strips():
    assert clean_field("  one\r\ntwo\tthree ") == "one two three"


def test_clean_field_keeps_every_script():
    value = "Xocalı — Ходжалы — Խոջալու — ხოჯალი — 霍贾利 — مرحبا"
    assert clean_field(value) == value
    assert not has_control(value)


def test_has_control_sees_c1_and_surrogates():
    assert has_control("a\x85b")
    assert has_control("a\ud800b")


def test_for_terminal_escapes_instead_of_dropping():
    assert for_terminal("evil\x1b]0;owned\x07") == "evil\\x1b]0;owned\\x07"
    assert for_terminal("rtl\u202egnp.exe") == "rtl\\u202egnp.exe"
    assert for_terminal("line\nnext\ttab") == "line\nnext\ttab"


def test_strip_controls_keeps_lines_and_tabs():
    assert strip_controls("one\x1b[31m\n\ttwo\x07 ") == "one[31m\n\ttwo "
    assert strip_controls("plain\r\ntext") == "plain\r\ntext"


def test_for_terminal_one_line_escapes_line_breaks():
    assert for_terminal("a\nforged\tline\x1b", one_line=True) == "a\\x0aforged\\x09line\\x1b"
