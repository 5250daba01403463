#!/usr/bin/env bash
# Train dateline's news NER (docs/entities.md) on CPU with a fixed seed, and ship it into
# src/dateline/nlp/models/news_ner. One command:
#
#   bash scripts/train_ner.sh [CONLL_DIR] [WORK_DIR]
#
# CONLL_DIR holds CoNLL-2003 eng.train and eng.testa (default ../shared/data/conll2003);
# WORK_DIR receives the converted corpora, spaCy's output and heldout.conll, the slice of
# eng.train left out of training (score it with `dateline eval conll WORK_DIR/heldout.conll`).
# About 25 minutes on one core of a shared machine (training/ner.cfg: max_steps).
set -euo pipefail
cd "$(dirname "$0")/.."
CONLL=${1:-../shared/data/conll2003}
WORK=${2:-${TMPDIR:-/tmp}/dateline-ner}
PY=${PYTHON:-.venv/bin/python}
export PYTHONPATH="$PWD/src${PYTHONPATH:+:$PYTHONPATH}"
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}
SEED=14

"$PY" -m dateline.extract.entities.training convert "$CONLL/eng.train" "$CONLL/eng.testa" "$WORK" --seed "$SEED"
"$PY" -m spacy train training/ner.cfg --output "$WORK/out" --system.seed "$SEED" \
    --paths.train "$WORK/train.spacy" --paths.dev "$WORK/dev.spacy"
"$PY" -m dateline.extract.entities.training ship "$WORK/out/model-best"
echo "held-out slice of eng.train: $WORK/heldout.conll"
