#include "widgets/reportspane.h"

#include "core/connection.h"
#include "core/currency.h"
#include "reports/pdfsink.h"
#include "reports/reports.h"
#include "reports/tablesink.h"
#include "store/database.h"
#include "sync/connectionservice.h"
#include "sync/workspace.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QEvent>
#include <QGraphicsLayout>
#include <QResizeEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QMap>
#include <QPainter>
#include <QPdfWriter>
#include <QPixmap>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSettings>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QSqlQuery>
#include <QStackedBarSeries>
#include <QStandardItemModel>
#include <QTableView>
#include <QTextDocument>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace ConsignDesk {

namespace {

const QString settingsGroup = QStringLiteral("Reports");
const QDate anyDate(2000, 1, 1); // the minimum of the date edits, shown as "any"

/// @short A TableSink filling a QStandardItemModel: text for people on
/// display, the raw values and CSV text in roles, totals rows bold.
class ModelSink : public Reports::TableSink
{
public:
    explicit ModelSink(QStandardItemModel *model)
        : m_model(model)
    {
    }

    bool begin(const Reports::TableMeta &meta, QString *) override
    {
        m_meta = meta;
        m_model->clear();
        QStringList headers;
        for (const Reports::ColumnDef &column : meta.columns)
            headers.append(column.header);
        m_model->setHorizontalHeaderLabels(headers);
        return true;
    }
    void row(const QList<Reports::Cell> &cells) override { append(cells, false); }
    void totals(const QList<QList<Reports::Cell>> &rows) override
    {
        for (const QList<Reports::Cell> &cells : rows)
            append(cells, true);
    }
    bool finish(QString *) override { return true; }
    const Reports::TableMeta &meta() const { return m_meta; }

private:
    void append(const QList<Reports::Cell> &cells, bool total)
    {
        QList<QStandardItem *> items;
        QString currency; // the row's money says which currency (its column differs between reports)
        for (int i = 0; i < cells.size() && currency.isEmpty(); ++i)
            currency = cells.at(i).currency;
        for (int i = 0; i < cells.size(); ++i) {
            const Reports::Cell &cell = cells.at(i);
            const Reports::CellKind kind =
                i < m_meta.columns.size() ? m_meta.columns.at(i).kind : Reports::CellKind::Text;
            auto *item = new QStandardItem(Reports::PdfSink::display(cell, kind, QLocale()));
            item->setEditable(false);
            item->setData(cell.value, ReportsPane::RawValueRole);
            item->setData(Reports::plainText(cell, kind), ReportsPane::PlainTextRole);
            item->setData(currency, ReportsPane::CurrencyRole);
            item->setData(total, ReportsPane::TotalsRole);
            if (kind != Reports::CellKind::Text)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (total) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            items.append(item);
        }
        m_model->appendRow(items);
    }

    QStandardItemModel *m_model;
    Reports::TableMeta m_meta;
};

double majorUnits(qint64 minor, const QString &currency)
{
    return double(minor) / std::pow(10.0, Currency::minorDigits(currency).value_or(2));
}

QString groupingTitle(const QString &grouping)
{
    static const QHash<QString, const char *> titles{
        {QStringLiteral("month"), QT_TRANSLATE_NOOP("ConsignDesk::ReportsPane", "Month")},
        {QStringLiteral("week"), QT_TRANSLATE_NOOP("ConsignDesk::ReportsPane", "Week")},
        {QStringLiteral("day"), QT_TRANSLATE_NOOP("ConsignDesk::ReportsPane", "Day")},
        {QStringLiteral("location"), QT_TRANSLATE_NOOP("ConsignDesk::ReportsPane", "Location")},
        {QStringLiteral("payment-type"), QT_TRANSLATE_NOOP("ConsignDesk::ReportsPane", "Payment type")},
        {QStringLiteral("status"), QT_TRANSLATE_NOOP("ConsignDesk::ReportsPane", "Status")},
        {QStringLiteral("category"), QT_TRANSLATE_NOOP("ConsignDesk::ReportsPane", "Category")},
        {QStringLiteral("consignor"), QT_TRANSLATE_NOOP("ConsignDesk::ReportsPane", "Consignor")},
        {QStringLiteral("inventory-type"), QT_TRANSLATE_NOOP("ConsignDesk::ReportsPane", "Inventory type")},
    };
    const char *title = titles.value(grouping);
    return title ? QCoreApplication::translate("ConsignDesk::ReportsPane", title) : grouping;
}

} // namespace

struct ReportsPane::Params {
    QString name;
    Reports::ReportParams params;
};

ReportsPane::ReportsPane(Sync::Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    setObjectName(QStringLiteral("reportsPane"));

    m_report = new QComboBox(this);
    m_report->setObjectName(QStringLiteral("reportCombo"));
    m_report->setAccessibleName(tr("Report"));
    for (const Reports::ReportInfo &info : Reports::reports())
        m_report->addItem(info.title, info.name);
    m_grouping = new QComboBox(this);
    m_grouping->setObjectName(QStringLiteral("groupingCombo"));
    m_grouping->setAccessibleName(tr("Group by"));
    const auto dateEdit = [this](const QString &name, const QString &accessible) {
        auto *edit = new QDateEdit(this);
        edit->setObjectName(name);
        edit->setAccessibleName(accessible);
        edit->setCalendarPopup(true);
        edit->setMinimumDate(anyDate);
        edit->setSpecialValueText(tr("any"));
        edit->setDate(anyDate);
        edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat).contains(QLatin1String("yyyy"))
                                   ? QLocale().dateFormat(QLocale::ShortFormat)
                                   : QStringLiteral("yyyy-MM-dd"));
        return edit;
    };
    m_from = dateEdit(QStringLiteral("fromDate"), tr("From"));
    m_to = dateEdit(QStringLiteral("toDate"), tr("To"));
    m_consignor = new QComboBox(this);
    m_consignor->setObjectName(QStringLiteral("consignorCombo"));
    m_consignor->setAccessibleName(tr("Consignor"));
    m_consignor->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_consignor->setMaxVisibleItems(20);
    m_days = new QSpinBox(this);
    m_days->setObjectName(QStringLiteral("daysSpin"));
    m_days->setAccessibleName(tr("Within days"));
    m_days->setRange(1, 3650);
    m_days->setValue(30);
    m_days->setSuffix(tr(" days"));
    m_connection = new QComboBox(this);
    m_connection->setObjectName(QStringLiteral("connectionCombo"));
    m_connection->setAccessibleName(tr("Store"));
    m_exportTable = new QPushButton(tr("Export Table…"), this);
    m_exportTable->setObjectName(QStringLiteral("exportTableButton"));
    m_exportChart = new QPushButton(tr("Export Chart…"), this);
    m_exportChart->setObjectName(QStringLiteral("exportChartButton"));
    m_print = new QPushButton(tr("Print…"), this);
    m_print->setObjectName(QStringLiteral("printButton"));
    m_print->setShortcut(QKeySequence::Print);

    auto *params = new QHBoxLayout;
    const auto label = [this, params](const QString &text, QWidget *buddy) {
        auto *l = new QLabel(text, this);
        l->setBuddy(buddy);
        params->addWidget(l);
        params->addWidget(buddy);
        return l;
    };
    label(tr("&Report:"), m_report);
    m_groupingLabel = label(tr("&Group by:"), m_grouping);
    m_fromLabel = label(tr("&From:"), m_from);
    m_toLabel = label(tr("&To:"), m_to);
    m_consignorLabel = label(tr("&Consignor:"), m_consignor);
    m_daysLabel = label(tr("&Within:"), m_days);
    label(tr("&Store:"), m_connection);
    params->addStretch(1);
    params->addWidget(m_exportTable);
    params->addWidget(m_exportChart);
    params->addWidget(m_print);

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("reportTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_title->setFont(titleFont);
    m_title->setTextFormat(Qt::PlainText);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("reportMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_message->hide();

    m_model = new QStandardItemModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("reportTable"));
    m_view->setAccessibleName(tr("Report result"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->setWordWrap(false);

    m_chartView = new QChartView(this);
    m_chartView->setObjectName(QStringLiteral("reportChart"));
    m_chartView->setAccessibleName(tr("Report chart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumSize(320, 240);

    auto *splitter = m_splitter = new QSplitter(Qt::Horizontal, this);
    connect(splitter, &QSplitter::splitterMoved, this, [this] { m_splitterMoved = true; });
    splitter->addWidget(m_view);
    splitter->addWidget(m_chartView);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(params);
    layout->addWidget(m_title);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    // The last report, grouping and connection.
    QSettings settings;
    settings.beginGroup(settingsGroup);
    m_updating = true;
    fillConnections();
    const int reportIndex = m_report->findData(settings.value(QStringLiteral("report")).toString());
    m_report->setCurrentIndex(std::max(0, reportIndex));
    reportChanged();
    const int groupingIndex = m_grouping->findData(settings.value(QStringLiteral("grouping")).toString());
    if (groupingIndex >= 0)
        m_grouping->setCurrentIndex(groupingIndex);
    const int connectionIndex = m_connection->findData(settings.value(QStringLiteral("connection")).toString());
    if (connectionIndex >= 0)
        m_connection->setCurrentIndex(connectionIndex);
    fillConsignors();
    m_updating = false;

    connect(m_report, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating)
            return;
        m_updating = true;
        reportChanged();
        m_updating = false;
        parametersChanged();
    });
    connect(m_grouping, &QComboBox::currentIndexChanged, this, &ReportsPane::parametersChanged);
    connect(m_connection, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating)
            return;
        m_updating = true;
        fillConsignors();
        m_updating = false;
        parametersChanged();
    });
    connect(m_consignor, &QComboBox::currentIndexChanged, this, &ReportsPane::parametersChanged);
    connect(m_days, &QSpinBox::valueChanged, this, &ReportsPane::parametersChanged);
    connect(m_from, &QDateEdit::dateChanged, this, &ReportsPane::parametersChanged);
    connect(m_to, &QDateEdit::dateChanged, this, &ReportsPane::parametersChanged);
    connect(m_exportTable, &QPushButton::clicked, this, &ReportsPane::exportTableInteractively);
    connect(m_exportChart, &QPushButton::clicked, this, &ReportsPane::exportChartInteractively);
    connect(m_print, &QPushButton::clicked, this, &ReportsPane::printInteractively);
    connect(&m_workspace, &Sync::Workspace::connectionsChanged, this, [this] {
        const QString current = connectionId();
        m_updating = true;
        fillConnections();
        m_connection->setCurrentIndex(std::max(0, m_connection->findData(current)));
        m_updating = false;
        refresh();
    });
    refresh();
}

ReportsPane::~ReportsPane() = default;

QString ReportsPane::report() const { return m_report->currentData().toString(); }
QString ReportsPane::grouping() const { return m_grouping->currentData().toString(); }
QString ReportsPane::connectionId() const { return m_connection->currentData().toString(); }
QChart *ReportsPane::chart() const { return m_chartView->chart(); }
QString ReportsPane::message() const { return m_message->isHidden() ? QString() : m_message->text(); }

void ReportsPane::setReport(const QString &name) { m_report->setCurrentIndex(std::max(0, m_report->findData(name))); }
void ReportsPane::setGrouping(const QString &grouping)
{
    const int index = m_grouping->findData(grouping);
    if (index >= 0)
        m_grouping->setCurrentIndex(index);
}
void ReportsPane::setConnectionId(const QString &id)
{
    m_connection->setCurrentIndex(std::max(0, m_connection->findData(id)));
}

void ReportsPane::setPeriod(const QDate &from, const QDate &to)
{
    m_updating = true;
    m_from->setDate(from.isValid() ? from : anyDate);
    m_to->setDate(to.isValid() ? to : anyDate);
    m_updating = false;
    parametersChanged();
}

void ReportsPane::fillConnections()
{
    m_connection->clear();
    m_connection->addItem(tr("All stores"), QString());
    QString error;
    if (const auto list = m_workspace.connections().list(&error)) {
        for (const Connection &connection : *list)
            m_connection->addItem(connection.name, connection.id);
    }
}

void ReportsPane::fillConsignors()
{
    const QString current = m_consignor->currentData().toString();
    m_consignor->clear();
    QSqlQuery query(m_workspace.reader().sql());
    query.prepare(QStringLiteral("SELECT external_id, name FROM consignors WHERE deleted IS NULL%1 "
                                 "ORDER BY name COLLATE NOCASE")
                      .arg(connectionId().isEmpty() ? QString() : QStringLiteral(" AND connection_id = ?")));
    if (!connectionId().isEmpty())
        query.addBindValue(connectionId());
    if (query.exec()) {
        while (query.next()) {
            const QString name = query.value(1).toString();
            m_consignor->addItem(name.isEmpty() ? query.value(0).toString() : name, query.value(0).toString());
        }
    }
    m_consignor->setCurrentIndex(std::max(0, m_consignor->findData(current)));
}

void ReportsPane::reportChanged()
{
    const Reports::ReportInfo *info = Reports::findReport(report());
    m_grouping->clear();
    if (info) {
        for (const QString &grouping : info->groupings)
            m_grouping->addItem(groupingTitle(grouping), grouping);
    }
    const bool grouped = info && !info->groupings.isEmpty();
    m_grouping->setVisible(grouped);
    m_groupingLabel->setVisible(grouped);
    const bool period = info && info->usesPeriod;
    for (QWidget *w : {static_cast<QWidget *>(m_from), static_cast<QWidget *>(m_to),
                       static_cast<QWidget *>(m_fromLabel), static_cast<QWidget *>(m_toLabel)})
        w->setVisible(period);
    const bool consignor = info && info->usesConsignor;
    m_consignor->setVisible(consignor);
    m_consignorLabel->setVisible(consignor);
    const bool days = info && info->usesDays;
    m_days->setVisible(days);
    m_daysLabel->setVisible(days);
}

void ReportsPane::parametersChanged()
{
    if (m_updating)
        return;
    saveSettings();
    refresh();
}

void ReportsPane::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(settingsGroup);
    settings.setValue(QStringLiteral("report"), report());
    if (!grouping().isEmpty())
        settings.setValue(QStringLiteral("grouping"), grouping());
    settings.setValue(QStringLiteral("connection"), connectionId());
}

bool ReportsPane::periodValid() const
{
    const Reports::ReportInfo *info = Reports::findReport(report());
    if (!info || !info->usesPeriod)
        return true;
    const QDate from = m_from->date(), to = m_to->date();
    return from == anyDate || to == anyDate || from <= to;
}

ReportsPane::Params ReportsPane::params() const
{
    Params p;
    p.name = report();
    p.params.groupBy = grouping();
    p.params.connectionId = connectionId();
    const Reports::ReportInfo *info = Reports::findReport(p.name);
    if (info && info->usesConsignor)
        p.params.consignorId = m_consignor->currentData().toString();
    if (info && info->usesDays)
        p.params.days = m_days->value();
    if (info && info->usesPeriod) {
        if (m_from->date() != anyDate)
            p.params.from = m_from->date();
        if (m_to->date() != anyDate)
            p.params.to = m_to->date();
    }
    return p;
}

void ReportsPane::showMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void ReportsPane::refresh()
{
    if (!periodValid()) {
        showMessage(tr("The period ends before it starts: choose a \"To\" date on or after the \"From\" date."));
        // No result for a period that is no period (the last one would mislead).
        m_model->clear();
        m_title->setText(m_reportTitle);
        m_exportTable->setEnabled(false);
        m_exportChart->setEnabled(false);
        m_print->setEnabled(false);
        buildChart();
        return;
    }
    const Params p = params();
    ModelSink sink(m_model);
    QString error;
    if (!Reports::runReport(p.name, m_workspace.reader().sql(), p.params, sink, &error)) {
        m_model->clear();
        showMessage(tr("The report could not be run: %1").arg(error));
        m_exportTable->setEnabled(false);
        m_exportChart->setEnabled(false);
        m_print->setEnabled(false);
        buildChart();
        return;
    }
    showMessage(m_model->rowCount() == 0 ? tr("Nothing to report for these parameters.") : QString());
    m_reportTitle = sink.meta().title;
    QStringList subtitle;
    if (!sink.meta().store.isEmpty())
        subtitle.append(sink.meta().store);
    if (!sink.meta().period.isEmpty())
        subtitle.append(sink.meta().period);
    m_subtitle = subtitle.join(QStringLiteral(" · "));
    m_title->setText(m_subtitle.isEmpty() ? m_reportTitle : m_reportTitle + QStringLiteral(" — ") + m_subtitle);
    m_exportTable->setEnabled(true);
    m_exportChart->setEnabled(true);
    m_print->setEnabled(true);
    m_view->resizeColumnsToContents();
    fitSplitter();
    buildChart();
}

void ReportsPane::buildChart()
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    const QString name = report();
    const int columns = m_model->columnCount();
    // The rows by group (in the report's order) and currency, and the currencies.
    QStringList groups;
    QStringList currencies;
    QHash<QString, QHash<QString, qint64>> values; // group -> currency -> value
    int valueColumn = columns - 1;                   // total (sales), value (inventory)
    const bool aging = name == QLatin1String("aging");
    // Charts for the grouped reports (group, currency, numbers); the lists are tables only.
    const bool charted = name == QLatin1String("sales-summary") || name == QLatin1String("inventory-valuation") || aging;
    m_chartView->setVisible(charted);
    m_exportChart->setVisible(charted);
    if (aging)
        valueColumn = 2; // items
    for (int row = 0; charted && row < m_model->rowCount() && columns > 2; ++row) {
        if (!m_model->item(row, 0) || !m_model->item(row, 1) || !m_model->item(row, valueColumn)
            || m_model->item(row, 0)->data(TotalsRole).toBool())
            continue;
        const QString group = m_model->item(row, 0)->text();
        const QString currency = m_model->item(row, 1)->text();
        if (!groups.contains(group))
            groups.append(group);
        if (!currencies.contains(currency))
            currencies.append(currency);
        values[group][currency] += m_model->item(row, valueColumn)->data(RawValueRole).toLongLong();
    }
    if (aging && !groups.isEmpty()) {
        // Every bucket on the axis, in order, even the empty ones.
        QStringList buckets{QStringLiteral("0–30"), QStringLiteral("31–60"), QStringLiteral("61–90"),
                            QStringLiteral("90+")};
        for (const QString &group : std::as_const(groups)) {
            if (!buckets.contains(group))
                buckets.append(group);
        }
        groups = buckets;
    }
    const bool overTime = name == QLatin1String("sales-summary")
        && QStringList{QStringLiteral("month"), QStringLiteral("week"), QStringLiteral("day")}.contains(grouping());
    const bool money = !aging;
    const auto amount = [&](const QString &group, const QString &currency) {
        const qint64 v = values.value(group).value(currency);
        return money ? majorUnits(v, currency) : double(v);
    };

    auto *axisX = new QBarCategoryAxis;
    axisX->append(groups);
    auto *axisY = new QValueAxis;
    axisY->setLabelFormat(money ? QStringLiteral("%.0f") : QStringLiteral("%d"));
    double maximum = 0;
    if (!groups.isEmpty()) {
        if (overTime) {
            for (const QString &currency : currencies) {
                auto *series = new QLineSeries;
                series->setName(currency);
                series->setPointsVisible(groups.size() < 40);
                for (int i = 0; i < groups.size(); ++i) {
                    const double y = amount(groups.at(i), currency);
                    maximum = std::max(maximum, y);
                    series->append(i, y);
                }
                chart->addSeries(series);
            }
        } else {
            QAbstractBarSeries *series = aging ? static_cast<QAbstractBarSeries *>(new QStackedBarSeries)
                                               : static_cast<QAbstractBarSeries *>(new QBarSeries);
            QList<double> stacked(groups.size(), 0);
            for (const QString &currency : currencies) {
                auto *set = new QBarSet(currency);
                for (int i = 0; i < groups.size(); ++i) {
                    const double y = amount(groups.at(i), currency);
                    set->append(y);
                    stacked[i] += y; // items stack across currencies; money never does
                    maximum = std::max(maximum, aging ? stacked.at(i) : y);
                }
                series->append(set);
            }
            chart->addSeries(series);
        }
    }
    if (groups.isEmpty()) { // nothing to draw: no empty axes either
        delete axisX;
        delete axisY;
        setChart(chart);
        return;
    }
    chart->addAxis(axisX, Qt::AlignBottom);
    chart->addAxis(axisY, Qt::AlignLeft);
    for (QAbstractSeries *series : chart->series()) {
        series->attachAxis(axisX);
        series->attachAxis(axisY);
    }
    axisY->setRange(0, maximum > 0 ? maximum * 1.05 : 1);
    axisY->applyNiceNumbers();
    axisX->setTruncateLabels(false);
    if (groups.size() > 8)
        axisX->setLabelsAngle(-90);
    const QString quantity = aging ? tr("Items") : name == QLatin1String("sales-summary") ? tr("Total") : tr("Value");
    axisY->setTitleText(money ? tr("%1 (in each currency)").arg(quantity) : quantity);
    setChart(chart);
}

void ReportsPane::setChart(QChart *chart)
{
    chart->setTitle(m_reportTitle);
    QChart *old = m_chartView->chart();
    m_chartView->setChart(chart);
    delete old;
    applyChartTheme();
}

void ReportsPane::applyChartTheme()
{
    QChart *chart = m_chartView->chart();
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart->setBackgroundBrush(palette().brush(QPalette::Base));
    m_chartView->setBackgroundBrush(palette().brush(QPalette::Base));
    chart->setBackgroundRoundness(0);
    chart->setTitleBrush(palette().brush(QPalette::Text));
    QFont titleFont = font();
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);
    // The title again after its font, or it keeps the old font's width and wraps.
    const QString title = chart->title();
    chart->setTitle(QString());
    chart->setTitle(title);
    chart->legend()->setLabelColor(palette().color(QPalette::Text));
    chart->legend()->setFont(font());
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsColor(palette().color(QPalette::Text));
        axis->setLabelsFont(font());
        axis->setTitleBrush(palette().brush(QPalette::Text));
        QFont f = font();
        axis->setTitleFont(f);
    }
}

void ReportsPane::fitSplitter()
{
    if (m_splitterMoved)
        return;
    // The table as wide as its columns, the chart the rest.
    const int total = m_splitter->width();
    int wanted = m_view->frameWidth() * 2 + m_view->verticalScrollBar()->sizeHint().width() + 4;
    for (int column = 0; column < m_model->columnCount(); ++column)
        wanted += m_view->horizontalHeader()->sectionSize(column);
    wanted = std::clamp(wanted, 240, std::max(240, total * 3 / 5));
    m_splitter->setSizes({wanted, std::max(320, total - wanted)});
}

void ReportsPane::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    fitSplitter();
}

void ReportsPane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyChartTheme();
}

bool ReportsPane::exportTable(const QString &path, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    Reports::Format format;
    if (suffix == QLatin1String("csv"))
        format = Reports::Format::Csv;
    else if (suffix == QLatin1String("xlsx"))
        format = Reports::Format::Xlsx;
    else if (suffix == QLatin1String("pdf"))
        format = Reports::Format::Pdf;
    else {
        *error = tr("Choose a file ending in .csv, .xlsx or .pdf.");
        return false;
    }
    if (!periodValid()) {
        *error = tr("The period ends before it starts.");
        return false;
    }
    const Params p = params();
    const std::unique_ptr<Reports::TableSink> sink = Reports::makeSink(format, path);
    return Reports::runReport(p.name, m_workspace.reader().sql(), p.params, *sink, error);
}

void ReportsPane::settleChart()
{
    // The chart lays itself out on posted events: a chart just built or
    // resized is painted as it will look only once they have run.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    QCoreApplication::sendPostedEvents(m_chartView->chart());
    if (QGraphicsLayout *layout = m_chartView->chart()->layout())
        layout->activate();
}

bool ReportsPane::exportChart(const QString &path, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    QSize size = m_chartView->size();
    if (!m_chartView->isVisible() || size.width() < 200 || size.height() < 150)
        size = QSize(900, 560);
    if (suffix == QLatin1String("png")) {
        // Painted as on screen (a pixmap keeps the screen's font metrics), at twice the pixels.
        const QSize old = m_chartView->size();
        const bool resize = !m_chartView->isVisible() || old != size;
        if (resize)
            m_chartView->resize(size);
        settleChart();
        QPixmap pixmap(size * 2);
        pixmap.setDevicePixelRatio(2);
        pixmap.fill(palette().color(QPalette::Base));
        static_cast<QWidget *>(m_chartView)->render(&pixmap); // QWidget::render, the whole view
        if (resize)
            m_chartView->resize(old);
        if (!pixmap.save(path, "PNG")) {
            *error = tr("%1 could not be written.").arg(path);
            return false;
        }
        return true;
    }
    if (suffix == QLatin1String("pdf")) {
        QPdfWriter writer(path);
        writer.setTitle(m_reportTitle);
        writer.setCreator(QCoreApplication::applicationName());
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageOrientation(QPageLayout::Landscape);
        writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter);
        QPainter painter;
        if (!painter.begin(&writer)) {
            *error = tr("%1 could not be written.").arg(path);
            return false;
        }
        painter.setRenderHint(QPainter::Antialiasing);
        settleChart();
        const QRect page = painter.viewport();
        const QSizeF target = QSizeF(size).scaled(QSizeF(page.size()), Qt::KeepAspectRatio);
        const QPointF topLeft((page.width() - target.width()) / 2, (page.height() - target.height()) / 2);
        m_chartView->chart()->scene()->render(&painter, QRectF(topLeft, target),
                                             m_chartView->chart()->sceneBoundingRect());
        painter.end();
        return QFileInfo(path).size() > 0;
    }
    *error = tr("Choose a file ending in .png or .pdf.");
    return false;
}

void ReportsPane::print(QPrinter *printer)
{
    QString html = QStringLiteral("<h2>%1</h2><p>%2</p><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
                                  "width=\"100%\"><tr>")
                       .arg(m_reportTitle.toHtmlEscaped(), m_subtitle.toHtmlEscaped());
    for (int c = 0; c < m_model->columnCount(); ++c)
        html += QStringLiteral("<th>%1</th>").arg(m_model->horizontalHeaderItem(c)->text().toHtmlEscaped());
    html += QStringLiteral("</tr>");
    for (int r = 0; r < m_model->rowCount(); ++r) {
        html += QStringLiteral("<tr>");
        for (int c = 0; c < m_model->columnCount(); ++c) {
            const QStandardItem *item = m_model->item(r, c);
            QString text = item->text().toHtmlEscaped();
            if (item->data(TotalsRole).toBool())
                text = QStringLiteral("<b>%1</b>").arg(text);
            html += QStringLiteral("<td align=\"%1\">%2</td>")
                        .arg(item->textAlignment() & Qt::AlignRight ? QStringLiteral("right") : QStringLiteral("left"),
                             text);
        }
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    QTextDocument document;
    document.setDefaultFont(font());
    document.setHtml(html);
    document.print(printer);
}

void ReportsPane::exportTableInteractively()
{
    QString selected;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Table"), QStringLiteral("%1.csv").arg(report()),
        tr("CSV (*.csv);;Excel workbook (*.xlsx);;PDF (*.pdf)"), &selected);
    if (path.isEmpty())
        return;
    QString error;
    if (!exportTable(path, &error))
        showMessage(tr("The table could not be exported: %1").arg(error));
}

void ReportsPane::exportChartInteractively()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"), QStringLiteral("%1.png").arg(report()),
                                                      tr("PNG image (*.png);;PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportChart(path, &error))
        showMessage(tr("The chart could not be exported: %1").arg(error));
}

void ReportsPane::printInteractively()
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintPreviewDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print %1").arg(m_reportTitle));
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this, &ReportsPane::print);
    dialog.exec();
}

} // namespace ConsignDesk
