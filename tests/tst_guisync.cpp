// Syncing from the window: F5, one connection, cancel, errors without a
// dialog and Retry, the offline indicator, automatic sync. Driven with QTest
// in a real window (Xvfb), with the demo stores in process and their keys in
// the real keychain.
#include "app/demostores.h"
#include "net/httpclient.h"
#include "store/database.h"
#include "sync/connectionservice.h"
#include "sync/workspace.h"
#include "widgets/mainwindow.h"
#include "widgets/synccontroller.h"
#include "widgets/syncpanel.h"

#include <QAbstractButton>
#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace ConsignDesk;
using Status = SyncController::Status;

class TestGuiSync : public QObject
{
    Q_OBJECT

private:
    const QString demoNames[4] = {QStringLiteral("Demo ConsignCloud"), QStringLiteral("Demo Consignify"),
                                  QStringLiteral("Demo Consignly"), QStringLiteral("Demo SimpleConsign")};
    const QString badName = QStringLiteral("Back Room");

    template<typename T>
    T *child(const char *name)
    {
        auto *found = m_window->findChild<T *>(QString::fromLatin1(name));
        if (!found)
            qWarning("no %s", name);
        return found;
    }

    QAction *syncMenuAction(const QString &text)
    {
        QMenu *menu = m_window->findChild<QMenu *>(QStringLiteral("menuSync"));
        for (QAction *action : menu->actions()) {
            if (action->text().remove(u'&') == text)
                return action;
        }
        return nullptr;
    }

    SyncController &sync() { return *m_window->syncController(); }
    SyncPanel *panel() { return child<SyncPanel>("syncDock"); }

    std::optional<Connection> connection(const QString &name)
    {
        return m_workspace->connections().find(name, nullptr);
    }

    // Rows the cache holds for a connection, in the tables its vendor fills.
    qint64 cachedRows(const QString &name)
    {
        const auto found = connection(name);
        if (!found)
            return -1;
        qint64 rows = 0;
        for (const char *table : {"items", "stock_lines", "logistic_units", "consignors"}) {
            QSqlQuery query(m_workspace->database().sql());
            query.prepare(QStringLiteral("SELECT count(*) FROM %1 WHERE connection_id = ?").arg(QLatin1String(table)));
            query.addBindValue(found->id);
            if (query.exec() && query.next())
                rows += query.value(0).toLongLong();
        }
        return rows;
    }

    qint64 completeRuns(const QString &name)
    {
        const auto found = connection(name);
        QSqlQuery query(m_workspace->database().sql());
        query.prepare(QStringLiteral("SELECT count(*) FROM sync_runs WHERE connection_id = ? AND status = 'complete'"));
        query.addBindValue(found ? found->id : QString());
        return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
    }

    // The sandbox's own test API.
    bool sandboxRequest(const QByteArray &method, const QJsonObject &body = {})
    {
        Net::HttpRequest request;
        request.method = method;
        request.url = QUrl(m_demo->rootUrl() + QStringLiteral("/_sandbox/faults"));
        if (!body.isEmpty()) {
            request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
            request.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        }
        const Net::HttpResult result = m_workspace->http().sendAndWait(request);
        return result.status >= 200 && result.status < 300;
    }

    void slowDownEveryVendor(int delayMs)
    {
        for (const char *vendor : {"consigncloud", "simpleconsign", "consignify", "consignly"}) {
            QVERIFY(sandboxRequest("POST", QJsonObject{{QStringLiteral("vendor"), QLatin1String(vendor)},
                                                       {QStringLiteral("endpoint"), QStringLiteral("*")},
                                                       {QStringLiteral("kind"), QStringLiteral("slow")},
                                                       {QStringLiteral("delay"), delayMs},
                                                       {QStringLiteral("count"), -1}}));
        }
    }

    void pressKey(int key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key(key), modifiers);
    }

    void screenshot(const QString &name)
    {
        if (const QString dir = qEnvironmentVariable("CONSIGNDESK_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(m_window->grab().save(dir + u'/' + name));
    }

    QTemporaryDir m_data;
    std::unique_ptr<Sync::Workspace> m_workspace;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<DemoStoresController> m_demo;
    QTimer m_modalWatch;
    QString m_modalSeen;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ConsignDeskTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_guisync"));
        QSettings().clear();
        QString error;
        m_workspace = Sync::Workspace::open(m_data.path(), &error);
        QVERIFY2(m_workspace, qPrintable(error));

        m_window = std::make_unique<MainWindow>();
        m_window->resize(1200, 780);
        m_window->setWorkspace(m_workspace.get());
        QVERIFY(m_window->syncController());
        // This machine's own idea of the network is not what the test is about.
        sync().setSystemNetworkIgnoredForTesting(true);
        m_demo = std::make_unique<DemoStoresController>(*m_window, m_workspace.get(), 200);
        QVERIFY(m_demo->start());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

        // Errors never come as a dialog: watch all along.
        connect(&m_modalWatch, &QTimer::timeout, this, [this] {
            if (QWidget *modal = QApplication::activeModalWidget(); modal && m_modalSeen.isEmpty())
                m_modalSeen = QString::fromLatin1(modal->metaObject()->className()) + u' ' + modal->windowTitle();
        });
        m_modalWatch.start(10);
    }

    void cleanupTestCase()
    {
        m_modalWatch.stop();
        QVERIFY2(m_modalSeen.isEmpty(), qPrintable(m_modalSeen));
        m_window.reset();
        m_demo.reset();
        m_workspace.reset();
    }

    // A failed test leaves no run and no fault behind for the next one.
    void cleanup()
    {
        // Not running is not idle: between two runs the next is queued (its
        // connections Queued) and starts from the event loop; cancel() drops it.
        if (sync().isBusy()) {
            sync().cancel();
            QTRY_VERIFY_WITH_TIMEOUT(!sync().isBusy(), 20000);
        }
        QVERIFY(sandboxRequest("DELETE"));
    }

    void beforeTheFirstSync()
    {
        QCOMPARE(sync().connectionNames(), QStringList(std::begin(demoNames), std::end(demoNames)));
        QVERIFY(m_window->findChild<QAction *>(QStringLiteral("actionSyncNow"))->isEnabled());
        QCOMPARE(m_window->findChild<QAction *>(QStringLiteral("actionSyncNow"))->toolTip(),
                 QStringLiteral("Fetch what changed from every connected store"));
        QVERIFY(!child<QAction>("actionCancelSync")->isEnabled());
        QCOMPARE(child<QLabel>("lastSyncedLabel")->text(), QStringLiteral("Never synced"));
        QVERIFY(!child<QProgressBar>("syncProgress")->isVisible());
        QVERIFY(!child<QLabel>("offlineLabel")->isVisible());
        QVERIFY(!sync().isOffline());
        QVERIFY(!sync().lastSynced().isValid());
        QCOMPARE(panel()->view()->topLevelItemCount(), 4);
        QVERIFY(!panel()->isVisible());
    }

    void f5SyncsEveryConnection()
    {
        QSignalSpy cacheChanged(&sync(), &SyncController::cacheChanged);
        QSignalSpy finished(&sync(), &SyncController::finished);
        pressKey(Qt::Key_F5);
        QVERIFY(sync().isRunning());
        auto *progress = child<QProgressBar>("syncProgress");
        QVERIFY(progress->isVisible());
        QVERIFY(child<QAction>("actionCancelSync")->isEnabled());
        QVERIFY(!progress->text().isEmpty());
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.count(), 1);
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toStringList().join(u'\n')));

        QVERIFY(!sync().isRunning());
        QVERIFY(!progress->isVisible());
        QVERIFY(!child<QAction>("actionCancelSync")->isEnabled());
        QVERIFY(cacheChanged.count() >= 4); // one per connection at least
        for (const QString &name : demoNames) {
            QCOMPARE(sync().connectionState(name).status, Status::Done);
            QVERIFY(sync().connectionState(name).lastSynced.isValid());
            QVERIFY2(cachedRows(name) > 0, qPrintable(name));
            QCOMPARE(panel()->itemFor(name)->text(SyncPanel::StateColumn), QStringLiteral("Up to date"));
        }
        QVERIFY(sync().lastSynced().isValid());
        const QString label = child<QLabel>("lastSyncedLabel")->text();
        QVERIFY2(label.startsWith(QStringLiteral("Last synced ")), qPrintable(label));
        QVERIFY(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Sync finished")));
        QVERIFY(!sync().isOffline());
    }

    void oneConnectionFromTheSubmenu()
    {
        QMenu *submenu = m_window->findChild<QMenu *>(QStringLiteral("menuSyncConnection"));
        QVERIFY(submenu && submenu->isEnabled());
        QCOMPARE(submenu->actions().size(), 4);
        QAction *consignify = nullptr;
        for (QAction *action : submenu->actions()) {
            if (action->text() == QStringLiteral("Demo Consignify"))
                consignify = action;
        }
        QVERIFY(consignify);
        QHash<QString, qint64> runsBefore;
        for (const QString &name : demoNames)
            runsBefore.insert(name, completeRuns(name));

        QSignalSpy changed(&sync(), &SyncController::connectionStateChanged);
        QSignalSpy finished(&sync(), &SyncController::finished);
        consignify->trigger();
        QVERIFY(sync().isRunning());
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.at(0).at(0).toBool());
        for (const QList<QVariant> &signal : std::as_const(changed))
            QCOMPARE(signal.at(0).toString(), QStringLiteral("Demo Consignify"));
        for (const QString &name : demoNames) {
            if (name == QStringLiteral("Demo Consignify"))
                QVERIFY(completeRuns(name) > runsBefore.value(name));
            else
                QCOMPARE(completeRuns(name), runsBefore.value(name));
        }
    }

    void cancelARunningSync()
    {
        slowDownEveryVendor(700);
        // The dock for the screenshot, through its menu action.
        QAction *show = syncMenuAction(QStringLiteral("Show Sync Progress"));
        QVERIFY(show && show->isEnabled());
        show->trigger();
        QVERIFY(panel()->isVisible());
        QVERIFY(show->isChecked());

        QSignalSpy finished(&sync(), &SyncController::finished);
        pressKey(Qt::Key_F5);
        QVERIFY(sync().isRunning());
        // Pages arrive slowly now; wait for one and look.
        QTRY_VERIFY_WITH_TIMEOUT(sync().currentProgress().resource == QStringLiteral("items")
                                     && sync().currentProgress().etaMs >= 0,
                                 20000);
        auto *progress = child<QProgressBar>("syncProgress");
        QVERIFY(progress->isVisible());
        const QString text = progress->text();
        QVERIFY2(text.startsWith(sync().currentProgress().connection + QStringLiteral(" · ")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral(" page")), qPrintable(text));
        QVERIFY(panel()->buttonFor(sync().currentProgress().connection));
        QCOMPARE(panel()->buttonFor(sync().currentProgress().connection)->text(), QStringLiteral("Cancel"));
        screenshot(QStringLiteral("sync-progress.png"));

        const QString running = sync().currentProgress().connection;
        pressKey(Qt::Key_Period, Qt::ControlModifier);
        QVERIFY(finished.wait(15000));
        QVERIFY(!finished.at(0).at(0).toBool());
        QVERIFY(finished.at(0).at(1).toStringList().isEmpty());
        QCOMPARE(sync().connectionState(running).status, Status::Cancelled);
        for (const QString &name : demoNames) {
            const Status status = sync().connectionState(name).status;
            QVERIFY2(status == Status::Done || status == Status::Cancelled, qPrintable(name));
        }
        QCOMPARE(panel()->itemFor(running)->text(SyncPanel::StateColumn), QStringLiteral("Cancelled"));
        QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("cancelled")));
        QVERIFY(!child<QProgressBar>("syncProgress")->isVisible());
        QVERIFY(!sync().isOffline());

        // Nothing broke: the next sync completes.
        QVERIFY(sandboxRequest("DELETE"));
        finished.clear();
        pressKey(Qt::Key_F5);
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toStringList().join(u'\n')));
        for (const QString &name : demoNames)
            QCOMPARE(sync().connectionState(name).status, Status::Done);
    }

    void anUnreachableStoreIsShownWithoutADialogAndRetried()
    {
        // A port nothing listens on.
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();

        const auto demo = connection(QStringLiteral("Demo SimpleConsign"));
        QVERIFY(demo);
        const Secrets::KeyResult key = m_workspace->connections().secretOf(*demo);
        QVERIFY(key.ok());
        Connection bad;
        bad.vendor = Vendor::SimpleConsign;
        bad.name = badName;
        bad.currency = QStringLiteral("USD");
        bad.baseUrl = demo->baseUrl;
        bad.baseUrl.setPort(port);
        const auto added = m_workspace->connections().add(bad, key.secret);
        QVERIFY2(added.ok, qPrintable(added.error));
        Q_EMIT m_workspace->connectionsChanged();
        QCOMPARE(sync().connectionNames().size(), 5);
        QCOMPARE(m_window->findChild<QMenu *>(QStringLiteral("menuSyncConnection"))->actions().size(), 5);
        QVERIFY(panel()->itemFor(badName));

        panel()->hide();
        QSignalSpy finished(&sync(), &SyncController::finished);
        pressKey(Qt::Key_F5);
        QVERIFY(finished.wait(40000));
        QVERIFY(!finished.at(0).at(0).toBool());
        const QStringList errors = finished.at(0).at(1).toStringList();
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.at(0).startsWith(badName + QStringLiteral(" (SimpleConsign): POST /inventory: ")),
                 qPrintable(errors.at(0)));
        QVERIFY(SyncController::isTransportError(errors.at(0)));

        // The dock came up, naming the connection, the endpoint and the reason.
        QVERIFY(panel()->isVisible());
        QTreeWidgetItem *row = panel()->itemFor(badName);
        QCOMPARE(row->text(SyncPanel::StateColumn), QStringLiteral("Failed"));
        QVERIFY(row->text(SyncPanel::ProblemColumn).contains(QStringLiteral("POST /inventory")));
        QVERIFY(row->toolTip(SyncPanel::ProblemColumn).contains(QStringLiteral("POST /inventory")));
        QCOMPARE(panel()->view()->currentItem(), row);
        QCOMPARE(panel()->detailsText(), errors.at(0));
        QVERIFY(m_window->statusBar()->currentMessage().contains(badName));
        QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("POST /inventory")));
        QCOMPARE(panel()->buttonFor(badName)->text(), QStringLiteral("Retry"));
        for (const QString &name : demoNames)
            QCOMPARE(sync().connectionState(name).status, Status::Done);
        // The other stores answered: the network works, one store does not.
        QVERIFY(sync().connectionState(badName).unreachable);
        QVERIFY(!sync().isOffline());
        QVERIFY(!child<QLabel>("offlineLabel")->isVisible());
        QVERIFY(m_modalSeen.isEmpty());
        screenshot(QStringLiteral("sync-error.png"));

        // Retried alone it reaches nothing at all: offline, with the cache shown.
        finished.clear();
        QTest::mouseClick(panel()->buttonFor(badName), Qt::LeftButton);
        QVERIFY(sync().isRunning());
        QCOMPARE(sync().connectionState(badName).status, Status::Running);
        QVERIFY(finished.wait(40000));
        QVERIFY(!finished.at(0).at(0).toBool());
        QVERIFY(sync().isOffline());
        QVERIFY(child<QLabel>("offlineLabel")->isVisible());
        QCOMPARE(child<QLabel>("offlineLabel")->text(), QStringLiteral("Offline — showing the cached data"));

        // Pointed back at the store, Retry works and clears the problem and the offline state.
        Connection fixed = *connection(badName);
        fixed.baseUrl = demo->baseUrl;
        const auto updated = m_workspace->connections().update(fixed, QString());
        QVERIFY2(updated.ok, qPrintable(updated.error));
        Q_EMIT m_workspace->connectionsChanged();
        finished.clear();
        QCOMPARE(panel()->buttonFor(badName)->text(), QStringLiteral("Retry"));
        QTest::mouseClick(panel()->buttonFor(badName), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toStringList().join(u'\n')));
        QCOMPARE(sync().connectionState(badName).status, Status::Done);
        QVERIFY(sync().connectionState(badName).error.isEmpty());
        QVERIFY(panel()->itemFor(badName)->text(SyncPanel::ProblemColumn).isEmpty());
        QVERIFY(!sync().isOffline());
        QVERIFY(!child<QLabel>("offlineLabel")->isVisible());
        QVERIFY(cachedRows(badName) > 0);
        QVERIFY(m_modalSeen.isEmpty());

        QVERIFY(m_workspace->connections().remove(*connection(badName)).ok);
        Q_EMIT m_workspace->connectionsChanged();
        QCOMPARE(sync().connectionNames().size(), 4);
    }

    void automaticSyncIsRememberedAndRuns()
    {
        QAction *every5 = m_window->findChild<QAction *>(QStringLiteral("actionAutoSync5"));
        QAction *off = m_window->findChild<QAction *>(QStringLiteral("actionAutoSync0"));
        QVERIFY(every5 && off);
        QVERIFY(off->isChecked());
        QCOMPARE(sync().autoSyncMinutes(), 0);

        QSignalSpy started(&sync(), &SyncController::started);
        QSignalSpy finished(&sync(), &SyncController::finished);
        sync().setAutoSyncIntervalForTesting(300);
        QTest::qWait(600);
        QCOMPARE(started.count(), 0); // off means off

        every5->trigger();
        QVERIFY(every5->isChecked());
        QCOMPARE(QSettings().value(QStringLiteral("Sync/autoMinutes")).toInt(), 5);
        {
            // A new window (the next start) remembers it.
            MainWindow again;
            again.setWorkspace(m_workspace.get());
            QCOMPARE(again.syncController()->autoSyncMinutes(), 5);
            QVERIFY(again.findChild<QAction *>(QStringLiteral("actionAutoSync5"))->isChecked());
        }
        QVERIFY(started.wait(5000));
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.at(0).at(0).toBool());

        off->trigger();
        QCOMPARE(QSettings().value(QStringLiteral("Sync/autoMinutes")).toInt(), 0);
        started.clear();
        QTest::qWait(800);
        QCOMPARE(started.count(), 0);
    }

    void helpersSayItPlainly()
    {
        Sync::SyncProgress progress{QStringLiteral("Demo ConsignCloud"), QStringLiteral("items"), 3, 600, -1, 12000};
        QCOMPARE(SyncController::describe(progress),
                 QStringLiteral("Demo ConsignCloud · items · 3 pages · 600 rows · 12 s left"));
        progress.total = 1200;
        progress.etaMs = -1;
        QCOMPARE(SyncController::describe(progress),
                 QStringLiteral("Demo ConsignCloud · items · 3 pages · 600 of 1,200 rows"));
        QCOMPARE(SyncController::formatDuration(400), QStringLiteral("1 s"));
        QCOMPARE(SyncController::formatDuration(150000), QStringLiteral("3 min"));
        QCOMPARE(SyncController::formatDuration(2 * 3600000 + 5 * 60000), QStringLiteral("2 h 5 min"));
        const QDateTime now = QDateTime::currentDateTime();
        QCOMPARE(SyncController::formatTime(now), QLocale().toString(now.time(), QLocale::ShortFormat));
        QVERIFY(SyncController::formatTime(now.addYears(-2)).contains(QString::number(now.addYears(-2).date().year() % 100)));
        QVERIFY(SyncController::isTransportError(QStringLiteral("A (ConsignCloud): GET /items: no answer: Connection refused")));
        QVERIFY(SyncController::isTransportError(QStringLiteral("B (SimpleConsign): POST /inventory: the request failed: Host shop.example not found")));
        QVERIFY(!SyncController::isTransportError(QStringLiteral("A (ConsignCloud): GET /items: HTTP 404: not found")));
        QVERIFY(!SyncController::isTransportError(QStringLiteral("A (ConsignCloud): GET /items: field \"tag_price\": expected a number")));
    }
};

QTEST_MAIN(TestGuiSync)
#include "tst_guisync.moc"
