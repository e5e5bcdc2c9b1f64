#pragma once

#include <QFont>
#include <QString>

class QDate;
class QLocale;

/// @short The look the printed documents share (the consignor statement here,
/// the reports' PDFs above): the palette, the font and how a day is written.
namespace ConsignDesk::Payouts::DocumentStyle {

// Ink, a muted grey for labels, the accent of headings, and rules.
constexpr auto ink = "#1d2530";
constexpr auto muted = "#667281";
constexpr auto accent = "#1f3a5f";
constexpr auto rule = "#d5dbe3";

/// A sans-serif font at @p points, set without ligatures so that a PDF's text
/// is found and copied as typed.
QFont font(qreal points, bool bold = false);

/// A short date with the whole year ("3/4/2024", "04.03.2024", "4 Mar 2024");
/// "" for an invalid date.
QString day(const QDate &date, const QLocale &locale);

} // namespace ConsignDesk::Payouts::DocumentStyle
