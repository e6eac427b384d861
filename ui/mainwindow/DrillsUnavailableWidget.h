#pragma once

#include <QWidget>

#include <memory>

namespace Ui {
class DrillsUnavailableWidget;
}

/** The trainer's page until drills exist: says plainly how training cases are made and that drills are not there yet.
 */
class DrillsUnavailableWidget : public QWidget
{
    Q_OBJECT

public:
    explicit DrillsUnavailableWidget(QWidget* parent = nullptr);
    ~DrillsUnavailableWidget() override;

protected:
    void changeEvent(QEvent* event) override;

private:
    std::unique_ptr<Ui::DrillsUnavailableWidget> m_ui;
};
