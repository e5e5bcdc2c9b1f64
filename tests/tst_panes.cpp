// The panes in a real window (Xvfb) over a cache synced from the sandbox:
// Ctrl+F and search, the filter bar, sorting by a header click, Enter opening
// the details and a link leading to another pane, the column chooser and
// saved views kept in the settings, copying rows as tab-separated text, the
// selection's totals per currency in the status bar, a refresh keeping the
// selection and the scroll position, and accessible names on every control.
#include "core/currency.h"
#include "models/cachetablemodel.h"
#include "store/database.h"
#include "sync/workspace.h"
#include "syncedcache.h"
#include "widgets/detailview.h"
#include "widgets/filterbar.h"
#include "widgets/mainwindow.h"
#include "widgets/payoutspane.h"
#include "widgets/tablepane.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace ConsignDesk;
using Models::CacheTableModel;

class TestPanes : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SyncedCache> m_cache;
    std::unique_ptr<Sync::Workspace> m_workspace;
    std::unique_ptr<MainWindow> m_window;

    TablePane *pane(const QString &table) { return m_window->tablePane(table); }

    void show(const QString &table)
    {
        const QHash<QString, MainWindow::Pane> panes{{QStringLiteral("consignors"), MainWindow::Pane::Consignors},
                                                     {QStringLiteral("items"), MainWindow::Pane::Items},
                                                     {QStringLiteral("sales"), MainWindow::Pane::Sales},
                                                     {QStringLiteral("payouts"), MainWindow::Pane::Payouts},
                                                     {QStringLiteral("stock_lines"), MainWindow::Pane::Warehouse}};
        m_window->showPane(panes.value(table));
        if (table == QLatin1String("payouts")) // the Payouts pane opens on what is due; the vendor's payouts are "Paid"
            m_window->payoutsPane()->setCurrentIndex(PayoutsPane::PaidTab);
        QVERIFY(pane(table)->isVisible());
    }

    void screenshot(const QString &name)
    {
        if (const QString dir = qEnvironmentVariable("CONSIGNDESK_SCREENSHOT_DIR"); !dir.isEmpty())
            m_window->grab().save(dir + u'/' + name);
    }

    QString paneStatus() { return m_window->findChild<QLabel *>(QStringLiteral("paneStatusLabel"))->text(); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ConsignDeskTest"));
        QSettings().clear();
        // Named like the demo stores: the screenshots of the README come from here.
        m_cache = std::make_unique<SyncedCache>(400, true);
        QVERIFY2(m_cache->ok(), qPrintable(m_cache->error()));
        QString error;
        m_workspace = Sync::Workspace::open(QFileInfo(m_cache->path()).absolutePath(), &error);
        QVERIFY2(m_workspace, qPrintable(error));
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1500, 900);
        m_window->setWorkspace(m_workspace.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanupTestCase() { m_window.reset(); }

    void everyPaneListsTheCache()
    {
        const QHash<QString, QString> live{
            {QStringLiteral("items"), QStringLiteral("SELECT count(*) FROM items WHERE deleted IS NULL AND inactive = 0")},
            {QStringLiteral("consignors"), QStringLiteral("SELECT count(*) FROM consignors WHERE deleted IS NULL AND archived = 0")},
            {QStringLiteral("sales"), QStringLiteral("SELECT count(*) FROM sales WHERE deleted IS NULL")},
            {QStringLiteral("payouts"), QStringLiteral("SELECT count(*) FROM payouts WHERE deleted IS NULL")},
            {QStringLiteral("stock_lines"), QStringLiteral("SELECT count(*) FROM stock_lines WHERE deleted IS NULL AND on_hand > 0")},
        };
        for (auto it = live.cbegin(); it != live.cend(); ++it) {
            show(it.key());
            const qint64 expected = m_cache->scalar(it.value());
            QVERIFY2(expected > 0, qPrintable(it.key()));
            QCOMPARE(pane(it.key())->model()->rowCount(), int(expected));
            QVERIFY2(pane(it.key())->view()->isVisible(), qPrintable(it.key()));
            QVERIFY2(paneStatus().contains(u' ' + QLocale().toString(expected)), qPrintable(paneStatus()));
            // Its details beside it, for the README's picture of each pane.
            TablePane *p = pane(it.key());
            p->view()->setFocus();
            p->view()->setCurrentIndex(p->model()->index(2, 1));
            QTest::keyClick(p->view(), Qt::Key_Return);
            QTRY_VERIFY(p->detailView()->isVisible());
            QCOMPARE(p->detailView()->currentId(), p->model()->idAt(2));
            QTest::qWait(30);
            screenshot(QStringLiteral("pane-%1.png").arg(it.key()));
        }
    }

    void ctrlFSearchesTheItems()
    {
        show(QStringLiteral("items"));
        TablePane *items = pane(QStringLiteral("items"));
        items->view()->setFocus();
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        auto *search = items->findChild<QLineEdit *>(QStringLiteral("search"));
        QTRY_VERIFY(search->hasFocus());
        QSqlQuery pick(m_cache->db().sql());
        QVERIFY(pick.exec(QStringLiteral("SELECT title FROM items WHERE deleted IS NULL AND inactive = 0 ORDER BY id LIMIT 1 OFFSET 5")));
        QVERIFY(pick.next());
        const QString word = pick.value(0).toString().section(u' ', 0, 0);
        QTest::keyClicks(search, word);
        const int expected = int(m_cache->scalar(
            QStringLiteral("SELECT count(*) FROM items WHERE deleted IS NULL AND inactive = 0 AND id IN "
                           "(SELECT rowid FROM items_fts WHERE items_fts MATCH ?)"),
            {QVariant(QString(u'"' + word + QStringLiteral("\"*")))}));
        QTRY_COMPARE(items->model()->rowCount(), expected);
        const int title = items->model()->columnOf(QStringLiteral("title"));
        for (int row = 0; row < items->model()->rowCount(); ++row) {
            const QString shown = items->model()->index(row, title).data().toString() + u' '
                + items->model()->index(row, items->model()->columnOf(QStringLiteral("sku"))).data().toString();
            Q_UNUSED(shown); // the word may match the description or brand, which FTS also covers
        }
        QVERIFY2(paneStatus().startsWith(QStringLiteral("Items: ") + QLocale().toString(expected)), qPrintable(paneStatus()));
        screenshot(QStringLiteral("pane-items-search.png"));
        search->clear();
        QTRY_COMPARE(items->model()->rowCount(),
                     int(m_cache->scalar(QStringLiteral("SELECT count(*) FROM items WHERE deleted IS NULL AND inactive = 0"))));
    }

    void theFilterBarNarrowsByPriceAndCategory()
    {
        show(QStringLiteral("items"));
        TablePane *items = pane(QStringLiteral("items"));
        auto *button = items->findChild<QToolButton *>(QStringLiteral("filterButton"));
        auto *bar = items->findChild<QWidget *>(QStringLiteral("filterBar"));
        if (!button->isChecked())
            QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(bar->isVisible());
        auto *from = bar->findChild<QLineEdit *>(QStringLiteral("price_from"));
        auto *to = bar->findChild<QLineEdit *>(QStringLiteral("price_to"));
        QTest::keyClicks(from, QLocale().toString(20.0, 'f', 2));
        QTest::keyClicks(to, QLocale().toString(60.0, 'f', 2));
        const QString live = QStringLiteral("deleted IS NULL AND inactive = 0");
        QTRY_COMPARE(items->model()->rowCount(),
                     int(m_cache->scalar(QStringLiteral("SELECT count(*) FROM items WHERE %1 AND price_minor BETWEEN 2000 AND 6000").arg(live))));
        // A category by keyboard: the choices load when the box gets focus.
        auto *category = bar->findChild<LazyChoiceBox *>(QStringLiteral("filter_category"));
        category->setFocus();
        QTRY_VERIFY(category->count() > 1);
        QTest::keyClick(category, Qt::Key_Down);
        const QString chosen = category->currentText();
        QVERIFY(!chosen.isEmpty());
        QTRY_COMPARE(items->model()->rowCount(),
                     int(m_cache->scalar(QStringLiteral("SELECT count(*) FROM items WHERE %1 AND price_minor BETWEEN 2000 AND 6000 AND category = ?").arg(live),
                                         {chosen})));
        screenshot(QStringLiteral("pane-items-filtered.png"));
        items->setFilterValues({});
        QVERIFY(from->text().isEmpty());
        QCOMPARE(category->currentIndex(), 0);
        QCOMPARE(items->model()->rowCount(),
                 int(m_cache->scalar(QStringLiteral("SELECT count(*) FROM items WHERE %1").arg(live))));
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(!bar->isVisible());
        // The table takes the bar's room back.
        auto *search = items->findChild<QLineEdit *>(QStringLiteral("search"));
        QTRY_VERIFY2(items->view()->mapTo(items, QPoint(0, 0)).y() < search->geometry().bottom() + 3 * search->height(),
                     qPrintable(QString::number(items->view()->mapTo(items, QPoint(0, 0)).y())));
    }

    void clickingAHeaderSorts()
    {
        show(QStringLiteral("items"));
        TablePane *items = pane(QStringLiteral("items"));
        QHeaderView *header = items->view()->horizontalHeader();
        const int price = items->model()->columnOf(QStringLiteral("price"));
        const auto clickHeader = [&](int column) {
            const int x = header->sectionViewportPosition(column) + header->sectionSize(column) / 2;
            QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
        };
        clickHeader(price);
        QTRY_COMPARE(items->model()->sortColumn(), price);
        const Qt::SortOrder first = items->model()->sortOrder();
        const auto raw = [&](int row) {
            return items->model()->index(row, price).data(CacheTableModel::RawRole).toLongLong();
        };
        const int last = items->model()->rowCount() - 1;
        QVERIFY(first == Qt::AscendingOrder ? raw(0) <= raw(last) : raw(0) >= raw(last));
        clickHeader(price);
        QTRY_VERIFY(items->model()->sortOrder() != first);
        QCOMPARE(header->sortIndicatorSection(), price);
        // The consignor column cannot sort: the order and the indicator stay.
        const int consignor = items->model()->columnOf(QStringLiteral("consignor"));
        const qint64 top = items->model()->idAt(0);
        clickHeader(consignor);
        QCOMPARE(items->model()->sortColumn(), price);
        QCOMPARE(header->sortIndicatorSection(), price);
        QCOMPARE(items->model()->idAt(0), top);
    }

    void enterOpensTheDetailsAndALinkLeadsToTheConsignor()
    {
        show(QStringLiteral("items"));
        TablePane *items = pane(QStringLiteral("items"));
        items->view()->setFocus();
        // An item with a consignor.
        const qint64 id = m_cache->scalar(QStringLiteral("SELECT i.id FROM items i JOIN consignors c ON c.connection_id = "
                                                         "i.connection_id AND c.external_id = i.consignor_id WHERE i.deleted "
                                                         "IS NULL AND i.inactive = 0 ORDER BY i.id LIMIT 1"));
        QVERIFY(id > 0);
        const int row = items->model()->rowOfId(id);
        QVERIFY(row >= 0);
        items->view()->setCurrentIndex(items->model()->index(row, 1));
        QTest::keyClick(items->view(), Qt::Key_Return);
        QTRY_VERIFY(items->detailView() && items->detailView()->isVisible());
        QCOMPARE(items->detailView()->currentId(), id);
        screenshot(QStringLiteral("pane-items-detail.png"));
        // The item's consignor link: the Consignors pane with that consignor shown.
        const qint64 consignor = m_cache->scalar(QStringLiteral("SELECT c.id FROM items i JOIN consignors c ON c.connection_id = "
                                                                "i.connection_id AND c.external_id = i.consignor_id WHERE i.id = ?"),
                                                 {id});
        Q_EMIT items->detailView()->openRequested(RecordRef{QStringLiteral("consignors"), consignor});
        TablePane *consignors = pane(QStringLiteral("consignors"));
        QTRY_VERIFY(consignors->isVisible());
        QCOMPARE(m_window->currentPane(), MainWindow::Pane::Consignors);
        QCOMPARE(consignors->model()->idAt(consignors->view()->currentIndex().row()), consignor);
        QCOMPARE(consignors->detailView()->currentId(), consignor);
        screenshot(QStringLiteral("pane-consignors-detail.png"));
    }

    void columnsAndSavedViewsAreRemembered()
    {
        show(QStringLiteral("items"));
        TablePane *items = pane(QStringLiteral("items"));
        QHeaderView *header = items->view()->horizontalHeader();
        const int brand = items->model()->columnOf(QStringLiteral("brand"));
        const int category = items->model()->columnOf(QStringLiteral("category"));
        QVERIFY(header->isSectionHidden(brand));
        header->setSectionHidden(brand, false);
        header->setSectionHidden(category, true);
        items->setFilterValues({{QStringLiteral("price"), QVariantList{1000, QVariant()}},
                                {QStringLiteral("ecommerce"), true}});
        items->setSearchText(QString());
        items->view()->sortByColumn(items->model()->columnOf(QStringLiteral("title")), Qt::DescendingOrder);
        items->saveView(QStringLiteral("Online over ten"));
        const int filtered = items->model()->rowCount();
        QVERIFY(items->savedViews().contains(QStringLiteral("Online over ten")));
        auto *views = items->findChild<QComboBox *>(QStringLiteral("views"));
        QCOMPARE(views->currentText(), QStringLiteral("Online over ten"));

        // Back to everything, then the view again: filters, columns and sort return.
        items->setFilterValues({});
        header->setSectionHidden(brand, true);
        header->setSectionHidden(category, false);
        items->view()->sortByColumn(items->model()->columnOf(QStringLiteral("price")), Qt::AscendingOrder);
        QVERIFY(items->model()->rowCount() > filtered);
        QVERIFY(items->applyView(QStringLiteral("Online over ten")));
        QCOMPARE(items->model()->rowCount(), filtered);
        QVERIFY(!header->isSectionHidden(brand));
        QVERIFY(header->isSectionHidden(category));
        QCOMPARE(items->model()->sortColumn(), items->model()->columnOf(QStringLiteral("title")));
        QCOMPARE(items->model()->sortOrder(), Qt::DescendingOrder);
        QCOMPARE(items->filterValues().value(QStringLiteral("ecommerce")).toBool(), true);

        // A new pane (as after a restart) finds the view and the columns.
        TablePane again(QStringLiteral("items"), m_workspace->reader().sql(), QIcon(), QStringLiteral("Items"), QString());
        QVERIFY(again.savedViews().contains(QStringLiteral("Online over ten")));
        items->deleteView(QStringLiteral("Online over ten"));
        QVERIFY(!items->savedViews().contains(QStringLiteral("Online over ten")));
        items->setFilterValues({});
        header->setSectionHidden(category, false);
    }

    void copyingRowsGivesTabSeparatedTextAndTheStatusSumsPerCurrency()
    {
        show(QStringLiteral("items"));
        TablePane *items = pane(QStringLiteral("items"));
        items->setFilterValues({});
        CacheTableView *view = items->view();
        view->setFocus();
        // Rows of two currencies: the first USD row and the first GBP row.
        const qint64 usd = m_cache->scalar(QStringLiteral("SELECT id FROM items WHERE deleted IS NULL AND inactive = 0 AND currency = 'USD' ORDER BY id LIMIT 1"));
        const qint64 gbp = m_cache->scalar(QStringLiteral("SELECT id FROM items WHERE deleted IS NULL AND inactive = 0 AND currency = 'GBP' ORDER BY id LIMIT 1"));
        QVERIFY(usd > 0 && gbp > 0);
        view->clearSelection();
        for (qint64 id : {usd, gbp}) {
            view->selectionModel()->select(items->model()->index(items->model()->rowOfId(id), 0),
                                           QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
        const QString usdPrice = Currency::format(m_cache->scalar(QStringLiteral("SELECT price_minor FROM items WHERE id = ?"), {usd}),
                                                  QStringLiteral("USD"));
        const QString gbpPrice = Currency::format(m_cache->scalar(QStringLiteral("SELECT price_minor FROM items WHERE id = ?"), {gbp}),
                                                  QStringLiteral("GBP"));
        QTRY_VERIFY2(paneStatus().contains(QStringLiteral("2 selected")), qPrintable(paneStatus()));
        // Never one figure for two currencies: each is shown on its own.
        QVERIFY2(paneStatus().contains(gbpPrice + QStringLiteral(" + ") + usdPrice), qPrintable(paneStatus()));
        QApplication::clipboard()->clear();
        m_window->findChild<QAction *>(QStringLiteral("actionCopy"))->trigger();
        const QStringList lines = QApplication::clipboard()->text().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines.at(0).contains(QStringLiteral("Title\t")) || lines.at(0).contains(QStringLiteral("\tTitle")));
        int visible = 0;
        for (int c = 0; c < items->model()->columnCount(); ++c)
            visible += view->horizontalHeader()->isSectionHidden(c) ? 0 : 1;
        for (const QString &line : lines)
            QCOMPARE(line.count(u'\t'), visible - 1);
        QVERIFY(lines.at(1).contains(usdPrice) || lines.at(2).contains(usdPrice));
    }

    void aRefreshKeepsTheSelectionAndTheScrollPosition()
    {
        show(QStringLiteral("items"));
        TablePane *items = pane(QStringLiteral("items"));
        CacheTableView *view = items->view();
        view->sortByColumn(items->model()->columnOf(QStringLiteral("title")), Qt::AscendingOrder);
        const int row = items->model()->rowCount() / 2;
        view->selectionModel()->setCurrentIndex(items->model()->index(row, 1),
                                                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        view->scrollTo(items->model()->index(row, 1), QAbstractItemView::PositionAtTop);
        const int scroll = view->verticalScrollBar()->value();
        const qint64 id = items->model()->idAt(row);
        // A title change moves nothing before it; a sync's commit is a refresh.
        QSqlQuery touch(m_cache->db().sql());
        QVERIFY(touch.exec(QStringLiteral("UPDATE items SET updated = updated + 1")));
        items->refresh();
        QCOMPARE(items->model()->idAt(view->currentIndex().row()), id);
        QCOMPARE(view->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(view->verticalScrollBar()->value(), scroll);
    }

    void theCurrentViewExportsAsItIsShown()
    {
        show(QStringLiteral("items"));
        TablePane *items = pane(QStringLiteral("items"));
        items->setFilterValues({{QStringLiteral("price"), QVariantList{2000, 6000}}});
        items->view()->sortByColumn(items->model()->columnOf(QStringLiteral("price")), Qt::DescendingOrder);
        QHeaderView *header = items->view()->horizontalHeader();
        const int brand = items->model()->columnOf(QStringLiteral("brand"));
        header->setSectionHidden(brand, false);
        QTemporaryDir out;
        QString error;
        qint64 rows = 0;
        const QString csv = out.filePath(QStringLiteral("view.csv"));
        QVERIFY2(items->exportView(csv, &error, &rows), qPrintable(error));
        QCOMPARE(rows, qint64(items->model()->rowCount()));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), items->model()->rowCount() + 1);
        QStringList expectedHeader;
        for (int visual = 0; visual < header->count(); ++visual) {
            const int logical = header->logicalIndex(visual);
            if (!header->isSectionHidden(logical))
                expectedHeader.append(items->model()->headerData(logical, Qt::Horizontal).toString());
        }
        QCOMPARE(lines.first(), expectedHeader.join(u','));
        // The first row is the table's first row: the dearest in the range, as a plain amount.
        const QModelIndex top = items->model()->index(0, items->model()->columnOf(QStringLiteral("price")));
        QVERIFY2(lines.at(1).contains(Currency::formatPlain(top.data(CacheTableModel::RawRole).toLongLong(),
                                                            top.data(CacheTableModel::CurrencyRole).toString())),
                 qPrintable(lines.at(1)));
        for (const char *suffix : {"xlsx", "pdf"}) {
            const QString path = out.filePath(QStringLiteral("view.") + QLatin1String(suffix));
            QVERIFY2(items->exportView(path, &error), qPrintable(error));
            QVERIFY(QFileInfo(path).size() > 0);
        }
        header->setSectionHidden(brand, true);
        items->setFilterValues({});
    }

    void everyControlHasAnAccessibleName()
    {
        for (const QString &table : Models::paneTables()) {
            TablePane *p = pane(table);
            for (QWidget *widget : p->findChildren<QWidget *>()) {
                // Headers are read through their column titles.
                const bool control = qobject_cast<QLineEdit *>(widget) || qobject_cast<QComboBox *>(widget)
                    || qobject_cast<QAbstractSpinBox *>(widget)
                    || (qobject_cast<QAbstractItemView *>(widget) && !qobject_cast<QHeaderView *>(widget));
                if (!control || qobject_cast<QLineEdit *>(widget->parentWidget()) || qobject_cast<QAbstractSpinBox *>(widget->parentWidget())
                    || qobject_cast<QComboBox *>(widget->parentWidget()))
                    continue; // the editor inside a spin or combo box is named by its owner
                if (qobject_cast<QAbstractItemView *>(widget) && widget->parentWidget()
                    && widget->parentWidget()->inherits("QComboBoxPrivateContainer"))
                    continue;
                QVERIFY2(!widget->accessibleName().isEmpty(),
                         qPrintable(table + u' ' + QString::fromLatin1(widget->metaObject()->className()) + u' '
                                    + widget->objectName()));
            }
        }
    }
};

QTEST_MAIN(TestPanes)
#include "tst_panes.moc"
