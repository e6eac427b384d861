#include "common/BusyIndicator.h"

#include "common/FormHelpers.h"

#include <QLabel>
#include <QTimer>
#include <QWidget>

namespace {
constexpr const char* kSavedStyle = "qingtingBusySavedStyle";
}

BusyIndicator::BusyIndicator(QLabel* label, QList<QWidget*> controls, QObject* parent)
    : QObject(parent)
    , m_label(label)
    , m_waitingTimer(new QTimer(this))
{
    for (QWidget* control : controls) {
        m_controls.append(control);
    }
    m_waitingTimer->setSingleShot(true);
    m_waitingTimer->setInterval(kWaitingNoticeMs);
    connect(m_waitingTimer, &QTimer::timeout, this, &BusyIndicator::showWaiting);
}

QString BusyIndicator::savingText()
{
    return tr("Saving…");
}

QString BusyIndicator::waitingText()
{
    return tr("Waiting for the database: another desk is saving. Your work is kept; this finishes by itself or "
              "reports an error.");
}

void BusyIndicator::start(const QString& text)
{
    m_busy = true;
    for (const auto& control : std::as_const(m_controls)) {
        if (control) {
            control->setEnabled(false);
        }
    }
    if (m_label) {
        if (!m_label->property(kSavedStyle).isValid()) {
            m_label->setProperty(kSavedStyle, m_label->styleSheet());
        }
        m_label->setStyleSheet(QString()); // the label may be the form's red error label: waiting is no error
        m_label->setText(text);
        m_label->show();
    }
    m_waitingTimer->start();
}

void BusyIndicator::stop()
{
    m_busy = false;
    m_waitingTimer->stop();
    for (const auto& control : std::as_const(m_controls)) {
        if (control) {
            control->setEnabled(true);
        }
    }
    if (m_label) {
        m_label->hide();
        m_label->setStyleSheet(m_label->property(kSavedStyle).toString());
        m_label->setProperty(kSavedStyle, QVariant());
    }
}

void BusyIndicator::showWaiting()
{
    if (m_busy && m_label) {
        m_label->setText(waitingText());
    }
}

void BusyIndicator::showError(const QString& message)
{
    if (m_label) {
        FormHelpers::showError(m_label, message);
    }
}
