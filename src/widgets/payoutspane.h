#pragma once

#include <QPointer>

#include "widgets/synccontroller.h"
#include <QTabWidget>

namespace ConsignDesk {

namespace Payouts {
class Ledger;
class PayoutService;
} // namespace Payouts
namespace Sync {
class Workspace;
}
class PayoutHistoryView;
class PayoutsDueView;
class TablePane;

/// @short The Payouts pane: "Due" (who is owed what; approve and send),
/// "Paid" (the stores' payouts in the cache, a TablePane) and "History" (the
/// payout ledger beside the stores' payouts). The open tab is remembered.
class PayoutsPane : public QTabWidget
{
    Q_OBJECT
public:
    enum Tab { DueTab, PaidTab, HistoryTab };

    /// @p paid becomes the Paid tab. Without a @p ledger or @p service
    /// (@p unavailable says why) the pane shows what is owed but sends nothing.
    PayoutsPane(Sync::Workspace &workspace, TablePane *paid, Payouts::Ledger *ledger, Payouts::PayoutService *service,
                const QString &unavailable, QWidget *parent = nullptr);
    ~PayoutsPane() override;

    PayoutsDueView *dueView() const { return m_due; }
    TablePane *paidPane() const { return m_paid; }
    PayoutHistoryView *historyView() const { return m_history; }

    /// After payouts were sent, the connections they went to are synced.
    void setSyncController(SyncController *sync) { m_sync = sync; }

    /// The status bar's text for the open tab.
    QString statusText() const;
    /// Ctrl+F: the open tab's search (the Due view's consignor search, the Paid table's search).
    void focusSearch();
    /// After a sync wrote to the cache.
    void refresh();

Q_SIGNALS:
    void statusChanged(const QString &text);

private:
    void syncConnections(const QStringList &names);

    PayoutsDueView *m_due = nullptr;
    TablePane *m_paid = nullptr;
    PayoutHistoryView *m_history = nullptr;
    QPointer<SyncController> m_sync;
};

} // namespace ConsignDesk
