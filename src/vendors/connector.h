#pragma once

#include "core/connection.h"
#include "core/records.h"
#include "net/httpclient.h"
#include "net/retrypolicy.h"
#include "net/vendorclient.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace ConsignDesk::Vendors {

/// @short One thing a connector syncs, e.g. "items" or "consignors".
struct ResourceSpec {
    QString name;
    /// The cache tables its pages write; after a complete full listing, rows
    /// of these tables the run did not see are marked deleted (when vanishOnComplete).
    QStringList tables;
    /// The vendor can list what changed since a time: runs after the first are incremental.
    bool changeFilter = false;
    /// A complete listing proves what vanished (for vendors without soft-delete flags).
    bool vanishOnComplete = true;
    /// A run cut short may continue from its committed cursor. False for
    /// page-index walks, which are redone from the start (RELIABILITY.md).
    bool resumable = true;
    /// The vendor's rate limit paces the pages far below what the cache
    /// writes (ConsignCloud: 10 requests a second of 100 rows at most): a
    /// first load keeps the indexes up row by row while it waits for the
    /// next page, rather than rebuilding them all after the last one.
    bool pacedPages = false;
    /// Resources that must be synced before this one (their rows drive it,
    /// e.g. sale lines need the sales).
    QStringList after;
};

/// @short What the sync engine asks of a connector: the page at @p cursor.
struct PageRequest {
    QString resource;
    QString cursor;  ///< empty: the first page
    QDateTime since; ///< invalid: everything; else what changed at or after it
    qint64 runId = 0;
};

/// @short One page: its records, where to go on, and what the server said.
struct PageResult {
    bool ok = false;
    /// On failure: where and what, naming the endpoint and (for bad data) the
    /// field, e.g. "GET /items: field \"tag_price\" of item 3f2…: expected a number".
    QString error;
    bool cancelled = false;
    Records::RecordBatch records;
    QString nextCursor; ///< empty: this was the last page
    qint64 total = -1;  ///< rows in the whole listing, when the vendor says (progress)
    qint64 rows = 0;    ///< vendor rows in this page (progress)
    QDateTime serverTime; ///< the answer's Date header, for watermarks
};

/// @short A vendor behind one interface: lists its resources and fetches
/// their pages, mapping vendor JSON to records. Asynchronous, on the thread
/// it lives in; never blocks.
class Connector : public QObject
{
    Q_OBJECT
public:
    /// Gives the connection's secret (API key, client secret or token) when a
    /// request needs it, read from the keychain.
    using SecretSource = std::function<void(std::function<void(const QString &secret, const QString &error)>)>;

    Connector(const Connection &connection, Net::HttpClient &http, SecretSource secret, QObject *parent = nullptr);
    ~Connector() override;

    const Connection &connection() const { return m_connection; }
    virtual QList<ResourceSpec> resources() const = 0;
    virtual void fetchPage(const PageRequest &request, std::function<void(const PageResult &)> done) = 0;
    /// Stops queued and running requests; their callbacks report cancelled.
    virtual void cancel();

    /// Attempts and backoff of every request (tests shorten the waits).
    void setRetryPolicy(const Net::RetryPolicy &policy);
    /// The client every request goes through (its paused/retrying signals
    /// say why a sync waits).
    Net::VendorClient &client() { return *m_client; }

protected:
    /// Every request goes through here: the vendor's rate limit, retries with
    /// backoff and Retry-After, a body that must be complete JSON. A read sent
    /// as POST must say it is idempotent to be retried.
    void send(const Net::HttpRequest &request, Net::HttpClient::Callback done, Net::RequestOptions options = {});
    /// The secret, read once per connector and kept in memory while it lives.
    void withSecret(std::function<void(const QString &secret, const QString &error)> done);
    /// base URL + @p path (the connection's path prefix kept).
    QUrl endpointUrl(const QString &path) const;

    Net::HttpClient &http() { return m_http; }

private:
    Connection m_connection;
    Net::HttpClient &m_http;
    std::unique_ptr<Net::VendorClient> m_client;
    SecretSource m_secretSource;
    QString m_secret;
};

/// The connector for @p connection's vendor.
std::unique_ptr<Connector> makeConnector(const Connection &connection, Net::HttpClient &http,
                                         Connector::SecretSource secret);

/// @p baseUrl + @p path, keeping the base URL's own path prefix.
QUrl endpointUrl(const QUrl &baseUrl, const QString &path);

/// The answer's Date header (invalid when absent or bad).
QDateTime serverDate(const Net::HttpResult &result);

} // namespace ConsignDesk::Vendors
