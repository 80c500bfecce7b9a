"""Plugin output: the text and perfdata a technician sees as metrics."""

from __future__ import annotations

from msp_console.monitoring.perfdata import parse_perfdata, split_output


def test_check_disk_style_output() -> None:
    text, perf = split_output("DISK OK - free space: / 3326 MB (56%); | /=2643MB;5948;5958;0;5968\n")
    assert text == "DISK OK - free space: / 3326 MB (56%);"
    (m,) = parse_perfdata(perf)
    assert (m.name, m.value, m.unit, m.warn, m.crit) == ("/", 2643.0, "MB", 5948.0, 5958.0)


def test_quoted_labels_with_spaces_and_escaped_quotes() -> None:
    metrics = parse_perfdata("'C:\\ Label'=10%;80;90 'it''s'=3 plain=0.5s;;;0;1")
    assert [m.name for m in metrics] == ["C:\\ Label", "it's", "plain"]
    assert metrics[0].unit == "%" and metrics[0].warn == 80 and metrics[0].crit == 90
    assert metrics[2].value == 0.5 and metrics[2].unit == "s" and metrics[2].warn is None


def test_ranges_unknown_values_and_garbage_are_tolerated() -> None:
    metrics = parse_perfdata("a=5;10:;~:20 b=U;1;2 junk c=1e3B d=;; =4")
    assert [(m.name, m.value) for m in metrics] == [("a", 5.0), ("c", 1000.0)]
    assert metrics[0].warn == 10 and metrics[0].crit == 20


def test_multi_line_output_collects_perfdata_after_long_text() -> None:
    out = "OK - all fine | load1=0.1\nline two of long text\nline three | load5=0.2\nload15=0.3\n"
    text, perf = split_output(out)
    assert text == "OK - all fine"
    assert [m.name for m in parse_perfdata(perf)] == ["load1", "load5", "load15"]


def test_no_perfdata() -> None:
    assert split_output("PING OK\n") == ("PING OK", "")
    assert split_output("") == ("", "")
