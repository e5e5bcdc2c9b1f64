#include "widgets/aboutdialog.h"

#include "ui_aboutdialog.h"

#include <QCoreApplication>
#include <QIcon>

namespace ConsignDesk {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AboutDialog>())
{
    m_ui->setupUi(this);
    m_ui->icon->setPixmap(QIcon(QStringLiteral(":/icons/consigndesk.svg")).pixmap(QSize(64, 64), devicePixelRatioF()));
    QFont titleFont = m_ui->title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    m_ui->title->setFont(titleFont);
    m_ui->version->setText(tr("Version %1").arg(QCoreApplication::applicationVersion()));
    m_ui->details->setText(tr("Built with Qt %1, running on Qt %2.").arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())));
}

AboutDialog::~AboutDialog() = default;

QString AboutDialog::versionText() const
{
    return m_ui->version->text();
}

} // namespace ConsignDesk
