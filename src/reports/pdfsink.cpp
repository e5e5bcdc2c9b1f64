#include "reports/pdfsink.h"

#include "core/currency.h"
#include "core/numbers.h"
#include "payouts/documentstyle.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QFontMetricsF>
#include <QHash>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QPen>
#include <QSaveFile>

#include <algorithm>
#include <limits>
#include <optional>

namespace ConsignDesk::Reports {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(PdfSink)
};

// The palette of the consignor statement, and the band behind the table's
// header and every other row.
using Payouts::DocumentStyle::accent;
using Payouts::DocumentStyle::day;
using Payouts::DocumentStyle::ink;
using Payouts::DocumentStyle::muted;
using Payouts::DocumentStyle::rule;
constexpr auto headerBand = "#e6ebf2";
constexpr auto rowBand = "#f4f6f9";

constexpr qreal marginMm = 12;
constexpr qreal cellPadMm = 1.3;
constexpr int resolution = 600;
/// Rows held before the columns are measured (and the page turned or not).
constexpr qsizetype sampleRows = 100;
/// Totals are sums of many rows: room for this many times the largest amount
/// seen in the first rows (a wider total spills into the empty cells beside it).
constexpr qint64 totalsHeadroom = 1000;
/// How much smaller a number may be set before it is cut instead.
constexpr qreal minimumShrink = 0.7;

bool rightAligned(CellKind kind)
{
    return kind != CellKind::Text;
}

bool numeric(CellKind kind)
{
    return kind == CellKind::Integer || kind == CellKind::Money || kind == CellKind::Percent;
}

qreal mm(qreal millimetres)
{
    return millimetres / 25.4 * resolution;
}

QString joined(const QStringList &parts)
{
    QStringList present;
    for (const QString &part : parts) {
        if (!part.trimmed().isEmpty())
            present << part.trimmed();
    }
    return present.join(QStringLiteral(" · "));
}

} // namespace

QString PdfSink::display(const Cell &cell, CellKind kind, const QLocale &locale)
{
    if (cell.value.isNull() || !cell.value.isValid())
        return {};
    if (cell.value.typeId() == QMetaType::QString) // a label ("Total (USD)") in any column
        return cell.value.toString();
    switch (kind) {
    case CellKind::Text:
        return cell.value.toString();
    case CellKind::Integer:
        return locale.toString(cell.value.toLongLong());
    case CellKind::Money:
        return Currency::format(cell.value.toLongLong(), cell.currency, locale);
    case CellKind::Percent:
        return Numbers::percentFromBasisPoints(cell.value.toLongLong(), locale);
    case CellKind::Date:
        return day(cell.value.toDate(), locale);
    case CellKind::DateTime: {
        const QDateTime local = cell.value.toDateTime().toLocalTime();
        if (!local.isValid())
            return {};
        return day(local.date(), locale) + u' ' + locale.toString(local.time(), QLocale::ShortFormat);
    }
    }
    return cell.value.toString();
}

struct PdfSink::Private {
    QString path;
    SinkOptions options;
    QLocale locale;
    TableMeta meta;

    QSaveFile file;
    std::unique_ptr<QPdfWriter> writer;
    QPainter painter;

    bool begun = false;
    bool laidOut = false;
    bool finished = false;
    QString failure; ///< why the file cannot be written, once known

    QList<QList<Cell>> pending; ///< the first rows, until the columns are measured

    QFont bodyFont = Payouts::DocumentStyle::font(8.5);
    QFont boldFont = Payouts::DocumentStyle::font(8.5, true);
    QFont titleFont = Payouts::DocumentStyle::font(14, true);
    QFont metaFont = Payouts::DocumentStyle::font(9.5);
    QFont smallFont = Payouts::DocumentStyle::font(7.5);
    std::optional<QFontMetricsF> body, bold, title, metaMetrics, small;

    QList<qreal> left;   ///< each column's left edge
    QList<qreal> widths; ///< each column's width
    qreal pageWidth = 0;
    qreal footerTop = 0; ///< where the rows must end
    qreal rowHeight = 0;
    qreal pad = mm(cellPadMm);
    qreal y = 0;
    int page = 0;
    qint64 rowsOnPage = 0;

    explicit Private(const QString &p, const SinkOptions &o, const QLocale &l)
        : path(p)
        , options(o)
        , locale(l)
        , file(p)
    {
    }

    CellKind kindOf(qsizetype column) const { return meta.columns.value(column).kind; }

    void fail(const QString &why)
    {
        if (failure.isEmpty())
            failure = why;
    }

    void layOut();
    QList<qreal> naturalWidths(QList<qreal> *textNeeds) const;
    void startPage();
    void endPage();
    void ensureRoom(qreal height);
    void paintHeaderRow();
    void paintRow(const QList<Cell> &cells, bool totals);
    void paintText(const QString &text, qreal x, qreal width, bool right, const QFontMetricsF &metrics, qreal top,
                   qreal height, bool shrink = false);
};

// Each column's width when nothing is cut: its header, a typical value of its
// kind and the first rows (numbers with room for their totals), with padding.
// @p textNeeds: what a text column needs at least before the page turns.
QList<qreal> PdfSink::Private::naturalWidths(QList<qreal> *textNeeds) const
{
    const qsizetype columns = meta.columns.size();
    QList<qreal> natural(columns, 0);
    textNeeds->fill(0, columns);
    QList<QHash<QString, qint64>> largest(columns); // per money column: the largest amount per currency
    for (const QList<Cell> &cells : pending) {
        for (qsizetype c = 0; c < columns && c < cells.size(); ++c) {
            const CellKind kind = kindOf(c);
            const Cell &cell = cells.at(c);
            natural[c] = std::max(natural[c], body->horizontalAdvance(display(cell, kind, locale)));
            if (numeric(kind) && kind != CellKind::Percent && !cell.value.isNull()) {
                qint64 &most = largest[c][cell.currency];
                most = std::max(most, qAbs(cell.value.toLongLong()));
            }
        }
    }
    const int sampleYear = QDate::currentDate().year();
    for (qsizetype c = 0; c < columns; ++c) {
        const CellKind kind = kindOf(c);
        const qreal header = bold->horizontalAdvance(meta.columns.at(c).header);
        qreal typical = 0;
        switch (kind) {
        case CellKind::Text:
            break;
        case CellKind::Integer:
            typical = body->horizontalAdvance(locale.toString(qint64(-99999)));
            break;
        case CellKind::Money:
            typical = body->horizontalAdvance(Currency::format(-9999999, QStringLiteral("USD"), locale));
            break;
        case CellKind::Percent:
            typical = body->horizontalAdvance(Numbers::percentFromBasisPoints(9999, locale));
            break;
        case CellKind::Date:
        case CellKind::DateTime:
            // The widest month (names differ: "May" is wider than "Dec").
            for (int month = 1; month <= 12; ++month) {
                const QDate sample(sampleYear, month, 28);
                typical = std::max(typical, body->horizontalAdvance(
                                                kind == CellKind::Date
                                                    ? day(sample, locale)
                                                    : display(Cell{QDateTime(sample, QTime(23, 59)), {}}, kind, locale)));
            }
            break;
        }
        for (auto it = largest.at(c).cbegin(); it != largest.at(c).cend(); ++it) {
            const qint64 total = -std::min(it.value(), std::numeric_limits<qint64>::max() / totalsHeadroom - 1)
                                 * totalsHeadroom;
            typical = std::max(typical, bold->horizontalAdvance(kind == CellKind::Money
                                                                    ? Currency::format(total, it.key(), locale)
                                                                    : locale.toString(total)));
        }
        natural[c] = std::max({natural[c], header, typical}) + 2 * pad;
        if (kind == CellKind::Text)
            (*textNeeds)[c] = std::min(natural[c], std::max(header + 2 * pad, mm(30)));
    }
    return natural;
}

void PdfSink::Private::layOut()
{
    laidOut = true;
    writer = std::make_unique<QPdfWriter>(&file);
    writer->setResolution(resolution);
    writer->setCreator(QStringLiteral("ConsignDesk"));
    writer->setTitle(meta.title);
    body.emplace(bodyFont, writer.get());
    bold.emplace(boldFont, writer.get());
    title.emplace(titleFont, writer.get());
    metaMetrics.emplace(metaFont, writer.get());
    small.emplace(smallFont, writer.get());

    QList<qreal> textNeeds;
    const QList<qreal> natural = naturalWidths(&textNeeds);
    qreal fixed = 0, needed = 0, naturalSum = 0;
    for (qsizetype c = 0; c < natural.size(); ++c) {
        naturalSum += natural.at(c);
        if (kindOf(c) == CellKind::Text)
            needed += textNeeds.at(c);
        else
            fixed += natural.at(c);
    }
    // Portrait unless the columns need the width of a landscape page.
    const QSizeF paper = options.pageSize.size(QPageSize::Millimeter);
    const qreal portraitWidth = mm(std::min(paper.width(), paper.height()) - 2 * marginMm);
    const bool landscape = fixed + needed > portraitWidth && paper.width() != paper.height();
    writer->setPageLayout(QPageLayout(options.pageSize, landscape ? QPageLayout::Landscape : QPageLayout::Portrait,
                                      QMarginsF(marginMm, marginMm, marginMm, marginMm), QPageLayout::Millimeter));
    pageWidth = writer->width();
    const qreal pageHeight = writer->height();

    // Widths: everything natural when it fits, the spare room to the text
    // columns; otherwise numbers keep theirs and text columns share the rest
    // (down to what they need, then everything scales and cells are elided).
    const qsizetype columns = natural.size();
    widths = natural;
    qreal textNatural = 0, textOver = 0;
    for (qsizetype c = 0; c < columns; ++c) {
        if (kindOf(c) == CellKind::Text) {
            textNatural += natural.at(c);
            textOver += natural.at(c) - textNeeds.at(c);
        }
    }
    if (naturalSum <= pageWidth) {
        const qreal spare = pageWidth - naturalSum;
        for (qsizetype c = 0; c < columns; ++c) {
            if (textNatural > 0)
                widths[c] += kindOf(c) == CellKind::Text ? spare * natural.at(c) / textNatural : 0;
            else
                widths[c] += spare / columns;
        }
    } else if (fixed + needed <= pageWidth) {
        const qreal room = pageWidth - fixed - needed;
        for (qsizetype c = 0; c < columns; ++c) {
            if (kindOf(c) == CellKind::Text)
                widths[c] = textNeeds.at(c) + (textOver > 0 ? room * (natural.at(c) - textNeeds.at(c)) / textOver : 0);
        }
    } else {
        const qreal scale = pageWidth / (fixed + needed);
        for (qsizetype c = 0; c < columns; ++c)
            widths[c] = (kindOf(c) == CellKind::Text ? textNeeds.at(c) : natural.at(c)) * scale;
    }
    left.resize(columns);
    qreal x = 0;
    for (qsizetype c = 0; c < columns; ++c) {
        left[c] = x;
        x += widths.at(c);
    }

    rowHeight = body->height() * 1.45;
    footerTop = pageHeight - small->height() - mm(2.5);

    if (!painter.begin(writer.get())) {
        fail(Text::tr("cannot write %1: the PDF could not be started").arg(path));
        return;
    }
    startPage();
    const QList<QList<Cell>> rows = std::exchange(pending, {});
    for (const QList<Cell> &cells : rows)
        paintRow(cells, false);
}

void PdfSink::Private::paintText(const QString &text, qreal x, qreal width, bool right, const QFontMetricsF &metrics,
                                 qreal top, qreal height, bool shrink)
{
    if (text.isEmpty())
        return;
    const qreal room = width - 2 * pad;
    QString shown = text;
    qreal advance = metrics.horizontalAdvance(shown);
    if (advance > room && shrink && advance * minimumShrink <= room) {
        // A number too wide (a large total) is set smaller rather than cut.
        const QFont font = painter.font();
        QFont smaller = font;
        smaller.setPointSizeF(font.pointSizeF() * room / advance * 0.98);
        const QFontMetricsF smallerMetrics(smaller, painter.device());
        painter.setFont(smaller);
        const qreal smallerAdvance = smallerMetrics.horizontalAdvance(shown);
        const qreal baseline = top + (height - metrics.height()) / 2 + metrics.ascent();
        painter.drawText(QPointF(right ? x + width - pad - smallerAdvance : x + pad, baseline), shown);
        painter.setFont(font);
        return;
    }
    if (advance > room) {
        shown = metrics.elidedText(text, Qt::ElideRight, std::max<qreal>(room, 0));
        if (shown.isEmpty())
            return;
        advance = metrics.horizontalAdvance(shown);
    }
    const qreal baseline = top + (height - metrics.height()) / 2 + metrics.ascent();
    painter.drawText(QPointF(right ? x + width - pad - advance : x + pad, baseline), shown);
}

// The top of a page: the report's title, store and period on the first, a
// running header on the others; then the table's header.
void PdfSink::Private::startPage()
{
    ++page;
    rowsOnPage = 0;
    y = 0;
    if (page == 1) {
        painter.setPen(QColor(QLatin1String(accent)));
        painter.setFont(titleFont);
        paintText(meta.title, -pad, pageWidth + 2 * pad, false, *title, y, title->height());
        y += title->height() + mm(1.5);
        painter.setFont(metaFont);
        if (!meta.store.isEmpty()) {
            painter.setPen(QColor(QLatin1String(ink)));
            paintText(Text::tr("Store: %1").arg(meta.store), -pad, pageWidth + 2 * pad, false, *metaMetrics, y,
                      metaMetrics->height());
            y += metaMetrics->height() * 1.2;
        }
        if (!meta.period.isEmpty()) {
            painter.setPen(QColor(QLatin1String(muted)));
            paintText(Text::tr("Period: %1").arg(meta.period), -pad, pageWidth + 2 * pad, false, *metaMetrics, y,
                      metaMetrics->height());
            y += metaMetrics->height() * 1.2;
        }
        y += mm(4);
    } else {
        painter.setPen(QColor(QLatin1String(muted)));
        painter.setFont(smallFont);
        paintText(joined({meta.title, meta.store, meta.period}), -pad, pageWidth + 2 * pad, false, *small, y,
                  small->height());
        y += small->height() + mm(1);
        painter.setPen(QPen(QColor(QLatin1String(rule)), resolution / 144.0));
        painter.drawLine(QPointF(0, y), QPointF(pageWidth, y));
        y += mm(3);
    }
    paintHeaderRow();
}

void PdfSink::Private::paintHeaderRow()
{
    const qreal height = bold->height() * 1.6;
    painter.fillRect(QRectF(0, y, pageWidth, height), QColor(QLatin1String(headerBand)));
    painter.setPen(QColor(QLatin1String(accent)));
    painter.setFont(boldFont);
    for (qsizetype c = 0; c < meta.columns.size(); ++c)
        paintText(meta.columns.at(c).header, left.at(c), widths.at(c), rightAligned(kindOf(c)), *bold, y, height);
    y += height;
    painter.setPen(QPen(QColor(QLatin1String(accent)), resolution / 96.0));
    painter.drawLine(QPointF(0, y), QPointF(pageWidth, y));
    painter.setFont(bodyFont);
    painter.setPen(QColor(QLatin1String(ink)));
}

// The foot of a page: "Page n" (the rows are not held, so there is no "of m").
void PdfSink::Private::endPage()
{
    painter.setPen(QPen(QColor(QLatin1String(rule)), resolution / 144.0));
    painter.drawLine(QPointF(0, footerTop + mm(1)), QPointF(pageWidth, footerTop + mm(1)));
    painter.setPen(QColor(QLatin1String(muted)));
    painter.setFont(smallFont);
    const qreal top = footerTop + mm(2.5) - small->height() * 0.1;
    paintText(joined({meta.title, meta.store}), -pad, pageWidth * 0.7, false, *small, top, small->height());
    paintText(Text::tr("Page %1").arg(page), pageWidth * 0.7 - pad, pageWidth * 0.3 + 2 * pad, true, *small, top,
              small->height());
}

void PdfSink::Private::ensureRoom(qreal height)
{
    if (y + height <= footerTop || rowsOnPage == 0)
        return;
    endPage();
    if (!writer->newPage()) {
        fail(Text::tr("cannot write %1: %2").arg(path, file.errorString()));
        return;
    }
    startPage();
}

void PdfSink::Private::paintRow(const QList<Cell> &cells, bool totals)
{
    if (!failure.isEmpty())
        return;
    ensureRoom(rowHeight);
    if (totals)
        painter.setFont(boldFont);
    if (!totals && rowsOnPage % 2 == 1)
        painter.fillRect(QRectF(0, y, pageWidth, rowHeight), QColor(QLatin1String(rowBand)));
    const QFontMetricsF &metrics = totals ? *bold : *body;
    const qsizetype columns = meta.columns.size();
    QList<QString> texts(columns);
    for (qsizetype c = 0; c < columns && c < cells.size(); ++c)
        texts[c] = display(cells.at(c), kindOf(c), locale);
    for (qsizetype c = 0; c < columns; ++c) {
        if (texts.at(c).isEmpty())
            continue;
        const bool right = rightAligned(kindOf(c)) && cells.at(c).value.typeId() != QMetaType::QString;
        qreal x = left.at(c), width = widths.at(c);
        if (totals) {
            // A total may spill into the empty cells beside it (a label to the
            // right, a number to the left) rather than be cut.
            if (right) {
                for (qsizetype n = c - 1; n >= 0 && texts.at(n).isEmpty(); --n) {
                    x = left.at(n);
                    width += widths.at(n);
                }
            } else {
                for (qsizetype n = c + 1; n < columns && texts.at(n).isEmpty(); ++n)
                    width += widths.at(n);
            }
        }
        paintText(texts.at(c), x, width, right, metrics, y, rowHeight, numeric(kindOf(c)));
    }
    y += rowHeight;
    ++rowsOnPage;
}

PdfSink::PdfSink(const QString &path, const SinkOptions &options, const QLocale &locale)
    : d(std::make_unique<Private>(path, options, locale))
{
}

PdfSink::~PdfSink()
{
    if (!d->finished)
        d->file.cancelWriting(); // nothing appears
    if (d->painter.isActive())
        d->painter.end();
}

bool PdfSink::begin(const TableMeta &meta, QString *error)
{
    d->meta = meta;
    if (!d->file.open(QIODevice::WriteOnly)) {
        d->fail(Text::tr("cannot write %1: %2").arg(d->path, d->file.errorString()));
        if (error)
            *error = d->failure;
        return false;
    }
    d->begun = true;
    return true;
}

void PdfSink::row(const QList<Cell> &cells)
{
    if (!d->begun || !d->failure.isEmpty())
        return;
    if (!d->laidOut) {
        d->pending.append(cells);
        if (d->pending.size() >= sampleRows)
            d->layOut();
        return;
    }
    d->paintRow(cells, false);
}

void PdfSink::totals(const QList<QList<Cell>> &rows)
{
    if (!d->begun || !d->failure.isEmpty() || rows.isEmpty())
        return;
    if (!d->laidOut)
        d->layOut();
    if (!d->failure.isEmpty())
        return;
    // The totals stay together, under a rule.
    const qreal gap = mm(1.5);
    d->ensureRoom(gap + d->rowHeight * rows.size());
    d->y += gap;
    d->painter.setPen(QPen(QColor(QLatin1String(accent)), resolution / 72.0));
    d->painter.drawLine(QPointF(0, d->y), QPointF(d->pageWidth, d->y));
    d->painter.setFont(d->boldFont);
    d->painter.setPen(QColor(QLatin1String(ink)));
    for (const QList<Cell> &cells : rows)
        d->paintRow(cells, true);
    d->painter.setFont(d->bodyFont);
}

bool PdfSink::finish(QString *error)
{
    if (d->finished) {
        if (error)
            *error = d->failure;
        return d->failure.isEmpty();
    }
    d->finished = true;
    if (d->begun && !d->laidOut)
        d->layOut();
    if (!d->begun)
        d->fail(Text::tr("cannot write %1: the report was not started").arg(d->path));
    if (d->painter.isActive()) {
        d->endPage();
        d->painter.end();
    }
    d->writer.reset();
    if (d->failure.isEmpty() && !d->file.commit())
        d->fail(Text::tr("cannot write %1: %2").arg(d->path, d->file.errorString()));
    if (!d->failure.isEmpty()) {
        d->file.cancelWriting();
        if (error)
            *error = d->failure;
        return false;
    }
    return true;
}

std::unique_ptr<TableSink> makePdfSink(const QString &path, const SinkOptions &options)
{
    return std::make_unique<PdfSink>(path, options);
}

} // namespace ConsignDesk::Reports
