#include "sandbox/simpleconsign/simpleconsignapi.h"

#include "sandbox/names.h"
#include "sandbox/random.h"
#include "sandbox/simpleconsign/simpleconsignimages.h"
#include "sandbox/simpleconsign/simpleconsignjson.h"
#include "sandbox/simpleconsign/simpleconsignstore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace ConsignDesk::Sandbox {

using namespace SimpleConsign;

namespace {

const QString inventoryRoute = QStringLiteral("/app/api/inventory");
constexpr int rowsPerChunk = 2000;
constexpr int duplicateEvery = 100;
constexpr int malformedRows = 50;

// The media type of a header value without parameters, lowercased.
QByteArray mediaType(const QByteArray &value)
{
    const qsizetype semicolon = value.indexOf(';');
    return (semicolon < 0 ? value : value.left(semicolon)).trimmed().toLower();
}

bool acceptsJson(const QByteArray &accept)
{
    const QList<QByteArray> types = accept.split(',');
    for (const QByteArray &type : types) {
        if (mediaType(type) == "application/json")
            return true;
    }
    return false;
}

// "true"/"false" or a JSON boolean; absent or null is the default.
bool readBool(const QJsonObject &body, const QString &name, QString *error)
{
    const QJsonValue value = body.value(name);
    if (value.isUndefined() || value.isNull())
        return false;
    if (value.isBool())
        return value.toBool();
    if (value.isString()) {
        const QString text = value.toString().trimmed();
        if (text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
            return true;
        if (text.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
            return false;
    }
    *error = QStringLiteral("Parameter %1 must be true or false").arg(name);
    return false;
}

// A whole non-negative number given as a JSON number or a string of digits; -1 when absent.
qint64 readWhole(const QJsonObject &body, const QString &name, QString *error)
{
    const QJsonValue value = body.value(name);
    if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().isEmpty()))
        return -1;
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (number >= 0 && number <= 9007199254740992.0 && std::floor(number) == number)
            return qint64(number);
    } else if (value.isString()) {
        const QString text = value.toString().trimmed();
        bool ok = !text.isEmpty() && !text.startsWith(u'+') && !text.startsWith(u'-');
        const qint64 number = ok ? text.toLongLong(&ok) : -1;
        if (ok && number >= 0)
            return number;
    }
    *error = QStringLiteral("Parameter %1 must be a whole number, not %2")
                 .arg(name, QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)));
    return -1;
}

std::optional<Filter> readFilter(const QJsonObject &body, const Store &store, QString *error)
{
    Filter filter;
    filter.onlyEcommerce = readBool(body, QStringLiteral("includeOnlyEcommerceItems"), error);
    filter.includeZero = readBool(body, QStringLiteral("includeItemsWithQuantityZero"), error);
    filter.includeInactive = readBool(body, QStringLiteral("includeInactiveItems"), error);
    filter.modifiedSince = readWhole(body, QStringLiteral("modifiedSince"), error);
    const qint64 consignorId = readWhole(body, QStringLiteral("consignorId"), error);
    if (!error->isEmpty())
        return std::nullopt;
    if (consignorId >= 0) {
        filter.anyConsignor = false;
        filter.consignor = store.consignorIndex(consignorId); // unknown: no items, not an error
    }
    const QJsonValue category = body.value(QStringLiteral("category"));
    if (!category.isUndefined() && !category.isNull()) {
        const QString name = category.toString();
        if (!category.isString()) {
            *error = QStringLiteral("Parameter category must be a category name");
            return std::nullopt;
        }
        if (!name.trimmed().isEmpty()) {
            for (int i = 0; i < Names::categoryCount() && filter.category < 0; ++i) {
                if (Names::categoryName(i).compare(name.trimmed(), Qt::CaseInsensitive) == 0)
                    filter.category = i;
            }
            if (filter.category < 0) {
                *error = QStringLiteral("Category not found: %1").arg(name);
                return std::nullopt;
            }
        }
    }
    return filter;
}

QJsonValue wrongTypeFor(const QJsonValue &value)
{
    if (value.isDouble())
        return QStringLiteral("twelve");
    if (value.isString())
        return 12345;
    if (value.isBool())
        return QStringLiteral("yes");
    return QJsonObject{{QStringLiteral("unexpected"), true}};
}

// One inventory response being streamed; reads the live store by index.
struct InventoryStream {
    std::shared_ptr<const Store> store;
    Filter filter;
    qint64 next = 0;
    qint64 end = 0;
    bool started = false;
    qint64 emitted = 0;
    bool duplicateRows = false;
    QString wrongTypeField; ///< empty: no wrong-type fault
    qint64 wrongTypeRecord = 0; ///< the item it spoils, from 0

    void writeRow(QByteArray &out, qint64 index)
    {
        if (emitted > 0)
            out.append(',');
        if (emitted == wrongTypeRecord && !wrongTypeField.isEmpty()) {
            QByteArray row;
            writeItem(row, *store, index);
            QJsonObject object = QJsonDocument::fromJson(row).object();
            object.insert(wrongTypeField, wrongTypeFor(object.value(wrongTypeField)));
            out.append(QJsonDocument(object).toJson(QJsonDocument::Compact));
        } else {
            writeItem(out, *store, index);
        }
        ++emitted;
    }

    /// Appends the next part; false after the last.
    bool pull(QByteArray &out)
    {
        if (!started) {
            // The first part is only the envelope's opening, so a connection
            // dropped after it never leaves a complete body behind.
            started = true;
            out.append("{\"results\":[");
            return true;
        }
        const std::vector<Item> &items = store->items();
        const qint64 last = std::min<qint64>(end, qint64(items.size()));
        int rows = 0;
        for (; next < last && rows < rowsPerChunk; ++next) {
            if (!filter.matches(items[std::size_t(next)]))
                continue;
            writeRow(out, next);
            ++rows;
            if (duplicateRows && emitted % (duplicateEvery + 1) == duplicateEvery)
                writeRow(out, next); // as if a page boundary repeated its last row
        }
        if (next < last)
            return true;
        out.append("]}");
        return false;
    }
};

} // namespace

SimpleConsignApi::SimpleConsignApi(const GenerationOptions &options)
    : m_store(std::make_shared<Store>(options))
    , m_images(std::make_unique<ImageFactory>())
    , m_rateLimits(options.rateLimits)
{
    m_clock.start();
    const quint64 a = mix(options.seed, 0x5cae1);
    const quint64 b = mix(options.seed, 0x5cae2);
    m_apiKey = QStringLiteral("%1-%2-%3-%4-%5")
                   .arg(quint32(a >> 32), 8, 16, QLatin1Char('0'))
                   .arg(quint32(a >> 16) & 0xffffu, 4, 16, QLatin1Char('0'))
                   .arg(quint32(a) & 0xffffu, 4, 16, QLatin1Char('0'))
                   .arg(quint32(b >> 48) & 0xffffu, 4, 16, QLatin1Char('0'))
                   .arg(b & 0xffffffffffffULL, 12, 16, QLatin1Char('0'));

    const auto inventoryHandler = [this](Request &request) { return inventory(request); };
    m_router.add("GET", inventoryRoute, inventoryHandler);
    m_router.add("POST", inventoryRoute, inventoryHandler);
    m_router.add("GET", QStringLiteral("/images/{name}"),
                 [this](Request &request) { return image(request, QString(), request.param(0)); });
    m_router.add("GET", QStringLiteral("/images/{size}/{name}"),
                 [this](Request &request) { return image(request, request.param(0), request.param(1)); });
}

SimpleConsignApi::~SimpleConsignApi() = default;

QJsonObject SimpleConsignApi::credentials(const QString &root) const
{
    return QJsonObject{
        {QStringLiteral("base_url"), QString(root + pathPrefix() + QStringLiteral("/app/api"))},
        {QStringLiteral("api_key"), m_apiKey},
        {QStringLiteral("image_base_url"), QString(root + pathPrefix() + QStringLiteral("/images"))},
    };
}

std::optional<Reply> SimpleConsignApi::admit(const Request &request, const Route &route)
{
    if (route.pattern != inventoryRoute)
        return std::nullopt; // images are public, as on Traxia's image host
    if (mediaType(request.header("Content-Type")) != "application/json")
        return errorReply(400, QStringLiteral("Content-Type must be application/json"));
    if (!acceptsJson(request.header("Accept")))
        return errorReply(400, QStringLiteral("Accept must be application/json"));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return errorReply(400, QStringLiteral("The request body must be a JSON object"));
    const QJsonValue key = document.object().value(QStringLiteral("key"));
    if (!key.isString() || key.toString() != m_apiKey)
        return errorReply(401, QStringLiteral("Invalid API key"));
    if (m_rateLimits) {
        double retryAfter = 0;
        if (!m_limiters[m_apiKey].admit(m_clock.elapsed(), &retryAfter)) {
            Reply reply = errorReply(429, QStringLiteral("You have made too many API requests in the last ten minutes"));
            reply.withHeader("Retry-After", QByteArray::number(std::max<qint64>(1, qint64(std::ceil(retryAfter)))));
            return reply;
        }
    }
    return std::nullopt;
}

Reply SimpleConsignApi::errorReply(int status, const QString &message) const
{
    Reply reply = Reply::json(QJsonDocument(QJsonObject{{QStringLiteral("error"), message}}), status);
    reply.contentType = "application/json;charset=UTF-8";
    return reply;
}

void SimpleConsignApi::setRateLimits(bool on)
{
    m_rateLimits = on;
    m_limiters.clear();
}

void SimpleConsignApi::simulateActivity(Rng &rng, const QDateTime &now)
{
    m_store->simulateActivity(rng, now.toMSecsSinceEpoch());
}

QJsonObject SimpleConsignApi::inspect() const
{
    return m_store->inspect();
}

Reply SimpleConsignApi::inventory(Request &request)
{
    QString error;
    const auto filter = readFilter(QJsonDocument::fromJson(request.body).object(), *m_store, &error);
    if (!filter)
        return errorReply(400, error);

    auto stream = std::make_shared<InventoryStream>();
    stream->store = m_store;
    stream->filter = *filter;
    stream->end = request.hasFault(FaultKind::EmptyPage) ? 0 : qint64(m_store->items().size());
    stream->duplicateRows = request.hasFault(FaultKind::DuplicateRows);
    for (const FaultSpec &fault : std::as_const(request.faults)) {
        // The server spoils only whole bodies; a streamed one is spoiled here.
        if (fault.kind == FaultKind::WrongType) {
            stream->wrongTypeField = fault.field.isEmpty() ? wrongTypeField() : fault.field;
            stream->wrongTypeRecord = fault.record;
        }
    }

    Reply reply;
    reply.contentType = "application/json;charset=UTF-8";
    if (request.hasFault(FaultKind::MalformedJson)) {
        // The server cuts a whole body short; give it the start of the real one.
        stream->end = std::min<qint64>(stream->end, malformedRows);
        QByteArray body;
        while (stream->pull(body)) {
        }
        reply.body = body;
        return reply;
    }
    reply.stream = [stream](QByteArray &out) { return stream->pull(out); };
    return reply;
}

Reply SimpleConsignApi::image(Request &, const QString &size, const QString &name)
{
    const int width = ImageFactory::widthForSize(size);
    const auto found = parseImageName(*m_store, name);
    if (width < 0 || !found)
        return errorReply(404, QStringLiteral("Image not found: %1").arg(name));
    QByteArray data = m_images->jpeg(*m_store, found->index, found->number, width);
    if (data.isEmpty())
        return errorReply(500, QStringLiteral("Image could not be encoded"));
    Reply reply = Reply::text(std::move(data), "image/jpeg");
    reply.withHeader("Cache-Control", "public, max-age=31536000");
    return reply;
}

} // namespace ConsignDesk::Sandbox
