#include "mainwindow/DrillsUnavailableWidget.h"

#include "ui_DrillsUnavailableWidget.h"

DrillsUnavailableWidget::DrillsUnavailableWidget(QWidget* parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::DrillsUnavailableWidget>())
{
    m_ui->setupUi(this);
}

DrillsUnavailableWidget::~DrillsUnavailableWidget() = default;

void DrillsUnavailableWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
    }
    QWidget::changeEvent(event);
}
