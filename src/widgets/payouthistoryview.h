#pragma once

#include "payouts/ledger.h"
#include "widgets/payoutstab.h"

class QLabel;
class QPushButton;
class QSplitter;
class QTimer;
class QTreeWidget;

namespace ConsignDesk {

/// @short The Payouts pane's "History" tab: the payout ledger, newest first,
/// and below it the vendor's payouts to the selected consignor as the cache
/// has them, so the two can be compared. An intent whose outcome is unknown
/// can be reconciled; the ledger exports to CSV (the columns of
/// `consigndesk payouts ledger`).
class PayoutHistoryView : public PayoutsTab
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
    /// The intent of the current row.
    std::optional<Payouts::Intent> currentIntent() const;

    /// Writes the ledger to @p path; false with @p error.
    bool exportCsv(const QString &path, QString *error) const;
    /// Writes the consignor's statement of the current payout as PDF to @p path.
    bool saveStatement(const QString &path, QString *error) const;

public Q_SLOTS:
    void refresh() override;
    /// "Export CSV…": asks where, then exportCsv().
    void exportWithDialog();
    /// "Save Statement…": asks where, then saveStatement().
    void saveStatementWithDialog();
    /// Reads the vendor's payouts for the current intent and settles it.
    void reconcileCurrent();

Q_SIGNALS:
    /// An intent of @p connectionName was settled by reconciliation.
    void reconciled(const QString &connectionName);

private:
    void showVendorPayouts();
    void updateActions();
    void setMessage(const QString &text, bool problem);
    /// Asks where to save @p fileName, starting in the folder used last; "" when cancelled.
    QString askSavePath(const QString &caption, const QString &fileName, const QString &filter);
    void saveSettings() const;

    Payouts::Ledger *m_ledger;
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
    bool m_reconciling = false;
    bool m_columnsSized = false;
};

} // namespace ConsignDesk
