#include "widgets/panepage.h"

#include <QLabel>
#include <QVBoxLayout>

namespace ConsignDesk {

PanePage::PanePage(const QIcon &icon, const QString &title, const QString &emptyText, QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(title, this))
{
    setAccessibleName(title);

    auto *picture = new QLabel(this);
    picture->setPixmap(icon.pixmap(QSize(96, 96), devicePixelRatioF()));
    picture->setAlignment(Qt::AlignHCenter);
    picture->setAccessibleName(tr("%1 icon").arg(title));

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignHCenter);

    auto *text = new QLabel(emptyText, this);
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignHCenter);
    text->setMaximumWidth(560);
    text->setMinimumWidth(280);
    text->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(picture);
    layout->addWidget(m_title);
    auto *textRow = new QHBoxLayout;
    textRow->addStretch(1);
    textRow->addWidget(text, 4);
    textRow->addStretch(1);
    layout->addLayout(textRow);
    layout->addStretch(3);
}

QString PanePage::title() const
{
    return m_title->text();
}

} // namespace ConsignDesk
