#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class WelcomePage;
}

namespace ConsignDesk {

/// @short What the main window shows while no store is connected: the two
/// ways to start, the demo stores and a real connection.
class WelcomePage : public QWidget
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget *parent = nullptr);
    ~WelcomePage() override;

    /// A line under the choices: progress, or why the last choice failed.
    void setMessage(const QString &text, bool error);
    QString message() const;
    /// While the demo stores start, their button waits.
    void setDemoStarting(bool starting);

Q_SIGNALS:
    void openDemoStoresClicked();
    void addConnectionClicked();

private:
    std::unique_ptr<Ui::WelcomePage> m_ui;
};

} // namespace ConsignDesk
