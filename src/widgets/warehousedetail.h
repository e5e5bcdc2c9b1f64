#pragma once

#include "widgets/detailview.h"

#include <QSqlDatabase>

class QLabel;
class QSqlQuery;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace ConsignDesk {

/// @short A stock line of the warehouse in its logistic unit, as a tree:
/// unit -> product lines -> serial items, with available against on hand,
/// location and its type, batch, best-before, expiry (what expires within
/// 30 days highlighted) and dangerous goods; under it the consumables of the
/// unit's consignment. Activating another line opens it.
class WarehouseDetail : public DetailView {
    Q_OBJECT
public:
    explicit WarehouseDetail(QSqlDatabase db, QWidget *parent = nullptr);

    void showRecord(qint64 id) override;
    void reload() override;
    void clear() override;
    qint64 currentId() const override { return m_id; }

    enum Column { What, Quantity, Location, Batch, BestBefore, Expiry, DangerousGoods, ColumnCount };
    /// Rows expiring within this many days are highlighted.
    static constexpr int expiryWarningDays = 30;
    /// Item data role (column What) holding true on highlighted rows.
    static constexpr int ExpiringRole = Qt::UserRole + 1;
    /// Item data role (column What) holding a product line's stock_lines id.
    static constexpr int StockLineRole = Qt::UserRole + 2;

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyPalette();
    bool fill(qint64 id);
    void showMessage(const QString &text);
    QTreeWidgetItem *lineItem(const QSqlQuery &line, const QString &locationKind);
    void addSerials(QTreeWidgetItem *parent, const QString &connectionId, const QString &stockLineId);
    void fillConsumables(const QString &connectionId, const QString &consignmentId);
    void markExpiry(QTreeWidgetItem *item, const QString &expiry);

    QSqlDatabase m_db;
    qint64 m_id = 0;
    QStackedWidget *m_pages;
    QLabel *m_message;
    QLabel *m_title;
    QLabel *m_subtitle;
    QLabel *m_facts;
    QLabel *m_warning;
    QTreeWidget *m_tree;
    QLabel *m_consumablesTitle;
    QLabel *m_consumablesNote;
    QTreeWidget *m_consumables;
};

} // namespace ConsignDesk
