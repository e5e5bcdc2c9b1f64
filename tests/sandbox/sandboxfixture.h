#pragma once

// An in-process sandbox and a small blocking HTTP client for tests. Requests go
// over real HTTP on loopback through QNetworkAccessManager; the wait spins the
// event loop, in which the sandbox answers.
#include "sandbox/sandbox.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimeZone>
#include <QUrl>

#include <memory>

struct HttpResponse {
    int status = 0; ///< 0 when no HTTP status arrived (dropped, timed out)
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QList<QNetworkReply::RawHeaderPair> headers;
    bool timedOut = false;

    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
    QJsonObject object() const { return json().object(); }
    QByteArray header(const QByteArray &name) const;
};

class SandboxFixture
{
public:
    struct Options {
        qint64 items = 300;
        quint64 seed = 7;
        bool rateLimits = false;
        QDateTime epoch = QDateTime(QDate(2026, 6, 1), QTime(0, 0), Qt::UTC);
        /// The vendors to serve (allVendors() for all four, which needs the whole sandbox linked).
        QList<ConsignDesk::Sandbox::VendorFactory> vendors;
    };
    SandboxFixture();
    explicit SandboxFixture(const Options &options);
    ~SandboxFixture();

    ConsignDesk::Sandbox::Sandbox &sandbox() { return *m_sandbox; }
    QString baseUrl(const QString &vendor) const;
    QString apiKey(const QString &vendor) const;
    QJsonObject credentials(const QString &vendor) const;
    /// Requests the sandbox answered for @p vendor since its server's
    /// resetStatistics(): all, or those with @p status.
    int requests(const QString &vendor, int status = 0) const;

    /// Any request; @p headers are added as given.
    HttpResponse request(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                         const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 15000);
    /// A request to a vendor below its base URL (path with query), with its
    /// Bearer key unless @p authorized is false. JSON bodies get a JSON Content-Type.
    HttpResponse call(const QString &vendor, const QByteArray &method, const QString &pathAndQuery,
                      const QByteArray &body = {}, bool authorized = true, int timeoutMs = 15000);
    HttpResponse get(const QString &vendor, const QString &pathAndQuery) { return call(vendor, "GET", pathAndQuery); }
    /// The test API below /_sandbox.
    HttpResponse control(const QByteArray &method, const QString &path, const QJsonObject &body = {});

private:
    std::unique_ptr<ConsignDesk::Sandbox::Sandbox> m_sandbox;
    QNetworkAccessManager m_network;
};
