#include "vendors/simpleconsign/simpleconsignconnector.h"

#include "vendors/simpleconsign/simpleconsignmappers.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <optional>

namespace ConsignDesk::Vendors {

namespace {

using namespace SimpleConsign;

const QString itemsResource = QStringLiteral("items");
const QString inventoryEndpoint = QStringLiteral("POST /inventory");
const QString cursorPrefix = QStringLiteral("o:");

PageResult failed(const QString &error)
{
    PageResult result;
    result.ok = false;
    result.error = error;
    return result;
}

PageResult cancelledPage()
{
    PageResult result;
    result.ok = false;
    result.cancelled = true;
    return result;
}

/// The vendor's own words from an error answer: {"error": "..."}, else the start of the body.
QString vendorMessage(const Net::HttpResult &result, const QStringList &secrets)
{
    QString message;
    if (result.body.size() < 65536) {
        const QJsonObject object = QJsonDocument::fromJson(result.body).object();
        const QJsonValue error = object.value(QStringLiteral("error"));
        if (error.isString())
            message = error.toString();
        else if (object.value(QStringLiteral("message")).isString())
            message = object.value(QStringLiteral("message")).toString();
    }
    if (message.isEmpty())
        message = QString::fromUtf8(result.body.left(200)).simplified();
    return Net::redact(message, secrets);
}

/// @short SimpleConsign's one big answer, held between pages.
struct HeldAnswer {
    QByteArray body;
    QList<QPair<qsizetype, qsizetype>> elements;
    QDateTime serverTime;
    QDateTime since;
    qint64 runId = 0;
};

class SimpleConsignConnector : public Connector
{
public:
    using Connector::Connector;

    QList<ResourceSpec> resources() const override
    {
        ResourceSpec items;
        items.name = itemsResource;
        items.tables = {QStringLiteral("items")};
        items.changeFilter = true;
        items.vanishOnComplete = true;
        items.resumable = false;
        return {items};
    }

    void fetchPage(const PageRequest &request, std::function<void(const PageResult &)> done) override
    {
        const quint64 generation = m_generation;
        QPointer<SimpleConsignConnector> self(this);
        if (request.resource != itemsResource) {
            later([done, error = Messages::unknownResource(request.resource)] { done(failed(error)); });
            return;
        }
        if (!request.cursor.isEmpty()) {
            const qsizetype index = heldIndex(request);
            if (index >= 0) {
                // The next slice of the answer already here: no new request.
                later([self, generation, index, done] {
                    if (!self || generation != self->m_generation) {
                        done(cancelledPage());
                        return;
                    }
                    done(self->page(index));
                });
                return;
            }
            // Nothing held for this cursor (a restart, another run): the
            // resource is not resumable, so start over with a new request.
        }
        release();
        requestInventory(request, std::move(done));
    }

    void cancel() override
    {
        ++m_generation;
        release();
        Connector::cancel();
    }

private:
    void later(std::function<void()> work)
    {
        QTimer::singleShot(0, this, std::move(work));
    }

    QString currency() const
    {
        return connection().currency.isEmpty() ? QStringLiteral("USD") : connection().currency;
    }

    /// The index of the element at the cursor's offset in the held answer, or -1.
    qsizetype heldIndex(const PageRequest &request) const
    {
        if (!m_held || !request.cursor.startsWith(cursorPrefix) || request.since != m_held->since
            || request.runId != m_held->runId)
            return -1;
        bool ok = false;
        const qsizetype offset = request.cursor.mid(cursorPrefix.size()).toLongLong(&ok);
        if (!ok)
            return -1;
        const auto &elements = m_held->elements;
        const auto it = std::lower_bound(elements.cbegin(), elements.cend(), offset,
                                         [](const QPair<qsizetype, qsizetype> &e, qsizetype o) { return e.first < o; });
        if (it == elements.cend() || it->first != offset)
            return -1;
        return qsizetype(it - elements.cbegin());
    }

    void requestInventory(const PageRequest &request, std::function<void(const PageResult &)> done)
    {
        const quint64 generation = m_generation;
        QPointer<SimpleConsignConnector> self(this);
        withSecret([self, generation, request, done](const QString &secret, const QString &error) {
            if (!self)
                return;
            if (generation != self->m_generation) {
                done(cancelledPage());
                return;
            }
            if (!error.isEmpty() || secret.isEmpty()) {
                done(failed(Messages::requestFailed(inventoryEndpoint, error)));
                return;
            }
            // The doc's best practice: a full load takes the active items only
            // (sold-out ones too); later loads what changed since, inactive included.
            QJsonObject body{
                {QStringLiteral("key"), secret},
                {QStringLiteral("includeItemsWithQuantityZero"), QStringLiteral("true")},
                {QStringLiteral("includeInactiveItems"),
                 request.since.isValid() ? QStringLiteral("true") : QStringLiteral("false")},
            };
            if (request.since.isValid())
                body.insert(QStringLiteral("modifiedSince"), QString::number(request.since.toMSecsSinceEpoch()));

            Net::HttpRequest http;
            http.method = "POST";
            http.url = self->endpointUrl(QStringLiteral("/inventory"));
            http.headers = {{"Content-Type", "application/json"}, {"Accept", "application/json"}};
            http.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
            http.timeoutMs = 120000; // the store's whole inventory may take a while to start
            http.endpoint = inventoryEndpoint;
            http.secrets = {secret};
            Net::RequestOptions options;
            options.idempotent = true; // a read, though sent as POST: safe to send again
            self->send(http, [self, generation, request, done, secrets = http.secrets](const Net::HttpResult &result) {
                if (!self)
                    return;
                if (generation != self->m_generation || result.cancelled) {
                    done(cancelledPage());
                    return;
                }
                done(self->firstPage(request, result, secrets));
            }, options);
        });
    }

    PageResult firstPage(const PageRequest &request, const Net::HttpResult &result, const QStringList &secrets)
    {
        if (result.status == 0) {
            const QString reason = result.errorText.isEmpty() ? QStringLiteral("-") : result.errorText;
            return failed(Messages::requestFailed(inventoryEndpoint, reason));
        }
        if (result.status < 200 || result.status > 299)
            return failed(Messages::httpError(inventoryEndpoint, result.status, vendorMessage(result, secrets)));

        ResultsScan scan = scanResults(result.body);
        switch (scan.outcome) {
        case ResultsScan::Outcome::Ok:
            break;
        case ResultsScan::Outcome::CutShort:
            return failed(Messages::cutShort(inventoryEndpoint, scan.elements.size()));
        case ResultsScan::Outcome::NotJson:
            return failed(Messages::notJson(inventoryEndpoint));
        case ResultsScan::Outcome::NoResults:
            return failed(Messages::noResults(inventoryEndpoint));
        }
        HeldAnswer held;
        held.body = result.body; // shared, not copied
        held.elements = std::move(scan.elements);
        held.serverTime = serverDate(result);
        held.since = request.since;
        held.runId = request.runId;
        m_held = std::move(held);
        return page(0);
    }

    /// Lets the held answer go, and the page being mapped from it.
    void release()
    {
        m_held.reset();
        m_next = QFuture<PageResult>();
        m_nextIndex = -1;
    }

    /// The page starting at element @p index of the held answer. Releases the
    /// answer after the last page or a failure; else sets the next page's
    /// mapping going on another thread, to be ready when the sync engine,
    /// done writing this one, asks for it.
    PageResult page(qsizetype index)
    {
        PageResult result;
        if (m_nextIndex == index && m_next.isValid())
            result = m_next.result(); // waits, if the mapping is not done yet
        else
            result = mapPage(m_held->body, m_held->elements, index, m_held->serverTime, currency());
        if (!result.ok || result.nextCursor.isEmpty()) {
            release(); // the last page or a failure: let the body go
            return result;
        }
        const qsizetype next = index + result.rows;
        m_next = QtConcurrent::run(&SimpleConsignConnector::mapPage, m_held->body, m_held->elements, next,
                                   m_held->serverTime, currency());
        m_nextIndex = next;
        return result;
    }

    /// Maps the page of the answer @p body starting at element @p index. Touches
    /// nothing but its arguments (copies that share the held answer's data),
    /// so it runs on any thread.
    static PageResult mapPage(const QByteArray &body, const QList<QPair<qsizetype, qsizetype>> &elements,
                              qsizetype index, const QDateTime &serverTime, const QString &currency)
    {
        PageResult result;
        const qsizetype count = elements.size();
        const qsizetype stop = std::min<qsizetype>(index + pageItems(count), count);
        result.serverTime = serverTime;
        result.total = count;
        result.rows = stop - index;

        Context context;
        context.endpoint = inventoryEndpoint;
        context.currency = currency;
        QHash<QString, qsizetype> seen; // a row sent twice: one record, the later version
        QList<Records::Item> &items = result.records.items;
        items.reserve(stop - index);
        for (qsizetype i = index; i < stop; ++i) {
            const auto [begin, end] = elements.at(i);
            const char *data = body.constData() + begin;
            const QString position = u'#' + QString::number(i + 1);
            if (*data != '{')
                return failed(Messages::badValue(inventoryEndpoint, QStringLiteral("item"), position,
                                                 QStringLiteral("results"), Messages::notObject()));
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(QByteArray(data, end - begin), &parseError);
            if (parseError.error != QJsonParseError::NoError || !document.isObject())
                return failed(Messages::notJson(inventoryEndpoint));
            context.position = i;
            Mapped<Records::Item> mapped = mapItem(document.object(), context);
            if (!mapped.ok())
                return failed(mapped.error);
            const auto existing = seen.constFind(mapped.value.externalId);
            if (existing != seen.cend()) {
                items[*existing] = std::move(mapped.value);
            } else {
                seen.insert(mapped.value.externalId, items.size());
                items.append(std::move(mapped.value));
            }
        }
        result.ok = true;
        if (stop < count)
            result.nextCursor = cursorPrefix + QString::number(elements.at(stop).first);
        return result;
    }

    std::optional<HeldAnswer> m_held;
    /// The page after the last one handed out, being mapped. Dropping it
    /// (a new request, a cancel) leaves the mapping to finish unread.
    QFuture<PageResult> m_next;
    qsizetype m_nextIndex = -1;     ///< where that page starts
    quint64 m_generation = 0;
};

} // namespace

qsizetype SimpleConsign::pageItems(qsizetype count)
{
    return std::clamp<qsizetype>(count / 20, 2000, 50000);
}

std::unique_ptr<Connector> makeSimpleConsignConnector(const Connection &connection, Net::HttpClient &http,
                                                      Connector::SecretSource secret)
{
    return std::make_unique<SimpleConsignConnector>(connection, http, std::move(secret));
}

} // namespace ConsignDesk::Vendors
