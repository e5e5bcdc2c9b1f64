// The first run: with no connection, the main window offers the demo stores
// and "Add a connection". Driven with QTest in a real window (Xvfb), with the
// demo stores in process and their keys in the real keychain.
#include "app/demostores.h"
#include "sync/connectionservice.h"
#include "sync/workspace.h"
#include "vendors/connectionprobe.h"
#include "widgets/connectionsdialog.h"
#include "widgets/mainwindow.h"

#include <QApplication>
#include <QCommandLinkButton>
#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace ConsignDesk;

class TestFirstRun : public QObject
{
    Q_OBJECT

private:
    QList<Connection> connections()
    {
        QString error;
        const auto list = m_workspace->connections().list(&error);
        return list ? *list : QList<Connection>();
    }

    // Each connection's stored secret opens its store.
    void assertEveryConnectionWorks()
    {
        Vendors::ConnectionProbe probe(m_workspace->http());
        for (const Connection &connection : connections()) {
            const Secrets::KeyResult secret = m_workspace->connections().secretOf(connection);
            QVERIFY2(secret.ok(), qPrintable(connection.name + u' ' + secret.message));
            const Vendors::ProbeOutcome outcome = probe.runAndWait(connection, secret.secret);
            QVERIFY2(outcome.ok(), qPrintable(connection.name + u' ' + outcome.message));
        }
    }

    void screenshot(QWidget &window, const QString &name)
    {
        if (const QString dir = qEnvironmentVariable("CONSIGNDESK_SCREENSHOT_DIR"); !dir.isEmpty())
            window.grab().save(dir + u'/' + name);
    }

    QTemporaryDir m_data;
    std::unique_ptr<Sync::Workspace> m_workspace;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ConsignDeskTest"));
        QString error;
        m_workspace = Sync::Workspace::open(m_data.path(), &error);
        QVERIFY2(m_workspace, qPrintable(error));
    }

    void withoutConnectionsTheWindowOffersTwoWaysIn()
    {
        MainWindow window;
        window.resize(1200, 780);
        window.setWorkspace(m_workspace.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.isShowingWelcome());
        auto *demo = window.findChild<QCommandLinkButton *>(QStringLiteral("openDemoButton"));
        auto *add = window.findChild<QCommandLinkButton *>(QStringLiteral("addConnectionButton"));
        QVERIFY(demo && demo->isVisible() && demo->isEnabled());
        QVERIFY(add && add->isVisible() && add->isEnabled());
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("No store connected yet"));
        screenshot(window, QStringLiteral("first-run.png"));
    }

    void addAConnectionOpensTheDialogOnANewForm()
    {
        MainWindow window;
        window.setWorkspace(m_workspace.get());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        bool sawDialog = false;
        QString nameText = QStringLiteral("(unset)");
        QTimer watch;
        watch.setInterval(50);
        connect(&watch, &QTimer::timeout, this, [&] {
            auto *dialog = qobject_cast<ConnectionsDialog *>(QApplication::activeModalWidget());
            if (!dialog)
                return;
            watch.stop();
            sawDialog = true;
            nameText = dialog->findChild<QLineEdit *>(QStringLiteral("name"))->text();
            dialog->reject();
        });
        watch.start();
        QTest::mouseClick(window.findChild<QCommandLinkButton *>(QStringLiteral("addConnectionButton")), Qt::LeftButton);
        QVERIFY(sawDialog);
        QVERIFY(nameText.isEmpty());
        QVERIFY(window.isShowingWelcome()); // nothing was added
    }

    void openTheDemoStoresRegistersThemAsConnections()
    {
        MainWindow window;
        window.resize(1200, 780);
        window.setWorkspace(m_workspace.get());
        DemoStoresController demo(window, m_workspace.get(), 200);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::mouseClick(window.findChild<QCommandLinkButton *>(QStringLiteral("openDemoButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(demo.isRunning(), 20000);
        QVERIFY(!window.isShowingWelcome());

        const QList<Connection> added = connections();
        QCOMPARE(added.size(), 4);
        QStringList names;
        for (const Connection &connection : added) {
            QVERIFY(connection.demo);
            QVERIFY(connection.baseUrl.toString().startsWith(demo.rootUrl()));
            names.append(connection.name);
        }
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("Demo ConsignCloud"), QStringLiteral("Demo Consignify"),
                                     QStringLiteral("Demo Consignly"), QStringLiteral("Demo SimpleConsign")}));
        const auto consignly = m_workspace->connections().find(QStringLiteral("Demo Consignly"), nullptr);
        QVERIFY(consignly);
        QCOMPARE(consignly->auth, AuthMethod::ClientCredentials);
        const auto consignify = m_workspace->connections().find(QStringLiteral("Demo Consignify"), nullptr);
        QVERIFY(consignify);
        QCOMPARE(consignify->currency, QStringLiteral("GBP"));
        assertEveryConnectionWorks();

        auto *label = window.findChild<QLabel *>(QStringLiteral("demoStoresLabel"));
        QVERIFY(label);
        QVERIFY(label->text().contains(demo.rootUrl()));
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Store connections: 4"));
        screenshot(window, QStringLiteral("demo-stores-connected.png"));
    }

    // The next start serves on another port: the same four connections are
    // pointed there, with no duplicates, and still work.
    void theNextStartPointsTheDemoConnectionsAtTheNewStores()
    {
        QVERIFY(hasDemoConnections(m_workspace->connections()));
        const QList<Connection> before = connections();
        MainWindow window;
        window.setWorkspace(m_workspace.get());
        DemoStoresController demo(window, m_workspace.get(), 200);
        QVERIFY(demo.start());
        const QList<Connection> after = connections();
        QCOMPARE(after.size(), 4);
        for (const Connection &connection : after) {
            QVERIFY(connection.baseUrl.toString().startsWith(demo.rootUrl()));
            QVERIFY(std::any_of(before.cbegin(), before.cend(), [&](const Connection &b) { return b.id == connection.id; }));
        }
        assertEveryConnectionWorks();
    }

    void removingEveryConnectionBringsTheWelcomeBack()
    {
        MainWindow window;
        window.setWorkspace(m_workspace.get());
        QVERIFY(!window.isShowingWelcome());
        for (const Connection &connection : connections()) {
            QVERIFY(m_workspace->connections().remove(connection).ok);
            QVERIFY(m_workspace->connections().secretOf(connection).error == Secrets::KeyError::NotFound);
        }
        Q_EMIT m_workspace->connectionsChanged();
        QVERIFY(window.isShowingWelcome());
        QVERIFY(!hasDemoConnections(m_workspace->connections()));
    }
};

QTEST_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
