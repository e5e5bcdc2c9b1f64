#include "sandbox/consignly/consignlyquery.h"

#include <algorithm>

namespace ConsignDesk::Sandbox::Consignly {

namespace {

// A uuid query parameter: absent, one of ours (its index), or a well-formed id
// that names nothing here.
bool readId(const Request &request, const char *name, const Store &store, IdKind kind, std::size_t count,
            std::optional<quint32> *out, bool *matchesNothing, QString *error)
{
    const QString key = QString::fromLatin1(name);
    if (!request.hasQuery(key))
        return true;
    const QString text = request.queryValue(key).trimmed();
    if (text.isEmpty())
        return true;
    if (!isUuid(text)) {
        *error = QStringLiteral("The value '%1' is not valid for %2.").arg(text, key);
        return false;
    }
    const std::optional<quint64> index = parseId(store.seed(), kind, text);
    if (index && *index < count)
        *out = quint32(*index);
    else
        *matchesNothing = true;
    return true;
}

} // namespace

std::optional<InventoryFilter> InventoryFilter::read(const Request &request, const Store &store, QString *error)
{
    InventoryFilter filter;
    filter.search = request.queryValue(QStringLiteral("SearchText")).trimmed();
    const bool ok = readId(request, "PartnerId", store, IdKind::Partner, store.partners.size(), &filter.partner,
                           &filter.matchesNothing, error)
        && readId(request, "PartnerProductId", store, IdKind::PartnerProduct, store.products.size(), &filter.product,
                  &filter.matchesNothing, error)
        && readId(request, "WarehouseId", store, IdKind::Warehouse, store.warehouses.size(), &filter.warehouse,
                  &filter.matchesNothing, error)
        && readId(request, "WarehouseZoneId", store, IdKind::Zone, store.zones.size(), &filter.zone,
                  &filter.matchesNothing, error)
        && readId(request, "WarehouseLocationId", store, IdKind::Location, store.locations.size(), &filter.location,
                  &filter.matchesNothing, error)
        && readId(request, "DgHazardClassId", store, IdKind::DgClass, std::size_t(hazardClassCount()),
                  &filter.hazardClass, &filter.matchesNothing, error)
        && readId(request, "DgHazardCategoryId", store, IdKind::DgCategory, std::size_t(hazardCategoryCount()),
                  &filter.hazardCategory, &filter.matchesNothing, error);
    if (!ok)
        return std::nullopt;
    const QString depleted = request.queryValue(QStringLiteral("IncludeDepleted")).trimmed();
    if (depleted.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
        filter.includeDepleted = true;
    else if (!depleted.isEmpty() && depleted.compare(QLatin1String("false"), Qt::CaseInsensitive) != 0) {
        *error = QStringLiteral("The value '%1' is not valid for IncludeDepleted.").arg(depleted);
        return std::nullopt;
    }
    return filter;
}

bool InventoryFilter::isEverything() const
{
    return includeDepleted && !matchesNothing && search.isEmpty() && !partner && !product && !warehouse && !zone
        && !location && !hazardClass && !hazardCategory;
}

QString InventoryFilter::cacheKey() const
{
    auto part = [](const std::optional<quint32> &value) {
        return value ? QString::number(*value) : QString();
    };
    return QStringList{search.toLower(), part(partner), part(product), part(warehouse), part(zone), part(location),
                       part(hazardClass), part(hazardCategory), includeDepleted ? QStringLiteral("d") : QString(),
                       matchesNothing ? QStringLiteral("x") : QString()}
        .join(u'|');
}

InventoryRows InventoryIndex::rows(const Store &store, const InventoryFilter &filter)
{
    if (filter.isEverything())
        return InventoryRows(store, nullptr);
    if (m_version != store.version() || m_cache.size() > 32) {
        m_cache.clear();
        m_version = store.version();
    }
    const QString key = filter.cacheKey();
    auto found = m_cache.constFind(key);
    if (found != m_cache.constEnd())
        return InventoryRows(store, found.value());
    auto packed = compute(store, filter);
    m_cache.insert(key, packed);
    return InventoryRows(store, packed);
}

std::shared_ptr<const std::vector<quint32>> InventoryIndex::compute(const Store &store,
                                                                     const InventoryFilter &filter) const
{
    auto packed = std::make_shared<std::vector<quint32>>();
    if (filter.matchesNothing)
        return packed;
    std::vector<char> productMatches;
    bool searchDigits = false;
    if (!filter.search.isEmpty()) {
        productMatches.resize(store.products.size());
        for (std::size_t p = 0; p < store.products.size(); ++p) {
            const ProductText text = store.productText(quint32(p));
            productMatches[p] = text.code.contains(filter.search, Qt::CaseInsensitive)
                || text.name.contains(filter.search, Qt::CaseInsensitive);
        }
        searchDigits = std::all_of(filter.search.cbegin(), filter.search.cend(), [](QChar c) { return c.isDigit(); });
    }
    for (std::size_t u = 0; u < store.units.size(); ++u) {
        const LogisticUnit &unit = store.units[u];
        const Location &location = store.locations[unit.location];
        if ((filter.partner && unit.partner != *filter.partner) || (filter.location && unit.location != *filter.location)
            || (filter.zone && location.zone != *filter.zone) || (filter.warehouse && location.warehouse != *filter.warehouse))
            continue;
        const bool ssccMatches = searchDigits && ssccFor(store.seed(), quint32(u)).contains(filter.search);
        quint32 mask = 0;
        for (quint32 i = 0; i < unit.lineCount; ++i) {
            const quint32 lineIndex = unit.firstLine + i;
            const ProductLine &line = store.lines[lineIndex];
            if (!filter.includeDepleted && line.onHand == 0)
                continue;
            if (filter.product && line.product != *filter.product)
                continue;
            const Product &product = store.products[line.product];
            if (filter.hazardClass || filter.hazardCategory) {
                if (product.dangerousGood < 0)
                    continue;
                const DangerousGoodInfo &dg = dangerousGood(product.dangerousGood);
                if ((filter.hazardClass && quint32(dg.hazardClass) != *filter.hazardClass)
                    || (filter.hazardCategory && quint32(dg.hazardCategory) != *filter.hazardCategory))
                    continue;
            }
            if (!filter.search.isEmpty() && !ssccMatches && !productMatches[line.product]
                && !(product.batched && store.batch(lineIndex).contains(filter.search, Qt::CaseInsensitive)))
                continue;
            mask |= 1u << i;
        }
        if (mask != 0)
            packed->push_back((quint32(u) << 4) | mask);
    }
    return packed;
}

} // namespace ConsignDesk::Sandbox::Consignly
