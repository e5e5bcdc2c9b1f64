#pragma once

// The inventory listing's filters, and the filtered row lists, cached per
// filter until the data changes.

#include "sandbox/consignly/consignlystore.h"
#include "sandbox/http.h"

#include <QHash>

#include <memory>
#include <optional>
#include <vector>

namespace ConsignDesk::Sandbox::Consignly {

/// GET /v1/inventory's query: what a record (logistic unit) and its product lines must match.
struct InventoryFilter {
    QString search;                    ///< product code, name, batch or SSCC contain it (any case)
    std::optional<quint32> partner;
    std::optional<quint32> product;
    std::optional<quint32> warehouse;
    std::optional<quint32> zone;
    std::optional<quint32> location;
    std::optional<quint32> hazardClass;
    std::optional<quint32> hazardCategory;
    bool includeDepleted = false;
    bool matchesNothing = false;       ///< a well-formed id that names nothing here

    /// Reads the query; a malformed uuid or boolean is an error.
    static std::optional<InventoryFilter> read(const Request &request, const Store &store, QString *error);
    /// Every logistic unit with every line (IncludeDepleted=true and nothing else).
    bool isEverything() const;
    QString cacheKey() const;
};

/// The records of one filter, in the store's order (logistic unit index).
class InventoryRows
{
public:
    InventoryRows(const Store &store, std::shared_ptr<const std::vector<quint32>> packed)
        : m_store(store), m_packed(std::move(packed)) {}
    qint64 size() const { return m_packed ? qint64(m_packed->size()) : qint64(m_store.units.size()); }
    quint32 unit(qint64 row) const { return m_packed ? (*m_packed)[std::size_t(row)] >> 4 : quint32(row); }
    /// Which of the unit's lines are listed: bit i is its i-th line.
    quint32 lineMask(qint64 row) const
    {
        return m_packed ? ((*m_packed)[std::size_t(row)] & 0xF) : ((1u << m_store.units[std::size_t(row)].lineCount) - 1);
    }

private:
    const Store &m_store;
    std::shared_ptr<const std::vector<quint32>> m_packed; ///< (unit << 4) | line mask; null: everything
};

class InventoryIndex
{
public:
    InventoryRows rows(const Store &store, const InventoryFilter &filter);

private:
    std::shared_ptr<const std::vector<quint32>> compute(const Store &store, const InventoryFilter &filter) const;

    quint64 m_version = 0;
    QHash<QString, std::shared_ptr<const std::vector<quint32>>> m_cache;
};

} // namespace ConsignDesk::Sandbox::Consignly
