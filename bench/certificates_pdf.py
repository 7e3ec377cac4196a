"""Time certificate PDFs in one warm process, and check that their text comes out exactly.

    python bench/certificates_pdf.py                      # 200 renders, median and p95, text check
    python bench/certificates_pdf.py --without-harfbuzz   # as if libharfbuzz-subset0 were not installed
    python bench/certificates_pdf.py --compare-default    # also a default WeasyPrint render, for comparison
    python bench/certificates_pdf.py --bulk 1000          # 1,000 renders over two processes: rate and memory

No database: the certificates are unsaved model instances, rendered exactly as registry.certificates.documents does.
"""

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
os.environ["DEBUG"] = "true"

NAMES = [
    "Zoë Hoekstra-Çelik",
    "Fiona van Uffelen-Kruijff",
    "Łukasz Wałęsa",
    "Siân Griffiths",
    "Đorđe Šćepanović",
    "Anaïs Lefèvre",
    "João Gonçalves",
    "Björn Ødegård",
    "Marieke de Vries",
    "Ayşe Yılmaz",
]
COMPANIES = [
    ("Bakkerij De Korenschoof", "Utrecht", "NL"),
    ("Hotel Sol y Mar", "Málaga", "ES"),
    ("Autohaus Becker GmbH", "Münster", "DE"),
    ("Logistiek Vlaanderen NV", "Antwerpen", "BE"),
]


def setup(without_harfbuzz: bool) -> None:
    import django

    django.setup()
    import logging

    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # the fontTools fallback warns on every render
    if without_harfbuzz:
        import weasyprint.pdf.fonts

        weasyprint.pdf.fonts.harfbuzz_subset = None


def harfbuzz_subsetter() -> bool:
    import weasyprint.pdf.fonts

    return weasyprint.pdf.fonts.harfbuzz_subset is not None


def certificates(count: int, seed: int = 7):
    from accounts.models import School
    from registry.models import Certificate, Course

    rng = random.Random(seed)
    school = School(pk=1, name="Rijnland Vakcollege")
    course = Course(pk=1, school=school, title="Werkmentortraining voorjaar")
    for index in range(count):
        issued = date(2026, 1, 5) + timedelta(days=rng.randrange(0, 330))
        company, city, country = rng.choice(COMPANIES)
        yield Certificate(
            pk=index + 1,
            number=f"WM-{issued.year}-{index + 1:06d}",
            holder_name=rng.choice(NAMES),
            company_name=company,
            company_city=city,
            company_country=country,
            school=school,
            course=course,
            issued_on=issued,
            valid_until=issued.replace(year=issued.year + 3),
            language=rng.choice(["nl", "en"]),
        )


def rules_for(certificates_list):
    from registry.models import RegistrySettings

    return RegistrySettings(school=certificates_list[0].school, signatory_name="Mr. drs. J. Ruiter")


def expected_text(certificate) -> list[str]:
    from django.utils import formats, translation

    from registry.certificates.documents import verify_url

    with translation.override(certificate.language):
        dates = [formats.date_format(day, "j F Y") for day in (certificate.issued_on, certificate.valid_until)]
    return [
        certificate.number,
        certificate.holder_name,
        certificate.company_name,
        certificate.company_city,
        "Rijnland Vakcollege",
        "Werkmentortraining voorjaar",
        verify_url(certificate),
        *dates,
    ]


def text_is_exact(pdf: bytes, certificate) -> list[str]:
    """What is missing from the PDF's extracted text (an empty list: exact)."""
    result = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)  # noqa: S603, S607
    text = " ".join(result.stdout.decode("utf-8").split())
    return [part for part in expected_text(certificate) if part not in text]


def rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


def time_renders(count: int) -> tuple[list[float], list, list[bytes]]:
    from registry.certificates.documents import certificate_pdf

    batch = list(certificates(count))
    rules = rules_for(batch)
    for certificate in batch[:5]:  # warm up: fonts, stylesheet, caches
        certificate_pdf(certificate, rules=rules)
    timings, pdfs = [], []
    for certificate in batch:
        started = time.perf_counter()
        pdfs.append(certificate_pdf(certificate, rules=rules))
        timings.append((time.perf_counter() - started) * 1000)
    return timings, batch, pdfs


def default_render(certificate, rules) -> bytes:
    """A plain render as WeasyPrint does it out of the box: new fetcher, stylesheet and fonts every time."""
    from weasyprint import CSS, HTML

    from registry.certificates.documents import CERTIFICATE, _safe_colour, certificate_html

    css = CERTIFICATE.paths[0].read_text() + f":root {{ --brand: {_safe_colour(rules.primary_colour)}; }}"
    css = css.replace('"Certificate Sans", ', "")  # the system's DejaVu Sans, uncut
    return HTML(string=certificate_html(certificate, rules=rules)).write_pdf(stylesheets=[CSS(string=css)])


def default_render_timings(count: int) -> list[float]:
    batch = list(certificates(count))
    rules = rules_for(batch)
    timings = []
    for certificate in batch:
        started = time.perf_counter()
        default_render(certificate, rules)
        timings.append((time.perf_counter() - started) * 1000)
    return timings[2:]


def summary(label: str, timings: list[float]) -> str:
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * len(ordered))) - 1)]
    return f"{label}: n={len(timings)} median {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms"


def _bulk_worker(args) -> dict:
    start, count, without_harfbuzz = args
    setup(without_harfbuzz)
    from registry.certificates.documents import certificate_pdf

    batch = list(certificates(count, seed=start))
    rules = rules_for(batch)
    certificate_pdf(batch[0], rules=rules)
    after_warmup = rss_mb()
    memory = []
    started = time.perf_counter()
    for index, certificate in enumerate(batch, start=1):
        certificate_pdf(certificate, rules=rules)
        if index % 100 == 0:
            memory.append(round(rss_mb(), 1))
    return {"seconds": time.perf_counter() - started, "count": count, "rss_warm": after_warmup, "rss": memory}


def bulk(total: int, without_harfbuzz: bool, processes: int = 2) -> None:
    share = total // processes
    started = time.perf_counter()
    with get_context("spawn").Pool(processes) as pool:
        results = pool.map(_bulk_worker, [(index * 1000, share, without_harfbuzz) for index in range(processes)])
    wall = time.perf_counter() - started
    rendered = sum(result["count"] for result in results)
    busy = max(result["seconds"] for result in results)
    print(
        f"bulk: {rendered} certificates over {processes} processes in {busy:.1f} s rendering "
        f"({rendered / busy:.0f}/s; {rendered / wall:.0f}/s including process start-up)"
    )
    for number, result in enumerate(results, start=1):
        print(f"  worker {number}: RSS after warm-up {result['rss_warm']:.0f} MB, every 100 renders {result['rss']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=200, help="certificates to render (default 200)")
    parser.add_argument("--without-harfbuzz", action="store_true", help="subset fonts with fontTools instead")
    parser.add_argument("--compare-default", action="store_true", help="also time a default WeasyPrint render")
    parser.add_argument("--bulk", type=int, metavar="N", help="render N certificates over two processes")
    parser.add_argument("--check", type=int, default=40, help="how many PDFs to check with pdftotext (default 40)")
    options = parser.parse_args()
    setup(options.without_harfbuzz)
    import weasyprint

    print(f"WeasyPrint {weasyprint.__version__}; HarfBuzz subsetter: {'yes' if harfbuzz_subsetter() else 'no'}")
    started = time.perf_counter()
    from core.documents import renderer

    renderer()
    print(f"one-off set-up per process: {(time.perf_counter() - started) * 1000:.0f} ms")
    timings, batch, pdfs = time_renders(options.n)
    print(summary("warm renders", timings))
    print(f"PDF size: median {statistics.median(len(pdf) for pdf in pdfs) / 1024:.1f} KiB")
    if shutil.which("pdftotext"):
        step = max(1, len(pdfs) // max(1, options.check))
        checked = list(range(0, len(pdfs), step))
        problems = {batch[i].number: missing for i in checked if (missing := text_is_exact(pdfs[i], batch[i]))}
        verdict = "exact" if not problems else f"NOT exact in {len(problems)}: {problems}"
        print(f"text extraction (pdftotext) of {len(checked)} PDFs: {verdict}")
    else:
        print("text extraction: not checked (pdftotext is not installed)")
    if options.compare_default:
        print(summary("default WeasyPrint render (for comparison)", default_render_timings(32)))
    if options.bulk:
        bulk(options.bulk, options.without_harfbuzz)


if __name__ == "__main__":
    main()
