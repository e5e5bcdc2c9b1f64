#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class AboutDialog;
}

namespace ConsignDesk {

/// @short Help > About: name, version and what ConsignDesk is built on.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);
    ~AboutDialog() override;

    QString versionText() const;

private:
    std::unique_ptr<Ui::AboutDialog> m_ui;
};

} // namespace ConsignDesk
