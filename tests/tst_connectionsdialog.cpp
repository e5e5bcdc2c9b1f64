// File > Connections…, driven with QTest in a real window against the sandbox
// over loopback, with keys in the real keychain of the test session.
#include "nokeychainsession.h"
#include "sandbox/sandbox.h"
#include "sandboxfixture.h"
#include "sync/connectionservice.h"
#include "sync/workspace.h"
#include "widgets/connectionsdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDirIterator>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace ConsignDesk;

class TestConnectionsDialog : public QObject
{
    Q_OBJECT

private:
    void fill(ConnectionsDialog &dialog, const QString &name, const QString &url, const QString &key)
    {
        auto *vendor = dialog.findChild<QComboBox *>(QStringLiteral("vendor"));
        vendor->setCurrentIndex(vendor->findData(QStringLiteral("consigncloud")));
        auto *nameEdit = dialog.findChild<QLineEdit *>(QStringLiteral("name"));
        nameEdit->clear();
        QTest::keyClicks(nameEdit, name);
        auto *urlEdit = dialog.findChild<QLineEdit *>(QStringLiteral("baseUrl"));
        urlEdit->clear();
        QTest::keyClicks(urlEdit, url);
        auto *keyEdit = dialog.findChild<QLineEdit *>(QStringLiteral("key"));
        keyEdit->clear();
        QTest::keyClicks(keyEdit, key);
    }

    QString testWith(const QString &url, const QString &key)
    {
        ConnectionsDialog dialog(*m_workspace);
        dialog.show();
        fill(dialog, QStringLiteral("Shop"), url, key);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("testButton")), Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return !dialog.messageText().startsWith(QStringLiteral("Testing")); }, 20000))
            return QStringLiteral("(no answer)");
        // With CONSIGNDESK_SCREENSHOT_DIR set: a picture of each outcome for the docs.
        if (const QString dir = qEnvironmentVariable("CONSIGNDESK_SCREENSHOT_DIR"); !dir.isEmpty())
            dialog.grab().save(dir + QStringLiteral("/connections-%1.png").arg(++m_shot));
        return dialog.messageText();
    }

    int m_shot = 0;
    QTemporaryDir m_data;
    std::unique_ptr<SandboxFixture> m_sandbox;
    std::unique_ptr<Sync::Workspace> m_workspace;

private Q_SLOTS:
    void initTestCase()
    {
        SandboxFixture::Options options;
        options.items = 100;
        options.vendors = Sandbox::allVendors();
        m_sandbox = std::make_unique<SandboxFixture>(options);
        QString error;
        m_workspace = Sync::Workspace::open(m_data.path(), &error);
        QVERIFY2(m_workspace, qPrintable(error));
    }

    void testReportsInPlainWords()
    {
        const QString base = m_sandbox->baseUrl(QStringLiteral("consigncloud"));
        QVERIFY(testWith(base, m_sandbox->apiKey(QStringLiteral("consigncloud"))).contains(QStringLiteral("the key works")));
        QVERIFY(testWith(base, QStringLiteral("cc_live_wrong")).contains(QStringLiteral("refused the key (401)")));
        const QString restricted = m_sandbox->credentials(QStringLiteral("consigncloud"))
                                       .value(QStringLiteral("restricted_api_key")).toString();
        QVERIFY(testWith(base, restricted).contains(QStringLiteral("read:items")));
        QVERIFY(testWith(QStringLiteral("http://127.0.0.1:9/api/v1"), QStringLiteral("cc_live_x"))
                    .contains(QStringLiteral("Could not reach")));
        QVERIFY(testWith(QStringLiteral("http://shop.example.com/api/v1"), QStringLiteral("cc_live_x"))
                    .contains(QStringLiteral("plain http")));
        QVERIFY(testWith(base, QString()).contains(QStringLiteral("Type the key")));
    }

    void saveKeepsTheKeyInTheKeychainAndRemoveDeletesIt()
    {
        ConnectionsDialog dialog(*m_workspace);
        dialog.show();
        const QString key = m_sandbox->apiKey(QStringLiteral("consigncloud"));
        fill(dialog, QStringLiteral("Main Street"), m_sandbox->baseUrl(QStringLiteral("consigncloud")), u' ' + key + u' ');
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
        QVERIFY2(dialog.messageText().startsWith(QStringLiteral("Saved Main Street.")), qPrintable(dialog.messageText()));
        QVERIFY(dialog.messageText().contains(QStringLiteral("Removed spaces")));
        auto *list = dialog.findChild<QListWidget *>(QStringLiteral("list"));
        QCOMPARE(list->count(), 1);

        QString error;
        const auto saved = m_workspace->connections().find(QStringLiteral("Main Street"), &error);
        QVERIFY(saved);
        QCOMPARE(m_workspace->connections().secretOf(*saved).secret, key);

        // A second with the same name is refused where it is typed.
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("addButton")), Qt::LeftButton);
        fill(dialog, QStringLiteral("main street"), m_sandbox->baseUrl(QStringLiteral("consigncloud")), key);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
        QVERIFY2(dialog.messageText().contains(QStringLiteral("exists already")), qPrintable(dialog.messageText()));
        QCOMPARE(list->count(), 1);

        // The stored key tests without being typed again.
        list->setCurrentRow(0);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("testButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.messageText().contains(QStringLiteral("the key works")), 20000);

        QTimer::singleShot(0, this, [] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
                box->button(QMessageBox::Yes)->click();
        });
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("removeButton")), Qt::LeftButton);
        QCOMPARE(list->count(), 0);
        QCOMPARE(m_workspace->connections().secretOf(*saved).error, Secrets::KeyError::NotFound);
    }

    // Without any keychain the dialog says so, explains how to get one, and
    // offers to keep the key in memory for this session; nothing is written
    // to a file. The GUI steps run in a child process on a D-Bus session bus
    // that has no keychain.
    void noKeychainOffersASessionOnlyKey()
    {
        if (!isNoKeychainChild()) {
            const ChildRun child = runWithoutKeychain(QStringLiteral("noKeychainOffersASessionOnlyKey"));
            QVERIFY(child.finished);
            QVERIFY2(child.exitCode == 0, qPrintable(child.output));
            QVERIFY2(child.output.contains(QStringLiteral("PASS   : TestConnectionsDialog::noKeychainOffersASessionOnlyKey()")),
                     qPrintable(child.output));
            return;
        }
        ConnectionsDialog dialog(*m_workspace);
        dialog.show();
        const QString key = m_sandbox->apiKey(QStringLiteral("consigncloud"));
        fill(dialog, QStringLiteral("Session Shop"), m_sandbox->baseUrl(QStringLiteral("consigncloud")), key);
        QString boxText;
        QString boxHelp;
        // The box comes after the keychain has answered; watch for it.
        QTimer watch;
        watch.setInterval(50);
        connect(&watch, &QTimer::timeout, this, [&] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            watch.stop();
            boxText = box->text();
            boxHelp = box->informativeText();
            box->findChild<QPushButton *>(QStringLiteral("sessionOnlyButton"))->click();
        });
        watch.start();
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
        QVERIFY2(boxText.contains(QStringLiteral("no keychain"), Qt::CaseInsensitive), qPrintable(boxText));
        QVERIFY2(boxHelp.contains(QStringLiteral("gnome-keyring")), qPrintable(boxHelp));
        QVERIFY2(boxHelp.contains(QStringLiteral("never in a file")), qPrintable(boxHelp));
        QVERIFY2(dialog.messageText().contains(QStringLiteral("for this session only")), qPrintable(dialog.messageText()));

        QString error;
        const auto saved = m_workspace->connections().find(QStringLiteral("Session Shop"), &error);
        QVERIFY2(saved, qPrintable(error));
        QCOMPARE(m_workspace->connections().secretOf(*saved).secret, key);
        QVERIFY(m_workspace->keys().isSessionOnly(
            Secrets::KeyStore::entryName(saved->id, saved->secretPurpose())));

        // The kept key works for the test button.
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("testButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.messageText().contains(QStringLiteral("the key works")), 20000);

        // No file anywhere under the data folder or the settings holds it.
        const QStringList roots{m_data.path(), QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)};
        for (const QString &root : roots) {
            QDirIterator files(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (files.hasNext()) {
                QFile file(files.next());
                QVERIFY(file.open(QIODevice::ReadOnly));
                QVERIFY2(!file.readAll().contains(key.toUtf8()), qPrintable(file.fileName()));
            }
        }
    }
};

QTEST_MAIN(TestConnectionsDialog)
#include "tst_connectionsdialog.moc"
