#pragma once

#include <QDockWidget>
#include <QHash>
#include <QProgressBar>

class QAbstractButton;
class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace ConsignDesk {

class SyncController;

/// @short The "Sync" dock: each connection's state, the resource it syncs,
/// pages, rows, time left, when it last synced and, in full, why its last
/// run failed; a Retry button on a failed row, Cancel on the running one.
/// Errors are shown here, never in a dialog.
class SyncPanel : public QDockWidget
{
    Q_OBJECT
public:
    enum Column { NameColumn, StateColumn, ResourceColumn, PagesColumn, RowsColumn, TimeLeftColumn,
                  LastSyncedColumn, ProblemColumn, ActionColumn, ColumnCount };

    explicit SyncPanel(SyncController &controller, QWidget *parent = nullptr);
    ~SyncPanel() override;

    QTreeWidget *view() const { return m_view; }
    /// The row of connection @p name (nullptr when not listed).
    QTreeWidgetItem *itemFor(const QString &name) const { return m_items.value(name); }
    /// The row's button: "Retry", "Cancel" or "Sync" (nullptr when the row has none).
    QAbstractButton *buttonFor(const QString &name) const;
    /// The full text of the current row's details (its errors, one a line).
    QString detailsText() const;

    static QString statusText(int status);

private:
    void rebuild();
    void updateRow(const QString &name);
    void updateDetails();

    SyncController &m_controller;
    QTreeWidget *m_view;
    QLabel *m_details;
    QHash<QString, QTreeWidgetItem *> m_items;
};

/// @short A progress bar that shows its text while busy (no total known)
/// too; QProgressBar shows none then.
class SyncProgressBar : public QProgressBar
{
    Q_OBJECT
public:
    using QProgressBar::QProgressBar;
    void setDisplayText(const QString &text);
    QString text() const override { return m_text; }

private:
    QString m_text;
};

} // namespace ConsignDesk
