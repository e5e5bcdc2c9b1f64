#include "store/migrations.h"

namespace ConsignDesk::Store {

const QList<Migration> &migrations()
{
    static const QList<Migration> list{
        {1,
         {
             QStringLiteral("CREATE TABLE connections ("
                            " id TEXT PRIMARY KEY,"
                            " vendor TEXT NOT NULL,"
                            " name TEXT NOT NULL,"
                            " base_url TEXT NOT NULL,"
                            " currency TEXT NOT NULL,"
                            " auth TEXT NOT NULL,"
                            " client_id TEXT,"
                            " token_url TEXT,"
                            " demo INTEGER NOT NULL DEFAULT 0,"
                            " created TEXT NOT NULL)"),
             QStringLiteral("CREATE UNIQUE INDEX connections_name ON connections(name COLLATE NOCASE)"),
             // QtKeychain cannot list entries: the names (never the secrets) we wrote.
             QStringLiteral("CREATE TABLE keychain_entries ("
                            " connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE,"
                            " entry TEXT NOT NULL,"
                            " PRIMARY KEY (connection_id, entry))"),
         }},
    };
    return list;
}

} // namespace ConsignDesk::Store
