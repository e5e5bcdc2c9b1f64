#pragma once

#include "reports/tablesink.h"

#include <QDate>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace ConsignDesk::Reports {

/// What a report is asked for.
struct ReportParams {
    QDate from; ///< invalid: from the beginning
    QDate to;   ///< invalid: until today; inclusive
    QString connectionId; ///< empty: every connection
    QString groupBy;      ///< empty: the report's default
    QString consignorId;  ///< consignor-statement: the vendor's consignor id
    int days = 0;         ///< expiring, warehouse-stock expiring: within this many days (0: 30)
    QDateTime now = QDateTime::currentDateTimeUtc(); ///< for ages
};

/// @short A report: its name on the command line, its title, and how it may be grouped.
struct ReportInfo {
    QString name;
    QString title;
    QStringList groupings; ///< the first is the default; empty: no grouping
    bool usesPeriod = false;
    bool usesConsignor = false; ///< needs ReportParams::consignorId
    bool usesDays = false;      ///< takes ReportParams::days
};

/// sales-summary, inventory-valuation, aging, expiring, consignor-statement,
/// payouts-history, warehouse-stock, consumables.
const QList<ReportInfo> &reports();
const ReportInfo *findReport(const QString &name);

/// Runs @p name into @p sink (begin … finish), rows streamed from the cache,
/// with a totals row per currency; @p rows counts the rows written.
bool runReport(const QString &name, QSqlDatabase db, const ReportParams &params, TableSink &sink, QString *error,
               qint64 *rows = nullptr);

} // namespace ConsignDesk::Reports
