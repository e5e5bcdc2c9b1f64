#include "widgets/payoutreviewdialog.h"

#include "core/currency.h"
#include "payouts/payoutservice.h"
#include "payouts/statement.h"
#include "widgets/detailformat.h"
#include "widgets/payoutsdueview.h"

#include <QApplication>
#include <QCheckBox>
#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStyle>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

namespace ConsignDesk {

using Payouts::Proposal;

namespace {

const QString thresholdKey = QStringLiteral("Payouts/confirmAboveMinor");
const QString geometryKey = QStringLiteral("Payouts/reviewGeometry");

} // namespace

qint64 PayoutReviewDialog::confirmAboveMinor()
{
    bool ok = false;
    const qint64 value = QSettings().value(thresholdKey, defaultConfirmAboveMinor).toLongLong(&ok);
    return ok && value >= 0 ? value : defaultConfirmAboveMinor;
}

void PayoutReviewDialog::setConfirmAboveMinor(qint64 minor)
{
    QSettings().setValue(thresholdKey, std::max<qint64>(0, minor));
}

PayoutReviewDialog::PayoutReviewDialog(const QList<Proposal> &proposals, const QHash<QString, Connection> &connections,
                                       Payouts::PayoutService &service, QWidget *parent)
    : QDialog(parent)
    , m_proposals(proposals)
    , m_connections(connections)
    , m_service(&service)
{
    setObjectName(QStringLiteral("payoutReviewDialog"));
    setWindowTitle(tr("Review Payouts"));
    setModal(true);
    for (const Proposal &p : proposals)
        m_totals[p.currency] += p.amountMinor;

    auto *intro = new QLabel(
        tr("The payouts below are sent to their stores one after another. Check each consignor and amount, and "
           "preview the statements, before you send: a payout cannot be taken back from here."),
        this);
    intro->setObjectName(QStringLiteral("reviewIntro"));
    intro->setWordWrap(true);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("reviewList"));
    m_list->setAccessibleName(tr("Payouts to send"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_list->setHeaderLabels({tr("Consignor"), tr("Store"), tr("Amount"), tr("Lines"), tr("Result")});
    m_list->headerItem()->setTextAlignment(AmountColumn, Qt::AlignRight | Qt::AlignVCenter);
    m_list->headerItem()->setTextAlignment(LinesColumn, Qt::AlignRight | Qt::AlignVCenter);
    const int chars = fontMetrics().averageCharWidth();
    m_list->setColumnWidth(ConsignorColumn, chars * 30);
    m_list->setColumnWidth(ConnectionColumn, chars * 24);
    m_list->setColumnWidth(AmountColumn, chars * 16);
    m_list->setColumnWidth(LinesColumn, chars * 8);
    QList<QTreeWidgetItem *> items;
    for (const Proposal &p : proposals) {
        auto *item = new QTreeWidgetItem;
        item->setText(ConsignorColumn, consignorText(p));
        item->setToolTip(ConsignorColumn, tr("%1 (id %2)").arg(consignorText(p), p.consignorId));
        item->setText(ConnectionColumn, p.connectionName);
        item->setText(AmountColumn, Currency::format(p.amountMinor, p.currency));
        item->setTextAlignment(AmountColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(LinesColumn, DetailFormat::count(p.lines.size()));
        item->setTextAlignment(LinesColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(ResultColumn, tr("Not sent yet"));
        item->setData(ResultColumn, ResultRole, int(RowState::Pending));
        items.append(item);
    }
    m_list->addTopLevelItems(items);
    for (const int column : {ConsignorColumn, ConnectionColumn, AmountColumn})
        fitColumn(m_list, column, 12);
    m_list->setMinimumHeight(m_list->fontMetrics().height() * 8);

    m_totalsLabel = new QLabel(this);
    m_totalsLabel->setObjectName(QStringLiteral("reviewTotals"));
    m_totalsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const QString joined = totalsPerCurrency(proposals).toHtmlEscaped();
    m_totalsLabel->setText(m_totals.size() == 1 ? tr("<b>Total: %1</b>").arg(joined)
                                                : tr("<b>Totals: %1</b> (one per currency)").arg(joined));
    m_totalsLabel->setAccessibleName(tr("Total per currency"));
    m_previewButton = new QPushButton(tr("&Print Preview…"), this);
    m_previewButton->setObjectName(QStringLiteral("printPreviewButton"));
    m_previewButton->setToolTip(tr("The consignors' statements, as they would print"));
    m_previewButton->setAutoDefault(false);
    connect(m_previewButton, &QPushButton::clicked, this, &PayoutReviewDialog::printPreview);
    auto *totalsRow = new QHBoxLayout;
    totalsRow->addWidget(m_totalsLabel, 1);
    totalsRow->addWidget(m_previewButton);

    // The threshold above which a second confirmation is asked, remembered.
    m_threshold = new QDoubleSpinBox(this);
    m_threshold->setObjectName(QStringLiteral("confirmAboveAmount"));
    m_threshold->setAccessibleName(tr("Ask once more when a total is above"));
    m_threshold->setDecimals(2);
    m_threshold->setRange(0, 1e9);
    m_threshold->setSingleStep(100);
    m_threshold->setGroupSeparatorShown(true);
    m_threshold->setValue(double(confirmAboveMinor()) / 100.0);
    m_threshold->setToolTip(tr("In each currency's own money: a total above this asks for a second confirmation"));
    connect(m_threshold, &QDoubleSpinBox::valueChanged, this,
            [](double value) { setConfirmAboveMinor(std::llround(value * 100.0)); });
    auto *thresholdLabel = new QLabel(tr("Ask once more when a currency's total is &above:"), this);
    thresholdLabel->setBuddy(m_threshold);
    auto *thresholdRow = new QHBoxLayout;
    thresholdRow->addWidget(thresholdLabel);
    thresholdRow->addWidget(m_threshold);
    thresholdRow->addStretch(1);

    m_confirm = new QCheckBox(tr("I have &checked these payouts and want to send them"), this);
    m_confirm->setObjectName(QStringLiteral("confirmCheck"));
    connect(m_confirm, &QCheckBox::toggled, this, &PayoutReviewDialog::updateSendButton);

    m_progress = new QLabel(this);
    m_progress->setObjectName(QStringLiteral("reviewProgress"));
    m_progress->setWordWrap(true);
    m_progress->setVisible(false);

    m_buttons = new QDialogButtonBox(this);
    m_sendButton = m_buttons->addButton(tr("&Send"), QDialogButtonBox::ActionRole);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    m_sendButton->setAutoDefault(false);
    m_sendButton->setDefault(false);
    m_closeButton = m_buttons->addButton(QDialogButtonBox::Cancel);
    m_closeButton->setObjectName(QStringLiteral("closeButton"));
    connect(m_sendButton, &QPushButton::clicked, this, &PayoutReviewDialog::send);
    connect(m_closeButton, &QPushButton::clicked, this, &PayoutReviewDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addLayout(totalsRow);
    layout->addSpacing(6);
    layout->addLayout(thresholdRow);
    layout->addWidget(m_confirm);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);

    setTabOrder(m_list, m_previewButton);
    setTabOrder(m_previewButton, m_threshold);
    setTabOrder(m_threshold, m_confirm);
    updateSendButton();
    resize(chars * 160, fontMetrics().lineSpacing() * 24);
    restoreGeometry(QSettings().value(geometryKey).toByteArray());
    m_list->setFocus(); // the payouts first; the box to tick comes after them
}

PayoutReviewDialog::~PayoutReviewDialog()
{
    QSettings().setValue(geometryKey, saveGeometry());
}

void PayoutReviewDialog::updateSendButton()
{
    if (m_sendButton)
        m_sendButton->setEnabled(m_confirm->isChecked() && !m_started && m_service && !m_proposals.isEmpty());
}

void PayoutReviewDialog::printPreview()
{
    QList<Payouts::Statement> statements;
    for (const Proposal &p : std::as_const(m_proposals))
        statements.append(Payouts::statementForProposal(p, p.connectionName));
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(tr("Consignor statements"));
    QPrintPreviewDialog preview(&printer, this);
    preview.setObjectName(QStringLiteral("statementPreview"));
    preview.setWindowTitle(tr("Statements — Print Preview"));
    connect(&preview, &QPrintPreviewDialog::paintRequested, this,
            [statements](QPrinter *target) { Payouts::printStatements(statements, target); });
    // Large enough to read a page without zooming.
    const QRect screen = this->screen() ? this->screen()->availableGeometry() : QRect(0, 0, 1280, 1024);
    preview.resize(std::max(width(), screen.width() * 3 / 5), std::max(height(), screen.height() * 17 / 20));
    preview.exec();
}

bool PayoutReviewDialog::confirmLargeTotals()
{
    const qint64 threshold = confirmAboveMinor();
    QStringList above;
    for (auto it = m_totals.cbegin(); it != m_totals.cend(); ++it) {
        if (it.value() > threshold)
            above.append(Currency::format(it.value(), it.key()));
    }
    if (above.isEmpty())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Send Large Payouts?"),
                    tr("These payouts add up to %1, above the %2 that asks for a second look.")
                        .arg(above.join(tr(" and ")), QLocale().toString(double(threshold) / 100.0, 'f', 2)),
                    QMessageBox::Yes | QMessageBox::No, this);
    box.setObjectName(QStringLiteral("confirmLargeTotals"));
    box.setInformativeText(tr("Send them now?"));
    box.button(QMessageBox::Yes)->setText(tr("&Send"));
    box.button(QMessageBox::No)->setText(tr("&Don't Send"));
    box.setDefaultButton(QMessageBox::No);
    return box.exec() == QMessageBox::Yes;
}

void PayoutReviewDialog::send()
{
    if (m_started || !m_confirm->isChecked() || !m_service)
        return;
    if (!confirmLargeTotals()) {
        m_progress->setText(tr("Nothing was sent."));
        m_progress->setVisible(true);
        return;
    }
    m_started = true;
    m_sending = true;
    // Sending happens once: the button goes, and so do the choices it depended on.
    m_buttons->removeButton(m_sendButton);
    m_sendButton->deleteLater();
    m_sendButton = nullptr;
    m_confirm->setEnabled(false);
    m_threshold->setEnabled(false);
    m_closeButton->setText(tr("&Close"));
    m_closeButton->setEnabled(false);
    m_progress->setVisible(true);
    m_next = 0;
    m_sendStarted = QDateTime::currentDateTimeUtc().addSecs(-1); // the ledger's clock, to the second
    sendNext();
}

void PayoutReviewDialog::sendNext()
{
    if (m_next >= m_proposals.size()) {
        m_sending = false;
        int confirmed = 0;
        for (int row = 0; row < m_proposals.size(); ++row)
            confirmed += rowState(row) == RowState::Confirmed;
        const int others = int(m_proposals.size()) - confirmed;
        m_progress->setText(others == 0 ? tr("Every payout is confirmed by its store.")
                                        : tr("%1 of %2 confirmed; the others did not go through or their outcome is "
                                             "unknown: see each row's result.")
                                              .arg(confirmed)
                                              .arg(m_proposals.size()));
        m_closeButton->setEnabled(true);
        m_closeButton->setFocus();
        Q_EMIT sendingFinished();
        return;
    }
    const int row = m_next++;
    const Proposal &p = m_proposals.at(row);
    m_progressText = tr("Sending %1 of %2: %3…").arg(row + 1).arg(m_proposals.size()).arg(consignorText(p));
    m_progress->setText(m_closeRefused ? m_progressText + u' '
                                             + tr("(The dialog can be closed once every payout has its outcome.)")
                                       : m_progressText);
    if (!m_service) {
        settleRow(row, RowState::Failed, tr("Not sent: the payout service is gone"));
        QTimer::singleShot(0, this, &PayoutReviewDialog::sendNext);
        return;
    }
    const auto connection = m_connections.constFind(p.connectionId);
    if (connection == m_connections.cend()) {
        settleRow(row, RowState::Failed, tr("Not sent: the store %1 is no longer connected").arg(p.connectionName));
        QTimer::singleShot(0, this, &PayoutReviewDialog::sendNext);
        return;
    }
    if (!m_sentTo.contains(p.connectionName))
        m_sentTo.append(p.connectionName);
    settleRow(row, RowState::Sending, tr("Sending…"));
    m_list->scrollToItem(m_list->topLevelItem(row));
    QPointer<PayoutReviewDialog> self(this);
    m_service->approveAndSend(*connection, Payouts::approvalFor(*connection, p),
                              [self, row](const Payouts::PayoutService::Result &result) {
        if (!self)
            return;
        // A refusal may name an earlier intent of the consignor that blocked this one: then nothing left.
        const bool ours = result.intent && result.intent->approvedAt.isValid()
            && result.intent->approvedAt >= self->m_sendStarted;
        if (result.ok && result.intent && ours) {
            const QString reference = result.intent->vendorReference.isEmpty() ? result.intent->vendorPayoutId
                                                                               : result.intent->vendorReference;
            self->settleRow(row, RowState::Confirmed,
                            reference.isEmpty() || reference == result.intent->reference
                                ? tr("Confirmed: %1").arg(result.intent->reference)
                                : tr("Confirmed: %1 at the store (%2)").arg(reference, result.intent->reference),
                            result.message);
        } else if (ours && Payouts::isOpen(result.intent->state)) {
            self->settleRow(row, RowState::Unknown,
                            tr("Outcome unknown (%1): %2").arg(result.intent->reference, result.message),
                            tr("Reconcile it from the History tab before paying this consignor again."));
        } else if (ours) {
            self->settleRow(row, RowState::Failed,
                            tr("Failed (%1, %2): %3")
                                .arg(result.intent->reference, Payouts::describeState(result.intent->state),
                                     result.message));
        } else {
            self->settleRow(row, RowState::Failed, tr("Not sent: %1").arg(result.message));
        }
        // The next one after this callback has returned, never inside it.
        QTimer::singleShot(0, self, &PayoutReviewDialog::sendNext);
    });
}

void PayoutReviewDialog::settleRow(int row, RowState state, const QString &text, const QString &tooltip)
{
    QTreeWidgetItem *item = m_list->topLevelItem(row);
    if (!item)
        return;
    item->setText(ResultColumn, text);
    item->setToolTip(ResultColumn, tooltip.isEmpty() ? text : text + u'\n' + tooltip);
    item->setData(ResultColumn, ResultRole, int(state));
    QStyle::StandardPixmap icon = QStyle::SP_CustomBase;
    switch (state) {
    case RowState::Confirmed:
        icon = QStyle::SP_DialogApplyButton;
        break;
    case RowState::Failed:
        icon = QStyle::SP_MessageBoxCritical;
        break;
    case RowState::Unknown:
        icon = QStyle::SP_MessageBoxWarning;
        break;
    case RowState::Sending:
        icon = QStyle::SP_BrowserReload;
        break;
    case RowState::Pending:
        break;
    }
    item->setIcon(ResultColumn, icon == QStyle::SP_CustomBase ? QIcon() : style()->standardIcon(icon));
    if (state == RowState::Failed || state == RowState::Unknown)
        item->setForeground(ResultColumn, DetailFormat::warningColor(palette()));
    // The result column takes what room is left (the last section stretches); the text shows whole on hover.
}

PayoutReviewDialog::RowState PayoutReviewDialog::rowState(int row) const
{
    const QTreeWidgetItem *item = m_list->topLevelItem(row);
    return item ? RowState(item->data(ResultColumn, ResultRole).toInt()) : RowState::Pending;
}

QStringList PayoutReviewDialog::connectionsSentTo() const
{
    return m_sentTo;
}

void PayoutReviewDialog::reject()
{
    if (m_sending) {
        // A payout in flight is followed to its outcome; closing waits for it.
        m_closeRefused = true;
        m_progress->setText(m_progressText + u' '
                            + tr("(The dialog can be closed once every payout has its outcome.)"));
        return;
    }
    QDialog::reject();
}

void PayoutReviewDialog::closeEvent(QCloseEvent *event)
{
    if (m_sending) {
        event->ignore();
        reject(); // says why
        return;
    }
    QDialog::closeEvent(event);
}

} // namespace ConsignDesk
