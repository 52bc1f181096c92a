#!/usr/bin/env python
"""Rerun one row of the experiments registry (nbs/10_experiments.ipynb) and write nbs/results/experiments/NAME-seedS.json.

    python experiments/run.py NAME [--seed N]        # `list` as NAME prints the registry
    experiments/slot.sh python experiments/run.py NAME --seed N   # on the shared machine: one pinned core, one thread
    experiments/queue.sh QUEUE_FILE                  # "NAME SEED" lines, run one after another (see the script)
"""
import argparse
import os

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")

from rin_text.experiments import experiments_main

if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("name", help="a registry name (see `list`)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--steps", type=int, default=None, help="override the step budget (ablation rows)")
    p.add_argument("--budget-s", type=float, default=None, help="override the wall-clock budget in training seconds")
    p.add_argument("--preset", default="tiny", help="tiny (the experiments) or micro (a smoke test)")
    p.add_argument("--results-dir", default=None, help="default nbs/results/experiments")
    a = p.parse_args()
    experiments_main(a.name, a.seed, a.steps, a.budget_s, a.preset, a.results_dir)
