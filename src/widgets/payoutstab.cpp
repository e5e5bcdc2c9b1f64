#include "widgets/payoutstab.h"

#include "payouts/payoutservice.h"

#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

namespace ConsignDesk {

PayoutsTab::PayoutsTab(Sync::Workspace &workspace, Payouts::PayoutService *service, const QString &unavailable,
                       QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_service(service)
    , m_unavailable(unavailable)
{
}

void PayoutsTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
    else
        shownAgain();
}

bool PayoutsTab::readNow()
{
    if (!isVisible()) {
        m_stale = true; // read when shown
        return false;
    }
    m_stale = false;
    return true;
}

void PayoutsTab::setStatus(const QString &status)
{
    if (status == m_status)
        return;
    m_status = status;
    Q_EMIT statusChanged(m_status);
}

QSplitter *PayoutsTab::splitAbove(QWidget *top, QLabel *title, QWidget *bottom, const QString &objectName)
{
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    title->setBuddy(bottom);
    auto *box = new QWidget(this);
    auto *boxLayout = new QVBoxLayout(box);
    boxLayout->setContentsMargins(0, 4, 0, 0);
    boxLayout->addWidget(title);
    boxLayout->addWidget(bottom, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(objectName);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(top);
    splitter->addWidget(box);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    return splitter;
}

} // namespace ConsignDesk
