// The Reports pane in a real window (Xvfb) over a cache synced from the
// sandbox: sales by month as a table whose totals are runReport's own and as
// a line per currency, aging as stacked bars, the table exported to CSV, XLSX
// and PDF, the chart to PNG and PDF, and a period that ends before it starts
// refused where it is typed.
#include "reports/reports.h"
#include "reports/tablesink.h"
#include "store/database.h"
#include "sync/workspace.h"
#include "syncedcache.h"
#include "widgets/mainwindow.h"
#include "widgets/reportspane.h"

#include <QAbstractSpinBox>
#include <QBarSeries>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QPrinter>
#include <QProcess>
#include <QSet>
#include <QSettings>
#include <QStackedBarSeries>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace ConsignDesk;

class TestReportsPane : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SyncedCache> m_cache;
    std::unique_ptr<Sync::Workspace> m_workspace;
    std::unique_ptr<MainWindow> m_window;
    QTemporaryDir m_out;
    ReportsPane *m_pane = nullptr;

    void screenshot(const QString &name)
    {
        if (const QString dir = qEnvironmentVariable("CONSIGNDESK_SCREENSHOT_DIR"); !dir.isEmpty())
            m_window->grab().save(dir + u'/' + name);
    }

    /// The totals rows of runReport's own CSV (raw), cell by cell.
    QList<QStringList> csvTotals(const QString &name, const Reports::ReportParams &params)
    {
        const QString path = m_out.filePath(QStringLiteral("own-%1.csv").arg(name));
        Reports::SinkOptions options;
        options.raw = true;
        const auto sink = Reports::makeSink(Reports::Format::Csv, path, options);
        QString error;
        if (!Reports::runReport(name, m_workspace->reader().sql(), params, *sink, &error)) {
            qWarning() << error;
            return {};
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        QList<QStringList> totals;
        for (const QByteArray &line : file.readAll().split('\n')) {
            const QString text = QString::fromUtf8(line).trimmed();
            if (text.startsWith(QLatin1String("Total,")))
                totals.append(text.split(u','));
        }
        return totals;
    }

    /// The pane's totals rows as CSV writes their cells.
    QList<QStringList> paneTotals()
    {
        QList<QStringList> totals;
        QStandardItemModel *model = m_pane->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (!model->item(row, 0)->data(ReportsPane::TotalsRole).toBool())
                continue;
            QStringList cells;
            for (int column = 0; column < model->columnCount(); ++column)
                cells.append(model->item(row, column)->data(ReportsPane::PlainTextRole).toString());
            totals.append(cells);
        }
        return totals;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ConsignDeskTest"));
        QSettings().clear();
        QVERIFY(m_out.isValid());
        m_cache = std::make_unique<SyncedCache>(300, true);
        QVERIFY2(m_cache->ok(), qPrintable(m_cache->error()));
        QString error;
        m_workspace = Sync::Workspace::open(QFileInfo(m_cache->path()).absolutePath(), &error);
        QVERIFY2(m_workspace, qPrintable(error));
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1500, 900);
        m_window->setWorkspace(m_workspace.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->showPane(MainWindow::Pane::Reports);
        m_pane = m_window->findChild<ReportsPane *>(QStringLiteral("reportsPane"));
        QVERIFY(m_pane);
        QTRY_VERIFY(m_pane->isVisible());
    }

    void cleanupTestCase() { m_window.reset(); }

    void salesByMonth()
    {
        m_pane->setReport(QStringLiteral("sales-summary"));
        m_pane->setGrouping(QStringLiteral("month"));
        m_pane->setConnectionId({});
        m_pane->setPeriod({}, {});
        QCOMPARE(m_pane->grouping(), QStringLiteral("month"));
        QVERIFY2(m_pane->message().isEmpty(), qPrintable(m_pane->message()));
        QStandardItemModel *model = m_pane->model();
        QVERIFY(model->rowCount() > 0);

        Reports::ReportParams params;
        params.groupBy = QStringLiteral("month");
        const QList<QStringList> own = csvTotals(QStringLiteral("sales-summary"), params);
        QVERIFY(!own.isEmpty());
        QCOMPARE(paneTotals(), own);

        // Totals rows bold; money shown for people.
        for (int row = 0; row < model->rowCount(); ++row) {
            const bool total = model->item(row, 0)->data(ReportsPane::TotalsRole).toBool();
            QCOMPARE(model->item(row, 0)->font().bold(), total);
        }

        // One line per currency, a point per period.
        QSet<QString> periods, currencies;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->item(row, 0)->data(ReportsPane::TotalsRole).toBool())
                continue;
            periods.insert(model->item(row, 0)->text());
            currencies.insert(model->item(row, 1)->text());
        }
        QChart *chart = m_pane->chart();
        QCOMPARE(chart->series().size(), currencies.size());
        QSet<QString> seriesNames;
        for (QAbstractSeries *series : chart->series()) {
            auto *line = qobject_cast<QLineSeries *>(series);
            QVERIFY(line);
            QCOMPARE(line->count(), periods.size());
            seriesNames.insert(line->name());
        }
        QCOMPARE(seriesNames, currencies);
        QTest::qWait(50);
        screenshot(QStringLiteral("reports-pane.png"));
    }

    void settingsRemembered()
    {
        QSettings settings;
        QCOMPARE(settings.value(QStringLiteral("Reports/report")).toString(), QStringLiteral("sales-summary"));
        QCOMPARE(settings.value(QStringLiteral("Reports/grouping")).toString(), QStringLiteral("month"));
    }

    void salesByPaymentTypeAreBars()
    {
        m_pane->setGrouping(QStringLiteral("payment-type"));
        QVERIFY(!m_pane->chart()->series().isEmpty());
        QVERIFY(qobject_cast<QBarSeries *>(m_pane->chart()->series().constFirst()));
        m_pane->setGrouping(QStringLiteral("month"));
    }

    void exportTable_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("csv") << QStringLiteral("csv");
        QTest::newRow("xlsx") << QStringLiteral("xlsx");
        QTest::newRow("pdf") << QStringLiteral("pdf");
    }

    void exportTable()
    {
        QFETCH(QString, suffix);
        const QString path = m_out.filePath(QStringLiteral("table.") + suffix);
        QString error;
        QVERIFY2(m_pane->exportTable(path, &error), qPrintable(error));
        QVERIFY(QFileInfo(path).size() > 0);
        if (suffix == QLatin1String("pdf")) {
            QProcess text;
            text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
            QVERIFY(text.waitForFinished(30000));
            const QString pdf = QString::fromUtf8(text.readAllStandardOutput());
            QVERIFY2(pdf.contains(QStringLiteral("Sales summary")), qPrintable(pdf.left(300)));
        }
    }

    void exportChart()
    {
        QString error;
        const QString png = m_out.filePath(QStringLiteral("chart.png"));
        QVERIFY2(m_pane->exportChart(png, &error), qPrintable(error));
        QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 0);
        QCOMPARE(image.width(), m_pane->chartView()->width() * 2);
        QCOMPARE(image.height(), m_pane->chartView()->height() * 2);
        const QString pdf = m_out.filePath(QStringLiteral("chart.pdf"));
        QVERIFY2(m_pane->exportChart(pdf, &error), qPrintable(error));
        QVERIFY(QFileInfo(pdf).size() > 0);
        QVERIFY(!m_pane->exportChart(m_out.filePath(QStringLiteral("chart.txt")), &error));
        if (const QString dir = qEnvironmentVariable("CONSIGNDESK_SCREENSHOT_DIR"); !dir.isEmpty())
            QFile::copy(png, dir + QStringLiteral("/reports-chart.png")),
                QFile::copy(pdf, dir + QStringLiteral("/reports-chart.pdf"));
    }

    void agingIsStacked()
    {
        m_pane->setReport(QStringLiteral("aging"));
        QVERIFY(m_pane->message().isEmpty());
        QVERIFY(m_pane->model()->rowCount() > 0);
        QCOMPARE(paneTotals(), csvTotals(QStringLiteral("aging"), {}));
        QCOMPARE(m_pane->chart()->series().size(), 1);
        QVERIFY(qobject_cast<QStackedBarSeries *>(m_pane->chart()->series().constFirst()));
        QTest::qWait(50);
        screenshot(QStringLiteral("reports-pane-aging.png"));
    }

    void inventoryValuationIsBars()
    {
        m_pane->setReport(QStringLiteral("inventory-valuation"));
        QVERIFY(m_pane->model()->rowCount() > 0);
        QVERIFY(qobject_cast<QBarSeries *>(m_pane->chart()->series().constFirst()));
    }

    void printsTheTable()
    {
        m_pane->setReport(QStringLiteral("inventory-valuation"));
        m_pane->setGrouping(QStringLiteral("status"));
        const QString path = m_out.filePath(QStringLiteral("printed.pdf"));
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(path);
        m_pane->print(&printer);
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(30000));
        const QString pdf = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(pdf.contains(QStringLiteral("Inventory valuation")), qPrintable(pdf.left(300)));
        const QStandardItemModel *model = m_pane->model();
        QVERIFY2(pdf.contains(model->item(model->rowCount() - 1, model->columnCount() - 1)->text()),
                 qPrintable(pdf.left(600)));
    }

    void everyControlHasAnAccessibleName()
    {
        for (QWidget *widget : m_pane->findChildren<QWidget *>()) {
            const bool control = qobject_cast<QComboBox *>(widget) || qobject_cast<QAbstractSpinBox *>(widget)
                || (qobject_cast<QAbstractItemView *>(widget) && !qobject_cast<QHeaderView *>(widget))
                || qobject_cast<QChartView *>(widget);
            if (!control || qobject_cast<QAbstractSpinBox *>(widget->parentWidget())
                || qobject_cast<QComboBox *>(widget->parentWidget()))
                continue;
            if (qobject_cast<QAbstractItemView *>(widget) && widget->parentWidget()
                && (widget->parentWidget()->inherits("QComboBoxPrivateContainer")
                    || widget->parentWidget()->inherits("QCalendarWidget")))
                continue;
            QVERIFY2(!widget->accessibleName().isEmpty(),
                     qPrintable(QString::fromLatin1(widget->metaObject()->className()) + u' ' + widget->objectName()));
        }
    }

    void everyReportRuns()
    {
        for (const Reports::ReportInfo &info : Reports::reports()) {
            m_pane->setReport(info.name);
            QCOMPARE(m_pane->report(), info.name);
            QVERIFY2(!m_pane->message().contains(QStringLiteral("could not be run")),
                     qPrintable(info.name + u' ' + m_pane->message()));
            if (info.usesConsignor) {
                QVERIFY(m_pane->findChild<QComboBox *>(QStringLiteral("consignorCombo"))->count() > 0);
                QTest::qWait(50);
                screenshot(QStringLiteral("reports-pane-%1.png").arg(info.name));
            }
        }
        m_pane->setReport(QStringLiteral("sales-summary"));
    }

    void periodEndingBeforeItStartsIsRefused()
    {
        m_pane->setReport(QStringLiteral("sales-summary"));
        m_pane->setPeriod(QDate(2026, 3, 1), QDate(2026, 2, 1));
        QVERIFY(!m_pane->message().isEmpty());
        auto *label = m_pane->findChild<QLabel *>(QStringLiteral("reportMessage"));
        QVERIFY(label->isVisible());
        QVERIFY2(label->text().contains(QStringLiteral("ends before it starts")), qPrintable(label->text()));
        QTest::qWait(50);
        screenshot(QStringLiteral("reports-pane-refused.png"));
        QCOMPARE(m_pane->model()->rowCount(), 0); // no stale result under the message
        QString error;
        QVERIFY(!m_pane->exportTable(m_out.filePath(QStringLiteral("refused.csv")), &error));
        m_pane->setPeriod(QDate(2020, 1, 1), {});
        QVERIFY(m_pane->message().isEmpty() || !m_pane->message().contains(QStringLiteral("ends before")));
        QVERIFY(!label->isVisible() || !label->text().contains(QStringLiteral("ends before")));
        m_pane->setPeriod({}, {});
    }
};

QTEST_MAIN(TestReportsPane)
#include "tst_reportspane.moc"
