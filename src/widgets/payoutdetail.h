#pragma once

#include "widgets/htmldetailview.h"

namespace ConsignDesk {

/// @short A payout: its consignor, amount, reference and its lines.
class PayoutDetail : public HtmlDetailView {
    Q_OBJECT
public:
    explicit PayoutDetail(QSqlDatabase db, QWidget *parent = nullptr);

protected:
    bool render(qint64 id, DetailFormat::Html &html) override;
};

} // namespace ConsignDesk
