#include "payouts/payoutsettings.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace ConsignDesk::Payouts {

namespace {

class Text
{
    Q_DECLARE_TR_FUNCTIONS(PayoutSettings)
};

void fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
}

} // namespace

std::optional<PayoutRules> PayoutSettings::rules(const QString &connectionId, QString *error) const
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT holding_days, tracking_start FROM payout_settings WHERE connection_id = ?"));
    query.addBindValue(connectionId);
    if (!query.exec()) {
        fail(error, query.lastError().text());
        return std::nullopt;
    }
    PayoutRules rules;
    if (query.next()) {
        rules.holdingDays = query.value(0).toInt();
        if (!query.value(1).isNull())
            rules.trackingStart = QDate::fromString(query.value(1).toString(), Qt::ISODate);
    }
    return rules;
}

bool PayoutSettings::setRules(const QString &connectionId, const PayoutRules &rules, QString *error)
{
    if (rules.holdingDays < 0) {
        fail(error, Text::tr("The holding time cannot be negative."));
        return false;
    }
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("INSERT INTO payout_settings (connection_id, holding_days, tracking_start) VALUES (?, ?, ?) "
                                 "ON CONFLICT (connection_id) DO UPDATE SET holding_days = excluded.holding_days, "
                                 "tracking_start = excluded.tracking_start"));
    query.addBindValue(connectionId);
    query.addBindValue(rules.holdingDays);
    query.addBindValue(rules.trackingStart.isValid() ? QVariant(rules.trackingStart.toString(Qt::ISODate))
                                                     : QVariant(QMetaType(QMetaType::QString)));
    if (!query.exec()) {
        fail(error, query.lastError().text());
        return false;
    }
    return true;
}

} // namespace ConsignDesk::Payouts
