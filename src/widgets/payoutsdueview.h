#pragma once

#include "core/connection.h"
#include "payouts/proposals.h"
#include "widgets/payoutstab.h"

#include <QAbstractItemView>
#include <QAbstractTableModel>
#include <QHash>
#include <QSortFilterProxyModel>
#include <QSqlDatabase>

#include <algorithm>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTableView;
class QTreeWidget;

namespace ConsignDesk {

/// @short The proposals of ProposalBuilder::due, one row per consignor owed.
class ProposalModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { ConsignorColumn, ConnectionColumn, AmountColumn, OldestColumn, LinesColumn, ColumnCount };
    /// The raw value a column sorts by (amount in minor units, time in ms).
    static constexpr int SortRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;

    void setProposals(const QList<Payouts::Proposal> &proposals);
    const QList<Payouts::Proposal> &proposals() const { return m_proposals; }
    const Payouts::Proposal &proposal(int row) const { return m_proposals.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Payouts::Proposal> m_proposals;
};

/// @short The Due view's filters: a minimum amount (in each currency's major
/// unit), a connection, and text in the consignor's name or id.
class ProposalFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setMinimumMajor(double major);
    void setConnectionId(const QString &id);
    void setConsignorText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    double m_minimumMajor = 0;
    QString m_connectionId;
    QString m_text;
};

/// "$1,234.00 · £56.70": one amount per currency, never added across currencies.
QString totalsPerCurrency(const QList<Payouts::Proposal> &proposals);
/// The consignor's name, or their id when the cache has no name.
QString consignorText(const Payouts::Proposal &proposal);

/// Widens @p column of @p view (a table or tree) to what it holds plus @p padding; never narrows it.
template<typename View>
void fitColumn(View *view, int column, int padding)
{
    const int needed = static_cast<QAbstractItemView *>(view)->sizeHintForColumn(column) + padding;
    view->setColumnWidth(column, std::max(view->columnWidth(column), needed));
}

/// @short The Payouts pane's "Due" tab: who is owed what, with the lines
/// behind it, and "Approve…" for the selected consignors.
///
/// Proposals are read from the panes' connection to the cache; the review
/// dialog sends them through the window's PayoutService.
class PayoutsDueView : public PayoutsTab
{
    Q_OBJECT
public:
    PayoutsDueView(Sync::Workspace &workspace, Payouts::PayoutService *service, const QString &unavailable,
                   QWidget *parent = nullptr);
    ~PayoutsDueView() override;

    ProposalModel *model() const { return m_model; }
    ProposalFilter *filter() const { return m_filter; }
    QTableView *view() const { return m_view; }
    /// The selected proposals, in the order shown.
    QList<Payouts::Proposal> selectedProposals() const;
    /// Ctrl+F: the consignor search.
    void focusSearch();

public Q_SLOTS:
    /// Re-reads what is owed, keeping the selection where it still exists.
    void refresh() override;
    /// Opens the review of the selected proposals (Ctrl+Return).
    void approveSelected();

Q_SIGNALS:
    /// Payouts were sent to @p connectionNames (each at least tried).
    void payoutsSent(const QStringList &connectionNames);

protected:
    void shownAgain() override;

private:
    void reloadConnections();
    void updateSelection();
    void showLines();
    void saveSettings() const;
    void restoreSettings();

    QString m_connectionsError;
    QHash<QString, Connection> m_connections; ///< by id
    ProposalModel *m_model = nullptr;
    ProposalFilter *m_filter = nullptr;
    QDoubleSpinBox *m_minimum = nullptr;
    QComboBox *m_connection = nullptr;
    QLineEdit *m_search = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_linesTitle = nullptr;
    QTreeWidget *m_lines = nullptr;
    QSplitter *m_splitter = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_selection = nullptr;
    QPushButton *m_approve = nullptr;
    bool m_restoring = false;
};

} // namespace ConsignDesk
