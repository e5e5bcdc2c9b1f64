#pragma once

#include <QIcon>
#include <QWidget>

class QLabel;

namespace ConsignDesk {

/// @short A pane's page while its store data is empty: what the pane is for,
/// and what to do to fill it.
class PanePage : public QWidget
{
    Q_OBJECT
public:
    PanePage(const QIcon &icon, const QString &title, const QString &emptyText, QWidget *parent = nullptr);

    QString title() const;

private:
    QLabel *m_title;
};

} // namespace ConsignDesk
