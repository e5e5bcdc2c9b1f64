#pragma once

// The consigndesk program run as a user runs it, for the tests of its command
// line; and the sandbox program those tests talk to over loopback. ctest names
// both programs in CONSIGNDESK_BINARY and CONSIGNDESK_SANDBOX_BINARY.
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTest>

/// What a run of consigndesk left behind.
struct CliRun {
    int exitCode = -1; ///< -1 when it crashed
    QString out;
    QString err;
};

/// Starts consigndesk in @p process with @p arguments, after "--data-dir @p dataDir"
/// unless @p dataDir is empty. For a test that waits for it or kills it itself.
inline void startConsignDesk(QProcess &process, const QString &dataDir, const QStringList &arguments)
{
    const QStringList dataDirArguments = dataDir.isEmpty() ? QStringList() : QStringList{QStringLiteral("--data-dir"), dataDir};
    process.start(qEnvironmentVariable("CONSIGNDESK_BINARY"), dataDirArguments + arguments);
}

/// Runs consigndesk to its end, as startConsignDesk() starts it, in @p environment:
/// @p input on its standard input, which then closes. Aborts the test when the
/// program runs longer than @p timeoutMs.
inline CliRun runConsignDesk(const QString &dataDir, const QStringList &arguments, const QByteArray &input = {},
                             int timeoutMs = 60000,
                             const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    startConsignDesk(process, dataDir, arguments);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs))
        qFatal("consigndesk did not finish");
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

/// The sandbox program on loopback, and the credentials of its stores, which
/// it prints as its first line.
class SandboxProgram
{
public:
    /// Starts it with @p arguments and reads its credentials, waiting up to
    /// @p timeoutMs for them. Fails the current test when they do not come;
    /// the caller checks QTest::currentTestFailed() if it goes on.
    void start(const QStringList &arguments, int timeoutMs)
    {
        m_process.start(qEnvironmentVariable("CONSIGNDESK_SANDBOX_BINARY"), arguments);
        QVERIFY(m_process.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(m_process.canReadLine(), timeoutMs);
        m_credentials = QJsonDocument::fromJson(m_process.readLine()).object();
        QVERIFY(!m_credentials.isEmpty());
    }

    void stop()
    {
        m_process.terminate();
        m_process.waitForFinished(5000);
    }

    /// One of @p vendor's credentials: "base_url", "api_key", "client_id" and the like
    QString value(const char *vendor, const char *key) const
    {
        return m_credentials.value(QLatin1String(vendor)).toObject().value(QLatin1String(key)).toString();
    }

private:
    QProcess m_process;
    QJsonObject m_credentials;
};
