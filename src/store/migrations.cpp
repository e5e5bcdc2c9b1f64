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
        // The unified records of every vendor, each keyed by (connection,
        // vendor id), with an index for every column a pane sorts or filters
        // on, FTS5 over titles, names and SKUs, price history and sync state.
        // Times are milliseconds since the epoch (UTC); dates are ISO text.
        {2,
         {
             QStringLiteral("CREATE TABLE consignors (id INTEGER PRIMARY KEY, connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE, external_id TEXT NOT NULL, number TEXT, name TEXT NOT NULL DEFAULT '', first_name TEXT, last_name TEXT, company TEXT, email TEXT, phone TEXT, balance_minor INTEGER, currency TEXT NOT NULL, split_bp INTEGER, archived INTEGER NOT NULL DEFAULT 0, created INTEGER, updated INTEGER, row_hash INTEGER NOT NULL DEFAULT 0, seen_run INTEGER NOT NULL DEFAULT 0, deleted INTEGER, UNIQUE (connection_id, external_id))"),
             QStringLiteral("CREATE INDEX consignors_name ON consignors(name COLLATE NOCASE)"),
             QStringLiteral("CREATE INDEX consignors_email ON consignors(email COLLATE NOCASE)"),
             QStringLiteral("CREATE INDEX consignors_number ON consignors(number)"),
             QStringLiteral("CREATE INDEX consignors_balance_minor ON consignors(balance_minor)"),
             QStringLiteral("CREATE INDEX consignors_archived ON consignors(archived)"),
             QStringLiteral("CREATE INDEX consignors_deleted ON consignors(deleted)"),
             QStringLiteral("CREATE INDEX consignors_seen ON consignors(connection_id, seen_run)"),
             QStringLiteral("CREATE TABLE items (id INTEGER PRIMARY KEY, connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE, external_id TEXT NOT NULL, sku TEXT, title TEXT NOT NULL DEFAULT '', description TEXT, consignor_id TEXT, category_id TEXT, category TEXT, location_id TEXT, batch_id TEXT, status TEXT, inventory_type TEXT, quantity INTEGER, price_minor INTEGER NOT NULL, tag_price_minor INTEGER, currency TEXT NOT NULL, split_bp INTEGER, brand TEXT, color TEXT, size TEXT, images TEXT, ecommerce INTEGER NOT NULL DEFAULT 0, inactive INTEGER NOT NULL DEFAULT 0, created INTEGER, updated INTEGER, sold INTEGER, expires TEXT, row_hash INTEGER NOT NULL DEFAULT 0, seen_run INTEGER NOT NULL DEFAULT 0, deleted INTEGER, UNIQUE (connection_id, external_id))"),
             QStringLiteral("CREATE INDEX items_sku ON items(sku)"),
             QStringLiteral("CREATE INDEX items_title ON items(title COLLATE NOCASE)"),
             QStringLiteral("CREATE INDEX items_consignor_id ON items(consignor_id)"),
             QStringLiteral("CREATE INDEX items_category_id ON items(category_id)"),
             QStringLiteral("CREATE INDEX items_location_id ON items(location_id)"),
             QStringLiteral("CREATE INDEX items_batch_id ON items(batch_id)"),
             QStringLiteral("CREATE INDEX items_status ON items(status)"),
             QStringLiteral("CREATE INDEX items_inventory_type ON items(inventory_type)"),
             QStringLiteral("CREATE INDEX items_price_minor ON items(price_minor)"),
             QStringLiteral("CREATE INDEX items_created ON items(created)"),
             QStringLiteral("CREATE INDEX items_updated ON items(updated)"),
             QStringLiteral("CREATE INDEX items_ecommerce ON items(ecommerce)"),
             QStringLiteral("CREATE INDEX items_deleted ON items(deleted)"),
             QStringLiteral("CREATE INDEX items_seen ON items(connection_id, seen_run)"),
             QStringLiteral("CREATE TABLE sales (id INTEGER PRIMARY KEY, connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE, external_id TEXT NOT NULL, number TEXT, date INTEGER, status TEXT, subtotal_minor INTEGER NOT NULL, tax_minor INTEGER NOT NULL, total_minor INTEGER NOT NULL, currency TEXT NOT NULL, location_id TEXT, customer_id TEXT, payment_type TEXT, updated INTEGER, row_hash INTEGER NOT NULL DEFAULT 0, seen_run INTEGER NOT NULL DEFAULT 0, deleted INTEGER, UNIQUE (connection_id, external_id))"),
             QStringLiteral("CREATE INDEX sales_date ON sales(date)"),
             QStringLiteral("CREATE INDEX sales_status ON sales(status)"),
             QStringLiteral("CREATE INDEX sales_total_minor ON sales(total_minor)"),
             QStringLiteral("CREATE INDEX sales_location_id ON sales(location_id)"),
             QStringLiteral("CREATE INDEX sales_customer_id ON sales(customer_id)"),
             QStringLiteral("CREATE INDEX sales_payment_type ON sales(payment_type)"),
             QStringLiteral("CREATE INDEX sales_deleted ON sales(deleted)"),
             QStringLiteral("CREATE INDEX sales_seen ON sales(connection_id, seen_run)"),
             QStringLiteral("CREATE TABLE sale_lines (id INTEGER PRIMARY KEY, connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE, external_id TEXT NOT NULL, sale_id TEXT, item_id TEXT, product_id TEXT, title TEXT, sku TEXT, consignor_id TEXT, quantity INTEGER NOT NULL, price_minor INTEGER NOT NULL, split_bp INTEGER, consignor_amount_minor INTEGER, currency TEXT NOT NULL, status TEXT, fulfilled INTEGER NOT NULL DEFAULT 1, date INTEGER, fulfilled_at INTEGER, payout_id TEXT, updated INTEGER, row_hash INTEGER NOT NULL DEFAULT 0, seen_run INTEGER NOT NULL DEFAULT 0, deleted INTEGER, UNIQUE (connection_id, external_id))"),
             QStringLiteral("CREATE INDEX sale_lines_sale_id ON sale_lines(sale_id)"),
             QStringLiteral("CREATE INDEX sale_lines_item_id ON sale_lines(item_id)"),
             QStringLiteral("CREATE INDEX sale_lines_product_id ON sale_lines(product_id)"),
             QStringLiteral("CREATE INDEX sale_lines_consignor_id ON sale_lines(consignor_id)"),
             QStringLiteral("CREATE INDEX sale_lines_payout_id ON sale_lines(payout_id)"),
             QStringLiteral("CREATE INDEX sale_lines_fulfilled_at ON sale_lines(fulfilled_at)"),
             QStringLiteral("CREATE INDEX sale_lines_seen ON sale_lines(connection_id, seen_run)"),
             QStringLiteral("CREATE TABLE payouts (id INTEGER PRIMARY KEY, connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE, external_id TEXT NOT NULL, consignor_id TEXT, date INTEGER, amount_minor INTEGER NOT NULL, adjustment_minor INTEGER NOT NULL DEFAULT 0, currency TEXT NOT NULL, reference TEXT, note TEXT, updated INTEGER, row_hash INTEGER NOT NULL DEFAULT 0, seen_run INTEGER NOT NULL DEFAULT 0, deleted INTEGER, UNIQUE (connection_id, external_id))"),
             QStringLiteral("CREATE INDEX payouts_consignor_id ON payouts(consignor_id)"),
             QStringLiteral("CREATE INDEX payouts_date ON payouts(date)"),
             QStringLiteral("CREATE INDEX payouts_amount_minor ON payouts(amount_minor)"),
             QStringLiteral("CREATE INDEX payouts_reference ON payouts(reference)"),
             QStringLiteral("CREATE INDEX payouts_deleted ON payouts(deleted)"),
             QStringLiteral("CREATE INDEX payouts_seen ON payouts(connection_id, seen_run)"),
             QStringLiteral("CREATE TABLE payout_lines (id INTEGER PRIMARY KEY, connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE, external_id TEXT NOT NULL, payout_id TEXT NOT NULL, sale_line_id TEXT, product_id TEXT, quantity INTEGER NOT NULL, split_bp INTEGER, amount_minor INTEGER NOT NULL, currency TEXT NOT NULL, row_hash INTEGER NOT NULL DEFAULT 0, seen_run INTEGER NOT NULL DEFAULT 0, deleted INTEGER, UNIQUE (connection_id, external_id))"),
             QStringLiteral("CREATE INDEX payout_lines_payout_id ON payout_lines(payout_id)"),
             QStringLiteral("CREATE INDEX payout_lines_sale_line_id ON payout_lines(sale_line_id)"),
             QStringLiteral("CREATE INDEX payout_lines_seen ON payout_lines(connection_id, seen_run)"),
             QStringLiteral("CREATE TABLE balance_entries (id INTEGER PRIMARY KEY, connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE, external_id TEXT NOT NULL, consignor_id TEXT, type TEXT, amount_minor INTEGER NOT NULL, balance_minor INTEGER NOT NULL, currency TEXT NOT NULL, sale_id TEXT, payout_reference TEXT, description TEXT, created INTEGER, row_hash INTEGER NOT NULL DEFAULT 0, seen_run INTEGER NOT NULL DEFAULT 0, deleted INTEGER, UNIQUE (connection_id, external_id))"),
             QStringLiteral("CREATE INDEX balance_entries_consignor_id ON balance_entries(consignor_id)"),
             QStringLiteral("CREATE INDEX balance_entries_created ON balance_entries(created)"),
             QStringLiteral("CREATE INDEX balance_entries_type ON balance_entries(type)"),
             QStringLiteral("CREATE INDEX balance_entries_seen ON balance_entries(connection_id, seen_run)"),
             QStringLiteral("CREATE TABLE categories (id INTEGER PRIMARY KEY, connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE, external_id TEXT NOT NULL, name TEXT NOT NULL DEFAULT '', parent_id TEXT, updated INTEGER, row_hash INTEGER NOT NULL DEFAULT 0, seen_run INTEGER NOT NULL DEFAULT 0, deleted INTEGER, UNIQUE (connection_id, external_id))"),
             QStringLiteral("CREATE INDEX categories_name ON categories(name COLLATE NOCASE)"),
             QStringLiteral("CREATE INDEX categories_seen ON categories(connection_id, seen_run)"),
             QStringLiteral("CREATE TABLE locations (id INTEGER PRIMARY KEY, connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE, external_id TEXT NOT NULL, name TEXT NOT NULL DEFAULT '', address TEXT, updated INTEGER, row_hash INTEGER NOT NULL DEFAULT 0, seen_run INTEGER NOT NULL DEFAULT 0, deleted INTEGER, UNIQUE (connection_id, external_id))"),
             QStringLiteral("CREATE INDEX locations_name ON locations(name COLLATE NOCASE)"),
             QStringLiteral("CREATE INDEX locations_seen ON locations(connection_id, seen_run)"),
             QStringLiteral("CREATE TABLE batches (id INTEGER PRIMARY KEY, connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE, external_id TEXT NOT NULL, number TEXT, consignor_id TEXT, description TEXT, status TEXT, location_id TEXT, item_count INTEGER NOT NULL DEFAULT 0, created INTEGER, updated INTEGER, row_hash INTEGER NOT NULL DEFAULT 0, seen_run INTEGER NOT NULL DEFAULT 0, deleted INTEGER, UNIQUE (connection_id, external_id))"),
             QStringLiteral("CREATE INDEX batches_consignor_id ON batches(consignor_id)"),
             QStringLiteral("CREATE INDEX batches_status ON batches(status)"),
             QStringLiteral("CREATE INDEX batches_seen ON batches(connection_id, seen_run)"),
             QStringLiteral("CREATE TABLE logistic_units (id INTEGER PRIMARY KEY, connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE, external_id TEXT NOT NULL, number TEXT, sscc TEXT, warehouse_id TEXT, warehouse TEXT, location_id TEXT, location TEXT, location_type TEXT, partner_id TEXT, partner TEXT, consignment_id TEXT, on_hand INTEGER NOT NULL, available INTEGER NOT NULL, row_hash INTEGER NOT NULL DEFAULT 0, seen_run INTEGER NOT NULL DEFAULT 0, deleted INTEGER, UNIQUE (connection_id, external_id))"),
             QStringLiteral("CREATE INDEX logistic_units_warehouse ON logistic_units(warehouse)"),
             QStringLiteral("CREATE INDEX logistic_units_location ON logistic_units(location)"),
             QStringLiteral("CREATE INDEX logistic_units_partner ON logistic_units(partner)"),
             QStringLiteral("CREATE INDEX logistic_units_consignment_id ON logistic_units(consignment_id)"),
             QStringLiteral("CREATE INDEX logistic_units_sscc ON logistic_units(sscc)"),
             QStringLiteral("CREATE INDEX logistic_units_seen ON logistic_units(connection_id, seen_run)"),
             QStringLiteral("CREATE TABLE stock_lines (id INTEGER PRIMARY KEY, connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE, external_id TEXT NOT NULL, logistic_unit_id TEXT, product_id TEXT, product_code TEXT, product_name TEXT, warehouse TEXT, location TEXT, partner TEXT, batch TEXT, on_hand INTEGER NOT NULL, available INTEGER NOT NULL, best_before TEXT, expiry TEXT, dangerous_goods INTEGER NOT NULL DEFAULT 0, dg_class TEXT, dg_un_number TEXT, serial_tracking_mode INTEGER NOT NULL DEFAULT 1, serial_required INTEGER NOT NULL DEFAULT 0, row_hash INTEGER NOT NULL DEFAULT 0, seen_run INTEGER NOT NULL DEFAULT 0, deleted INTEGER, UNIQUE (connection_id, external_id))"),
             QStringLiteral("CREATE INDEX stock_lines_logistic_unit_id ON stock_lines(logistic_unit_id)"),
             QStringLiteral("CREATE INDEX stock_lines_warehouse ON stock_lines(warehouse)"),
             QStringLiteral("CREATE INDEX stock_lines_location ON stock_lines(location)"),
             QStringLiteral("CREATE INDEX stock_lines_partner ON stock_lines(partner)"),
             QStringLiteral("CREATE INDEX stock_lines_product_code ON stock_lines(product_code)"),
             QStringLiteral("CREATE INDEX stock_lines_product_name ON stock_lines(product_name COLLATE NOCASE)"),
             QStringLiteral("CREATE INDEX stock_lines_batch ON stock_lines(batch)"),
             QStringLiteral("CREATE INDEX stock_lines_expiry ON stock_lines(expiry)"),
             QStringLiteral("CREATE INDEX stock_lines_dangerous_goods ON stock_lines(dangerous_goods)"),
             QStringLiteral("CREATE INDEX stock_lines_seen ON stock_lines(connection_id, seen_run)"),
             QStringLiteral("CREATE TABLE serial_items (id INTEGER PRIMARY KEY, connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE, external_id TEXT NOT NULL, stock_line_id TEXT NOT NULL, serial TEXT, on_hand INTEGER NOT NULL, available INTEGER NOT NULL, row_hash INTEGER NOT NULL DEFAULT 0, seen_run INTEGER NOT NULL DEFAULT 0, deleted INTEGER, UNIQUE (connection_id, external_id))"),
             QStringLiteral("CREATE INDEX serial_items_stock_line_id ON serial_items(stock_line_id)"),
             QStringLiteral("CREATE INDEX serial_items_serial ON serial_items(serial)"),
             QStringLiteral("CREATE INDEX serial_items_seen ON serial_items(connection_id, seen_run)"),
             QStringLiteral("CREATE TABLE consumables (id INTEGER PRIMARY KEY, connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE, external_id TEXT NOT NULL, consignment_id TEXT NOT NULL, consignment_number TEXT, type_id TEXT NOT NULL, name TEXT, value_thousandths INTEGER NOT NULL, row_hash INTEGER NOT NULL DEFAULT 0, seen_run INTEGER NOT NULL DEFAULT 0, deleted INTEGER, UNIQUE (connection_id, external_id))"),
             QStringLiteral("CREATE INDEX consumables_consignment_id ON consumables(consignment_id)"),
             QStringLiteral("CREATE INDEX consumables_seen ON consumables(connection_id, seen_run)"),
             QStringLiteral("CREATE VIRTUAL TABLE items_fts USING fts5(title, sku, description, brand, content='items', content_rowid='id', tokenize='unicode61 remove_diacritics 2')"),
             QStringLiteral("CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN INSERT INTO items_fts(rowid, title, sku, description, brand) VALUES (new.id, new.title, new.sku, new.description, new.brand); END"),
             QStringLiteral("CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN INSERT INTO items_fts(items_fts, rowid, title, sku, description, brand) VALUES ('delete', old.id, old.title, old.sku, old.description, old.brand); END"),
             QStringLiteral("CREATE TRIGGER items_fts_update AFTER UPDATE OF title, sku, description, brand ON items BEGIN INSERT INTO items_fts(items_fts, rowid, title, sku, description, brand) VALUES ('delete', old.id, old.title, old.sku, old.description, old.brand); INSERT INTO items_fts(rowid, title, sku, description, brand) VALUES (new.id, new.title, new.sku, new.description, new.brand); END"),
             QStringLiteral("CREATE VIRTUAL TABLE consignors_fts USING fts5(name, email, number, company, content='consignors', content_rowid='id', tokenize='unicode61 remove_diacritics 2')"),
             QStringLiteral("CREATE TRIGGER consignors_fts_insert AFTER INSERT ON consignors BEGIN INSERT INTO consignors_fts(rowid, name, email, number, company) VALUES (new.id, new.name, new.email, new.number, new.company); END"),
             QStringLiteral("CREATE TRIGGER consignors_fts_delete AFTER DELETE ON consignors BEGIN INSERT INTO consignors_fts(consignors_fts, rowid, name, email, number, company) VALUES ('delete', old.id, old.name, old.email, old.number, old.company); END"),
             QStringLiteral("CREATE TRIGGER consignors_fts_update AFTER UPDATE OF name, email, number, company ON consignors BEGIN INSERT INTO consignors_fts(consignors_fts, rowid, name, email, number, company) VALUES ('delete', old.id, old.name, old.email, old.number, old.company); INSERT INTO consignors_fts(rowid, name, email, number, company) VALUES (new.id, new.name, new.email, new.number, new.company); END"),
             QStringLiteral("CREATE VIRTUAL TABLE stock_lines_fts USING fts5(product_code, product_name, batch, content='stock_lines', content_rowid='id', tokenize='unicode61 remove_diacritics 2')"),
             QStringLiteral("CREATE TRIGGER stock_lines_fts_insert AFTER INSERT ON stock_lines BEGIN INSERT INTO stock_lines_fts(rowid, product_code, product_name, batch) VALUES (new.id, new.product_code, new.product_name, new.batch); END"),
             QStringLiteral("CREATE TRIGGER stock_lines_fts_delete AFTER DELETE ON stock_lines BEGIN INSERT INTO stock_lines_fts(stock_lines_fts, rowid, product_code, product_name, batch) VALUES ('delete', old.id, old.product_code, old.product_name, old.batch); END"),
             QStringLiteral("CREATE TRIGGER stock_lines_fts_update AFTER UPDATE OF product_code, product_name, batch ON stock_lines BEGIN INSERT INTO stock_lines_fts(stock_lines_fts, rowid, product_code, product_name, batch) VALUES ('delete', old.id, old.product_code, old.product_name, old.batch); INSERT INTO stock_lines_fts(rowid, product_code, product_name, batch) VALUES (new.id, new.product_code, new.product_name, new.batch); END"),
             QStringLiteral("CREATE TABLE item_prices (item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE, price_minor INTEGER NOT NULL, seen INTEGER NOT NULL)"),
             QStringLiteral("CREATE INDEX item_prices_item ON item_prices(item_id, seen)"),
             QStringLiteral("CREATE TRIGGER items_price_insert AFTER INSERT ON items BEGIN INSERT INTO item_prices VALUES (new.id, new.price_minor, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)); END"),
             QStringLiteral("CREATE TRIGGER items_price_update AFTER UPDATE OF price_minor ON items WHEN old.price_minor IS NOT new.price_minor BEGIN INSERT INTO item_prices VALUES (new.id, new.price_minor, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)); END"),
             QStringLiteral("CREATE TABLE sync_state (connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE, resource TEXT NOT NULL, watermark INTEGER, cursor TEXT, run_id INTEGER, run_started INTEGER, run_full INTEGER NOT NULL DEFAULT 0, pages INTEGER NOT NULL DEFAULT 0, last_complete INTEGER, last_error TEXT, PRIMARY KEY (connection_id, resource))"),
             QStringLiteral("CREATE TABLE sync_runs (id INTEGER PRIMARY KEY, connection_id TEXT NOT NULL REFERENCES connections(id) ON DELETE CASCADE, resource TEXT NOT NULL, started INTEGER NOT NULL, finished INTEGER, full INTEGER NOT NULL, status TEXT NOT NULL, pages INTEGER NOT NULL DEFAULT 0, added INTEGER NOT NULL DEFAULT 0, changed INTEGER NOT NULL DEFAULT 0, deleted INTEGER NOT NULL DEFAULT 0, error TEXT)"),
             QStringLiteral("CREATE INDEX sync_runs_connection ON sync_runs(connection_id, resource, started)"),
         }},
        // What a first bulk load set aside (indexes, FTS triggers) until it ends.
        {3,
         {
             QStringLiteral("CREATE TABLE bulk_load_set_aside (tbl TEXT NOT NULL, name TEXT NOT NULL, sql TEXT NOT NULL)"),
         }},
        // The items pane sorts and filters by category name (SimpleConsign has no category ids).
        {4,
         {
             QStringLiteral("CREATE INDEX items_category ON items(category COLLATE NOCASE)"),
         }},
        // Payouts: each connection's rules for what is payable, and the ledger of
        // approvals. An intent is written (synchronous=FULL) before its request
        // leaves; its state says what is known of the vendor's side. At most one
        // open intent per consignor, so two approvals cannot both be sent. The
        // ledger outlives a removed connection (no foreign key): it is the record
        // of money moved.
        {5,
         {
             QStringLiteral("CREATE TABLE payout_settings (connection_id TEXT PRIMARY KEY REFERENCES connections(id) ON DELETE CASCADE, holding_days INTEGER NOT NULL DEFAULT 14, tracking_start TEXT)"),
             QStringLiteral("CREATE TABLE payout_intents (id INTEGER PRIMARY KEY, connection_id TEXT NOT NULL, connection_name TEXT NOT NULL, vendor TEXT NOT NULL, consignor_id TEXT NOT NULL, consignor_name TEXT NOT NULL DEFAULT '', amount_minor INTEGER NOT NULL CHECK (amount_minor > 0), currency TEXT NOT NULL, reference TEXT NOT NULL UNIQUE, lines TEXT NOT NULL DEFAULT '[]', approved_by TEXT NOT NULL, approved_at INTEGER NOT NULL, state TEXT NOT NULL CHECK (state IN ('approved', 'sending', 'confirmed', 'rejected', 'unknown', 'absent')), attempts INTEGER NOT NULL DEFAULT 0, sent_at INTEGER, settled_at INTEGER, vendor_payout_id TEXT, vendor_reference TEXT, detail TEXT)"),
             QStringLiteral("CREATE UNIQUE INDEX payout_intents_open ON payout_intents(connection_id, consignor_id) WHERE state IN ('approved', 'sending', 'unknown')"),
             QStringLiteral("CREATE INDEX payout_intents_approved ON payout_intents(approved_at)"),
             QStringLiteral("CREATE TABLE payout_intent_log (intent_id INTEGER NOT NULL REFERENCES payout_intents(id) ON DELETE CASCADE, at INTEGER NOT NULL, state TEXT NOT NULL, detail TEXT)"),
             QStringLiteral("CREATE INDEX payout_intent_log_intent ON payout_intent_log(intent_id, at)"),
         }},
        // The items pane over a million items (issue 6). It lists the live
        // items (deleted IS NULL AND inactive = 0) unless told otherwise. Each
        // index it sorts or filters by is rebuilt with the row's id and live
        // state after its key: a walk in its order (key, id), a filter on it
        // and a count of the live rows in a range of it (the rows before a
        // record) then read the index alone, never the items' rows. The
        // category filter compares exactly (its sort index has NOCASE).
        // items_live_id counts the live items and checks a search's matches.
        // items_deleted goes: nearly every item has deleted NULL, but without
        // statistics SQLite took "deleted IS NULL" through it for selective,
        // and read and sorted every item for each block of rows shown.
        {6,
         [] {
             // items_deleted, and the partial indexes an interim build of
             // this migration (numbered 5) made.
             QStringList dropped{QStringLiteral("items_deleted")};
             for (const char *key : {"id", "created", "price_minor", "status", "category", "inventory_type",
                                     "ecommerce", "connection", "sku", "title", "category_nocase", "updated"})
                 dropped.append(QStringLiteral("items_live_") + QLatin1String(key));
             QStringList statements;
             QStringList names;
             for (const QString &name : std::as_const(dropped)) {
                 statements.append(QStringLiteral("DROP INDEX IF EXISTS ") + name);
                 names.append(QStringLiteral("'index ") + name + u'\'');
             }
             const char *const replaced[][2] = {
                 {"items_sku", "sku"},
                 {"items_title", "title COLLATE NOCASE"},
                 {"items_category", "category COLLATE NOCASE"},
                 {"items_status", "status"},
                 {"items_inventory_type", "inventory_type"},
                 {"items_price_minor", "price_minor"},
                 {"items_ecommerce", "ecommerce"},
                 {"items_created", "created"},
                 {"items_updated", "updated"},
                 {"items_consignor_id", "consignor_id, connection_id"}, // the consignor filter
                 {"items_seen", "connection_id, seen_run"},             // the connection filter
             };
             for (const auto &[name, key] : replaced) {
                 statements.append(QStringLiteral("DROP INDEX IF EXISTS %1").arg(QLatin1String(name)));
                 statements.append(QStringLiteral("CREATE INDEX %1 ON items(%2, id, inactive, deleted)")
                                       .arg(QLatin1String(name), QLatin1String(key)));
                 names.append(QStringLiteral("'index %1'").arg(QLatin1String(name)));
             }
             // A first load cut short set the old ones aside: not to be restored.
             statements.append(QStringLiteral("DELETE FROM bulk_load_set_aside WHERE tbl = 'items' AND name IN (%1)")
                                   .arg(names.join(QStringLiteral(", "))));
             statements.append(QStringLiteral(
                 "CREATE INDEX items_category_exact ON items(category, id, inactive, deleted)"));
             statements.append(QStringLiteral("CREATE INDEX items_live_id ON items(id, deleted, inactive) "
                                              "WHERE deleted IS NULL AND inactive = 0"));
             return statements;
         }()},
        // What a sync pays per item, in index entries. items_seen had the run
        // mark in its key, so every row a sync saw, changed or not, rewrote an
        // index entry: the connection filter needs (connection, id) only, and
        // a complete listing's sweep for the rows it did not see reads the
        // connection's rows once instead. No pane or report filters or sorts
        // items by category, location or batch id (the category filter is by
        // name): those three indexes go.
        {7,
         {
             QStringLiteral("DROP INDEX IF EXISTS items_seen"),
             QStringLiteral("DROP INDEX IF EXISTS items_category_id"),
             QStringLiteral("DROP INDEX IF EXISTS items_location_id"),
             QStringLiteral("DROP INDEX IF EXISTS items_batch_id"),
             QStringLiteral("DELETE FROM bulk_load_set_aside WHERE tbl = 'items' AND name IN ('index items_seen', "
                            "'index items_category_id', 'index items_location_id', 'index items_batch_id')"),
             QStringLiteral("CREATE INDEX items_connection ON items(connection_id, id, inactive, deleted)"),
         }},
    };
    return list;
}

} // namespace ConsignDesk::Store
