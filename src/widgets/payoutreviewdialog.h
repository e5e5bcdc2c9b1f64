#pragma once

#include "core/connection.h"
#include "payouts/proposals.h"

#include <QDateTime>
#include <QDialog>
#include <QHash>
#include <QMap>
#include <QPointer>

class QCheckBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace ConsignDesk {

namespace Payouts {
class PayoutService;
}

/// @short Reviews the payouts the manager chose, and sends them.
///
/// Each payout with its amount and lines, the total per currency, the
/// statements in a print preview; nothing is sent until "I have checked…" is
/// ticked and Send pressed, and, when a currency's total is above the
/// threshold (QSettings "Payouts/confirmAboveMinor"), confirmed once more.
/// Payouts then go one after another through PayoutService, each row showing
/// its outcome as it settles. The dialog sends once: Send is gone afterwards,
/// and it cannot be closed while a payout is in flight.
class PayoutReviewDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column { ConsignorColumn, ConnectionColumn, AmountColumn, LinesColumn, ResultColumn, ColumnCount };
    /// Row outcome: what ResultRole holds.
    enum class RowState { Pending, Sending, Confirmed, Failed, Unknown };
    static constexpr int ResultRole = Qt::UserRole + 1;

    PayoutReviewDialog(const QList<Payouts::Proposal> &proposals, const QHash<QString, Connection> &connections,
                       Payouts::PayoutService &service, QWidget *parent = nullptr);
    ~PayoutReviewDialog() override;

    /// The setting's default: 1,000.00 in a currency of two decimals.
    static constexpr qint64 defaultConfirmAboveMinor = 100000;
    static qint64 confirmAboveMinor();
    static void setConfirmAboveMinor(qint64 minor);

    /// Total per currency code, in minor units.
    QMap<QString, qint64> totals() const { return m_totals; }
    bool isSending() const { return m_sending; }
    bool hasSent() const { return m_started; }
    RowState rowState(int row) const;
    /// The connections (names) a payout was sent (or tried) to.
    QStringList connectionsSentTo() const;

public Q_SLOTS:
    void reject() override;

Q_SIGNALS:
    /// Every payout has an outcome.
    void sendingFinished();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void send();
    void sendNext();
    void settleRow(int row, RowState state, const QString &text, const QString &tooltip = {});
    void updateSendButton();
    void printPreview();
    bool confirmLargeTotals();

    QList<Payouts::Proposal> m_proposals;
    QHash<QString, Connection> m_connections;
    QPointer<Payouts::PayoutService> m_service;
    QMap<QString, qint64> m_totals;

    QTreeWidget *m_list = nullptr;
    QLabel *m_totalsLabel = nullptr;
    QLabel *m_progress = nullptr;
    QCheckBox *m_confirm = nullptr;
    QDoubleSpinBox *m_threshold = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_sendButton = nullptr;
    QPushButton *m_closeButton = nullptr;
    QPushButton *m_previewButton = nullptr;

    int m_next = 0;
    bool m_sending = false;
    bool m_started = false;
    bool m_closeRefused = false;
    QDateTime m_sendStarted;
    QString m_progressText;
    QStringList m_sentTo;
};

} // namespace ConsignDesk
