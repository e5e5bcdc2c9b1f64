#pragma once

#include "models/tablespec.h"

#include <QComboBox>
#include <QHash>
#include <QSqlDatabase>
#include <QVariantMap>

#include <functional>

class QWidget;

namespace ConsignDesk {

/// @short A combo box that reads its choices from the cache when it is first
/// opened or focused, not when the pane is built (a DISTINCT over a million
/// items is not free), and again after invalidate().
class LazyChoiceBox : public QComboBox
{
    Q_OBJECT
public:
    LazyChoiceBox(QSqlDatabase db, QString choicesSql, QWidget *parent = nullptr);

    void ensureLoaded();
    void invalidate() { m_loaded = false; }
    /// The bind values of the chosen entry; empty for "Any".
    QVariantList chosen() const;
    /// Chooses the entry with @p values (loading the choices); false when none has them.
    bool choose(const QVariantList &values);

    void showPopup() override;

protected:
    void focusInEvent(QFocusEvent *event) override;

private:
    QSqlDatabase m_db;
    QString m_sql;
    bool m_loaded = false;
};

/// @short The filter bar of a pane, built from its TableSpec's filters: a
/// choice, a range of amounts or dates, a check box, a number of days or a
/// text per filter, laid out in a grid.
namespace FilterBar {

using Widgets = QHash<QString, QWidget *>;

/// Builds the bar's widgets into @p bar; @p changed is called on every edit.
Widgets build(QWidget *bar, const Models::TableSpec &spec, QSqlDatabase db, int moneyDigits,
              const std::function<void()> &changed);
/// The values as CacheTableModel::setFilters takes them (only those set).
QVariantMap values(const Models::TableSpec &spec, const Widgets &widgets);
void setValues(const Models::TableSpec &spec, const Widgets &widgets, const QVariantMap &values);
void invalidateChoices(const Widgets &widgets);

} // namespace FilterBar

} // namespace ConsignDesk
