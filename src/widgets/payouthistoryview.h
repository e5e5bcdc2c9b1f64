#pragma once

#include "payouts/ledger.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QSplitter;
class QTimer;
class QTreeWidget;

namespace ConsignDesk {

namespace Payouts {
class PayoutService;
}
namespace Sync {
class Workspace;
}

/// @short The Payouts pane's "History" tab: the payout ledger, newest first,
/// and below it the vendor's payouts to the selected consignor as the cache
/// has them, so the two can be compared. An intent whose outcome is unknown
/// can be reconciled; the ledger exports to CSV (the columns of
/// `consigndesk payouts ledger`).
class PayoutHistoryView : public QWidget
{
    Q_OBJECT
public:
    enum Column {
        ReferenceColumn,
        ConnectionColumn,
        ConsignorColumn,
        AmountColumn,
        StateColumn,
        ApprovedByColumn,
        ApprovedAtColumn,
        VendorReferenceColumn,
        DetailColumn,
        ColumnCount
    };
    static constexpr int IntentIdRole = Qt::UserRole + 1;

    PayoutHistoryView(Sync::Workspace &workspace, Payouts::Ledger *ledger, Payouts::PayoutService *service,
                      const QString &unavailable, QWidget *parent = nullptr);
    ~PayoutHistoryView() override;

    QTreeWidget *ledgerView() const { return m_ledgerView; }
    QTreeWidget *vendorView() const { return m_vendorView; }
    QString statusText() const { return m_status; }
    /// The intent of the current row.
    std::optional<Payouts::Intent> currentIntent() const;

    /// Writes the ledger to @p path; false with @p error.
    bool exportCsv(const QString &path, QString *error) const;
    /// Writes the consignor's statement of the current payout as PDF to @p path.
    bool saveStatement(const QString &path, QString *error) const;

public Q_SLOTS:
    void refresh();
    /// "Export CSV…": asks where, then exportCsv().
    void exportWithDialog();
    /// "Save Statement…": asks where, then saveStatement().
    void saveStatementWithDialog();
    /// Reads the vendor's payouts for the current intent and settles it.
    void reconcileCurrent();

Q_SIGNALS:
    void statusChanged(const QString &text);
    /// An intent of @p connectionName was settled by reconciliation.
    void reconciled(const QString &connectionName);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void showVendorPayouts();
    void updateActions();
    void setMessage(const QString &text, bool problem);
    void saveSettings() const;

    Sync::Workspace &m_workspace;
    Payouts::Ledger *m_ledger;
    QPointer<Payouts::PayoutService> m_service;
    QString m_unavailable;
    QList<Payouts::Intent> m_intents;
    QTreeWidget *m_ledgerView = nullptr;
    QTreeWidget *m_vendorView = nullptr;
    QLabel *m_vendorTitle = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_reconcile = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_statement = nullptr;
    QSplitter *m_splitter = nullptr;
    QTimer *m_refreshTimer = nullptr;
    QString m_status;
    bool m_stale = true;
    bool m_reconciling = false;
    bool m_columnsSized = false;
};

} // namespace ConsignDesk
