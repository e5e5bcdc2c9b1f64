#include "vendors/consigncloud/consigncloudconnector.h"

#include "vendors/consigncloud/consigncloudmappers.h"

#include <QPointer>

#include <memory>

namespace ConsignDesk::Vendors {

namespace {

using namespace ConsignCloud;
using Params = QList<QPair<QString, QString>>;

constexpr int pageLimit = 100;     // the vendor's maximum (FIELD-NOTES)
constexpr int linesInParallel = 4; // GET /sales/{id}/line-items at once

/// One listed resource: where its rows come from and how a row becomes a record.
struct ListSpec {
    QString path;
    Params params;
    std::function<bool(const QJsonValue &, const MapContext &, int, Records::RecordBatch &, QString *)> map;
};

template<typename Record, typename Mapper>
auto appendTo(QList<Record> Records::RecordBatch::*list, Mapper mapper)
{
    return [list, mapper](const QJsonValue &json, const MapContext &context, int position,
                          Records::RecordBatch &batch, QString *error) {
        Record record;
        if (!mapper(json, context, position, record, error))
            return false;
        (batch.*list).append(record);
        return true;
    };
}

const Params deleted{{QStringLiteral("include_deleted"), QStringLiteral("true")}};

std::optional<ListSpec> listSpec(const QString &resource)
{
    if (resource == QLatin1String("consignors"))
        return ListSpec{QStringLiteral("/accounts"), deleted, appendTo(&Records::RecordBatch::consignors, mapAccount)};
    if (resource == QLatin1String("balance_entries"))
        return ListSpec{QStringLiteral("/balance-entries"), {},
                        appendTo(&Records::RecordBatch::balanceEntries, mapBalanceEntry)};
    if (resource == QLatin1String("items"))
        return ListSpec{QStringLiteral("/items"),
                        {{QStringLiteral("include"), QStringLiteral("quantity")},
                         {QStringLiteral("include"), QStringLiteral("images")},
                         {QStringLiteral("include_deleted"), QStringLiteral("true")}},
                        appendTo(&Records::RecordBatch::items, mapItem)};
    if (resource == QLatin1String("sales") || resource == QLatin1String("sale_lines"))
        return ListSpec{QStringLiteral("/sales"), {}, appendTo(&Records::RecordBatch::sales, mapSale)};
    if (resource == QLatin1String("batches"))
        return ListSpec{QStringLiteral("/batches"), {}, appendTo(&Records::RecordBatch::batches, mapBatch)};
    if (resource == QLatin1String("categories"))
        return ListSpec{QStringLiteral("/item-categories"), deleted,
                        appendTo(&Records::RecordBatch::categories, mapCategory)};
    if (resource == QLatin1String("locations"))
        return ListSpec{QStringLiteral("/locations"), deleted, appendTo(&Records::RecordBatch::locations, mapLocation)};
    return std::nullopt;
}

class ConsignCloudConnector : public Connector
{
public:
    ConsignCloudConnector(const Connection &connection, Net::HttpClient &http, SecretSource secret)
        : Connector(connection, http, std::move(secret))
    {
        // Else the client sends one request at a time and the lines are not fetched in parallel.
        client().setMaxConcurrent(linesInParallel);
    }

    QList<ResourceSpec> resources() const override
    {
        auto spec = [](const char *name, const char *table, QStringList after = {}) {
            ResourceSpec r;
            r.name = QLatin1String(name);
            r.tables = {QLatin1String(table)};
            r.changeFilter = false;    // no filter on `updated`: a full listing each run
            r.vanishOnComplete = true; // a complete listing proves what vanished
            r.resumable = true;        // keyset cursors: a run may continue from its cursor
            r.pacedPages = true;       // the leaky bucket: 10 pages a second at most
            r.after = std::move(after);
            return r;
        };
        return {
            spec("categories", "categories"),
            spec("locations", "locations"),
            spec("consignors", "consignors"),
            spec("batches", "batches"),
            spec("items", "items"),
            spec("sales", "sales"),
            spec("sale_lines", "sale_lines", {QStringLiteral("sales")}),
            spec("balance_entries", "balance_entries"),
        };
    }

    void fetchPage(const PageRequest &request, std::function<void(const PageResult &)> done) override
    {
        const std::optional<ListSpec> list = listSpec(request.resource);
        if (!list) {
            PageResult result;
            result.error = Text::tr("ConsignCloud has no resource \"%1\"").arg(request.resource);
            done(result);
            return;
        }
        const quint64 generation = m_generation;
        QPointer<ConsignCloudConnector> self(this);
        withSecret([self, generation, request, list = *list, done](const QString &key, const QString &error) {
            if (!self)
                return;
            if (generation != self->m_generation)
                return done(cancelledResult());
            const QString endpoint = QStringLiteral("GET ") + list.path;
            if (!error.isEmpty()) {
                PageResult result;
                result.error = Text::tr("%1: the API key could not be read: %2").arg(endpoint, error);
                return done(result);
            }
            Params params = list.params;
            params.prepend({QStringLiteral("limit"), QString::number(pageLimit)});
            if (!request.cursor.isEmpty())
                params.append({QStringLiteral("cursor"), request.cursor});
            self->get(key, list.path, endpoint, params,
                      [self, generation, request, list, key, endpoint, done](const Net::HttpResult &answer) {
                          if (!self)
                              return;
                          if (generation != self->m_generation || answer.cancelled)
                              return done(cancelledResult());
                          PageResult result;
                          Envelope envelope;
                          if (!readAnswer(answer, endpoint, request.cursor, envelope, result))
                              return done(result);
                          const MapContext context{endpoint, self->connection().currency};
                          Records::RecordBatch batch;
                          for (qsizetype n = 0; n < envelope.data.size(); ++n) {
                              if (!list.map(envelope.data.at(n), context, int(n), batch, &result.error))
                                  return done(result);
                          }
                          if (request.resource == QLatin1String("sale_lines"))
                              return self->fetchLines(key, generation, batch.sales, result, done);
                          result.ok = true;
                          result.records = std::move(batch);
                          done(result);
                      });
        });
    }

    void cancel() override
    {
        ++m_generation;
        Connector::cancel();
    }

private:
    static PageResult cancelledResult()
    {
        PageResult result;
        result.cancelled = true;
        return result;
    }

    /// The checks every list answer passes; fills @p result's cursor, counts
    /// and server time, or its error.
    static bool readAnswer(const Net::HttpResult &answer, const QString &endpoint, const QString &cursor,
                           Envelope &envelope, PageResult &result)
    {
        result.serverTime = serverDate(answer);
        if (answer.transportFailed()) {
            result.error = Text::tr("%1: no answer: %2").arg(endpoint, answer.errorText);
            return false;
        }
        if (answer.status < 200 || answer.status > 299) {
            result.error =
                Text::tr("%1: HTTP %2: %3").arg(endpoint, QString::number(answer.status), vendorMessage(answer.body));
            return false;
        }
        if (answer.malformedBody) {
            result.error = Text::tr("%1: the answer is not valid JSON (cut short?)").arg(endpoint);
            return false;
        }
        if (!parseEnvelope(answer.body, endpoint, envelope, &result.error))
            return false;
        if (!envelope.nextCursor.isEmpty() && envelope.nextCursor == cursor) {
            result.error = Text::tr("%1: the next cursor repeats the one just used").arg(endpoint);
            return false;
        }
        if (envelope.data.isEmpty() && !envelope.nextCursor.isEmpty()) {
            result.error = Text::tr("%1: an empty page claims more rows").arg(endpoint);
            return false;
        }
        result.nextCursor = envelope.nextCursor;
        result.total = envelope.count;
        result.rows = envelope.data.size();
        return true;
    }

    void get(const QString &key, const QString &path, const QString &endpoint, const Params &params,
             Net::HttpClient::Callback done)
    {
        QUrl url = endpointUrl(path);
        QString query;
        for (const auto &param : params) {
            if (!query.isEmpty())
                query += u'&';
            query += QString::fromLatin1(QUrl::toPercentEncoding(param.first)) + u'='
                + QString::fromLatin1(QUrl::toPercentEncoding(param.second));
        }
        if (!query.isEmpty())
            url.setQuery(query, QUrl::StrictMode);
        Net::HttpRequest request;
        request.method = "GET";
        request.url = url;
        request.headers = {{"Authorization", "Bearer " + key.toUtf8()}, {"Accept", "application/json"}};
        request.endpoint = endpoint;
        request.secrets = {key};
        send(request, std::move(done));
    }

    /// The lines of one page of sales, fetched a few sales at a time, in one result.
    struct LinesRun {
        QString key;
        quint64 generation = 0;
        QList<Records::Sale> sales;
        QList<QList<Records::SaleLine>> lines; ///< per sale, in the sales' order
        qsizetype next = 0;                    ///< the next sale to ask for
        int running = 0;
        bool finished = false;
        PageResult result;
        std::function<void(const PageResult &)> done;
    };

    void fetchLines(const QString &key, quint64 generation, const QList<Records::Sale> &sales, const PageResult &page,
                    std::function<void(const PageResult &)> done)
    {
        auto run = std::make_shared<LinesRun>();
        run->key = key;
        run->generation = generation;
        run->sales = sales;
        run->lines.resize(sales.size());
        run->result = page;
        run->done = std::move(done);
        pumpLines(run);
    }

    void pumpLines(const std::shared_ptr<LinesRun> &run)
    {
        if (run->finished)
            return;
        if (run->next >= run->sales.size() && run->running == 0) {
            run->finished = true;
            run->result.ok = true;
            for (const auto &lines : std::as_const(run->lines))
                run->result.records.saleLines.append(lines);
            run->done(run->result);
            return;
        }
        while (run->running < linesInParallel && run->next < run->sales.size()) {
            const qsizetype index = run->next++;
            ++run->running;
            fetchSaleLines(run, index, QString());
        }
    }

    void failLines(const std::shared_ptr<LinesRun> &run, PageResult result)
    {
        if (run->finished)
            return;
        run->finished = true;
        run->done(result);
    }

    void fetchSaleLines(const std::shared_ptr<LinesRun> &run, qsizetype index, const QString &cursor)
    {
        const QString saleId = run->sales.at(index).externalId;
        const QString path = QStringLiteral("/sales/") + QString::fromLatin1(QUrl::toPercentEncoding(saleId))
            + QStringLiteral("/line-items");
        const QString endpoint = QStringLiteral("GET ") + path;
        Params params;
        if (!cursor.isEmpty())
            params.append({QStringLiteral("cursor"), cursor});
        QPointer<ConsignCloudConnector> self(this);
        get(run->key, path, endpoint, params, [self, run, index, saleId, endpoint, cursor](const Net::HttpResult &answer) {
            if (!self || run->finished)
                return;
            if (run->generation != self->m_generation || answer.cancelled)
                return self->failLines(run, cancelledResult());
            PageResult result;
            Envelope envelope;
            if (!readAnswer(answer, endpoint, cursor, envelope, result))
                return self->failLines(run, result);
            const MapContext context{endpoint, self->connection().currency};
            for (qsizetype n = 0; n < envelope.data.size(); ++n) {
                Records::SaleLine line;
                if (!mapLineItem(envelope.data.at(n), context, int(n), saleId, line, &result.error))
                    return self->failLines(run, result);
                run->lines[index].append(line);
            }
            if (!envelope.nextCursor.isEmpty())
                return self->fetchSaleLines(run, index, envelope.nextCursor);
            --run->running;
            self->pumpLines(run);
        });
    }

    quint64 m_generation = 0;
};

} // namespace

std::unique_ptr<Connector> makeConsignCloudConnector(const Connection &connection, Net::HttpClient &http,
                                                     Connector::SecretSource secret)
{
    return std::make_unique<ConsignCloudConnector>(connection, http, std::move(secret));
}

} // namespace ConsignDesk::Vendors
