#include "widgets/mainwindow.h"

#include "sync/connectionservice.h"
#include "sync/workspace.h"
#include "ui_mainwindow.h"
#include "widgets/aboutdialog.h"
#include "widgets/connectionsdialog.h"
#include "widgets/icons.h"
#include "widgets/panepage.h"
#include "widgets/welcomepage.h"

#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMetaEnum>
#include <QSettings>

namespace ConsignDesk {

namespace {

struct PaneSpec {
    MainWindow::Pane pane;
    const char *icon;
    const char *title;
    const char *emptyText;
};

// The order here is the order of the navigation and of Ctrl+1 … Ctrl+6.
const PaneSpec paneSpecs[] = {
    {MainWindow::Pane::Consignors, "consignors", QT_TRANSLATE_NOOP("ConsignDesk::MainWindow", "Consignors"),
     QT_TRANSLATE_NOOP("ConsignDesk::MainWindow",
                       "The people whose goods you sell, with their splits and balances, from every connected "
                       "store. Connect a store to see them here.")},
    {MainWindow::Pane::Items, "items", QT_TRANSLATE_NOOP("ConsignDesk::MainWindow", "Items"),
     QT_TRANSLATE_NOOP("ConsignDesk::MainWindow",
                       "Everything on your floor and in your back room, with prices, statuses and consignors. "
                       "Connect a store to see it here.")},
    {MainWindow::Pane::Sales, "sales", QT_TRANSLATE_NOOP("ConsignDesk::MainWindow", "Sales"),
     QT_TRANSLATE_NOOP("ConsignDesk::MainWindow",
                       "Every sale with its lines, payments and status. Connect a store to see them here.")},
    {MainWindow::Pane::Payouts, "payouts", QT_TRANSLATE_NOOP("ConsignDesk::MainWindow", "Payouts"),
     QT_TRANSLATE_NOOP("ConsignDesk::MainWindow",
                       "What each consignor is owed and what they have been paid. Connect a store to see it here.")},
    {MainWindow::Pane::Warehouse, "warehouse", QT_TRANSLATE_NOOP("ConsignDesk::MainWindow", "Warehouse"),
     QT_TRANSLATE_NOOP("ConsignDesk::MainWindow",
                       "Stock held at your logistics warehouse: logistic units, product lines, serial items and "
                       "expiry dates. Connect a warehouse to see it here.")},
    {MainWindow::Pane::Reports, "reports", QT_TRANSLATE_NOOP("ConsignDesk::MainWindow", "Reports"),
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

} // namespace ConsignDesk
