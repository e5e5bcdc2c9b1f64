#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QSplitter;

namespace ConsignDesk {

namespace Payouts {
class PayoutService;
}
namespace Sync {
class Workspace;
}

/// @short What the Payouts pane's Due and History tabs share: the workspace
/// and the payout service they work with, why nothing can be paid (if so), a
/// status line, and reading again only while shown.
class PayoutsTab : public QWidget
{
    Q_OBJECT
public:
    QString statusText() const { return m_status; }

public Q_SLOTS:
    /// Reads again; while hidden, the tab is read when next shown instead.
    virtual void refresh() = 0;

Q_SIGNALS:
    void statusChanged(const QString &text);

protected:
    PayoutsTab(Sync::Workspace &workspace, Payouts::PayoutService *service, const QString &unavailable,
               QWidget *parent = nullptr);

    /// Refreshes when something changed while the tab was hidden.
    void showEvent(QShowEvent *event) override;
    /// Shown again with nothing to read again.
    virtual void shownAgain() {}
    /// For refresh(): false while hidden (the tab is read when shown).
    bool readNow();
    /// Emits statusChanged() when @p status is new.
    void setStatus(const QString &status);
    /// A vertical splitter named @p objectName: @p top above @p bottom under its
    /// @p title (set in bold), 3 parts of the height to 2.
    QSplitter *splitAbove(QWidget *top, QLabel *title, QWidget *bottom, const QString &objectName);

    Sync::Workspace &m_workspace;
    QPointer<Payouts::PayoutService> m_service;
    QString m_unavailable; ///< why nothing can be paid (no ledger)

private:
    QString m_status;
    bool m_stale = true;
};

} // namespace ConsignDesk
