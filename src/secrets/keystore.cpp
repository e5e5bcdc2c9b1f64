#include "secrets/keystore.h"

#include <QEventLoop>
#include <QLoggingCategory>

#include <qt6keychain/keychain.h>

Q_LOGGING_CATEGORY(lcKeyStore, "consigndesk.secrets")

namespace ConsignDesk::Secrets {

namespace {

KeyResult resultOf(const QKeychain::Job &job, const QString &entry)
{
    KeyResult result;
    switch (job.error()) {
    case QKeychain::NoError:
        return result;
    case QKeychain::EntryNotFound:
        result.error = KeyError::NotFound;
        result.message = KeyStore::tr("No key is stored for %1.").arg(entry);
        return result;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        result.error = KeyError::NoBackend;
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        result.error = KeyError::AccessDenied;
        break;
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        result.error = KeyError::Other;
        break;
    }
    // libsecret reports a missing Secret Service as an ordinary error; tell them apart.
    const QString text = job.errorString();
    if (result.error == KeyError::Other
        && (text.contains(QLatin1String("org.freedesktop.secrets")) || text.contains(QLatin1String("ServiceUnknown"))
            || text.contains(QLatin1String("not provided by any")) || text.contains(QLatin1String("kwalletd"))))
        result.error = KeyError::NoBackend;
    switch (result.error) {
    case KeyError::NoBackend:
        result.message = KeyStore::tr("This computer has no keychain to keep API keys in (%1).").arg(text);
        break;
    case KeyError::AccessDenied:
        result.message = KeyStore::tr("The keychain refused access to %1 (%2).").arg(entry, text);
        break;
    default:
        result.message = KeyStore::tr("The keychain failed for %1: %2").arg(entry, text);
        break;
    }
    return result;
}

template<typename Job>
Job *makeJob(QObject *parent, const QString &entry)
{
    auto *job = new Job(KeyStore::serviceName(), parent);
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plaintext file
    job->setKey(entry);
    return job;
}

KeyResult wait(const std::function<void(KeyStore::Callback)> &start)
{
    KeyResult result;
    QEventLoop loop;
    bool done = false;
    start([&](const KeyResult &r) {
        result = r;
        done = true;
        loop.quit();
    });
    if (!done)
        loop.exec();
    return result;
}

} // namespace

KeyStore::KeyStore(QObject *parent)
    : QObject(parent)
{
}

QString KeyStore::serviceName()
{
    return QStringLiteral("ConsignDesk");
}

QString KeyStore::entryName(const QString &connectionId, const QString &purpose)
{
    return QStringLiteral("connection/%1/%2").arg(connectionId, purpose);
}

void KeyStore::write(const QString &entry, const QString &secret, Callback done)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(this, entry);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, entry, done](QKeychain::Job *finished) {
        const KeyResult result = resultOf(*finished, entry);
        if (result.ok())
            m_session.remove(entry); // the keychain has it now
        else
            qCWarning(lcKeyStore).noquote() << "write" << entry << "failed:" << result.message;
        done(result);
    });
    job->start();
}

void KeyStore::read(const QString &entry, Callback done)
{
    if (const auto it = m_session.constFind(entry); it != m_session.constEnd()) {
        done(KeyResult{KeyError::None, {}, it.value()});
        return;
    }
    auto *job = makeJob<QKeychain::ReadPasswordJob>(this, entry);
    connect(job, &QKeychain::Job::finished, this, [entry, done](QKeychain::Job *finished) {
        KeyResult result = resultOf(*finished, entry);
        if (result.ok())
            result.secret = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
        done(result);
    });
    job->start();
}

void KeyStore::remove(const QString &entry, Callback done)
{
    const bool hadSessionKey = m_session.remove(entry) > 0;
    auto *job = makeJob<QKeychain::DeletePasswordJob>(this, entry);
    connect(job, &QKeychain::Job::finished, this, [entry, done, hadSessionKey](QKeychain::Job *finished) {
        KeyResult result = resultOf(*finished, entry);
        if (hadSessionKey && (result.error == KeyError::NotFound || result.error == KeyError::NoBackend))
            result = {};
        done(result);
    });
    job->start();
}

KeyResult KeyStore::writeNow(const QString &entry, const QString &secret)
{
    return wait([&](Callback done) { write(entry, secret, std::move(done)); });
}

KeyResult KeyStore::readNow(const QString &entry)
{
    return wait([&](Callback done) { read(entry, std::move(done)); });
}

KeyResult KeyStore::removeNow(const QString &entry)
{
    return wait([&](Callback done) { remove(entry, std::move(done)); });
}

void KeyStore::keepForSession(const QString &entry, const QString &secret)
{
    m_session.insert(entry, secret);
}

bool KeyStore::isSessionOnly(const QString &entry) const
{
    return m_session.contains(entry);
}

QString KeyStore::noBackendHelp()
{
    return tr("ConsignDesk keeps API keys only in your system's keychain, never in a file. None is running "
              "on this computer. On a GNOME desktop install and start gnome-keyring (Debian package "
              "'gnome-keyring'); on KDE, KWallet ('kwalletmanager'). Any keychain that offers the Secret Service "
              "works. Until then, a key can be kept for this session only: it is forgotten when ConsignDesk "
              "closes.");
}

} // namespace ConsignDesk::Secrets
