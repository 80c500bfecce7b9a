"""The README documents exactly the commands and options the parser accepts."""

from pathlib import Path

from msp_console.cli.reference import END, START, render

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_command_reference_matches_the_parser() -> None:
    text = README.read_text(encoding="utf-8")
    documented = text[text.index(START) : text.index(END) + len(END)]
    assert documented == render(), "run: python -m msp_console.cli.reference --write README.md"
