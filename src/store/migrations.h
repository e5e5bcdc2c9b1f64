#pragma once

#include <QList>
#include <QStringList>

namespace ConsignDesk::Store {

/// One step of the schema: the statements that bring version - 1 to version.
struct Migration {
    int version;
    QStringList statements;
};

/// Every migration, in order; append, never edit one that has shipped.
const QList<Migration> &migrations();

} // namespace ConsignDesk::Store
