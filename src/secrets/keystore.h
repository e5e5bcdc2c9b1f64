#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace ConsignDesk::Secrets {

/// Why a keychain operation did not give what was asked.
enum class KeyError {
    None,
    NotFound,     ///< no entry under that name (not a failure of the keychain)
    NoBackend,    ///< no Secret Service, KWallet or other keychain on this computer
    AccessDenied, ///< the user or the system refused
    Other,
};

struct KeyResult {
    KeyError error = KeyError::None;
    QString message; ///< plain words for the user; never holds the secret
    QString secret;  ///< for reads
    bool ok() const { return error == KeyError::None; }
};

/// @short API keys in the operating system's keychain (QtKeychain, service
/// "ConsignDesk"), and nowhere else: never in the database, settings, logs or
/// a file. Where no keychain exists, a key may be kept for this session only,
/// in memory, when the user agrees.
///
/// Entry names are "connection/<id>/<purpose>" (purpose: api-key, client-secret, …).
class KeyStore : public QObject
{
    Q_OBJECT
public:
    explicit KeyStore(QObject *parent = nullptr);

    static QString serviceName();
    static QString entryName(const QString &connectionId, const QString &purpose);

    using Callback = std::function<void(const KeyResult &)>;
    void write(const QString &entry, const QString &secret, Callback done);
    void read(const QString &entry, Callback done);
    void remove(const QString &entry, Callback done);

    /// Blocking forms for the command line: they wait in a local event loop.
    KeyResult writeNow(const QString &entry, const QString &secret);
    KeyResult readNow(const QString &entry);
    KeyResult removeNow(const QString &entry);

    /// Keeps @p secret in memory until the program ends (no keychain, and the user agreed).
    void keepForSession(const QString &entry, const QString &secret);
    bool isSessionOnly(const QString &entry) const;

    /// What to tell a user whose computer has no keychain.
    static QString noBackendHelp();

private:
    QHash<QString, QString> m_session;
};

} // namespace ConsignDesk::Secrets
