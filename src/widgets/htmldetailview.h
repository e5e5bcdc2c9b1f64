#pragma once

#include "widgets/detailformat.h"
#include "widgets/detailview.h"

#include <QSqlDatabase>

#include <optional>

class QSqlQuery;
class QTextBrowser;

namespace ConsignDesk {

/// @short A detail view drawn as HTML in a text browser: the record's fields,
/// its lines as tables and links to related records, which emit
/// openRequested instead of navigating. Redrawn when the palette changes.
class HtmlDetailView : public DetailView {
    Q_OBJECT
public:
    HtmlDetailView(QSqlDatabase db, const QString &accessibleName, QWidget *parent = nullptr);

    void showRecord(qint64 id) override;
    void reload() override;
    void clear() override;
    qint64 currentId() const override { return m_id; }

    QTextBrowser *browser() const { return m_browser; }

protected:
    /// Writes record @p id; false when it is not in the cache.
    virtual bool render(qint64 id, DetailFormat::Html &html) = 0;
    /// A link that is not a record's (the item view's image links).
    virtual void followLink(const QUrl &url) { Q_UNUSED(url) }
    /// An image or other resource the HTML refers to.
    virtual QVariant resource(const QUrl &url)
    {
        Q_UNUSED(url)
        return {};
    }
    /// Draws the shown record again, keeping the scroll position.
    void redraw();
    QSqlDatabase db() const { return m_db; }

    /// What every cached record has: its connection, its vendor id and currency.
    struct Record {
        QString connectionId;
        QString externalId;
        QString currency;
        DetailFormat::ConnectionInfo connection;
    };
    /// Runs @p sql (one value bound: @p id) in @p q and reads the record's
    /// row, which @p q stays on; nullopt when it is not in the cache.
    std::optional<Record> findRecord(QSqlQuery &q, const QString &sql, qint64 id);
    /// The count @p sql gives (two values bound: @p connectionId, @p externalId).
    qint64 countOf(const QString &sql, const QString &connectionId, const QString &externalId);
    void changeEvent(QEvent *event) override;

private:
    friend class DetailBrowser;
    QSqlDatabase m_db;
    qint64 m_id = 0;
    QTextBrowser *m_browser;
};

} // namespace ConsignDesk
