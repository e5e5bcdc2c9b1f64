#include "payouts/payoutgateway.h"

#include "core/currency.h"
#include "net/httpclient.h"
#include "net/ratelimiter.h"
#include "net/vendorclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace ConsignDesk::Payouts {

namespace {

// The vendors' error bodies: {"message"}, {"error"}, {"error": {"message"}}.
QString messageOf(const QByteArray &body)
{
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    for (const char *key : {"message", "error", "detail"}) {
        const QJsonValue value = object.value(QLatin1String(key));
        if (value.isString())
            return value.toString();
        if (value.isObject() && value.toObject().value(QStringLiteral("message")).isString())
            return value.toObject().value(QStringLiteral("message")).toString();
    }
    return QString::fromUtf8(body.left(200)).simplified();
}

// ConsignCloud: POST /accounts/payouts with our reference; a repeated
// reference answers 409, so even a silent re-send cannot pay twice. No GET
// for payouts: they are found among the account's payout balance entries.
class ConsignCloudGateway : public PayoutGateway
{
    Q_OBJECT // tr() in this class's own context, where its translations are

public:
    using PayoutGateway::PayoutGateway;

protected:
    QString keyError(const QString &error) const override
    {
        return tr("the API key could not be read: %1").arg(error);
    }

    void sendWithKey(const Intent &intent, const QString &secret, std::function<void(const SendOutcome &)> done) override
    {
        const QJsonObject payout{{QStringLiteral("account"), intent.consignorId},
                                 {QStringLiteral("amount"), intent.amountMinor}, // cents, as the vendor counts
                                 {QStringLiteral("reference"), intent.reference},
                                 {QStringLiteral("note"), QStringLiteral("ConsignDesk %1").arg(intent.reference)}};
        const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("payouts"), QJsonArray{payout}}})
                                    .toJson(QJsonDocument::Compact);
        post(QStringLiteral("/accounts/payouts"), body, secret,
             [intent, done](const Net::HttpResult &result, const QString &endpoint) {
                 SendOutcome outcome = classify(result, endpoint);
                 if (outcome.kind == SendOutcome::Applied) {
                     const QJsonArray made =
                         QJsonDocument::fromJson(result.body).object().value(QStringLiteral("payouts")).toArray();
                     for (const QJsonValue &value : made) {
                         const QJsonObject p = value.toObject();
                         if (p.value(QStringLiteral("reference")).toString() == intent.reference) {
                             outcome.vendorPayoutId = jsonId(p.value(QStringLiteral("id")));
                             outcome.vendorReference = intent.reference;
                         }
                     }
                     if (outcome.vendorPayoutId.isEmpty()) {
                         outcome.kind = SendOutcome::Unknown;
                         outcome.message = tr("%1: the answer does not list the payout").arg(endpoint);
                     }
                 }
                 done(outcome);
             });
    }

    void findWithKey(const Intent &intent, const QString &secret, std::function<void(const FindOutcome &)> done) override
    {
        page(intent, secret, {}, 0, done);
    }

private:
    void page(const Intent &intent, const QString &secret, const QString &cursor, int pages,
              std::function<void(const FindOutcome &)> done)
    {
        QList<std::pair<QString, QString>> query{{QStringLiteral("type"), QStringLiteral("payout")},
                                                 {QStringLiteral("account"), intent.consignorId},
                                                 {QStringLiteral("limit"), QStringLiteral("100")}};
        if (!cursor.isEmpty())
            query.append({QStringLiteral("cursor"), cursor});
        get(QStringLiteral("/balance-entries"), query, secret,
            [this, intent, secret, cursor, pages, done](const Net::HttpResult &result, const QString &endpoint) {
                if (result.status != 200 || result.malformedBody) {
                    done({FindOutcome::Failed, {}, {}, classify(result, endpoint).message});
                    return;
                }
                const QJsonObject envelope = QJsonDocument::fromJson(result.body).object();
                for (const QJsonValue &value : envelope.value(QStringLiteral("data")).toArray()) {
                    const QJsonObject payout = value.toObject().value(QStringLiteral("payout")).toObject();
                    if (payout.value(QStringLiteral("reference")).toString() == intent.reference) {
                        done({FindOutcome::Found, jsonId(payout.value(QStringLiteral("id"))), intent.reference,
                              tr("found among the account's payouts by its reference %1").arg(intent.reference)});
                        return;
                    }
                }
                const QString next = envelope.value(QStringLiteral("next_cursor")).toString();
                if (next.isEmpty()) {
                    done({FindOutcome::Absent, {}, {},
                          tr("the account's payouts hold none with the reference %1").arg(intent.reference)});
                } else if (next == cursor || pages > 1000) {
                    done({FindOutcome::Failed, {}, {}, tr("%1: the listing does not advance").arg(endpoint)});
                } else {
                    page(intent, secret, next, pages + 1, done);
                }
            });
    }
};

// Consignify: POST /payouts with the line items; the vendor numbers its
// payouts (#R1001…), so our reference rides in the note, and a payout is
// found again among the consignor's payouts by it.
class ConsignifyGateway : public PayoutGateway
{
    Q_OBJECT // tr() in this class's own context, where its translations are

public:
    using PayoutGateway::PayoutGateway;

protected:
    QString keyError(const QString &error) const override
    {
        return tr("the API key could not be read: %1").arg(error);
    }

    void sendWithKey(const Intent &intent, const QString &secret, std::function<void(const SendOutcome &)> done) override
    {
        // Money as exact decimals written out by hand: never through a double.
        const auto decimal = [&intent](qint64 minor) { return Currency::formatPlain(minor, intent.currency).toUtf8(); };
        QByteArray lines;
        for (const QJsonValue &value : intent.lines) {
            const QJsonObject line = value.toObject();
            if (!lines.isEmpty())
                lines += ',';
            lines += "{\"id\":" + QJsonDocument(QJsonArray{line.value(QStringLiteral("id"))}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
            if (line.contains(QStringLiteral("quantity")))
                lines += ",\"quantity\":" + QByteArray::number(line.value(QStringLiteral("quantity")).toInteger());
            if (line.contains(QStringLiteral("amount")))
                lines += ",\"amount\":" + decimal(line.value(QStringLiteral("amount")).toInteger());
            lines += '}';
        }
        const QByteArray note = QJsonDocument(QJsonArray{QStringLiteral("ConsignDesk %1").arg(intent.reference)})
                                    .toJson(QJsonDocument::Compact)
                                    .mid(1)
                                    .chopped(1);
        const QByteArray consigner = QJsonDocument(QJsonArray{intent.consignorId}).toJson(QJsonDocument::Compact).mid(1).chopped(1);
        const QByteArray body = "{\"consignerId\":" + consigner + ",\"amount\":" + decimal(intent.amountMinor)
            + ",\"adjustment\":0,\"note\":" + note + ",\"lineItems\":[" + lines + "]}";
        post(QStringLiteral("/payouts"), body, secret, [intent, done](const Net::HttpResult &result, const QString &endpoint) {
            SendOutcome outcome = classify(result, endpoint);
            if (outcome.kind == SendOutcome::Applied) {
                const QJsonObject payout = QJsonDocument::fromJson(result.body).object();
                outcome.vendorPayoutId = jsonId(payout.value(QStringLiteral("id")));
                outcome.vendorReference = payout.value(QStringLiteral("reference")).toString();
                if (outcome.vendorPayoutId.isEmpty()) {
                    outcome.kind = SendOutcome::Unknown;
                    outcome.message = tr("%1: the answer does not name the payout").arg(endpoint);
                }
            }
            done(outcome);
        });
    }

    void findWithKey(const Intent &intent, const QString &secret, std::function<void(const FindOutcome &)> done) override
    {
        const QString path = QStringLiteral("/consignor/%1/payouts")
                                 .arg(QString::fromLatin1(QUrl::toPercentEncoding(intent.consignorId)));
        get(path, {}, secret, [intent, done](const Net::HttpResult &result, const QString &endpoint) {
            if (result.status != 200 || result.malformedBody) {
                done({FindOutcome::Failed, {}, {}, classify(result, endpoint).message});
                return;
            }
            const QString mark = QStringLiteral("ConsignDesk %1").arg(intent.reference);
            for (const QJsonValue &value : QJsonDocument::fromJson(result.body).array()) {
                const QJsonObject payout = value.toObject();
                if (payout.value(QStringLiteral("note")).toString().contains(mark)) {
                    done({FindOutcome::Found, jsonId(payout.value(QStringLiteral("id"))),
                          payout.value(QStringLiteral("reference")).toString(),
                          tr("found among the consignor's payouts by the note %1").arg(mark)});
                    return;
                }
            }
            done({FindOutcome::Absent, {}, {}, tr("the consignor's payouts hold none noted %1").arg(mark)});
        });
    }
};

} // namespace

PayoutGateway::PayoutGateway(const Connection &connection, Net::HttpClient &http, Vendors::Connector::SecretSource secret)
    : m_connection(connection)
    , m_client(std::make_unique<Net::VendorClient>(http))
    , m_secret(std::move(secret))
{
    m_client->setName(connection.name);
    if (connection.vendor == Vendor::ConsignCloud)
        m_client->setRateLimiter(Net::consignCloudLimiter());
}

PayoutGateway::~PayoutGateway() = default;

std::unique_ptr<PayoutGateway> PayoutGateway::make(const Connection &connection, Net::HttpClient &http,
                                                   Vendors::Connector::SecretSource secret)
{
    switch (connection.vendor) {
    case Vendor::ConsignCloud:
        return std::unique_ptr<PayoutGateway>(new ConsignCloudGateway(connection, http, std::move(secret)));
    case Vendor::Consignify:
        return std::unique_ptr<PayoutGateway>(new ConsignifyGateway(connection, http, std::move(secret)));
    case Vendor::SimpleConsign:
    case Vendor::Consignly:
        break;
    }
    return nullptr;
}

void PayoutGateway::withSecret(std::function<void(const QString &, const QString &)> done)
{
    if (!m_secret) {
        done({}, tr("no key source"));
        return;
    }
    m_secret(std::move(done));
}

void PayoutGateway::send(const Intent &intent, std::function<void(const SendOutcome &)> done)
{
    withSecret([this, intent, done](const QString &secret, const QString &error) {
        if (!error.isEmpty())
            done({SendOutcome::Refused, 0, {}, {}, keyError(error)});
        else
            sendWithKey(intent, secret, done);
    });
}

void PayoutGateway::find(const Intent &intent, std::function<void(const FindOutcome &)> done)
{
    withSecret([this, intent, done](const QString &secret, const QString &error) {
        if (!error.isEmpty())
            done({FindOutcome::Failed, {}, {}, keyError(error)});
        else
            findWithKey(intent, secret, done);
    });
}

QUrl PayoutGateway::url(const QString &path) const
{
    return Vendors::endpointUrl(m_connection.baseUrl, path);
}

void PayoutGateway::post(const QString &path, const QByteArray &body, const QString &secret,
                         std::function<void(const Net::HttpResult &, const QString &)> done)
{
    Net::HttpRequest request;
    request.method = "POST";
    request.url = url(path);
    request.body = body;
    request.timeoutMs = m_timeoutMs;
    request.endpoint = QStringLiteral("POST ") + path;
    request.secrets = {secret};
    request.headers = {{"Authorization", "Bearer " + secret.toUtf8()},
                       {"Accept", "application/json"},
                       {"Content-Type", "application/json"}};
    Net::RequestOptions options;
    options.expectJson = true;
    options.idempotent = false; // a payout is sent once; what became of it is found by reading
    const QString endpoint = request.endpoint;
    m_client->send(request, [done, endpoint](const Net::HttpResult &result) { done(result, endpoint); }, options);
}

void PayoutGateway::get(const QString &path, const QList<std::pair<QString, QString>> &query, const QString &secret,
                        std::function<void(const Net::HttpResult &, const QString &)> done)
{
    Net::HttpRequest request;
    QUrl target = url(path);
    QUrlQuery q;
    for (const auto &[key, value] : query)
        q.addQueryItem(key, value);
    if (!query.isEmpty())
        target.setQuery(q);
    request.url = target;
    request.timeoutMs = m_timeoutMs;
    request.endpoint = QStringLiteral("GET ") + path;
    request.secrets = {secret};
    request.headers = {{"Authorization", "Bearer " + secret.toUtf8()}, {"Accept", "application/json"}};
    Net::RequestOptions options;
    options.expectJson = true;
    const QString endpoint = request.endpoint;
    m_client->send(request, [done, endpoint](const Net::HttpResult &result) { done(result, endpoint); }, options);
}

SendOutcome PayoutGateway::classify(const Net::HttpResult &result, const QString &endpoint)
{
    SendOutcome outcome;
    outcome.status = result.status;
    if (result.cancelled) {
        outcome.kind = SendOutcome::Unknown;
        outcome.message = tr("%1: stopped before an answer came").arg(endpoint);
    } else if (result.status == 0) {
        outcome.kind = SendOutcome::Unknown;
        outcome.message = tr("%1: no answer: %2").arg(endpoint, result.errorText);
    } else if (result.status >= 200 && result.status < 300) {
        outcome.kind = result.malformedBody ? SendOutcome::Unknown : SendOutcome::Applied;
        if (result.malformedBody)
            outcome.message = tr("%1: the answer was cut short or garbled").arg(endpoint);
    } else if (result.status >= 400 && result.status < 500 && result.status != 408 && result.status != 429) {
        outcome.kind = SendOutcome::Refused;
        outcome.message = tr("%1: HTTP %2: %3").arg(endpoint, QString::number(result.status), messageOf(result.body));
    } else {
        // 5xx (and 408, 429): the vendor may or may not have applied it.
        outcome.kind = SendOutcome::Unknown;
        outcome.message = tr("%1: HTTP %2: %3").arg(endpoint, QString::number(result.status), messageOf(result.body));
    }
    return outcome;
}

} // namespace ConsignDesk::Payouts

#include "payoutgateway.moc"
