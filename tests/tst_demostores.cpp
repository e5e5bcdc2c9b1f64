// `consigndesk --demo`: the sandbox in process, serving from its own thread.
#include "app/demostores.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

using namespace ConsignDesk;

class TestDemoStores : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesEveryVendorOnLoopback()
    {
        DemoStores demo;
        QString error;
        QVERIFY2(demo.start(200, &error), qPrintable(error));
        QVERIFY(demo.rootUrl().startsWith(QStringLiteral("http://127.0.0.1:")));
        const QJsonObject credentials = demo.credentials();
        QCOMPARE(credentials.size(), 4);

        // The GUI thread only waits on its own event loop; the stores answer from theirs.
        const QJsonObject consignify = credentials.value(QStringLiteral("consignify")).toObject();
        QNetworkRequest request(QUrl(consignify.value(QStringLiteral("base_url")).toString() + QStringLiteral("/consignors")));
        request.setRawHeader("Authorization", "Bearer " + consignify.value(QStringLiteral("api_key")).toString().toUtf8());
        QNetworkAccessManager network;
        std::unique_ptr<QNetworkReply> reply(network.get(request));
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(!QJsonDocument::fromJson(reply->readAll()).array().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDemoStores)
#include "tst_demostores.moc"
