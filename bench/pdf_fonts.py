"""A certificate PDF with and without HarfBuzz's font subsetter (libharfbuzz-subset0), timed in the same run.

    python bench/pdf_fonts.py              # 10 rounds of 20 renders each way, alternating
    python bench/pdf_fonts.py --rounds 20 --per-round 10

Two warm worker processes render the same certificates: one as the machine is, one where WeasyPrint cannot
load libharfbuzz-subset (cffi's dlopen refuses the library before WeasyPrint is imported, exactly what
WeasyPrint sees when the package is not installed; it then subsets with fontTools). Rounds alternate between
the two, so a busy machine slows both alike. Prints median and p95 per worker, their ratio, the PDF sizes,
whether pdffonts lists every font as embedded and whether pdftotext reads the Dutch names back exactly.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLOCKED = "harfbuzz-subset"


def block_harfbuzz_subset() -> None:
    """Make every attempt to load libharfbuzz-subset fail, as on a machine without the package."""
    import cffi

    dlopen = cffi.FFI.dlopen

    def refusing(self, name, *args, **kwargs):
        if name and BLOCKED in str(name):
            raise OSError(f"{name}: blocked by bench/pdf_fonts.py")
        return dlopen(self, name, *args, **kwargs)

    cffi.FFI.dlopen = refusing


def worker(without_harfbuzz: bool) -> None:
    """Read a count per line from stdin, render that many certificates, answer one JSON line per count."""
    import time

    if without_harfbuzz:
        block_harfbuzz_subset()
    sys.path.insert(0, str(ROOT / "bench"))
    import certificates_pdf as sample

    sample.setup(False)
    from core.documents import harfbuzz_subsetter
    from registry.certificates.documents import certificate_pdf

    batch = list(sample.certificates(500))
    rules = sample.rules_for(batch)
    for certificate in batch[:5]:  # warm up: fonts, stylesheets, caches
        certificate_pdf(certificate, rules=rules)
    position = 0
    print(json.dumps({"harfbuzz_subset": harfbuzz_subsetter()}), flush=True)
    for line in sys.stdin:
        timings, cpu, sizes = [], [], []
        for _ in range(int(line)):
            certificate = batch[position % len(batch)]
            position += 1
            started, started_cpu = time.perf_counter(), time.process_time()
            pdf = certificate_pdf(certificate, rules=rules)
            cpu.append((time.process_time() - started_cpu) * 1000)
            timings.append((time.perf_counter() - started) * 1000)
            sizes.append(len(pdf))
        missing = sample.text_is_exact(pdf, certificate)
        fonts = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=False)  # noqa: S603, S607
        if fonts.returncode:  # older poppler reads no stdin
            path = Path(f"/tmp/bench-pdf-fonts-{os.getpid()}.pdf")  # noqa: S108
            path.write_bytes(pdf)
            fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, check=False)  # noqa: S603, S607
            path.unlink()
        rows = fonts.stdout.decode().splitlines()[2:]
        embedded = bool(rows) and all(row.split()[-5] == "yes" for row in rows)
        print(
            json.dumps({"timings": timings, "cpu": cpu, "sizes": sizes, "missing": missing, "embedded": embedded}),
            flush=True,
        )


def start(without_harfbuzz: bool) -> subprocess.Popen:
    command = [sys.executable, __file__, "--worker"] + (["--without-harfbuzz"] if without_harfbuzz else [])
    return subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)  # noqa: S603


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * len(ordered)) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--per-round", type=int, default=20)
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--without-harfbuzz", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        worker(options.without_harfbuzz)
        return
    import weasyprint

    load_before = os.getloadavg()[0]
    workers = {"with HarfBuzz subset": start(False), "without (fontTools)": start(True)}
    results = {label: {"timings": [], "cpu": [], "sizes": [], "missing": [], "embedded": True} for label in workers}
    for label, process in workers.items():
        results[label]["harfbuzz_subset"] = json.loads(process.stdout.readline())["harfbuzz_subset"]
    for _round in range(options.rounds):
        for label, process in workers.items():
            process.stdin.write(f"{options.per_round}\n")
            process.stdin.flush()
            answer = json.loads(process.stdout.readline())
            result = results[label]
            result["timings"] += answer["timings"]
            result["cpu"] += answer["cpu"]
            result["sizes"] += answer["sizes"]
            result["missing"] += answer["missing"]
            result["embedded"] &= answer["embedded"]
    for process in workers.values():
        process.stdin.close()
        process.wait()

    print(
        f"WeasyPrint {weasyprint.__version__}, {options.rounds} alternating rounds of {options.per_round} certificates"
    )
    print(f"load average (1 min) before {load_before:.2f}, after {os.getloadavg()[0]:.2f}; CPU = the worker's own time")
    print(
        f"{'worker':<22} {'subsetter':<10} {'median ms':>10} {'p95 ms':>8} {'CPU median':>11} {'PDF KiB':>8}"
        "  fonts embedded  text"
    )
    for label, result in results.items():
        subsetter = "HarfBuzz" if result["harfbuzz_subset"] else "fontTools"
        text = "exact" if not result["missing"] else f"MISSING {sorted(set(result['missing']))}"
        embedded = "yes" if result["embedded"] else "NO"
        print(
            f"{label:<22} {subsetter:<10} {statistics.median(result['timings']):>10.1f} {p95(result['timings']):>8.1f}"
            f" {statistics.median(result['cpu']):>11.1f} {statistics.median(result['sizes']) / 1024:>8.1f}"
            f"  {embedded:<14}  {text}"
        )
    (with_hb, with_cpu), (without_hb, without_cpu) = (
        (statistics.median(result["timings"]), statistics.median(result["cpu"])) for result in results.values()
    )
    print(
        f"ratio without / with HarfBuzz: {without_hb / with_hb:.2f}x wall, {without_cpu / with_cpu:.2f}x CPU"
        " (medians; target <= 1.5x)"
    )


if __name__ == "__main__":
    main()
