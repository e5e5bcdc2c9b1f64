#pragma once

#include <QDate>
#include <QWidget>

class QChart;
class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;
class QPrinter;
class QPushButton;
class QSpinBox;
class QSplitter;
class QStandardItemModel;
class QTableView;

namespace ConsignDesk::Sync {
class Workspace;
}

namespace ConsignDesk {

/// @short The Reports pane (issue 8): a report and its parameters, the result
/// as a table and as a chart, exported (CSV, XLSX, PDF; PNG, PDF) or printed.
/// Runs again on every change of a parameter (the reports are grouped, small).
class ReportsPane : public QWidget
{
    Q_OBJECT
public:
    /// Roles of the result model's items besides the display text.
    enum Role {
        RawValueRole = Qt::UserRole + 1, ///< the cell's value (minor units for money)
        PlainTextRole,                   ///< the cell as CSV writes it (Reports::plainText)
        CurrencyRole,                    ///< the row's currency
        TotalsRole,                      ///< true on the totals rows
    };

    explicit ReportsPane(Sync::Workspace &workspace, QWidget *parent = nullptr);
    ~ReportsPane() override;

    QString report() const;
    QString grouping() const;
    QString connectionId() const;
    void setReport(const QString &name);
    void setGrouping(const QString &grouping);
    /// An invalid date: "any".
    void setPeriod(const QDate &from, const QDate &to);
    void setConnectionId(const QString &id);

    QStandardItemModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QChartView *chartView() const { return m_chartView; }
    QChart *chart() const;
    /// The message shown above the result (a refused period, an error), or "".
    QString message() const;

    /// Runs the current report into @p path; the format from its suffix (.csv, .xlsx, .pdf).
    bool exportTable(const QString &path, QString *error);
    /// Writes the chart to @p path: .png at twice the size on screen, or .pdf.
    bool exportChart(const QString &path, QString *error);
    /// Paints the table on @p printer.
    void print(QPrinter *printer);

public Q_SLOTS:
    /// Runs the report again (the cache changed, or a parameter).
    void refresh();
    void exportTableInteractively();
    void exportChartInteractively();
    void printInteractively();

private:
    void fillConnections();
    void fillConsignors();
    void reportChanged();
    void parametersChanged();
    void showMessage(const QString &text);
    void buildChart();
    void applyChartTheme();
    void setChart(QChart *chart);
    void settleChart();
    void saveSettings() const;
    bool periodValid() const;
    struct Params;
    Params params() const;

    Sync::Workspace &m_workspace;
    QComboBox *m_report = nullptr;
    QLabel *m_groupingLabel = nullptr;
    QComboBox *m_grouping = nullptr;
    QLabel *m_fromLabel = nullptr;
    QDateEdit *m_from = nullptr;
    QLabel *m_toLabel = nullptr;
    QDateEdit *m_to = nullptr;
    QComboBox *m_connection = nullptr;
    QLabel *m_consignorLabel = nullptr;
    QComboBox *m_consignor = nullptr;
    QLabel *m_daysLabel = nullptr;
    QSpinBox *m_days = nullptr;
    QPushButton *m_exportTable = nullptr;
    QPushButton *m_exportChart = nullptr;
    QPushButton *m_print = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_message = nullptr;
    QStandardItemModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QChartView *m_chartView = nullptr;
    QString m_reportTitle;
    QString m_subtitle;
    QSplitter *m_splitter = nullptr;
    bool m_splitterMoved = false;
    bool m_updating = false;

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void fitSplitter();
};

} // namespace ConsignDesk
