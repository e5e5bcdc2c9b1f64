#pragma once

#include <QMainWindow>

#include <memory>

namespace Ui {
class MainWindow;
}

namespace ConsignDesk {

namespace Sync {
class Workspace;
}

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

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void setUpPanes();
    void setUpActions();
    void restoreSettings();
    void saveSettings() const;
    void forwardToFocusWidget(const char *slot);

    std::unique_ptr<Ui::MainWindow> m_ui;
    Sync::Workspace *m_workspace = nullptr;
};

} // namespace ConsignDesk
