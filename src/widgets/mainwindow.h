#pragma once

#include <QMainWindow>

class QLabel;
class QNetworkAccessManager;
class QMenu;
class QActionGroup;
class QToolButton;

#include <memory>

namespace Ui {
class MainWindow;
}

namespace ConsignDesk {

namespace Sync {
class Workspace;
}
namespace Payouts {
class Ledger;
class PayoutService;
} // namespace Payouts
class PayoutsPane;
class WelcomePage;
class TablePane;
struct RecordRef;
class SyncController;
class SyncPanel;
class SyncProgressBar;

/// @short The main window: navigation between the panes, menus, status bar.
/// Geometry, state and the open pane are remembered in QSettings.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Pane { Consignors, Items, Sales, Payouts, Warehouse, Reports };
    Q_ENUM(Pane)

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    Pane currentPane() const;
    void showPane(Pane pane);

    /// The cache, keychain and connections the window works with (File > Connections…).
    void setWorkspace(Sync::Workspace *workspace);

    /// Says in the status bar that the demo stores serve at @p rootUrl.
    void showDemoStores(const QString &rootUrl);
    void showDemoStoresFailed(const QString &reason);
    /// @p notice (e.g. no keychain, keys kept for this session) in the status bar.
    void showNotice(const QString &notice);

    /// True while no store is connected and the first-run choices are shown.
    bool isShowingWelcome() const;
    /// File > Connections…; with @p startNew, on an empty form for a new one.
    void openConnections(bool startNew = false);

    // --- Sync (issue 6) ---
    /// Syncs the workspace's connections (Sync menu, F5, status bar); null until a workspace is set.
    SyncController *syncController() const { return m_sync; }
    /// The pane over @p table ("items", …), once a workspace is set.
    TablePane *tablePane(const QString &table) const;
    TablePane *currentTablePane() const;
    /// Shows @p record in its pane, with its details.
    bool openRecord(const ConsignDesk::RecordRef &record);
    // --- end Sync ---

    // --- Payouts (issue 7) ---
    /// The Payouts pane (Due, Paid, History), once a workspace is set.
    PayoutsPane *payoutsPane() const { return m_payoutsPane; }
    /// The window's payout ledger and sender; null until a workspace is set or
    /// when the ledger could not be opened.
    Payouts::Ledger *payoutLedger() const { return m_payoutLedger.get(); }
    Payouts::PayoutService *payoutService() const { return m_payoutService.get(); }
    // --- end Payouts ---

Q_SIGNALS:
    /// The manager chose "Open the demo stores" on the first-run page.
    void demoStoresRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void setUpPanes();
    void setUpActions();
    void restoreSettings();
    void saveSettings() const;
    void forwardToFocusWidget(const char *slot);
    void updateFirstRun();

    // --- Sync (issue 6) ---
    void setUpSyncActions();
    void setUpTablePanes();
    void refreshPanes();
    void setPaneStatus(const QString &text);
    void setUpSync();
    void updateSyncState();
    void rebuildSyncConnectionMenu();
    void showSyncOutcome(bool ok, const QStringList &errors);
    // --- end Sync ---

    std::unique_ptr<Ui::MainWindow> m_ui;
    Sync::Workspace *m_workspace = nullptr;
    WelcomePage *m_welcome = nullptr;
    QLabel *m_demoLabel = nullptr;

    // --- Sync (issue 6) ---
    SyncController *m_sync = nullptr;
    QList<TablePane *> m_tablePanes;
    QLabel *m_paneStatus = nullptr;
    QNetworkAccessManager *m_imageNetwork = nullptr;
    Sync::Workspace *m_syncWorkspace = nullptr; ///< the workspace m_sync syncs
    SyncPanel *m_syncPanel = nullptr;
    SyncProgressBar *m_syncProgress = nullptr;
    QToolButton *m_syncCancelButton = nullptr;
    QLabel *m_lastSyncedLabel = nullptr;
    QLabel *m_offlineLabel = nullptr;
    QAction *m_actionFullSync = nullptr;
    QAction *m_actionCancelSync = nullptr;
    QAction *m_actionShowSyncProgress = nullptr;
    QMenu *m_syncConnectionMenu = nullptr;
    QMenu *m_autoSyncMenu = nullptr;
    QActionGroup *m_autoSyncGroup = nullptr;
    // --- end Sync ---

    // --- Payouts (issue 7) ---
    /// The Payouts pane around @p paid, with the window's ledger and sender.
    QWidget *setUpPayoutsPane(TablePane *paid);
    // The ledger is declared first: the service that writes to it goes first.
    std::unique_ptr<Payouts::Ledger> m_payoutLedger;
    std::unique_ptr<Payouts::PayoutService> m_payoutService;
    PayoutsPane *m_payoutsPane = nullptr;
    // --- end Payouts ---
};

} // namespace ConsignDesk
