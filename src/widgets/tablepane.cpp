#include "widgets/tablepane.h"

#include "core/currency.h"
#include "models/cachetablemodel.h"
#include "reports/tablesink.h"
#include "widgets/filterbar.h"
#include "widgets/panepage.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QStandardPaths>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QScrollBar>
#include <QSettings>
#include <QSignalBlocker>
#include <QSplitter>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace ConsignDesk {

using Models::CacheTableModel;

// ---------------------------------------------------------------- the view

QString CacheTableView::selectionAsText(bool *truncated) const
{
    if (truncated)
        *truncated = false;
    if (!model() || !selectionModel())
        return {};
    QList<int> rows;
    for (const QItemSelectionRange &range : selectionModel()->selection()) {
        for (int row = range.top(); row <= range.bottom(); ++row) {
            if (rows.size() >= copyLimit) {
                if (truncated)
                    *truncated = true;
                break;
            }
            rows.append(row);
        }
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    QList<int> columns;
    for (int visual = 0; visual < horizontalHeader()->count(); ++visual) {
        const int logical = horizontalHeader()->logicalIndex(visual);
        if (!horizontalHeader()->isSectionHidden(logical))
            columns.append(logical);
    }
    // Tabs and line breaks inside a value would break the grid.
    const auto cell = [](QString text) {
        return text.replace(u'\t', u' ').replace(u'\n', u' ').replace(u'\r', u' ');
    };
    QStringList lines;
    QStringList header;
    for (int column : columns)
        header.append(cell(model()->headerData(column, Qt::Horizontal).toString()));
    lines.append(header.join(u'\t'));
    for (int row : rows) {
        QStringList fields;
        for (int column : columns)
            fields.append(cell(model()->index(row, column).data().toString()));
        lines.append(fields.join(u'\t'));
    }
    return lines.join(u'\n') + u'\n';
}

void CacheTableView::copy()
{
    bool truncated = false;
    const QString text = selectionAsText(&truncated);
    if (text.isEmpty())
        return;
    QApplication::clipboard()->setText(text);
    Q_EMIT copied(int(text.count(u'\n')) - 1, truncated);
}

// ---------------------------------------------------------------- the pane

namespace {

QString searchHint(const QString &table)
{
    if (table == QLatin1String("items"))
        return TablePane::tr("Search items: title, SKU, brand, description (Ctrl+F)");
    if (table == QLatin1String("consignors"))
        return TablePane::tr("Search consignors: name, email, number, company (Ctrl+F)");
    if (table == QLatin1String("sales"))
        return TablePane::tr("Search sales: number, customer (Ctrl+F)");
    if (table == QLatin1String("payouts"))
        return TablePane::tr("Search payouts: reference, note (Ctrl+F)");
    return TablePane::tr("Search stock: product code, name, batch, SSCC (Ctrl+F)");
}

// "1,234 items": the count with the pane's own noun (plural forms would need
// numerus translations; these read well for any count in English and German).
QString rowsText(const QString &table, qint64 rows)
{
    const QString n = QLocale().toString(rows);
    if (table == QLatin1String("items"))
        return TablePane::tr("Items: %1").arg(n);
    if (table == QLatin1String("consignors"))
        return TablePane::tr("Consignors: %1").arg(n);
    if (table == QLatin1String("sales"))
        return TablePane::tr("Sales: %1").arg(n);
    if (table == QLatin1String("payouts"))
        return TablePane::tr("Payouts: %1").arg(n);
    return TablePane::tr("Stock lines: %1").arg(n);
}

QString allText(const QString &table)
{
    if (table == QLatin1String("items"))
        return TablePane::tr("All items");
    if (table == QLatin1String("consignors"))
        return TablePane::tr("All consignors");
    if (table == QLatin1String("sales"))
        return TablePane::tr("All sales");
    if (table == QLatin1String("payouts"))
        return TablePane::tr("All payouts");
    return TablePane::tr("All stock lines");
}

} // namespace

TablePane::TablePane(const QString &table, QSqlDatabase db, const QIcon &icon, const QString &title,
                     const QString &emptyText, QWidget *parent)
    : QWidget(parent)
    , m_table(table)
    , m_title(title)
    , m_db(std::move(db))
{
    setObjectName(QStringLiteral("pane_") + table);
    setAccessibleName(title);
    m_model = new CacheTableModel(Models::tableSpec(table), m_db, this);

    m_stack = new QStackedWidget(this);
    m_emptyPage = new PanePage(icon, title, emptyText, m_stack);
    auto *work = new QWidget(m_stack);
    m_stack->addWidget(m_emptyPage);
    m_stack->addWidget(work);

    // The tool row: search, filters, views.
    m_search = new QLineEdit(work);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setClearButtonEnabled(true);
    m_search->setPlaceholderText(searchHint(table));
    m_search->setAccessibleName(tr("Search %1").arg(title.toLower()));
    m_filterButton = new QToolButton(work);
    m_filterButton->setObjectName(QStringLiteral("filterButton"));
    m_filterButton->setText(tr("&Filters"));
    m_filterButton->setCheckable(true);
    m_filterButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_filterButton->setToolTip(tr("Show or hide the filters"));
    m_views = new QComboBox(work);
    m_views->setObjectName(QStringLiteral("views"));
    m_views->setAccessibleName(tr("Saved views"));
    m_views->setToolTip(tr("Saved views: a named search, filters, columns and sort"));
    m_views->setMinimumContentsLength(14);
    auto *viewMenuButton = new QToolButton(work);
    viewMenuButton->setObjectName(QStringLiteral("viewMenuButton"));
    viewMenuButton->setText(tr("&Views"));
    viewMenuButton->setPopupMode(QToolButton::InstantPopup);
    viewMenuButton->setAccessibleName(tr("Manage saved views"));
    auto *viewMenu = new QMenu(viewMenuButton);
    QAction *saveView = viewMenu->addAction(tr("&Save View As…"));
    saveView->setObjectName(QStringLiteral("saveViewAction"));
    QAction *deleteView = viewMenu->addAction(tr("&Delete This View"));
    deleteView->setObjectName(QStringLiteral("deleteViewAction"));
    viewMenu->addSeparator();
    QAction *exportView = viewMenu->addAction(tr("&Export This View…"));
    exportView->setObjectName(QStringLiteral("exportViewAction"));
    exportView->setToolTip(tr("Save the rows and columns shown as CSV, Excel or PDF"));
    connect(exportView, &QAction::triggered, this, &TablePane::exportViewWithDialog);
    viewMenu->addSeparator();
    QAction *clearFilters = viewMenu->addAction(tr("&Clear Search and Filters"));
    viewMenuButton->setMenu(viewMenu);

    auto *tools = new QHBoxLayout;
    tools->addWidget(m_search, 1);
    tools->addWidget(m_filterButton);
    tools->addSpacing(12);
    tools->addWidget(m_views);
    tools->addWidget(viewMenuButton);

    m_filterBar = new QWidget(work);
    m_filterBar->setObjectName(QStringLiteral("filterBar"));
    m_filterBar->setAccessibleName(tr("Filters"));
    m_filterBar->setVisible(false);
    buildFilterBar(m_filterBar);

    m_error = new QLabel(work);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    m_error->setForegroundRole(QPalette::BrightText);
    m_error->setAutoFillBackground(true);
    m_error->setBackgroundRole(QPalette::Highlight);

    m_view = new CacheTableView(work);
    m_view->setObjectName(QStringLiteral("table"));
    m_view->setAccessibleName(tr("%1 table").arg(title));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSortingEnabled(true);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->setTabKeyNavigation(false); // Tab leaves the table for the detail panel
    m_view->verticalHeader()->setVisible(false);
    // Uniform rows: the view never measures a million of them.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->horizontalHeader()->setToolTip(tr("Right-click to choose the columns"));
    m_view->horizontalHeader()->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
    m_view->horizontalHeader()->setDefaultSectionSize(130);
    for (int column = 0; column < m_model->columnCount(); ++column)
        m_view->setColumnHidden(column, m_model->spec().columns.at(column).hidden);
    // Widths that fit what each kind of column holds (a date and time, an amount).
    for (int column = 0; column < m_model->columnCount(); ++column) {
        const Models::ColumnKind kind = m_model->spec().columns.at(column).kind;
        const int chars = kind == Models::ColumnKind::Time ? 23
            : kind == Models::ColumnKind::Money            ? 13
            : kind == Models::ColumnKind::Integer || kind == Models::ColumnKind::Percent || kind == Models::ColumnKind::Bool
            ? 9
            : 18;
        m_view->setColumnWidth(column, m_view->fontMetrics().averageCharWidth() * chars + 16);
    }
    for (const char *wide : {"title", "product_name", "name"}) {
        if (const int column = m_model->columnOf(QLatin1String(wide)); column >= 0)
            m_view->setColumnWidth(column, m_view->fontMetrics().averageCharWidth() * 34);
    }

    m_splitter = new QSplitter(Qt::Horizontal, work);
    m_splitter->setObjectName(QStringLiteral("detailSplitter"));
    m_splitter->setChildrenCollapsible(true);
    m_splitter->addWidget(m_view);
    m_splitter->setStretchFactor(0, 3);

    auto *layout = new QVBoxLayout(work);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->addLayout(tools);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_error);
    layout->addWidget(m_splitter, 1);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(150);
    m_filterTimer = new QTimer(this);
    m_filterTimer->setSingleShot(true);
    m_filterTimer->setInterval(150);
    m_statusTimer = new QTimer(this);
    m_statusTimer->setSingleShot(true);
    m_statusTimer->setInterval(60);

    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer->stop();
        m_model->setSearch(m_search->text());
        updateStatus();
    });
    connect(m_searchTimer, &QTimer::timeout, this, [this] {
        m_model->setSearch(m_search->text());
        updateStatus();
    });
    connect(m_filterTimer, &QTimer::timeout, this, &TablePane::applyFilters);
    connect(m_statusTimer, &QTimer::timeout, this, &TablePane::updateStatus);
    connect(m_filterButton, &QToolButton::toggled, m_filterBar, &QWidget::setVisible);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, m_statusTimer,
            qOverload<>(&QTimer::start));
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        if (m_detail && m_detail->isVisible())
            openCurrent(false);
    });
    connect(m_view, &QAbstractItemView::activated, this, [this] { openCurrent(true); });
    connect(m_view, &QAbstractItemView::doubleClicked, this, [this] { openCurrent(true); });
    connect(m_view, &CacheTableView::copied, this, [this](int rows, bool truncated) {
        Q_EMIT statusChanged(truncated ? tr("Copied the first %1 rows (at most %2 at a time)")
                                             .arg(QLocale().toString(rows), QLocale().toString(CacheTableView::copyLimit))
                                       : tr("Copied %1 rows").arg(QLocale().toString(rows)));
    });
    connect(m_view->horizontalHeader(), &QHeaderView::customContextMenuRequested, this, &TablePane::headerMenu);
    connect(m_view->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder) {
        // A column that cannot be sorted keeps the indicator where the order is.
        if (column >= 0 && m_model->spec().columns.at(column).sortSql.isEmpty()) {
            const QSignalBlocker block(m_view->horizontalHeader());
            m_view->horizontalHeader()->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
        }
    });
    connect(m_model, &CacheTableModel::modelReset, this, [this] {
        updateEmptyState();
        m_statusTimer->start();
    });
    connect(m_model, &CacheTableModel::errorOccurred, this, [this](const QString &message) {
        m_error->setText(message);
        m_error->setVisible(true);
    });
    connect(m_views, &QComboBox::activated, this, [this](int index) {
        if (index == 0)
            setFilterValues({}), setSearchText({});
        else
            applyView(m_views->itemText(index));
    });
    connect(saveView, &QAction::triggered, this, [this] {
        bool ok = false;
        const QString current = m_views->currentIndex() > 0 ? m_views->currentText() : QString();
        const QString name = QInputDialog::getText(this, tr("Save View"),
                                                   tr("A name for this search, its filters, columns and sort:"),
                                                   QLineEdit::Normal, current, &ok)
                                 .trimmed();
        if (ok && !name.isEmpty())
            this->saveView(name);
    });
    connect(deleteView, &QAction::triggered, this, [this] {
        if (m_views->currentIndex() > 0)
            this->deleteView(m_views->currentText());
    });
    connect(viewMenu, &QMenu::aboutToShow, this, [this, deleteView] { deleteView->setEnabled(m_views->currentIndex() > 0); });
    connect(clearFilters, &QAction::triggered, this, [this] {
        setFilterValues({});
        setSearchText({});
    });

    restoreSettings();
    reloadViewsCombo();
    updateEmptyState();
    updateStatus();
}

TablePane::~TablePane()
{
    saveSettings();
}

void TablePane::buildFilterBar(QWidget *bar)
{
    m_filterWidgets = FilterBar::build(bar, m_model->spec(), m_db, moneyDigits(), [this] { m_filterTimer->start(); });
}

int TablePane::moneyDigits() const
{
    // The filter's bounds are typed in major units: the connections' currency
    // digits, when they agree (they almost always do: one store, one currency).
    QSqlQuery query(m_db);
    int digits = -1;
    if (query.exec(QStringLiteral("SELECT DISTINCT currency FROM connections"))) {
        while (query.next()) {
            const int d = Currency::minorDigits(query.value(0).toString()).value_or(2);
            digits = digits < 0 || digits == d ? d : 2;
        }
    }
    return digits < 0 ? 2 : digits;
}

QVariantMap TablePane::filterValues() const
{
    return FilterBar::values(m_model->spec(), m_filterWidgets);
}

void TablePane::setFilterValues(const QVariantMap &values)
{
    FilterBar::setValues(m_model->spec(), m_filterWidgets, values);
    m_filterTimer->stop();
    applyFilters();
}

void TablePane::setSearchText(const QString &text)
{
    m_search->setText(text);
    m_searchTimer->stop();
    m_model->setSearch(text);
    updateStatus();
}

void TablePane::applyFilters()
{
    m_model->setFilters(filterValues());
    updateStatus();
}

void TablePane::focusSearch()
{
    if (m_stack->currentIndex() == 0)
        return;
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void TablePane::setDetailView(DetailView *detail)
{
    m_detail = detail;
    if (!detail)
        return;
    detail->setParent(m_splitter);
    m_splitter->addWidget(detail);
    m_splitter->setStretchFactor(1, 2);
    detail->setMinimumWidth(280);
    connect(detail, &DetailView::openRequested, this, &TablePane::openRequested);
    QSettings settings;
    const QByteArray state = settings.value(settingsGroup() + QStringLiteral("/splitter")).toByteArray();
    if (state.isEmpty() || !m_splitter->restoreState(state))
        m_splitter->setSizes({600, 480});
}

void TablePane::openCurrent(bool focusDetail)
{
    if (!m_detail)
        return;
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid())
        return;
    const qint64 id = current.data(CacheTableModel::IdRole).toLongLong();
    if (id <= 0)
        return;
    if (m_splitter->sizes().value(1) == 0)
        m_splitter->setSizes({m_splitter->width() * 11 / 20, m_splitter->width() * 9 / 20});
    m_detail->setVisible(true);
    if (m_detail->currentId() != id)
        m_detail->showRecord(id);
    if (focusDetail)
        m_detail->setFocus(Qt::OtherFocusReason);
}

bool TablePane::showRecord(qint64 id)
{
    int row = m_model->rowOfId(id);
    if (row < 0 && (!m_search->text().isEmpty() || !filterValues().isEmpty())) {
        setSearchText({});
        setFilterValues({});
        row = m_model->rowOfId(id);
    }
    updateEmptyState();
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, 0);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    if (m_detail) {
        m_detail->setVisible(true);
        m_detail->showRecord(id);
    }
    return true;
}

void TablePane::refresh()
{
    m_model->refresh();
    FilterBar::invalidateChoices(m_filterWidgets);
    if (m_detail && m_detail->currentId() > 0)
        m_detail->reload();
    updateEmptyState();
    updateStatus();
}

void TablePane::updateEmptyState()
{
    const bool filtered = !m_model->search().trimmed().isEmpty() || !m_model->filters().isEmpty();
    const bool empty = m_model->rowCount() == 0 && !filtered && m_model->lastError().isEmpty();
    m_stack->setCurrentIndex(empty ? 0 : 1);
    if (m_model->lastError().isEmpty())
        m_error->setVisible(false);
}

void TablePane::updateStatus()
{
    const QLocale locale;
    const qint64 rows = m_model->rowCount();
    QString text = rowsText(m_table, rows);
    QList<std::pair<int, int>> ranges;
    for (const QItemSelectionRange &range : m_view->selectionModel()->selection())
        ranges.append({range.top(), range.bottom()});
    if (!ranges.isEmpty()) {
        std::sort(ranges.begin(), ranges.end());
        QList<std::pair<int, int>> merged;
        for (const auto &range : ranges) {
            if (!merged.isEmpty() && range.first <= merged.last().second + 1)
                merged.last().second = std::max(merged.last().second, range.second);
            else
                merged.append(range);
        }
        qint64 selected = 0;
        for (const auto &[first, last] : merged)
            selected += last - first + 1;
        text += tr(" · %1 selected").arg(locale.toString(selected));
        const int column = m_model->columnOf(m_model->spec().totalKey);
        if (column >= 0 && merged.size() <= 200) {
            qint64 counted = 0;
            QStringList sums;
            // One figure per currency: amounts in different currencies are never added up.
            for (const auto &total : m_model->totals(column, merged, &counted))
                sums.append(Currency::format(total.minor, total.currency, locale));
            if (!sums.isEmpty())
                text += tr(" · %1: %2").arg(m_model->headerData(column, Qt::Horizontal).toString(),
                                            sums.join(QStringLiteral(" + ")));
        }
    }
    m_status = text;
    Q_EMIT statusChanged(text);
}

void TablePane::headerMenu(const QPoint &pos)
{
    QHeaderView *header = m_view->horizontalHeader();
    QMenu menu(this);
    menu.setTitle(tr("Columns"));
    for (int column = 0; column < m_model->columnCount(); ++column) {
        QAction *action = menu.addAction(m_model->headerData(column, Qt::Horizontal).toString());
        action->setCheckable(true);
        action->setChecked(!header->isSectionHidden(column));
        connect(action, &QAction::toggled, this, [this, header, column](bool on) {
            // Keep at least one column.
            if (!on && header->count() - header->hiddenSectionCount() <= 1)
                return;
            header->setSectionHidden(column, !on);
            saveSettings();
        });
    }
    menu.addSeparator();
    menu.addAction(tr("Reset Columns"), this, [this] {
        for (int column = 0; column < m_model->columnCount(); ++column) {
            m_view->horizontalHeader()->moveSection(m_view->horizontalHeader()->visualIndex(column), column);
            m_view->setColumnHidden(column, m_model->spec().columns.at(column).hidden);
            m_view->setColumnWidth(column, m_view->horizontalHeader()->defaultSectionSize());
        }
        saveSettings();
    });
    menu.exec(header->mapToGlobal(pos));
}

QString TablePane::settingsGroup() const
{
    return QStringLiteral("Panes/") + m_table;
}

void TablePane::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(settingsGroup());
    settings.setValue(QStringLiteral("header"), m_view->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("filtersVisible"), m_filterButton->isChecked());
    if (m_detail)
        settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
}

void TablePane::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(settingsGroup());
    const QByteArray header = settings.value(QStringLiteral("header")).toByteArray();
    if (!header.isEmpty())
        m_view->horizontalHeader()->restoreState(header);
    m_filterButton->setChecked(settings.value(QStringLiteral("filtersVisible"), false).toBool());
}

void TablePane::hideEvent(QHideEvent *event)
{
    saveSettings();
    QWidget::hideEvent(event);
}

bool TablePane::exportView(const QString &path, QString *error, qint64 *rows) const
{
    using Reports::Cell;
    using Reports::CellKind;
    const QString suffix = QFileInfo(path).suffix().toLower();
    const Reports::Format format = suffix == QLatin1String("xlsx") ? Reports::Format::Xlsx
        : suffix == QLatin1String("pdf")                          ? Reports::Format::Pdf
                                                                   : Reports::Format::Csv;
    // The visible columns, in the order the manager arranged them.
    QList<int> columns;
    QHeaderView *header = m_view->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns.append(logical);
    }
    Reports::TableMeta meta;
    meta.title = m_title;
    meta.period = m_search->text().isEmpty() ? QString() : tr("Search: %1").arg(m_search->text());
    const auto kindOf = [](Models::ColumnKind kind) {
        switch (kind) {
        case Models::ColumnKind::Integer:
            return CellKind::Integer;
        case Models::ColumnKind::Money:
            return CellKind::Money;
        case Models::ColumnKind::Time:
            return CellKind::DateTime;
        case Models::ColumnKind::Date:
            return CellKind::Date;
        case Models::ColumnKind::Percent:
            return CellKind::Percent;
        case Models::ColumnKind::Text:
        case Models::ColumnKind::Bool:
        case Models::ColumnKind::Thousandths:
            break;
        }
        return CellKind::Text;
    };
    const auto &specs = m_model->spec().columns;
    for (int c : columns)
        meta.columns.append({m_model->headerData(c, Qt::Horizontal).toString(), kindOf(specs.at(c).kind)});
    auto sink = Reports::makeSink(format, path);
    if (!sink->begin(meta, error))
        return false;
    qint64 written = 0;
    const bool ok = m_model->forEachRow(
        [&](const QVariantList &values, const QStringList &currencies) {
            QList<Cell> cells;
            cells.reserve(columns.size());
            for (int c : columns) {
                const QVariant value = values.at(c);
                if (value.isNull()) {
                    cells.append(Cell{});
                    continue;
                }
                switch (specs.at(c).kind) {
                case Models::ColumnKind::Money:
                    cells.append(Cell::money(value.toLongLong(), currencies.at(c)));
                    break;
                case Models::ColumnKind::Integer:
                case Models::ColumnKind::Percent:
                    cells.append(Cell::integer(value.toLongLong()));
                    break;
                case Models::ColumnKind::Time:
                    cells.append(Cell{QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC), {}});
                    break;
                case Models::ColumnKind::Date:
                    cells.append(Cell{QDate::fromString(value.toString().left(10), Qt::ISODate), {}});
                    break;
                case Models::ColumnKind::Bool:
                    cells.append(Cell::text(value.toLongLong() ? tr("Yes") : QString()));
                    break;
                case Models::ColumnKind::Thousandths:
                    cells.append(Cell::text(QLocale().toString(double(value.toLongLong()) / 1000.0, 'f', 3)));
                    break;
                case Models::ColumnKind::Text:
                    cells.append(Cell::text(value.toString()));
                    break;
                }
            }
            sink->row(cells);
            ++written;
        },
        error);
    if (!ok)
        return false;
    sink->totals({});
    if (rows)
        *rows = written;
    return sink->finish(error);
}

void TablePane::exportViewWithDialog()
{
    QSettings settings;
    const QString dir = settings.value(QStringLiteral("Panes/exportDir"),
                                       QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                            .toString();
    QString filter;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export This View"), QDir(dir).filePath(m_table + QStringLiteral(".csv")),
        tr("CSV files (*.csv);;Excel workbooks (*.xlsx);;PDF files (*.pdf)"), &filter);
    if (path.isEmpty())
        return;
    settings.setValue(QStringLiteral("Panes/exportDir"), QFileInfo(path).absolutePath());
    QString target = path;
    if (QFileInfo(target).suffix().isEmpty())
        target += filter.contains(QStringLiteral("xlsx")) ? QStringLiteral(".xlsx")
            : filter.contains(QStringLiteral("pdf"))      ? QStringLiteral(".pdf")
                                                          : QStringLiteral(".csv");
    QString error;
    qint64 rows = 0;
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = exportView(target, &error, &rows);
    QApplication::restoreOverrideCursor();
    Q_EMIT statusChanged(ok ? tr("Exported %1 rows to %2").arg(QLocale().toString(rows), QDir::toNativeSeparators(target))
                            : tr("The view could not be exported to %1: %2").arg(QDir::toNativeSeparators(target), error));
    if (!ok) {
        m_error->setText(tr("The view could not be exported to %1: %2").arg(QDir::toNativeSeparators(target), error));
        m_error->setVisible(true);
    }
}

QStringList TablePane::savedViews() const
{
    QSettings settings;
    settings.beginGroup(settingsGroup() + QStringLiteral("/views"));
    QStringList names;
    for (const QString &group : settings.childGroups()) {
        settings.beginGroup(group);
        names.append(settings.value(QStringLiteral("name")).toString());
        settings.endGroup();
    }
    names.sort(Qt::CaseInsensitive);
    return names;
}

namespace {
// A settings group name that survives any view name ('/' and '\' are special).
QString viewKey(const QString &name)
{
    return QString::fromLatin1(name.toUtf8().toHex());
}
} // namespace

void TablePane::saveView(const QString &name)
{
    QSettings settings;
    settings.beginGroup(settingsGroup() + QStringLiteral("/views/") + viewKey(name));
    settings.setValue(QStringLiteral("name"), name);
    settings.setValue(QStringLiteral("search"), m_search->text());
    settings.setValue(QStringLiteral("filters"), filterValues());
    settings.setValue(QStringLiteral("header"), m_view->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("sortKey"),
                      m_model->sortColumn() >= 0 ? m_model->spec().columns.at(m_model->sortColumn()).key : QString());
    settings.setValue(QStringLiteral("sortOrder"), int(m_model->sortOrder()));
    settings.endGroup();
    reloadViewsCombo(name);
    Q_EMIT statusChanged(tr("Saved the view “%1”").arg(name));
}

bool TablePane::applyView(const QString &name)
{
    QSettings settings;
    const QString group = settingsGroup() + QStringLiteral("/views/") + viewKey(name);
    if (!settings.childGroups().isEmpty() && !settings.contains(group + QStringLiteral("/name")))
        return false;
    settings.beginGroup(group);
    const QByteArray header = settings.value(QStringLiteral("header")).toByteArray();
    if (!header.isEmpty())
        m_view->horizontalHeader()->restoreState(header);
    const int sortColumn = m_model->columnOf(settings.value(QStringLiteral("sortKey")).toString());
    if (sortColumn >= 0)
        m_view->sortByColumn(sortColumn, Qt::SortOrder(settings.value(QStringLiteral("sortOrder")).toInt()));
    setFilterValues(settings.value(QStringLiteral("filters")).toMap());
    if (!filterValues().isEmpty())
        m_filterButton->setChecked(true);
    setSearchText(settings.value(QStringLiteral("search")).toString());
    reloadViewsCombo(name);
    return true;
}

void TablePane::deleteView(const QString &name)
{
    QSettings settings;
    settings.remove(settingsGroup() + QStringLiteral("/views/") + viewKey(name));
    reloadViewsCombo();
}

void TablePane::reloadViewsCombo(const QString &current)
{
    const QSignalBlocker block(m_views);
    m_views->clear();
    m_views->addItem(allText(m_table));
    m_views->addItems(savedViews());
    const int index = current.isEmpty() ? 0 : m_views->findText(current);
    m_views->setCurrentIndex(std::max(0, index));
}

} // namespace ConsignDesk
