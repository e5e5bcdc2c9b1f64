#include "vendors/consignly/consignlyconnector.h"

#include "net/accesstoken.h"
#include "vendors/consignly/consignlymappers.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QUrlQuery>

namespace ConsignDesk::Vendors {

namespace Consignly {

std::optional<Cursor> parseCursor(const QString &text)
{
    Cursor cursor;
    if (text.isEmpty())
        return cursor;
    const QStringList parts = text.split(u':');
    if (parts.size() < 2 || parts.size() % 2 != 0)
        return std::nullopt;
    bool sawPage = false;
    for (qsizetype i = 0; i < parts.size(); i += 2) {
        const QString &key = parts.at(i);
        const QString &value = parts.at(i + 1);
        bool ok = true;
        if (key == QLatin1String("p")) {
            cursor.page = value.toLongLong(&ok);
            ok = ok && cursor.page >= 1;
            sawPage = true;
        } else if (key == QLatin1String("t")) {
            cursor.firstTotal = value.toLongLong(&ok);
            ok = ok && cursor.firstTotal >= 0;
        } else if (key == QLatin1String("l")) {
            cursor.lastId = value;
        } else {
            ok = false;
        }
        if (!ok)
            return std::nullopt;
    }
    if (!sawPage)
        return std::nullopt;
    return cursor;
}

QString formatCursor(const Cursor &cursor)
{
    QString text = QStringLiteral("p:%1").arg(cursor.page);
    if (cursor.firstTotal >= 0)
        text += QStringLiteral(":t:%1").arg(cursor.firstTotal);
    if (!cursor.lastId.isEmpty() && !cursor.lastId.contains(u':'))
        text += QStringLiteral(":l:") + cursor.lastId;
    return text;
}

} // namespace Consignly

namespace {

using namespace Consignly;
using Records::RecordBatch;

const QString inventoryResource = QStringLiteral("inventory");
const QString consumablesResource = QStringLiteral("consumables");
constexpr qint64 pageSize = 500; // Consignly's maximum

/// What became of one request.
struct Outcome {
    bool ok = false;
    bool cancelled = false;
    QString error;
    Net::HttpResult result;
};

/// One page of a page-index list, checked.
struct ListPage {
    Envelope envelope;
    QString nextCursor; ///< empty: the last page
};

using RowId = std::function<QString(const QJsonValue &)>;

QString inventoryRowId(const QJsonValue &row)
{
    return row.toObject().value(QStringLiteral("logisticUnit")).toObject().value(QStringLiteral("warehouseLogisticUnitId")).toString();
}

RowId fieldId(const QString &key)
{
    return [key](const QJsonValue &row) { return row.toObject().value(key).toString(); };
}

class ConsignlyConnector : public Connector
{
public:
    ConsignlyConnector(const Connection &connection, Net::HttpClient &http, SecretSource secret)
        : Connector(connection, http, std::move(secret))
    {
        auto secretAdapter = [self = QPointer<ConsignlyConnector>(this)](Net::TokenSource::TokenCallback give) {
            if (!self) {
                give({}, {});
                return;
            }
            self->withSecret([give](const QString &secret, const QString &error) { give(secret, error); });
        };
        if (connection.auth == AuthMethod::ClientCredentials) {
            m_tokens = std::make_unique<Net::ClientCredentialsToken>(http, connection.tokenUrl, connection.clientId,
                                                                     secretAdapter);
        } else {
            // AccessToken (and, leniently, a key stored as ApiKey): a ready Bearer token.
            m_tokens = std::make_unique<Net::StaticToken>(secretAdapter);
        }
    }

    QList<ResourceSpec> resources() const override
    {
        ResourceSpec inventory;
        inventory.name = inventoryResource;
        inventory.tables = {QStringLiteral("logistic_units"), QStringLiteral("stock_lines"), QStringLiteral("serial_items")};
        inventory.changeFilter = false;
        inventory.vanishOnComplete = true;
        inventory.resumable = false;

        ResourceSpec consumables;
        consumables.name = consumablesResource;
        consumables.tables = {QStringLiteral("consumables")};
        consumables.changeFilter = false;
        consumables.vanishOnComplete = true;
        consumables.resumable = false;
        return {inventory, consumables};
    }

    void fetchPage(const PageRequest &request, std::function<void(const PageResult &)> done) override
    {
        const std::optional<Cursor> cursor = parseCursor(request.cursor);
        if (request.resource != inventoryResource && request.resource != consumablesResource) {
            PageResult failed;
            failed.error = Text::tr("%1: unknown resource").arg(QString(QStringLiteral("Consignly ") + request.resource));
            done(failed);
            return;
        }
        if (!cursor) {
            PageResult failed;
            failed.error = Text::tr("%1: the cursor \"%2\" is not one of this connector's").arg(request.resource, request.cursor);
            done(failed);
            return;
        }
        if (request.resource == inventoryResource)
            fetchInventory(*cursor, std::move(done));
        else
            fetchConsumables(*cursor, std::move(done));
    }

    void cancel() override
    {
        ++m_generation;
        Connector::cancel();
    }

private:
    using Answer = std::function<void(const Outcome &)>;

    /// Sends with the Bearer token; one renewal and resend on a 401.
    void authorizedSend(Net::HttpRequest request, bool mayRenew, std::function<void(const Net::HttpResult &, const QString &)> done)
    {
        QPointer<ConsignlyConnector> self(this);
        m_tokens->token([self, request, mayRenew, done](const QString &token, const QString &error) mutable {
            if (!self)
                return;
            if (!error.isEmpty() || token.isEmpty()) {
                done({}, error.isEmpty() ? Text::tr("no access token") : error);
                return;
            }
            Net::applyBearer(request, token);
            self->send(request, [self, request, mayRenew, token, done](const Net::HttpResult &result) {
                if (!self)
                    return;
                if (result.status == 401 && mayRenew && self->m_tokens->invalidate(token)) {
                    self->authorizedSend(request, false, done);
                    return;
                }
                done(result, {});
            });
        });
    }

    /// GET @p path with @p query: the answer when 2xx, else a message naming the endpoint.
    void get(const QString &path, const QUrlQuery &query, Answer done)
    {
        Net::HttpRequest request;
        request.method = "GET";
        QUrl url = endpointUrl(path);
        if (!query.isEmpty())
            url.setQuery(query);
        request.url = url;
        request.endpoint = QStringLiteral("GET ") + path;
        request.headers.append(qMakePair(QByteArray("Accept"), QByteArray("application/json")));
        const quint64 generation = m_generation;
        const QString endpoint = request.endpoint;
        QPointer<ConsignlyConnector> self(this);
        authorizedSend(request, true, [self, generation, endpoint, done](const Net::HttpResult &result, const QString &tokenError) {
            if (!self)
                return;
            Outcome outcome;
            outcome.result = result;
            if (generation != self->m_generation || result.cancelled) {
                outcome.cancelled = true;
                outcome.error = Text::tr("%1: cancelled").arg(endpoint);
            } else if (!tokenError.isEmpty()) {
                outcome.error = Text::tr("%1: no access token: %2").arg(endpoint, tokenError);
            } else if (result.transportFailed()) {
                outcome.error = Text::tr("%1: no answer: %2").arg(endpoint, result.errorText);
            } else if (result.status < 200 || result.status > 299) {
                outcome.error = Text::tr("%1: HTTP %2: %3")
                                    .arg(endpoint, QString::number(result.status), vendorMessage(result.body));
            } else if (result.malformedBody) {
                outcome.error = Text::tr("%1: the answer is not valid JSON (cut short?)").arg(endpoint);
            } else {
                outcome.ok = true;
            }
            done(outcome);
        });
    }

    /// One page of a page-index list, with the checks of a full refresh: the
    /// page asked for, the total unchanged since the first page, no short
    /// page claiming more, no record of the page before repeated.
    void listPage(const QString &path, QUrlQuery query, const QString &arrayName, const Cursor &cursor, const RowId &rowId,
                  std::function<void(const Outcome &, const ListPage &)> done)
    {
        query.addQueryItem(QStringLiteral("PageIndex"), QString::number(cursor.page));
        query.addQueryItem(QStringLiteral("PageSize"), QString::number(pageSize));
        const QString endpoint = QStringLiteral("GET ") + path;
        get(path, query, [endpoint, arrayName, cursor, rowId, done](const Outcome &answer) {
            Outcome outcome = answer;
            ListPage page;
            if (!outcome.ok) {
                done(outcome, page);
                return;
            }
            QString error;
            if (!parseEnvelope(outcome.result.body, endpoint, arrayName, page.envelope, &error)) {
                outcome.ok = false;
                outcome.error = error;
                done(outcome, page);
                return;
            }
            const Envelope &env = page.envelope;
            const qint64 rows = env.rows.size();
            const qint64 before = (cursor.page - 1) * pageSize;
            const qint64 read = before + rows;
            if (env.index != cursor.page) {
                error = Text::tr("%1: asked for page %2, the answer is page %3").arg(endpoint).arg(cursor.page).arg(env.index);
            } else if (cursor.firstTotal >= 0 && env.total != cursor.firstTotal) {
                error = Text::tr("%1: the listing changed while it was read (total %2 → %3); the next run reads it again")
                            .arg(endpoint)
                            .arg(cursor.firstTotal)
                            .arg(env.total);
            } else if (rows == 0 && cursor.page > 1 && before >= env.total) {
                error = Text::tr("%1: page %2 is past the end of the listing (%3 records)").arg(endpoint).arg(cursor.page).arg(env.total);
            } else if (rows < pageSize && read < env.total) {
                error = Text::tr("%1: page %2 has %3 records, yet the listing claims %4 and only %5 were read")
                            .arg(endpoint)
                            .arg(cursor.page)
                            .arg(rows)
                            .arg(env.total)
                            .arg(read);
            } else if (rows > 0 && !cursor.lastId.isEmpty() && rowId(env.rows.first()) == cursor.lastId) {
                error = Text::tr("%1: page %2 repeats %3 of the page before: the listing shifted while it was read; "
                                 "the next run reads it again")
                            .arg(endpoint)
                            .arg(cursor.page)
                            .arg(cursor.lastId);
            }
            if (!error.isEmpty()) {
                outcome.ok = false;
                outcome.error = error;
                done(outcome, page);
                return;
            }
            if (read < env.total) {
                Cursor next;
                next.page = cursor.page + 1;
                next.firstTotal = cursor.firstTotal >= 0 ? cursor.firstTotal : env.total;
                next.lastId = rows > 0 ? rowId(env.rows.last()) : QString();
                page.nextCursor = formatCursor(next);
            }
            done(outcome, page);
        });
    }

    static PageResult failure(const Outcome &outcome)
    {
        PageResult result;
        result.ok = false;
        result.cancelled = outcome.cancelled;
        result.error = outcome.error;
        return result;
    }

    // ---- inventory -------------------------------------------------------

    struct InventoryWalk {
        PageResult result;
        QStringList trackedLines; ///< warehouseProductIds whose serial items are still to read
        qsizetype line = 0;
        Cursor items;
        std::function<void(const PageResult &)> done;
    };

    void fetchInventory(const Cursor &cursor, std::function<void(const PageResult &)> done)
    {
        const QString path = QStringLiteral("/v1/inventory");
        const QString endpoint = QStringLiteral("GET ") + path;
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("IncludeDepleted"), QStringLiteral("true"));
        QPointer<ConsignlyConnector> self(this);
        listPage(path, query, QStringLiteral("inventory"), cursor, inventoryRowId,
                 [self, endpoint, done](const Outcome &outcome, const ListPage &page) {
                     if (!self)
                         return;
                     if (!outcome.ok) {
                         done(failure(outcome));
                         return;
                     }
                     auto walk = std::make_shared<InventoryWalk>();
                     walk->done = done;
                     PageResult &result = walk->result;
                     result.total = page.envelope.total;
                     result.rows = page.envelope.rows.size();
                     result.nextCursor = page.nextCursor;
                     result.serverTime = serverDate(outcome.result);
                     QHash<QString, qsizetype> unitAt, lineAt;
                     for (const QJsonValue &row : page.envelope.rows) {
                         Records::LogisticUnit unit;
                         QList<Records::StockLine> lines;
                         QString error;
                         if (!mapInventoryRecord(row, endpoint, unit, lines, &error)) {
                             PageResult failed;
                             failed.error = error;
                             done(failed);
                             return;
                         }
                         // A record listed twice (a duplicate row) is kept once, the later version.
                         if (const auto at = unitAt.constFind(unit.externalId); at != unitAt.cend()) {
                             result.records.logisticUnits[*at] = unit;
                         } else {
                             unitAt.insert(unit.externalId, result.records.logisticUnits.size());
                             result.records.logisticUnits.append(unit);
                         }
                         for (const Records::StockLine &line : std::as_const(lines)) {
                             if (const auto at = lineAt.constFind(line.externalId); at != lineAt.cend()) {
                                 result.records.stockLines[*at] = line;
                                 continue;
                             }
                             lineAt.insert(line.externalId, result.records.stockLines.size());
                             result.records.stockLines.append(line);
                         }
                     }
                     for (const Records::StockLine &line : std::as_const(result.records.stockLines)) {
                         if (hasSerialItems(line))
                             walk->trackedLines.append(line.externalId);
                     }
                     self->nextSerialPage(walk);
                 });
    }

    /// Reads the serial items of the walk's tracked lines, one page after another.
    void nextSerialPage(const std::shared_ptr<InventoryWalk> &walk)
    {
        if (walk->line >= walk->trackedLines.size()) {
            walk->result.ok = true;
            walk->done(walk->result);
            return;
        }
        const QString lineId = walk->trackedLines.at(walk->line);
        const QString path = QStringLiteral("/v1/inventory/%1/items").arg(QString::fromLatin1(QUrl::toPercentEncoding(lineId)));
        const QString endpoint = QStringLiteral("GET ") + path;
        QPointer<ConsignlyConnector> self(this);
        listPage(path, {}, QStringLiteral("items"), walk->items, fieldId(QStringLiteral("warehouseProductItemId")),
                 [self, walk, lineId, endpoint](const Outcome &outcome, const ListPage &page) {
                     if (!self)
                         return;
                     if (!outcome.ok) {
                         walk->done(failure(outcome));
                         return;
                     }
                     for (const QJsonValue &row : page.envelope.rows) {
                         Records::SerialItem item;
                         QString error;
                         if (!mapSerialItem(row, endpoint, lineId, item, &error)) {
                             PageResult failed;
                             failed.error = error;
                             walk->done(failed);
                             return;
                         }
                         walk->result.records.serialItems.append(item);
                     }
                     if (page.nextCursor.isEmpty()) {
                         ++walk->line;
                         walk->items = Cursor{};
                     } else {
                         walk->items = *parseCursor(page.nextCursor);
                     }
                     self->nextSerialPage(walk);
                 });
    }

    // ---- consumables -----------------------------------------------------

    struct ConsumablesWalk {
        PageResult result;
        QList<ConsignmentRef> consignments;
        qsizetype next = 0;
        std::function<void(const PageResult &)> done;
    };

    void fetchConsumables(const Cursor &cursor, std::function<void(const PageResult &)> done)
    {
        const QString path = QStringLiteral("/v1/consignments");
        const QString endpoint = QStringLiteral("GET ") + path;
        QPointer<ConsignlyConnector> self(this);
        listPage(path, {}, QStringLiteral("consignments"), cursor, fieldId(QStringLiteral("id")),
                 [self, endpoint, done](const Outcome &outcome, const ListPage &page) {
                     if (!self)
                         return;
                     if (!outcome.ok) {
                         done(failure(outcome));
                         return;
                     }
                     auto walk = std::make_shared<ConsumablesWalk>();
                     walk->done = done;
                     walk->result.total = page.envelope.total;
                     walk->result.rows = page.envelope.rows.size();
                     walk->result.nextCursor = page.nextCursor;
                     walk->result.serverTime = serverDate(outcome.result);
                     QSet<QString> seen;
                     for (const QJsonValue &row : page.envelope.rows) {
                         ConsignmentRef consignment;
                         QString error;
                         if (!mapConsignment(row, endpoint, consignment, &error)) {
                             PageResult failed;
                             failed.error = error;
                             done(failed);
                             return;
                         }
                         if (!seen.contains(consignment.id)) {
                             seen.insert(consignment.id);
                             walk->consignments.append(consignment);
                         }
                     }
                     self->nextConsumables(walk);
                 });
    }

    void nextConsumables(const std::shared_ptr<ConsumablesWalk> &walk)
    {
        if (walk->next >= walk->consignments.size()) {
            walk->result.ok = true;
            walk->done(walk->result);
            return;
        }
        const ConsignmentRef consignment = walk->consignments.at(walk->next++);
        const QString path
            = QStringLiteral("/v1/consignments/%1/consumables").arg(QString::fromLatin1(QUrl::toPercentEncoding(consignment.id)));
        const QString endpoint = QStringLiteral("GET ") + path;
        QPointer<ConsignlyConnector> self(this);
        get(path, {}, [self, walk, consignment, endpoint](const Outcome &outcome) {
            if (!self)
                return;
            if (!outcome.ok) {
                walk->done(failure(outcome));
                return;
            }
            QList<Records::Consumable> consumables;
            QString error;
            if (!mapConsumables(outcome.result.body, endpoint, consignment, consumables, &error)) {
                PageResult failed;
                failed.error = error;
                walk->done(failed);
                return;
            }
            walk->result.records.consumables.append(consumables);
            self->nextConsumables(walk);
        });
    }

    std::unique_ptr<Net::TokenSource> m_tokens;
    quint64 m_generation = 0;
};

} // namespace

std::unique_ptr<Connector> makeConsignlyConnector(const Connection &connection, Net::HttpClient &http,
                                                  Connector::SecretSource secret)
{
    return std::make_unique<ConsignlyConnector>(connection, http, std::move(secret));
}

} // namespace ConsignDesk::Vendors
