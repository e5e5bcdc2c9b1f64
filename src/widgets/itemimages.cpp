#include "widgets/itemimages.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSaveFile>

#include <array>
#include <cmath>

Q_LOGGING_CATEGORY(lcImages, "consigndesk.widgets.images")

namespace ConsignDesk {

namespace {

struct Size {
    const char *name;
    int width;
};
constexpr std::array<Size, 4> sizes{{{"thumbnail", 125}, {"small", 300}, {"medium", 600}, {"large", 900}}};

// A file name from any text: letters, digits, dot, dash and underscore; a
// hash keeps apart names that differed only in what was replaced.
QString safeName(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool changed = false;
    for (const QChar c : text) {
        const bool plain = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'.'
            || c == u'-' || c == u'_';
        out += plain ? c : u'_';
        changed |= !plain;
    }
    while (out.startsWith(u'.')) {
        out[0] = u'_';
        changed = true;
    }
    if (out.size() > 80) {
        out = out.right(80);
        changed = true;
    }
    if (changed || out.isEmpty()) {
        const QByteArray hash = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha1).toHex().left(10);
        out += u'-' + QString::fromLatin1(hash);
    }
    return out;
}

} // namespace

ItemImages::ItemImages(QNetworkAccessManager *network, const QString &cacheDir, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_dir(cacheDir)
    , m_memory(48 * 1024) // KiB of decoded images
{
}

QString ItemImages::sizeFor(int logicalWidth, qreal devicePixelRatio)
{
    const int needed = int(std::ceil(logicalWidth * devicePixelRatio));
    for (const Size &size : sizes) {
        if (size.width >= needed)
            return QString::fromLatin1(size.name);
    }
    return QString::fromLatin1(sizes.back().name);
}

QUrl ItemImages::imageBase(const QUrl &baseUrl)
{
    QUrl base = baseUrl;
    QString path = base.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    if (path.endsWith(QLatin1String("/app/api")))
        path.chop(int(qstrlen("/app/api")));
    base.setPath(path + QStringLiteral("/images"));
    base.setQuery(QString());
    base.setFragment(QString());
    return base;
}

ItemImages::Source ItemImages::source(const DetailFormat::ConnectionInfo &connection, const QString &image,
                                      const QString &size) const
{
    Source out;
    out.image = image;
    if (!m_network || m_dir.isEmpty())
        return out;
    const QUrl asUrl(image, QUrl::StrictMode);
    const QString scheme = asUrl.scheme().toLower();
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https")) {
        // Only the connection's own host: other hosts (ConsignCloud's CDN
        // names) are listed, not fetched.
        if (asUrl.host().compare(connection.baseUrl.host(), Qt::CaseInsensitive) != 0 || asUrl.host().isEmpty())
            return out;
        out.url = asUrl;
        out.cacheFile = m_dir + QStringLiteral("/original-") + safeName(asUrl.toString());
        return out;
    }
    if (!asUrl.scheme().isEmpty() || image.isEmpty() || image.contains(u'/') || image.contains(u'\\')
        || connection.vendor != QLatin1String("simpleconsign"))
        return out;
    QUrl url = imageBase(connection.baseUrl);
    url.setPath(url.path() + u'/' + size + u'/' + image);
    out.url = url;
    out.cacheFile = m_dir + u'/' + safeName(size) + u'-' + safeName(image);
    return out;
}

ItemImages::Image ItemImages::get(const Source &source)
{
    if (!source.fetchable())
        return {};
    if (const QImage *cached = m_memory.object(source.cacheFile))
        return {State::Ready, *cached};
    if (QFile::exists(source.cacheFile)) {
        QImage image(source.cacheFile);
        if (!image.isNull()) {
            m_memory.insert(source.cacheFile, new QImage(image), qMax(1, int(image.sizeInBytes() / 1024)));
            return {State::Ready, image};
        }
        qCWarning(lcImages) << "unreadable cached image, fetching again:" << source.cacheFile;
        QFile::remove(source.cacheFile);
    }
    if (m_failed.contains(source.cacheFile))
        return {};
    fetch(source);
    return {State::Loading, {}};
}

void ItemImages::fetch(const Source &source)
{
    if (m_loading.contains(source.cacheFile))
        return;
    m_loading.insert(source.cacheFile);
    QNetworkRequest request(source.url);
    request.setTransferTimeout(20000);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    connect(reply, &QNetworkReply::finished, this, [this, reply, source] {
        m_loading.remove(source.cacheFile);
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray bytes = reply->readAll();
        const QImage image = QImage::fromData(bytes);
        if (reply->error() != QNetworkReply::NoError || status != 200 || image.isNull()) {
            qCInfo(lcImages) << "image unavailable:" << source.url.toDisplayString() << status << reply->errorString();
            m_failed.insert(source.cacheFile);
            Q_EMIT changed();
            return;
        }
        QDir().mkpath(QFileInfo(source.cacheFile).absolutePath());
        QSaveFile file(source.cacheFile);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            qCWarning(lcImages) << "could not keep image in" << source.cacheFile << file.errorString();
        m_memory.insert(source.cacheFile, new QImage(image), qMax(1, int(image.sizeInBytes() / 1024)));
        Q_EMIT changed();
    });
}

} // namespace ConsignDesk
