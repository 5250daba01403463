"""Build the shipped target-dependent sentiment model; one command reproduces it:

    OMP_NUM_THREADS=1 python scripts/train_sentiment.py ../shared/data/newsmtsc/rw-train.jsonl

Trains on NewsMTSC's train split (Hamborg & Donnay 2021, MIT; 8,739 target mentions) with
scikit-learn's logistic regression (fixed seed) over sparse features and the spaCy
pipeline's own context vectors and writes plain weights to
src/dateline/extract/themes/models/newsmtsc. Scored by `dateline eval newsmtsc FILE`.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from dateline.extract.themes.sentiment import read_newsmtsc, train  # noqa: E402
from dateline.nlp import load_pipeline  # noqa: E402

OUT = ROOT / "src/dateline/extract/themes/models/newsmtsc"
C = 0.05  # chosen by 5-fold cross-validation on the train split (grouped by sentence)

if __name__ == "__main__":
    path = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared/data/newsmtsc/rw-train.jsonl")
    nlp = load_pipeline()
    rows = read_newsmtsc(path, nlp)  # parsed as the reader parses stories
    width = nlp("width").tensor.shape[1]  # the parser's context vectors, read beside the sparse features
    made = (
        f"logistic regression (C={C}) on {len(rows)} NewsMTSC train mentions (MIT) with the context vectors "
        f"of {nlp.meta['name']} {nlp.meta['version']}, by scripts/train_sentiment.py"
    )
    model = train(rows, c=C, width=width, made=made)
    model.save(OUT)
    print(made, f"-> {OUT} ({len(model.vocabulary)} features)")
