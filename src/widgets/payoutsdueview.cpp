#include "widgets/payoutsdueview.h"

#include "core/currency.h"
#include "core/vendor.h"
#include "payouts/payoutservice.h"
#include "store/database.h"
#include "sync/connectionservice.h"
#include "sync/workspace.h"
#include "widgets/detailformat.h"
#include "widgets/payoutreviewdialog.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <cmath>

namespace ConsignDesk {

using Payouts::Proposal;

namespace {

const QString settingsGroup = QStringLiteral("Payouts/Due");

qint64 pow10(int digits)
{
    qint64 p = 1;
    for (int i = 0; i < digits; ++i)
        p *= 10;
    return p;
}

QString proposalKey(const Proposal &p)
{
    return p.connectionId + u'\n' + p.consignorId;
}

} // namespace

// ---------------------------------------------------------------- model

void ProposalModel::setProposals(const QList<Proposal> &proposals)
{
    beginResetModel();
    m_proposals = proposals;
    endResetModel();
}

int ProposalModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_proposals.size());
}

int ProposalModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProposalModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Proposal &p = m_proposals.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ConsignorColumn:
            return consignorText(p);
        case ConnectionColumn:
            return p.connectionName;
        case AmountColumn:
            return Currency::format(p.amountMinor, p.currency);
        case OldestColumn:
            return p.oldestUnpaid.isValid() ? DetailFormat::dateOf(p.oldestUnpaid.toMSecsSinceEpoch()) : QString();
        case LinesColumn:
            return DetailFormat::count(p.lines.size());
        }
        break;
    case SortRole:
        switch (index.column()) {
        case ConsignorColumn:
            return consignorText(p).toLower();
        case ConnectionColumn:
            return p.connectionName.toLower();
        case AmountColumn:
            return p.amountMinor;
        case OldestColumn:
            return p.oldestUnpaid.isValid() ? p.oldestUnpaid.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
        case LinesColumn:
            return qint64(p.lines.size());
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == AmountColumn || index.column() == LinesColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        if (index.column() == ConsignorColumn)
            return tr("%1 (id %2 at %3)").arg(consignorText(p), p.consignorId, p.connectionName);
        if (index.column() == OldestColumn && p.oldestUnpaid.isValid())
            return tr("The oldest unpaid line: %1").arg(DetailFormat::dateTime(p.oldestUnpaid.toMSecsSinceEpoch()));
        break;
    default:
        break;
    }
    return {};
}

QVariant ProposalModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::TextAlignmentRole && (section == AmountColumn || section == LinesColumn))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ConsignorColumn:
        return tr("Consignor");
    case ConnectionColumn:
        return tr("Store");
    case AmountColumn:
        return tr("Owed");
    case OldestColumn:
        return tr("Oldest unpaid sale");
    case LinesColumn:
        return tr("Lines");
    }
    return {};
}

// ---------------------------------------------------------------- filter

void ProposalFilter::setMinimumMajor(double major)
{
    m_minimumMajor = major;
    invalidateFilter();
}

void ProposalFilter::setConnectionId(const QString &id)
{
    m_connectionId = id;
    invalidateFilter();
}

void ProposalFilter::setConsignorText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

bool ProposalFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    Q_UNUSED(sourceParent);
    const auto *model = qobject_cast<const ProposalModel *>(sourceModel());
    if (!model || sourceRow >= model->rowCount())
        return false;
    const Proposal &p = model->proposal(sourceRow);
    if (!m_connectionId.isEmpty() && p.connectionId != m_connectionId)
        return false;
    if (m_minimumMajor > 0) {
        const int digits = Currency::minorDigits(p.currency).value_or(2);
        const qint64 minimum = std::llround(m_minimumMajor * double(pow10(digits)));
        if (p.amountMinor < minimum)
            return false;
    }
    if (!m_text.isEmpty() && !p.consignorName.contains(m_text, Qt::CaseInsensitive)
        && !p.consignorId.contains(m_text, Qt::CaseInsensitive))
        return false;
    return true;
}

QString consignorText(const Proposal &proposal)
{
    return proposal.consignorName.isEmpty() ? proposal.consignorId : proposal.consignorName;
}

QString totalsPerCurrency(const QList<Proposal> &proposals)
{
    QMap<QString, qint64> totals; // sorted by code: the same order every time
    for (const Proposal &p : proposals)
        totals[p.currency] += p.amountMinor;
    QStringList parts;
    for (auto it = totals.cbegin(); it != totals.cend(); ++it)
        parts.append(Currency::format(it.value(), it.key()));
    return parts.join(QStringLiteral(" · "));
}

// ---------------------------------------------------------------- view

PayoutsDueView::PayoutsDueView(Sync::Workspace &workspace, Payouts::PayoutService *service, const QString &unavailable,
                               QWidget *parent)
    : PayoutsTab(workspace, service, unavailable, parent)
{
    setObjectName(QStringLiteral("payoutsDueView"));
    setAccessibleName(tr("Payouts due"));
    m_model = new ProposalModel(this);
    m_filter = new ProposalFilter(this);
    m_filter->setSourceModel(m_model);
    m_filter->setSortRole(ProposalModel::SortRole);

    // The filter row.
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("consignorSearch"));
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(tr("Search consignors by name or id"));
    m_search->setAccessibleName(tr("Search consignors"));
    m_connection = new QComboBox(this);
    m_connection->setObjectName(QStringLiteral("connectionFilter"));
    m_connection->setAccessibleName(tr("Store"));
    m_connection->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_minimum = new QDoubleSpinBox(this);
    m_minimum->setObjectName(QStringLiteral("minimumAmount"));
    m_minimum->setAccessibleName(tr("Minimum amount owed"));
    m_minimum->setToolTip(tr("Only consignors owed at least this much, in their store's currency"));
    m_minimum->setDecimals(2);
    m_minimum->setRange(0, 1e9);
    m_minimum->setSingleStep(10);
    m_minimum->setSpecialValueText(tr("any amount"));
    m_minimum->setGroupSeparatorShown(true);
    m_minimum->setKeyboardTracking(false);
    auto *connectionLabel = new QLabel(tr("S&tore:"), this);
    connectionLabel->setBuddy(m_connection);
    auto *minimumLabel = new QLabel(tr("Owed at &least:"), this);
    minimumLabel->setBuddy(m_minimum);
    auto *refreshButton = new QToolButton(this);
    refreshButton->setObjectName(QStringLiteral("refreshButton"));
    auto *refreshAction = new QAction(tr("&Refresh"), this);
    refreshAction->setObjectName(QStringLiteral("refreshDueAction"));
    refreshAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    refreshAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    refreshAction->setToolTip(tr("Read again what is owed, from the cache (%1)")
                                  .arg(refreshAction->shortcut().toString(QKeySequence::NativeText)));
    addAction(refreshAction);
    refreshButton->setDefaultAction(refreshAction);
    refreshButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(refreshAction, &QAction::triggered, this, &PayoutsDueView::refresh);

    auto *tools = new QHBoxLayout;
    tools->addWidget(m_search, 1);
    tools->addSpacing(12);
    tools->addWidget(connectionLabel);
    tools->addWidget(m_connection);
    tools->addSpacing(12);
    tools->addWidget(minimumLabel);
    tools->addWidget(m_minimum);
    tools->addSpacing(12);
    tools->addWidget(refreshButton);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("dueMessage"));
    m_message->setWordWrap(true);
    m_message->setVisible(false);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setForegroundRole(QPalette::BrightText);
    m_message->setAutoFillBackground(true);
    m_message->setBackgroundRole(QPalette::Highlight);
    m_message->setMargin(4);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("dueTable"));
    m_view->setAccessibleName(tr("Consignors owed"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->setVisible(false);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    // The name takes the room; the figures keep theirs, at the width of what they hold.
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(ProposalModel::ConsignorColumn, QHeaderView::Stretch);
    m_view->sortByColumn(ProposalModel::ConnectionColumn, Qt::AscendingOrder);
    const int chars = m_view->fontMetrics().averageCharWidth();
    m_view->setColumnWidth(ProposalModel::ConnectionColumn, chars * 24);
    m_view->setColumnWidth(ProposalModel::AmountColumn, chars * 16);
    m_view->setColumnWidth(ProposalModel::OldestColumn, chars * 20);
    m_view->setColumnWidth(ProposalModel::LinesColumn, chars * 9);

    m_linesTitle = new QLabel(tr("Lines"), this);
    m_linesTitle->setObjectName(QStringLiteral("linesTitle"));
    m_lines = new QTreeWidget(this);
    m_lines->setObjectName(QStringLiteral("dueLines"));
    m_lines->setAccessibleName(tr("Lines behind the amount owed"));
    m_lines->setRootIsDecorated(false);
    m_lines->setUniformRowHeights(true);
    m_lines->setAlternatingRowColors(true);
    m_lines->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_lines->setHeaderLabels({tr("Title"), tr("Date"), tr("Qty"), tr("Price"), tr("Share"), tr("Amount")});
    for (int column = 2; column < 6; ++column)
        m_lines->headerItem()->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    m_lines->header()->setStretchLastSection(false);
    m_lines->header()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_lines->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_lines->setColumnWidth(1, chars * 16);
    m_lines->setColumnWidth(2, chars * 7);
    for (int column = 3; column < 6; ++column)
        m_lines->setColumnWidth(column, chars * 14);
    m_splitter = splitAbove(m_view, m_linesTitle, m_lines, QStringLiteral("dueSplitter"));

    m_selection = new QLabel(this);
    m_selection->setObjectName(QStringLiteral("dueSelection"));
    m_selection->setAccessibleName(tr("Selected payouts"));
    m_selection->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_approve = new QPushButton(tr("&Approve…"), this);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    auto *approveAction = new QAction(tr("Approve…"), this);
    approveAction->setObjectName(QStringLiteral("approveAction"));
    approveAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)});
    approveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(approveAction);
    m_approve->setToolTip(tr("Review the selected payouts before anything is sent (%1)")
                              .arg(approveAction->shortcut().toString(QKeySequence::NativeText)));
    connect(approveAction, &QAction::triggered, this, &PayoutsDueView::approveSelected);
    connect(m_approve, &QPushButton::clicked, this, &PayoutsDueView::approveSelected);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_selection, 1);
    bottom->addWidget(m_approve);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(tools);
    layout->addWidget(m_message);
    layout->addWidget(m_splitter, 1);
    layout->addLayout(bottom);

    setTabOrder(m_search, m_connection);
    setTabOrder(m_connection, m_minimum);
    setTabOrder(m_minimum, refreshButton);
    setTabOrder(refreshButton, m_view);
    setTabOrder(m_view, m_lines);
    setTabOrder(m_lines, m_approve);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setConsignorText(text);
        updateSelection();
    });
    connect(m_connection, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setConnectionId(m_connection->currentData().toString());
        updateSelection();
        saveSettings();
    });
    connect(m_minimum, &QDoubleSpinBox::valueChanged, this, [this](double value) {
        m_filter->setMinimumMajor(value);
        updateSelection();
        saveSettings();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PayoutsDueView::updateSelection);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PayoutsDueView::showLines);
    connect(m_splitter, &QSplitter::splitterMoved, this, &PayoutsDueView::saveSettings);
    connect(m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, &PayoutsDueView::saveSettings);
    if (m_service)
        connect(m_service, &Payouts::PayoutService::intentChanged, this, &PayoutsDueView::updateSelection);

    reloadConnections();
    restoreSettings();
    connect(&m_workspace, &Sync::Workspace::connectionsChanged, this, [this] {
        reloadConnections();
        refresh();
    });
    updateSelection();
}

PayoutsDueView::~PayoutsDueView() = default;

void PayoutsDueView::reloadConnections()
{
    QString error;
    const auto list = m_workspace.connections().list(&error);
    m_connections.clear();
    const QString current = m_connection->currentData().toString();
    QSignalBlocker block(m_connection);
    m_connection->clear();
    m_connection->addItem(tr("All stores"), QString());
    for (const Connection &c : list.value_or(QList<Connection>())) {
        if (!Payouts::supportsPayouts(c.vendor))
            continue;
        m_connections.insert(c.id, c);
        m_connection->addItem(c.name, c.id);
    }
    m_connection->setCurrentIndex(std::max(0, m_connection->findData(current)));
    m_filter->setConnectionId(m_connection->currentData().toString());
    m_connectionsError = list ? QString() : tr("The connections could not be read: %1").arg(error);
}

void PayoutsDueView::shownAgain()
{
    updateSelection(); // a reconciliation elsewhere may have ended
}

void PayoutsDueView::refresh()
{
    if (!readNow())
        return;
    // Keep what was selected (and the current row) by connection and consignor.
    QSet<QString> selected;
    for (const Proposal &p : selectedProposals())
        selected.insert(proposalKey(p));
    const QModelIndex current = m_view->currentIndex();
    const int currentColumn = current.isValid() ? current.column() : 0;
    const QString currentKey = current.isValid()
        ? proposalKey(m_model->proposal(m_filter->mapToSource(current).row()))
        : QString();

    QString error;
    const QList<Proposal> proposals = Payouts::ProposalBuilder(m_workspace.reader().sql()).due({}, 1, &error);
    m_model->setProposals(proposals);
    QStringList problems;
    if (!error.isEmpty())
        problems.append(tr("What is owed could not be read: %1").arg(error));
    if (!m_connectionsError.isEmpty())
        problems.append(m_connectionsError);
    if (!m_unavailable.isEmpty())
        problems.append(m_unavailable);
    m_message->setText(problems.join(u'\n'));
    m_message->setVisible(!problems.isEmpty());

    QItemSelection selection;
    for (int row = 0; row < m_filter->rowCount(); ++row) {
        const QString key = proposalKey(m_model->proposal(m_filter->mapToSource(m_filter->index(row, 0)).row()));
        if (selected.contains(key))
            selection.select(m_filter->index(row, 0), m_filter->index(row, ProposalModel::ColumnCount - 1));
        if (key == currentKey)
            m_view->selectionModel()->setCurrentIndex(m_filter->index(row, currentColumn), QItemSelectionModel::NoUpdate);
    }
    m_view->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    for (const int column : {ProposalModel::ConnectionColumn, ProposalModel::AmountColumn, ProposalModel::OldestColumn})
        fitColumn(m_view, column, 8);
    showLines();
    updateSelection();
}

QList<Proposal> PayoutsDueView::selectedProposals() const
{
    QModelIndexList rows = m_view->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QList<Proposal> out;
    for (const QModelIndex &index : std::as_const(rows))
        out.append(m_model->proposal(m_filter->mapToSource(index).row()));
    return out;
}

void PayoutsDueView::updateSelection()
{
    const QList<Proposal> selected = selectedProposals();
    const int shown = m_filter->rowCount();
    const QString rows = m_model->rowCount() == shown
        ? tr("Consignors owed: %1").arg(DetailFormat::count(shown))
        : tr("Consignors owed: %1 of %2").arg(DetailFormat::count(shown), DetailFormat::count(m_model->rowCount()));
    QString selection;
    if (!selected.isEmpty())
        selection = tr("%1 selected: %2").arg(DetailFormat::count(selected.size()), totalsPerCurrency(selected));
    m_selection->setText(selected.isEmpty() ? tr("Select the consignors to pay (Shift or Ctrl for more than one)")
                                            : selection);
    m_approve->setEnabled(!selected.isEmpty() && m_service && m_unavailable.isEmpty() && !m_service->isBusy());
    setStatus(selection.isEmpty() ? rows : rows + QStringLiteral(" · ") + selection);
}

void PayoutsDueView::showLines()
{
    m_lines->clear();
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_linesTitle->setText(tr("Lines: select a consignor to see what makes up the amount owed"));
        return;
    }
    const Proposal &p = m_model->proposal(m_filter->mapToSource(current).row());
    m_linesTitle->setText(tr("Lines of %1 at %2: %3").arg(consignorText(p), p.connectionName,
                                                         Currency::format(p.amountMinor, p.currency)));
    QList<QTreeWidgetItem *> items;
    for (const Payouts::ProposalLine &line : p.lines) {
        auto *item = new QTreeWidgetItem;
        item->setText(0, line.title.isEmpty() ? line.externalId : line.title);
        item->setToolTip(0, item->text(0));
        item->setText(1, line.date.isValid() ? DetailFormat::dateOf(line.date.toMSecsSinceEpoch()) : QString());
        item->setText(2, line.quantity ? DetailFormat::count(line.quantity) : QString());
        item->setText(3, line.unitPriceMinor ? Currency::format(line.unitPriceMinor, p.currency) : QString());
        item->setText(4, line.splitBp ? DetailFormat::share(*line.splitBp) : QString());
        item->setText(5, Currency::format(line.amountMinor, p.currency));
        for (int column = 2; column < 6; ++column)
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        items.append(item);
    }
    m_lines->addTopLevelItems(items);
    // ConsignCloud's balance entries carry no split: no empty column for it.
    const bool splits = std::any_of(p.lines.cbegin(), p.lines.cend(),
                                    [](const Payouts::ProposalLine &line) { return line.splitBp.has_value(); });
    m_lines->setColumnHidden(4, !splits);
    for (int column = 1; column < 6; ++column)
        fitColumn(m_lines, column, 12);
}

void PayoutsDueView::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void PayoutsDueView::approveSelected()
{
    const QList<Proposal> proposals = selectedProposals();
    if (proposals.isEmpty() || !m_service || m_service->isBusy() || !m_unavailable.isEmpty())
        return;
    PayoutReviewDialog dialog(proposals, m_connections, *m_service, this);
    dialog.exec();
    const QStringList tried = dialog.connectionsSentTo();
    if (!tried.isEmpty()) {
        refresh();
        Q_EMIT payoutsSent(tried);
    }
}

void PayoutsDueView::saveSettings() const
{
    if (m_restoring)
        return;
    QSettings settings;
    settings.beginGroup(settingsGroup);
    settings.setValue(QStringLiteral("minimum"), m_minimum->value());
    settings.setValue(QStringLiteral("connection"), m_connection->currentData().toString());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("sortColumn"), m_view->horizontalHeader()->sortIndicatorSection());
    settings.setValue(QStringLiteral("sortOrder"), int(m_view->horizontalHeader()->sortIndicatorOrder()));
}

void PayoutsDueView::restoreSettings()
{
    m_restoring = true;
    QSettings settings;
    settings.beginGroup(settingsGroup);
    m_minimum->setValue(settings.value(QStringLiteral("minimum"), 0.0).toDouble());
    if (const int index = m_connection->findData(settings.value(QStringLiteral("connection")).toString()); index > 0)
        m_connection->setCurrentIndex(index);
    m_splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    const int column = settings.value(QStringLiteral("sortColumn"), int(ProposalModel::ConnectionColumn)).toInt();
    if (column >= 0 && column < ProposalModel::ColumnCount)
        m_view->sortByColumn(column, Qt::SortOrder(settings.value(QStringLiteral("sortOrder"), 0).toInt()));
    m_restoring = false;
}

} // namespace ConsignDesk
