#pragma once

#include "widgets/htmldetailview.h"

namespace ConsignDesk {

/// @short A sale: status, payment, totals and its lines, each with its item,
/// consignor and the payout it was paid out in.
class SaleDetail : public HtmlDetailView {
    Q_OBJECT
public:
    explicit SaleDetail(QSqlDatabase db, QWidget *parent = nullptr);

protected:
    bool render(qint64 id, DetailFormat::Html &html) override;
};

} // namespace ConsignDesk
