// The consignor statement: real payouts sent to the sandbox (Consignify and
// ConsignCloud), their statements written to PDF and read back with
// pdftotext; a letter-size page; several statements in one PDF; a line the
// cache no longer has; a long statement over several pages; and
// `consigndesk payouts statement` as a user runs it.
#include "clirun.h"
#include "core/currency.h"
#include "net/httpclient.h"
#include "net/retrypolicy.h"
#include "payouts/ledger.h"
#include "payouts/payoutservice.h"
#include "payouts/proposals.h"
#include "payouts/statement.h"
#include "store/database.h"
#include "syncedcache.h"

#include <QFileInfo>
#include <QPrinter>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ConsignDesk;
using namespace ConsignDesk::Payouts;

class TestStatement : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SyncedCache> m_cache;
    QNetworkAccessManager m_network;
    std::unique_ptr<Net::HttpClient> m_http;
    QTemporaryDir m_dir;
    std::unique_ptr<Ledger> m_ledger;
    std::unique_ptr<PayoutService> m_service;
    std::optional<Intent> m_consignify, m_consignCloud;

    struct Run {
        int exitCode = -1;
        QString out, err;
    };

    static QString run(const QString &program, const QStringList &arguments, int *exitCode = nullptr)
    {
        QProcess process;
        process.start(program, arguments);
        if (!process.waitForFinished(30000))
            qFatal("%s did not finish", qPrintable(program));
        if (exitCode)
            *exitCode = process.exitCode();
        return QString::fromUtf8(process.readAllStandardOutput());
    }

    // The PDF's text as pdftotext lays it out, spaces of every kind made one.
    static QString pdfText(const QString &path, int firstPage = 0, int lastPage = 0)
    {
        QStringList arguments{QStringLiteral("-layout")};
        if (firstPage > 0)
            arguments << QStringLiteral("-f") << QString::number(firstPage) << QStringLiteral("-l")
                      << QString::number(lastPage);
        int code = -1;
        const QString text = run(QStringLiteral("pdftotext"), arguments << path << QStringLiteral("-"), &code);
        if (code != 0)
            qFatal("pdftotext failed on %s", qPrintable(path));
        return normalized(text);
    }

    static QString normalized(QString text)
    {
        text.replace(QChar(0x00a0), u' ').replace(QChar(0x202f), u' ');
        return text.simplified();
    }

    static QString pdfInfo(const QString &path, const QString &key)
    {
        const QString info = run(QStringLiteral("pdfinfo"), {path});
        const QRegularExpression line(QStringLiteral("^%1:\\s*(.*)$").arg(QRegularExpression::escape(key)),
                                      QRegularExpression::MultilineOption);
        return line.match(info).captured(1).trimmed();
    }

    // The first words of a title (a long one wraps in its cell).
    static QString firstWords(const QString &title, int words = 2)
    {
        return normalized(title).section(u' ', 0, words - 1);
    }

    Intent send(const QString &vendor, const Proposal &proposal)
    {
        const Connection c = m_cache->connections().value(vendor);
        std::optional<PayoutService::Result> result;
        m_service->approveAndSend(c, approvalFor(c, proposal), [&](const PayoutService::Result &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 60000))
            qFatal("the payout did not finish");
        if (!result->ok || !result->intent)
            qFatal("the payout failed: %s", qPrintable(result->message));
        return *result->intent;
    }

    Statement statementOf(const Intent &intent)
    {
        QString error;
        const auto s = statementForIntent(m_cache->db().sql(), intent, &error);
        if (!s)
            qFatal("statement: %s", qPrintable(error));
        return *s;
    }

    static qint64 sumOf(const Statement &s)
    {
        qint64 sum = 0;
        for (const StatementLine &line : s.lines)
            sum += line.amountMinor;
        return sum;
    }

    // What every statement PDF must show.
    void verifyShows(const QString &text, const Statement &s)
    {
        QVERIFY2(text.contains(normalized(s.store)), qPrintable(s.store));
        QVERIFY(text.contains(QStringLiteral("Consignor statement")));
        QVERIFY2(text.contains(normalized(s.consignorName)), qPrintable(s.consignorName));
        QVERIFY2(text.contains(s.reference), qPrintable(s.reference));
        for (const StatementLine &line : s.lines)
            QVERIFY2(text.contains(firstWords(line.title)), qPrintable(line.title));
        const QString total = normalized(Currency::format(s.totalMinor, s.currency));
        QVERIFY2(text.contains(QStringLiteral("Total paid ") + total), qPrintable(total + QStringLiteral(" in ") + text));
        QVERIFY2(text.contains(statementDay(s.periodFrom)), qPrintable(statementDay(s.periodFrom)));
        QVERIFY2(text.contains(statementDay(s.periodTo)), qPrintable(statementDay(s.periodTo)));
        QVERIFY(text.contains(QStringLiteral("Page 1 of")));
    }

    QString consigndesk(const QStringList &arguments, int *exitCode, QString *err)
    {
        const CliRun r = runConsignDesk(QFileInfo(m_cache->path()).absolutePath(), arguments);
        *exitCode = r.exitCode;
        *err = r.err;
        return r.out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (qEnvironmentVariableIsSet("TST_STATEMENT_KEEP")) { // to look at the PDFs
            m_dir.setAutoRemove(false);
            qInfo("PDFs in %s", qPrintable(m_dir.path()));
        }
        m_cache = std::make_unique<SyncedCache>(300);
        QVERIFY2(m_cache->ok(), qPrintable(m_cache->error()));
        m_http = std::make_unique<Net::HttpClient>(&m_network);
        QString error;
        m_ledger = Ledger::open(m_cache->path(), &error);
        QVERIFY2(m_ledger, qPrintable(error));
        m_service = std::make_unique<PayoutService>(
            *m_ledger, *m_http,
            [this](const Connection &c) -> Vendors::Connector::SecretSource {
                const QString secret = m_cache->secret(Vendors::id(c.vendor));
                return [secret](auto give) { give(secret, {}); };
            },
            m_dir.filePath(QStringLiteral("payouts.lock")));
        m_service->setRateLimited(false);

        const ProposalBuilder builder(m_cache->db().sql());
        const QList<Proposal> consignify = builder.due(m_cache->connections().value(QStringLiteral("consignify")).id);
        QVERIFY(!consignify.isEmpty());
        m_consignify = send(QStringLiteral("consignify"), consignify.first());
        // A ConsignCloud account whose entries since its last payout make up its balance.
        const QList<Proposal> consignCloud = builder.due(m_cache->connections().value(QStringLiteral("consigncloud")).id);
        std::optional<Proposal> chosen;
        for (const Proposal &p : consignCloud) {
            qint64 sum = 0;
            for (const ProposalLine &line : p.lines)
                sum += line.amountMinor;
            if (p.lines.size() >= 2 && sum == p.amountMinor) {
                chosen = p;
                break;
            }
        }
        QVERIFY2(chosen, "no ConsignCloud account is owed exactly its recent entries");
        m_consignCloud = send(QStringLiteral("consigncloud"), *chosen);
    }

    void aConsignifyStatementShowsEverySoldItem()
    {
        const Statement s = statementOf(*m_consignify);
        QCOMPARE(s.store, m_cache->connections().value(QStringLiteral("consignify")).name);
        QCOMPARE(s.vendorName, QStringLiteral("Consignify"));
        QCOMPARE(s.reference, m_consignify->reference);
        QCOMPARE(s.vendorReference, m_consignify->vendorReference);
        QCOMPARE(s.totalMinor, m_consignify->amountMinor);
        QCOMPARE(s.lines.size(), m_consignify->lines.size());
        QCOMPARE(sumOf(s), s.totalMinor);
        for (const StatementLine &line : s.lines) {
            QVERIFY(!line.notInCache);
            QVERIFY(!line.title.isEmpty());
            QVERIFY(line.date.isValid());
            QVERIFY(line.quantity > 0);
            QVERIFY(line.priced && line.priceMinor > 0);
            QVERIFY2(line.splitBp, qPrintable(line.title));
            QCOMPARE(shareOfMinor(line.priceMinor * line.quantity, *line.splitBp), line.amountMinor);
        }
        QVERIFY(s.periodFrom.isValid() && s.periodFrom <= s.periodTo);

        const QString pdf = m_dir.filePath(QStringLiteral("consignify.pdf"));
        QString error;
        QVERIFY2(writeStatementPdf({s}, pdf, &error), qPrintable(error));
        const QString text = pdfText(pdf);
        verifyShows(text, s);
        QVERIFY(text.contains(s.vendorReference));
        QVERIFY(text.contains(QStringLiteral("confirmed")));
        QVERIFY2(pdfInfo(pdf, QStringLiteral("Page size")).startsWith(QStringLiteral("595")),
                 qPrintable(pdfInfo(pdf, QStringLiteral("Page size"))));
        // Each line's share as a percentage, its amount in the currency.
        for (const StatementLine &line : s.lines)
            QVERIFY(text.contains(normalized(Currency::format(line.amountMinor, s.currency))));
    }

    void aConsignCloudStatementShowsItsEntries()
    {
        const Statement s = statementOf(*m_consignCloud);
        QCOMPARE(s.vendorName, QStringLiteral("ConsignCloud"));
        QCOMPARE(s.lines.size(), m_consignCloud->lines.size());
        QCOMPARE(sumOf(s), s.totalMinor);
        int priced = 0;
        for (const StatementLine &line : s.lines) {
            QVERIFY(!line.notInCache);
            priced += line.priced;
        }
        QVERIFY2(priced > 0, "no entry was matched to its sale line");

        const QString pdf = m_dir.filePath(QStringLiteral("consigncloud.pdf"));
        QString error;
        QVERIFY2(writeStatementPdf({s}, pdf, &error, QPageSize(QPageSize::Letter)), qPrintable(error));
        verifyShows(pdfText(pdf), s);
        QCOMPARE(pdfInfo(pdf, QStringLiteral("Page size")), QStringLiteral("612 x 792 pts (letter)"));
    }

    void severalStatementsStartEachOnANewPage()
    {
        const Statement a = statementOf(*m_consignify);
        const Statement b = statementOf(*m_consignCloud);
        const QString pdf = m_dir.filePath(QStringLiteral("both.pdf"));
        QString error;
        QVERIFY2(writeStatementPdf({a, b}, pdf, &error), qPrintable(error));
        const int pages = pdfInfo(pdf, QStringLiteral("Pages")).toInt();
        QVERIFY2(pages >= 2, qPrintable(QString::number(pages)));
        QString first = pdfText(pdf, 1, 1);
        QVERIFY(first.contains(a.reference));
        QVERIFY(!first.contains(b.reference));
        const QString last = pdfText(pdf, pages, pages);
        QVERIFY(last.contains(b.reference));
        QVERIFY(!last.contains(a.reference));
    }

    void aLineNoLongerCachedStillShows()
    {
        Intent intent = *m_consignify;
        intent.lines.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("gone-4711")},
                                        {QStringLiteral("quantity"), 1},
                                        {QStringLiteral("amount"), 1234}});
        intent.amountMinor += 1234;
        const Statement s = statementOf(intent);
        QCOMPARE(s.lines.size(), intent.lines.size());
        QCOMPARE(sumOf(s), intent.amountMinor);
        const auto gone = std::find_if(s.lines.cbegin(), s.lines.cend(), [](const StatementLine &l) { return l.notInCache; });
        QVERIFY(gone != s.lines.cend());
        QCOMPARE(gone->amountMinor, 1234);
        const QString pdf = m_dir.filePath(QStringLiteral("gone.pdf"));
        QString error;
        QVERIFY2(writeStatementPdf({s}, pdf, &error), qPrintable(error));
        const QString text = pdfText(pdf);
        QVERIFY(text.contains(QStringLiteral("(not in the cache)")));
        QVERIFY(text.contains(QStringLiteral("gone-4711")));
    }

    void aLongProposalPreviewRunsOverPages()
    {
        Proposal p;
        p.connectionName = QStringLiteral("Test consignify");
        p.vendor = Vendor::Consignify;
        p.consignorId = QStringLiteral("C-1");
        p.consignorName = QStringLiteral("Ada Lovelace");
        p.currency = QStringLiteral("EUR");
        for (int i = 0; i < 90; ++i) {
            ProposalLine line;
            line.externalId = QString::number(i);
            line.title = QStringLiteral("Wool coat number %1").arg(i);
            line.quantity = 1;
            line.unitPriceMinor = 10000 + i;
            line.splitBp = 6000;
            line.amountMinor = shareOfMinor(line.unitPriceMinor, 6000);
            line.date = QDateTime(QDate(2024, 3, 1).addDays(i % 28), QTime(12, 0), Qt::UTC);
            p.amountMinor += line.amountMinor;
            p.lines.append(line);
        }
        const Statement s = statementForProposal(p);
        QCOMPARE(s.reference, QStringLiteral("(not yet approved)"));
        QCOMPARE(sumOf(s), p.amountMinor);
        QCOMPARE(s.periodFrom, QDateTime(QDate(2024, 3, 1), QTime(12, 0), Qt::UTC).toLocalTime().date());
        const QString pdf = m_dir.filePath(QStringLiteral("long.pdf"));
        QString error;
        QVERIFY2(writeStatementPdf({s}, pdf, &error), qPrintable(error));
        const int pages = pdfInfo(pdf, QStringLiteral("Pages")).toInt();
        QVERIFY2(pages >= 2, qPrintable(QString::number(pages)));
        const QString text = pdfText(pdf);
        QVERIFY(text.contains(QStringLiteral("Page 2 of %1").arg(pages)));
        QVERIFY(text.contains(QStringLiteral("Wool coat number 89")));
        QVERIFY(text.contains(QStringLiteral("60%")));
        QVERIFY(text.contains(normalized(Currency::format(p.amountMinor, p.currency))));
        // The table's header is repeated on the next page.
        QVERIFY(pdfText(pdf, 2, 2).contains(QStringLiteral("Amount")));
    }

    // A partial ConsignCloud payout: the lines add up to the total with a line that says why.
    void aPartialPayoutBalancesItsLines()
    {
        Proposal p;
        p.connectionName = QStringLiteral("Test consigncloud");
        p.vendor = Vendor::ConsignCloud;
        p.consignorId = QStringLiteral("A-7");
        p.consignorName = QStringLiteral("Grace Hopper");
        p.currency = QStringLiteral("USD");
        p.amountMinor = 3000;
        for (const qint64 amount : {2000, 3000}) {
            ProposalLine line;
            line.externalId = QString::number(amount);
            line.title = QStringLiteral("Sale of a lamp");
            line.quantity = 1;
            line.unitPriceMinor = line.amountMinor = amount;
            line.date = QDateTime::currentDateTimeUtc();
            p.lines.append(line);
        }
        const Statement s = statementForProposal(p);
        QCOMPARE(s.lines.size(), 3);
        QCOMPARE(sumOf(s), 3000);
        QCOMPARE(s.lines.last().amountMinor, -2000);
        QCOMPARE(s.lines.last().quantity, 0);
        QVERIFY(!s.lines.first().priced);
    }

    // What the review dialog's print preview paints, here on a PDF printer.
    void printingPaintsTheSameStatement()
    {
        const Statement s = statementOf(*m_consignCloud);
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        const QString pdf = m_dir.filePath(QStringLiteral("printed.pdf"));
        printer.setOutputFileName(pdf);
        printer.setPageSize(QPageSize(QPageSize::A4));
        printStatements({s, s}, &printer);
        QVERIFY(QFileInfo(pdf).size() > 0);
        QCOMPARE(pdfInfo(pdf, QStringLiteral("Pages")).toInt(), 2);
        verifyShows(pdfText(pdf, 1, 1), s);
        verifyShows(pdfText(pdf, 2, 2), s);
    }

    void theCommandLineWritesAStatement()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("CONSIGNDESK_BINARY"), "run through ctest (CONSIGNDESK_BINARY)");
        int code = -1;
        QString err;
        const QString statement = QStringLiteral("statement");
        const QString pdf = m_dir.filePath(QStringLiteral("cli.pdf"));
        // Options missing: usage.
        consigndesk({QStringLiteral("payouts"), statement, QStringLiteral("--out"), pdf}, &code, &err);
        QCOMPARE(code, 2);
        QVERIFY2(err.contains(QStringLiteral("--reference")), qPrintable(err));
        // An unknown reference: a failure that says so, no file.
        consigndesk({QStringLiteral("payouts"), statement, QStringLiteral("--reference"), QStringLiteral("CD-NOSUCHTHING0"),
                     QStringLiteral("--out"), pdf},
                    &code, &err);
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(QStringLiteral("CD-NOSUCHTHING0")) && err.contains(QStringLiteral("no payout")), qPrintable(err));
        QVERIFY(!QFile::exists(pdf));
        // A bad page size: usage.
        consigndesk({QStringLiteral("payouts"), statement, QStringLiteral("--reference"), m_consignify->reference,
                     QStringLiteral("--out"), pdf, QStringLiteral("--page-size"), QStringLiteral("a3")},
                    &code, &err);
        QCOMPARE(code, 2);

        // The statement, as the library writes it.
        const QString out = consigndesk({QStringLiteral("payouts"), statement, QStringLiteral("--reference"),
                                         m_consignify->reference, QStringLiteral("--out"), pdf},
                                        &code, &err);
        QVERIFY2(code == 0, qPrintable(out + err));
        QVERIFY2(out.contains(m_consignify->reference), qPrintable(out));
        const Statement s = statementOf(*m_consignify);
        const QString text = pdfText(pdf);
        verifyShows(text, s);
        const QString library = m_dir.filePath(QStringLiteral("library.pdf"));
        QString error;
        QVERIFY2(writeStatementPdf({s}, library, &error), qPrintable(error));
        QCOMPARE(text, pdfText(library));

        const QString letter = m_dir.filePath(QStringLiteral("cli-letter.pdf"));
        consigndesk({QStringLiteral("payouts"), statement, QStringLiteral("--reference"), m_consignCloud->reference,
                     QStringLiteral("--out"), letter, QStringLiteral("--page-size"), QStringLiteral("letter")},
                    &code, &err);
        QVERIFY2(code == 0, qPrintable(err));
        QVERIFY(pdfInfo(letter, QStringLiteral("Page size")).startsWith(QStringLiteral("612 x 792")));
        verifyShows(pdfText(letter), statementOf(*m_consignCloud));
    }
};

QTEST_MAIN(TestStatement)
#include "tst_statement.moc"
