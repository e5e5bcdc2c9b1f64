// The detail panels beside the panes' tables, on a cache synced from the
// in-process sandbox over real HTTP: what each shows is compared with the
// cache itself, links are followed with the mouse and the keyboard, and item
// images are fetched once and then read from the disk cache.
#include "store/database.h"
#include "syncedcache.h"
#include "widgets/detailformat.h"
#include "widgets/detailview.h"
#include "widgets/htmldetailview.h"
#include "widgets/warehousedetail.h"

#include <QDir>
#include <QLabel>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>
#include <QTreeWidget>

using namespace ConsignDesk;

namespace {

/// Counts the requests made through it.
class CountingNetwork : public QNetworkAccessManager {
public:
    int requests = 0;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *data) override
    {
        ++requests;
        return QNetworkAccessManager::createRequest(op, request, data);
    }
};

QTextBrowser *browserOf(DetailView *view)
{
    return view->findChild<QTextBrowser *>(QStringLiteral("detailBrowser"));
}

QString textOf(DetailView *view)
{
    return browserOf(view)->toPlainText();
}

/// The top-level tables of a document, each with the text of the block before it.
QList<std::pair<QString, QTextTable *>> tables(QTextDocument *document)
{
    QList<std::pair<QString, QTextTable *>> out;
    QString before;
    for (auto it = document->rootFrame()->begin(); !it.atEnd(); ++it) {
        if (auto *table = qobject_cast<QTextTable *>(it.currentFrame()))
            out.append({before, table});
        else if (it.currentBlock().isValid() && !it.currentBlock().text().trimmed().isEmpty())
            before = it.currentBlock().text();
    }
    return out;
}

QString cellText(QTextTable *table, int row, int column)
{
    const QTextTableCell cell = table->cellAt(row, column);
    QTextCursor cursor = cell.firstCursorPosition();
    cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor::KeepAnchor);
    return cursor.selectedText().trimmed();
}

/// The rows (without the header) of the list under the heading starting with @p heading; -1 when there is none.
int listRows(DetailView *view, const QString &heading)
{
    for (const auto &[before, table] : tables(browserOf(view)->document())) {
        if (before.startsWith(heading))
            return table->rows() - 1;
    }
    return -1;
}

/// A value of the fields table (the first table).
QString field(DetailView *view, const QString &label)
{
    const auto all = tables(browserOf(view)->document());
    if (all.isEmpty())
        return QStringLiteral("(no fields)");
    QTextTable *fields = all.first().second;
    for (int row = 0; row < fields->rows(); ++row) {
        if (cellText(fields, row, 0) == label)
            return cellText(fields, row, 1);
    }
    return QStringLiteral("(no field %1)").arg(label);
}

/// Clicks the link to @p href in the view's text; false when there is none.
bool clickLink(DetailView *view, const QString &href)
{
    QTextBrowser *browser = browserOf(view);
    for (QTextBlock block = browser->document()->begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.charFormat().anchorHref() != href)
                continue;
            QTextCursor cursor(browser->document());
            cursor.setPosition(fragment.position() + qMin(1, fragment.length() - 1));
            browser->setTextCursor(cursor);
            browser->ensureCursorVisible();
            const QPoint at = browser->cursorRect(cursor).center();
            QTest::mouseClick(browser->viewport(), Qt::LeftButton, {}, at);
            return true;
        }
    }
    return false;
}

QString href(const QString &table, qint64 id)
{
    return DetailFormat::recordUrl({table, id}).toString(QUrl::FullyEncoded);
}

} // namespace

class TestDetailViews : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SyncedCache> m_cache;
    std::unique_ptr<Store::Database> m_reader;
    QTemporaryDir m_imageDir;
    CountingNetwork m_network;

    std::unique_ptr<DetailView> view(const QString &table, QNetworkAccessManager *network = nullptr, const QString &imageDir = {})
    {
        std::unique_ptr<DetailView> v(createDetailView(table, m_reader->sql(), network ? network : &m_network,
                                                       imageDir.isEmpty() ? m_imageDir.path() : imageDir));
        if (v) {
            v->resize(720, 900);
            v->show();
            if (!QTest::qWaitForWindowExposed(v.get()))
                qWarning("the view was not exposed");
        }
        return v;
    }

    qint64 scalar(const QString &sql, const QVariantList &binds = {}) { return m_cache->scalar(sql, binds); }

    void exec(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery query(m_cache->db().sql());
        query.prepare(sql);
        for (const QVariant &bind : binds)
            query.addBindValue(bind);
        if (!query.exec())
            qFatal("%s failed", qPrintable(sql));
    }

    QString connectionOf(const QString &vendor) const { return m_cache->connections().value(vendor).id; }

    static QString usd(qint64 cents) { return QLocale().toCurrencyString(double(cents) / 100.0); }

    void screenshot(QWidget *widget, const QString &name)
    {
        if (const QString dir = qEnvironmentVariable("CONSIGNDESK_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QDir().mkpath(dir);
            widget->grab().save(dir + u'/' + name);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The figures are compared with QLocale's own formatting in a known locale.
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        m_cache = std::make_unique<SyncedCache>(200);
        QVERIFY2(m_cache->ok(), qPrintable(m_cache->error()));
        QString error;
        m_reader = Store::Database::open(m_cache->path(), &error);
        QVERIFY2(m_reader, qPrintable(error));
        QVERIFY(m_imageDir.isValid());
    }

    void everyTableOfThePanesHasAView()
    {
        for (const char *table : {"items", "consignors", "sales", "payouts", "stock_lines"})
            QVERIFY2(view(QString::fromLatin1(table)), table);
        QVERIFY(!view(QStringLiteral("categories")));
    }

    void anItemShowsItsFieldsPriceHistoryAndConsignor()
    {
        QSqlQuery q(m_cache->db().sql());
        q.prepare(QStringLiteral("SELECT i.id, i.title, i.sku, i.price_minor, c.id FROM items i"
                                 " JOIN consignors c ON c.connection_id = i.connection_id AND c.external_id = i.consignor_id"
                                 " WHERE i.connection_id = ? AND i.deleted IS NULL AND i.sku <> '' ORDER BY i.id LIMIT 1"));
        q.addBindValue(connectionOf(QStringLiteral("consigncloud")));
        QVERIFY(q.exec() && q.next());
        const qint64 id = q.value(0).toLongLong();
        const QString title = q.value(1).toString();
        const QString sku = q.value(2).toString();
        const qint64 consignor = q.value(4).toLongLong();
        // Two repricings as two syncs would see them: the history grows by two.
        const qint64 price = q.value(3).toLongLong() + 1250;
        exec(QStringLiteral("UPDATE items SET price_minor = price_minor + 500 WHERE id = ?"), {id});
        exec(QStringLiteral("UPDATE items SET price_minor = ? WHERE id = ?"), {price, id});
        const qint64 history = scalar(QStringLiteral("SELECT count(*) FROM item_prices WHERE item_id = ?"), {id});
        QVERIFY(history >= 3);

        const int requestsBefore = m_network.requests;
        auto item = view(QStringLiteral("items"));
        item->showRecord(id);
        QCOMPARE(item->currentId(), id);
        const QString text = textOf(item.get());
        QVERIFY2(text.contains(title), qPrintable(text));
        QCOMPARE(field(item.get(), QStringLiteral("SKU")), sku);
        QCOMPARE(field(item.get(), QStringLiteral("Price")), usd(price));
        QCOMPARE(listRows(item.get(), QStringLiteral("Price history")), int(history));
        // ConsignCloud's image URLs name a host that is not the connection's: listed, never fetched.
        QCOMPARE(m_network.requests, requestsBefore);

        QSignalSpy open(item.get(), &DetailView::openRequested);
        QVERIFY(clickLink(item.get(), href(QStringLiteral("consignors"), consignor)));
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.at(0).at(0).value<RecordRef>(), (RecordRef{QStringLiteral("consignors"), consignor}));
        QCOMPARE(item->currentId(), id); // the pane navigates, not the view
        screenshot(item.get(), QStringLiteral("detail-item-consigncloud.png"));
    }

    void simpleConsignImagesAreFetchedOnceAndKeptOnDisk()
    {
        const qint64 id = scalar(QStringLiteral("SELECT id FROM items WHERE connection_id = ? AND images LIKE '%.jpg%'"
                                                " AND deleted IS NULL ORDER BY length(images) DESC, id LIMIT 1"),
                                 {connectionOf(QStringLiteral("simpleconsign"))});
        QVERIFY(id > 0);
        QTemporaryDir dir;
        {
            CountingNetwork network;
            auto item = view(QStringLiteral("items"), &network, dir.path());
            item->showRecord(id);
            QVERIFY(network.requests > 0);
            QVERIFY(textOf(item.get()).contains(QStringLiteral("Loading image")));
            QTRY_VERIFY_WITH_TIMEOUT(!textOf(item.get()).contains(QStringLiteral("Loading image")), 20000);
            QVERIFY2(!textOf(item.get()).contains(QStringLiteral("Image unavailable")), qPrintable(textOf(item.get())));
            const QStringList files = QDir(dir.path()).entryList(QDir::Files);
            QVERIFY(!files.isEmpty());
            QVERIFY(browserOf(item.get())->toHtml().contains(QStringLiteral("cdimg:")));
            const int requests = network.requests;
            item->showRecord(id);
            QCOMPARE(network.requests, requests);
            screenshot(item.get(), QStringLiteral("detail-item.png"));
        }
        // A new view (as after a restart) reads the same files and asks nothing.
        CountingNetwork network;
        auto again = view(QStringLiteral("items"), &network, dir.path());
        again->showRecord(id);
        QCOMPARE(network.requests, 0);
        QVERIFY(!textOf(again.get()).contains(QStringLiteral("Loading image")));
        QVERIFY(browserOf(again.get())->toHtml().contains(QStringLiteral("cdimg:")));
    }

    void aMissingImageSaysSo()
    {
        const qint64 id
            = scalar(QStringLiteral("SELECT id FROM items WHERE connection_id = ? AND deleted IS NULL ORDER BY id LIMIT 1"),
                     {connectionOf(QStringLiteral("simpleconsign"))});
        exec(QStringLiteral("UPDATE items SET images = 'NOSUCH_1_00000000.jpg' WHERE id = ?"), {id});
        QTemporaryDir dir;
        CountingNetwork network;
        auto item = view(QStringLiteral("items"), &network, dir.path());
        item->showRecord(id);
        QTRY_VERIFY_WITH_TIMEOUT(textOf(item.get()).contains(QStringLiteral("Image unavailable")), 20000);
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
        screenshot(item.get(), QStringLiteral("detail-item-no-image.png"));
    }

    void aConsignorShowsBalanceCountsAndTheSamePersonElsewhere()
    {
        const QString cc = connectionOf(QStringLiteral("consigncloud"));
        QSqlQuery q(m_cache->db().sql());
        q.prepare(QStringLiteral("SELECT c.id, c.external_id, c.balance_minor, c.email, c.name FROM consignors c"
                                 " WHERE c.connection_id = ? AND c.deleted IS NULL AND c.email <> ''"
                                 " ORDER BY (SELECT count(*) FROM sale_lines l WHERE l.connection_id = c.connection_id"
                                 " AND l.consignor_id = c.external_id) DESC LIMIT 1"));
        q.addBindValue(cc);
        QVERIFY(q.exec() && q.next());
        const qint64 id = q.value(0).toLongLong();
        const QString externalId = q.value(1).toString();
        const qint64 balance = q.value(2).toLongLong();
        const QString email = q.value(3).toString();

        // The same person at the Consignify store (by email, in another case).
        const QString cf = connectionOf(QStringLiteral("consignify"));
        const qint64 other
            = scalar(QStringLiteral("SELECT c.id FROM consignors c WHERE c.connection_id = ? AND c.deleted IS NULL"
                                    " ORDER BY (SELECT count(*) FROM payouts p WHERE p.connection_id = c.connection_id"
                                    " AND p.consignor_id = c.external_id) DESC LIMIT 1"),
                     {cf});
        QVERIFY(other > 0);
        exec(QStringLiteral("UPDATE consignors SET email = ? WHERE id = ?"), {email.toUpper(), other});

        auto consignor = view(QStringLiteral("consignors"));
        consignor->showRecord(id);
        QCOMPARE(field(consignor.get(), QStringLiteral("Balance")), usd(balance));
        auto counted = [&](const char *sql, const QString &connection, const QString &ext) {
            return QLocale().toString(scalar(QString::fromLatin1(sql), {connection, ext}));
        };
        const char *items = "SELECT count(*) FROM items WHERE connection_id = ? AND consignor_id = ? AND deleted IS NULL";
        const char *sales = "SELECT count(*) FROM sale_lines WHERE connection_id = ? AND consignor_id = ? AND deleted IS NULL";
        const char *payouts = "SELECT count(*) FROM payouts WHERE connection_id = ? AND consignor_id = ? AND deleted IS NULL";
        QCOMPARE(field(consignor.get(), QStringLiteral("Items")), counted(items, cc, externalId));
        QCOMPARE(field(consignor.get(), QStringLiteral("Sales")), counted(sales, cc, externalId));
        QCOMPARE(field(consignor.get(), QStringLiteral("Payouts")), counted(payouts, cc, externalId));
        const int itemRows = listRows(consignor.get(), QStringLiteral("Items"));
        QCOMPARE(itemRows, int(qMin<qint64>(50, scalar(QString::fromLatin1(items), {cc, externalId}))));
        QCOMPARE(listRows(consignor.get(), QStringLiteral("On other connections")), 1);
        screenshot(consignor.get(), QStringLiteral("detail-consignor.png"));

        // A dark theme: the panel is drawn again in its colours.
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x20, 0x22, 0x25));
        dark.setColor(QPalette::Window, QColor(0x2a, 0x2c, 0x30));
        dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
        dark.setColor(QPalette::AlternateBase, QColor(0x30, 0x33, 0x38));
        dark.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
        dark.setColor(QPalette::Mid, QColor(0x50, 0x50, 0x50));
        consignor->setPalette(dark);
        QTRY_VERIFY(browserOf(consignor.get())->toHtml().contains(QStringLiteral("#8ab4f8")));
        screenshot(consignor.get(), QStringLiteral("detail-consignor-dark.png"));
        consignor->setPalette(QPalette());

        QSignalSpy open(consignor.get(), &DetailView::openRequested);
        QVERIFY(clickLink(consignor.get(), href(QStringLiteral("consignors"), other)));
        QCOMPARE(open.count(), 1);
        QCOMPARE(open.at(0).at(0).value<RecordRef>(), (RecordRef{QStringLiteral("consignors"), other}));

        // The other one: its payouts, a balance its vendor does not report, and the way back.
        QSqlQuery o(m_cache->db().sql());
        o.prepare(QStringLiteral("SELECT external_id FROM consignors WHERE id = ?"));
        o.addBindValue(other);
        QVERIFY(o.exec() && o.next());
        const QString ext = o.value(0).toString();
        consignor->showRecord(other);
        QCOMPARE(field(consignor.get(), QStringLiteral("Payouts")), counted(payouts, cf, ext));
        QVERIFY(scalar(QString::fromLatin1(payouts), {cf, ext}) > 0);
        QCOMPARE(listRows(consignor.get(), QStringLiteral("Payouts")),
                 int(qMin<qint64>(50, scalar(QString::fromLatin1(payouts), {cf, ext}))));
        QCOMPARE(listRows(consignor.get(), QStringLiteral("On other connections")), 1);
        QVERIFY(browserOf(consignor.get())->toHtml().contains(href(QStringLiteral("consignors"), id)));
    }

    void aSaleListsItsLines()
    {
        const QString cc = connectionOf(QStringLiteral("consigncloud"));
        QSqlQuery q(m_cache->db().sql());
        q.prepare(QStringLiteral("SELECT s.id, s.external_id, s.total_minor FROM sales s WHERE s.connection_id = ?"
                                 " ORDER BY (SELECT count(*) FROM sale_lines l WHERE l.connection_id = s.connection_id"
                                 " AND l.sale_id = s.external_id) DESC LIMIT 1"));
        q.addBindValue(cc);
        QVERIFY(q.exec() && q.next());
        const qint64 id = q.value(0).toLongLong();
        const qint64 lines = scalar(QStringLiteral("SELECT count(*) FROM sale_lines WHERE connection_id = ? AND sale_id = ?"
                                                   " AND deleted IS NULL"),
                                    {cc, q.value(1)});
        QVERIFY(lines > 1);
        auto sale = view(QStringLiteral("sales"));
        sale->showRecord(id);
        QCOMPARE(listRows(sale.get(), QStringLiteral("Lines")), int(lines));
        QCOMPARE(field(sale.get(), QStringLiteral("Total")), usd(q.value(2).toLongLong()));
        QVERIFY(!field(sale.get(), QStringLiteral("Status")).startsWith(u'('));
        screenshot(sale.get(), QStringLiteral("detail-sale.png"));

        // The keyboard reaches the links: Tab to the first, Enter follows it.
        QSignalSpy open(sale.get(), &DetailView::openRequested);
        sale->setFocus();
        QTest::keyClick(browserOf(sale.get()), Qt::Key_Tab);
        QTest::keyClick(browserOf(sale.get()), Qt::Key_Return);
        QCOMPARE(open.count(), 1);
        QVERIFY(open.at(0).at(0).value<RecordRef>().isValid());
    }

    void aPayoutListsItsLines()
    {
        const QString cf = connectionOf(QStringLiteral("consignify"));
        QSqlQuery q(m_cache->db().sql());
        q.prepare(QStringLiteral("SELECT p.id, p.external_id FROM payouts p WHERE p.connection_id = ?"
                                 " ORDER BY (SELECT count(*) FROM payout_lines l WHERE l.connection_id = p.connection_id"
                                 " AND l.payout_id = p.external_id) DESC LIMIT 1"));
        q.addBindValue(cf);
        QVERIFY(q.exec() && q.next());
        const qint64 id = q.value(0).toLongLong();
        const qint64 lines = scalar(QStringLiteral("SELECT count(*) FROM payout_lines WHERE connection_id = ? AND payout_id = ?"
                                                   " AND deleted IS NULL"),
                                    {cf, q.value(1)});
        QVERIFY(lines > 0);
        auto payout = view(QStringLiteral("payouts"));
        payout->showRecord(id);
        QCOMPARE(listRows(payout.get(), QStringLiteral("Lines")), int(lines));
        QVERIFY(textOf(payout.get()).contains(u'£')); // Consignify's store is in pounds
        screenshot(payout.get(), QStringLiteral("detail-payout.png"));
    }

    void theWarehouseTreeShowsUnitLinesSerialsAndWhatExpires()
    {
        const QString cl = connectionOf(QStringLiteral("consignly"));
        // A unit with several lines, one of them serial-tracked.
        QSqlQuery q(m_cache->db().sql());
        q.prepare(QStringLiteral("SELECT u.external_id FROM logistic_units u WHERE u.connection_id = ? AND EXISTS"
                                 " (SELECT 1 FROM stock_lines l JOIN serial_items s ON s.connection_id = l.connection_id"
                                 " AND s.stock_line_id = l.external_id WHERE l.connection_id = u.connection_id"
                                 " AND l.logistic_unit_id = u.external_id)"
                                 " ORDER BY (SELECT count(*) FROM stock_lines l WHERE l.connection_id = u.connection_id"
                                 " AND l.logistic_unit_id = u.external_id) DESC LIMIT 1"));
        q.addBindValue(cl);
        QVERIFY(q.exec() && q.next());
        const QString unit = q.value(0).toString();
        QList<qint64> lines;
        QSqlQuery l(m_cache->db().sql());
        l.prepare(QStringLiteral("SELECT id FROM stock_lines WHERE connection_id = ? AND logistic_unit_id = ? AND deleted IS NULL"
                                 " ORDER BY id"));
        l.addBindValue(cl);
        l.addBindValue(unit);
        QVERIFY(l.exec());
        while (l.next())
            lines.append(l.value(0).toLongLong());
        QVERIFY(!lines.isEmpty());
        // One line expires in 10 days, another (if any) in 60; the unit belongs to a consignment with consumables.
        const QDate today = QDate::currentDate();
        exec(QStringLiteral("UPDATE stock_lines SET expiry = ? WHERE id = ?"),
             {today.addDays(10).toString(Qt::ISODate), lines.first()});
        if (lines.size() > 1)
            exec(QStringLiteral("UPDATE stock_lines SET expiry = ? WHERE id = ?"),
                 {today.addDays(60).toString(Qt::ISODate), lines.at(1)});
        QSqlQuery c(m_cache->db().sql());
        c.prepare(QStringLiteral("SELECT consignment_id FROM consumables WHERE connection_id = ? GROUP BY consignment_id"
                                 " ORDER BY count(*) DESC LIMIT 1"));
        c.addBindValue(cl);
        QVERIFY(c.exec() && c.next());
        const QString consignment = c.value(0).toString();
        exec(QStringLiteral("UPDATE logistic_units SET consignment_id = ? WHERE connection_id = ? AND external_id = ?"),
             {consignment, cl, unit});

        auto warehouse = view(QStringLiteral("stock_lines"));
        const qint64 shown = lines.last();
        warehouse->showRecord(shown);
        auto *tree = warehouse->findChild<QTreeWidget *>(QStringLiteral("stockTree"));
        QVERIFY(tree && tree->isVisible());
        QCOMPARE(tree->topLevelItemCount(), 1);
        QTreeWidgetItem *root = tree->topLevelItem(0);
        QCOMPARE(root->childCount(), lines.size());
        QSet<qint64> seen;
        for (int i = 0; i < root->childCount(); ++i) {
            QTreeWidgetItem *line = root->child(i);
            const qint64 lineId = line->data(WarehouseDetail::What, WarehouseDetail::StockLineRole).toLongLong();
            seen.insert(lineId);
            const qint64 serials
                = scalar(QStringLiteral("SELECT count(*) FROM serial_items s JOIN stock_lines l"
                                        " ON l.connection_id = s.connection_id AND l.external_id = s.stock_line_id"
                                        " WHERE l.id = ? AND s.deleted IS NULL"),
                         {lineId});
            QCOMPARE(line->childCount(), int(serials));
            const bool expiring = line->data(WarehouseDetail::What, WarehouseDetail::ExpiringRole).toBool();
            const bool tinted = line->background(WarehouseDetail::Expiry).style() != Qt::NoBrush;
            if (lineId == lines.first()) {
                QVERIFY(expiring && tinted);
                QVERIFY(line->text(WarehouseDetail::Expiry).contains(QStringLiteral("in 10 days")));
            } else if (lines.size() > 1 && lineId == lines.at(1)) {
                QVERIFY(!expiring && !tinted);
            }
        }
        QCOMPARE(seen, QSet<qint64>(lines.cbegin(), lines.cend()));
        QCOMPARE(tree->currentItem()->data(WarehouseDetail::What, WarehouseDetail::StockLineRole).toLongLong(), shown);

        auto *consumables = warehouse->findChild<QTreeWidget *>(QStringLiteral("consumables"));
        QVERIFY(consumables && consumables->isVisible());
        QCOMPARE(qint64(consumables->topLevelItemCount()),
                 scalar(QStringLiteral("SELECT count(*) FROM consumables WHERE connection_id = ? AND consignment_id = ?"
                                       " AND deleted IS NULL"),
                        {cl, consignment}));
        screenshot(warehouse.get(), QStringLiteral("detail-warehouse.png"));

        // Activating another line of the unit opens it.
        QSignalSpy open(warehouse.get(), &DetailView::openRequested);
        Q_EMIT tree->itemActivated(root->child(0), 0);
        if (root->child(0)->data(WarehouseDetail::What, WarehouseDetail::StockLineRole).toLongLong() != shown)
            QCOMPARE(open.count(), 1);
    }

    void aRecordGoneFromTheCacheSaysSo()
    {
        const qint64 id = scalar(QStringLiteral("SELECT max(id) FROM items"));
        auto item = view(QStringLiteral("items"));
        item->showRecord(id);
        QVERIFY(!textOf(item.get()).contains(DetailFormat::goneText()));
        exec(QStringLiteral("DELETE FROM items WHERE id = ?"), {id});
        item->reload();
        QCOMPARE(textOf(item.get()).trimmed(), DetailFormat::goneText());
        item->showRecord(id);
        QCOMPARE(textOf(item.get()).trimmed(), DetailFormat::goneText());

        for (const char *table : {"consignors", "sales", "payouts"}) {
            auto other = view(QString::fromLatin1(table));
            other->showRecord(987654321);
            QCOMPARE(textOf(other.get()).trimmed(), DetailFormat::goneText());
        }
        auto warehouse = view(QStringLiteral("stock_lines"));
        warehouse->showRecord(987654321);
        auto *message = warehouse->findChild<QLabel *>(QStringLiteral("message"));
        QVERIFY(message && message->isVisible());
        QCOMPARE(message->text(), DetailFormat::goneText());
        warehouse->clear();
        QCOMPARE(warehouse->currentId(), 0);
        QCOMPARE(message->text(), DetailFormat::nothingSelectedText());
    }
};

QTEST_MAIN(TestDetailViews)
#include "tst_detailviews.moc"
