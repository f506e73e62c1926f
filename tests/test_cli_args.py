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
