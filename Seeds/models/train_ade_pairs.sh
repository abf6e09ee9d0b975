#!/bin/sh
# Trains the drug–reaction pair scorer of VigilIngest on the development half of ADE-Corpus-V2
# and writes Seeds/models/ade_pairs.tsv (feature<TAB>weight, logistic regression).
# It also prints five-fold cross-validation by article (PubMed id), end to end, relaxed and strict;
# the threshold written is the one with the best cross-validated relaxed F1.
#
#   Seeds/models/train_ade_pairs.sh [ADE_DIR]      (default: ../shared/data/ade-dev)
set -e
cd "$(dirname "$0")/../.."
VIGIL_TRAIN_ADE="$(cd "${1:-../shared/data/ade-dev}" && pwd)" \
    swift test --scratch-path .build-ingest-debug --filter trainADEPairScorer
