"""Overfit demo (issue 5): train a RIN on a few training windows until samples from pure noise
reproduce them (token accuracy against the nearest training window >= target).

    RIN_TEXT_DATA=/work/shared/data python experiments/overfit.py --n-windows 64 --seq-len 16 \
        --steps 3000 --out nbs/results/train_overfit.json

Same procedure and output keys as `overfit` in nbs/05_train.ipynb (which reads results/train_overfit.json),
plus "arch". Every `check_every` steps, `n_samples` samples are drawn from pure noise with the EMA weights
(DDIM, `sample_steps` steps) and compared with their nearest training window; training stops at `target`.
"""
import argparse, json, os, time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1"); os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
import torch

from rin_text.rin import RINConfig
from rin_text.baselines import TransformerConfig
from rin_text.train import (get_preset, OptimConfig, RunConfig, Trainer, sample_ids, nearest_window_accuracy,
                            read_metrics)


def overfit(out_dir, n_windows=64, seq_len=16, steps=3000, check_every=250, n_samples=32, sample_steps=64,
            target=0.99, model=None, lr=3e-3, ema_decay=0.99, batch_size=None, shift=0.0, tok=None, log=print,
            sampler="ddim", min_lr_ratio=0.1, seed=0) -> dict:
    "Train on the first `n_windows` windows; stop once samples from noise match them at `target` accuracy."
    c = get_preset("tiny")
    bs = batch_size or n_windows
    c.data.seq_len, c.data.batch_size, c.data.max_train_windows, c.data.eval_windows = seq_len, bs, n_windows, 16
    model = model or RINConfig(max_seq_len=seq_len)
    if isinstance(model, TransformerConfig): c.arch, c.transformer = "transformer", model
    else: c.arch, c.model = "rin", model
    c.diffusion.embed_dim = model.embed_dim
    # shift < 0 moves the whole logSNR schedule (training and sampling) towards noise: more of training and of the
    # sampling steps land in the band (logSNR about -6..-2) where a noisy window is told apart from the others
    if shift: c.diffusion.schedule_kw = dict(shift=shift)
    c.optim = OptimConfig(lr=lr, warmup_steps=20, steps=steps, ema_decay=ema_decay, weight_decay=0.0, min_lr_ratio=min_lr_ratio)
    c.run = RunConfig(out_dir=str(out_dir), log_every=10, eval_every=0, save_every=0, num_samples=0, nll_windows=0,
                      progress=False, seed=seed)
    history, t0 = [], time.time()

    def check(tr):
        if tr.step % check_every and tr.step < steps: return
        ids = sample_ids(tr.ema.model, n_samples, seq_len, sample_steps, seed=tr.step, sampler=sampler)
        acc, idx = nearest_window_accuracy(ids, tr.train_windows)
        history.append(dict(step=tr.step, acc=acc.mean().item(), exact=(acc == 1).float().mean().item(),
                            distinct=len(set(idx.tolist())), seconds=round(time.time() - t0, 1)))
        log(history[-1])
        if acc.mean() >= target: tr.stop()

    tr = Trainer(c, overwrite=True, callbacks=[check], tokenizer=tok)
    ids = sample_ids(tr.ema.model, n_samples, seq_len, sample_steps, seed=12345, sampler=sampler)      # before training: chance level
    untrained = nearest_window_accuracy(ids, tr.train_windows)[0].mean().item()
    tr.fit()
    ids = sample_ids(tr.ema.model, n_samples, seq_len, sample_steps, seed=12345, sampler=sampler)      # fresh samples for the report
    acc, idx = nearest_window_accuracy(ids, tr.train_windows)
    tk = tr.tokenizer
    return dict(config=c.to_dict(), arch=c.arch, seconds=round(time.time() - t0, 1), steps=tr.step, history=history,
                untrained_acc=untrained, acc=acc.tolist(), mean_acc=acc.mean().item(),
                exact=(acc == 1).float().mean().item(), distinct_windows=len(set(idx.tolist())),
                train_loss=[(r["step"], r["loss"]) for r in read_metrics(out_dir) if r["split"] == "train"],
                samples=[tk.decode(s) for s in ids[:4]], nearest=[tk.decode(tr.train_windows[i]) for i in idx[:4]])


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--arch", default="rin", choices=["rin", "transformer"])
    p.add_argument("--n-windows", type=int, default=64); p.add_argument("--seq-len", type=int, default=16)
    p.add_argument("--steps", type=int, default=3000); p.add_argument("--check-every", type=int, default=250)
    p.add_argument("--n-samples", type=int, default=32); p.add_argument("--sample-steps", type=int, default=64)
    p.add_argument("--lr", type=float, default=3e-3); p.add_argument("--ema-decay", type=float, default=0.99)
    p.add_argument("--batch-size", type=int, default=None)
    p.add_argument("--sampler", default="ddim", choices=["ddim", "ddpm"])
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
    res = overfit(a.work, a.n_windows, a.seq_len, a.steps, a.check_every, a.n_samples, a.sample_steps,
                  model=m, lr=a.lr, ema_decay=a.ema_decay, batch_size=a.batch_size, shift=a.shift,
                  sampler=a.sampler, min_lr_ratio=a.min_lr_ratio, seed=a.seed)
    res["command"] = "python experiments/overfit.py " + " ".join(
        f"--{k.replace('_', '-')} {v}" for k, v in vars(a).items() if v is not None and k not in ("work", "out"))
    print({k: res[k] for k in ("steps", "seconds", "mean_acc", "exact", "distinct_windows")})
    if a.out: Path(a.out).write_text(json.dumps(res, indent=1))
