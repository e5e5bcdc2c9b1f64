#pragma once

// The benchmarks' memory figures: a field of /proc/self/status in kB
// ("VmRSS:", "VmHWM:"), or -1 where there is none.
#include <QByteArray>
#include <QFile>
#include <QString>

inline qint64 procStatusKb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}
