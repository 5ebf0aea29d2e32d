"""platypus imported through documents/platypus.py: two costly patterns compiled on first use
only, behaving as compiled ones; the press release parses only the fonts it sets.

Each check runs in a fresh process, since platypus is imported once per process.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from trygghetspris_desktop.documents.platypus import DEFERRED_PATTERNS, DeferredPattern

IGOR = Path(__file__).with_name("igor.py").parent


def in_fresh_process(code: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(IGOR)!r})\n{code}"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_press_release_compiles_neither_deferred_pattern_nor_parses_the_diploma_fonts():
    facts = in_fresh_process(
        "import json, re\n"
        "from igor import igor_2022_record\n"
        "from reportlab.pdfbase import pdfmetrics\n"
        "from trygghetspris_desktop.documents import render_press_release_pdf\n"
        "original = re.compile\n"
        "assert render_press_release_pdf(igor_2022_record()).startswith(b'%PDF')\n"
        "from reportlab.lib import textsplit\n"
        "from reportlab.platypus import paragraph\n"
        "print(json.dumps({\n"
        "    'uri_pat': type(paragraph.uri_pat).__name__,\n"
        "    'rx': type(textsplit.rx).__name__,\n"
        "    'compiled': [p._compiled is not None for p in (paragraph.uri_pat, textsplit.rx)],\n"
        "    're.compile restored': re.compile is original,\n"
        "    'fonts': sorted(pdfmetrics.getRegisteredFontNames()),\n"
        "}))\n"
    )
    # A ReportLab upgrade that changes either pattern makes this fail: update
    # DEFERRED_PATTERNS (or drop the module if the cost went away).
    assert facts == {
        "uri_pat": "DeferredPattern",
        "rx": "DeferredPattern",
        "compiled": [False, False],
        "re.compile restored": True,
        "fonts": ["DejaVuSans", "DejaVuSans-Bold"],
    }


def test_deferred_patterns_match_as_the_compiled_ones():
    facts = in_fresh_process(
        "import json, re\n"
        "import trygghetspris_desktop.documents.platypus\n"
        "from reportlab.lib import textsplit\n"
        "from reportlab.platypus import paragraph\n"
        "urls = ['https://www.example.com/en/lang/adress?q=1', 'ftp://x.se/a/b', 'inte en adress',"
        " 'https://ÅÄÖ.example.se/väg/']\n"
        "deferred = [paragraph._uri_split_pairs(u) for u in urls]\n"
        "paragraph.uri_pat = re.compile(paragraph.uri_pat.pattern, paragraph.uri_pat.flags)\n"
        "compiled = [paragraph._uri_split_pairs(u) for u in urls]\n"
        "cjk = textsplit.rx.sub(r'\\1\\0 ', '漢字 och text')\n"
        "print(json.dumps({'same': deferred == compiled, 'split': deferred[0] is not None,"
        " 'cjk': cjk, 'type': type(paragraph.uri_pat).__name__}))\n"
    )
    assert facts == {
        "same": True,
        "split": True,
        "cjk": "漢\x00 字\x00  och text",
        "type": "Pattern",
    }


def test_a_deferred_pattern_compiles_once_with_its_flags():
    pattern = DeferredPattern("ab+c", re.IGNORECASE)
    assert pattern._compiled is None
    assert pattern.match("ABBC").group(0) == "ABBC"
    assert pattern.flags & re.IGNORECASE
    assert pattern.compiled is pattern.compiled
    assert all(isinstance(start, str) and start for start in DEFERRED_PATTERNS)
