"""One year of the archive as HTML for History's detail pane, and its documents' notes.

Every fact is shown as known or as "uppgift saknas" (grey italics): the theme, the winners
with their kind, organisations and district, the ceremony, the prize amount, the number of
nominations, the jury (with the name printed that year), the motivation, the quotes, and the
year's kind (run in the program or registered afterwards) with its sources. Every user text
goes through escape().
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from trygghetspris_desktop.core.history import YearDetail
from trygghetspris_desktop.core.records import award_record
from trygghetspris_desktop.documents.dates import swedish_date
from trygghetspris_desktop.documents.errors import swedish_count
from trygghetspris_desktop.documents.omissions import diploma_omissions, press_release_omissions
from trygghetspris_desktop.domain.enums import RecordKind
from trygghetspris_desktop.domain.errors import UserError
from trygghetspris_desktop.ui import labels
from trygghetspris_desktop.ui.services import DataService


def _missing() -> str:
    text = QCoreApplication.translate("HistoryDetail", "uppgift saknas")
    return f'<i style="color:#767676">{escape(text)}</i>'


def _value(text: str) -> str:
    return escape(text) if text else _missing()


def _row(label: str, value_html: str) -> str:
    return (
        f'<tr><td style="color:#555; padding-right:12px; white-space:nowrap">{escape(label)}</td>'
        f"<td>{value_html}</td></tr>"
    )


def _heading(text: str) -> str:
    return f"<h3>{escape(text)}</h3>"


def detail_html(detail: YearDetail) -> str:
    """One year as escaped HTML for the QTextBrowser."""
    year = detail.year
    notes: list[str] = []  # footnotes: full names of acronyms

    def with_note(name: str, full_name: str) -> str:
        if not full_name or full_name == name:
            return f"<b>{escape(name)}</b>"
        notes.append(f"<sup>{len(notes) + 1}</sup> {escape(name)}: {escape(full_name)}")
        return f"<b>{escape(name)}</b><sup>{len(notes)}</sup>"

    parts = [f"<h2>{year.year}</h2>", "<table cellspacing='2'>"]
    parts.append(_row(QCoreApplication.translate("HistoryDetail", "Tema"), _value(year.theme)))
    winners = ", ".join(with_note(w.nominee_name, w.full_name) for w in detail.winners)
    parts.append(
        _row(QCoreApplication.translate("HistoryDetail", "Vinnare"), winners or _missing())
    )
    if detail.winners:
        known = [labels.label(w.kind) for w in detail.winners if w.kind is not None]
        parts.append(
            _row(
                QCoreApplication.translate("HistoryDetail", "Typ"),
                _value(", ".join(dict.fromkeys(known))),
            )
        )
    organisations = list(dict.fromkeys(o for w in detail.winners for o in w.organisations))
    parts.append(
        _row(
            QCoreApplication.translate("HistoryDetail", "Organisationer"),
            _value(", ".join(organisations)),
        )
    )
    districts = list(dict.fromkeys(w.district for w in detail.winners if w.district))
    parts.append(
        _row(
            QCoreApplication.translate("HistoryDetail", "Stadsdelsområde"),
            _value(", ".join(districts)),
        )
    )
    if detail.mentions:
        parts.append(
            _row(
                QCoreApplication.translate("HistoryDetail", "Hedersomnämnanden"),
                ", ".join(with_note(n.nominee_name, n.full_name) for n in detail.mentions),
            )
        )
    ceremony = ", ".join(
        part
        for part in (
            escape(year.ceremony_event),
            swedish_date(year.ceremony_date) if year.ceremony_date else "",
        )
        if part
    )
    parts.append(
        _row(QCoreApplication.translate("HistoryDetail", "Prisutdelning"), ceremony or _missing())
    )
    if year.nomination_deadline:
        parts.append(
            _row(
                QCoreApplication.translate("HistoryDetail", "Sista nomineringsdag"),
                swedish_date(year.nomination_deadline),
            )
        )
    amount = (
        QCoreApplication.translate("HistoryDetail", "%1 kr").replace(
            "%1", swedish_count(year.prize_amount)
        )
        if year.prize_amount is not None
        else _missing()
    )
    parts.append(_row(QCoreApplication.translate("HistoryDetail", "Prissumma"), amount))
    count = detail.nomination_count
    parts.append(
        _row(
            QCoreApplication.translate("HistoryDetail", "Antal nomineringar"),
            str(count) if count is not None else _missing(),
        )
    )
    decision = detail.decision
    decided_on = swedish_date(decision.decision_date) if decision and decision.decision_date else ""
    if decision is not None:
        parts.append(
            _row(
                QCoreApplication.translate("HistoryDetail", "Beslutsdatum"),
                decided_on or _missing(),
            )
        )
    parts.append(
        _row(
            QCoreApplication.translate("HistoryDetail", "Status"), escape(labels.label(year.status))
        )
    )
    parts.append(
        _row(
            QCoreApplication.translate("HistoryDetail", "Slag av år"),
            escape(labels.label(year.record_kind)),
        )
    )
    sources = [line.strip() for line in year.sources.splitlines() if line.strip()]
    parts.append(
        _row(
            QCoreApplication.translate("HistoryDetail", "Källor"),
            "<br/>".join(escape(s) for s in sources) if sources else _missing(),
        )
    )
    parts.append("</table>")

    parts.append(_heading(QCoreApplication.translate("HistoryDetail", "Jury")))
    if detail.jury:
        parts.append("<ul>")
        for juror in detail.jury:  # core puts the chair first
            chair = (
                QCoreApplication.translate("HistoryDetail", " (ordf.)") if juror.is_chair else ""
            )
            title = f", {escape(juror.title)}" if juror.title else ""
            now = ""
            if juror.person_name and juror.person_name != juror.name:
                now = (
                    " <i style='color:#555'>"
                    + escape(
                        QCoreApplication.translate("HistoryDetail", "(heter numera %1)").replace(
                            "%1", juror.person_name
                        )
                    )
                    + "</i>"
                )
            parts.append(f"<li>{escape(juror.name)}{chair}{title}{now}</li>")
        parts.append("</ul>")
        if not any(juror.is_chair for juror in detail.jury):
            chair_label = QCoreApplication.translate("HistoryDetail", "Ordförande:")
            parts.append(f"<p>{escape(chair_label)} {_missing()}</p>")
    else:
        parts.append(f"<p>{_missing()}</p>")

    parts.append(_heading(QCoreApplication.translate("HistoryDetail", "Juryns motivering")))
    motivation = decision.motivation if decision else ""
    parts.append(f"<p>{_value(motivation)}</p>")

    if detail.quotes:
        parts.append(_heading(QCoreApplication.translate("HistoryDetail", "Citat")))
        for quote in detail.quotes:
            who = escape(quote.speaker_name)
            if quote.speaker_title:
                who += f", {escape(quote.speaker_title)}"
            parts.append(f"<blockquote>”{escape(quote.text)}”<br/><i>— {who}</i></blockquote>")

    recorded = len(detail.nominations)
    parts.append(
        _heading(
            QCoreApplication.translate("HistoryDetail", "Nomineringar i programmet (%1)").replace(
                "%1", str(recorded)
            )
        )
    )
    if detail.nominations:
        parts.append("<ul>")
        for nomination in detail.nominations:
            extra = ", ".join(
                escape(part)
                for part in (", ".join(nomination.organisations), nomination.district)
                if part
            )
            status = escape(labels.label(nomination.status))
            parts.append(
                f"<li><b>{escape(nomination.nominee_name)}</b>"
                + (f" – {extra}" if extra else "")
                + f" <span style='color:#555'>({status})</span></li>"
            )
        parts.append("</ul>")
    elif year.record_kind is RecordKind.REGISTERED:
        none = QCoreApplication.translate(
            "HistoryDetail", "Inga nomineringar registrerade för året (antalet ovan, om känt)."
        )
        parts.append(f"<p>{escape(none)}</p>")
    else:
        none = QCoreApplication.translate("HistoryDetail", "Inga nomineringar registrerade.")
        parts.append(f"<p>{escape(none)}</p>")
    if notes:
        parts.append("<hr/><p style='font-size:small'>" + "<br/>".join(notes) + "</p>")
    return "".join(parts)


def document_notes(services: DataService, year: int) -> tuple[str, str]:
    """Tooltips for the diploma and press-release buttons: what each will leave out."""
    try:
        record = services.read(award_record, year, services.paths.data_dir)
    except UserError as error:
        return str(error), str(error)

    def note(lines: list[str]) -> str:
        if not lines:
            return QCoreApplication.translate(
                "HistoryDetail", "Alla uppgifter dokumentet behöver är kända."
            )
        return (
            QCoreApplication.translate("HistoryDetail", "Saknas i dokumentet (inte känt):")
            + "\n"
            + "\n".join(f"• {x}" for x in lines)
        )

    return note(diploma_omissions(record)), note(press_release_omissions(record))
