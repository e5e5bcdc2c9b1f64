#include "widgets/payouthistoryview.h"

#include "core/currency.h"
#include "payouts/payoutservice.h"
#include "payouts/statement.h"
#include "reports/ledgercsv.h"
#include "store/database.h"
#include "sync/connectionservice.h"
#include "sync/workspace.h"
#include "widgets/detailformat.h"

#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ConsignDesk {

using Payouts::Intent;
using Payouts::IntentState;

namespace {

const QString settingsGroup = QStringLiteral("Payouts/History");

QString consignorText(const Intent &i)
{
    return i.consignorName.isEmpty() ? i.consignorId : i.consignorName;
}

QString localTime(const QDateTime &time)
{
    return time.isValid() ? DetailFormat::dateTime(time.toMSecsSinceEpoch()) : QString();
}

// A tree as a plain list with right-aligned money columns.
QTreeWidget *listView(const QString &objectName, const QString &accessibleName, QWidget *parent)
{
    auto *view = new QTreeWidget(parent);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setAllColumnsShowFocus(true);
    view->header()->setStretchLastSection(true);
    view->header()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return view;
}

} // namespace

PayoutHistoryView::PayoutHistoryView(Sync::Workspace &workspace, Payouts::Ledger *ledger,
                                     Payouts::PayoutService *service, const QString &unavailable, QWidget *parent)
    : PayoutsTab(workspace, service, unavailable, parent)
    , m_ledger(ledger)
{
    setObjectName(QStringLiteral("payoutHistoryView"));
    setAccessibleName(tr("Payout history"));
    const int chars = fontMetrics().averageCharWidth();

    auto *intro = new QLabel(tr("Every payout approved in ConsignDesk, newest first. Below: the store's own record of "
                                "the selected consignor's payouts, from the last sync."),
                             this);
    intro->setWordWrap(true);
    m_reconcile = new QPushButton(tr("&Reconcile"), this);
    m_reconcile->setObjectName(QStringLiteral("reconcileButton"));
    m_reconcile->setToolTip(tr("Ask the store whether a payout whose outcome is unknown was made"));
    m_export = new QPushButton(tr("E&xport CSV…"), this);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setToolTip(tr("Save the whole payout ledger as a CSV file"));
    m_statement = new QPushButton(tr("Save &Statement…"), this);
    m_statement->setObjectName(QStringLiteral("statementButton"));
    m_statement->setToolTip(tr("Save the consignor's statement of the selected payout as a PDF"));
    connect(m_statement, &QPushButton::clicked, this, &PayoutHistoryView::saveStatementWithDialog);
    connect(m_reconcile, &QPushButton::clicked, this, &PayoutHistoryView::reconcileCurrent);
    connect(m_export, &QPushButton::clicked, this, &PayoutHistoryView::exportWithDialog);
    auto *tools = new QHBoxLayout;
    tools->addWidget(intro, 1);
    tools->addWidget(m_reconcile);
    tools->addWidget(m_statement);
    tools->addWidget(m_export);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("historyMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setVisible(false);

    m_ledgerView = listView(QStringLiteral("ledgerView"), tr("Payout ledger"), this);
    m_ledgerView->setHeaderLabels({tr("Reference"), tr("Store"), tr("Consignor"), tr("Amount"), tr("State"),
                                   tr("Approved by"), tr("Approved"), tr("Store's reference"), tr("Detail")});
    m_ledgerView->headerItem()->setTextAlignment(AmountColumn, Qt::AlignRight | Qt::AlignVCenter);
    m_ledgerView->setColumnWidth(ReferenceColumn, chars * 19);
    m_ledgerView->setColumnWidth(ConnectionColumn, chars * 20);
    m_ledgerView->setColumnWidth(ConsignorColumn, chars * 24);
    m_ledgerView->setColumnWidth(AmountColumn, chars * 13);
    m_ledgerView->setColumnWidth(StateColumn, chars * 18);
    m_ledgerView->setColumnWidth(ApprovedByColumn, chars * 12);
    m_ledgerView->setColumnWidth(ApprovedAtColumn, chars * 20);
    m_ledgerView->setColumnWidth(VendorReferenceColumn, chars * 16);

    m_vendorTitle = new QLabel(this);
    m_vendorTitle->setObjectName(QStringLiteral("vendorPayoutsTitle"));
    m_vendorView = listView(QStringLiteral("vendorPayoutsView"), tr("The store's payouts to this consignor"), this);
    m_vendorView->setHeaderLabels({tr("Date"), tr("Amount"), tr("Reference"), tr("Lines"), tr("In the ledger as"),
                                   tr("Note")});
    m_vendorView->headerItem()->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    m_vendorView->headerItem()->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
    m_vendorView->setColumnWidth(0, chars * 20);
    m_vendorView->setColumnWidth(1, chars * 13);
    m_vendorView->setColumnWidth(2, chars * 20);
    m_vendorView->setColumnWidth(3, chars * 7);
    m_vendorView->setColumnWidth(4, chars * 19);
    m_splitter = splitAbove(m_ledgerView, m_vendorTitle, m_vendorView, QStringLiteral("historySplitter"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(tools);
    layout->addWidget(m_message);
    layout->addWidget(m_splitter, 1);

    setTabOrder(m_reconcile, m_statement);
    setTabOrder(m_statement, m_export);
    setTabOrder(m_export, m_ledgerView);
    setTabOrder(m_ledgerView, m_vendorView);

    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(0);
    connect(m_refreshTimer, &QTimer::timeout, this, &PayoutHistoryView::refresh);
    if (m_service)
        connect(m_service, &Payouts::PayoutService::intentChanged, m_refreshTimer, qOverload<>(&QTimer::start));
    connect(m_ledgerView, &QTreeWidget::currentItemChanged, this, [this] {
        showVendorPayouts();
        updateActions();
    });
    connect(m_splitter, &QSplitter::splitterMoved, this, &PayoutHistoryView::saveSettings);
    QSettings settings;
    settings.beginGroup(settingsGroup);
    m_splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    m_columnsSized = m_ledgerView->header()->restoreState(settings.value(QStringLiteral("columns")).toByteArray());
    connect(m_ledgerView->header(), &QHeaderView::sectionResized, this, &PayoutHistoryView::saveSettings);
    updateActions();
}

PayoutHistoryView::~PayoutHistoryView() = default;

void PayoutHistoryView::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(settingsGroup);
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("columns"), m_ledgerView->header()->saveState());
}

void PayoutHistoryView::setMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    m_message->setAutoFillBackground(problem);
    m_message->setForegroundRole(problem ? QPalette::BrightText : QPalette::WindowText);
    m_message->setBackgroundRole(problem ? QPalette::Highlight : QPalette::Window);
    m_message->setMargin(problem ? 4 : 0);
}

void PayoutHistoryView::refresh()
{
    if (!readNow())
        return;
    const QTreeWidgetItem *was = m_ledgerView->currentItem();
    const qint64 currentId = was ? was->data(0, IntentIdRole).toLongLong() : 0;
    m_intents = m_ledger ? m_ledger->history() : QList<Intent>();
    if (!m_ledger)
        setMessage(m_unavailable, true);

    m_ledgerView->clear();
    QList<QTreeWidgetItem *> items;
    QTreeWidgetItem *current = nullptr;
    int open = 0;
    for (const Intent &i : std::as_const(m_intents)) {
        auto *item = new QTreeWidgetItem;
        item->setData(0, IntentIdRole, i.id);
        item->setText(ReferenceColumn, i.reference);
        item->setText(ConnectionColumn, i.connectionName);
        item->setText(ConsignorColumn, consignorText(i));
        item->setToolTip(ConsignorColumn, tr("%1 (id %2)").arg(consignorText(i), i.consignorId));
        item->setText(AmountColumn, Currency::format(i.amountMinor, i.currency));
        item->setTextAlignment(AmountColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(StateColumn, Payouts::describeState(i.state));
        item->setText(ApprovedByColumn, i.approvedBy);
        item->setText(ApprovedAtColumn, localTime(i.approvedAt));
        item->setText(VendorReferenceColumn, i.vendorReference.isEmpty() ? i.vendorPayoutId : i.vendorReference);
        item->setText(DetailColumn, i.detail);
        item->setToolTip(DetailColumn, i.detail);
        if (Payouts::isOpen(i.state)) {
            ++open;
            for (int column = 0; column < ColumnCount; ++column)
                item->setForeground(column, DetailFormat::warningColor(palette()));
            item->setToolTip(StateColumn, tr("Whether the store has this payout is not known yet: reconcile it"));
        } else if (i.state == IntentState::Rejected || i.state == IntentState::Absent) {
            item->setForeground(StateColumn, DetailFormat::warningColor(palette()));
        }
        if (i.id == currentId)
            current = item;
        items.append(item);
    }
    m_ledgerView->addTopLevelItems(items);
    // Columns as wide as what they hold, once; after that the manager's widths stay.
    if (!m_columnsSized && !items.isEmpty()) {
        m_columnsSized = true;
        for (int column = 0; column < DetailColumn; ++column) {
            m_ledgerView->resizeColumnToContents(column);
            m_ledgerView->setColumnWidth(column, m_ledgerView->columnWidth(column) + 12);
        }
    }
    if (!current && !items.isEmpty())
        current = items.constFirst();
    if (current)
        m_ledgerView->setCurrentItem(current);
    showVendorPayouts();
    updateActions();

    QString status = tr("History: %1 in the ledger").arg(DetailFormat::count(m_intents.size()));
    if (open > 0)
        status += QStringLiteral(" · ") + tr("outcome unknown: %1").arg(DetailFormat::count(open));
    setStatus(status);
}

std::optional<Intent> PayoutHistoryView::currentIntent() const
{
    const QTreeWidgetItem *item = m_ledgerView->currentItem();
    if (!item)
        return std::nullopt;
    const qint64 id = item->data(0, IntentIdRole).toLongLong();
    for (const Intent &i : m_intents) {
        if (i.id == id)
            return i;
    }
    return std::nullopt;
}

void PayoutHistoryView::showVendorPayouts()
{
    m_vendorView->clear();
    const std::optional<Intent> intent = currentIntent();
    if (!intent) {
        m_vendorTitle->setText(tr("The store's payouts: select a payout in the ledger"));
        return;
    }
    QSqlQuery q(m_workspace.reader().sql());
    // Consignify's payouts are records of their own; ConsignCloud's are balance entries of type payout.
    q.prepare(QStringLiteral(
        "SELECT p.date, p.amount_minor, p.currency, p.reference, p.note, p.external_id, "
        "(SELECT count(*) FROM payout_lines l WHERE l.connection_id = p.connection_id AND l.payout_id = p.external_id) "
        "FROM payouts p WHERE p.connection_id = :c1 AND p.consignor_id = :a1 AND p.deleted IS NULL "
        "UNION ALL "
        "SELECT e.created, abs(e.amount_minor), e.currency, e.payout_reference, e.description, e.external_id, NULL "
        "FROM balance_entries e WHERE e.connection_id = :c2 AND e.consignor_id = :a2 AND e.type = 'payout' "
        "AND e.deleted IS NULL "
        "ORDER BY 1 DESC LIMIT 500"));
    q.bindValue(QStringLiteral(":c1"), intent->connectionId);
    q.bindValue(QStringLiteral(":a1"), intent->consignorId);
    q.bindValue(QStringLiteral(":c2"), intent->connectionId);
    q.bindValue(QStringLiteral(":a2"), intent->consignorId);
    if (!DetailFormat::run(q)) {
        m_vendorTitle->setText(tr("The store's payouts could not be read from the cache"));
        return;
    }
    // The ledger's references, to say which of the store's payouts each intent became.
    QHash<QString, QString> ledgerRefs; // vendor payout id or our reference -> our reference
    for (const Intent &i : std::as_const(m_intents)) {
        if (i.connectionId != intent->connectionId || i.consignorId != intent->consignorId)
            continue;
        ledgerRefs.insert(i.reference, i.reference);
        if (!i.vendorPayoutId.isEmpty())
            ledgerRefs.insert(i.vendorPayoutId, i.reference);
    }
    QList<QTreeWidgetItem *> items;
    QFont bold = m_vendorView->font();
    bold.setBold(true);
    while (q.next()) {
        const QString currency = q.value(2).toString();
        const QString reference = q.value(3).toString();
        const QString note = q.value(4).toString();
        const QString externalId = q.value(5).toString();
        QString ours = ledgerRefs.value(externalId, ledgerRefs.value(reference));
        if (ours.isEmpty()) {
            for (auto it = ledgerRefs.cbegin(); it != ledgerRefs.cend() && ours.isEmpty(); ++it) {
                if (it.key() == it.value() && note.contains(it.key()))
                    ours = it.value();
            }
        }
        auto *item = new QTreeWidgetItem;
        item->setText(0, DetailFormat::dateTime(q.value(0)));
        item->setText(1, Currency::format(q.value(1).toLongLong(), currency));
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(2, reference.isEmpty() ? externalId : reference);
        item->setText(3, q.value(6).isNull() ? QString() : DetailFormat::count(q.value(6).toLongLong()));
        item->setTextAlignment(3, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(4, ours);
        item->setText(5, note);
        item->setToolTip(5, note);
        if (!ours.isEmpty() && ours == intent->reference) {
            for (int column = 0; column < 6; ++column)
                item->setFont(column, bold);
        }
        items.append(item);
    }
    m_vendorView->addTopLevelItems(items);
    for (int column = 0; column < 5; ++column) {
        m_vendorView->resizeColumnToContents(column);
        m_vendorView->setColumnWidth(column, m_vendorView->columnWidth(column) + 12);
    }
    const QString who = consignorText(*intent);
    if (items.isEmpty())
        m_vendorTitle->setText(tr("%1 at %2: the cache has no payouts from the store (sync to see new ones)")
                                   .arg(who, intent->connectionName));
    else
        m_vendorTitle->setText(tr("Payouts to %1 that %2 has, as of the last sync: %3")
                                   .arg(who, intent->connectionName, DetailFormat::count(items.size())));
}

void PayoutHistoryView::updateActions()
{
    const std::optional<Intent> intent = currentIntent();
    m_reconcile->setEnabled(intent && Payouts::isOpen(intent->state) && m_service && !m_service->isBusy()
                            && !m_reconciling);
    m_export->setEnabled(m_ledger != nullptr);
    m_statement->setEnabled(intent.has_value());
}

bool PayoutHistoryView::saveStatement(const QString &path, QString *error) const
{
    const std::optional<Intent> intent = currentIntent();
    if (!intent) {
        *error = tr("no payout is selected");
        return false;
    }
    const auto statement = Payouts::statementForIntent(m_workspace.reader().sql(), *intent, error);
    return statement && Payouts::writeStatementPdf({*statement}, path, error);
}

QString PayoutHistoryView::askSavePath(const QString &caption, const QString &fileName, const QString &filter)
{
    QSettings settings;
    settings.beginGroup(settingsGroup);
    QString dir = settings.value(QStringLiteral("exportDir")).toString();
    if (dir.isEmpty() || !QFileInfo(dir).isDir())
        dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, caption, QDir(dir).filePath(fileName), filter);
    if (!path.isEmpty())
        settings.setValue(QStringLiteral("exportDir"), QFileInfo(path).absolutePath());
    return path;
}

void PayoutHistoryView::saveStatementWithDialog()
{
    const std::optional<Intent> intent = currentIntent();
    if (!intent)
        return;
    const QString path = askSavePath(tr("Save the Consignor's Statement"),
                                     QStringLiteral("statement-%1.pdf").arg(intent->reference), tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (saveStatement(path, &error))
        setMessage(tr("The statement of %1 was saved to %2.").arg(intent->reference, QDir::toNativeSeparators(path)), false);
    else
        setMessage(tr("The statement could not be saved to %1: %2").arg(QDir::toNativeSeparators(path), error), true);
}

void PayoutHistoryView::reconcileCurrent()
{
    const std::optional<Intent> intent = currentIntent();
    if (!intent || !Payouts::isOpen(intent->state) || !m_service || m_reconciling)
        return;
    QString error;
    std::optional<Connection> connection;
    for (const Connection &c : m_workspace.connections().list(&error).value_or(QList<Connection>())) {
        if (c.id == intent->connectionId)
            connection = c;
    }
    if (!connection) {
        setMessage(error.isEmpty() ? tr("%1 cannot be reconciled: the store %2 is no longer connected")
                                         .arg(intent->reference, intent->connectionName)
                                   : tr("%1 cannot be reconciled: %2").arg(intent->reference, error),
                   true);
        return;
    }
    m_reconciling = true;
    updateActions();
    setMessage(tr("Asking %1 about %2…").arg(connection->name, intent->reference), false);
    QPointer<PayoutHistoryView> self(this);
    const QString name = connection->name;
    const QString reference = intent->reference;
    m_service->reconcile(*connection, *intent, [self, name, reference](const Payouts::PayoutService::Result &result) {
        if (!self)
            return;
        self->m_reconciling = false;
        const QString state = result.intent ? Payouts::describeState(result.intent->state) : QString();
        const bool settled = result.intent && !Payouts::isOpen(result.intent->state);
        self->setMessage(settled ? tr("%1: %2 — %3").arg(reference, state, result.message)
                                 : tr("%1 is still unsettled: %2").arg(reference, result.message),
                         !settled);
        self->refresh();
        if (settled)
            Q_EMIT self->reconciled(name);
    });
}

bool PayoutHistoryView::exportCsv(const QString &path, QString *error) const
{
    if (!m_ledger) {
        *error = m_unavailable;
        return false;
    }
    return Reports::writeLedgerCsv(m_ledger->history(), path, error);
}

void PayoutHistoryView::exportWithDialog()
{
    const QString path = askSavePath(tr("Export the Payout Ledger"),
                                     QStringLiteral("payout-ledger-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)),
                                     tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (exportCsv(path, &error))
        setMessage(tr("The ledger was saved to %1.").arg(QDir::toNativeSeparators(path)), false);
    else
        setMessage(tr("The ledger could not be saved to %1: %2").arg(QDir::toNativeSeparators(path), error), true);
}

} // namespace ConsignDesk
