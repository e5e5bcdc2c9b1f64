// The PDF sink: a 500-row table of mixed kinds (USD and GBP money) written to
// A4 and Letter and read back with pdftotext and pdfinfo — the header block,
// the table header on every page, page numbers, the totals as formatted, rows,
// "fi" not a ligature, long text elided, the page size and orientation; and a
// target that cannot be written leaves no file.
#include "core/currency.h"
#include "core/numbers.h"
#include "reports/pdfsink.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ConsignDesk;
using namespace ConsignDesk::Reports;

class TestPdfSink : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    static QString run(const QString &program, const QStringList &arguments)
    {
        QProcess process;
        process.start(program, arguments);
        if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
            qFatal("%s failed: %s", qPrintable(program), process.readAllStandardError().constData());
        return QString::fromUtf8(process.readAllStandardOutput());
    }

    static QString normalized(QString text)
    {
        text.replace(QChar(0x00a0), u' ').replace(QChar(0x202f), u' ');
        return text.simplified();
    }

    // Each page's text as pdftotext lays it out, spaces of every kind made one.
    static QStringList pagesOf(const QString &path)
    {
        QStringList pages = run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")})
                                .split(u'\f');
        if (!pages.isEmpty() && pages.constLast().trimmed().isEmpty())
            pages.removeLast();
        for (QString &page : pages)
            page = normalized(page);
        return pages;
    }

    static QString pdfInfo(const QString &path, const QString &key)
    {
        const QString info = run(QStringLiteral("pdfinfo"), {path});
        const QRegularExpression line(QStringLiteral("^%1:\\s*(.*)$").arg(QRegularExpression::escape(key)),
                                      QRegularExpression::MultilineOption);
        return line.match(info).captured(1).trimmed();
    }

    // "595 x 842" from pdfinfo's "595.276 x 841.89 pts (A4)".
    static QString pageSizeOf(const QString &path)
    {
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("([\\d.]+) x ([\\d.]+) pts"))
                                              .match(pdfInfo(path, QStringLiteral("Page size")));
        if (!m.hasMatch())
            return {};
        return QStringLiteral("%1 x %2").arg(qRound(m.captured(1).toDouble())).arg(qRound(m.captured(2).toDouble()));
    }

    static const QList<ColumnDef> &columns()
    {
        static const QList<ColumnDef> c{
            {QStringLiteral("Sold on"), CellKind::Date},
            {QStringLiteral("Item"), CellKind::Text},
            {QStringLiteral("Consignor"), CellKind::Text},
            {QStringLiteral("Qty"), CellKind::Integer},
            {QStringLiteral("Split"), CellKind::Percent},
            {QStringLiteral("Price"), CellKind::Money},
            {QStringLiteral("Consignor share"), CellKind::Money},
        };
        return c;
    }

    struct Written {
        QList<QList<Cell>> rows; // a sample: every 50th row
        QList<QList<Cell>> totals;
        QString longTitle;
    };

    static QString currencyOf(int i) { return i % 3 == 0 ? QStringLiteral("GBP") : QStringLiteral("USD"); }

    // 500 rows in USD and GBP, with a totals row per currency.
    static Written writeTable(TableSink &sink, int rows = 500)
    {
        Written w;
        w.longTitle = QStringLiteral("Oversized vintage wardrobe ") + QString(QStringLiteral("with carvings ")).repeated(20);
        TableMeta meta;
        meta.title = QStringLiteral("Sales summary");
        meta.store = QStringLiteral("Main Street, Outlet");
        meta.period = QStringLiteral("1 Jan 2026 – 31 Mar 2026");
        meta.columns = columns();
        QString error;
        if (!sink.begin(meta, &error))
            qFatal("begin: %s", qPrintable(error));
        QHash<QString, qint64> quantity, price, share;
        for (int i = 0; i < rows; ++i) {
            const QString currency = currencyOf(i);
            const qint64 q = 1 + i % 4;
            const qint64 p = 1999 + qint64(i) * 137;
            const int split = i % 2 ? 5000 : 3750;
            const qint64 s = p * split / 10000;
            const QString title = i == 7 ? w.longTitle : QStringLiteral("Profile fixture %1").arg(i);
            QList<Cell> cells{{QDate(2026, 1, 1).addDays(i % 90), {}}, Cell::text(title),
                              Cell::text(QStringLiteral("Consignor %1").arg(i % 17)), Cell::integer(q),
                              {qint64(split), {}}, Cell::money(p, currency), Cell::money(s, currency)};
            sink.row(cells);
            if (i % 50 == 0)
                w.rows.append(cells);
            quantity[currency] += q;
            price[currency] += p;
            share[currency] += s;
        }
        for (const QString &currency : {QStringLiteral("GBP"), QStringLiteral("USD")}) {
            w.totals.append({Cell::text(QStringLiteral("Total (%1)").arg(currency)), {}, {},
                             Cell::integer(quantity.value(currency)), {}, Cell::money(price.value(currency), currency),
                             Cell::money(share.value(currency), currency)});
        }
        sink.totals(w.totals);
        return w;
    }

    static QString shown(const Cell &cell, CellKind kind) { return normalized(PdfSink::display(cell, kind, QLocale())); }

    void verifyTable(const QString &path, const Written &w)
    {
        const QStringList pages = pagesOf(path);
        const int pageCount = pdfInfo(path, QStringLiteral("Pages")).toInt();
        QVERIFY2(pageCount >= 5, qPrintable(QString::number(pageCount))); // 500 rows
        QCOMPARE(pages.size(), pageCount);
        const QString &first = pages.constFirst();
        QVERIFY(first.contains(QStringLiteral("Sales summary")));
        QVERIFY(first.contains(QStringLiteral("Main Street, Outlet")));
        QVERIFY(first.contains(QStringLiteral("1 Jan 2026 – 31 Mar 2026")));
        // The table's header on every page, and the page's number.
        int withHeader = 0;
        for (int n = 0; n < pages.size(); ++n) {
            const QString &page = pages.at(n);
            bool all = true;
            for (const ColumnDef &column : columns())
                all = all && page.contains(column.header);
            withHeader += all ? 1 : 0;
            QVERIFY2(page.contains(QStringLiteral("Page %1").arg(n + 1)), qPrintable(page.right(200)));
            if (n > 0) // the running header
                QVERIFY(page.contains(QStringLiteral("Sales summary · Main Street, Outlet")));
        }
        QCOMPARE(withHeader, pageCount);
        QVERIFY(first.contains(QStringLiteral("Page 1")));

        // The totals, as formatted, on the last page, each on its own line.
        const QString all = pages.join(u' ');
        const QString &last = pages.constLast();
        for (const QList<Cell> &total : w.totals) {
            QString line;
            for (int c = 0; c < columns().size(); ++c) {
                const QString text = shown(total.value(c), columns().at(c).kind);
                if (!text.isEmpty())
                    line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + text;
            }
            QVERIFY2(last.contains(line), qPrintable(line + QStringLiteral(" not in ") + last.right(500)));
        }
        QVERIFY(last.contains(QStringLiteral("Total (USD) ")));
        QVERIFY(last.contains(QStringLiteral("£")));
        QVERIFY(last.contains(QStringLiteral("$")));

        // A sample of rows, whole ("fi" two letters, not a ligature).
        for (const QList<Cell> &row : w.rows) {
            QString line;
            for (int c = 0; c < columns().size(); ++c)
                line += (c ? QStringLiteral(" ") : QString()) + shown(row.at(c), columns().at(c).kind);
            QVERIFY2(all.contains(line), qPrintable(line));
        }
        QVERIFY(all.contains(QStringLiteral("Profile fixture 499")));
        // Text too long for its column is cut with an ellipsis, not wrapped.
        QVERIFY(all.contains(QStringLiteral("Oversized vintage wardrobe")));
        QVERIFY(!all.contains(normalized(w.longTitle)));
        QVERIFY(all.contains(QChar(0x2026)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(m_dir.isValid());
        if (qEnvironmentVariableIsSet("CONSIGNDESK_KEEP_PDFS")) { // to look at them
            m_dir.setAutoRemove(false);
            qInfo("PDFs kept in %s", qPrintable(m_dir.path()));
        }
    }

    void formatsCellsForPeople()
    {
        const QLocale locale(QLocale::English, QLocale::UnitedStates);
        QCOMPARE(PdfSink::display(Cell::money(123456, QStringLiteral("USD")), CellKind::Money, locale),
                 Currency::format(123456, QStringLiteral("USD"), locale));
        QCOMPARE(PdfSink::display(Cell::money(-29, QStringLiteral("GBP")), CellKind::Money, locale),
                 Currency::format(-29, QStringLiteral("GBP"), locale));
        QCOMPARE(PdfSink::display(Cell::integer(1234567), CellKind::Integer, locale), QStringLiteral("1,234,567"));
        QCOMPARE(PdfSink::display({qint64(3750), {}}, CellKind::Percent, locale), QStringLiteral("37.5%"));
        QCOMPARE(PdfSink::display({QDate(2026, 3, 4), {}}, CellKind::Date, locale), QStringLiteral("3/4/2026"));
        QCOMPARE(PdfSink::display({}, CellKind::Money, locale), QString());
        // A totals row's label shows as it is, whatever its column holds.
        QCOMPARE(PdfSink::display(Cell::text(QStringLiteral("Total (USD)")), CellKind::Date, locale),
                 QStringLiteral("Total (USD)"));
    }

    void a4()
    {
        const QString path = m_dir.filePath(QStringLiteral("a4.pdf"));
        PdfSink sink(path, {});
        const Written w = writeTable(sink);
        QVERIFY(!QFile::exists(path)); // nothing appears before finish()
        QString error;
        QVERIFY2(sink.finish(&error), qPrintable(error));
        QCOMPARE(pageSizeOf(path), QStringLiteral("595 x 842"));
        verifyTable(path, w);
    }

    void letter()
    {
        const QString path = m_dir.filePath(QStringLiteral("letter.pdf"));
        SinkOptions options;
        options.pageSize = QPageSize(QPageSize::Letter);
        const std::unique_ptr<TableSink> sink = makePdfSink(path, options);
        const Written w = writeTable(*sink);
        QString error;
        QVERIFY2(sink->finish(&error), qPrintable(error));
        QCOMPARE(pageSizeOf(path), QStringLiteral("612 x 792"));
        verifyTable(path, w);
    }

    // Many columns turn the page; each header still shows.
    void landscapeForManyColumns()
    {
        const QString path = m_dir.filePath(QStringLiteral("wide.pdf"));
        PdfSink sink(path, {});
        TableMeta meta;
        meta.title = QStringLiteral("Inventory");
        for (int c = 0; c < 12; ++c)
            meta.columns.append({QStringLiteral("Amount %1").arg(c + 1), CellKind::Money});
        QString error;
        QVERIFY(sink.begin(meta, &error));
        for (int i = 0; i < 30; ++i) {
            QList<Cell> cells;
            for (int c = 0; c < 12; ++c)
                cells.append(Cell::money(100000 + i * 100 + c, QStringLiteral("USD")));
            sink.row(cells);
        }
        QVERIFY2(sink.finish(&error), qPrintable(error));
        QCOMPARE(pageSizeOf(path), QStringLiteral("842 x 595"));
        const QString text = pagesOf(path).join(u' ');
        for (int c = 0; c < 12; ++c)
            QVERIFY(text.contains(QStringLiteral("Amount %1").arg(c + 1)));
        QVERIFY(text.contains(normalized(Currency::format(100000 + 29 * 100 + 11, QStringLiteral("USD")))));
    }

    // A report without rows is still a page: the header block, the table header, the totals.
    void emptyTable()
    {
        const QString path = m_dir.filePath(QStringLiteral("empty.pdf"));
        PdfSink sink(path, {});
        const Written w = writeTable(sink, 0);
        QString error;
        QVERIFY2(sink.finish(&error), qPrintable(error));
        QCOMPARE(pdfInfo(path, QStringLiteral("Pages")), QStringLiteral("1"));
        const QString text = pagesOf(path).join(u' ');
        QVERIFY(text.contains(QStringLiteral("Consignor share")));
        QVERIFY(text.contains(QStringLiteral("Total (USD)")));
    }

    // A total wider than its column (and no empty cell beside it) is set smaller, not cut.
    void aLargeTotalIsNotCut()
    {
        const QString path = m_dir.filePath(QStringLiteral("large-total.pdf"));
        PdfSink sink(path, {});
        TableMeta meta;
        meta.title = QStringLiteral("Sales summary");
        meta.columns = {{QStringLiteral("Item"), CellKind::Text}, {QStringLiteral("Qty"), CellKind::Integer},
                        {QStringLiteral("Price"), CellKind::Money}};
        QString error;
        QVERIFY(sink.begin(meta, &error));
        for (int i = 0; i < 3; ++i)
            sink.row({Cell::text(QStringLiteral("Lamp")), Cell::integer(1), Cell::money(100, QStringLiteral("USD"))});
        const Cell total = Cell::money(1234567890, QStringLiteral("USD"));
        sink.totals({{Cell::text(QStringLiteral("Total")), Cell::integer(3), total}});
        QVERIFY2(sink.finish(&error), qPrintable(error));
        const QString text = pagesOf(path).join(u' ');
        QVERIFY2(text.contains(QStringLiteral("Total 3 ") + shown(total, CellKind::Money)), qPrintable(text));
    }

    void unwritableTargetLeavesNoFile()
    {
        // Not a folder (running as root, permissions would not stop us).
        const QString notAFolder = m_dir.filePath(QStringLiteral("plain-file"));
        {
            QFile file(notAFolder);
            QVERIFY(file.open(QIODevice::WriteOnly));
        }
        for (const QString &path : QStringList{m_dir.filePath(QStringLiteral("missing/folder/out.pdf")),
                                                QString(notAFolder + QStringLiteral("/out.pdf"))}) {
            PdfSink sink(path, {});
            TableMeta meta;
            meta.title = QStringLiteral("Sales summary");
            meta.columns = columns();
            QString error;
            QVERIFY(!sink.begin(meta, &error));
            QVERIFY2(error.contains(path), qPrintable(error));
            sink.row({Cell::text(QStringLiteral("x"))});
            QString finishError;
            QVERIFY(!sink.finish(&finishError));
            QVERIFY(!finishError.isEmpty());
            QVERIFY(!QFileInfo::exists(path));
        }
    }

    // A sink dropped before finish() (an export cancelled or failed midway) leaves nothing.
    void abandonedLeavesNoFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("abandoned.pdf"));
        {
            PdfSink sink(path, {});
            writeTable(sink, 300);
        }
        QVERIFY(!QFileInfo::exists(path));
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("abandoned*")}, QDir::Files | QDir::Hidden), QStringList());
    }
};

QTEST_MAIN(TestPdfSink)
#include "tst_pdfsink.moc"
