#include "models/cachetablemodel.h"

#include "core/currency.h"
#include "core/numbers.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QPalette>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>
#include <functional>
#include <limits>

Q_LOGGING_CATEGORY(lcModels, "consigndesk.models")

namespace ConsignDesk::Models {

namespace {

constexpr int blockSize = 200;
constexpr int cachedBlocks = 60; // 12,000 rows

// Leading columns of every row read: the id and whether it is deleted.
constexpr int idField = 0;
constexpr int deletedField = 1;
constexpr int firstColumnField = 2;

QString likePattern(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'%', QStringLiteral("\\%")).replace(u'_', QStringLiteral("\\_"));
    return u'%' + escaped + u'%';
}

qint64 startOfDayMs(const QDate &date)
{
    return date.startOfDay().toMSecsSinceEpoch();
}

} // namespace

CacheTableModel::CacheTableModel(const TableSpec &spec, QSqlDatabase db, QObject *parent)
    : QAbstractTableModel(parent)
    , m_spec(spec)
    , m_db(std::move(db))
    , m_blocks(cachedBlocks)
{
    int next = firstColumnField + int(m_spec.columns.size());
    for (const ColumnSpec &column : m_spec.columns)
        m_currencyIndex.append(column.kind == ColumnKind::Money ? next++ : -1);
    m_sortColumn = columnOf(m_spec.defaultSortKey);
    m_sortOrder = m_spec.defaultOrder;
    m_count = countRows();
}

CacheTableModel::~CacheTableModel() = default;

int CacheTableModel::columnOf(const QString &key) const
{
    for (int i = 0; i < m_spec.columns.size(); ++i) {
        if (m_spec.columns.at(i).key == key)
            return i;
    }
    return -1;
}

int CacheTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int CacheTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_spec.columns.size());
}

CacheTableModel::Where CacheTableModel::where() const
{
    QStringList clauses;
    QVariantList binds;
    if (!m_spec.baseWhere.isEmpty())
        clauses.append(m_spec.baseWhere);
    for (const FilterSpec &filter : m_spec.filters) {
        const QVariant value = m_filterValues.value(filter.key);
        switch (filter.kind) {
        case FilterSpec::Kind::Choice: {
            const QVariantList values = value.toList();
            if (values.isEmpty())
                break;
            clauses.append(filter.sql);
            binds.append(values);
            break;
        }
        case FilterSpec::Kind::MoneyRange:
        case FilterSpec::Kind::NumberRange:
        case FilterSpec::Kind::DateRange: {
            const QVariantList range = value.toList();
            for (int end = 0; end < std::min<qsizetype>(2, range.size()); ++end) {
                const QVariant bound = range.at(end);
                if (!bound.isValid() || bound.isNull())
                    continue;
                const char *op = end == 0 ? ">=" : (filter.kind == FilterSpec::Kind::DateRange ? "<" : "<=");
                clauses.append(QStringLiteral("%1 %2 ?").arg(filter.sql, QLatin1String(op)));
                if (filter.kind != FilterSpec::Kind::DateRange) {
                    binds.append(bound.toLongLong());
                } else {
                    const QDate date = end == 0 ? bound.toDate() : bound.toDate().addDays(1); // "to" includes its day
                    binds.append(filter.textDates ? QVariant(date.toString(Qt::ISODate)) : QVariant(startOfDayMs(date)));
                }
            }
            break;
        }
        case FilterSpec::Kind::Flag:
            if (value.toBool()) {
                if (!filter.sql.isEmpty())
                    clauses.append(filter.sql);
            } else if (!filter.uncheckedSql.isEmpty()) {
                clauses.append(filter.uncheckedSql);
            }
            break;
        case FilterSpec::Kind::Days:
            if (value.toInt() > 0) {
                clauses.append(filter.sql);
                binds.append(QDate::currentDate().addDays(value.toInt()).toString(Qt::ISODate));
            }
            break;
        case FilterSpec::Kind::Text:
            if (!value.toString().trimmed().isEmpty()) {
                clauses.append(filter.sql);
                binds.append(likePattern(value.toString().trimmed()));
            }
            break;
        }
    }
    const QString typed = m_search.trimmed();
    if (!typed.isEmpty()) {
        QStringList any;
        if (!m_spec.ftsTable.isEmpty()) {
            const QString fts = ftsQuery(typed);
            if (!fts.isEmpty()) {
                any.append(QStringLiteral("t.id IN (SELECT rowid FROM %1 WHERE %1 MATCH ?)").arg(m_spec.ftsTable));
                binds.append(fts);
            }
        }
        for (const QString &column : m_spec.searchColumns) {
            any.append(column + QStringLiteral(" LIKE ? ESCAPE '\\'"));
            binds.append(likePattern(typed));
        }
        if (!any.isEmpty())
            clauses.append(u'(' + any.join(QStringLiteral(" OR ")) + u')');
    }
    const QString condition = clauses.join(QStringLiteral(" AND "));
    return {condition.isEmpty() ? QString() : QStringLiteral(" WHERE ") + condition, binds, condition};
}

QString CacheTableModel::selectList() const
{
    QStringList list{QStringLiteral("t.id"), QStringLiteral("t.deleted IS NOT NULL")};
    for (const ColumnSpec &column : m_spec.columns)
        list.append(column.sql);
    for (const ColumnSpec &column : m_spec.columns) {
        if (column.kind == ColumnKind::Money)
            list.append(column.currencySql);
    }
    return list.join(QStringLiteral(", "));
}

QString CacheTableModel::orderBy(bool reverse) const
{
    const bool descending = (m_sortOrder == Qt::DescendingOrder) != reverse;
    const QString direction = descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    QString sql = QStringLiteral(" ORDER BY ");
    if (m_sortColumn >= 0 && !m_spec.columns.at(m_sortColumn).sortSql.isEmpty())
        sql += m_spec.columns.at(m_sortColumn).sortSql + direction + QStringLiteral(", ");
    return sql + QStringLiteral("t.id") + direction;
}

void CacheTableModel::fail(const QString &what, const QString &error) const
{
    m_error = QCoreApplication::translate("ConsignDesk::Models::CacheTableModel", "Reading %1 failed: %2")
                  .arg(what, error);
    qCWarning(lcModels) << m_error;
    Q_EMIT const_cast<CacheTableModel *>(this)->errorOccurred(m_error);
}

int CacheTableModel::countRows() const
{
    QElapsedTimer timer;
    timer.start();
    const Where w = where();
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT count(*) FROM %1 t%2").arg(m_spec.table, w.sql));
    for (const QVariant &bind : w.binds)
        query.addBindValue(bind);
    if (!query.exec() || !query.next()) {
        fail(m_spec.table, query.lastError().text());
        return 0;
    }
    const qint64 count = query.value(0).toLongLong();
    query.finish();
    // The table's size, for block() to weigh walking the sort order against
    // sorting the matches: its largest id is close enough and costs a lookup.
    QSqlQuery size(m_db);
    size.setForwardOnly(true);
    m_tableRows = size.exec(QStringLiteral("SELECT max(rowid) FROM %1").arg(m_spec.table)) && size.next()
        ? size.value(0).toLongLong()
        : count;
    m_error.clear();
    m_countMs = timer.elapsed();
    return int(std::min<qint64>(count, std::numeric_limits<int>::max()));
}

const CacheTableModel::Block *CacheTableModel::block(int index) const
{
    if (Block *cached = m_blocks.object(index))
        return cached;
    const int first = index * blockSize;
    const int last = std::min(m_count, first + blockSize) - 1;
    if (last < first)
        return nullptr;
    // Past the middle, read from the end in reverse order: OFFSET steps
    // through the rows it skips.
    const bool reverse = first > m_count / 2;
    const int offset = reverse ? m_count - 1 - last : first;
    const Where w = where();
    // Two ways to a block's ids. Walking the sort order's index and testing
    // each row against the filters reads about (offset + rows) * table rows /
    // matching rows; driving from a filter's index (or the search's matches)
    // reads and sorts every match. SQLite, without statistics, takes any
    // equality for selective and drives from it, which for a filter most rows
    // pass sorts them all for each block: when walking reads fewer rows, the
    // filters are hidden from the planner (unary +) so that it walks.
    // A filter on the sort key itself (a range of dates sorted by date) is
    // left to SQLite: its index gives both the range and the order.
    const double rows = last - first + 1;
    const bool sorted = m_sortColumn >= 0 && !m_spec.columns.at(m_sortColumn).sortSql.isEmpty();
    const QString key = sorted ? m_spec.columns.at(m_sortColumn).sortSql.section(QStringLiteral(" COLLATE"), 0, 0)
                               : QStringLiteral("t.id");
    const bool walk = !w.condition.isEmpty() && !w.condition.contains(key)
        && (offset + rows) * double(m_tableRows) <= double(m_count) * m_count;
    const QString filter = walk ? QStringLiteral(" WHERE +(%1)").arg(w.condition) : w.sql;
    // The ids first, then their columns: only the block's rows compute the
    // columns (names looked up in other tables), not every match sorted.
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM %2 t WHERE t.id IN (SELECT t.id FROM %2 t%3%4 LIMIT %5 OFFSET %6)%4")
                      .arg(selectList(), m_spec.table, filter, orderBy(reverse))
                      .arg(last - first + 1)
                      .arg(offset));
    for (const QVariant &bind : w.binds)
        query.addBindValue(bind);
    if (!query.exec()) {
        fail(m_spec.table, query.lastError().text());
        return nullptr;
    }
    auto *loaded = new Block;
    const int fields = query.record().count();
    while (query.next()) {
        QVariantList row;
        row.reserve(fields);
        for (int f = 0; f < fields; ++f)
            row.append(query.value(f));
        loaded->rows.append(std::move(row));
    }
    if (reverse)
        std::reverse(loaded->rows.begin(), loaded->rows.end());
    // Rows may have gone since the count (a sync is writing): a short block
    // leaves its last rows empty until refresh() recounts.
    if (reverse && loaded->rows.size() < last - first + 1)
        loaded->rows.insert(0, (last - first + 1) - loaded->rows.size(), QVariantList());
    QList<qint64> &shown = m_shownIds[index];
    shown.clear();
    for (const QVariantList &row : std::as_const(loaded->rows))
        shown.append(row.isEmpty() ? 0 : row.at(idField).toLongLong());
    m_blocks.insert(index, loaded);
    return loaded;
}

const QVariantList *CacheTableModel::rowAt(int row) const
{
    if (row < 0 || row >= m_count)
        return nullptr;
    const Block *b = block(row / blockSize);
    if (!b)
        return nullptr;
    const int at = row % blockSize;
    if (at >= b->rows.size() || b->rows.at(at).isEmpty())
        return nullptr;
    return &b->rows.at(at);
}

qint64 CacheTableModel::shownIdAt(int row) const
{
    const auto it = m_shownIds.constFind(row / blockSize);
    if (it != m_shownIds.constEnd() && row % blockSize < it->size())
        return it->at(row % blockSize);
    return idAt(row);
}

void CacheTableModel::dropRows()
{
    m_blocks.clear();
    m_shownIds.clear();
}

qint64 CacheTableModel::idAt(int row) const
{
    const QVariantList *values = rowAt(row);
    return values ? values->at(idField).toLongLong() : 0;
}

QVariant CacheTableModel::display(int column, const QVariantList &row) const
{
    const ColumnSpec &spec = m_spec.columns.at(column);
    const QVariant value = row.at(firstColumnField + column);
    if (value.isNull())
        return {};
    switch (spec.kind) {
    case ColumnKind::Text:
        return value.toString();
    case ColumnKind::Integer:
        return m_locale.toString(value.toLongLong());
    case ColumnKind::Money:
        return Currency::format(value.toLongLong(), row.at(m_currencyIndex.at(column)).toString(), m_locale);
    case ColumnKind::Time:
        return m_locale.toString(QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC).toLocalTime(),
                                 QLocale::ShortFormat);
    case ColumnKind::Date: {
        const QDate date = QDate::fromString(value.toString().left(10), Qt::ISODate);
        return date.isValid() ? m_locale.toString(date, QLocale::ShortFormat) : value.toString();
    }
    case ColumnKind::Percent:
        return Numbers::percentFromBasisPoints(value.toLongLong(), m_locale);
    case ColumnKind::Bool:
        return value.toLongLong() ? QCoreApplication::translate("ConsignDesk::Models::CacheTableModel", "Yes")
                                  : QString();
    case ColumnKind::Thousandths:
        return m_locale.toString(double(value.toLongLong()) / 1000.0, 'f', 3);
    }
    return value;
}

QVariant CacheTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int column = index.column();
    const ColumnKind kind = m_spec.columns.at(column).kind;
    if (role == Qt::TextAlignmentRole) {
        const bool number = kind == ColumnKind::Money || kind == ColumnKind::Integer || kind == ColumnKind::Percent
            || kind == ColumnKind::Thousandths;
        return QVariant::fromValue(Qt::Alignment((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::ForegroundRole && role != RawRole
        && role != CurrencyRole && role != IdRole && role != DeletedRole && role != Qt::AccessibleTextRole)
        return {};
    const QVariantList *row = rowAt(index.row());
    if (!row)
        return {};
    const bool deleted = row->at(deletedField).toBool();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return display(column, *row);
    case Qt::ToolTipRole:
        if (deleted)
            return QCoreApplication::translate("ConsignDesk::Models::CacheTableModel",
                                               "Deleted or inactive at the vendor");
        return {};
    case Qt::ForegroundRole:
        if (deleted)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case RawRole:
        return row->at(firstColumnField + column);
    case CurrencyRole:
        return m_currencyIndex.at(column) >= 0 ? row->at(m_currencyIndex.at(column)) : QVariant();
    case IdRole:
        return row->at(idField);
    case DeletedRole:
        return deleted;
    }
    return {};
}

QVariant CacheTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_spec.columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    const ColumnSpec &column = m_spec.columns.at(section);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return QCoreApplication::translate("ConsignDesk::Models::Columns", column.title);
    case Qt::ToolTipRole:
        return column.sortSql.isEmpty()
            ? QCoreApplication::translate("ConsignDesk::Models::CacheTableModel", "%1 (not sortable)")
                  .arg(QCoreApplication::translate("ConsignDesk::Models::Columns", column.title))
            : QVariant();
    case Qt::TextAlignmentRole: {
        const bool number = column.kind == ColumnKind::Money || column.kind == ColumnKind::Integer
            || column.kind == ColumnKind::Percent;
        return QVariant::fromValue(Qt::Alignment((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    }
    default:
        return {};
    }
}

void CacheTableModel::reset(const std::function<void()> &change)
{
    beginResetModel();
    change();
    dropRows();
    m_count = countRows();
    endResetModel();
}

void CacheTableModel::sort(int column, Qt::SortOrder order)
{
    if (column >= 0 && (column >= m_spec.columns.size() || m_spec.columns.at(column).sortSql.isEmpty()))
        return; // not sortable: the order stays as it is
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    // Sorting keeps the rows and moves them: a layout change, so the
    // selection follows its records.
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<qint64> ids;
    ids.reserve(before.size());
    for (const QModelIndex &index : before)
        ids.append(shownIdAt(index.row()));
    m_sortColumn = column;
    m_sortOrder = order;
    dropRows();
    QModelIndexList after;
    after.reserve(before.size());
    QHash<qint64, int> rowOf; // a selected row holds several indexes (each end, the current one)
    for (int i = 0; i < before.size(); ++i) {
        const qint64 id = ids.at(i);
        if (id > 0 && !rowOf.contains(id))
            rowOf.insert(id, rowOfId(id));
        const int row = id > 0 ? rowOf.value(id) : -1;
        after.append(row < 0 ? QModelIndex() : index(row, before.at(i).column()));
    }
    changePersistentIndexList(before, after);
    for (const QModelIndex &index : after) {
        if (index.isValid())
            shownIdAt(index.row());
    }
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void CacheTableModel::setSearch(const QString &text)
{
    if (text == m_search)
        return;
    reset([&] { m_search = text; });
}

void CacheTableModel::setFilters(const QVariantMap &values)
{
    if (values == m_filterValues)
        return;
    reset([&] { m_filterValues = values; });
}

void CacheTableModel::refresh()
{
    // One read transaction: the count, the new rows of held indexes and the
    // blocks they sit in all come from the same snapshot of the cache, however
    // a sync commits meanwhile (WAL readers see one state per transaction).
    const bool snapshot = m_db.transaction();
    const int newCount = countRows();
    // The record behind each held row, as it was shown, before any signal
    // lets a view read rows of the changed cache.
    QHash<int, qint64> shown;
    for (const QModelIndex &index : persistentIndexList()) {
        if (!shown.contains(index.row()))
            shown.insert(index.row(), shownIdAt(index.row()));
    }
    if (newCount > m_count) {
        beginInsertRows({}, m_count, newCount - 1);
        m_count = newCount;
        endInsertRows();
    }
    Q_EMIT layoutAboutToBeChanged();
    const QModelIndexList before = persistentIndexList();
    dropRows();
    const int shownCount = m_count;
    m_count = newCount; // rowOfId answers for the new rows
    QHash<qint64, int> rowOf;
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &index : before) {
        const qint64 id = shown.value(index.row());
        if (id > 0 && !rowOf.contains(id))
            rowOf.insert(id, rowOfId(id));
        const int row = id > 0 ? rowOf.value(id) : -1;
        after.append(row < 0 ? QModelIndex() : createIndex(row, index.column()));
    }
    m_count = shownCount; // rows beyond the new count go below, with their signals
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged();
    if (newCount < m_count) {
        beginRemoveRows({}, newCount, m_count - 1);
        m_count = newCount;
        endRemoveRows();
    }
    // Whatever was read while the count was still the old one is misaligned;
    // the held rows' ids are read again now, in the snapshot, so the next
    // refresh maps them from what they are, not from a later state.
    dropRows();
    for (const QModelIndex &index : persistentIndexList())
        shownIdAt(index.row());
    if (snapshot)
        m_db.commit();
    if (m_count > 0)
        Q_EMIT dataChanged(index(0, 0), index(m_count - 1, columnCount() - 1));
}

bool CacheTableModel::forEachRow(const std::function<void(const QVariantList &, const QStringList &)> &row,
                                 QString *error) const
{
    const Where w = where();
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM %2 t%3%4").arg(selectList(), m_spec.table, w.sql, orderBy(false)));
    for (const QVariant &bind : w.binds)
        query.addBindValue(bind);
    if (!query.exec()) {
        *error = query.lastError().text();
        return false;
    }
    const int columns = int(m_spec.columns.size());
    QVariantList values;
    QStringList currencies;
    while (query.next()) {
        values.clear();
        currencies.clear();
        for (int c = 0; c < columns; ++c) {
            values.append(query.value(firstColumnField + c));
            currencies.append(m_currencyIndex.at(c) >= 0 ? query.value(m_currencyIndex.at(c)).toString() : QString());
        }
        row(values, currencies);
    }
    return true;
}

int CacheTableModel::rowOfId(qint64 id) const
{
    const Where w = where();
    const bool sorted = m_sortColumn >= 0 && !m_spec.columns.at(m_sortColumn).sortSql.isEmpty();
    const QString sortSql = sorted ? m_spec.columns.at(m_sortColumn).sortSql : QString();
    // The record's sort value, and whether it matches at all.
    QSqlQuery own(m_db);
    own.setForwardOnly(true);
    own.prepare(QStringLiteral("SELECT %1 FROM %2 t%3%4t.id = ?")
                    .arg(sorted ? sortSql.section(QStringLiteral(" COLLATE"), 0, 0) : QStringLiteral("NULL"),
                         m_spec.table, w.sql, w.sql.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND ")));
    for (const QVariant &bind : w.binds)
        own.addBindValue(bind);
    own.addBindValue(id);
    if (!own.exec()) {
        fail(m_spec.table, own.lastError().text());
        return -1;
    }
    if (!own.next())
        return -1;
    const QVariant value = own.value(0);
    own.finish();
    // Rows before it in the order (SQLite puts NULL first in ascending order),
    // counted in parts that each read one range of the sort order's index (an
    // OR of them would read every matching row).
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    const QString idBefore = ascending ? QStringLiteral("t.id < ?") : QStringLiteral("t.id > ?");
    QList<std::pair<QString, QVariantList>> parts;
    if (!sorted) {
        parts.append({idBefore, {id}});
    } else {
        const QString key = sortSql.section(QStringLiteral(" COLLATE"), 0, 0);
        const QString collate = sortSql.contains(QStringLiteral(" COLLATE"))
            ? QStringLiteral(" COLLATE") + sortSql.section(QStringLiteral(" COLLATE"), 1)
            : QString();
        if (value.isNull()) {
            if (!ascending)
                parts.append({QStringLiteral("%1 IS NOT NULL").arg(key), {}});
            parts.append({QStringLiteral("%1 IS NULL AND %2").arg(key, idBefore), {id}});
        } else {
            parts.append({QStringLiteral("%1%2 %3 ?%2").arg(key, collate, ascending ? QStringLiteral("<")
                                                                                  : QStringLiteral(">")),
                          {value}});
            parts.append({QStringLiteral("%1%2 = ?%2 AND %3").arg(key, collate, idBefore), {value, id}});
            if (ascending)
                parts.append({QStringLiteral("%1 IS NULL").arg(key), {}});
        }
    }
    QStringList counts;
    QVariantList binds;
    for (const auto &[sql, partBinds] : std::as_const(parts)) {
        counts.append(QStringLiteral("(SELECT count(*) FROM %1 t%2%3%4)")
                          .arg(m_spec.table, w.sql,
                               w.sql.isEmpty() ? QStringLiteral(" WHERE ") : QStringLiteral(" AND "), sql));
        binds.append(w.binds);
        binds.append(partBinds);
    }
    QSqlQuery count(m_db);
    count.setForwardOnly(true);
    count.prepare(QStringLiteral("SELECT ") + counts.join(QStringLiteral(" + ")));
    for (const QVariant &bind : std::as_const(binds))
        count.addBindValue(bind);
    if (!count.exec() || !count.next()) {
        fail(m_spec.table, count.lastError().text());
        return -1;
    }
    const int row = count.value(0).toInt();
    return row < m_count ? row : -1;
}

QList<CacheTableModel::Total> CacheTableModel::totals(int column, const QList<std::pair<int, int>> &rows,
                                                     qint64 *count) const
{
    *count = 0;
    QList<Total> result;
    if (column < 0 || column >= m_spec.columns.size() || m_spec.columns.at(column).kind != ColumnKind::Money)
        return result;
    const ColumnSpec &spec = m_spec.columns.at(column);
    const Where w = where();
    QHash<QString, qint64> sums;
    for (const auto &[first, last] : rows) {
        if (first > last || first < 0)
            continue;
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        query.prepare(QStringLiteral("SELECT cur, sum(v), count(*) FROM (SELECT %1 AS v, %2 AS cur FROM %3 t%4%5 "
                                     "LIMIT %6 OFFSET %7) GROUP BY cur")
                          .arg(spec.sql, spec.currencySql, m_spec.table, w.sql, orderBy(false))
                          .arg(last - first + 1)
                          .arg(first));
        for (const QVariant &bind : w.binds)
            query.addBindValue(bind);
        if (!query.exec()) {
            fail(m_spec.table, query.lastError().text());
            return {};
        }
        while (query.next()) {
            sums[query.value(0).toString()] += query.value(1).toLongLong();
            *count += query.value(2).toLongLong();
        }
    }
    QStringList currencies = sums.keys();
    currencies.sort();
    for (const QString &currency : currencies)
        result.append({currency, sums.value(currency)});
    return result;
}

} // namespace ConsignDesk::Models
