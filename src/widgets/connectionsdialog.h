#pragma once

#include "core/connection.h"

#include <QDialog>

#include <memory>

namespace Ui {
class ConnectionsDialog;
}

namespace ConsignDesk {

namespace Sync {
class Workspace;
}
namespace Vendors {
class ConnectionProbe;
}

/// @short File > Connections: list, add, edit, remove and test the stores'
/// vendor accounts. Keys go to the keychain; bad input is refused with the reason.
class ConnectionsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionsDialog(Sync::Workspace &workspace, QWidget *parent = nullptr);
    ~ConnectionsDialog() override;

    /// Starts a new connection in the form (the "Add a connection" of the first run).
    void startNew();
    /// The last result or error shown under the form.
    QString messageText() const;

private:
    void reload(const QString &selectId = {});
    void showConnection(const Connection &connection);
    void vendorChanged();
    void authChanged();
    std::optional<Connection> connectionFromForm(QString *secret);
    void save();
    void test();
    void removeSelected();
    void showMessage(const QString &text, bool good);

    std::unique_ptr<Ui::ConnectionsDialog> m_ui;
    Sync::Workspace &m_workspace;
    Vendors::ConnectionProbe *m_probe;
    QList<Connection> m_connections;
    QString m_editingId; ///< empty: a new connection
    QUrl m_prefilledUrl;
};

} // namespace ConsignDesk
