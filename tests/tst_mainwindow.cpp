// The main window in a real window system (Xvfb under scripts/test.sh).
#include "widgets/aboutdialog.h"
#include "widgets/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>
#include <QTimer>

using namespace ConsignDesk;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    static QStringList menuTitles(const QMainWindow &window)
    {
        QStringList titles;
        for (QAction *action : window.menuBar()->actions())
            titles.append(action->text().remove(u'&'));
        return titles;
    }

    static QAction *menuAction(const QMainWindow &window, const QString &menu, const QString &text)
    {
        for (QAction *top : window.menuBar()->actions()) {
            if (top->text().remove(u'&') != menu || !top->menu())
                continue;
            for (QAction *action : top->menu()->actions()) {
                if (action->text().remove(u'&') == text)
                    return action;
            }
        }
        return nullptr;
    }

    // Xvfb runs no window manager: ask for activation ourselves.
    static void show(QMainWindow &window)
    {
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // settings go to a test folder, not the user's
        QCoreApplication::setOrganizationName(QStringLiteral("ConsignDeskTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
    }

    void init()
    {
        QSettings().clear();
    }

    void opensWithTitleMenusAndPanes()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("ConsignDesk"));
        QCOMPARE(menuTitles(window), (QStringList{QStringLiteral("File"), QStringLiteral("Edit"), QStringLiteral("View"),
                                                  QStringLiteral("Sync"), QStringLiteral("Help")}));
        auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        QVERIFY(navigation);
        QStringList panes;
        for (int row = 0; row < navigation->count(); ++row)
            panes.append(navigation->item(row)->text());
        QCOMPARE(panes, (QStringList{QStringLiteral("Consignors"), QStringLiteral("Items"), QStringLiteral("Sales"),
                                     QStringLiteral("Payouts"), QStringLiteral("Warehouse"), QStringLiteral("Reports")}));
        QVERIFY(window.statusBar()->isVisible());
        QVERIFY(!window.statusBar()->currentMessage().isEmpty());
        QVERIFY(!navigation->accessibleName().isEmpty());
    }

    void standardShortcuts()
    {
        MainWindow window;
        QCOMPARE(menuAction(window, QStringLiteral("File"), QStringLiteral("Quit"))->shortcut(),
                 QKeySequence(QKeySequence::Quit));
        QCOMPARE(menuAction(window, QStringLiteral("Edit"), QStringLiteral("Copy"))->shortcut(),
                 QKeySequence(QKeySequence::Copy));
        QCOMPARE(menuAction(window, QStringLiteral("Edit"), QStringLiteral("Find…"))->shortcut(),
                 QKeySequence(QKeySequence::Find));
        QCOMPARE(menuAction(window, QStringLiteral("Sync"), QStringLiteral("Sync Now"))->shortcut(),
                 QKeySequence(QKeySequence::Refresh));
        QCOMPARE(menuAction(window, QStringLiteral("View"), QStringLiteral("Warehouse"))->shortcut(),
                 QKeySequence(Qt::CTRL | Qt::Key_5));
    }

    void keyboardSwitchesPanes()
    {
        MainWindow window;
        show(window);
        auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pages"));
        QCOMPARE(window.currentPane(), MainWindow::Pane::Consignors);
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(window.currentPane(), MainWindow::Pane::Sales);
        QCOMPARE(pages->currentWidget()->accessibleName(), QStringLiteral("Sales"));
        QTest::keyClick(&window, Qt::Key_6, Qt::ControlModifier);
        QCOMPARE(window.currentPane(), MainWindow::Pane::Reports);
        QVERIFY(menuAction(window, QStringLiteral("View"), QStringLiteral("Reports"))->isChecked());

        // Arrow keys in the navigation move between panes too.
        auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        navigation->setFocus();
        QTest::keyClick(navigation, Qt::Key_Up);
        QCOMPARE(window.currentPane(), MainWindow::Pane::Warehouse);
    }

    void copyAndSelectAllGoToTheFocusedField()
    {
        MainWindow window;
        auto *field = new QLineEdit(QStringLiteral("SKU K9L28Q"), &window);
        window.statusBar()->addPermanentWidget(field);
        show(window);
        field->setFocus();
        QTRY_VERIFY(field->hasFocus());
        field->deselect();
        menuAction(window, QStringLiteral("Edit"), QStringLiteral("Select All"))->trigger();
        QCOMPARE(field->selectedText(), QStringLiteral("SKU K9L28Q"));
        QGuiApplication::clipboard()->clear();
        menuAction(window, QStringLiteral("Edit"), QStringLiteral("Copy"))->trigger();
        QTRY_COMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("SKU K9L28Q"));
    }

    void settingsRoundTrip()
    {
        QSize size;
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(1000, 640);
            QTRY_COMPARE(window.size(), QSize(1000, 640));
            size = window.size();
            window.showPane(MainWindow::Pane::Warehouse);
            menuAction(window, QStringLiteral("View"), QStringLiteral("Show Navigation"))->setChecked(false);
            window.close();
        }
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QCOMPARE(window.currentPane(), MainWindow::Pane::Warehouse);
            QTRY_COMPARE(window.size(), size);
            QVERIFY(!menuAction(window, QStringLiteral("View"), QStringLiteral("Show Navigation"))->isChecked());
            QVERIFY(!window.findChild<QListWidget *>(QStringLiteral("navigation"))->isVisible());
        }
    }

    void quitClosesTheWindow()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        menuAction(window, QStringLiteral("File"), QStringLiteral("Quit"))->trigger();
        QVERIFY(!window.isVisible());
        QCOMPARE(QSettings().value(QStringLiteral("MainWindow/pane")).toString(), QStringLiteral("Consignors"));
    }

    void aboutShowsTheVersion()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QString seen;
        QTimer::singleShot(0, this, [&seen] {
            auto *dialog = qobject_cast<AboutDialog *>(QApplication::activeModalWidget());
            if (dialog) {
                seen = dialog->versionText();
                dialog->reject();
            }
        });
        menuAction(window, QStringLiteral("Help"), QStringLiteral("About ConsignDesk"))->trigger();
        QCOMPARE(seen, QStringLiteral("Version 9.8.7"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
