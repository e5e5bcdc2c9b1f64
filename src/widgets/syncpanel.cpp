#include "widgets/syncpanel.h"

#include "widgets/synccontroller.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QStyle>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ConsignDesk {

namespace {

using Status = SyncController::Status;

// A tooltip Qt wraps: rich text, escaped, one paragraph per line.
QString wrappingTooltip(const QString &text)
{
    if (text.isEmpty())
        return {};
    QString html;
    const QStringList lines = text.split(u'\n');
    for (const QString &line : lines)
        html += QStringLiteral("<p>") + line.toHtmlEscaped() + QStringLiteral("</p>");
    return html;
}

QIcon statusIcon(Status status, const QStyle *style)
{
    switch (status) {
    case Status::Idle:
    case Status::Queued:
        return {};
    case Status::Running:
        return style->standardIcon(QStyle::SP_BrowserReload);
    case Status::Done:
        return style->standardIcon(QStyle::SP_DialogApplyButton);
    case Status::Failed:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case Status::Cancelled:
        return style->standardIcon(QStyle::SP_DialogCancelButton);
    }
    return {};
}

} // namespace

SyncPanel::SyncPanel(SyncController &controller, QWidget *parent)
    : QDockWidget(tr("Sync"), parent)
    , m_controller(controller)
    , m_view(new QTreeWidget)
    , m_details(new QLabel)
{
    setObjectName(QStringLiteral("syncDock"));
    setAccessibleName(tr("Sync"));
    setAllowedAreas(Qt::BottomDockWidgetArea | Qt::TopDockWidgetArea | Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);

    m_view->setObjectName(QStringLiteral("syncView"));
    m_view->setAccessibleName(tr("Sync state of each connection"));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setColumnCount(ColumnCount);
    m_view->setHeaderLabels({tr("Connection"), tr("State"), tr("Resource"), tr("Pages"), tr("Rows"), tr("Time left"),
                             tr("Last synced"), tr("Problem"), QString()});
    m_view->headerItem()->setData(ActionColumn, Qt::AccessibleTextRole, tr("Action"));
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    for (int column = 0; column < ColumnCount; ++column)
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ProblemColumn, QHeaderView::Stretch);
    header->setMinimumSectionSize(48);

    m_details->setObjectName(QStringLiteral("syncDetails"));
    m_details->setAccessibleName(tr("Details of the chosen connection's sync"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_details->setFocusPolicy(Qt::StrongFocus);
    m_details->setVisible(false);

    auto *body = new QWidget(this);
    auto *layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 2, 4, 4);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_details);
    setWidget(body);

    connect(&controller, &SyncController::connectionsChanged, this, &SyncPanel::rebuild);
    connect(&controller, &SyncController::connectionStateChanged, this, &SyncPanel::updateRow);
    connect(m_view, &QTreeWidget::currentItemChanged, this, &SyncPanel::updateDetails);
    // After a run with failures, the first failed row is the one to read.
    connect(&controller, &SyncController::finished, this, [this](bool ok) {
        if (ok)
            return;
        for (const QString &name : m_controller.connectionNames()) {
            if (m_controller.connectionState(name).status == Status::Failed) {
                m_view->setCurrentItem(m_items.value(name));
                break;
            }
        }
    });
    rebuild();
}

SyncPanel::~SyncPanel()
{
    // The view's last signals, while it goes, must not reach this half-gone panel.
    m_view->disconnect(this);
}

QString SyncPanel::statusText(int status)
{
    switch (Status(status)) {
    case Status::Idle:
        return tr("Idle");
    case Status::Queued:
        return tr("Waiting");
    case Status::Running:
        return tr("Syncing");
    case Status::Done:
        return tr("Up to date");
    case Status::Failed:
        return tr("Failed");
    case Status::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

void SyncPanel::rebuild()
{
    const QString current = m_view->currentItem() ? m_view->currentItem()->text(NameColumn) : QString();
    m_view->clear();
    m_items.clear();
    for (const QString &name : m_controller.connectionNames()) {
        auto *item = new QTreeWidgetItem(m_view, {name});
        m_items.insert(name, item);
        auto *button = new QToolButton;
        button->setObjectName(QStringLiteral("syncRowButton"));
        button->setAutoRaise(true);
        connect(button, &QToolButton::clicked, this, [this, name] {
            if (m_controller.connectionState(name).status == Status::Running)
                m_controller.cancel();
            else
                m_controller.syncConnection(name);
        });
        m_view->setItemWidget(item, ActionColumn, button);
        updateRow(name);
        if (name == current)
            m_view->setCurrentItem(item);
    }
    if (!m_view->currentItem() && m_view->topLevelItemCount() > 0)
        m_view->setCurrentItem(m_view->topLevelItem(0));
    updateDetails();
}

QAbstractButton *SyncPanel::buttonFor(const QString &name) const
{
    QTreeWidgetItem *item = m_items.value(name);
    auto *button = item ? qobject_cast<QAbstractButton *>(m_view->itemWidget(item, ActionColumn)) : nullptr;
    return button && !button->isHidden() ? button : nullptr;
}

void SyncPanel::updateRow(const QString &name)
{
    QTreeWidgetItem *item = m_items.value(name);
    if (!item)
        return;
    const SyncController::ConnectionState state = m_controller.connectionState(name);
    const QLocale locale;
    const bool running = state.status == Status::Running;
    item->setText(StateColumn, statusText(int(state.status)));
    item->setIcon(StateColumn, statusIcon(state.status, style()));
    item->setText(ResourceColumn, state.status == Status::Idle ? QString() : SyncController::resourceTitle(state.resource));
    // Counts while running, and a run's totals once it ended (a failure before any page has none).
    const bool counted = running || state.status == Status::Done || state.status == Status::Cancelled || state.pages > 0;
    item->setText(PagesColumn, counted ? locale.toString(state.pages) : QString());
    item->setText(RowsColumn, counted
                                  ? (state.total > 0 ? tr("%1 of %2").arg(locale.toString(state.rows), locale.toString(state.total))
                                                     : locale.toString(state.rows))
                                  : QString());
    const Store::WriteCounts &counts = state.counts;
    item->setToolTip(RowsColumn, running || state.status == Status::Idle
                                     ? QString()
                                     : tr("%1 new, %2 changed, %3 unchanged, %4 deleted")
                                           .arg(locale.toString(counts.added), locale.toString(counts.changed),
                                                locale.toString(counts.unchanged), locale.toString(counts.deleted)));
    item->setText(TimeLeftColumn, running && state.etaMs >= 0 ? SyncController::formatDuration(state.etaMs) : QString());
    item->setText(LastSyncedColumn, state.lastSynced.isValid() ? SyncController::formatTime(state.lastSynced) : tr("Never"));
    item->setText(ProblemColumn, state.error.section(u'\n', 0, 0));
    item->setToolTip(ProblemColumn, wrappingTooltip(state.error));
    item->setToolTip(NameColumn, wrappingTooltip(state.error));
    for (int column : {PagesColumn, RowsColumn, TimeLeftColumn})
        item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);

    if (auto *button = qobject_cast<QToolButton *>(m_view->itemWidget(item, ActionColumn))) {
        QString text;
        QString tip;
        switch (state.status) {
        case Status::Running:
            text = tr("Cancel");
            tip = tr("Stop syncing; what was fetched so far stays");
            break;
        case Status::Failed:
            text = tr("Retry");
            tip = tr("Sync %1 again").arg(name);
            break;
        case Status::Queued:
            break;
        case Status::Idle:
        case Status::Done:
        case Status::Cancelled:
            text = tr("Sync");
            tip = tr("Fetch what changed from %1").arg(name);
            break;
        }
        button->setText(text);
        button->setToolTip(tip);
        button->setAccessibleName(text.isEmpty() ? QString() : tr("%1 %2").arg(text, name));
        button->setVisible(!text.isEmpty());
    }
    if (item == m_view->currentItem())
        updateDetails();
}

QString SyncPanel::detailsText() const
{
    return m_details->text();
}

void SyncPanel::updateDetails()
{
    QTreeWidgetItem *item = m_view->currentItem();
    const QString error = item ? m_controller.connectionState(item->text(NameColumn)).error : QString();
    m_details->setText(error);
    m_details->setVisible(!error.isEmpty());
}

void SyncProgressBar::setDisplayText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    setAccessibleDescription(text);
    setToolTip(text);
    update();
}

} // namespace ConsignDesk
