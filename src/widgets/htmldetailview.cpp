#include "widgets/htmldetailview.h"

#include <QEvent>
#include <QScrollBar>
#include <QSqlQuery>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ConsignDesk {

/// A text browser that asks its view for the resources the HTML names.
class DetailBrowser : public QTextBrowser {
public:
    DetailBrowser(HtmlDetailView *view)
        : QTextBrowser(view)
        , m_view(view)
    {
    }

    QVariant loadResource(int type, const QUrl &name) override
    {
        const QVariant value = m_view->resource(name);
        return value.isValid() ? value : QTextBrowser::loadResource(type, name);
    }

private:
    HtmlDetailView *m_view;
};

HtmlDetailView::HtmlDetailView(QSqlDatabase db, const QString &accessibleName, QWidget *parent)
    : DetailView(parent)
    , m_db(db)
    , m_browser(new DetailBrowser(this))
{
    setAccessibleName(accessibleName);
    m_browser->setAccessibleName(accessibleName);
    m_browser->setObjectName(QStringLiteral("detailBrowser"));
    m_browser->setOpenLinks(false);
    m_browser->setOpenExternalLinks(false);
    m_browser->setFrameShape(QFrame::NoFrame);
    m_browser->document()->setDocumentMargin(12);
    setFocusProxy(m_browser);
    // Tables 100 % wide round to a pixel more than the viewport at some
    // widths: no scroll bar for that, only for content really wider.
    connect(m_browser->horizontalScrollBar(), &QScrollBar::rangeChanged, this, [this](int, int max) {
        m_browser->setHorizontalScrollBarPolicy(max <= 2 ? Qt::ScrollBarAlwaysOff : Qt::ScrollBarAsNeeded);
    });
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (const std::optional<RecordRef> record = DetailFormat::recordFromUrl(url))
            Q_EMIT openRequested(*record);
        else
            followLink(url);
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    clear();
}

void HtmlDetailView::showRecord(qint64 id)
{
    if (id <= 0) {
        clear();
        return;
    }
    const bool same = id == m_id;
    m_id = id;
    redraw();
    if (!same) {
        m_browser->verticalScrollBar()->setValue(0);
        m_browser->horizontalScrollBar()->setValue(0);
    }
}

void HtmlDetailView::reload()
{
    if (m_id > 0)
        redraw();
}

void HtmlDetailView::clear()
{
    m_id = 0;
    DetailFormat::Html html(palette());
    html.paragraph(DetailFormat::escape(DetailFormat::nothingSelectedText()), true);
    m_browser->setHtml(html.text());
}

void HtmlDetailView::redraw()
{
    if (m_id <= 0)
        return;
    const int vertical = m_browser->verticalScrollBar()->value();
    const int horizontal = m_browser->horizontalScrollBar()->value();
    DetailFormat::Html html(palette());
    if (render(m_id, html)) {
        m_browser->setHtml(html.text());
    } else {
        DetailFormat::Html gone(palette());
        gone.paragraph(DetailFormat::escape(DetailFormat::goneText()), true);
        m_browser->setHtml(gone.text());
    }
    m_browser->verticalScrollBar()->setValue(vertical);
    m_browser->horizontalScrollBar()->setValue(horizontal);
}

std::optional<HtmlDetailView::Record> HtmlDetailView::findRecord(QSqlQuery &q, const QString &sql, qint64 id)
{
    q.prepare(sql);
    q.addBindValue(id);
    if (!DetailFormat::run(q) || !q.next())
        return std::nullopt;
    Record record;
    record.connectionId = DetailFormat::columnText(q, "connection_id");
    record.externalId = DetailFormat::columnText(q, "external_id");
    record.currency = DetailFormat::columnText(q, "currency");
    record.connection = DetailFormat::connectionInfo(m_db, record.connectionId).value_or(DetailFormat::ConnectionInfo{});
    return record;
}

qint64 HtmlDetailView::countOf(const QString &sql, const QString &connectionId, const QString &externalId)
{
    QSqlQuery q(m_db);
    q.prepare(sql);
    q.addBindValue(connectionId);
    q.addBindValue(externalId);
    return DetailFormat::run(q) && q.next() ? q.value(0).toLongLong() : 0;
}

void HtmlDetailView::changeEvent(QEvent *event)
{
    DetailView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        if (m_id > 0)
            redraw();
        else
            clear();
    }
}

} // namespace ConsignDesk
