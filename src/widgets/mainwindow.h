#pragma once

#include <QMainWindow>

class QLabel;

#include <memory>

namespace Ui {
class MainWindow;
}

namespace ConsignDesk {

namespace Sync {
class Workspace;
}
class WelcomePage;

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

    std::unique_ptr<Ui::MainWindow> m_ui;
    Sync::Workspace *m_workspace = nullptr;
    WelcomePage *m_welcome = nullptr;
    QLabel *m_demoLabel = nullptr;
};

} // namespace ConsignDesk
