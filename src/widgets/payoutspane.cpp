#include "widgets/payoutspane.h"

#include "widgets/payouthistoryview.h"
#include "widgets/payoutsdueview.h"
#include "widgets/synccontroller.h"
#include "widgets/tablepane.h"

#include <QSettings>

namespace ConsignDesk {

namespace {
const QString tabKey = QStringLiteral("Payouts/tab");
}

PayoutsPane::PayoutsPane(Sync::Workspace &workspace, TablePane *paid, Payouts::Ledger *ledger,
                         Payouts::PayoutService *service, const QString &unavailable, QWidget *parent)
    : QTabWidget(parent)
    , m_paid(paid)
{
    setObjectName(QStringLiteral("payoutsPane"));
    setAccessibleName(tr("Payouts"));
    setDocumentMode(true);
    m_due = new PayoutsDueView(workspace, service, unavailable, this);
    m_history = new PayoutHistoryView(workspace, ledger, service, unavailable, this);
    addTab(m_due, tr("&Due"));
    setTabToolTip(DueTab, tr("Consignors owed money: review and send their payouts"));
    addTab(m_paid, tr("&Paid"));
    setTabToolTip(PaidTab, tr("The payouts each store has recorded, from the last sync"));
    addTab(m_history, tr("H&istory"));
    setTabToolTip(HistoryTab, tr("Every payout approved here, with its outcome, beside the store's own record"));

    const int tab = QSettings().value(tabKey, int(DueTab)).toInt();
    setCurrentIndex(tab >= 0 && tab < count() ? tab : int(DueTab));
    connect(this, &QTabWidget::currentChanged, this, [this](int index) {
        QSettings().setValue(tabKey, index);
        Q_EMIT statusChanged(statusText());
    });
    const auto forward = [this](QWidget *tab) {
        return [this, tab](const QString &text) {
            if (currentWidget() == tab)
                Q_EMIT statusChanged(text);
        };
    };
    connect(m_due, &PayoutsDueView::statusChanged, this, forward(m_due));
    connect(m_paid, &TablePane::statusChanged, this, forward(m_paid));
    connect(m_history, &PayoutHistoryView::statusChanged, this, forward(m_history));
    connect(m_due, &PayoutsDueView::payoutsSent, this, &PayoutsPane::syncConnections);
    connect(m_due, &PayoutsDueView::payoutsSent, m_history, &PayoutHistoryView::refresh);
    connect(m_history, &PayoutHistoryView::reconciled, this, [this](const QString &name) {
        m_due->refresh();
        syncConnections({name});
    });
}

PayoutsPane::~PayoutsPane() = default;

QString PayoutsPane::statusText() const
{
    switch (currentIndex()) {
    case DueTab:
        return m_due->statusText();
    case PaidTab:
        return m_paid->statusText();
    case HistoryTab:
        return m_history->statusText();
    }
    return {};
}

void PayoutsPane::focusSearch()
{
    if (currentIndex() == PaidTab)
        m_paid->focusSearch();
    else {
        setCurrentIndex(DueTab);
        m_due->focusSearch();
    }
}

void PayoutsPane::refresh()
{
    // The Paid table is one of the window's panes and refreshed with them.
    m_due->refresh();
    m_history->refresh();
}

void PayoutsPane::syncConnections(const QStringList &names)
{
    // What the stores now say (balances, payouts) comes in with their next sync.
    if (!m_sync)
        return;
    for (const QString &name : names)
        m_sync->syncConnection(name);
}

} // namespace ConsignDesk
