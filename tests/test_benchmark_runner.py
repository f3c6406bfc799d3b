"""`python -m benchmarks NAME ARGS` runs that benchmark with its arguments."""

from __future__ import annotations

import pytest

from benchmarks.__main__ import main


def test_a_named_benchmark_gets_its_own_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as ended:
        main(["responsive", "--help"])  # only bench_responsive knows --keys-for
    assert ended.value.code == 0
    assert "--keys-for" in capsys.readouterr().out


def test_an_unknown_benchmark_is_named_in_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["nosuch"]) == 2
    [line] = capsys.readouterr().err.splitlines()
    assert "no benchmark 'nosuch'" in line and "responsive" in line
