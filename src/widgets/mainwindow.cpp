#include "widgets/mainwindow.h"

#include "sync/connectionservice.h"
#include "sync/workspace.h"
#include "ui_mainwindow.h"
#include "widgets/aboutdialog.h"
#include "widgets/connectionsdialog.h"
#include "widgets/icons.h"
#include "widgets/panepage.h"
#include "payouts/ledger.h"
#include "payouts/payoutservice.h"
#include "secrets/keystore.h"
#include "widgets/payoutspane.h"
#include "widgets/reportspane.h" // Reports (issue 8)
#include "widgets/synccontroller.h"
#include "widgets/syncpanel.h"
#include "widgets/tablepane.h"
#include "models/cachetablemodel.h"
#include "store/database.h"
#include "widgets/welcomepage.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMetaEnum>
#include <QNetworkAccessManager>
#include <QDir>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolButton>

namespace ConsignDesk {

namespace {

struct PaneSpec {
    MainWindow::Pane pane;
    const char *table; ///< the cache table the pane lists, or nullptr
    const char *icon;
    const char *title;
    const char *emptyText;
};

// The order here is the order of the navigation and of Ctrl+1 … Ctrl+6.
const PaneSpec paneSpecs[] = {
    {MainWindow::Pane::Consignors, "consignors", "consignors", QT_TRANSLATE_NOOP("ConsignDesk::MainWindow", "Consignors"),
     QT_TRANSLATE_NOOP("ConsignDesk::MainWindow",
                       "The people whose goods you sell, with their splits and balances, from every connected "
                       "store. Connect a store to see them here.")},
    {MainWindow::Pane::Items, "items", "items", QT_TRANSLATE_NOOP("ConsignDesk::MainWindow", "Items"),
     QT_TRANSLATE_NOOP("ConsignDesk::MainWindow",
                       "Everything on your floor and in your back room, with prices, statuses and consignors. "
                       "Connect a store to see it here.")},
    {MainWindow::Pane::Sales, "sales", "sales", QT_TRANSLATE_NOOP("ConsignDesk::MainWindow", "Sales"),
     QT_TRANSLATE_NOOP("ConsignDesk::MainWindow",
                       "Every sale with its lines, payments and status. Connect a store to see them here.")},
    {MainWindow::Pane::Payouts, "payouts", "payouts", QT_TRANSLATE_NOOP("ConsignDesk::MainWindow", "Payouts"),
     QT_TRANSLATE_NOOP("ConsignDesk::MainWindow",
                       "What each consignor is owed and what they have been paid. Connect a store to see it here.")},
    {MainWindow::Pane::Warehouse, "stock_lines", "warehouse", QT_TRANSLATE_NOOP("ConsignDesk::MainWindow", "Warehouse"),
     QT_TRANSLATE_NOOP("ConsignDesk::MainWindow",
                       "Stock held at your logistics warehouse: logistic units, product lines, serial items and "
                       "expiry dates. Connect a warehouse to see it here.")},
    {MainWindow::Pane::Reports, nullptr, "reports", QT_TRANSLATE_NOOP("ConsignDesk::MainWindow", "Reports"),
     QT_TRANSLATE_NOOP("ConsignDesk::MainWindow",
                       "Sales, inventory, aging, consignor and warehouse reports, for your accountant, your "
                       "owner or a consignor. Connect a store to build them.")},
};

const QString settingsGroup = QStringLiteral("MainWindow");

QString paneKey(MainWindow::Pane pane)
{
    return QString::fromLatin1(QMetaEnum::fromType<MainWindow::Pane>().valueToKey(int(pane)));
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
{
    m_ui->setupUi(this);
    m_ui->splitter->setStretchFactor(0, 0);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->splitter->setSizes({190, 1010});
    m_welcome = new WelcomePage(m_ui->centralStack);
    m_welcome->setObjectName(QStringLiteral("welcomePage"));
    m_ui->centralStack->addWidget(m_welcome);
    connect(m_welcome, &WelcomePage::openDemoStoresClicked, this, [this] {
        m_welcome->setDemoStarting(true);
        Q_EMIT demoStoresRequested();
    });
    connect(m_welcome, &WelcomePage::addConnectionClicked, this, [this] { openConnections(true); });
    setUpPanes();
    setUpActions();
    restoreSettings();
    statusBar()->showMessage(tr("No store connected yet"));
    m_ui->centralStack->setCurrentWidget(m_ui->workPage); // the welcome needs a workspace that has no connection
}

MainWindow::~MainWindow() = default;

void MainWindow::setUpPanes()
{
    auto *group = new QActionGroup(this);
    int index = 0;
    for (const PaneSpec &spec : paneSpecs) {
        const QIcon icon = paneIcon(QString::fromLatin1(spec.icon), palette());
        const QString title = tr(spec.title);
        m_ui->navigation->addItem(new QListWidgetItem(icon, title));
        m_ui->pages->addWidget(new PanePage(icon, title, tr(spec.emptyText), m_ui->pages));

        auto *action = new QAction(icon, title, group);
        action->setObjectName(QStringLiteral("actionShow") + paneKey(spec.pane));
        action->setCheckable(true);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
        action->setStatusTip(tr("Show the %1 pane").arg(title));
        const int row = index;
        connect(action, &QAction::triggered, this, [this, row] { m_ui->navigation->setCurrentRow(row); });
        m_ui->menuView->addAction(action);
        ++index;
    }
    connect(m_ui->navigation, &QListWidget::currentRowChanged, this, [this, group](int row) {
        if (row < 0)
            return;
        m_ui->pages->setCurrentIndex(row);
        group->actions().at(row)->setChecked(true);
    });
    m_ui->navigation->setCurrentRow(0);
}

void MainWindow::setUpActions()
{
    // The platform's standard shortcuts; Designer cannot name StandardKeys.
    m_ui->actionQuit->setShortcut(QKeySequence::Quit);
    m_ui->actionCopy->setShortcut(QKeySequence::Copy);
    m_ui->actionSelectAll->setShortcut(QKeySequence::SelectAll);
    m_ui->actionFind->setShortcut(QKeySequence::Find);
    m_ui->actionFullScreen->setShortcut(QKeySequence::FullScreen);
    m_ui->actionSyncNow->setShortcut(QKeySequence::Refresh);

    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    m_ui->actionConnections->setEnabled(false);
    connect(m_ui->actionConnections, &QAction::triggered, this, [this] { openConnections(); });
    connect(m_ui->actionCopy, &QAction::triggered, this, [this] { forwardToFocusWidget("copy"); });
    connect(m_ui->actionSelectAll, &QAction::triggered, this, [this] { forwardToFocusWidget("selectAll"); });
    connect(m_ui->actionShowNavigation, &QAction::toggled, m_ui->navigation, &QWidget::setVisible);
    connect(m_ui->actionFullScreen, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? windowState() | Qt::WindowFullScreen : windowState() & ~Qt::WindowFullScreen);
    });
    connect(m_ui->actionAbout, &QAction::triggered, this, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });
    connect(m_ui->actionAboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);

    // Searching and syncing need a connected store; their issues enable them.
    m_ui->actionFind->setEnabled(false);
    m_ui->actionSyncNow->setEnabled(false);
    m_ui->actionSyncNow->setToolTip(tr("Connect a store first"));
    setUpSyncActions();
}

void MainWindow::forwardToFocusWidget(const char *slot)
{
    // QLineEdit, QTextEdit, QAbstractItemView, … each have copy()/selectAll().
    if (QWidget *focus = QApplication::focusWidget())
        QMetaObject::invokeMethod(focus, slot);
}

void MainWindow::setWorkspace(Sync::Workspace *workspace)
{
    if (m_workspace)
        disconnect(m_workspace, nullptr, this, nullptr);
    m_workspace = workspace;
    m_ui->actionConnections->setEnabled(workspace != nullptr);
    if (workspace)
        connect(workspace, &Sync::Workspace::connectionsChanged, this, &MainWindow::updateFirstRun);
    updateFirstRun();
    if (workspace) {
        setUpSync();
        setUpTablePanes();
    }
}

// --- Panes over the cache (issue 6) ---

void MainWindow::setUpTablePanes()
{
    if (!m_tablePanes.isEmpty())
        return; // the window works with one workspace for its life
    if (!m_imageNetwork)
        m_imageNetwork = new QNetworkAccessManager(this);
    const QString imageCache =
        QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/images");
    if (!m_paneStatus) {
        m_paneStatus = new QLabel(statusBar());
        m_paneStatus->setObjectName(QStringLiteral("paneStatusLabel"));
        m_paneStatus->setAccessibleName(tr("Rows and selection"));
        statusBar()->insertPermanentWidget(0, m_paneStatus);
    }
    for (int row = 0; row < int(std::size(paneSpecs)); ++row) {
        const PaneSpec &spec = paneSpecs[row];
        if (!spec.table)
            continue;
        QWidget *placeholder = m_ui->pages->widget(row);
        auto *pane = new TablePane(QString::fromLatin1(spec.table), m_workspace->reader().sql(),
                                   paneIcon(QString::fromLatin1(spec.icon), palette()), tr(spec.title),
                                   tr(spec.emptyText), m_ui->pages);
        pane->setDetailView(createDetailView(pane->table(), m_workspace->reader().sql(), m_imageNetwork, imageCache));
        // Payouts (issue 7): the payouts table is the Paid tab of the Payouts pane.
        QWidget *page = pane->table() == QLatin1String("payouts") ? setUpPayoutsPane(pane) : pane;
        m_ui->pages->insertWidget(row, page);
        m_ui->pages->removeWidget(placeholder);
        placeholder->deleteLater();
        m_tablePanes.append(pane);
        connect(pane, &TablePane::statusChanged, this, [this, pane](const QString &text) {
            if (m_ui->pages->currentWidget() == pane)
                setPaneStatus(text);
        });
        connect(pane, &TablePane::openRequested, this, &MainWindow::openRecord);
    }
    // --- Reports (issue 8): the Reports pane replaces its placeholder ---
    for (int row = 0; row < int(std::size(paneSpecs)); ++row) {
        if (paneSpecs[row].pane != Pane::Reports)
            continue;
        QWidget *placeholder = m_ui->pages->widget(row);
        auto *reportsPane = new ReportsPane(*m_workspace, m_ui->pages);
        m_ui->pages->insertWidget(row, reportsPane);
        m_ui->pages->removeWidget(placeholder);
        placeholder->deleteLater();
        if (m_sync)
            connect(m_sync, &SyncController::cacheChanged, reportsPane, &ReportsPane::refresh);
    }
    // --- end Reports ---
    m_ui->pages->setCurrentIndex(std::max(0, m_ui->navigation->currentRow()));
    const auto payoutsShown = [this] { return m_payoutsPane && m_ui->pages->currentWidget() == m_payoutsPane; };
    connect(m_ui->pages, &QStackedWidget::currentChanged, this, [this, payoutsShown] {
        TablePane *pane = currentTablePane();
        setPaneStatus(pane ? pane->statusText() : payoutsShown() ? m_payoutsPane->statusText() : QString());
        m_ui->actionFind->setEnabled(pane != nullptr || payoutsShown());
    });
    if (TablePane *pane = currentTablePane())
        setPaneStatus(pane->statusText());
    else if (payoutsShown())
        setPaneStatus(m_payoutsPane->statusText());
    m_ui->actionFind->setEnabled(currentTablePane() != nullptr || payoutsShown());
    m_ui->actionFind->setToolTip({});
    connect(m_ui->actionFind, &QAction::triggered, this, [this, payoutsShown] {
        if (TablePane *pane = currentTablePane())
            pane->focusSearch();
        else if (payoutsShown())
            m_payoutsPane->focusSearch();
    });
    if (m_sync)
        connect(m_sync, &SyncController::cacheChanged, this, &MainWindow::refreshPanes);
    if (m_sync && m_payoutsPane)
        connect(m_sync, &SyncController::cacheChanged, m_payoutsPane, &PayoutsPane::refresh);
}

void MainWindow::setPaneStatus(const QString &text)
{
    // A permanent widget keeps its room even beside a long message.
    m_paneStatus->setText(text);
    m_paneStatus->setMinimumWidth(m_paneStatus->sizeHint().width());
}

void MainWindow::refreshPanes()
{
    for (TablePane *pane : std::as_const(m_tablePanes))
        pane->refresh();
}

TablePane *MainWindow::tablePane(const QString &table) const
{
    for (TablePane *pane : m_tablePanes) {
        if (pane->table() == table)
            return pane;
    }
    return nullptr;
}

TablePane *MainWindow::currentTablePane() const
{
    return qobject_cast<TablePane *>(m_ui->pages->currentWidget());
}

bool MainWindow::openRecord(const RecordRef &record)
{
    TablePane *pane = tablePane(record.table);
    if (!pane)
        return false;
    for (int row = 0; row < int(std::size(paneSpecs)); ++row) {
        if (paneSpecs[row].table && QLatin1String(paneSpecs[row].table) == record.table)
            m_ui->navigation->setCurrentRow(row);
    }
    if (m_payoutsPane && pane == m_payoutsPane->paidPane()) // Payouts (issue 7)
        m_payoutsPane->setCurrentIndex(PayoutsPane::PaidTab);
    if (!pane->showRecord(record.id)) {
        statusBar()->showMessage(tr("That record is no longer in the cache"), 5000);
        return false;
    }
    return true;
}

void MainWindow::openConnections(bool startNew)
{
    if (!m_workspace)
        return;
    ConnectionsDialog dialog(*m_workspace, this);
    if (startNew)
        dialog.startNew();
    dialog.exec();
}

void MainWindow::updateFirstRun()
{
    QString error;
    const auto connections = m_workspace ? m_workspace->connections().list(&error) : std::nullopt;
    const bool none = connections && connections->isEmpty();
    m_ui->centralStack->setCurrentWidget(none ? static_cast<QWidget *>(m_welcome) : m_ui->workPage);
    if (!error.isEmpty())
        statusBar()->showMessage(tr("The connections could not be read: %1").arg(error));
    else if (connections)
        statusBar()->showMessage(none ? tr("No store connected yet")
                                      : tr("Store connections: %1").arg(connections->size()));
}

bool MainWindow::isShowingWelcome() const
{
    return m_ui->centralStack->currentWidget() == m_welcome;
}

void MainWindow::showDemoStores(const QString &rootUrl)
{
    m_welcome->setDemoStarting(false);
    m_welcome->setMessage({}, false);
    if (!m_demoLabel) {
        m_demoLabel = new QLabel(statusBar());
        m_demoLabel->setObjectName(QStringLiteral("demoStoresLabel"));
        m_demoLabel->setToolTip(tr("ConsignCloud, SimpleConsign, Consignify and Consignly, emulated on this computer "
                                   "with generated data"));
        statusBar()->addPermanentWidget(m_demoLabel);
    }
    m_demoLabel->setText(tr("Demo stores at %1").arg(rootUrl));
}

void MainWindow::showDemoStoresFailed(const QString &reason)
{
    const QString text = tr("The demo stores could not start: %1").arg(reason);
    m_welcome->setDemoStarting(false);
    m_welcome->setMessage(text, true);
    statusBar()->showMessage(text);
}

void MainWindow::showNotice(const QString &notice)
{
    statusBar()->showMessage(notice);
}

MainWindow::Pane MainWindow::currentPane() const
{
    return paneSpecs[std::max(0, m_ui->navigation->currentRow())].pane;
}

void MainWindow::showPane(Pane pane)
{
    for (int row = 0; row < int(std::size(paneSpecs)); ++row) {
        if (paneSpecs[row].pane == pane)
            m_ui->navigation->setCurrentRow(row);
    }
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(settingsGroup);
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    m_ui->splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    m_ui->actionShowNavigation->setChecked(settings.value(QStringLiteral("navigationVisible"), true).toBool());
    const QString pane = settings.value(QStringLiteral("pane")).toString();
    bool known = false;
    const int value = QMetaEnum::fromType<Pane>().keyToValue(pane.toLatin1().constData(), &known);
    if (known)
        showPane(Pane(value));
    m_ui->actionFullScreen->setChecked(isFullScreen());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(settingsGroup);
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("splitter"), m_ui->splitter->saveState());
    settings.setValue(QStringLiteral("navigationVisible"), m_ui->actionShowNavigation->isChecked());
    settings.setValue(QStringLiteral("pane"), paneKey(currentPane()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::WindowStateChange)
        m_ui->actionFullScreen->setChecked(isFullScreen());
    QMainWindow::changeEvent(event);
}

// --- Sync (issue 6) ---

void MainWindow::setUpSyncActions()
{
    QMenu *menu = m_ui->menuSync;
    connect(m_ui->actionSyncNow, &QAction::triggered, this, [this] {
        if (m_sync)
            m_sync->syncAll(false);
    });

    m_actionFullSync = new QAction(tr("&Full Sync"), this);
    m_actionFullSync->setObjectName(QStringLiteral("actionFullSync"));
    m_actionFullSync->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F5));
    m_actionFullSync->setStatusTip(tr("Fetch everything again from every connected store"));
    m_actionFullSync->setEnabled(false);
    connect(m_actionFullSync, &QAction::triggered, this, [this] {
        if (m_sync)
            m_sync->syncAll(true);
    });
    menu->addAction(m_actionFullSync);

    m_syncConnectionMenu = menu->addMenu(tr("Sync &Connection"));
    m_syncConnectionMenu->setObjectName(QStringLiteral("menuSyncConnection"));
    m_syncConnectionMenu->menuAction()->setStatusTip(tr("Fetch what changed from one store"));
    m_syncConnectionMenu->setEnabled(false);

    m_actionCancelSync = new QAction(tr("C&ancel Sync"), this);
    m_actionCancelSync->setObjectName(QStringLiteral("actionCancelSync"));
    m_actionCancelSync->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    m_actionCancelSync->setStatusTip(tr("Stop syncing; what was fetched so far stays"));
    m_actionCancelSync->setEnabled(false);
    connect(m_actionCancelSync, &QAction::triggered, this, [this] {
        if (m_sync)
            m_sync->cancel();
    });
    menu->addAction(m_actionCancelSync);
    menu->addSeparator();

    m_autoSyncMenu = menu->addMenu(tr("A&utomatic Sync"));
    m_autoSyncMenu->setObjectName(QStringLiteral("menuAutoSync"));
    m_autoSyncMenu->menuAction()->setStatusTip(tr("Fetch what changed from every store every few minutes"));
    m_autoSyncMenu->setEnabled(false);
    m_autoSyncGroup = new QActionGroup(this);
    m_autoSyncGroup->setExclusive(true);
    for (const int minutes : {0, 5, 15, 30, 60}) {
        QAction *action = m_autoSyncMenu->addAction(minutes == 0 ? tr("&Off") : tr("Every %1 minutes").arg(minutes));
        action->setObjectName(QStringLiteral("actionAutoSync%1").arg(minutes));
        action->setCheckable(true);
        action->setData(minutes);
        m_autoSyncGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, minutes] {
            if (m_sync)
                m_sync->setAutoSyncMinutes(minutes);
        });
    }
    m_autoSyncGroup->actions().constFirst()->setChecked(true);

    m_actionShowSyncProgress = new QAction(tr("Show Sync &Progress"), this);
    m_actionShowSyncProgress->setObjectName(QStringLiteral("actionShowSyncProgress"));
    m_actionShowSyncProgress->setCheckable(true);
    m_actionShowSyncProgress->setStatusTip(tr("Show or hide each connection's sync state and problems"));
    m_actionShowSyncProgress->setEnabled(false);
    connect(m_actionShowSyncProgress, &QAction::triggered, this, [this](bool on) {
        if (!m_syncPanel)
            return;
        m_syncPanel->setVisible(on);
        if (on)
            m_syncPanel->raise();
    });
    menu->addAction(m_actionShowSyncProgress);
}

void MainWindow::setUpSync()
{
    if (m_sync && m_syncWorkspace == m_workspace)
        return;
    delete m_syncPanel;
    delete m_sync;
    m_syncWorkspace = m_workspace;
    m_sync = new SyncController(*m_workspace, this);
    m_sync->setObjectName(QStringLiteral("syncController"));

    if (!m_syncProgress) {
        m_syncProgress = new SyncProgressBar(statusBar());
        m_syncProgress->setObjectName(QStringLiteral("syncProgress"));
        m_syncProgress->setAccessibleName(tr("Sync progress"));
        m_syncProgress->setTextVisible(true);
        m_syncProgress->setMinimumWidth(fontMetrics().averageCharWidth() * 48);
        m_syncProgress->setMaximumWidth(fontMetrics().averageCharWidth() * 72);
        m_syncProgress->setVisible(false);
        statusBar()->addPermanentWidget(m_syncProgress, 1);

        m_syncCancelButton = new QToolButton(statusBar());
        m_syncCancelButton->setObjectName(QStringLiteral("syncCancelButton"));
        m_syncCancelButton->setText(tr("Cancel"));
        connect(m_syncCancelButton, &QToolButton::clicked, m_actionCancelSync, &QAction::trigger);
        m_syncCancelButton->setToolTip(tr("Stop syncing; what was fetched so far stays (%1)")
                                           .arg(m_actionCancelSync->shortcut().toString(QKeySequence::NativeText)));
        m_syncCancelButton->setAccessibleName(tr("Cancel sync"));
        m_syncCancelButton->setAutoRaise(true);
        m_syncCancelButton->setVisible(false);
        statusBar()->addPermanentWidget(m_syncCancelButton);

        m_offlineLabel = new QLabel(tr("Offline — showing the cached data"), statusBar());
        m_offlineLabel->setObjectName(QStringLiteral("offlineLabel"));
        m_offlineLabel->setToolTip(tr("The stores could not be reached; what you see is from the last sync"));
        m_offlineLabel->setVisible(false);
        statusBar()->addPermanentWidget(m_offlineLabel);

        m_lastSyncedLabel = new QLabel(statusBar());
        m_lastSyncedLabel->setObjectName(QStringLiteral("lastSyncedLabel"));
        statusBar()->addPermanentWidget(m_lastSyncedLabel);
    }

    m_syncPanel = new SyncPanel(*m_sync, this);
    if (!restoreDockWidget(m_syncPanel)) {
        addDockWidget(Qt::BottomDockWidgetArea, m_syncPanel);
        resizeDocks({m_syncPanel}, {fontMetrics().lineSpacing() * 12}, Qt::Vertical);
        m_syncPanel->hide();
    }
    m_actionShowSyncProgress->setEnabled(true);
    m_actionShowSyncProgress->setChecked(m_syncPanel->isVisibleTo(this));
    connect(m_syncPanel->toggleViewAction(), &QAction::toggled, m_actionShowSyncProgress, &QAction::setChecked);

    for (QAction *action : m_autoSyncGroup->actions())
        action->setChecked(action->data().toInt() == m_sync->autoSyncMinutes());
    m_autoSyncMenu->setEnabled(true);

    connect(m_sync, &SyncController::stateChanged, this, &MainWindow::updateSyncState);
    connect(m_sync, &SyncController::connectionsChanged, this, &MainWindow::rebuildSyncConnectionMenu);
    connect(m_sync, &SyncController::finished, this, &MainWindow::showSyncOutcome);
    connect(m_sync, &SyncController::started, statusBar(), &QStatusBar::clearMessage); // the last outcome is old news
    rebuildSyncConnectionMenu();
    updateSyncState();
}

void MainWindow::rebuildSyncConnectionMenu()
{
    m_syncConnectionMenu->clear();
    const QStringList names = m_sync ? m_sync->connectionNames() : QStringList();
    for (const QString &name : names) {
        QAction *action = m_syncConnectionMenu->addAction(QString(name).replace(u'&', QStringLiteral("&&")));
        action->setStatusTip(tr("Fetch what changed from %1").arg(name));
        connect(action, &QAction::triggered, this, [this, name] {
            if (m_sync)
                m_sync->syncConnection(name);
        });
    }
    m_syncConnectionMenu->setEnabled(!names.isEmpty());
}

void MainWindow::updateSyncState()
{
    if (!m_sync)
        return;
    const bool running = m_sync->isRunning();
    const bool any = !m_sync->connectionNames().isEmpty();
    m_ui->actionSyncNow->setEnabled(any);
    m_ui->actionSyncNow->setToolTip(any ? tr("Fetch what changed from every connected store")
                                        : tr("Connect a store first"));
    m_actionFullSync->setEnabled(any);
    m_actionCancelSync->setEnabled(running);

    m_syncProgress->setVisible(running);
    m_syncCancelButton->setVisible(running);
    if (running) {
        const Sync::SyncProgress progress = m_sync->currentProgress();
        if (progress.total > 0) {
            m_syncProgress->setRange(0, int(std::min<qint64>(progress.total, INT_MAX)));
            m_syncProgress->setValue(int(std::min(progress.rows, progress.total)));
        } else {
            m_syncProgress->setRange(0, 0); // busy
        }
        QString text;
        if (!progress.connection.isEmpty()) {
            text = SyncController::describe(progress);
        } else {
            for (const QString &name : m_sync->connectionNames()) {
                if (m_sync->connectionState(name).status == SyncController::Status::Running)
                    text = tr("%1 · starting").arg(name);
            }
            if (text.isEmpty())
                text = tr("Syncing…");
        }
        m_syncProgress->setDisplayText(text);
    }

    const QDateTime last = m_sync->lastSynced();
    m_lastSyncedLabel->setText(last.isValid() ? tr("Last synced %1").arg(SyncController::formatTime(last))
                                              : tr("Never synced"));
    m_lastSyncedLabel->setToolTip(last.isValid() ? QLocale().toString(last.toLocalTime(), QLocale::LongFormat)
                                                 : tr("No store has been synced yet"));
    m_offlineLabel->setVisible(m_sync->isOffline());
}

void MainWindow::showSyncOutcome(bool ok, const QStringList &errors)
{
    if (!errors.isEmpty()) {
        // Never a dialog: the status bar names the first problem, the panel lists them all.
        statusBar()->showMessage(errors.size() == 1
                                     ? tr("Sync problem: %1").arg(errors.constFirst())
                                     : tr("%1 sync problems, the first: %2")
                                           .arg(errors.size())
                                           .arg(errors.constFirst()));
        m_syncPanel->show();
        m_syncPanel->raise();
    } else if (ok) {
        statusBar()->showMessage(tr("Sync finished at %1").arg(SyncController::formatTime(QDateTime::currentDateTime())));
    } else {
        statusBar()->showMessage(tr("Sync cancelled; what was fetched so far stays"));
    }
}

// --- end Sync ---

// --- Payouts (issue 7) ---

QWidget *MainWindow::setUpPayoutsPane(TablePane *paid)
{
    // One ledger (its own connection to the cache) and one sender for the window.
    QString error;
    m_payoutLedger = Payouts::Ledger::open(Store::Database::pathIn(m_workspace->dataDir()), &error);
    QString unavailable;
    if (m_payoutLedger) {
        // Keys are read from the keychain asynchronously, as the sync reads them.
        QPointer<Secrets::KeyStore> keys(&m_workspace->keys());
        m_payoutService = std::make_unique<Payouts::PayoutService>(
            *m_payoutLedger, m_workspace->http(),
            [keys](const Connection &connection) -> Vendors::Connector::SecretSource {
                const QString entry = Secrets::KeyStore::entryName(connection.id, connection.secretPurpose());
                return [keys, entry](std::function<void(const QString &, const QString &)> give) {
                    if (!keys) {
                        give({}, tr("the keychain is gone"));
                        return;
                    }
                    keys->read(entry, [give](const Secrets::KeyResult &result) {
                        give(result.secret, result.ok() ? QString() : result.message);
                    });
                };
            },
            QDir(m_workspace->dataDir()).filePath(QStringLiteral("payouts.lock")));
        m_payoutService->setObjectName(QStringLiteral("payoutService"));
    } else {
        unavailable = tr("Payouts cannot be sent: the payout ledger could not be opened (%1)").arg(error);
    }
    m_payoutsPane = new PayoutsPane(*m_workspace, paid, m_payoutLedger.get(), m_payoutService.get(), unavailable,
                                    m_ui->pages);
    m_payoutsPane->setSyncController(m_sync);
    connect(m_payoutsPane, &PayoutsPane::statusChanged, this, [this](const QString &text) {
        if (m_ui->pages->currentWidget() == m_payoutsPane)
            setPaneStatus(text);
    });
    return m_payoutsPane;
}

// --- end Payouts ---

} // namespace ConsignDesk
