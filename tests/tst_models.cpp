// The panes' models over a real cache synced from the sandbox: each passes
// QAbstractItemModelTester (also while a sync writes and the model refreshes),
// rows, search, filters and sort agree with plain SQL on the cache, the last
// row reads as well as the first, selections stay on their records across a
// refresh, and a selection's totals are per currency.
#include "core/currency.h"
#include "models/cachetablemodel.h"
#include "store/database.h"
#include "syncedcache.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSqlQuery>
#include <QTest>
#include <QTimer>

using namespace ConsignDesk;
using Models::CacheTableModel;

class TestModels : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SyncedCache> m_cache;
    std::unique_ptr<Store::Database> m_reader;

    std::unique_ptr<CacheTableModel> model(const QString &table)
    {
        return std::make_unique<CacheTableModel>(Models::tableSpec(table), m_reader->sql());
    }

    QList<qint64> ids(const QString &sql, const QVariantList &binds = {})
    {
        QSqlQuery query(m_cache->db().sql());
        query.prepare(sql);
        for (const QVariant &bind : binds)
            query.addBindValue(bind);
        QList<qint64> out;
        if (!query.exec())
            qFatal("%s", qPrintable(sql));
        while (query.next())
            out.append(query.value(0).toLongLong());
        return out;
    }

    static QList<qint64> modelIds(const CacheTableModel &model)
    {
        QList<qint64> out;
        for (int row = 0; row < model.rowCount(); ++row)
            out.append(model.idAt(row));
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_cache = std::make_unique<SyncedCache>(400);
        QVERIFY2(m_cache->ok(), qPrintable(m_cache->error()));
        QString error;
        m_reader = Store::Database::open(m_cache->path(), &error);
        QVERIFY2(m_reader, qPrintable(error));
    }

    void moneyIsFormattedExactlyInTheLocale()
    {
        const QLocale us(QLocale::English, QLocale::UnitedStates);
        QCOMPARE(Currency::format(106794, QStringLiteral("USD"), us), QStringLiteral("$1,067.94"));
        // A negative amount the locale's way (en_US: in parentheses).
        QCOMPARE(Currency::format(-5, QStringLiteral("USD"), us), us.toCurrencyString(-0.05, QStringLiteral("$"), 2));
        QCOMPARE(Currency::format(29, QStringLiteral("GBP"), us), QStringLiteral("£0.29"));
        QCOMPARE(Currency::format(500, QStringLiteral("JPY"), us), QStringLiteral("JP¥500"));
        QCOMPARE(Currency::format(9007199254740993LL, QStringLiteral("USD"), us),
                 QStringLiteral("$90,071,992,547,409.93")); // beyond a double's exact range
        QCOMPARE(Currency::format(-5, QStringLiteral("USD"), QLocale::c()), QStringLiteral("-US$0.05"));
        const QLocale de(QLocale::German, QLocale::Germany);
        QCOMPARE(Currency::format(424242, QStringLiteral("EUR"), de), QStringLiteral("4.242,42\u00a0€"));
    }

    void everyPaneModelPassesTheTester_data()
    {
        QTest::addColumn<QString>("table");
        for (const QString &table : Models::paneTables())
            QTest::newRow(qPrintable(table)) << table;
    }

    void everyPaneModelPassesTheTester()
    {
        QFETCH(QString, table);
        auto m = model(table);
        QAbstractItemModelTester tester(m.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY2(m->rowCount() > 0, qPrintable(table));
        QVERIFY2(m->lastError().isEmpty(), qPrintable(m->lastError()));
        for (int column = 0; column < m->columnCount(); ++column) {
            m->sort(column, Qt::AscendingOrder);
            m->sort(column, Qt::DescendingOrder);
            QVERIFY(m->index(m->rowCount() - 1, column).data().isValid() || true); // the tester reads; no error
            QVERIFY2(m->lastError().isEmpty(), qPrintable(m->lastError()));
        }
        m->setSearch(QStringLiteral("a"));
        m->setSearch(QString());
        for (const Models::FilterSpec &filter : m->spec().filters) {
            QVariantMap values;
            switch (filter.kind) {
            case Models::FilterSpec::Kind::Choice:
                continue; // needs a value from the cache; below
            case Models::FilterSpec::Kind::MoneyRange:
            case Models::FilterSpec::Kind::NumberRange:
                values.insert(filter.key, QVariantList{1000, 100000});
                break;
            case Models::FilterSpec::Kind::DateRange:
                values.insert(filter.key, QVariantList{QDate(2020, 1, 1), QDate(2030, 1, 1)});
                break;
            case Models::FilterSpec::Kind::Flag:
                values.insert(filter.key, true);
                break;
            case Models::FilterSpec::Kind::Days:
                values.insert(filter.key, 30);
                break;
            case Models::FilterSpec::Kind::Text:
                values.insert(filter.key, QStringLiteral("1"));
                break;
            }
            m->setFilters(values);
            QVERIFY2(m->lastError().isEmpty(), qPrintable(filter.key + u' ' + m->lastError()));
        }
        m->setFilters({});
        m->refresh();
        QVERIFY2(m->lastError().isEmpty(), qPrintable(m->lastError()));
    }

    void rowsFollowTheSortToTheLastRow()
    {
        auto m = model(QStringLiteral("items"));
        // Default: newest first; inactive and deleted items hidden.
        QCOMPARE(modelIds(*m), ids(QStringLiteral("SELECT id FROM items WHERE deleted IS NULL AND inactive = 0 "
                                                  "ORDER BY created DESC, id DESC")));
        const int price = m->columnOf(QStringLiteral("price"));
        m->sort(price, Qt::AscendingOrder);
        QCOMPARE(modelIds(*m), ids(QStringLiteral("SELECT id FROM items WHERE deleted IS NULL AND inactive = 0 "
                                                  "ORDER BY price_minor, id")));
        // The last row first: read from the end, not by stepping through the rest.
        auto fresh = model(QStringLiteral("items"));
        fresh->sort(fresh->columnOf(QStringLiteral("title")), Qt::DescendingOrder);
        const QList<qint64> expected = ids(QStringLiteral("SELECT id FROM items WHERE deleted IS NULL AND inactive = 0 "
                                                          "ORDER BY title COLLATE NOCASE DESC, id DESC"));
        QCOMPARE(fresh->idAt(fresh->rowCount() - 1), expected.last());
        QCOMPARE(fresh->idAt(0), expected.first());
        QCOMPARE(modelIds(*fresh), expected);
        // Money shows in its currency; the raw value stays minor units.
        const QModelIndex cell = m->index(0, price);
        QCOMPARE(cell.data().toString(),
                 Currency::format(cell.data(CacheTableModel::RawRole).toLongLong(),
                                  cell.data(CacheTableModel::CurrencyRole).toString()));
    }

    void aColumnThatCannotSortKeepsTheOrder()
    {
        auto m = model(QStringLiteral("items"));
        const QList<qint64> before = modelIds(*m);
        m->sort(m->columnOf(QStringLiteral("consignor")), Qt::AscendingOrder);
        QCOMPARE(m->sortColumn(), m->columnOf(QStringLiteral("created")));
        QCOMPARE(modelIds(*m), before);
    }

    void searchFindsTitlesAndSkusThroughFullText()
    {
        auto m = model(QStringLiteral("items"));
        QSqlQuery pick(m_cache->db().sql());
        QVERIFY(pick.exec(QStringLiteral("SELECT title, sku FROM items WHERE deleted IS NULL AND inactive = 0 "
                                         "AND sku IS NOT NULL ORDER BY id LIMIT 1 OFFSET 17")));
        QVERIFY(pick.next());
        const QString word = pick.value(0).toString().section(u' ', 0, 0);
        const QString sku = pick.value(1).toString();
        m->setSearch(word.toLower());
        QVERIFY(m->rowCount() > 0);
        QCOMPARE(m->rowCount(), int(m_cache->scalar(
                                    QStringLiteral("SELECT count(*) FROM items WHERE deleted IS NULL AND inactive = 0 "
                                                   "AND id IN (SELECT rowid FROM items_fts WHERE items_fts MATCH ?)"),
                                    {QVariant(QString(u'"' + word + QStringLiteral("\"*")))})));
        m->setSearch(sku);
        QVERIFY(m->rowCount() >= 1);
        bool found = false;
        for (int row = 0; row < m->rowCount(); ++row)
            found = found || m->index(row, m->columnOf(QStringLiteral("sku"))).data().toString() == sku;
        QVERIFY2(found, qPrintable(sku));
        m->setSearch(QStringLiteral("zzqqxx-nothing"));
        QCOMPARE(m->rowCount(), 0);
    }

    void filtersAgreeWithSql()
    {
        auto m = model(QStringLiteral("items"));
        const QString live = QStringLiteral("deleted IS NULL AND inactive = 0");
        m->setFilters({{QStringLiteral("price"), QVariantList{2000, 5000}}});
        QCOMPARE(m->rowCount(), int(m_cache->scalar(QStringLiteral("SELECT count(*) FROM items WHERE %1 AND "
                                                                   "price_minor BETWEEN 2000 AND 5000").arg(live))));
        for (int row = 0; row < m->rowCount(); ++row) {
            const qint64 price = m->index(row, m->columnOf(QStringLiteral("price"))).data(CacheTableModel::RawRole).toLongLong();
            QVERIFY(price >= 2000 && price <= 5000);
        }
        m->setFilters({{QStringLiteral("inactive"), true}});
        QCOMPARE(m->rowCount(), int(m_cache->scalar(QStringLiteral("SELECT count(*) FROM items"))));
        m->setFilters({{QStringLiteral("ecommerce"), true}});
        QCOMPARE(m->rowCount(), int(m_cache->scalar(QStringLiteral("SELECT count(*) FROM items WHERE %1 AND ecommerce = 1").arg(live))));
        const QString connection = m_cache->connections().value(QStringLiteral("simpleconsign")).id;
        m->setFilters({{QStringLiteral("connection"), QVariantList{connection}}});
        QCOMPARE(m->rowCount(), int(m_cache->scalar(QStringLiteral("SELECT count(*) FROM items WHERE %1 AND connection_id = ?").arg(live),
                                                    {connection})));
        QSqlQuery category(m_cache->db().sql());
        QVERIFY(category.exec(QStringLiteral("SELECT category FROM items WHERE category IS NOT NULL LIMIT 1")) && category.next());
        m->setFilters({{QStringLiteral("category"), QVariantList{category.value(0)}}});
        QCOMPARE(m->rowCount(), int(m_cache->scalar(QStringLiteral("SELECT count(*) FROM items WHERE %1 AND category = ?").arg(live),
                                                    {category.value(0)})));
        // A date range includes its last day.
        const QDate day = QDateTime::fromMSecsSinceEpoch(
                              m_cache->scalar(QStringLiteral("SELECT max(created) FROM items WHERE %1").arg(live)), Qt::UTC)
                              .toLocalTime()
                              .date();
        m->setFilters({{QStringLiteral("created"), QVariantList{day, day}}});
        QVERIFY(m->rowCount() >= 1);
        QCOMPARE(m->rowCount(), int(m_cache->scalar(QStringLiteral("SELECT count(*) FROM items WHERE %1 AND created >= ? AND created < ?").arg(live),
                                                    {day.startOfDay().toMSecsSinceEpoch(),
                                                     day.addDays(1).startOfDay().toMSecsSinceEpoch()})));

        auto stock = model(QStringLiteral("stock_lines"));
        stock->setFilters({{QStringLiteral("expiring"), 90}});
        QCOMPARE(stock->rowCount(), int(m_cache->scalar(QStringLiteral("SELECT count(*) FROM stock_lines WHERE deleted IS NULL AND on_hand > 0 "
                                                                       "AND expiry IS NOT NULL AND expiry <= ?"),
                                                        {QDate::currentDate().addDays(90).toString(Qt::ISODate)})));
    }

    void rowOfIdFindsEachRecordUnderEverySort()
    {
        auto m = model(QStringLiteral("items"));
        const QList<int> sortable{m->columnOf(QStringLiteral("category")), m->columnOf(QStringLiteral("price")),
                                  m->columnOf(QStringLiteral("title")), m->columnOf(QStringLiteral("sku"))};
        for (int column : sortable) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                m->sort(column, order);
                for (int row : {0, 1, 7, m->rowCount() / 2, m->rowCount() - 2, m->rowCount() - 1}) {
                    const qint64 id = m->idAt(row);
                    QCOMPARE(m->rowOfId(id), row);
                }
            }
        }
        QCOMPARE(m->rowOfId(-5), -1);
    }

    void selectionStaysOnItsRecordsWhileASyncWrites()
    {
        auto m = model(QStringLiteral("items"));
        QAbstractItemModelTester tester(m.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m->sort(m->columnOf(QStringLiteral("title")), Qt::AscendingOrder);
        QItemSelectionModel selection(m.get());
        const QList<int> rows{3, 40, m->rowCount() - 2};
        QList<qint64> chosen;
        for (int row : rows) {
            selection.select(m->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
            chosen.append(m->idAt(row));
        }
        selection.setCurrentIndex(m->index(rows.first(), 0), QItemSelectionModel::NoUpdate);
        // Store activity: new, changed, sold and inactivated items; then sync
        // while the model refreshes as the pages commit.
        m_cache->sandbox().control("POST", QStringLiteral("/activity"), {{QStringLiteral("steps"), 40}});
        QTimer refresher;
        int refreshes = 0;
        connect(&refresher, &QTimer::timeout, this, [&] {
            m->refresh();
            ++refreshes;
        });
        refresher.start(5);
        const QString error = m_cache->sync();
        refresher.stop();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(refreshes > 0);
        m->refresh();
        QCOMPARE(m->rowCount(), int(m_cache->scalar(QStringLiteral("SELECT count(*) FROM items WHERE deleted IS NULL AND inactive = 0"))));
        QCOMPARE(modelIds(*m), ids(QStringLiteral("SELECT id FROM items WHERE deleted IS NULL AND inactive = 0 "
                                                  "ORDER BY title COLLATE NOCASE, id")));
        // Each selected record that is still listed is still selected, at its new row.
        QList<qint64> stillSelected;
        for (const QModelIndex &index : selection.selectedRows())
            stillSelected.append(m->idAt(index.row()));
        for (qint64 id : chosen) {
            if (m->rowOfId(id) >= 0)
                QVERIFY2(stillSelected.contains(id), qPrintable(QString::number(id)));
        }
        QCOMPARE(stillSelected.size(), int(std::count_if(chosen.begin(), chosen.end(), [&](qint64 id) {
                     return m->rowOfId(id) >= 0;
                 })));
        if (m->rowOfId(chosen.first()) >= 0)
            QCOMPARE(m->idAt(selection.currentIndex().row()), chosen.first());
    }

    void selectionTotalsArePerCurrency()
    {
        auto m = model(QStringLiteral("items"));
        const int price = m->columnOf(QStringLiteral("price"));
        qint64 count = 0;
        const auto totals = m->totals(price, {{0, m->rowCount() - 1}}, &count);
        QCOMPARE(count, qint64(m->rowCount()));
        QSqlQuery sums(m_cache->db().sql());
        QVERIFY(sums.exec(QStringLiteral("SELECT currency, sum(price_minor) FROM items WHERE deleted IS NULL AND "
                                         "inactive = 0 GROUP BY currency ORDER BY currency")));
        QList<std::pair<QString, qint64>> expected;
        while (sums.next())
            expected.append({sums.value(0).toString(), sums.value(1).toLongLong()});
        QVERIFY2(expected.size() >= 2, "the sandbox's stores use more than one currency");
        QCOMPARE(totals.size(), expected.size());
        for (int i = 0; i < totals.size(); ++i) {
            QCOMPARE(totals.at(i).currency, expected.at(i).first);
            QCOMPARE(totals.at(i).minor, expected.at(i).second);
        }
        // Two ranges: the sum of exactly their rows.
        qint64 two = 0;
        const auto partial = m->totals(price, {{0, 4}, {10, 12}}, &two);
        QCOMPARE(two, qint64(8));
        QHash<QString, qint64> byHand;
        for (int row : {0, 1, 2, 3, 4, 10, 11, 12}) {
            const QModelIndex cell = m->index(row, price);
            byHand[cell.data(CacheTableModel::CurrencyRole).toString()] += cell.data(CacheTableModel::RawRole).toLongLong();
        }
        for (const auto &total : partial)
            QCOMPARE(total.minor, byHand.value(total.currency));
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
