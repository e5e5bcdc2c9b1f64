#pragma once

#include "widgets/htmldetailview.h"

#include <QHash>
#include <QImage>
#include <QTimer>

class QNetworkAccessManager;

namespace ConsignDesk {

class ItemImages;

/// @short An item: every field, its price history as seen across syncs, its
/// images (fetched at the size the panel needs, kept on disk) and its consignor.
class ItemDetail : public HtmlDetailView {
    Q_OBJECT
public:
    ItemDetail(QSqlDatabase db, QNetworkAccessManager *network, const QString &imageCacheDir, QWidget *parent = nullptr);

    void showRecord(qint64 id) override;
    void reload() override;

protected:
    bool render(qint64 id, DetailFormat::Html &html) override;
    void followLink(const QUrl &url) override;
    QVariant resource(const QUrl &url) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void renderImages(const DetailFormat::ConnectionInfo &connection, const QStringList &images, DetailFormat::Html &html);
    void renderPriceHistory(qint64 id, const QString &currency, DetailFormat::Html &html);
    void renderSales(const QString &connectionId, const QString &externalId, DetailFormat::Html &html);
    int mainImageWidth() const;

    ItemImages *m_images;
    QHash<QString, QImage> m_resources; ///< "cdimg:" names of the images drawn
    int m_mainImage = 0;
    bool m_waitingForImages = false;
    bool m_hasImages = false;
    int m_drawnWidth = 0;
    QTimer m_resizeRedraw;
};

} // namespace ConsignDesk
