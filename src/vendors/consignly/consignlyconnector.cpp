#include "vendors/consignly/consignlyconnector.h"

#include "net/accesstoken.h"
#include "vendors/consignly/consignlymappers.h"

#include <QHash>
#include <QMetaObject>
#include <QPointer>
#include <QSet>
#include <QUrlQuery>

#include <algorithm>

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
constexpr int maxPrefetchPages = 3; // pages kept at most, per connector

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
    ConsignlyConnector(const Connection &connection, Net::HttpClient &http, SecretSource secret, const Tuning &tuning)
        : Connector(connection, http, std::move(secret))
        , m_pageSize(std::max<qint64>(1, tuning.pageSize))
        , m_prefetchPages(std::clamp(tuning.prefetchPages, 0, maxPrefetchPages))
    {
        // The page served and the pages fetched ahead leave together (the rate
        // limit still paces them).
        client().setMaxConcurrent(1 + maxPrefetchPages);
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
            done(failure(Text::tr("%1: unknown resource").arg(QString(QStringLiteral("Consignly ") + request.resource))));
            return;
        }
        if (!cursor) {
            done(failure(Text::tr("%1: the cursor \"%2\" is not one of this connector's").arg(request.resource, request.cursor)));
            return;
        }
        // A page that fails ends the walk: what was fetched ahead is of no use.
        QPointer<ConsignlyConnector> self(this);
        auto finish = [self, resource = request.resource, done = std::move(done)](const PageResult &result) {
            if (self && !result.ok)
                self->dropKept(resource);
            done(result);
        };
        if (request.resource == inventoryResource)
            fetchInventory(request, *cursor, std::move(finish));
        else
            fetchConsumables(request, *cursor, std::move(finish));
    }

    void cancel() override
    {
        ++m_generation;
        m_kept.clear(); // their requests end as cancelled; nothing is served from them
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

    /// @p query with the page-index parameters of page @p page.
    QUrlQuery pageQuery(QUrlQuery query, qint64 page) const
    {
        query.addQueryItem(QStringLiteral("PageIndex"), QString::number(page));
        query.addQueryItem(QStringLiteral("PageSize"), QString::number(m_pageSize));
        return query;
    }

    /// The checks of a full refresh on the answer for page @p cursor.page:
    /// the page asked for, the total unchanged since the first page, no short
    /// page claiming more, no record of the page before repeated. On success
    /// @p page holds the rows and the cursor to the next page; else @p outcome
    /// says why.
    void checkListPage(const QString &endpoint, const QString &arrayName, const Cursor &cursor, const RowId &rowId,
                       Outcome &outcome, ListPage &page) const
    {
        if (!outcome.ok)
            return;
        QString error;
        if (!parseEnvelope(outcome.result.body, endpoint, arrayName, page.envelope, &error)) {
            outcome.ok = false;
            outcome.error = error;
            return;
        }
        const Envelope &env = page.envelope;
        const qint64 rows = env.rows.size();
        const qint64 before = (cursor.page - 1) * m_pageSize;
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
        } else if (rows < m_pageSize && read < env.total) {
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
            return;
        }
        if (read < env.total) {
            Cursor next;
            next.page = cursor.page + 1;
            next.firstTotal = cursor.firstTotal >= 0 ? cursor.firstTotal : env.total;
            next.lastId = rows > 0 ? rowId(env.rows.last()) : QString();
            page.nextCursor = formatCursor(next);
        }
    }

    /// One page of a page-index list, requested now and checked.
    void listPage(const QString &path, const QUrlQuery &query, const QString &arrayName, const Cursor &cursor,
                  const RowId &rowId, std::function<void(const Outcome &, const ListPage &)> done)
    {
        const QString endpoint = QStringLiteral("GET ") + path;
        QPointer<ConsignlyConnector> self(this);
        get(path, pageQuery(query, cursor.page), [self, endpoint, arrayName, cursor, rowId, done](const Outcome &answer) {
            if (!self)
                return;
            Outcome outcome = answer;
            ListPage page;
            self->checkListPage(endpoint, arrayName, cursor, rowId, outcome, page);
            done(outcome, page);
        });
    }

    // ---- pages fetched ahead ---------------------------------------------

    /// The answer to one page of a resource's listing, requested before the
    /// page was asked for; taken (and checked) when it is.
    struct KeptPage {
        QString resource;
        qint64 runId = 0;
        quint64 generation = 0;
        qint64 page = 0;
        bool answered = false;
        Outcome outcome;                       ///< the raw answer, unchecked
        std::function<void(const Outcome &)> waiter; ///< the page was asked for before its answer came
    };
    using KeptPtr = std::shared_ptr<KeptPage>;

    /// Forgets the kept pages that a request for @p page of @p request's
    /// resource and run can no longer use: other resources and runs, pages not
    /// after @p page, pages further ahead than the prefetch reaches. Returns
    /// the kept page @p page, taken out, if there is one.
    KeptPtr takeKept(const PageRequest &request, qint64 page)
    {
        KeptPtr found;
        for (auto it = m_kept.begin(); it != m_kept.end();) {
            const KeptPtr &kept = *it;
            const bool sameWalk = kept->resource == request.resource && kept->runId == request.runId
                                  && kept->generation == m_generation;
            if (sameWalk && kept->page == page && !(kept->answered && kept->outcome.cancelled))
                found = kept;
            if (!sameWalk || kept->page <= page || kept->page > page + m_prefetchPages)
                it = m_kept.erase(it);
            else
                ++it;
        }
        return found;
    }

    void dropKept(const QString &resource)
    {
        m_kept.erase(std::remove_if(m_kept.begin(), m_kept.end(), [&](const KeptPtr &kept) { return kept->resource == resource; }),
                     m_kept.end());
    }

    /// Requests the pages after @p page, up to the last page of a listing of
    /// @p total records, that are not kept yet.
    void prefetch(const PageRequest &request, const QString &path, const QUrlQuery &query, qint64 page, qint64 total)
    {
        if (m_prefetchPages <= 0 || total < 0)
            return;
        const qint64 lastPage = std::max<qint64>(1, (total + m_pageSize - 1) / m_pageSize);
        for (qint64 ahead = page + 1; ahead <= std::min(page + m_prefetchPages, lastPage); ++ahead) {
            const bool kept = std::any_of(m_kept.cbegin(), m_kept.cend(), [&](const KeptPtr &k) {
                return k->resource == request.resource && k->runId == request.runId && k->generation == m_generation
                       && k->page == ahead;
            });
            if (kept || m_kept.size() >= maxPrefetchPages)
                continue;
            auto slot = std::make_shared<KeptPage>();
            slot->resource = request.resource;
            slot->runId = request.runId;
            slot->generation = m_generation;
            slot->page = ahead;
            m_kept.append(slot);
            // The slot lives while its request does; dropped from m_kept, its answer is simply let go.
            get(path, pageQuery(query, ahead), [slot](const Outcome &outcome) {
                slot->answered = true;
                if (slot->waiter) {
                    const auto waiter = std::move(slot->waiter);
                    slot->waiter = nullptr;
                    waiter(outcome);
                    return;
                }
                slot->outcome = outcome;
            });
        }
    }

    /// A page of a resource's own listing (not the serial items of a line):
    /// served from the page fetched ahead when there is one, else requested;
    /// checked as listPage() does, against @p cursor, when it is served. Once
    /// the total is known the next pages are requested with it.
    void resourcePage(const PageRequest &request, const QString &path, const QUrlQuery &query, const QString &arrayName,
                      const Cursor &cursor, const RowId &rowId, std::function<void(const Outcome &, const ListPage &)> done)
    {
        const QString endpoint = QStringLiteral("GET ") + path;
        const QString resource = request.resource;
        QPointer<ConsignlyConnector> self(this);
        auto serve = [self, request, path, query, endpoint, arrayName, cursor, rowId, done](const Outcome &answer) {
            if (!self)
                return;
            Outcome outcome = answer;
            ListPage page;
            self->checkListPage(endpoint, arrayName, cursor, rowId, outcome, page);
            if (outcome.ok && cursor.firstTotal < 0) {
                // The first page: its total says how many pages there are.
                self->prefetch(request, path, query, cursor.page, page.envelope.total);
            }
            done(outcome, page);
        };
        if (cursor.firstTotal < 0)
            dropKept(resource); // a walk begins again
        const KeptPtr kept = takeKept(request, cursor.page);
        if (!kept) {
            get(path, pageQuery(query, cursor.page), serve);
        } else if (kept->answered) {
            // Never inside fetchPage(): answer from the event loop, as a request would.
            const quint64 generation = m_generation;
            QMetaObject::invokeMethod(
                this,
                [self, kept, serve, generation, endpoint] {
                    if (!self)
                        return;
                    Outcome outcome = kept->outcome;
                    if (generation != self->m_generation) {
                        outcome.ok = false;
                        outcome.cancelled = true;
                        outcome.error = Text::tr("%1: cancelled").arg(endpoint);
                    }
                    serve(outcome);
                },
                Qt::QueuedConnection);
        } else {
            kept->waiter = serve;
        }
        if (cursor.firstTotal >= 0)
            prefetch(request, path, query, cursor.page, cursor.firstTotal);
    }

    static PageResult failure(const Outcome &outcome)
    {
        PageResult result = failure(outcome.error);
        result.cancelled = outcome.cancelled;
        return result;
    }

    static PageResult failure(const QString &error)
    {
        PageResult result;
        result.ok = false;
        result.error = error;
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

    void fetchInventory(const PageRequest &request, const Cursor &cursor, std::function<void(const PageResult &)> done)
    {
        const QString path = QStringLiteral("/v1/inventory");
        const QString endpoint = QStringLiteral("GET ") + path;
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("IncludeDepleted"), QStringLiteral("true"));
        QPointer<ConsignlyConnector> self(this);
        resourcePage(request, path, query, QStringLiteral("inventory"), cursor, inventoryRowId,
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
                             done(failure(error));
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
                             walk->done(failure(error));
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

    void fetchConsumables(const PageRequest &request, const Cursor &cursor, std::function<void(const PageResult &)> done)
    {
        const QString path = QStringLiteral("/v1/consignments");
        const QString endpoint = QStringLiteral("GET ") + path;
        QPointer<ConsignlyConnector> self(this);
        resourcePage(request, path, {}, QStringLiteral("consignments"), cursor, fieldId(QStringLiteral("id")),
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
                             done(failure(error));
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
                walk->done(failure(error));
                return;
            }
            walk->result.records.consumables.append(consumables);
            self->nextConsumables(walk);
        });
    }

    std::unique_ptr<Net::TokenSource> m_tokens;
    quint64 m_generation = 0;
    qint64 m_pageSize;
    int m_prefetchPages;
    QList<KeptPtr> m_kept; ///< pages fetched ahead, at most maxPrefetchPages
};

} // namespace

std::unique_ptr<Connector> makeConsignlyConnector(const Connection &connection, Net::HttpClient &http,
                                                  Connector::SecretSource secret, const Tuning &tuning)
{
    return std::make_unique<ConsignlyConnector>(connection, http, std::move(secret), tuning);
}

} // namespace ConsignDesk::Vendors
