// XLSX as a spreadsheet reads it: the workbook unzipped and its XML parsed.
// Numbers, money, dates and percentages are numeric cells with their number
// formats, text is text (never a formula), the header row is frozen, the
// columns are sized, the totals are there; and the file appears whole or not
// at all.
#include "reports/xlsxsink.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <ctime>

using namespace ConsignDesk;
using namespace ConsignDesk::Reports;

namespace {

struct XCell {
    QString type;      ///< the t attribute: empty for a number
    int style = 0;     ///< the s attribute
    QString value;     ///< <v>
    QString text;      ///< <is><t> of an inline string
    bool formula = false;
};

struct Sheet {
    QHash<QString, XCell> cells; ///< by reference ("B5")
    QHash<QString, QString> pane;
    QList<QHash<QString, QString>> cols;
    int formulas = 0;
    int rows = 0;
};

struct Styles {
    QHash<int, QString> numFmts;
    struct Xf {
        int numFmtId = 0, fontId = 0, borderId = 0;
    };
    QList<Xf> xfs;
    QList<bool> boldFonts;
    QList<bool> topBorders;

    QString numFmt(int style) const
    {
        const int id = xfs.value(style).numFmtId;
        static const QHash<int, QString> builtIn{{0, QStringLiteral("General")}, {1, QStringLiteral("0")},
                                                 {9, QStringLiteral("0%")}, {10, QStringLiteral("0.00%")}};
        return id < 164 ? builtIn.value(id, QStringLiteral("builtin %1").arg(id)) : numFmts.value(id);
    }
    bool bold(int style) const { return boldFonts.value(xfs.value(style).fontId); }
    bool topBorder(int style) const { return topBorders.value(xfs.value(style).borderId); }
};

QByteArray unzipEntry(const QString &xlsx, const QString &entry)
{
    QProcess unzip;
    unzip.start(QStringLiteral("unzip"), {QStringLiteral("-p"), xlsx, entry});
    if (!unzip.waitForFinished(30000) || unzip.exitStatus() != QProcess::NormalExit || unzip.exitCode() != 0) {
        qWarning() << "unzip failed:" << unzip.readAllStandardError();
        return {};
    }
    return unzip.readAllStandardOutput();
}

QHash<QString, QString> attributesOf(const QXmlStreamReader &xml)
{
    QHash<QString, QString> out;
    for (const QXmlStreamAttribute &a : xml.attributes())
        out.insert(a.name().toString(), a.value().toString());
    return out;
}

bool parseSheet(const QByteArray &data, Sheet *sheet)
{
    QXmlStreamReader xml(data);
    QString current;
    bool inInline = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"pane") {
                sheet->pane = attributesOf(xml);
            } else if (name == u"col") {
                sheet->cols << attributesOf(xml);
            } else if (name == u"row") {
                ++sheet->rows;
            } else if (name == u"c") {
                current = xml.attributes().value(QLatin1StringView("r")).toString();
                XCell cell;
                cell.type = xml.attributes().value(QLatin1StringView("t")).toString();
                cell.style = xml.attributes().value(QLatin1StringView("s")).toInt();
                sheet->cells.insert(current, cell);
            } else if (name == u"v") {
                sheet->cells[current].value = xml.readElementText();
            } else if (name == u"f") {
                sheet->cells[current].formula = true;
                ++sheet->formulas;
            } else if (name == u"is") {
                inInline = true;
            } else if (name == u"t" && inInline) {
                sheet->cells[current].text += xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == u"is") {
            inInline = false;
        }
    }
    if (xml.hasError())
        qWarning() << "sheet1.xml:" << xml.errorString();
    return !xml.hasError();
}

bool parseStyles(const QByteArray &data, Styles *styles)
{
    QXmlStreamReader xml(data);
    enum { None, Fonts, Borders, CellXfs } section = None;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            const auto attrs = xml.attributes();
            if (name == u"numFmt") {
                styles->numFmts.insert(attrs.value(QLatin1StringView("numFmtId")).toInt(), attrs.value(QLatin1StringView("formatCode")).toString());
            } else if (name == u"fonts") {
                section = Fonts;
            } else if (name == u"borders") {
                section = Borders;
            } else if (name == u"cellXfs") {
                section = CellXfs;
            } else if (name == u"cellStyleXfs" || name == u"cellStyles" || name == u"fills") {
                section = None;
            } else if (section == Fonts && name == u"font") {
                styles->boldFonts << false;
            } else if (section == Fonts && name == u"b") {
                styles->boldFonts.last() = true;
            } else if (section == Borders && name == u"border") {
                styles->topBorders << false;
            } else if (section == Borders && name == u"top" && attrs.hasAttribute(QLatin1StringView("style"))) {
                styles->topBorders.last() = true;
            } else if (section == CellXfs && name == u"xf") {
                styles->xfs << Styles::Xf{attrs.value(QLatin1StringView("numFmtId")).toInt(), attrs.value(QLatin1StringView("fontId")).toInt(),
                                          attrs.value(QLatin1StringView("borderId")).toInt()};
            }
        } else if (xml.isEndElement() && (xml.name() == u"fonts" || xml.name() == u"borders" || xml.name() == u"cellXfs")) {
            section = None;
        }
    }
    return !xml.hasError();
}

/// Excel's serial number of a date (days since 1899-12-30, right from March 1900).
double serial(const QDate &date)
{
    return double(QDate(1899, 12, 30).daysTo(date));
}

double serial(const QDateTime &local)
{
    return serial(local.date()) + local.time().msecsSinceStartOfDay() / 86400000.0;
}

TableMeta everyKind()
{
    return {QStringLiteral("Sales: Q1/2026 [draft]"), QStringLiteral("Main Street, Outlet"),
            QStringLiteral("1 Jan 2026 – 31 Mar 2026"),
            {{QStringLiteral("Item"), CellKind::Text},
             {QStringLiteral("Qty"), CellKind::Integer},
             {QStringLiteral("Price"), CellKind::Money},
             {QStringLiteral("Sold on"), CellKind::Date},
             {QStringLiteral("Sold at"), CellKind::DateTime},
             {QStringLiteral("Commission"), CellKind::Percent},
             {QStringLiteral("Note"), CellKind::Text}}};
}

const QString Formula = QStringLiteral("=HYPERLINK(\"http://evil.example\",\"click\")");
const QString LongName = QStringLiteral("A very long item name that should widen its column");

/// Writes every kind of cell and two totals rows to @p path.
bool writeEveryKind(const QString &path, QString *error)
{
    XlsxSink sink(path);
    if (!sink.begin(everyKind(), error))
        return false;
    const QDate day(2026, 1, 15);
    const QDateTime at(day, QTime(13, 45, 30), Qt::UTC);
    sink.row({Cell::text(Formula), Cell::integer(3), Cell::money(4242, QStringLiteral("USD")), {day, {}}, {at, {}},
              {qint64(3750), {}}, Cell::text(QStringLiteral("plain"))});
    sink.row({Cell::text(QStringLiteral("Zoë's coat")), Cell::integer(-2), Cell::money(-1999, QStringLiteral("EUR")),
              {day.addDays(1), {}}, {at.addSecs(3600), {}}, {qint64(-125), {}}, Cell::text(QStringLiteral("-5"))});
    sink.row({Cell::text(LongName), Cell::integer(1), Cell::money(500, QStringLiteral("JPY")), {day, {}}, {at, {}},
              {qint64(5000), {}}, {}});
    sink.row({Cell::text(QStringLiteral("Kimono")), {}, Cell::money(-300, QStringLiteral("JPY")), {}, {}, {}, {}});
    sink.totals({{Cell::text(QStringLiteral("Total")), Cell::integer(2), Cell::money(4242, QStringLiteral("USD")),
                  {}, {}, {}, {}},
                 {{}, {}, Cell::money(-1999, QStringLiteral("EUR"))},
                 {{}, {}, Cell::money(200, QStringLiteral("JPY"))}});
    return sink.finish(error);
}

QStringList folderEntries(const QString &folder)
{
    return QDir(folder).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestXlsxSink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // A zone away from UTC, so that date-times are seen converted to local time.
        qputenv("TZ", "Europe/Berlin");
        tzset();
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("unzip")).isEmpty(), "unzip is needed (scripts/install-deps.sh)");
    }

    void sheetNames()
    {
        QCOMPARE(XlsxSink::sheetName(QStringLiteral("Sales: Q1/2026 [draft]")), QStringLiteral("Sales Q1 2026 draft"));
        QCOMPARE(XlsxSink::sheetName(QStringLiteral("'quoted'")), QStringLiteral("quoted"));
        QCOMPARE(XlsxSink::sheetName(QString()), QStringLiteral("Report"));
        QCOMPARE(XlsxSink::sheetName(QStringLiteral("*?")), QStringLiteral("Report"));
        QCOMPARE(XlsxSink::sheetName(QStringLiteral("History")), QStringLiteral("History report"));
        const QString longName = XlsxSink::sheetName(QStringLiteral("Consignor payouts due by store and period 2026"));
        QCOMPARE(longName, QStringLiteral("Consignor payouts due by store")); // 31, less the trailing space
        QCOMPARE(XlsxSink::sheetName(QString(40, u'x')).size(), 31);
    }

    void currencyFormats()
    {
        QCOMPARE(XlsxSink::currencyFormat(QStringLiteral("USD"), 2), QStringLiteral("\"$\"#,##0.00"));
        QCOMPARE(XlsxSink::currencyFormat(QStringLiteral("EUR"), 2), QStringLiteral("#,##0.00 \"€\""));
        QCOMPARE(XlsxSink::currencyFormat(QStringLiteral("JPY"), 0), QStringLiteral("\"¥\"#,##0"));
        QCOMPARE(XlsxSink::currencyFormat(QStringLiteral("CHF"), 2), QStringLiteral("#,##0.00 \"CHF\""));
        QCOMPARE(XlsxSink::currencyFormat(QStringLiteral("KWD"), 3), QStringLiteral("#,##0.000 \"KWD\""));
    }

    void cellsAreWhatTheyAre()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sales.xlsx"));
        QString error;
        QVERIFY2(writeEveryKind(path, &error), qPrintable(error));
        QCOMPARE(folderEntries(dir.path()), QStringList{QStringLiteral("sales.xlsx")}); // no temporary file left

        Sheet sheet;
        const QByteArray sheetXml = unzipEntry(path, QStringLiteral("xl/worksheets/sheet1.xml"));
        QVERIFY(!sheetXml.isEmpty());
        QVERIFY(parseSheet(sheetXml, &sheet));
        Styles styles;
        QVERIFY(parseStyles(unzipEntry(path, QStringLiteral("xl/styles.xml")), &styles));
        const QByteArray workbookXml = unzipEntry(path, QStringLiteral("xl/workbook.xml"));
        QVERIFY2(workbookXml.contains("name=\"Sales Q1 2026 draft\""), workbookXml.constData());

        const auto cell = [&](const char *ref) { return sheet.cells.value(QString::fromLatin1(ref)); };
        const auto isString = [](const XCell &c) { return c.type == u"s" || c.type == u"inlineStr"; };
        const auto isNumber = [](const XCell &c) { return c.type.isEmpty() && !c.value.isEmpty() && !c.formula; };
        const auto number = [](const XCell &c) { return c.value.toDouble(); };

        // The title, the store and period, a blank line, the header on row 4.
        QCOMPARE(cell("A1").text, QStringLiteral("Sales: Q1/2026 [draft]"));
        QCOMPARE(cell("A2").text, QStringLiteral("Main Street, Outlet · 1 Jan 2026 – 31 Mar 2026"));
        QCOMPARE(cell("A4").text, QStringLiteral("Item"));
        QCOMPARE(cell("F4").text, QStringLiteral("Commission"));
        for (const char *ref : {"A4", "B4", "C4", "D4", "E4", "F4", "G4"})
            QVERIFY2(styles.bold(cell(ref).style), ref);

        // Frozen below the header.
        QCOMPARE(sheet.pane.value(QStringLiteral("state")), QStringLiteral("frozen"));
        QCOMPARE(sheet.pane.value(QStringLiteral("ySplit")), QStringLiteral("4"));
        QCOMPARE(sheet.pane.value(QStringLiteral("topLeftCell")), QStringLiteral("A5"));
        QVERIFY(!sheet.pane.contains(QStringLiteral("xSplit")));

        // Text is text: the "=" cell is a string, and nothing anywhere is a formula.
        QVERIFY(isString(cell("A5")));
        QCOMPARE(cell("A5").text, Formula);
        QCOMPARE(sheet.formulas, 0);
        QVERIFY(!sheetXml.contains("<f>"));
        QVERIFY(isString(cell("G6")));
        QCOMPARE(cell("G6").text, QStringLiteral("-5")); // text that looks like a number stays text
        QCOMPARE(cell("A6").text, QStringLiteral("Zoë's coat"));

        // Integers.
        QVERIFY(isNumber(cell("B5")));
        QCOMPARE(cell("B5").value, QStringLiteral("3"));
        QCOMPARE(cell("B6").value, QStringLiteral("-2"));
        QVERIFY(!sheet.cells.contains(QStringLiteral("B8"))); // the empty cell is empty

        // Money in major units with the currency's format; JPY without decimals.
        struct Money {
            const char *ref;
            double value;
            const char *text;
            QString format;
        };
        const QString usd = QStringLiteral("\"$\"#,##0.00");
        const QString eur = QStringLiteral("#,##0.00 \"€\"");
        const QString jpy = QStringLiteral("\"¥\"#,##0");
        for (const Money &m : {Money{"C5", 4242 / 100.0, "42.42", usd}, Money{"C6", -1999 / 100.0, "-19.99", eur},
                               Money{"C7", 500, "500", jpy}, Money{"C8", -300, "-300", jpy}}) {
            QVERIFY2(isNumber(cell(m.ref)), m.ref);
            QCOMPARE(number(cell(m.ref)), m.value);
            QCOMPARE(cell(m.ref).value, QString::fromLatin1(m.text));
            QCOMPARE(styles.numFmt(cell(m.ref).style), m.format);
        }
        QVERIFY(styles.numFmts.values().contains(usd));
        QVERIFY(styles.numFmts.values().contains(eur));
        QVERIFY(styles.numFmts.values().contains(jpy));

        // Dates and date-times are Excel serial numbers with date formats, in local time.
        const QDate day(2026, 1, 15);
        QVERIFY(isNumber(cell("D5")));
        QCOMPARE(number(cell("D5")), serial(day));
        QCOMPARE(number(cell("D6")), serial(day.addDays(1)));
        QCOMPARE(styles.numFmt(cell("D5").style), QStringLiteral("yyyy-mm-dd"));
        const QDateTime local(day, QTime(14, 45, 30)); // 13:45:30 UTC in Berlin
        QVERIFY(isNumber(cell("E5")));
        QVERIFY(qAbs(number(cell("E5")) - serial(local)) < 1e-9);
        QVERIFY(qAbs(number(cell("E6")) - serial(local.addSecs(3600))) < 1e-9);
        QCOMPARE(styles.numFmt(cell("E5").style), QStringLiteral("yyyy-mm-dd hh:mm"));

        // Percentages as fractions shown as percent.
        QVERIFY(isNumber(cell("F5")));
        QCOMPARE(number(cell("F5")), 0.375);
        QCOMPARE(number(cell("F6")), -0.0125);
        QCOMPARE(number(cell("F7")), 0.5);
        QCOMPARE(styles.numFmt(cell("F5").style), QStringLiteral("0.00%"));

        // The totals rows: bold, the first with a top border across the table.
        QCOMPARE(cell("A9").text, QStringLiteral("Total"));
        QCOMPARE(cell("B9").value, QStringLiteral("2"));
        QCOMPARE(cell("C9").value, QStringLiteral("42.42"));
        QCOMPARE(styles.numFmt(cell("C9").style), usd);
        QCOMPARE(cell("C10").value, QStringLiteral("-19.99"));
        QCOMPARE(styles.numFmt(cell("C10").style), eur);
        QCOMPARE(cell("C11").value, QStringLiteral("200"));
        QCOMPARE(styles.numFmt(cell("C11").style), jpy);
        for (const char *ref : {"A9", "B9", "C9", "D9", "E9", "F9", "G9"}) {
            QVERIFY2(sheet.cells.contains(QString::fromLatin1(ref)), ref);
            QVERIFY2(styles.bold(cell(ref).style), ref);
            QVERIFY2(styles.topBorder(cell(ref).style), ref);
        }
        QVERIFY(styles.bold(cell("C10").style));
        QVERIFY(!styles.topBorder(cell("C10").style));
        QVERIFY(!styles.bold(cell("C5").style));
        QVERIFY(!styles.topBorder(cell("C5").style));
        QCOMPARE(sheet.rows, 10); // rows 1, 2, 4-11
        QVERIFY(!sheet.cells.contains(QStringLiteral("A12")));

        // Every column has a width, at least its header's, the long name's column wider.
        QCOMPARE(sheet.cols.size(), 7);
        QHash<int, double> widths;
        for (const auto &col : sheet.cols) {
            QCOMPARE(col.value(QStringLiteral("customWidth")), QStringLiteral("1"));
            widths.insert(col.value(QStringLiteral("min")).toInt(), col.value(QStringLiteral("width")).toDouble());
        }
        const QList<ColumnDef> columns = everyKind().columns;
        for (int i = 0; i < columns.size(); ++i)
            QVERIFY2(widths.value(i + 1) >= columns.at(i).header.size() + 1, qPrintable(columns.at(i).header));
        QVERIFY(widths.value(1) >= LongName.size());
        QVERIFY(widths.value(4) >= 10); // yyyy-mm-dd
        QVERIFY(widths.value(5) >= 16); // yyyy-mm-dd hh:mm

        // The title in the document's properties.
        QVERIFY(unzipEntry(path, QStringLiteral("docProps/core.xml")).contains("<dc:title>Sales: Q1/2026 [draft]</dc:title>"));
    }

    void unwritableFolderLeavesNothing()
    {
        QTemporaryDir dir;
        QString error;
        // A folder that cannot exist (its parent is a file): fails even for root.
        QFile plain(dir.filePath(QStringLiteral("plain")));
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();
        QVERIFY(!writeEveryKind(dir.filePath(QStringLiteral("plain/out.xlsx")), &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(folderEntries(dir.path()), QStringList{QStringLiteral("plain")});

        // A folder without write permission.
        const QString locked = dir.filePath(QStringLiteral("locked"));
        QVERIFY(QDir().mkpath(locked));
        QVERIFY(QFile::setPermissions(locked, QFile::ReadOwner | QFile::ExeOwner));
        const bool root = QFile(locked + QStringLiteral("/probe")).open(QIODevice::WriteOnly);
        if (!root) {
            error.clear();
            QVERIFY(!writeEveryKind(locked + QStringLiteral("/out.xlsx"), &error));
            QVERIFY(error.contains(locked));
            QVERIFY(folderEntries(locked).isEmpty());
        }
        QFile::setPermissions(locked, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    void failedWriteKeepsTheTarget()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.xlsx"));
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the old report");
        old.close();
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup));
        const auto content = [&] {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        QString error;

        // libxlsxwriter fails to write the workbook (its temporary file became a folder).
        {
            XlsxSink sink(path);
            QVERIFY(sink.begin(everyKind(), &error));
            sink.row({Cell::text(QStringLiteral("x")), Cell::integer(1)});
            const QStringList temps = QDir(dir.path()).entryList({QStringLiteral(".report.xlsx.*.tmp")},
                                                                  QDir::Files | QDir::Hidden);
            QCOMPARE(temps.size(), 1);
            QVERIFY(QRegularExpression(QStringLiteral("^\\.report\\.xlsx\\.[A-Za-z0-9]{6}\\.tmp$")).match(temps.first()).hasMatch());
            const QString temp = dir.filePath(temps.first());
            QVERIFY(QFile::remove(temp));
            QVERIFY(QDir().mkdir(temp));
            QVERIFY(!sink.finish(&error));
            QCOMPARE(error, QString::fromUtf8("Error creating output xlsx file. Usually a permissions error."));
            QCOMPARE(content(), QByteArray("the old report"));
            QVERIFY(QDir().rmdir(temp));
        }
        QCOMPARE(folderEntries(dir.path()), QStringList{QStringLiteral("report.xlsx")});

        // A row after the totals is refused; nothing is written.
        {
            XlsxSink sink(path);
            QVERIFY(sink.begin(everyKind(), &error));
            sink.totals({{Cell::text(QStringLiteral("Total"))}});
            sink.row({Cell::text(QStringLiteral("late"))});
            QVERIFY(!sink.finish(&error));
            QVERIFY(!error.isEmpty());
        }
        QCOMPARE(content(), QByteArray("the old report"));
        QCOMPARE(folderEntries(dir.path()), QStringList{QStringLiteral("report.xlsx")});

        // Abandoned without finish(): nothing changes, nothing is left behind.
        {
            XlsxSink sink(path);
            QVERIFY(sink.begin(everyKind(), &error));
            sink.row({Cell::text(QStringLiteral("x"))});
            sink.row({Cell::text(QStringLiteral("y"))});
        }
        QCOMPARE(content(), QByteArray("the old report"));
        QCOMPARE(folderEntries(dir.path()), QStringList{QStringLiteral("report.xlsx")});

        // Success replaces it, keeping its permissions.
        QVERIFY2(writeEveryKind(path, &error), qPrintable(error));
        QVERIFY(content().startsWith("PK"));
        const QFile::Permissions ownerGroupOther(0x7077);
        QCOMPARE(QFile::permissions(path) & ownerGroupOther, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup);
        QCOMPARE(folderEntries(dir.path()), QStringList{QStringLiteral("report.xlsx")});
    }

    void throughMakeXlsxSink()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("empty.xlsx"));
        std::unique_ptr<TableSink> sink = makeXlsxSink(path, {});
        QString error;
        QVERIFY(sink->begin({QStringLiteral("Nothing"), {}, {}, {{QStringLiteral("A"), CellKind::Money}}}, &error));
        QVERIFY(!QFile::exists(path)); // nothing appears before finish()
        QVERIFY2(sink->finish(&error), qPrintable(error));
        Sheet sheet;
        QVERIFY(parseSheet(unzipEntry(path, QStringLiteral("xl/worksheets/sheet1.xml")), &sheet));
        QCOMPARE(sheet.cells.value(QStringLiteral("A3")).text, QStringLiteral("A"));
        QCOMPARE(sheet.pane.value(QStringLiteral("topLeftCell")), QStringLiteral("A4"));
    }
};

QTEST_GUILESS_MAIN(TestXlsxSink)
#include "tst_xlsxsink.moc"
