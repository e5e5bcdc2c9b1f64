// The Payouts pane in a real window (Xvfb) over the demo stores, synced, with
// their keys in the real keychain: the Due view lists what ProposalBuilder
// computes, its filters narrow it, Approve… opens a review that sends
// nothing without both confirmations, and then sends exactly one payout per
// consignor, which the ledger, the store and the History view all show; the
// ledger exports to CSV.
#include "app/demostores.h"
#include "core/currency.h"
#include "net/httpclient.h"
#include "payouts/ledger.h"
#include "payouts/payoutservice.h"
#include "payouts/proposals.h"
#include "store/database.h"
#include "sync/connectionservice.h"
#include "sync/workspace.h"
#include "widgets/mainwindow.h"
#include "widgets/payouthistoryview.h"
#include "widgets/payoutreviewdialog.h"
#include "widgets/payoutsdueview.h"
#include "widgets/payoutspane.h"
#include "widgets/synccontroller.h"
#include "widgets/tablepane.h"

#include <algorithm>

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QProcess>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace ConsignDesk;
using Payouts::Proposal;

class TestPayoutsGui : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_data;
    QTemporaryDir m_out;
    std::unique_ptr<Sync::Workspace> m_workspace;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<DemoStoresController> m_demo;
    QList<Proposal> m_chosen; ///< the two consignors the tests pay

    PayoutsPane *pane() { return m_window->payoutsPane(); }
    PayoutsDueView *due() { return pane()->dueView(); }
    Payouts::Ledger &ledger() { return *m_window->payoutLedger(); }

    QList<Proposal> expectedDue()
    {
        QString error;
        const QList<Proposal> proposals = Payouts::ProposalBuilder(m_workspace->reader().sql()).due({}, 1, &error);
        if (!error.isEmpty())
            qWarning("due: %s", qPrintable(error));
        return proposals;
    }

    static QString key(const Proposal &p) { return p.connectionId + u'/' + p.consignorId; }

    QSet<QString> shownKeys()
    {
        QSet<QString> keys;
        for (int row = 0; row < due()->filter()->rowCount(); ++row)
            keys.insert(key(due()->model()->proposal(due()->filter()->mapToSource(due()->filter()->index(row, 0)).row())));
        return keys;
    }

    Connection connection(const QString &id)
    {
        for (const Connection &c : m_workspace->connections().list(nullptr).value_or(QList<Connection>())) {
            if (c.id == id)
                return c;
        }
        return {};
    }

    // What the store itself has paid @p consignorId: each payout's reference
    // (ConsignCloud) or note (Consignify), read from its API.
    QStringList storePayouts(const Proposal &p)
    {
        const Connection c = connection(p.connectionId);
        const QString secret = m_workspace->connections().secretOf(c).secret;
        QString base = c.baseUrl.toString();
        while (base.endsWith(u'/'))
            base.chop(1);
        const auto get = [&](const QString &pathAndQuery) {
            Net::HttpRequest request;
            request.url = QUrl(base + pathAndQuery);
            request.headers.append(qMakePair(QByteArray("Authorization"), QByteArray("Bearer " + secret.toUtf8())));
            request.headers.append(qMakePair(QByteArray("Accept"), QByteArray("application/json")));
            request.secrets = {secret};
            const Net::HttpResult result = m_workspace->http().sendAndWait(request);
            if (result.status != 200)
                qWarning("%s: %d %s", qPrintable(pathAndQuery), result.status, qPrintable(result.errorText));
            return QJsonDocument::fromJson(result.body);
        };
        QStringList found;
        if (c.vendor == Vendor::ConsignCloud) {
            QString cursor;
            do {
                const QJsonObject page = get(QStringLiteral("/balance-entries?type=payout&account=%1&limit=100%2")
                                                 .arg(p.consignorId, cursor.isEmpty() ? QString()
                                                                                      : QStringLiteral("&cursor=") + cursor))
                                             .object();
                for (const QJsonValue &v : page.value(QStringLiteral("data")).toArray())
                    found.append(v[QStringLiteral("payout")][QStringLiteral("reference")].toString());
                cursor = page.value(QStringLiteral("next_cursor")).toString();
            } while (!cursor.isEmpty());
        } else {
            for (const QJsonValue &v : get(QStringLiteral("/consignor/%1/payouts").arg(p.consignorId)).array())
                found.append(v[QStringLiteral("note")].toString());
        }
        return found;
    }

    // Runs @p act on the modal widget of type T once one shows (exec() blocks
    // the test, so this runs from a timer inside its event loop); a widget
    // @p act leaves open is closed, so a failed check never hangs the test.
    template<typename T>
    void onModal(std::function<void(T *)> act)
    {
        auto *timer = new QTimer(this);
        timer->setInterval(20);
        connect(timer, &QTimer::timeout, this, [timer, act] {
            auto *widget = qobject_cast<T *>(QApplication::activeModalWidget());
            if (!widget || !widget->isVisible())
                return;
            timer->stop();
            timer->deleteLater();
            act(widget);
            if (auto *review = qobject_cast<PayoutReviewDialog *>(widget))
                QVERIFY(QTest::qWaitFor([review] { return !review->isSending(); }, 60000));
            if (auto *dialog = qobject_cast<QDialog *>(widget); dialog && dialog->isVisible())
                dialog->done(QDialog::Rejected);
        });
        timer->start();
    }

    void screenshot(QWidget *widget, const QString &name)
    {
        if (const QString dir = qEnvironmentVariable("CONSIGNDESK_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(widget->grab().save(dir + u'/' + name));
    }

    // Selects the rows of @p chosen with the mouse: a click, then Ctrl+click.
    void selectChosen()
    {
        QTableView *view = due()->view();
        view->clearSelection();
        Qt::KeyboardModifiers modifiers = Qt::NoModifier;
        for (const Proposal &p : std::as_const(m_chosen)) {
            QModelIndex index;
            for (int row = 0; row < due()->filter()->rowCount() && !index.isValid(); ++row) {
                const QModelIndex candidate = due()->filter()->index(row, ProposalModel::AmountColumn);
                if (key(due()->model()->proposal(due()->filter()->mapToSource(candidate).row())) == key(p))
                    index = candidate;
            }
            QVERIFY2(index.isValid(), qPrintable(key(p)));
            view->scrollTo(index);
            QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers, view->visualRect(index).center());
            modifiers = Qt::ControlModifier;
        }
        QCOMPARE(due()->selectedProposals().size(), m_chosen.size());
    }

    QMap<QString, qint64> chosenTotals() const
    {
        QMap<QString, qint64> totals;
        for (const Proposal &p : m_chosen)
            totals[p.currency] += p.amountMinor;
        return totals;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ConsignDeskTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_payoutsgui"));
        QSettings().clear();
        QString error;
        m_workspace = Sync::Workspace::open(m_data.path(), &error);
        QVERIFY2(m_workspace, qPrintable(error));
        m_window = std::make_unique<MainWindow>();
        m_window->resize(1280, 800);
        m_window->setWorkspace(m_workspace.get());
        QVERIFY(m_window->syncController());
        m_window->syncController()->setSystemNetworkIgnoredForTesting(true);
        m_demo = std::make_unique<DemoStoresController>(*m_window, m_workspace.get(), 400);
        QVERIFY(m_demo->start());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

        QSignalSpy finished(m_window->syncController(), &SyncController::finished);
        m_window->syncController()->syncAll();
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toStringList().join(u'\n')));

        QVERIFY(pane());
        QVERIFY(m_window->payoutLedger());
        QVERIFY(m_window->payoutService());
        QCOMPARE(m_window->tablePane(QStringLiteral("payouts")), pane()->paidPane());
        m_window->showPane(MainWindow::Pane::Payouts);
        pane()->setCurrentIndex(PayoutsPane::DueTab);
        QVERIFY(due()->isVisible());
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanupTestCase()
    {
        // Also when between runs with more queued (cancel() drops the queue).
        if (m_window && m_window->syncController() && m_window->syncController()->isBusy()) {
            m_window->syncController()->cancel();
            QTRY_VERIFY_WITH_TIMEOUT(!m_window->syncController()->isBusy(), 20000);
        }
        m_window.reset();
        m_demo.reset();
        m_workspace.reset();
    }

    void theDueViewListsWhatIsOwed()
    {
        QAbstractItemModelTester modelTester(due()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(due()->filter(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        due()->refresh();
        const QList<Proposal> expected = expectedDue();
        QVERIFY(expected.size() > 2);
        QSet<QString> keys;
        QSet<QString> currencies;
        for (const Proposal &p : expected) {
            keys.insert(key(p));
            currencies.insert(p.currency);
        }
        QCOMPARE(due()->filter()->rowCount(), int(expected.size()));
        QCOMPARE(shownKeys(), keys);
        QCOMPARE(currencies.size(), 2); // ConsignCloud in dollars, Consignify in pounds
        // The amounts as people read them, each in its own currency.
        QHash<QString, Proposal> byKey;
        for (const Proposal &p : expected)
            byKey.insert(key(p), p);
        for (int row = 0; row < due()->model()->rowCount(); ++row) {
            const Proposal &shown = due()->model()->proposal(row);
            const Proposal &p = byKey.value(key(shown));
            QCOMPARE(shown.amountMinor, p.amountMinor);
            QCOMPARE(due()->model()->index(row, ProposalModel::AmountColumn).data().toString(),
                     Currency::format(p.amountMinor, p.currency));
            QCOMPARE(due()->model()->index(row, ProposalModel::LinesColumn).data().toString(),
                     QLocale().toString(qint64(p.lines.size())));
        }
        QVERIFY(!due()->findChild<QPushButton *>(QStringLiteral("approveButton"))->isEnabled());

        // Two to pay: one of each store, owed more than 1.00.
        m_chosen.clear();
        for (const QString &currency : {QStringLiteral("USD"), QStringLiteral("GBP")}) {
            for (const Proposal &p : expected) {
                if (p.currency == currency && p.amountMinor > 100 && !p.lines.isEmpty()) {
                    m_chosen.append(p);
                    break;
                }
            }
        }
        QCOMPARE(m_chosen.size(), 2);

        // A row's lines show below the table: the one with the most lines.
        QTableView *view = due()->view();
        view->setFocus();
        int most = 0;
        for (int row = 1; row < due()->filter()->rowCount(); ++row) {
            if (due()->model()->proposal(due()->filter()->mapToSource(due()->filter()->index(row, 0)).row()).lines.size()
                > due()->model()->proposal(due()->filter()->mapToSource(due()->filter()->index(most, 0)).row()).lines.size())
                most = row;
        }
        view->setCurrentIndex(due()->filter()->index(most, 0));
        auto *lines = due()->findChild<QTreeWidget *>(QStringLiteral("dueLines"));
        const Proposal &first = due()->model()->proposal(due()->filter()->mapToSource(due()->filter()->index(most, 0)).row());
        QCOMPARE(lines->topLevelItemCount(), int(first.lines.size()));
        QCOMPARE(lines->topLevelItem(0)->text(5), Currency::format(first.lines.at(0).amountMinor, first.currency));
        QTest::qWait(30);
        screenshot(m_window.get(), QStringLiteral("payouts-due.png"));
        QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("paneStatusLabel"))->text().startsWith(QStringLiteral("Consignors owed: ")));
    }

    void theFiltersNarrowTheList()
    {
        const QList<Proposal> all = expectedDue();
        // A minimum between the smallest and the largest amount owed.
        QList<qint64> amounts;
        for (const Proposal &p : all)
            amounts.append(p.amountMinor);
        std::sort(amounts.begin(), amounts.end());
        const qint64 minimum = amounts.at(amounts.size() / 2) / 100 * 100;
        const int expected = int(std::count_if(all.cbegin(), all.cend(), [&](const Proposal &p) { return p.amountMinor >= minimum; }));
        QVERIFY(expected > 0 && expected < all.size());
        auto *spin = due()->findChild<QDoubleSpinBox *>(QStringLiteral("minimumAmount"));
        spin->setFocus();
        QTest::keyClick(spin, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(spin, QLocale().toString(double(minimum) / 100.0, 'f', 2));
        QTest::keyClick(spin, Qt::Key_Return);
        QCOMPARE(due()->filter()->rowCount(), expected);
        QCOMPARE(QSettings().value(QStringLiteral("Payouts/Due/minimum")).toDouble(), double(minimum) / 100.0);
        spin->setValue(0);
        QCOMPARE(due()->filter()->rowCount(), int(all.size()));

        // One store.
        auto *store = due()->findChild<QComboBox *>(QStringLiteral("connectionFilter"));
        QCOMPARE(store->count(), 3); // all, ConsignCloud, Consignify: the others take no payouts
        store->setCurrentIndex(store->findData(m_chosen.at(1).connectionId));
        QCOMPARE(due()->filter()->rowCount(),
                 int(std::count_if(all.cbegin(), all.cend(),
                                   [&](const Proposal &p) { return p.connectionId == m_chosen.at(1).connectionId; })));
        store->setCurrentIndex(0);

        // A consignor by name.
        auto *search = due()->findChild<QLineEdit *>(QStringLiteral("consignorSearch"));
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, m_chosen.at(0).consignorName);
        QVERIFY(due()->filter()->rowCount() >= 1);
        QVERIFY(shownKeys().contains(key(m_chosen.at(0))));
        search->clear();
        QCOMPARE(due()->filter()->rowCount(), int(all.size()));
    }

    void declinedTwiceNothingIsSent()
    {
        const int intentsBefore = int(ledger().history().size());
        QHash<QString, int> storeBefore;
        for (const Proposal &p : std::as_const(m_chosen))
            storeBefore.insert(key(p), int(storePayouts(p).size()));
        selectChosen();
        auto *approve = due()->findChild<QPushButton *>(QStringLiteral("approveButton"));
        QVERIFY(approve->isEnabled());
        const QMap<QString, qint64> totals = chosenTotals();
        QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("paneStatusLabel"))->text().contains(
            Currency::format(totals.value(QStringLiteral("USD")), QStringLiteral("USD"))));

        bool reviewed = false;
        bool previewed = false;
        QString question;
        onModal<PayoutReviewDialog>([&](PayoutReviewDialog *dialog) {
            reviewed = true;
            auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("reviewList"));
            QTRY_VERIFY(list->hasFocus()); // the payouts come first
            QCOMPARE(list->topLevelItemCount(), 2);
            for (int row = 0; row < 2; ++row) {
                QCOMPARE(list->topLevelItem(row)->text(PayoutReviewDialog::AmountColumn),
                         Currency::format(m_chosen.at(row).amountMinor, m_chosen.at(row).currency));
                QCOMPARE(list->topLevelItem(row)->text(PayoutReviewDialog::ConnectionColumn), m_chosen.at(row).connectionName);
            }
            QCOMPARE(dialog->totals(), totals);
            const QString totalsText = dialog->findChild<QLabel *>(QStringLiteral("reviewTotals"))->text();
            for (auto it = totals.cbegin(); it != totals.cend(); ++it)
                QVERIFY2(totalsText.contains(Currency::format(it.value(), it.key()).toHtmlEscaped()), qPrintable(totalsText));

            // The statements in a print preview.
            onModal<QPrintPreviewDialog>([&](QPrintPreviewDialog *preview) {
                previewed = true;
                QTest::qWait(200);
                screenshot(preview, QStringLiteral("payouts-statements-preview.png"));
                preview->reject();
            });
            QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("printPreviewButton")), Qt::LeftButton);
            QVERIFY(previewed);

            // Send needs the box ticked.
            auto *send = dialog->findChild<QPushButton *>(QStringLiteral("sendButton"));
            auto *check = dialog->findChild<QCheckBox *>(QStringLiteral("confirmCheck"));
            QVERIFY(!send->isEnabled());
            check->setFocus();
            QTest::keyClick(check, Qt::Key_Space);
            QVERIFY(send->isEnabled());
            QTest::keyClick(check, Qt::Key_Space);
            QVERIFY(!send->isEnabled());
            QTest::keyClick(check, Qt::Key_Space);

            // A low threshold, typed in the dialog and remembered: a second question.
            auto *threshold = dialog->findChild<QDoubleSpinBox *>(QStringLiteral("confirmAboveAmount"));
            QCOMPARE(threshold->value(), 1000.0);
            threshold->setFocus();
            QTest::keyClick(threshold, Qt::Key_A, Qt::ControlModifier);
            QTest::keyClicks(threshold, QLocale().toString(1.0, 'f', 2));
            QTest::keyClick(threshold, Qt::Key_Tab);
            QCOMPARE(PayoutReviewDialog::confirmAboveMinor(), 100);
            onModal<QMessageBox>([&](QMessageBox *box) {
                question = box->text();
                QTest::mouseClick(box->button(QMessageBox::No), Qt::LeftButton);
            });
            QTest::mouseClick(send, Qt::LeftButton);
            QVERIFY(!question.isEmpty());
            QVERIFY(!dialog->hasSent());
            QCOMPARE(dialog->rowState(0), PayoutReviewDialog::RowState::Pending);
            QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("sendButton")));
            QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("closeButton")), Qt::LeftButton);
            QVERIFY(!dialog->isVisible());
        });
        due()->view()->setFocus();
        QTest::keyClick(due()->view(), Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(reviewed);
        for (auto it = totals.cbegin(); it != totals.cend(); ++it)
            QVERIFY2(question.contains(Currency::format(it.value(), it.key())), qPrintable(question));

        // Nothing in the ledger, nothing at the store, everyone still owed.
        QCOMPARE(int(ledger().history().size()), intentsBefore);
        for (const Proposal &p : std::as_const(m_chosen))
            QCOMPARE(int(storePayouts(p).size()), storeBefore.value(key(p)));
        QCOMPARE(due()->selectedProposals().size(), 2);
    }

    void confirmedEachConsignorIsPaidOnce()
    {
        QHash<QString, int> storeBefore;
        for (const Proposal &p : std::as_const(m_chosen))
            storeBefore.insert(key(p), int(storePayouts(p).size()));
        selectChosen();
        SyncController *sync = m_window->syncController();
        QSignalSpy syncStarted(sync, &SyncController::started);
        QSignalSpy syncFinished(sync, &SyncController::finished);
        const QDateTime sentAt = QDateTime::currentDateTime();

        bool reviewed = false;
        bool asked = false;
        QList<PayoutReviewDialog::RowState> states;
        QStringList results;
        onModal<PayoutReviewDialog>([&](PayoutReviewDialog *dialog) {
            reviewed = true;
            auto *check = dialog->findChild<QCheckBox *>(QStringLiteral("confirmCheck"));
            QTest::keyClick(check, Qt::Key_Space);
            screenshot(dialog, QStringLiteral("payouts-review.png"));
            onModal<QMessageBox>([&](QMessageBox *box) {
                asked = true;
                QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
            });
            QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("sendButton")), Qt::LeftButton);
            QVERIFY(asked);
            QVERIFY(dialog->hasSent());
            // Sending once: the button is gone, and closing waits for the outcome.
            QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("sendButton")));
            QVERIFY(dialog->isSending());
            QTest::keyClick(dialog, Qt::Key_Escape);
            QVERIFY(dialog->isVisible());
            QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("closeButton"))->isEnabled());
            QTRY_VERIFY_WITH_TIMEOUT(!dialog->isSending(), 60000);
            auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("reviewList"));
            for (int row = 0; row < 2; ++row) {
                states.append(dialog->rowState(row));
                results.append(list->topLevelItem(row)->text(PayoutReviewDialog::ResultColumn));
            }
            QTest::qWait(30);
            screenshot(dialog, QStringLiteral("payouts-review-sent.png"));
            auto *close = dialog->findChild<QPushButton *>(QStringLiteral("closeButton"));
            QVERIFY(close->isEnabled());
            QTest::mouseClick(close, Qt::LeftButton);
        });
        QTest::mouseClick(due()->findChild<QPushButton *>(QStringLiteral("approveButton")), Qt::LeftButton);
        QVERIFY(reviewed);
        QCOMPARE(states.size(), 2);
        for (int row = 0; row < 2; ++row) {
            QVERIFY2(states.at(row) == PayoutReviewDialog::RowState::Confirmed, qPrintable(results.at(row)));
            QVERIFY2(results.at(row).startsWith(QStringLiteral("Confirmed")), qPrintable(results.at(row)));
        }

        // The ledger: one confirmed intent per consignor, for what was owed.
        const QList<Payouts::Intent> history = ledger().history();
        QCOMPARE(history.size(), 2);
        for (const Proposal &p : std::as_const(m_chosen)) {
            const auto intent = std::find_if(history.cbegin(), history.cend(), [&](const Payouts::Intent &i) {
                return i.connectionId == p.connectionId && i.consignorId == p.consignorId;
            });
            QVERIFY(intent != history.cend());
            QCOMPARE(intent->state, Payouts::IntentState::Confirmed);
            QCOMPARE(intent->amountMinor, p.amountMinor);
            QCOMPARE(intent->currency, p.currency);
            // The store: exactly one new payout, carrying the reference.
            const QStringList paid = storePayouts(p);
            QCOMPARE(int(paid.size()), storeBefore.value(key(p)) + 1);
            QCOMPARE(int(std::count_if(paid.cbegin(), paid.cend(),
                                       [&](const QString &r) { return r.contains(intent->reference); })),
                     1);
        }

        // The Due view no longer lists them, and their stores are being synced.
        QVERIFY(!shownKeys().contains(key(m_chosen.at(0))));
        QVERIFY(!shownKeys().contains(key(m_chosen.at(1))));
        QVERIFY(syncStarted.count() > 0 || sync->isRunning());
        // Each store is synced in its own run: one runs, the other is queued
        // behind it and starts only after the first run's finished(), so "not
        // running" alone is no sign that both are done. Wait until none is
        // running or queued, and each completed a sync since the send.
        QTRY_VERIFY_WITH_TIMEOUT(!sync->isBusy(), 60000);
        for (const Proposal &p : std::as_const(m_chosen)) {
            const SyncController::ConnectionState state = sync->connectionState(p.connectionName);
            QVERIFY2(state.status == SyncController::Status::Done, qPrintable(p.connectionName + u' ' + state.error));
            QVERIFY2(state.lastSynced >= sentAt, qPrintable(p.connectionName));
        }
        QVERIFY(!syncFinished.isEmpty());
        for (const QList<QVariant> &finished : std::as_const(syncFinished))
            QVERIFY2(finished.at(0).toBool(), qPrintable(finished.at(1).toStringList().join(u'\n')));
        QTRY_VERIFY(!shownKeys().contains(key(m_chosen.at(0))) && !shownKeys().contains(key(m_chosen.at(1))));
        QCOMPARE(shownKeys(), [&] {
            QSet<QString> keys;
            for (const Proposal &p : expectedDue())
                keys.insert(key(p));
            return keys;
        }());
    }

    void theHistoryShowsTheLedgerBesideTheStore()
    {
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_I, Qt::AltModifier);
        QTRY_COMPARE(pane()->currentIndex(), int(PayoutsPane::HistoryTab));
        PayoutHistoryView *history = pane()->historyView();
        QVERIFY(history->isVisible());
        const QList<Payouts::Intent> intents = ledger().history();
        QTreeWidget *view = history->ledgerView();
        QCOMPARE(view->topLevelItemCount(), 2);
        for (int row = 0; row < 2; ++row) {
            QTreeWidgetItem *item = view->topLevelItem(row);
            QCOMPARE(item->text(PayoutHistoryView::ReferenceColumn), intents.at(row).reference); // newest first
            QCOMPARE(item->text(PayoutHistoryView::StateColumn), QStringLiteral("confirmed"));
            QCOMPARE(item->text(PayoutHistoryView::AmountColumn),
                     Currency::format(intents.at(row).amountMinor, intents.at(row).currency));
            QVERIFY(!item->text(PayoutHistoryView::VendorReferenceColumn).isEmpty());
            // Below: the store's payouts to that consignor, synced, with this one among them.
            view->setCurrentItem(item);
            QTreeWidget *store = history->vendorView();
            bool found = false;
            for (int i = 0; i < store->topLevelItemCount(); ++i)
                found = found || store->topLevelItem(i)->text(4) == intents.at(row).reference;
            QVERIFY2(found, qPrintable(intents.at(row).connectionName));
        }
        QVERIFY(!history->findChild<QPushButton *>(QStringLiteral("reconcileButton"))->isEnabled()); // nothing unknown
        view->setFocus();
        view->setCurrentItem(view->topLevelItem(0));
        QTest::qWait(30);
        screenshot(m_window.get(), QStringLiteral("payouts-history.png"));
        QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("paneStatusLabel"))->text().startsWith(QStringLiteral("History: 2")));

        // Export CSV…, through its file dialog.
        const QString path = m_out.filePath(QStringLiteral("ledger.csv"));
        bool asked = false;
        onModal<QFileDialog>([&](QFileDialog *dialog) {
            asked = true;
            dialog->setDirectory(m_out.path());
            auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"));
            QVERIFY(name);
            QVERIFY2(name->text().startsWith(QStringLiteral("payout-ledger-")), qPrintable(name->text()));
            name->setText(QStringLiteral("ledger.csv"));
            QMetaObject::invokeMethod(dialog, "accept"); // protected in QFileDialog; what Save does
        });
        QTest::mouseClick(history->findChild<QPushButton *>(QStringLiteral("exportButton")), Qt::LeftButton);
        QVERIFY(asked);
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly),
                 qPrintable(history->findChild<QLabel *>(QStringLiteral("historyMessage"))->text()));
        const QStringList rows = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0), QStringLiteral("reference,connection,vendor,consignor_id,name,amount,currency,state,approved_by,"
                                            "approved_at,sent_at,settled_at,vendor_payout_id,vendor_reference,lines,detail"));
        for (int row = 0; row < 2; ++row) {
            QVERIFY2(rows.at(row + 1).startsWith(intents.at(row).reference + u','), qPrintable(rows.at(row + 1)));
            QVERIFY(rows.at(row + 1).contains(QStringLiteral(",confirmed,")));
            QVERIFY(rows.at(row + 1).contains(u',' + Currency::formatPlain(intents.at(row).amountMinor, intents.at(row).currency) + u','));
        }
        QVERIFY(history->findChild<QLabel *>(QStringLiteral("historyMessage"))->text().contains(QStringLiteral("saved")));

        // The consignor's statement of the selected payout, as PDF.
        view->setCurrentItem(view->topLevelItem(0));
        QVERIFY(history->findChild<QPushButton *>(QStringLiteral("statementButton"))->isEnabled());
        const QString pdf = m_out.filePath(QStringLiteral("statement.pdf"));
        QString error;
        QVERIFY2(history->saveStatement(pdf, &error), qPrintable(error));
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(30000));
        const QString extracted = QString::fromUtf8(text.readAllStandardOutput());
        QVERIFY2(extracted.contains(intents.at(0).reference), qPrintable(extracted.left(400)));
        QVERIFY2(extracted.contains(intents.at(0).connectionName), qPrintable(extracted.left(400)));
    }

    void openingAPayoutShowsThePaidTab()
    {
        QSqlQuery q(m_workspace->reader().sql());
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM payouts WHERE deleted IS NULL LIMIT 1")) && q.next());
        m_window->showPane(MainWindow::Pane::Consignors);
        QVERIFY(m_window->openRecord(RecordRef{QStringLiteral("payouts"), q.value(0).toLongLong()}));
        QCOMPARE(m_window->currentPane(), MainWindow::Pane::Payouts);
        QCOMPARE(pane()->currentIndex(), int(PayoutsPane::PaidTab));
        QVERIFY(pane()->paidPane()->isVisible());
        QCOMPARE(QSettings().value(QStringLiteral("Payouts/tab")).toInt(), int(PayoutsPane::PaidTab));
    }
};

QTEST_MAIN(TestPayoutsGui)
#include "tst_payoutsgui.moc"
