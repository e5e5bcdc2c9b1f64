#include "vendors/consignify/consignifyconnector.h"

#include "vendors/consignify/consignifymappers.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSet>

#include <memory>

namespace ConsignDesk::Vendors {

namespace {

using namespace Consignify;

const QString consignorsResource = QStringLiteral("consignors");
const QString productsResource = QStringLiteral("products");
const QString lineItemsResource = QStringLiteral("line_items");
const QString payoutsResource = QStringLiteral("payouts");

constexpr int pageLimit = 250;   ///< the largest page the API gives
constexpr int parallel = 4;      ///< per-product / per-payout requests at once
constexpr int maxInnerPages = 10000;

/// One JSON answer, or why there is none.
struct Answer {
    bool ok = false;
    bool cancelled = false;
    QString error;
    QJsonValue json;
    QDateTime serverTime;
};

QString vendorMessage(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    QString message = object.value(QStringLiteral("message")).toString();
    const QJsonArray errors = object.value(QStringLiteral("errors")).toArray();
    if (message.isEmpty() && !errors.isEmpty()) {
        QStringList parts;
        for (const QJsonValue &e : errors)
            parts.append(e.toObject().value(QStringLiteral("path")).toString() + u' '
                         + e.toObject().value(QStringLiteral("message")).toString());
        message = parts.join(QStringLiteral("; "));
    }
    if (message.isEmpty())
        message = QString::fromUtf8(body.left(200)).simplified();
    return message;
}

/// A list envelope {data: [...], nextCursor}: the rows, or an error naming the endpoint.
struct Envelope {
    QJsonArray data;
    QString nextCursor;
    QString error;
};

Envelope envelope(const QJsonValue &json, const QString &endpoint, const QString &cursor)
{
    Envelope e;
    const QJsonObject object = json.toObject();
    const QJsonValue data = object.value(QStringLiteral("data"));
    const QJsonValue next = object.value(QStringLiteral("nextCursor"));
    if (!json.isObject() || !data.isArray() || !(next.isString() || next.isNull() || next.isUndefined())) {
        e.error = Messages::tr("%1: the answer is not a list of the documented shape (%2)")
                      .arg(endpoint, QStringLiteral("{\"data\": [...], \"nextCursor\"}"));
        return e;
    }
    e.data = data.toArray();
    e.nextCursor = next.toString();
    if (!e.nextCursor.isEmpty() && (e.nextCursor == cursor || e.data.isEmpty()))
        e.error = Messages::tr("%1: the listing does not advance (the next cursor repeats, or an empty page claims more)")
                      .arg(endpoint);
    return e;
}

/// Runs @p count tasks, at most @p width at a time; @p done runs once, with the
/// first failure or (all done) an ok Answer. The tasks (and what they hold) live
/// until the last callback in flight has run.
using Finish = std::function<void(const Answer &)>;
using Task = std::function<void(int index, Finish finished)>;
void runAll(int count, int width, Task task, Finish done)
{
    struct State {
        int count = 0;
        int width = 1;
        int next = 0;
        int running = 0;
        bool over = false;
        Task task;
        Finish done;
        std::function<void()> pump;
    };
    auto state = std::make_shared<State>();
    state->count = count;
    state->width = qMax(1, width);
    state->task = std::move(task);
    state->done = std::move(done);
    const auto finish = [](State &s, const Answer &answer) {
        s.over = true;
        s.pump = nullptr;
        s.done(answer);
    };
    const std::weak_ptr<State> weak = state;
    state->pump = [weak, finish]() {
        const std::shared_ptr<State> s = weak.lock();
        if (!s)
            return;
        while (!s->over && s->running < s->width && s->next < s->count) {
            const int index = s->next++;
            ++s->running;
            s->task(index, [s, finish](const Answer &answer) {
                --s->running;
                if (s->over)
                    return;
                if (!answer.ok)
                    return finish(*s, answer);
                if (s->next >= s->count && s->running == 0) {
                    Answer ok;
                    ok.ok = true;
                    return finish(*s, ok);
                }
                if (s->pump) {
                    const std::function<void()> pump = s->pump;
                    pump();
                }
            });
        }
    };
    if (count == 0) {
        Answer ok;
        ok.ok = true;
        return finish(*state, ok);
    }
    const std::function<void()> pump = state->pump;
    pump();
}

class ConsignifyConnector : public Connector
{
public:
    ConsignifyConnector(const Connection &connection, Net::HttpClient &http, SecretSource secret)
        : Connector(connection, http, std::move(secret))
    {
        // Else the client sends one request at a time and runAll() does not run in parallel.
        client().setMaxConcurrent(parallel);
    }

    QList<ResourceSpec> resources() const override
    {
        ResourceSpec consignors;
        consignors.name = consignorsResource;
        consignors.tables = {QStringLiteral("consignors")};
        ResourceSpec products;
        products.name = productsResource;
        products.tables = {QStringLiteral("items")};
        ResourceSpec lines;
        lines.name = lineItemsResource;
        lines.tables = {QStringLiteral("sale_lines")};
        ResourceSpec payouts;
        payouts.name = payoutsResource;
        payouts.tables = {QStringLiteral("payouts"), QStringLiteral("payout_lines")};
        return {consignors, products, lines, payouts};
    }

    void fetchPage(const PageRequest &request, std::function<void(const PageResult &)> done) override
    {
        if (request.resource == consignorsResource)
            fetchConsignors(std::move(done));
        else if (request.resource == productsResource)
            fetchProducts(request.cursor, false, std::move(done));
        else if (request.resource == lineItemsResource)
            fetchProducts(request.cursor, true, std::move(done));
        else if (request.resource == payoutsResource)
            fetchPayouts(request.cursor, std::move(done));
        else {
            PageResult result;
            result.error = Messages::tr("Consignify has no resource \"%1\"").arg(request.resource);
            done(result);
        }
    }

    void cancel() override
    {
        ++m_generation;
        Connector::cancel();
    }

private:
    QString currency() const
    {
        return connection().currency.isEmpty() ? QStringLiteral("GBP") : connection().currency.toUpper();
    }
    Context context(const QString &endpoint) const
    {
        Context c;
        c.endpoint = endpoint;
        c.currency = currency();
        return c;
    }

    static PageResult failed(const Answer &answer)
    {
        PageResult result;
        result.cancelled = answer.cancelled;
        result.error = answer.error;
        return result;
    }
    static PageResult failed(const QString &error)
    {
        PageResult result;
        result.error = error;
        return result;
    }

    /// A listing page's result before its records: where the listing goes on, its rows, the answer's time.
    static PageResult pageStart(const Envelope &page, const Answer &answer)
    {
        PageResult result;
        result.nextCursor = page.nextCursor;
        result.serverTime = answer.serverTime;
        result.rows = page.data.size();
        return result;
    }

    /// GET @p path (with @p query) as JSON; @p endpoint names it in messages.
    void getJson(const QString &path, const QString &query, std::function<void(const Answer &)> done)
    {
        const QString endpoint = QStringLiteral("GET ") + path;
        const quint64 generation = m_generation;
        QPointer<ConsignifyConnector> self(this);
        withSecret([self, path, query, endpoint, generation, done](const QString &secret, const QString &error) {
            if (!self)
                return;
            if (generation != self->m_generation) {
                Answer cancelled;
                cancelled.cancelled = true;
                done(cancelled);
                return;
            }
            if (!error.isEmpty()) {
                Answer failed;
                failed.error = Messages::tr("%1: the API key could not be read: %2").arg(endpoint, error);
                done(failed);
                return;
            }
            Net::HttpRequest request;
            request.method = "GET";
            QUrl url = self->endpointUrl(path);
            if (!query.isEmpty())
                url.setQuery(query, QUrl::StrictMode);
            request.url = url;
            const QByteArray authorization = "Bearer " + secret.toUtf8();
            request.headers = {{QByteArray("Authorization"), authorization},
                               {QByteArray("Accept"), QByteArray("application/json")}};
            request.endpoint = endpoint;
            request.secrets = {secret};
            self->send(request, [self, endpoint, generation, done](const Net::HttpResult &result) {
                Answer answer;
                if (!self)
                    return;
                if (generation != self->m_generation || result.cancelled) {
                    answer.cancelled = true;
                    done(answer);
                    return;
                }
                answer.serverTime = serverDate(result);
                if (result.transportFailed()) {
                    answer.error = Messages::tr("%1: no answer (%2)")
                                       .arg(endpoint, result.timedOut ? QStringLiteral("timed out") : result.errorText);
                    done(answer);
                    return;
                }
                if (result.status < 200 || result.status > 299) {
                    answer.error = Messages::tr("%1: HTTP %2: %3")
                                       .arg(endpoint, QString::number(result.status), vendorMessage(result.body));
                    done(answer);
                    return;
                }
                // Wrapped in an array so that a top-level null (GET /product/{id}/consignor) parses too.
                QJsonParseError parseError;
                const QByteArray wrapped = '[' + result.body + ']';
                const QJsonDocument document = QJsonDocument::fromJson(wrapped, &parseError);
                if (result.malformedBody || parseError.error != QJsonParseError::NoError || result.body.trimmed().isEmpty()
                    || document.array().size() != 1) {
                    answer.error = Messages::tr("%1: the answer is not valid JSON (cut short?)").arg(endpoint);
                    done(answer);
                    return;
                }
                answer.ok = true;
                answer.json = document.array().at(0);
                done(answer);
            });
        });
    }

    static QString listQuery(const QString &cursor)
    {
        QString query = QStringLiteral("limit=%1").arg(pageLimit);
        if (!cursor.isEmpty())
            query += QStringLiteral("&cursor=") + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
        return query;
    }

    void fetchConsignors(std::function<void(const PageResult &)> done)
    {
        const QString endpoint = QStringLiteral("GET /consignors");
        getJson(QStringLiteral("/consignors"), QString(), [this, endpoint, done](const Answer &answer) {
            if (!answer.ok)
                return done(failed(answer));
            if (!answer.json.isArray())
                return done(failed(Messages::tr("%1: the answer is not a list of the documented shape (%2)")
                                       .arg(endpoint, QStringLiteral("[...]"))));
            PageResult result;
            const Context ctx = context(endpoint);
            QHash<QString, qsizetype> seen;
            for (const QJsonValue &value : answer.json.toArray()) {
                const Mapped<Records::Consignor> mapped = mapConsignor(value.toObject(), ctx);
                if (!mapped.ok())
                    return done(failed(mapped.error));
                addUnique(result.records.consignors, seen, mapped.value);
            }
            result.ok = true;
            result.rows = answer.json.toArray().size();
            result.total = result.rows;
            result.serverTime = answer.serverTime;
            done(result);
        });
    }

    /// A list keeps one row per id, the later one (duplicate rows within a page).
    template<typename T>
    static void addUnique(QList<T> &list, QHash<QString, qsizetype> &seen, const T &record)
    {
        const auto it = seen.constFind(record.externalId);
        if (it != seen.constEnd()) {
            list[*it] = record;
            return;
        }
        seen.insert(record.externalId, list.size());
        list.append(record);
    }

    /// Fills the empty @p list with the records of @p lists, one row per id: the later one.
    template<typename T>
    static void addUnique(QList<T> &list, const QList<QList<T>> &lists)
    {
        QHash<QString, qsizetype> seen;
        for (const QList<T> &records : lists) {
            for (const T &record : records)
                addUnique(list, seen, record);
        }
    }

    void fetchProducts(const QString &cursor, bool lineItems, std::function<void(const PageResult &)> done)
    {
        const QString endpoint = QStringLiteral("GET /products");
        getJson(QStringLiteral("/products"), listQuery(cursor), [this, endpoint, cursor, lineItems, done](const Answer &answer) {
            if (!answer.ok)
                return done(failed(answer));
            const Envelope page = envelope(answer.json, endpoint, cursor);
            if (!page.error.isEmpty())
                return done(failed(page.error));
            const Context ctx = context(endpoint);
            auto products = std::make_shared<QList<ProductRow>>();
            QHash<QString, qsizetype> seen;
            for (const QJsonValue &value : page.data) {
                const Mapped<ProductRow> mapped = mapProduct(value.toObject(), ctx);
                if (!mapped.ok())
                    return done(failed(mapped.error));
                const auto it = seen.constFind(mapped.value.item.externalId);
                if (it != seen.constEnd()) {
                    (*products)[*it] = mapped.value;
                } else {
                    seen.insert(mapped.value.item.externalId, products->size());
                    products->append(mapped.value);
                }
            }
            const PageResult base = pageStart(page, answer);
            // Fill in what the rows did not carry: the consignor, then (products only) the effective share.
            runAll(int(products->size()), parallel,
                   [this, products, lineItems](int index, Finish finished) {
                       completeProduct((*products)[index], !lineItems, std::move(finished));
                   },
                   [this, products, lineItems, base, done](const Answer &outcome) {
                       if (!outcome.ok)
                           return done(failed(outcome));
                       if (!lineItems) {
                           PageResult result = base;
                           for (const ProductRow &row : *products)
                               result.records.items.append(row.item);
                           result.ok = true;
                           return done(result);
                       }
                       fetchLineItems(products, base, done);
                   });
        });
    }

    /// Fetches the consignor (when the row lacks consignerId) and the effective
    /// share (when @p withShare and a consigned row has no consignerShare).
    void completeProduct(ProductRow &row, bool withShare, Finish finished)
    {
        const QString id = row.item.externalId;
        auto afterConsignor = [this, &row, withShare, id, finished]() {
            if (!withShare || row.hasShare || row.item.consignorId.isEmpty()) {
                Answer ok;
                ok.ok = true;
                return finished(ok);
            }
            const QString path = QStringLiteral("/product/%1/share").arg(id);
            getJson(path, QString(), [this, &row, id, path, finished](const Answer &answer) {
                if (!answer.ok)
                    return finished(answer);
                const Mapped<std::optional<int>> share = mapShare(answer.json, id, context(QStringLiteral("GET ") + path));
                if (!share.ok()) {
                    Answer bad;
                    bad.error = share.error;
                    return finished(bad);
                }
                row.item.splitBp = share.value;
                Answer ok;
                ok.ok = true;
                finished(ok);
            });
        };
        if (row.hasConsignor)
            return afterConsignor();
        const QString path = QStringLiteral("/product/%1/consignor").arg(id);
        getJson(path, QString(), [this, &row, id, path, afterConsignor, finished](const Answer &answer) {
            if (!answer.ok)
                return finished(answer);
            const Mapped<QString> consignor = mapProductConsignor(answer.json, id, context(QStringLiteral("GET ") + path));
            if (!consignor.ok()) {
                Answer bad;
                bad.error = consignor.error;
                return finished(bad);
            }
            row.item.consignorId = consignor.value;
            row.item.inventoryType = consignor.value.isEmpty() ? QStringLiteral("retail") : QStringLiteral("consignment");
            row.hasConsignor = true;
            afterConsignor();
        });
    }

    void fetchLineItems(std::shared_ptr<QList<ProductRow>> products, const PageResult &base,
                        std::function<void(const PageResult &)> done)
    {
        auto lines = std::make_shared<QList<QList<Records::SaleLine>>>(products->size());
        runAll(int(products->size()), parallel,
               [this, products, lines](int index, Finish finished) {
                   walkItems((*products)[index].item, QString(), 0, &(*lines)[index], std::move(finished));
               },
               [products, lines, base, done](const Answer &outcome) {
                   if (!outcome.ok)
                       return done(failed(outcome));
                   PageResult result = base;
                   addUnique(result.records.saleLines, *lines);
                   result.ok = true;
                   done(result);
               });
    }

    /// Every page of GET /product/{id}/items, appended to @p out.
    void walkItems(const Records::Item &product, const QString &cursor, int pages, QList<Records::SaleLine> *out,
                   Finish finished)
    {
        const QString path = QStringLiteral("/product/%1/items").arg(product.externalId);
        const QString endpoint = QStringLiteral("GET ") + path;
        getJson(path, listQuery(cursor), [this, product, cursor, pages, out, path, endpoint, finished](const Answer &answer) {
            if (!answer.ok)
                return finished(answer);
            Envelope page = envelope(answer.json, endpoint, cursor);
            if (page.error.isEmpty() && pages + 1 >= maxInnerPages)
                page.error = Messages::tr("%1: the listing does not advance (the next cursor repeats, or an empty page claims more)")
                                 .arg(endpoint);
            if (!page.error.isEmpty()) {
                Answer bad;
                bad.error = page.error;
                return finished(bad);
            }
            const Context ctx = context(endpoint);
            for (const QJsonValue &value : page.data) {
                Mapped<Records::SaleLine> mapped = mapLineItem(value.toObject(), ctx);
                if (!mapped.ok()) {
                    Answer bad;
                    bad.error = mapped.error;
                    return finished(bad);
                }
                mapped.value.consignorId = product.consignorId;
                mapped.value.title = product.title;
                if (mapped.value.sku.isEmpty())
                    mapped.value.sku = product.sku;
                out->append(mapped.value);
            }
            if (page.nextCursor.isEmpty()) {
                Answer ok;
                ok.ok = true;
                return finished(ok);
            }
            walkItems(product, page.nextCursor, pages + 1, out, finished);
        });
    }

    void fetchPayouts(const QString &cursor, std::function<void(const PageResult &)> done)
    {
        const QString endpoint = QStringLiteral("GET /payouts");
        getJson(QStringLiteral("/payouts"), listQuery(cursor), [this, endpoint, cursor, done](const Answer &answer) {
            if (!answer.ok)
                return done(failed(answer));
            const Envelope page = envelope(answer.json, endpoint, cursor);
            if (!page.error.isEmpty())
                return done(failed(page.error));
            const Context ctx = context(endpoint);
            auto payouts = std::make_shared<QList<Records::Payout>>();
            QHash<QString, qsizetype> seen;
            for (const QJsonValue &value : page.data) {
                const Mapped<Records::Payout> mapped = mapPayout(value.toObject(), ctx);
                if (!mapped.ok())
                    return done(failed(mapped.error));
                addUnique(*payouts, seen, mapped.value);
            }
            auto lines = std::make_shared<QList<QList<Records::PayoutLine>>>(payouts->size());
            const PageResult base = pageStart(page, answer);
            runAll(int(payouts->size()), parallel,
                   [this, payouts, lines](int index, Finish finished) {
                       fetchPayoutDetail(&(*payouts)[index], &(*lines)[index], std::move(finished));
                   },
                   [payouts, lines, base, done](const Answer &outcome) {
                       if (!outcome.ok)
                           return done(failed(outcome));
                       PageResult result = base;
                       result.records.payouts = *payouts;
                       addUnique(result.records.payoutLines, *lines);
                       result.ok = true;
                       done(result);
                   });
        });
    }

    /// GET /payout/{id}: the payout (its detail wins over the list row) and its lines.
    void fetchPayoutDetail(Records::Payout *payout, QList<Records::PayoutLine> *out, Finish finished)
    {
        const QString path = QStringLiteral("/payout/%1").arg(payout->externalId);
        const QString endpoint = QStringLiteral("GET ") + path;
        getJson(path, QString(), [this, payout, out, endpoint, finished](const Answer &answer) {
            if (!answer.ok)
                return finished(answer);
            Answer bad;
            const Context ctx = context(endpoint);
            const QJsonObject detail = answer.json.toObject();
            if (!answer.json.isObject()) {
                bad.error = Messages::wrongType(endpoint, QStringLiteral("payout"), payout->externalId,
                                                QStringLiteral("payoutLineItems"), QStringLiteral("not an object"),
                                                QStringLiteral("an object"));
                return finished(bad);
            }
            const Mapped<Records::Payout> mapped = mapPayout(detail, ctx);
            if (!mapped.ok()) {
                bad.error = mapped.error;
                return finished(bad);
            }
            *payout = mapped.value;
            const QJsonValue items = detail.value(QStringLiteral("payoutLineItems"));
            if (!items.isArray() && !items.isNull() && !items.isUndefined()) {
                bad.error = Messages::wrongType(endpoint, QStringLiteral("payout"), payout->externalId,
                                                QStringLiteral("payoutLineItems"), QStringLiteral("not an array"),
                                                QStringLiteral("an array"));
                return finished(bad);
            }
            for (const QJsonValue &value : items.toArray()) {
                const Mapped<Records::PayoutLine> line = mapPayoutLine(value.toObject(), *payout, ctx);
                if (!line.ok()) {
                    bad.error = line.error;
                    return finished(bad);
                }
                out->append(line.value);
            }
            Answer ok;
            ok.ok = true;
            finished(ok);
        });
    }

    quint64 m_generation = 0;
};

} // namespace

std::unique_ptr<Connector> makeConsignifyConnector(const Connection &connection, Net::HttpClient &http,
                                                   Connector::SecretSource secret)
{
    return std::make_unique<ConsignifyConnector>(connection, http, std::move(secret));
}

} // namespace ConsignDesk::Vendors
