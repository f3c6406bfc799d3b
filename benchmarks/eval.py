"""Detection quality: run ``analyze`` over the shared evaluation sets and score it.

Run as ``python -m benchmarks.eval`` (``make eval``). The sets live next to the
repository, in ``../shared``: each one that is missing is skipped with a one-line
note. Predictions are written to a temporary directory (or ``--out DIR``) and scored
with the shared ``score.py``, so the numbers are the scorer's own.

Predictions are the very records ``newsreader analyze`` prints: its "quotes" hold
direct speech only (scare quotes and titles are listed apart), as the gold does.

polnear_train is scored too: ten times the documents of polnear_dev, it shows whether
a rule tuned on one set holds on the other. "polnear_dev (noisy)" is polnear_dev passed
through the shared make_noisy.py (OCR-grade marks and hard line wraps, offsets kept),
made afresh in the temporary directory at each run, never in the repository.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from reader.analysis import analyze
from reader.corpus.records import document_header, record

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@dataclass(slots=True)
class EvalSet:
    name: str
    gold: Path  # JSON Lines with "id" and "text", or one gold JSON naming its "file"
    noisy: bool = False  # score an OCR-grade copy of ``gold`` made by make_noisy.py


def eval_sets(shared: Path) -> list[EvalSet]:
    data = shared / "eval" / "data"
    sets = [
        EvalSet("polnear_dev", data / "polnear_dev.jsonl"),
        EvalSet("polnear_dev (noisy)", data / "polnear_dev.jsonl", noisy=True),
        EvalSet("polnear_train", data / "polnear_train.jsonl"),
        EvalSet("conll2003_dev", data / "conll2003_dev.jsonl"),
    ]
    gold = sorted((shared / "gold").glob("*.json"))
    # An empty list still gets a row, so a missing gold folder is reported, not ignored.
    sets += [EvalSet(path.stem, path) for path in gold] or [
        EvalSet("user sample", shared / "gold" / "moscow-us-strategic-stability.json")
    ]
    return sets


def load_documents(eval_set: EvalSet, shared: Path) -> list[dict]:
    """The documents of a set as {"id", "text"}; a gold JSON names its text file."""
    if eval_set.gold.suffix == ".jsonl":
        with eval_set.gold.open(encoding="utf-8") as lines:
            return [json.loads(line) for line in lines if line.strip()]
    gold = json.loads(eval_set.gold.read_text(encoding="utf-8"))
    text = gold.get("text")
    if text is None:
        text = (shared / gold["file"]).read_text(encoding="utf-8")
    return [{"id": gold.get("id", eval_set.gold.stem), "text": text}]


def predict(document: dict) -> dict:
    """What ``newsreader analyze`` prints for the document: the record judges score."""
    return record(document_header(document), analyze(document["text"]))


def make_noisy(shared: Path, gold: Path, out: Path) -> Path:
    """The OCR-grade copy of ``gold`` that the shared make_noisy.py writes into ``out``."""
    noisy = out / f"{gold.stem}.noisy.jsonl"
    tool = shared / "eval" / "make_noisy.py"
    result = subprocess.run(
        [sys.executable, str(tool), str(gold), str(noisy)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"make_noisy.py failed on {gold.name}: {result.stderr.strip()}")
    return noisy


def score(scorer: Path, gold: Path, pred: Path) -> dict:
    result = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(pred), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"score.py failed on {gold.name}: {result.stderr.strip()}")
    return json.loads(result.stdout)


def _f1(block: dict | None, key: str) -> str:
    if not block or not block.get(key):
        return "-"
    return f"{block[key]['f1']:.3f}"


def row(name: str, docs: int, result: dict) -> list[str]:
    quotes = result.get("quotes")
    entities = result.get("entities")
    accuracy = quotes.get("speaker_accuracy") if quotes else None
    per_label = (entities or {}).get("per_label", {})
    return [
        name,
        str(docs),
        _f1(quotes, "overlap"),
        _f1(quotes, "attributed"),
        "-" if accuracy is None else f"{accuracy:.3f}",
        _f1(entities, "exact"),
        f"{per_label['PER']['f1']:.3f}" if "PER" in per_label else "-",
        f"{per_label['ORG']['f1']:.3f}" if "ORG" in per_label else "-",
        f"{per_label['LOC']['f1']:.3f}" if "LOC" in per_label else "-",
    ]


def print_table(rows: list[list[str]]) -> None:
    header = ["set", "docs", "quotes F1", "attributed F1", "speaker acc", "names F1", "PER F1"]
    header += ["ORG F1", "LOC F1"]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for line in [header, ["-" * w for w in widths], *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.eval", description=__doc__)
    parser.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder")
    parser.add_argument("--out", type=Path, help="keep the prediction files in this folder")
    args = parser.parse_args(argv)
    scorer = args.shared / "eval" / "score.py"
    if not scorer.is_file():
        print(f"skipping the evaluation: no scorer at {scorer}")
        return 0
    rows: list[list[str]] = []
    with tempfile.TemporaryDirectory(prefix="newsreader-eval-") as tmp:
        out = args.out or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        for eval_set in eval_sets(args.shared):
            if not eval_set.gold.is_file():
                print(f"skipping {eval_set.name}: {eval_set.gold} is missing")
                continue
            if eval_set.noisy:
                if not (args.shared / "eval" / "make_noisy.py").is_file():
                    print(f"skipping {eval_set.name}: no make_noisy.py in {args.shared}")
                    continue
                eval_set = EvalSet(eval_set.name, make_noisy(args.shared, eval_set.gold, out))
            try:
                documents = load_documents(eval_set, args.shared)
            except (OSError, ValueError, KeyError) as error:
                print(f"skipping {eval_set.name}: cannot read it ({error})")
                continue
            pred = out / f"{eval_set.name.replace(' ', '_')}.pred.jsonl"
            with pred.open("w", encoding="utf-8") as f:
                for document in documents:
                    f.write(json.dumps(predict(document), ensure_ascii=False) + "\n")
            rows.append(row(eval_set.name, len(documents), score(scorer, eval_set.gold, pred)))
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
