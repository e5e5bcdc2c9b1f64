#include "widgets/consignordetail.h"
#include "widgets/itemdetail.h"
#include "widgets/payoutdetail.h"
#include "widgets/saledetail.h"
#include "widgets/warehousedetail.h"

namespace ConsignDesk {

DetailView *createDetailView(const QString &table, QSqlDatabase db, QNetworkAccessManager *network, const QString &imageCacheDir,
                             QWidget *parent)
{
    DetailView *view = nullptr;
    if (table == QLatin1String("items"))
        view = new ItemDetail(db, network, imageCacheDir, parent);
    else if (table == QLatin1String("consignors"))
        view = new ConsignorDetail(db, parent);
    else if (table == QLatin1String("sales"))
        view = new SaleDetail(db, parent);
    else if (table == QLatin1String("payouts"))
        view = new PayoutDetail(db, parent);
    else if (table == QLatin1String("stock_lines"))
        view = new WarehouseDetail(db, parent);
    if (view)
        view->setObjectName(table + QStringLiteral("Detail"));
    return view;
}

} // namespace ConsignDesk
