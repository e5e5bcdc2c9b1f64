#pragma once

#include "widgets/detailview.h"

#include <QColor>
#include <QLocale>
#include <QPalette>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariant>

#include <optional>

class QSqlQuery;

/// @short How the detail views write money, dates and shares for people, and
/// the palette-derived HTML they are drawn with: one place, so every panel
/// reads alike.
namespace ConsignDesk::DetailFormat {

/// @p minor units of @p currency in the user's locale (Currency::format:
/// "$41.00", "£12.50"); never converted, never added to another currency.
QString money(qint64 minor, const QString &currency, const QLocale &locale = QLocale());
/// Milliseconds since the epoch (UTC) as local date and time; "" for null.
QString dateTime(const QVariant &ms, const QLocale &locale = QLocale());
/// Milliseconds since the epoch (UTC) as the local date; "" for null.
QString dateOf(const QVariant &ms, const QLocale &locale = QLocale());
/// An ISO date ("2027-10-18") in the locale's short format with a 4-digit year;
/// the text itself when it is not an ISO date.
QString isoDate(const QString &iso, const QLocale &locale = QLocale());
/// Basis points as a percentage ("50%", "62.5%"); "" for null.
QString share(const QVariant &basisPoints, const QLocale &locale = QLocale());
/// A whole count in the locale ("1,234").
QString count(qint64 n, const QLocale &locale = QLocale());
/// The count beside a list's title: "(3)", or, when the list shows only
/// @p limit of @p total rows, @p partOf filled in ("(the first 500 of 620)").
QString countNote(qint64 total, int limit, const QString &partOf);
/// Thousandths as a decimal without trailing zeros (5000 -> "5", 2500 -> "2.5").
QString thousandths(qint64 value, const QLocale &locale = QLocale());

QString escape(const QString &text);
/// A vendor's code word for people: "to_be_returned" -> "To be returned", "ACTIVE" -> "Active".
QString humanize(const QString &vendorValue);
/// A signed difference of money ("+$5.00", "-$3.00").
QString moneyChange(qint64 minor, const QString &currency, const QLocale &locale = QLocale());

/// "record:items/12": the links between records in a panel.
QUrl recordUrl(const RecordRef &record);
std::optional<RecordRef> recordFromUrl(const QUrl &url);
/// An HTML link to @p record showing @p text (escaped).
QString link(const RecordRef &record, const QString &text);

/// The shown text for a record that is gone from the cache.
QString goneText();
/// The shown text when no record is selected.
QString nothingSelectedText();

/// A row tint for rows that need attention (expiring soon), derived from the
/// palette's highlight so it fits light and dark themes.
QColor attentionTint(const QPalette &palette);
/// Secondary text (labels, notes), readable on the palette's base.
QColor mutedColor(const QPalette &palette);
/// A warning text colour that stays readable on the palette's base.
QColor warningColor(const QPalette &palette);

/// What a panel says about the connection a record belongs to.
struct ConnectionInfo {
    QString id;
    QString name;
    QString vendor; ///< the vendor id ("simpleconsign")
    QString vendorName;
    QUrl baseUrl;
    QString currency;
};
std::optional<ConnectionInfo> connectionInfo(QSqlDatabase db, const QString &connectionId);

/// A column of @p q's current row as text.
QString columnText(const QSqlQuery &q, const char *column);
/// A money column of @p q's current row in @p currency; "" for null.
QString columnMoney(const QSqlQuery &q, const char *column, const QString &currency);

/// Runs a prepared @p query (values bound); logs and returns false on failure.
bool run(QSqlQuery &query);

/// @short Builds a panel's HTML with styles taken from the palette.
class Html {
public:
    explicit Html(const QPalette &palette);

    enum Align { Left, Right };
    struct Column {
        QString title;
        Align align = Left;
    };

    /// The record's name, large, with a muted line under it.
    void title(const QString &text, const QString &subtitle = {});
    /// A line in the warning colour (deleted at the vendor, …).
    void warning(const QString &text);
    void paragraph(const QString &html, bool muted = false);
    void section(const QString &text, const QString &note = {});

    /// A two-column table of labels and values; empty values are left out.
    void beginFields();
    void field(const QString &label, const QString &valueHtml);
    void textField(const QString &label, const QString &text) { field(label, escape(text)); }
    void endFields();

    /// A list table across the panel, or as wide as its content; columns
    /// empty on every row are left out.
    void beginTable(const QList<Column> &columns, bool fullWidth = true);
    void row(const QStringList &cellsHtml, bool attention = false);
    void endTable();

    /// Raw HTML (images).
    void raw(const QString &html) { m_out += html; }
    QString text() const;

private:
    struct Row {
        QStringList cells;
        bool attention = false;
    };
    const QPalette m_palette;
    QList<Column> m_columns;
    QList<Row> m_rows;
    bool m_fullWidth = true;
    QString m_out;
};

} // namespace ConsignDesk::DetailFormat
