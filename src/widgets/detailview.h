#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QWidget>

class QNetworkAccessManager;

namespace ConsignDesk {

/// A record of the cache: its table ("items", "consignors", "sales",
/// "payouts", "stock_lines") and its row id (the table's `id` column).
struct RecordRef {
    QString table;
    qint64 id = 0;
    bool isValid() const { return !table.isEmpty() && id > 0; }
    bool operator==(const RecordRef &) const = default;
};

/// @short The detail panel beside a pane's table: every field of one record
/// and what belongs to it, read from the cache through the panes' own
/// connection (Workspace::reader()).
class DetailView : public QWidget
{
    Q_OBJECT
public:
    using QWidget::QWidget;

    /// Shows the record with row id @p id of this view's table; an id that
    /// is gone (deleted by a sync) shows a plain "no longer in the cache".
    virtual void showRecord(qint64 id) = 0;
    /// Re-reads the record shown (after a sync committed).
    virtual void reload() = 0;
    virtual void clear() = 0;
    virtual qint64 currentId() const = 0;

Q_SIGNALS:
    /// A link to another record was followed (an item's consignor, a sale's item, …).
    void openRequested(const ConsignDesk::RecordRef &record);
};

/// The detail view for @p table, or nullptr for a table without one.
/// @p network fetches item images (cached on disk below @p imageCacheDir).
DetailView *createDetailView(const QString &table, QSqlDatabase db, QNetworkAccessManager *network,
                             const QString &imageCacheDir, QWidget *parent = nullptr);

} // namespace ConsignDesk

Q_DECLARE_METATYPE(ConsignDesk::RecordRef)
