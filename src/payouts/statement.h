#pragma once

// The consignor statement: what a payout paid, line by line, as a PDF (one
// statement per page or pages) or on a printer (the review dialog's print
// preview). Built from the ledger's intent and the cache, or from a proposal
// before it is approved.
#include "payouts/ledger.h"
#include "payouts/proposals.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QLocale>
#include <QPageSize>
#include <QSqlDatabase>
#include <QString>

#include <optional>

class QPrinter;

namespace ConsignDesk::Payouts {

/// One line of a statement: a sold item (Consignify line item, ConsignCloud
/// balance entry with its sale line), or an adjustment (quantity 0: no date,
/// price or share, only an amount).
struct StatementLine {
    QString title;
    QString sku;
    QDateTime date;
    qint64 quantity = 0;
    qint64 priceMinor = 0;      ///< the unit price (negative for a refund); see priced
    bool priced = true;         ///< priceMinor is known (a bare balance entry has only its amount)
    std::optional<int> splitBp; ///< the consignor's share, when known
    qint64 amountMinor = 0;     ///< what the line adds to the payout
    bool notInCache = false;    ///< the intent names it; the cache no longer has it
};

struct Statement {
    QString store; ///< the connection's name
    QString vendorName;
    QString consignorName, consignorId;
    QDate periodFrom, periodTo; ///< the oldest and newest line's day (local time)
    QList<StatementLine> lines; ///< their amounts add up to totalMinor
    qint64 totalMinor = 0;
    QString currency;
    QString reference; ///< ours ("CD-…"), or "(not yet approved)"
    QString vendorReference;
    QString stateText; ///< "confirmed", "outcome unknown", "not yet approved"…
    QDateTime date;    ///< approved (or now, for a proposal)
    bool proposal = false;
};

/// The statement of @p intent: its lines looked up in the cache by the ids in
/// intent.lines (Consignify line items, ConsignCloud balance entries). A line
/// the cache no longer has still shows, with its amount from the intent and
/// "(not in the cache)". The total is intent.amountMinor; where the lines do
/// not add up to it (a partial ConsignCloud payout, an earlier balance) an
/// adjustment line says so. nullopt with @p error when the cache cannot be read.
std::optional<Statement> statementForIntent(QSqlDatabase db, const Intent &intent, QString *error);
/// A preview of @p proposal's statement before approval; @p store the
/// connection's name (the proposal's own when empty).
Statement statementForProposal(const Proposal &proposal, const QString &store = {});

/// @p date as a statement shows it: the locale's short format with the whole year.
QString statementDay(const QDate &date, const QLocale &locale = QLocale());

/// The statement as rich text (QTextDocument's HTML subset): a header with the
/// store and "Consignor statement", the consignor, period and reference, a
/// table of the lines and the total, and the payout's reference and state.
QString statementHtml(const Statement &statement, const QLocale &locale = QLocale());

/// Writes @p statements to a PDF at @p path, each starting on a new page,
/// page numbers in the footer, margins of 15 mm; atomically (all or nothing).
bool writeStatementPdf(const QList<Statement> &statements, const QString &path, QString *error,
                       const QPageSize &page = QPageSize(QPageSize::A4), const QLocale &locale = QLocale());
/// Paints @p statements on @p printer, as the PDF has them (for
/// QPrintPreviewDialog::paintRequested).
void printStatements(const QList<Statement> &statements, QPrinter *printer, const QLocale &locale = QLocale());

} // namespace ConsignDesk::Payouts
