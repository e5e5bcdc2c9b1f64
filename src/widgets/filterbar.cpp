#include "widgets/filterbar.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDoubleValidator>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <cmath>

namespace ConsignDesk {

using Models::FilterSpec;

namespace {

QString trFilters(const char *text)
{
    return QCoreApplication::translate("ConsignDesk::Models::Filters", text);
}

QString trBar(const char *text)
{
    return QCoreApplication::translate("ConsignDesk::FilterBar", text);
}

const QDate unsetDate(1900, 1, 1);

} // namespace

LazyChoiceBox::LazyChoiceBox(QSqlDatabase db, QString choicesSql, QWidget *parent)
    : QComboBox(parent)
    , m_db(std::move(db))
    , m_sql(std::move(choicesSql))
{
    setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    setMinimumContentsLength(12);
    addItem(trBar("Any"));
}

void LazyChoiceBox::ensureLoaded()
{
    if (m_loaded)
        return;
    m_loaded = true;
    const QVariantList current = chosen();
    clear();
    addItem(trBar("Any"));
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(m_sql)) {
        setToolTip(trBar("The choices could not be read: %1").arg(query.lastError().text()));
        return;
    }
    const int fields = query.record().count();
    while (query.next()) {
        QVariantList values;
        // One column: it is the label and the value; more: a label, then the values.
        for (int f = fields == 1 ? 0 : 1; f < fields; ++f)
            values.append(query.value(f));
        addItem(query.value(0).toString(), values);
    }
    if (!current.isEmpty())
        choose(current);
}

QVariantList LazyChoiceBox::chosen() const
{
    return currentIndex() > 0 ? currentData().toList() : QVariantList();
}

bool LazyChoiceBox::choose(const QVariantList &values)
{
    if (values.isEmpty()) {
        setCurrentIndex(0);
        return true;
    }
    ensureLoaded();
    for (int i = 1; i < count(); ++i) {
        if (itemData(i).toList() == values) {
            setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void LazyChoiceBox::showPopup()
{
    ensureLoaded();
    QComboBox::showPopup();
}

void LazyChoiceBox::focusInEvent(QFocusEvent *event)
{
    ensureLoaded();
    QComboBox::focusInEvent(event);
}

namespace FilterBar {

namespace {

QLineEdit *amountEdit(QWidget *parent, const QString &name, const QString &placeholder, int digits)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setAccessibleName(placeholder);
    auto *validator = new QDoubleValidator(edit);
    validator->setDecimals(digits);
    validator->setNotation(QDoubleValidator::StandardNotation);
    edit->setValidator(validator);
    edit->setMaximumWidth(110);
    edit->setClearButtonEnabled(true);
    return edit;
}

QDateEdit *dateEdit(QWidget *parent, const QString &name, const QString &accessibleName)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(name);
    edit->setAccessibleName(accessibleName);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(unsetDate);
    edit->setSpecialValueText(trBar("Any"));
    edit->setDate(unsetDate);
    return edit;
}

QVariant amountValue(const QLineEdit *edit, int digits)
{
    bool ok = false;
    const double major = QLocale().toDouble(edit->text().trimmed(), &ok);
    if (!ok)
        return {};
    return qint64(std::llround(major * std::pow(10.0, digits)));
}

} // namespace

Widgets build(QWidget *bar, const Models::TableSpec &spec, QSqlDatabase db, int moneyDigits,
              const std::function<void()> &changed)
{
    Widgets widgets;
    auto *grid = new QGridLayout(bar);
    grid->setContentsMargins(0, 4, 0, 4);
    grid->setHorizontalSpacing(8);
    constexpr int perRow = 4;
    int slot = 0;
    for (const FilterSpec &filter : spec.filters) {
        const QString label = trFilters(filter.label);
        QWidget *widget = nullptr;
        QWidget *focus = nullptr;
        switch (filter.kind) {
        case FilterSpec::Kind::Choice: {
            auto *box = new LazyChoiceBox(db, filter.choicesSql, bar);
            box->setAccessibleName(label);
            QObject::connect(box, &QComboBox::currentIndexChanged, bar, [changed] { changed(); });
            widget = focus = box;
            break;
        }
        case FilterSpec::Kind::MoneyRange:
        case FilterSpec::Kind::NumberRange: {
            const int digits = filter.kind == FilterSpec::Kind::MoneyRange ? moneyDigits : 0;
            auto *range = new QWidget(bar);
            auto *row = new QHBoxLayout(range);
            row->setContentsMargins(0, 0, 0, 0);
            auto *from = amountEdit(range, filter.key + QStringLiteral("_from"), trBar("from"), digits);
            auto *to = amountEdit(range, filter.key + QStringLiteral("_to"), trBar("to"), digits);
            from->setAccessibleName(trBar("%1 from").arg(label));
            to->setAccessibleName(trBar("%1 to").arg(label));
            row->addWidget(from);
            row->addWidget(new QLabel(QStringLiteral("–"), range));
            row->addWidget(to);
            for (QLineEdit *edit : {from, to})
                QObject::connect(edit, &QLineEdit::textChanged, bar, [changed] { changed(); });
            range->setProperty("digits", digits);
            widget = range;
            focus = from;
            break;
        }
        case FilterSpec::Kind::DateRange: {
            auto *range = new QWidget(bar);
            auto *row = new QHBoxLayout(range);
            row->setContentsMargins(0, 0, 0, 0);
            auto *from = dateEdit(range, filter.key + QStringLiteral("_from"), trBar("%1 from").arg(label));
            auto *to = dateEdit(range, filter.key + QStringLiteral("_to"), trBar("%1 to").arg(label));
            row->addWidget(from);
            row->addWidget(new QLabel(QStringLiteral("–"), range));
            row->addWidget(to);
            for (QDateEdit *edit : {from, to})
                QObject::connect(edit, &QDateEdit::dateChanged, bar, [changed] { changed(); });
            widget = range;
            focus = from;
            break;
        }
        case FilterSpec::Kind::Flag: {
            auto *box = new QCheckBox(label, bar);
            QObject::connect(box, &QCheckBox::toggled, bar, [changed] { changed(); });
            widget = focus = box;
            break;
        }
        case FilterSpec::Kind::Days: {
            auto *days = new QSpinBox(bar);
            days->setRange(0, 3650);
            days->setSpecialValueText(trBar("Off"));
            days->setSuffix(trBar(" days"));
            days->setAccessibleName(label);
            QObject::connect(days, &QSpinBox::valueChanged, bar, [changed] { changed(); });
            widget = focus = days;
            break;
        }
        case FilterSpec::Kind::Text: {
            auto *edit = new QLineEdit(bar);
            edit->setClearButtonEnabled(true);
            edit->setAccessibleName(label);
            QObject::connect(edit, &QLineEdit::textChanged, bar, [changed] { changed(); });
            widget = focus = edit;
            break;
        }
        }
        widget->setObjectName(QStringLiteral("filter_") + filter.key);
        const int row = slot / perRow;
        const int column = (slot % perRow) * 2;
        if (filter.kind == FilterSpec::Kind::Flag) {
            grid->addWidget(widget, row, column, 1, 2);
        } else {
            auto *caption = new QLabel(label + u':', bar);
            caption->setBuddy(focus);
            grid->addWidget(caption, row, column, Qt::AlignRight);
            grid->addWidget(widget, row, column + 1);
        }
        widgets.insert(filter.key, widget);
        ++slot;
    }
    for (int c = 0; c < perRow; ++c)
        grid->setColumnStretch(c * 2 + 1, 1);
    return widgets;
}

QVariantMap values(const Models::TableSpec &spec, const Widgets &widgets)
{
    QVariantMap map;
    for (const FilterSpec &filter : spec.filters) {
        QWidget *widget = widgets.value(filter.key);
        if (!widget)
            continue;
        switch (filter.kind) {
        case FilterSpec::Kind::Choice:
            if (const QVariantList chosen = static_cast<LazyChoiceBox *>(widget)->chosen(); !chosen.isEmpty())
                map.insert(filter.key, chosen);
            break;
        case FilterSpec::Kind::MoneyRange:
        case FilterSpec::Kind::NumberRange: {
            const int digits = widget->property("digits").toInt();
            const QVariant from = amountValue(widget->findChild<QLineEdit *>(filter.key + QStringLiteral("_from")), digits);
            const QVariant to = amountValue(widget->findChild<QLineEdit *>(filter.key + QStringLiteral("_to")), digits);
            if (from.isValid() || to.isValid())
                map.insert(filter.key, QVariantList{from, to});
            break;
        }
        case FilterSpec::Kind::DateRange: {
            const QDate from = widget->findChild<QDateEdit *>(filter.key + QStringLiteral("_from"))->date();
            const QDate to = widget->findChild<QDateEdit *>(filter.key + QStringLiteral("_to"))->date();
            if (from != unsetDate || to != unsetDate)
                map.insert(filter.key, QVariantList{from != unsetDate ? QVariant(from) : QVariant(),
                                                    to != unsetDate ? QVariant(to) : QVariant()});
            break;
        }
        case FilterSpec::Kind::Flag:
            if (static_cast<QCheckBox *>(widget)->isChecked())
                map.insert(filter.key, true);
            break;
        case FilterSpec::Kind::Days:
            if (const int days = static_cast<QSpinBox *>(widget)->value(); days > 0)
                map.insert(filter.key, days);
            break;
        case FilterSpec::Kind::Text:
            if (const QString text = static_cast<QLineEdit *>(widget)->text().trimmed(); !text.isEmpty())
                map.insert(filter.key, text);
            break;
        }
    }
    return map;
}

void setValues(const Models::TableSpec &spec, const Widgets &widgets, const QVariantMap &values)
{
    for (const FilterSpec &filter : spec.filters) {
        QWidget *widget = widgets.value(filter.key);
        if (!widget)
            continue;
        const QSignalBlocker block(widget);
        const QVariant value = values.value(filter.key);
        switch (filter.kind) {
        case FilterSpec::Kind::Choice:
            static_cast<LazyChoiceBox *>(widget)->choose(value.toList());
            break;
        case FilterSpec::Kind::MoneyRange:
        case FilterSpec::Kind::NumberRange: {
            const int digits = widget->property("digits").toInt();
            const QVariantList range = value.toList();
            const QStringList names{filter.key + QStringLiteral("_from"), filter.key + QStringLiteral("_to")};
            for (int end = 0; end < 2; ++end) {
                auto *edit = widget->findChild<QLineEdit *>(names.at(end));
                const QSignalBlocker blockEdit(edit);
                const QVariant bound = range.value(end);
                edit->setText(bound.isValid() && !bound.isNull()
                                  ? QLocale().toString(double(bound.toLongLong()) / std::pow(10.0, digits), 'f', digits)
                                  : QString());
            }
            break;
        }
        case FilterSpec::Kind::DateRange: {
            const QVariantList range = value.toList();
            const QStringList names{filter.key + QStringLiteral("_from"), filter.key + QStringLiteral("_to")};
            for (int end = 0; end < 2; ++end) {
                auto *edit = widget->findChild<QDateEdit *>(names.at(end));
                const QSignalBlocker blockEdit(edit);
                const QDate date = range.value(end).toDate();
                edit->setDate(date.isValid() ? date : unsetDate);
            }
            break;
        }
        case FilterSpec::Kind::Flag:
            static_cast<QCheckBox *>(widget)->setChecked(value.toBool());
            break;
        case FilterSpec::Kind::Days:
            static_cast<QSpinBox *>(widget)->setValue(value.toInt());
            break;
        case FilterSpec::Kind::Text:
            static_cast<QLineEdit *>(widget)->setText(value.toString());
            break;
        }
    }
}

void invalidateChoices(const Widgets &widgets)
{
    for (QWidget *widget : widgets) {
        if (auto *box = qobject_cast<LazyChoiceBox *>(widget))
            box->invalidate();
    }
}

} // namespace FilterBar

} // namespace ConsignDesk
