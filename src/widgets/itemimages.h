#pragma once

#include "widgets/detailformat.h"

#include <QCache>
#include <QImage>
#include <QObject>
#include <QSet>
#include <QUrl>

class QNetworkAccessManager;

namespace ConsignDesk {

/// @short Item images: fetched asynchronously at the size a panel needs,
/// kept on disk below a cache folder, read from there from then on.
class ItemImages : public QObject {
    Q_OBJECT
public:
    ItemImages(QNetworkAccessManager *network, const QString &cacheDir, QObject *parent = nullptr);

    /// Where one image can be fetched, and the file it is kept in.
    struct Source {
        QString image; ///< as the item names it
        QUrl url; ///< empty when it is not fetched (another host)
        QString cacheFile; ///< empty when not fetchable
        bool fetchable() const { return !url.isEmpty(); }
    };
    enum class State { Ready, Loading, Unavailable };
    struct Image {
        State state = State::Unavailable;
        QImage image;
    };

    /// SimpleConsign's sizes and their widths in pixels (125, 300, 600, 900).
    static QString sizeFor(int logicalWidth, qreal devicePixelRatio);
    /// SimpleConsign's image folder for a connection: base_url with its
    /// trailing "/app/api" replaced by "/images" (docs/vendor-assumptions.md).
    static QUrl imageBase(const QUrl &baseUrl);
    /// An image name (SimpleConsign) at @p size, or a full URL, which is
    /// fetched only when it is on the connection's own host.
    Source source(const DetailFormat::ConnectionInfo &connection, const QString &image, const QString &size) const;

    /// The image from memory or disk, or Loading while it is fetched
    /// (changed() follows), or Unavailable.
    Image get(const Source &source);
    /// Lets images that failed be tried again.
    void forgetFailures() { m_failed.clear(); }

Q_SIGNALS:
    /// An image arrived or failed.
    void changed();

private:
    void fetch(const Source &source);

    QNetworkAccessManager *m_network;
    QString m_dir;
    QCache<QString, QImage> m_memory;
    QSet<QString> m_loading;
    QSet<QString> m_failed;
};

} // namespace ConsignDesk
