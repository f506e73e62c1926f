"""The usual starts are read without building argparse's parser (cli.plain_start); the
reading must be argparse's own whenever it answers at all."""

from __future__ import annotations

import argparse
import contextlib
import io

from hypothesis import given
from hypothesis import strategies as st

from itbgui import cli

TOKENS = ["--data-dir", "--data-dir=", "--data-dir=x", "--data-dir=-x", "--exit-after-show", "--exit",
          "--data", "--version", "-h", "x", "my data", "-x", "-1", "", "--", "=", "plan-pdf"]


def argparse_reading(argv: list[str]) -> argparse.Namespace | None:
    with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
        try:
            return cli._parser().parse_args(argv)
        except SystemExit:
            return None


@given(st.lists(st.sampled_from(TOKENS), max_size=5))
def test_a_plain_start_is_read_as_argparse_reads_it(argv):
    plain = cli.plain_start(argv)
    if plain is not None:
        expected = argparse_reading(argv)
        assert expected is not None and vars(plain) == vars(expected)


def test_the_usual_starts_need_no_parser():
    assert vars(cli.plain_start([])) == {"data_dir": None, "exit_after_show": False}
    read = cli.plain_start(["--data-dir", "d", "--exit-after-show"])
    assert str(read.data_dir) == "d" and read.exit_after_show
    assert cli.plain_start(["--data-dir=d"]).data_dir.name == "d"
    for other in (["--version"], ["--help"], ["--data", "d"], ["--data-dir"], ["x"]):
        assert cli.plain_start(other) is None   # argparse's to answer (or refuse)


# ---------------------------------------------------------------- the commands read alike
NEEDS_AN_ARGUMENT = {"plan-pdf": ["out.pdf"], "history-csv": ["out.csv"], "runs-import": ["a.gpx"]}


def _command_run(name: str, argv: list[str], capsys) -> tuple[int, str]:
    capsys.readouterr()
    code = cli.run_command(name, argv)
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_every_command_answers_help_and_a_usage_error_alike(capsys):
    """--help exits 0 and names --data-dir the same way; an unknown option exits 2 with
    argparse's explanation (never a SystemExit out of the command)."""
    for name in cli.COMMANDS:
        if name == "sound-worker":   # not for people: the player's child process
            continue
        code, text = _command_run(name, ["--help"], capsys)
        assert code == 0, name
        assert "folder holding itb-coach.json" in " ".join(text.split()), name
        code, text = _command_run(name, [*NEEDS_AN_ARGUMENT.get(name, []), "--no-such-option"], capsys)
        assert code == 2 and "unrecognized arguments: --no-such-option" in text, name


def test_the_week_commands_read_a_day_alike(capsys):
    for name, head in (("week", []), ("plan-pdf", ["out.pdf"])):
        for bad, says in (("2026-13-01", "not a date in the form YYYY-MM-DD"),
                          ("0001-01-01", "outside the dates a plan can have")):
            code, text = _command_run(name, [*head, "--week", bad], capsys)
            assert code == 2 and says in text, (name, bad)
