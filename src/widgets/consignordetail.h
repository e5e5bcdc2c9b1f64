#pragma once

#include "widgets/htmldetailview.h"

namespace ConsignDesk {

/// @short A consignor: contact, split, balance, their items, sales and
/// payouts (the newest of each, with the counts), their balance entries, and
/// the same person's records on other connections, matched by email.
class ConsignorDetail : public HtmlDetailView {
    Q_OBJECT
public:
    explicit ConsignorDetail(QSqlDatabase db, QWidget *parent = nullptr);

    /// How many rows each list shows at most (the newest).
    static constexpr int listLimit = 50;

protected:
    bool render(qint64 id, DetailFormat::Html &html) override;
    void followLink(const QUrl &url) override;

private:
    void renderSamePerson(qint64 id, const QString &connectionId, const QString &email, DetailFormat::Html &html);
    void renderItems(const QString &connectionId, const QString &externalId, qint64 total, DetailFormat::Html &html);
    void renderSales(const QString &connectionId, const QString &externalId, qint64 total, DetailFormat::Html &html);
    void renderPayouts(const QString &connectionId, const QString &externalId, qint64 total, DetailFormat::Html &html);
    void renderBalance(const QString &connectionId, const QString &externalId, DetailFormat::Html &html);
};

} // namespace ConsignDesk
