#include "widgets/warehousedetail.h"

#include "widgets/detailformat.h"

#include <QDate>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ConsignDesk {

using namespace DetailFormat;

namespace {

constexpr int serialLimit = 200;

qint64 num(const QSqlQuery &q, const char *column)
{
    return q.value(QLatin1String(column)).toLongLong();
}

QString availableOfOnHand(qint64 available, qint64 onHand)
{
    return WarehouseDetail::tr("%1 / %2").arg(count(available), count(onHand));
}

QString locationType(const QString &type)
{
    if (type == QLatin1String("bulk"))
        return WarehouseDetail::tr("bulk");
    if (type == QLatin1String("racking"))
        return WarehouseDetail::tr("racking");
    if (type == QLatin1String("quarantine"))
        return WarehouseDetail::tr("quarantine");
    if (type == QLatin1String("transitional"))
        return WarehouseDetail::tr("transitional");
    return type;
}

QString locationText(const QString &location, const QString &type)
{
    if (type.isEmpty())
        return location;
    return WarehouseDetail::tr("%1 (%2)").arg(location, locationType(type));
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

WarehouseDetail::WarehouseDetail(QSqlDatabase db, QWidget *parent)
    : DetailView(parent)
    , m_db(db)
    , m_pages(new QStackedWidget(this))
    , m_message(new QLabel(this))
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_facts(new QLabel(this))
    , m_warning(new QLabel(this))
    , m_tree(new QTreeWidget(this))
    , m_consumablesTitle(heading(QString(), this))
    , m_consumablesNote(new QLabel(this))
    , m_consumables(new QTreeWidget(this))
{
    setAccessibleName(tr("Stock line details"));

    m_message->setObjectName(QStringLiteral("message"));
    m_message->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_message->setWordWrap(true);
    m_message->setContentsMargins(12, 24, 12, 12);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setWordWrap(true);
    m_facts->setTextFormat(Qt::RichText);
    m_facts->setWordWrap(true);
    m_facts->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warning->setWordWrap(true);
    m_warning->hide();

    m_tree->setObjectName(QStringLiteral("stockTree"));
    m_tree->setAccessibleName(tr("Logistic unit, its product lines and serial items"));
    m_tree->setColumnCount(ColumnCount);
    // Two-line headers keep the columns narrow enough for a side panel.
    m_tree->setHeaderLabels({tr("What"), tr("Available\n/ on hand"), tr("Location\n(type)"), tr("Batch"), tr("Best\nbefore"),
                             tr("Expiry"), tr("Dangerous\ngoods")});
    m_tree->headerItem()->setTextAlignment(Quantity, Qt::AlignRight | Qt::AlignVCenter);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const qint64 line = item->data(What, StockLineRole).toLongLong();
        if (line > 0 && line != m_id)
            Q_EMIT openRequested({QStringLiteral("stock_lines"), line});
    });

    m_consumables->setObjectName(QStringLiteral("consumables"));
    m_consumables->setAccessibleName(tr("Consumables of the consignment"));
    m_consumables->setColumnCount(2);
    m_consumables->setHeaderLabels({tr("Consumable"), tr("Quantity")});
    m_consumables->headerItem()->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
    m_consumables->setRootIsDecorated(false);
    m_consumables->setUniformRowHeights(true);
    m_consumablesNote->setWordWrap(true);

    auto *content = new QWidget(this);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_warning);
    layout->addWidget(m_facts);
    layout->addSpacing(4);
    layout->addWidget(m_tree, 1);
    layout->addSpacing(8);
    layout->addWidget(m_consumablesTitle);
    layout->addWidget(m_consumablesNote);
    layout->addWidget(m_consumables);

    m_pages->addWidget(m_message);
    m_pages->addWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_pages);
    setFocusProxy(m_tree);
    applyPalette();
    clear();
}

void WarehouseDetail::applyPalette()
{
    for (QLabel *label : {m_message, m_subtitle, m_consumablesNote}) {
        QPalette p = label->palette();
        p.setColor(QPalette::WindowText, mutedColor(palette()));
        label->setPalette(p);
    }
    QPalette warning = m_warning->palette();
    warning.setColor(QPalette::WindowText, warningColor(palette()));
    m_warning->setPalette(warning);
}

void WarehouseDetail::showMessage(const QString &text)
{
    m_tree->clear();
    m_consumables->clear();
    m_message->setText(text);
    m_pages->setCurrentWidget(m_message);
}

void WarehouseDetail::showRecord(qint64 id)
{
    if (id <= 0) {
        clear();
        return;
    }
    m_id = id;
    if (!fill(id))
        showMessage(goneText());
}

void WarehouseDetail::reload()
{
    if (m_id > 0)
        showRecord(m_id);
}

void WarehouseDetail::clear()
{
    m_id = 0;
    showMessage(nothingSelectedText());
}

void WarehouseDetail::changeEvent(QEvent *event)
{
    DetailView::changeEvent(event);
    if (event->type() != QEvent::PaletteChange)
        return;
    applyPalette();
    if (m_id > 0)
        reload(); // the row tints follow the palette
}

bool WarehouseDetail::fill(qint64 id)
{
    QSqlQuery line(m_db);
    line.prepare(QStringLiteral("SELECT * FROM stock_lines WHERE id = ?"));
    line.addBindValue(id);
    if (!run(line) || !line.next())
        return false;
    const QString connectionId = columnText(line, "connection_id");
    const QString unitId = columnText(line, "logistic_unit_id");
    const ConnectionInfo connection = connectionInfo(m_db, connectionId).value_or(ConnectionInfo{});

    const QString code = columnText(line, "product_code");
    const QString name = columnText(line, "product_name");
    m_title->setText(name.isEmpty() ? code : name);
    m_subtitle->setText(tr("Stock line of %1 (%2)").arg(connection.name, connection.vendorName));
    if (!line.value(QStringLiteral("deleted")).isNull()) {
        m_warning->setText(tr("No longer listed by the warehouse since %1.").arg(dateOf(line.value(QStringLiteral("deleted")))));
        m_warning->show();
    } else {
        m_warning->hide();
    }

    QSqlQuery unit(m_db);
    bool haveUnit = false;
    if (!unitId.isEmpty()) {
        unit.prepare(QStringLiteral("SELECT * FROM logistic_units WHERE connection_id = ? AND external_id = ?"));
        unit.addBindValue(connectionId);
        unit.addBindValue(unitId);
        haveUnit = run(unit) && unit.next();
    }

    Html facts(palette());
    facts.beginFields();
    facts.textField(tr("Product code"), code);
    facts.textField(tr("Warehouse"), haveUnit ? columnText(unit, "warehouse") : columnText(line, "warehouse"));
    facts.textField(tr("Partner"), haveUnit ? columnText(unit, "partner") : columnText(line, "partner"));
    if (haveUnit) {
        facts.textField(tr("Logistic unit"), columnText(unit, "number"));
        facts.textField(tr("SSCC"), columnText(unit, "sscc"));
    }
    facts.textField(tr("Serial tracking"),
                    line.value(QStringLiteral("serial_required")).toInt() != 0 ? tr("Serial numbers required") : QString());
    facts.endFields();
    m_facts->setText(facts.text());

    m_tree->clear();
    QTreeWidgetItem *current = nullptr;
    if (haveUnit) {
        auto *root = new QTreeWidgetItem(m_tree);
        root->setText(What, tr("Unit %1").arg(columnText(unit, "number")));
        root->setToolTip(What, tr("SSCC %1").arg(columnText(unit, "sscc")));
        QFont bold = root->font(What);
        bold.setBold(true);
        root->setFont(What, bold);
        root->setText(Quantity, availableOfOnHand(num(unit, "available"), num(unit, "on_hand")));
        root->setText(Location, locationText(columnText(unit, "location"), columnText(unit, "location_type")));
        root->setTextAlignment(Quantity, Qt::AlignRight | Qt::AlignVCenter);

        QSqlQuery lines(m_db);
        lines.prepare(QStringLiteral("SELECT * FROM stock_lines WHERE connection_id = ? AND logistic_unit_id = ?"
                                     " AND (deleted IS NULL OR id = ?) ORDER BY product_code, id"));
        lines.addBindValue(connectionId);
        lines.addBindValue(unitId);
        lines.addBindValue(id);
        if (run(lines)) {
            while (lines.next()) {
                QTreeWidgetItem *item = lineItem(lines, columnText(unit, "location_type"));
                root->addChild(item);
                if (num(lines, "id") == id)
                    current = item;
            }
        }
        fillConsumables(connectionId, columnText(unit, "consignment_id"));
    } else {
        current = lineItem(line, QString());
        m_tree->addTopLevelItem(current);
        fillConsumables(connectionId, QString());
    }
    m_tree->expandAll();
    for (int column = 0; column < ColumnCount; ++column)
        m_tree->resizeColumnToContents(column);
    // Long product names are cut (their tooltip has them) so the other columns stay in view.
    m_tree->setColumnWidth(What, qMin(m_tree->columnWidth(What), qMax(220, m_tree->viewport()->width() / 3)));
    if (current) {
        m_tree->setCurrentItem(current);
        m_tree->scrollToItem(current);
    }
    m_pages->setCurrentIndex(1);
    return true;
}

QTreeWidgetItem *WarehouseDetail::lineItem(const QSqlQuery &line, const QString &locationKind)
{
    auto *item = new QTreeWidgetItem;
    const QString code = columnText(line, "product_code");
    const QString name = columnText(line, "product_name");
    item->setText(What, code.isEmpty() ? name : name.isEmpty() ? code : tr("%1 %2").arg(code, name));
    item->setToolTip(What, item->text(What));
    item->setData(What, StockLineRole, num(line, "id"));
    item->setText(Quantity, availableOfOnHand(num(line, "available"), num(line, "on_hand")));
    item->setTextAlignment(Quantity, Qt::AlignRight | Qt::AlignVCenter);
    item->setText(Location, locationText(columnText(line, "location"), locationKind));
    item->setText(Batch, columnText(line, "batch"));
    item->setText(BestBefore, isoDate(columnText(line, "best_before")));
    if (num(line, "dangerous_goods") != 0) {
        QStringList parts;
        if (!columnText(line, "dg_class").isEmpty())
            parts.append(tr("class %1").arg(columnText(line, "dg_class")));
        if (!columnText(line, "dg_un_number").isEmpty())
            parts.append(tr("UN %1").arg(columnText(line, "dg_un_number")));
        item->setText(DangerousGoods, parts.isEmpty() ? tr("Yes") : tr("Yes: %1").arg(parts.join(QStringLiteral(", "))));
    }
    if (!line.value(QStringLiteral("deleted")).isNull())
        item->setForeground(What, warningColor(palette()));
    markExpiry(item, columnText(line, "expiry"));
    addSerials(item, columnText(line, "connection_id"), columnText(line, "external_id"));
    return item;
}

void WarehouseDetail::markExpiry(QTreeWidgetItem *item, const QString &expiry)
{
    if (expiry.isEmpty())
        return;
    const QDate date = QDate::fromString(expiry.left(10), Qt::ISODate);
    const QString shown = isoDate(expiry);
    const QDate today = QDate::currentDate();
    const qint64 days = date.isValid() ? today.daysTo(date) : expiryWarningDays + 1;
    if (days > expiryWarningDays) {
        item->setText(Expiry, shown);
        return;
    }
    // Said in words as well as tinted, so it does not rest on colour alone.
    QString text;
    if (days < 0)
        text = tr("%1 (expired)").arg(shown);
    else if (days == 0)
        text = tr("%1 (today)").arg(shown);
    else
        text = days == 1 ? tr("%1 (tomorrow)").arg(shown) : tr("%1 (in %2 days)").arg(shown, count(days));
    item->setText(Expiry, text);
    item->setToolTip(Expiry, days < 0 ? tr("Expired") : tr("Expires within %1 days").arg(expiryWarningDays));
    item->setData(What, ExpiringRole, true);
    const QColor tint = attentionTint(palette());
    for (int column = 0; column < ColumnCount; ++column)
        item->setBackground(column, tint);
}

void WarehouseDetail::addSerials(QTreeWidgetItem *parent, const QString &connectionId, const QString &stockLineId)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT serial, available, on_hand FROM serial_items"
                             " WHERE connection_id = ? AND stock_line_id = ? AND deleted IS NULL ORDER BY serial LIMIT ?"));
    q.addBindValue(connectionId);
    q.addBindValue(stockLineId);
    q.addBindValue(serialLimit + 1);
    if (!run(q))
        return;
    int rows = 0;
    while (q.next()) {
        if (++rows > serialLimit) {
            auto *more = new QTreeWidgetItem(parent);
            more->setText(What, tr("… more serial items, not shown"));
            more->setForeground(What, palette().color(QPalette::PlaceholderText));
            break;
        }
        auto *item = new QTreeWidgetItem(parent);
        item->setText(What, tr("Serial %1").arg(q.value(0).toString()));
        item->setText(Quantity, availableOfOnHand(q.value(1).toLongLong(), q.value(2).toLongLong()));
        item->setTextAlignment(Quantity, Qt::AlignRight | Qt::AlignVCenter);
    }
}

void WarehouseDetail::fillConsumables(const QString &connectionId, const QString &consignmentId)
{
    m_consumables->clear();
    if (consignmentId.isEmpty()) {
        m_consumablesTitle->setText(tr("Consumables"));
        m_consumablesNote->setText(tr("This unit is not part of a consignment."));
        m_consumablesNote->show();
        m_consumables->hide();
        return;
    }
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT name, type_id, value_thousandths, consignment_number FROM consumables"
                             " WHERE connection_id = ? AND consignment_id = ? AND deleted IS NULL ORDER BY name COLLATE NOCASE"));
    q.addBindValue(connectionId);
    q.addBindValue(consignmentId);
    QString number;
    if (run(q)) {
        while (q.next()) {
            number = q.value(3).toString();
            auto *item = new QTreeWidgetItem(m_consumables);
            item->setText(0, q.value(0).toString().isEmpty() ? q.value(1).toString() : q.value(0).toString());
            item->setText(1, thousandths(q.value(2).toLongLong()));
            item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        }
    }
    m_consumablesTitle->setText(number.isEmpty() ? tr("Consumables of the consignment")
                                                 : tr("Consumables of consignment %1").arg(number));
    const bool none = m_consumables->topLevelItemCount() == 0;
    m_consumablesNote->setText(tr("No consumables recorded."));
    m_consumablesNote->setVisible(none);
    m_consumables->setVisible(!none);
    m_consumables->resizeColumnToContents(0);
    // As tall as its rows, up to a few.
    const int rows = qMin(m_consumables->topLevelItemCount(), 8);
    const int rowHeight = m_consumables->sizeHintForRow(0) > 0 ? m_consumables->sizeHintForRow(0) : fontMetrics().height() + 4;
    m_consumables->setFixedHeight(m_consumables->header()->sizeHint().height() + rows * rowHeight
                                  + 2 * m_consumables->frameWidth() + 2);
}

} // namespace ConsignDesk
