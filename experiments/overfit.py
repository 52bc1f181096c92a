"""Overfit demo (issue 5): train a RIN on a few training windows until samples from pure noise
reproduce them (token accuracy against the nearest training window >= target).

    RIN_TEXT_DATA=/path/to/data python experiments/overfit.py --n-windows 64 --seq-len 16 \
        --steps 3000 --out nbs/results/train_overfit.json

A command-line front end of `rin_text.train.overfit` (nbs/05_train.ipynb, which reads results/train_overfit.json). Every `check_every` steps, `n_samples` samples are drawn from pure noise with the EMA weights
(`--sampler`, `sample_steps` steps) and compared with their nearest training window; training stops at `target`.
"""
import argparse, json, os
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1"); os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
import torch

from rin_text.rin import RINConfig
from rin_text.baselines import TransformerConfig
from rin_text.train import overfit


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--arch", default="rin", choices=["rin", "transformer"])
    p.add_argument("--n-windows", type=int, default=64); p.add_argument("--seq-len", type=int, default=16)
    p.add_argument("--steps", type=int, default=3000); p.add_argument("--check-every", type=int, default=250)
    p.add_argument("--n-samples", type=int, default=32); p.add_argument("--sample-steps", type=int, default=64)
    p.add_argument("--lr", type=float, default=3e-3); p.add_argument("--ema-decay", type=float, default=0.99)
    p.add_argument("--batch-size", type=int, default=None)
    p.add_argument("--sampler", default="ddim", choices=["ddim", "ddpm"])
    p.add_argument("--target", type=float, default=0.99, help="stop once a check's mean accuracy reaches this")
    p.add_argument("--resume", action="store_true", help="continue the run in --work from its latest checkpoint")
    p.add_argument("--min-lr-ratio", type=float, default=0.1, help="final learning rate / peak (cosine decay)")
    p.add_argument("--shift", type=float, default=0.0, help="logSNR shift of the cosine schedule")
    p.add_argument("--embed-dim", type=int, default=64); p.add_argument("--interface-dim", type=int, default=128)
    p.add_argument("--latent-dim", type=int, default=128); p.add_argument("--num-latents", type=int, default=16)
    p.add_argument("--num-blocks", type=int, default=2); p.add_argument("--latent-depth", type=int, default=2)
    p.add_argument("--interface-pos", default="sinusoidal", choices=["learned", "sinusoidal", "none"])
    p.add_argument("--width", type=int, default=64); p.add_argument("--depth", type=int, default=2)
    p.add_argument("--threads", type=int, default=1); p.add_argument("--seed", type=int, default=0)
    p.add_argument("--work", default="/tmp/overfit_run"); p.add_argument("--out", default=None)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    if a.arch == "rin":
        m = RINConfig(embed_dim=a.embed_dim, interface_dim=a.interface_dim, latent_dim=a.latent_dim,
                      num_latents=a.num_latents, num_blocks=a.num_blocks, latent_depth=a.latent_depth, num_heads=4,
                      interface_pos=a.interface_pos, max_seq_len=a.seq_len)
    else:
        m = TransformerConfig(embed_dim=a.embed_dim, width=a.width, depth=a.depth, num_heads=2, max_seq_len=a.seq_len)
    res = overfit(a.work, a.n_windows, a.seq_len, a.steps, a.check_every, a.n_samples, a.sample_steps, sampler=a.sampler,
                  model=m, lr=a.lr, min_lr_ratio=a.min_lr_ratio, ema_decay=a.ema_decay, batch_size=a.batch_size,
                  shift=a.shift, seed=a.seed, resume=a.resume, target=a.target)
    res["command"] = "python experiments/overfit.py " + " ".join(
        f"--{k.replace('_', '-')} {v}" for k, v in vars(a).items() if v is not None and v is not False and k not in ("work", "out", "resume"))
    print({k: res[k] for k in ("steps", "seconds", "mean_acc", "exact", "distinct_windows")})
    if a.out: Path(a.out).write_text(json.dumps(res, indent=1))
