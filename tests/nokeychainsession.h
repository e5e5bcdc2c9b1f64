#pragma once

// Runs one test function of the current test binary again, in a D-Bus session
// whose bus knows no services at all, so no keychain (Secret Service, KWallet)
// can answer. The child sees CONSIGNDESK_NO_KEYCHAIN_CHILD=1 and keeps the
// display, so GUI tests run there too.
#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

struct ChildRun {
    bool finished = false;
    int exitCode = -1;
    QString output; ///< stdout and stderr
};

inline bool isNoKeychainChild()
{
    return qEnvironmentVariableIsSet("CONSIGNDESK_NO_KEYCHAIN_CHILD");
}

inline ChildRun runWithoutKeychain(const QString &testFunction, int timeoutMs = 120000)
{
    ChildRun run;
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("empty-session.conf"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return run;
    file.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
               " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
               "<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen>"
               "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
               "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n");
    file.close();
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CONSIGNDESK_NO_KEYCHAIN_CHILD"), QStringLiteral("1"));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QStringLiteral("dbus-run-session"),
                {QStringLiteral("--config-file=") + config, QStringLiteral("--"),
                 QCoreApplication::applicationFilePath(), testFunction});
    run.finished = child.waitForFinished(timeoutMs);
    run.exitCode = child.exitCode();
    run.output = QString::fromUtf8(child.readAll());
    return run;
}
