"""Train the small demo RIN that nbs/06_eval.ipynb evaluates and nbs/07_explore.ipynb takes apart.

Usage, from the repository root:  python nbs/results/eval_demo_train.py nbs/results $(date -d "+50 min" +%s)
It trains for at most the planned steps or until the given unix time, whichever comes first, saving the EMA weights
in bf16 (`eval_demo_model.safetensors`, < 3 MB) and the configuration and training log (`eval_demo_model.json`)
every 100 steps. One thread: it was run on a 2-core machine shared with other jobs (about 2 s/step there).
"""
import json, math, os, sys, time
from dataclasses import asdict
import torch
torch.set_num_threads(1)
from safetensors.torch import save_file
from rin_text.data import load_tokenizer, load_windows
from rin_text.diffusion import DiffusionConfig, TextDiffusion
from rin_text.rin import RIN, RINConfig

out = sys.argv[1]; deadline = float(sys.argv[2])  # unix time to stop at
torch.manual_seed(0)
L, B, STEPS, LR, WARM, EMA = 64, 32, 1300, 2e-3, 50, 0.99
rc = RINConfig(embed_dim=32, interface_dim=96, latent_dim=128, num_latents=16, num_blocks=2, latent_depth=1, num_heads=4, max_seq_len=L)
dc = DiffusionConfig(vocab_size=8192, embed_dim=32)
model = TextDiffusion(RIN(rc), dc)
ema = {k: v.detach().clone() for k, v in model.state_dict().items()}
tok = load_tokenizer("bpe", 8192)
train = load_windows("train", tok, L)
opt = torch.optim.AdamW(model.parameters(), lr=LR, weight_decay=0.01, betas=(0.9, 0.99))
g = torch.Generator().manual_seed(0)
log, t0 = [], time.time()

def save(step):
    sd = {k: v.to(torch.bfloat16) if v.is_floating_point() else v for k, v in ema.items()}
    save_file(sd, f"{out}/eval_demo_model.safetensors.tmp"); os.replace(f"{out}/eval_demo_model.safetensors.tmp", f"{out}/eval_demo_model.safetensors")
    meta = dict(rin=asdict(rc), diffusion=asdict(dc), seq_len=L, batch_size=B, lr=LR, warmup=WARM, planned_steps=STEPS,
                ema_decay=EMA, steps=step, seconds=round(time.time() - t0), threads=1, log=log)
    with open(f"{out}/eval_demo_model.json", "w") as f: json.dump(meta, f)

for step in range(1, STEPS + 1):
    lr = LR * min(1, step / WARM) * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1, step / STEPS))))
    for pg in opt.param_groups: pg["lr"] = lr
    ids = train[torch.randint(0, len(train), (B,), generator=g)]
    loss, m = model.loss(ids)
    opt.zero_grad(); loss.backward(); torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0); opt.step()
    with torch.no_grad():
        d = min(EMA, (1 + step) / (10 + step))
        for k, v in model.state_dict().items():
            if v.is_floating_point(): ema[k].mul_(d).add_(v.detach(), alpha=1 - d)
            else: ema[k].copy_(v)
    if step % 10 == 0:
        log.append(dict(step=step, loss=m["loss"], acc=m["acc"], lr=lr, s=round(time.time() - t0, 1)))
        print(log[-1], flush=True)
    if step % 100 == 0: save(step)
    if time.time() > deadline: break
save(step)
print("done", step, time.time() - t0)
