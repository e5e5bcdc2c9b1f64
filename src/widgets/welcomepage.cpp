#include "widgets/welcomepage.h"

#include "ui_welcomepage.h"

#include <QIcon>

namespace ConsignDesk {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::WelcomePage>())
{
    m_ui->setupUi(this);
    m_ui->logo->setPixmap(QIcon(QStringLiteral(":/icons/consigndesk.svg")).pixmap(QSize(96, 96), devicePixelRatioF()));
    QFont titleFont = m_ui->title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    m_ui->title->setFont(titleFont);
    m_ui->message->hide();
    m_ui->openDemoButton->setFocus();
    connect(m_ui->openDemoButton, &QAbstractButton::clicked, this, &WelcomePage::openDemoStoresClicked);
    connect(m_ui->addConnectionButton, &QAbstractButton::clicked, this, &WelcomePage::addConnectionClicked);
}

WelcomePage::~WelcomePage() = default;

void WelcomePage::setMessage(const QString &text, bool error)
{
    m_ui->message->setText(text);
    QPalette palette = this->palette();
    if (error)
        palette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_ui->message->setPalette(palette);
    m_ui->message->setVisible(!text.isEmpty());
}

QString WelcomePage::message() const
{
    return m_ui->message->text();
}

void WelcomePage::setDemoStarting(bool starting)
{
    m_ui->openDemoButton->setEnabled(!starting);
    if (starting)
        setMessage(tr("Starting the demo stores…"), false);
}

} // namespace ConsignDesk
